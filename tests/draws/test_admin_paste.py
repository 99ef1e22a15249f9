"""An editor pastes IRCC's announcement on Add round: the form is filled in, nothing saved."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages

from draws.announcement import DESCRIPTIONS
from draws.models import Draw, RoundName, Stream
from tests.draws.test_announcement import ANNOUNCEMENT_392, BANDS_392, WITHOUT_THE_TABLE
from tests.factories import ADD_URL, change_url, form_data, make_draw

pytestmark = pytest.mark.django_db

PASTE_BOX = "Paste IRCC's announcement"


def paste(client, text):
    """Press "Fill in the form" with `text`, and follow to the page it answers with."""
    response = client.post(
        ADD_URL, {"announcement": text, "_fill_from_announcement": "Fill in the form"}, follow=True
    )
    assert response.status_code == 200
    return response


def page_messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def initial_values(response):
    form = response.context["adminform"].form
    return {name: form.initial.get(name) for name in form.fields}


def band_rows(response):
    formset = response.context["inline_admin_formsets"][0].formset
    return [
        (form.initial.get("low"), form.initial.get("high"), form.initial.get("count"))
        for form in formset.forms
    ]


def test_pasting_round_392_fills_in_the_add_form_without_saving_it(editor_client):
    response = paste(editor_client, ANNOUNCEMENT_392)
    form = response.context["adminform"].form
    assert not form.is_bound
    expected = {
        "number": 392,
        "suffix": "",
        "date": dt.date(2026, 1, 21),
        "stream": Stream.objects.get(slug="cec").pk,
        "status": Draw.Status.PUBLISHED,
        "round_name": "Canadian Experience Class",
        "invitations": 6000,
        "crs_min": 509,
        "run_at": dt.datetime(2026, 1, 21, 12, 37, 42, tzinfo=dt.UTC),
        "tie_break": dt.datetime(2025, 10, 29, 4, 35, 24, tzinfo=dt.UTC),
        "pool_as_of": dt.date(2026, 1, 19),
        "pool_total": 237120,
    }
    assert {name: form.initial.get(name) for name in expected} == expected
    assert band_rows(response) == list(BANDS_392)
    assert page_messages(response) == [
        "Filled in from the announcement. Check the form before saving."
    ]
    # The text stays in its box, to compare with the form.
    assert "Rank required to be invited to apply" in response.content.decode()
    assert Draw.objects.count() == 0


def test_the_filled_in_form_saves_the_round_with_its_bands_when_the_editor_saves(
    editor_client,
):
    data = form_data(paste(editor_client, ANNOUNCEMENT_392))
    assert Draw.objects.count() == 0

    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    draw = Draw.objects.get_by_label("392")
    assert (draw.stream.slug, draw.invitations, draw.crs_min) == ("cec", 6000, 509)
    assert draw.tie_break == dt.datetime(2025, 10, 29, 4, 35, 24, tzinfo=dt.UTC)
    assert draw.run_at == dt.datetime(2026, 1, 21, 12, 37, 42, tzinfo=dt.UTC)
    assert (draw.pool_as_of, draw.pool_total) == (dt.date(2026, 1, 19), 237120)
    assert sorted(draw.pool_bands.values_list("low", "high", "count")) == sorted(BANDS_392)
    assert draw.pool_bands.get(low=491, high=500).parent.low == 451


def test_pasting_junk_fills_in_nothing_and_says_everything_was_not_found(editor_client):
    make_draw(391, dt.date(2026, 1, 20))
    plain = editor_client.get(ADD_URL)
    response = paste(editor_client, "Dear editor,\nthe round went well: 6.000 invited!\n")
    assert initial_values(response) == initial_values(plain)
    assert band_rows(response) == band_rows(plain)
    assert all(count is None for _low, _high, count in band_rows(response))
    assert page_messages(response) == [
        "Not found in the text: " + ", ".join(DESCRIPTIONS.values()) + ". Check the form "
        "before saving.",
        "Choose the stream: the text gives no round name to find it by.",
    ]
    assert Draw.objects.count() == 1


def test_what_the_text_lacks_is_named_and_the_rest_filled_in(editor_client):
    text = WITHOUT_THE_TABLE.replace("Tie-breaking rule: October 29, 2025 at 04:35:24 UTC", "")
    response = paste(editor_client, text)
    form = response.context["adminform"].form
    assert (form.initial["crs_min"], form.initial["invitations"]) == (509, 6000)
    assert "tie_break" not in form.initial
    assert all(count is None for _low, _high, count in band_rows(response))
    assert page_messages(response) == [
        "Not found in the text: the tie-breaking rule, the date of the pool's distribution, "
        "the distribution's score bands, the total candidates in the pool. Check the form "
        "before saving."
    ]


def test_a_round_name_no_stream_has_leaves_the_stream_to_the_editor(editor_client):
    text = ANNOUNCEMENT_392.replace(
        "Canadian Experience Class", "Agriculture and agri-food occupations (Version 9)"
    )
    response = paste(editor_client, text)
    form = response.context["adminform"].form
    assert "stream" not in form.initial
    assert form.initial["round_name"] == "Agriculture and agri-food occupations (Version 9)"
    assert page_messages(response)[1].startswith(
        "No stream has IRCC's round name “Agriculture and agri-food occupations (Version 9)”: "
        "choose the stream"
    )


def test_a_round_name_is_matched_to_its_stream_whatever_its_capitals(editor_client):
    pnp = Stream.objects.get(slug="pnp")
    RoundName.objects.create(stream=pnp, name="Provincial Nominee Program (Version 2)")
    text = ANNOUNCEMENT_392.replace(
        "Canadian Experience Class", "Provincial nominee program (version 2)"
    )
    form = paste(editor_client, text).context["adminform"].form
    assert form.initial["stream"] == pnp.pk


def test_the_plain_add_page_is_not_filled_from_an_earlier_paste(editor_client):
    paste(editor_client, ANNOUNCEMENT_392)
    response = editor_client.get(ADD_URL)
    form = response.context["adminform"].form
    assert "crs_min" not in form.initial
    assert page_messages(response) == []
    # The box is offered again, empty.
    page = response.content.decode()
    assert 'aria-describedby="id_announcement_helptext"></textarea>' in page
    assert "Rank required to be invited to apply" not in page


def test_the_add_page_offers_the_paste_box_and_a_change_page_does_not(editor_client):
    assert PASTE_BOX in editor_client.get(ADD_URL).content.decode()
    draw = make_draw(392, dt.date(2026, 1, 21))
    page = editor_client.get(change_url(draw)).content.decode()
    assert PASTE_BOX not in page
    assert "Fill in the form" not in page
