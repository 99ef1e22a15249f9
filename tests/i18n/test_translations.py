"""locale/fr: every string translated, none fuzzy, and each translation keeps its msgid's
placeholders, so a French page never shows English or breaks on a missing %(name)s."""

import re
import shutil
import subprocess

import polib
import pytest
from django.conf import settings

PO = settings.BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%%|<[a-z]+ [^>]*>|<[a-z]+>|</[a-z]+>|\{[a-z_]+\}")


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(PO))


def test_every_string_is_translated_and_none_is_fuzzy(catalogue):
    assert not catalogue.metadata_is_fuzzy
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert [entry.msgid for entry in catalogue.obsolete_entries()] == []


def test_translations_keep_their_placeholders_and_markup(catalogue):
    def kept(text):
        return sorted(PLACEHOLDER.findall(text))

    def pairs(entry):
        # A plural entry's forms are in msgstr_plural (French: 0 for one, 1 for several).
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            return [(entry.msgid, forms[0]), (entry.msgid_plural, forms[1])]
        return [(entry.msgid, entry.msgstr)]

    changed = [
        entry.msgid
        for entry in catalogue.translated_entries()
        for msgid, msgstr in pairs(entry)
        if kept(msgid) != kept(msgstr) and not msgid.startswith("https://")
    ]
    assert changed == []


def test_msgfmt_compiles_the_catalogue_with_its_checks(tmp_path):
    # --check: format strings and the header, as Django's compilemessages is not asked to.
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "Debian's gettext package is missing: make test installs it"
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", str(tmp_path / "django.mo"), str(PO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr


def test_every_french_address_word_is_one_path_segment_per_english_one(catalogue):
    # Route translations must keep the converters (<str:number>) and the slashes.
    for entry in catalogue:
        if entry.msgid.endswith("/") or entry.msgid.endswith((".csv", ".json", ".png")):
            assert entry.msgid.count("/") == entry.msgstr.count("/"), entry.msgid
            assert re.findall(r"<[^>]+>", entry.msgid) == re.findall(r"<[^>]+>", entry.msgstr)
