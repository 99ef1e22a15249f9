"""Issue 18's "when it is done": subscribe, confirm from the email, hear nothing until an
editor publishes a CEC round, then exactly one alert with the right figures, whose
one-click unsubscribe works."""

from django.test import Client
from django.urls import reverse

from eeportal.alerts.models import Subscriber
from tests.alerts.conftest import link_in, text_of
from tests.factories import round_form

ADDRESS = "candidate@example.com"


def test_subscribe_confirm_publish_receive_one_alert_and_unsubscribe(
    client, editor_client, inbox, clock, history, django_capture_on_commit_callbacks
):
    visitor = Client()
    assert visitor.get(reverse("alerts:subscribe")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(reverse("alerts:subscribe"), {"email": ADDRESS, "stream": ["cec"]})
    assert response.status_code == 302
    assert response["Location"] == reverse("alerts:sent")
    [confirmation] = inbox.to(ADDRESS)
    confirm_path = link_in(confirmation, "/alerts/confirm/")

    assert "Confirm my alerts" in visitor.get(confirm_path).content.decode()
    confirmed = visitor.post(confirm_path)
    assert "Your alerts are on" in confirmed.content.decode()
    assert Subscriber.objects.confirmed().count() == 1

    # Nothing published: nothing more arrives.
    assert inbox.alerts() == []

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:draws_draw_add"),
            round_form(
                number="394",
                date="2026-12-03",
                invitations="3,250",
                crs_min="512",
                tie_break="December 1, 2026 at 10:11:12 UTC",
            ),
        )
    assert response.status_code == 302, response.content.decode()[:2000]

    [alert] = inbox.alerts()
    assert alert["To"] == ADDRESS
    assert alert["Subject"] == "Express Entry round #394: CEC, minimum CRS 512"
    text = text_of(alert)
    assert "Date: 3 December 2026" in text
    assert "Invitations: 3,250" in text
    assert "Minimum CRS score: 512" in text
    assert "Tie-breaking rule: 1 December 2026, 10:11:12 UTC" in text
    # CEC's round before it in the small history is #392: 509, 6,000 invitations.
    assert (
        "Since #392 (21 January 2026): minimum CRS 3 points higher, 2,750 fewer invitations."
        in text
    )
    assert "https://eerounds.example/draws/394/" in text
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = alert["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe_url == "https://eerounds.example" + link_in(alert, "/alerts/unsubscribe/")

    # A mail program's one-click unsubscribe: a POST without any cookie or CSRF token.
    mail_program = Client(enforce_csrf_checks=True)
    path = unsubscribe_url.removeprefix("https://eerounds.example")
    response = mail_program.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    assert not Subscriber.objects.exists()
