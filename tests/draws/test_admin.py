"""An editor enters a round in the admin: one screen, clear messages, nothing half-saved."""

import datetime as dt
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from draws import ircc
from draws.models import Draw, Stream
from tests.factories import ADD_URL, BANDS_392, add_distribution, make_draw, round_form

pytestmark = pytest.mark.django_db


def field_errors(response, field):
    return response.context["adminform"].form.errors.get(field, [])


def test_an_editor_adds_round_392_with_its_distribution_in_one_screen(editor_client):
    response = editor_client.post(ADD_URL, round_form(BANDS_392))
    assert response.status_code == 302, response.context and response.context["errors"]
    draw = Draw.objects.get_by_label("392")
    assert draw.invitations == 6000
    assert draw.crs_min == 509
    assert draw.tie_break == dt.datetime(2025, 10, 29, 4, 35, 24, tzinfo=dt.UTC)
    assert draw.pool_total == 237120
    assert draw.pool_bands.count() == 17
    assert draw.pool_bands.get(low=491, high=500).parent.low == 451
    assert draw.pool_bands.get(low=601).parent is None


def test_the_add_form_suggests_the_next_number_today_and_the_latest_bands(editor_client):
    make_draw(391, dt.date(2026, 1, 14))
    response = editor_client.get(ADD_URL)
    form = response.context["adminform"].form
    assert form.initial["number"] == 392
    assert form.initial["date"] == ircc.ottawa_date(timezone.now())
    band_forms = response.context["inline_admin_formsets"][0].formset.forms
    assert [(f.initial["low"], f.initial["high"]) for f in band_forms] == list(
        ircc.POOL_BANDS.values()
    )


def test_rows_left_without_a_count_are_not_saved(editor_client):
    response = editor_client.get(ADD_URL)
    formset = response.context["inline_admin_formsets"][0].formset
    data = round_form()
    data["pool_bands-TOTAL_FORMS"] = str(len(formset.forms))
    for index, form in enumerate(formset.forms):
        data[f"pool_bands-{index}-low"] = form.initial["low"]
        data[f"pool_bands-{index}-high"] = form.initial["high"]
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302
    assert Draw.objects.get_by_label("392").pool_bands.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"crs_min": "1500"}, "crs_min", "CRS scores run from 0 to 1,200; 1,500 is not possible."),
        ({"invitations": "-5"}, "invitations", "A round invites at least one candidate."),
        ({"invitations": "lots"}, "invitations", "Enter a whole number, such as 6,000, 6 000"),
        ({"invitations": "5.000"}, "invitations", "not a point: in English 5.000 reads as five"),
        ({"number": "0"}, "number", "Round numbers start at 1"),
        ({"notes": "x" * 2001}, "notes", "at most 2000 characters (it has 2001)"),
        (
            {"tie_break": "January 25, 2026 at 10:00:00 UTC"},
            "tie_break",
            "The tie-break falls after the round's date (21 January 2026).",
        ),
        ({"tie_break": "soon"}, "tie_break", "Enter the time in UTC with its year"),
        ({"suffix": "A"}, "suffix", "Use a single lower-case letter"),
    ],
)
def test_bad_input_is_answered_on_the_field_and_nothing_is_saved(
    editor_client, overrides, field, message
):
    response = editor_client.post(ADD_URL, round_form(BANDS_392, **overrides))
    assert response.status_code == 200
    assert any(message in error for error in field_errors(response, field))
    assert Draw.objects.count() == 0


def test_a_duplicate_number_is_answered_on_the_number_field(editor_client):
    make_draw(392, dt.date(2026, 1, 21))
    response = editor_client.post(ADD_URL, round_form(date="2026-01-22"))
    assert response.status_code == 200
    assert field_errors(response, "number") == [
        "Round #392 already exists (21 January 2026, CEC). Check the number on IRCC's page."
    ]
    assert Draw.objects.count() == 1


def test_bands_that_do_not_add_up_save_nothing(editor_client):
    bands = [*BANDS_392[:-1], (0, 300, "8,268")]
    response = editor_client.post(ADD_URL, round_form(bands))
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert "The main bands add up to 237,119 but the total above is 237,120." in errors[0]
    assert Draw.objects.count() == 0


def test_bands_without_a_total_are_refused(editor_client):
    response = editor_client.post(ADD_URL, round_form(BANDS_392, pool_total="", pool_as_of=""))
    assert response.status_code == 200
    assert Draw.objects.count() == 0


def test_an_editor_corrects_a_round(editor_client):
    draw = make_draw(392, dt.date(2026, 1, 21), crs_min=508)
    url = reverse("admin:draws_draw_change", args=[draw.pk])
    data = round_form(crs_min="509")
    response = editor_client.post(url, data)
    assert response.status_code == 302
    draw.refresh_from_db()
    assert draw.crs_min == 509


def test_the_list_shows_rounds_and_finds_them_by_number(editor_client):
    make_draw("91a", dt.date(2018, 5, 30), "fst")
    make_draw("91b", dt.date(2018, 5, 30), "pnp")
    make_draw(392, dt.date(2026, 1, 21))
    listing = reverse("admin:draws_draw_changelist")
    response = editor_client.get(listing)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 3
    assert "#392" in response.content.decode()
    found = editor_client.get(listing, {"q": "#91a"}).context["cl"].result_list
    assert [d.label for d in found] == ["91a"]
    found = editor_client.get(listing, {"q": "91"}).context["cl"].result_list
    assert sorted(d.label for d in found) == ["91a", "91b"]
    filtered = editor_client.get(listing, {"stream__id__exact": Stream.objects.get(slug="pnp").pk})
    assert [d.label for d in filtered.context["cl"].result_list] == ["91b"]


def test_editors_hold_only_their_permissions(editor, editor_client):
    assert editor.has_perm("draws.add_draw")
    assert editor.has_perm("draws.change_stream")
    assert not editor.has_perm("draws.delete_stream")
    assert not editor.has_perm("auth.add_user")
    assert not editor.is_superuser
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor.has_perm("sync.view_syncrun") and editor.has_perm("sync.view_syncconflict")
    assert not editor.has_perm("sync.delete_syncrun")
    # 19, then the guides' sources (four) and the timeline (add, change, view).
    assert editor.has_perm("draws.change_guidesource")
    assert editor.has_perm("timeline.change_timelineevent")
    assert not editor.has_perm("timeline.delete_timelineevent")
    # Round alerts: the counts, never an address (tests/alerts/test_admin.py).
    assert editor.has_perm("alerts.view_subscriber") and editor.has_perm("alerts.view_roundalert")
    assert not editor.has_perm("alerts.change_subscriber")
    assert Permission.objects.filter(group__name="Editors").count() == 19 + 4 + 3 + 2


def test_a_visitor_is_sent_to_the_login_page(client):
    response = client.get(ADD_URL)
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


@pytest.mark.parametrize("written", ["5,000", "5 000", "5\u00a0000", "5000"])
def test_invitations_are_read_with_commas_or_spaces_between_thousands(editor_client, written):
    response = editor_client.post(ADD_URL, round_form(invitations=written))
    assert response.status_code == 302
    assert Draw.objects.get_by_label("392").invitations == 5000


def test_a_band_whose_sub_bands_do_not_add_up_is_refused(editor_client):
    bands = [band if band[:2] != (491, 500) else (491, 500, "13,279") for band in BANDS_392]
    response = editor_client.post(ADD_URL, round_form(bands))
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert errors == [
        "The bands within 451-500 add up to 72,715, but 451-500 holds 72,714. Check each "
        "figure against IRCC's table."
    ]
    assert Draw.objects.count() == 0


def test_irccs_own_sub_bands_that_do_not_add_up_are_kept_and_pointed_out(client, db):
    # As IRCC published round #247: its 451-500 band is 55,867, its sub-bands 55,687.
    parsed = next(r for r in ircc.parse_feed(ircc_feed()) if r.label == "247")
    assert [(b.low, b.high, t) for b, t in ircc.sub_band_gaps(list(parsed.pool_bands))] == [
        (451, 500, 55687)
    ]
    draw = make_draw(247, parsed.date, pool_total=parsed.pool_total, pool_as_of=parsed.pool_as_of)
    add_distribution(draw, parsed.pool_as_of, [(b.low, b.high, b.count) for b in parsed.pool_bands])
    page = client.get("/draws/247/").content.decode()
    assert "the bands within 451\u2013500 add up to 55,687, not the 55,867 it gives" in page


def ircc_feed():
    return json.loads(Path("data/ircc-ee-rounds-123-en.json").read_text(encoding="utf-8"))


def test_a_round_dated_after_today_in_ottawa_needs_a_tick(editor_client):
    tomorrow = ircc.ottawa_date(timezone.now()) + dt.timedelta(days=1)
    form = round_form(date=tomorrow.isoformat(), tie_break="")
    response = editor_client.post(ADD_URL, form)
    assert response.status_code == 200
    assert "tick “The date is right” to save it" in field_errors(response, "date")[0]
    assert Draw.objects.count() == 0

    response = editor_client.post(ADD_URL, {**form, "confirm_future_date": "on"})
    assert response.status_code == 302
    assert Draw.objects.get().date == tomorrow


def test_direction_controls_are_removed_from_names_and_notes(editor_client):
    response = editor_client.post(
        ADD_URL,
        round_form(round_name="Canadian\u202e Experience Class", notes="Checked\u2066 twice."),
    )
    assert response.status_code == 302
    draw = Draw.objects.get()
    assert (draw.round_name, draw.notes) == ("Canadian Experience Class", "Checked twice.")


def test_a_band_running_backwards_is_answered_in_plain_words(editor_client):
    bands = [*BANDS_392[:-1], (300, 0, "8,269")]
    response = editor_client.post(ADD_URL, round_form(bands))
    assert response.status_code == 200
    page = response.content.decode()
    assert "is violated" not in page
    assert "lowest score must not be above its highest" in page
    assert Draw.objects.count() == 0


def test_a_new_round_is_dated_today_in_ottawa_not_in_utc(editor_client, monkeypatch):
    # 01:30 UTC on 4 December is 20:30 on 3 December in Ottawa.
    evening = dt.datetime(2026, 12, 4, 1, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: evening)
    form = editor_client.get(ADD_URL).context["adminform"].form
    assert form.initial["date"] == dt.date(2026, 12, 3)
