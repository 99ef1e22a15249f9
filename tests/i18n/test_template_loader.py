"""Templates are compiled once per language with their fixed phrases already translated
(eeportal/i18n/loaders.py). Each language must still get its own words, and every page must
come out exactly as Django's own loader and translation tags make it."""

import re

import pytest
from django.template import engines
from django.template.base import TextNode
from django.template.context import Context
from django.templatetags.i18n import BlockTranslateNode, TranslateNode
from django.utils import translation

from eeportal.i18n.loaders import BlockVariableNode, Loader, translate_fixed_phrases

pytestmark = pytest.mark.django_db

# Django's own loaders, as APP_DIRS=True gives them: the reference the pages must match.
DJANGOS_LOADERS = [
    (
        "django.template.loaders.cached.Loader",
        [
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
    )
]
PAGES = [
    "/",
    "/fr/",
    "/draws/392/",
    "/fr/rondes/392/",
    "/draws/?stream=cec&year=2025",
    "/fr/rondes/?stream=cec&year=2025",
    "/crs/calculator/?age=29&education=bachelor",
    "/fr/scg/calculatrice/?age=29&education=bachelor",
    "/programs/crs/",
    "/fr/programmes/scg/",
    "/about/",
    "/fr/a-propos/",
    "/streams/healthcare/",
    "/fr/volets/healthcare/",
    "/api/",
    "/fr/api/",
    "/no-such-page/",
    "/fr/pas-de-page/",
]


@pytest.fixture
def project_loader():
    """The project's template loader, emptied so each test compiles afresh."""
    (loader,) = engines["django"].engine.template_loaders
    assert isinstance(loader, Loader)
    loader.reset()
    yield loader
    loader.reset()


def nodes_of(nodelist):
    for node in nodelist:
        yield node
        for attribute in node.child_nodelists:
            yield from nodes_of(getattr(node, attribute, None) or [])
        for _condition, child in getattr(node, "conditions_nodelists", ()):
            yield from nodes_of(child)


def test_a_template_compiled_in_english_first_still_renders_in_french(project_loader):
    with translation.override("en"):
        english = engines["django"].get_template("base.html").render({})
    with translation.override("fr"):
        french = engines["django"].get_template("base.html").render({})
    with translation.override("en"):
        english_again = engines["django"].get_template("base.html").render({})

    assert "Skip to content" in english and "Passer au contenu" not in english
    assert "Passer au contenu" in french and "Skip to content" not in french
    assert english_again == english


def test_fixed_phrases_are_translated_when_compiled_not_on_each_render(project_loader):
    with translation.override("fr"):
        template = engines["django"].get_template("base.html").template

    nodes = list(nodes_of(template.nodelist))
    assert any(isinstance(n, TextNode) and n.s == "Passer au contenu" for n in nodes)
    # No {% translate "…" %} or {% blocktranslate %} is left to search the catalogs on each
    # request: a blocktranslate's variables are filled between its translated pieces.
    assert not any(isinstance(n, TranslateNode | BlockTranslateNode) for n in nodes)
    assert any(isinstance(n, BlockVariableNode) for n in nodes)


def test_every_page_is_byte_for_byte_what_djangos_own_loader_makes(
    client, history, settings, project_loader
):
    settings.PAGE_CACHE = False
    ours = {path: client.get(path) for path in PAGES}
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "OPTIONS": {**settings.TEMPLATES[0]["OPTIONS"], "loaders": DJANGOS_LOADERS},
        }
    ]
    (djangos,) = engines["django"].engine.template_loaders
    assert not isinstance(djangos, Loader)

    for path, response in ours.items():
        reference = client.get(path)
        assert response.status_code == reference.status_code, path
        # CSP nonces differ between any two responses; nothing else may.
        assert strip_nonces(response.content) == strip_nonces(reference.content), path


def strip_nonces(html):
    return re.sub(rb'nonce="[^"]*"', b'nonce=""', html)


@pytest.mark.parametrize(
    "source",
    [
        "{% blocktranslate with n=count %}{{ n }} % of rounds{% endblocktranslate %}",
        "{% blocktranslate %}Hello {{ name }}, {{ missing }}!{% endblocktranslate %}",
        "{% blocktranslate with shown=name|upper total=count %}{{ shown }}: {{ total }}"
        "{% endblocktranslate %}",
        "{% blocktranslate trimmed with label=name %}\n  Round #{{ label }}\n"
        "{% endblocktranslate %}",
        "{% blocktranslate %}{{ name }}{{ name }}{% endblocktranslate %}",
    ],
)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_blocktranslate_with_variables_renders_as_djangos_tag_does(source, language):
    context = {"name": "<b>Ada</b>", "count": 6000}
    template = "{% load i18n %}" + source
    with translation.override(language):
        djangos = engines["django"].from_string(template)
        ours = engines["django"].from_string(template)
        bound = Context()
        bound.template = ours.template
        translate_fixed_phrases(ours.template.nodelist, bound)
        assert any(isinstance(n, BlockVariableNode) for n in nodes_of(ours.template.nodelist))
        assert ours.render(context) == djangos.render(context)
