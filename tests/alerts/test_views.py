"""The alerts' pages as a visitor and a mail program use them: the subscribe form and its
defences, confirming, changing choices, unsubscribing, privacy, and what caches may keep."""

import time

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from draws.models import Stream
from eeportal.alerts.models import CONFIRM_SALT, MANAGE_SALT, Subscriber
from tests.alerts.conftest import link_in

SUBSCRIBE = reverse("alerts:subscribe")
ADDRESS = "candidate@example.com"


def subscribe(client, capture, **data):
    with capture(execute=True):
        return client.post(SUBSCRIBE, {"email": ADDRESS, **data})


@pytest.fixture
def confirmed(db):
    person = Subscriber.objects.create(email=ADDRESS, score=480)
    person.confirm()
    person.streams.set(Stream.objects.filter(slug="cec"))
    return person


def test_the_form_asks_for_an_address_streams_and_an_optional_score(client, db):
    response = client.get(SUBSCRIBE + "?stream=fsw&score=478")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="email"' in page and 'name="score"' in page and 'value="478"' in page
    assert 'value="fsw" id="id_stream_' in page and "checked" in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert reverse("alerts:privacy") in page


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"email": "not-an-address"}, "Enter an email address such as name@example.com."),
        ({"email": "a" * 9990 + "@example.com"}, "An email address has at most 254 characters."),
        ({"email": "a@b.c\r\nBcc: x@y.z"}, "Enter an email address such as name@example.com."),
        ({"email": ""}, "Enter your email address."),
        ({"score": "1e9"}, "Enter the score as a whole number, such as 478."),
        ({"score": "1201"}, "CRS scores run from 0 to 1,200."),
        ({"stream": ["cec", "nonsense"]}, "There is no stream called nonsense."),
    ],
)
def test_bad_answers_get_a_clear_error_and_nothing_is_saved_or_sent(
    client, inbox, data, error, django_capture_on_commit_callbacks
):
    response = subscribe(client, django_capture_on_commit_callbacks, **data)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Subscriber.objects.exists()
    assert inbox.messages == []


def test_a_score_that_is_not_a_number_is_given_back_as_typed_in_a_valid_box(
    client, inbox, django_capture_on_commit_callbacks
):
    # type="number" may not hold "478a" (invalid HTML, shown empty): a text box asking
    # phones for digits gives the typo back beside its error.
    response = subscribe(client, django_capture_on_commit_callbacks, score="478a")
    assert response.status_code == 400
    assert '<input type="text" name="score" value="478a" inputmode="numeric"' in (
        response.content.decode()
    )


def test_the_answer_is_the_same_whether_or_not_the_address_is_subscribed(
    client, inbox, confirmed, django_capture_on_commit_callbacks
):
    new = subscribe(client, django_capture_on_commit_callbacks, email="new@example.com")
    known = subscribe(client, django_capture_on_commit_callbacks, stream=["fsw"])
    assert (new.status_code, new["Location"]) == (known.status_code, known["Location"])
    assert client.get(new["Location"]).content == client.get(known["Location"]).content
    # The owner of the known address is told, with the link to change the choices; the
    # form changed nothing, as anyone could have sent it.
    [note] = inbox.to(ADDRESS)
    assert "already receives them" in note.get_body(("plain",)).get_content()
    link_in(note, "/alerts/manage/")
    assert [s.slug for s in Subscriber.objects.get(pk=confirmed.pk).chosen_streams()] == ["cec"]


def test_a_form_with_the_honeypot_filled_is_thanked_and_ignored(
    client, inbox, django_capture_on_commit_callbacks
):
    response = subscribe(client, django_capture_on_commit_callbacks, website="http://spam")
    assert response["Location"] == reverse("alerts:sent")
    assert not Subscriber.objects.exists()
    assert inbox.messages == []


def test_the_form_needs_its_csrf_token(db):
    response = Client(enforce_csrf_checks=True).post(SUBSCRIBE, {"email": ADDRESS})
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_one_address_gets_three_confirmations_an_hour_at_most(
    client, inbox, django_capture_on_commit_callbacks
):
    for _ in range(3):
        assert subscribe(client, django_capture_on_commit_callbacks).status_code == 302
    response = subscribe(client, django_capture_on_commit_callbacks, email=ADDRESS.upper())
    assert response.status_code == 429
    assert "try again in an hour" in response.content.decode()
    assert len(inbox.messages) == 3


def test_one_client_is_limited_and_another_behind_the_same_proxy_is_not(
    inbox, settings, django_capture_on_commit_callbacks
):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ALERTS_SUBSCRIBE_LIMIT_PER_CLIENT = 2
    first = Client(HTTP_X_FORWARDED_FOR="forged, 203.0.113.5")
    second = Client(HTTP_X_FORWARDED_FOR="203.0.113.6")
    for n in range(2):
        response = subscribe(first, django_capture_on_commit_callbacks, email=f"v{n}@example.com")
        assert response.status_code == 302
    # A different forged left-hand entry does not make a new client.
    dodge = Client(HTTP_X_FORWARDED_FOR="other, 203.0.113.5")
    assert (
        subscribe(dodge, django_capture_on_commit_callbacks, email="v3@example.com").status_code
        == 429
    )
    assert (
        subscribe(second, django_capture_on_commit_callbacks, email="v4@example.com").status_code
        == 302
    )


def test_pages_with_a_form_or_a_token_are_kept_by_no_cache(client, confirmed):
    pages = [
        SUBSCRIBE,
        confirmed.get_manage_url(),
        confirmed.get_unsubscribe_url(),
        confirmed.get_confirm_url(),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert client.get(confirmed.get_manage_url())["Referrer-Policy"] == "no-referrer"
    # Twice, with a different CSRF token each time: neither was served from the page cache.
    assert client.get(SUBSCRIBE).content != Client().get(SUBSCRIBE).content


def test_the_privacy_page_says_what_is_kept_and_how_to_delete_it(client, db):
    response = client.get(reverse("alerts:privacy"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    for words in ("Your email address", "deleted 7 days", "until you unsubscribe", "no tracking"):
        assert words in page


def test_a_confirmation_link_works_for_48_hours(client, db, monkeypatch):
    person = Subscriber.objects.create(email=ADDRESS)
    now = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now - 49 * 60 * 60)
    stale = person.get_confirm_url()
    monkeypatch.setattr(signing.time, "time", lambda: now - 47 * 60 * 60)
    fresh = person.get_confirm_url()
    monkeypatch.setattr(signing.time, "time", lambda: now)

    expired = client.post(stale)
    assert expired.status_code == 404
    assert "Confirmation links work for 48 hours" in expired.content.decode()
    assert Subscriber.objects.confirmed().count() == 0
    assert client.post(fresh).status_code == 200
    assert Subscriber.objects.confirmed().count() == 1


def test_forged_or_foreign_tokens_are_refused(client, confirmed):
    other = Subscriber.objects.create(email="other@example.com")
    manage_token = confirmed.token(MANAGE_SALT)
    for path in (
        reverse("alerts:manage", args=[manage_token[:-2] + "xx"]),
        # A confirmation token is no key to the choices, nor the reverse.
        reverse("alerts:manage", args=[confirmed.token(CONFIRM_SALT)]),
        reverse("alerts:confirm", args=[manage_token]),
    ):
        assert client.get(path).status_code == 404, path
    assert client.post(reverse("alerts:unsubscribe", args=["nonsense"])).status_code == 200
    assert Subscriber.objects.count() == 2
    assert other.get_manage_url() != confirmed.get_manage_url()


def test_choices_are_changed_from_the_emails_link(client, confirmed):
    url = confirmed.get_manage_url()
    assert 'value="480"' in client.get(url).content.decode()
    response = client.post(url, {"stream": ["fsw", "pnp"], "score": ""})
    assert "Saved." in response.content.decode()
    confirmed.refresh_from_db()
    assert sorted(s.slug for s in confirmed.chosen_streams()) == ["fsw", "pnp"]
    assert confirmed.score is None
    assert client.post(url, {"score": "1e9"}).status_code == 400
    client.post(url, {"stream": []})
    assert Subscriber.objects.get().all_streams


def test_unsubscribe_asks_on_get_and_deletes_on_post(client, confirmed):
    url = confirmed.get_unsubscribe_url()
    page = client.get(url).content.decode()
    assert "Unsubscribe</button>" in page
    assert Subscriber.objects.exists()
    assert client.post(url).status_code == 200
    assert not Subscriber.objects.exists()
    assert "You are unsubscribed" in client.post(url).content.decode()


@pytest.mark.parametrize(
    "path", ["/", "/streams/cec/", "/draws/392/", "/check/", "/check/?score=478"]
)
def test_pages_link_to_the_alerts(client, db, history, path):
    assert reverse("alerts:subscribe") in client.get(path).content.decode()
