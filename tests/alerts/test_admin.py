"""The alerts in the admin: counts per stream, never an address, for editors and superusers."""

import pytest
from django.contrib.auth.models import User
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from draws.models import Stream
from eeportal.alerts.models import Subscriber

SUMMARY = reverse("admin:alerts_subscriber_changelist")


@pytest.fixture
def subscribers(db):
    cec = Stream.objects.get(slug="cec")
    for n in range(3):
        person = Subscriber.objects.create(email=f"cec{n}@example.com", confirmed_at=timezone.now())
        person.streams.set([cec])
    Subscriber.objects.create(
        email="every@example.com", all_streams=True, confirmed_at=timezone.now()
    )
    Subscriber.objects.create(email="waiting@example.com")


def test_editors_see_counts_per_stream_and_no_address(editor_client, subscribers):
    response = editor_client.get(SUMMARY)
    page = response.content.decode()
    assert response.status_code == 200
    assert "4 confirmed addresses: 1 for every round, 0 with a score. 1 not confirmed yet" in page
    assert "<td>Canadian Experience Class</td><td>3</td>" in page
    assert "@example.com" not in page


def test_no_one_can_open_export_or_delete_a_subscriber(client, subscribers):
    superuser = User.objects.create_superuser("root", password="a-long-root-password")
    client.force_login(superuser)
    assert "@example.com" not in client.get(SUMMARY).content.decode()
    person = Subscriber.objects.first()
    for name in ("change", "delete", "history"):
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:alerts_subscriber_{name}", args=[person.pk])
    assert client.get(SUMMARY + f"{person.pk}/change/").status_code == 404
    # The delete action of a list, sent by hand, deletes nothing: there is no list.
    client.post(SUMMARY, {"action": "delete_selected", "_selected_action": [person.pk]})
    assert Subscriber.objects.count() == 5
