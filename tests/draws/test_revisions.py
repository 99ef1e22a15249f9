"""Revisions with values, restores, undeletes, and saves that would lose someone's edit."""

import copy
import datetime as dt
import io
import json

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from draws.models import Draw, Guide, Stream
from tests.factories import change_url, form_data, make_draw, open_change_page

pytestmark = pytest.mark.django_db

ROUND_FEED = {
    "rounds": [
        {
            "drawNumber": "392",
            "drawNumberURL": "",
            "drawDate": "2026-01-21",
            "drawDateFull": "January 21, 2026",
            "drawName": "Canadian Experience Class",
            "drawSize": "6,000",
            "drawCRS": "509",
            "mitext": "",
            "DrawText1": "",
            "drawText2": "",
            "drawDateTime": "January 21, 2026 at 15:09:32 UTC",
            "drawCutOff": "October 29, 2025 at 04:35:24 UTC",
            "drawDistributionAsOn": "January 19, 2026",
        }
    ]
}


@pytest.fixture
def second_editor(db):
    user = User.objects.create_user("amira", password="another-long-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def import_feed(folder, name, crs_min="509"):
    """import_rounds of a feed file holding round #392 with this minimum CRS."""
    feed = copy.deepcopy(ROUND_FEED)
    feed["rounds"][0]["drawCRS"] = crs_min
    path = folder / name
    path.write_text(json.dumps(feed))
    call_command("import_rounds", str(path), stdout=io.StringIO())


@pytest.fixture
def imported_round(tmp_path, db):
    import_feed(tmp_path, "feed.json")
    return Draw.objects.get_by_label("392")


def test_an_import_records_each_round_it_creates_in_a_revision_signed_with_the_command(
    imported_round, tmp_path
):
    versions = Version.objects.get_for_object(imported_round)
    assert versions.count() == 1
    assert versions[0].revision.user is None
    assert versions[0].revision.comment == "import_rounds feed.json"
    assert versions[0].field_dict["crs_min"] == 509

    # The same feed again changes nothing and records nothing.
    import_feed(tmp_path, "feed.json")
    assert Version.objects.get_for_object(imported_round).count() == 1

    import_feed(tmp_path, "fixed.json", crs_min="510")
    versions = Version.objects.get_for_object(imported_round)
    assert [v.field_dict["crs_min"] for v in versions] == [510, 509]
    assert versions[0].revision.comment == "import_rounds fixed.json"


def test_an_editors_save_is_a_revision_with_who_made_it_and_the_values(editor_client, editor):
    draw = make_draw(392, dt.date(2026, 1, 21), crs_min=516)
    data = open_change_page(editor_client, draw)
    data["crs_min"] = "515"

    assert editor_client.post(change_url(draw), data).status_code == 302

    version = Version.objects.get_for_object(draw).get()
    assert version.revision.user == editor
    assert version.field_dict["crs_min"] == 515
    history = editor_client.get(reverse("admin:draws_draw_history", args=[draw.pk]))
    assert history.status_code == 200
    assert "editor" in history.content.decode()


def test_the_history_shows_the_values_before_and_after(editor_client):
    draw = make_draw(392, dt.date(2026, 1, 21), crs_min=516)
    for crs_min in ("515", "514"):
        data = open_change_page(editor_client, draw)
        data["crs_min"] = crs_min
        assert editor_client.post(change_url(draw), data).status_code == 302
    newer, older = Version.objects.get_for_object(draw)

    compare = editor_client.get(
        reverse("admin:draws_draw_compare", args=[draw.pk]),
        {"version_id1": older.pk, "version_id2": newer.pk},
    )

    assert compare.status_code == 200
    page = compare.content.decode()
    assert "515" in page and "514" in page


def test_restoring_an_earlier_revision_brings_back_its_figures_and_bands_and_is_a_revision(
    editor_client, imported_round, tmp_path
):
    draw = imported_round
    original = Version.objects.get_for_object(draw).get()
    data = open_change_page(editor_client, draw)
    data["crs_min"] = "600"
    assert editor_client.post(change_url(draw), data).status_code == 302
    assert Draw.objects.get(pk=draw.pk).crs_min == 600

    revision_url = reverse("admin:draws_draw_revision", args=[draw.pk, original.pk])
    restore = editor_client.get(revision_url)
    assert restore.status_code == 200
    assert editor_client.post(revision_url, form_data(restore)).status_code == 302

    assert Draw.objects.get(pk=draw.pk).crs_min == 509
    versions = Version.objects.get_for_object(draw)
    assert [v.field_dict["crs_min"] for v in versions] == [509, 600, 509]
    assert "Reverted" in versions[0].revision.comment


def test_a_save_from_a_page_opened_before_another_editors_save_is_refused(
    client, editor, second_editor
):
    draw = make_draw(392, dt.date(2026, 1, 21), crs_min=516, invitations=6000)
    client.force_login(editor)
    first = open_change_page(client, draw)
    first["crs_min"] = "515"
    assert client.post(change_url(draw), first).status_code == 302  # a revision to start from
    mine = open_change_page(client, draw)

    client.force_login(second_editor)
    theirs = open_change_page(client, draw)
    theirs["crs_min"] = "514"
    assert client.post(change_url(draw), theirs).status_code == 302

    client.force_login(editor)
    mine["invitations"] = "6,500"
    refused = client.post(change_url(draw), mine)

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "While you had this page open, it was saved by amira" in page
    assert "515 → 514" in page
    assert "Nothing of yours was saved" in page
    assert 'value="6,500"' in page  # the editor's input, kept to reapply
    draw.refresh_from_db()
    assert (draw.crs_min, draw.invitations) == (514, 6000)

    # Told, the editor may save again: now knowingly over the other change.
    again = form_data(refused)
    assert client.post(change_url(draw), again).status_code == 302
    draw.refresh_from_db()
    assert (draw.crs_min, draw.invitations) == (515, 6500)


def test_editors_withdraw_rounds_and_only_superusers_delete_and_recover_them(
    editor_client, client, history
):
    draw = history["392"]
    changelist = editor_client.get(reverse("admin:draws_draw_changelist"))
    assert "delete_selected" not in changelist.content.decode()
    delete_url = reverse("admin:draws_draw_delete", args=[draw.pk])
    assert editor_client.get(delete_url).status_code == 403
    assert editor_client.get(reverse("admin:draws_draw_recoverlist")).status_code == 403

    boss = User.objects.create_superuser("boss", password="a-long-boss-password")
    client.force_login(boss)
    data = open_change_page(client, draw)
    assert client.post(change_url(draw), data).status_code == 302  # a revision to come back to
    assert client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Draw.objects.filter(pk=draw.pk).exists()

    deleted = Version.objects.get_deleted(Draw).get()
    recover_url = reverse("admin:draws_draw_recover", args=[deleted.pk])
    page = client.get(recover_url)
    assert page.status_code == 200
    assert client.post(recover_url, form_data(page)).status_code == 302
    assert Draw.objects.get_by_label("392").crs_min == draw.crs_min


@pytest.mark.parametrize(
    ("model", "slug", "field", "value"),
    [("stream", "cec", "description", "Changed first."), ("guide", "cec", "summary", "Changed.")],
)
def test_streams_and_guides_refuse_a_save_over_someone_elses_too(
    client, editor, second_editor, model, slug, field, value
):
    obj = {"stream": Stream, "guide": Guide}[model].objects.get(slug=slug)
    url = reverse(f"admin:draws_{model}_change", args=[obj.pk])
    client.force_login(editor)
    first = form_data(client.get(url))
    assert client.post(url, first).status_code == 302  # a revision to start from
    mine = form_data(client.get(url))

    client.force_login(second_editor)
    theirs = form_data(client.get(url))
    theirs[field] = value
    assert client.post(url, theirs).status_code == 302

    client.force_login(editor)
    refused = client.post(url, mine)
    assert refused.status_code == 200
    assert "it was saved by amira" in refused.content.decode()
    obj.refresh_from_db()
    assert getattr(obj, field) == value
