"""The round alerts in French: the pages and their error messages under /fr/alertes/, and a
subscriber who subscribed in French written to in French (words, figures, dates, and links
to the French pages), through a real SMTP server, beside an English one who is not."""

import datetime as dt
import html
import re

import pytest
from django.utils import timezone

from draws.models import Stream
from eeportal.alerts.models import Subscriber
from tests.alerts.conftest import TODAY_IN_OTTAWA, html_of, link_in, text_of
from tests.factories import make_draw
from tests.site.test_french import ENGLISH_RE, english_in

SUBSCRIBE_FR = "/fr/alertes/"
NBSP = "\u00a0"


def english_words_in_email(text):
    """English words in an email's text, its addresses and links left out."""
    return ENGLISH_RE.findall(re.sub(r"\S+@\S+|https?://\S+", "", text))


def subject(message):
    """The subject as a mail program shows it. An encoded subject too long for the first
    line is folded onto the next: the space left before it by unfolding is not the
    subject's (RFC 5322), though Python's parser keeps it."""
    return message["Subject"].lstrip()


def french_page(response, status=200):
    page = response.content.decode()
    assert response.status_code == status
    assert '<html lang="fr-CA">' in page
    assert english_in(page) == []
    return page


def test_a_french_subscriber_is_written_to_in_french_from_confirmation_to_alert(
    client, inbox, clock, history, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    english = Subscriber.objects.create(
        email="en@example.com", all_streams=True, confirmed_at=timezone.now()
    )
    with capture(execute=True):
        response = client.post(
            SUBSCRIBE_FR, {"email": "fr@example.com", "stream": ["cec"], "score": "520"}
        )
    assert response["Location"] == "/fr/alertes/envoye/"
    assert Subscriber.objects.get(email="fr@example.com").language == "fr"

    [confirmation] = inbox.to("fr@example.com")
    assert subject(confirmation) == "Confirmez vos alertes des rondes d'Entrée express"
    assert f"ouvrez ce lien d'ici 48 heures{NBSP}:" in text_of(confirmation)
    assert english_words_in_email(text_of(confirmation)) == []
    assert '<html lang="fr-CA">' in html_of(confirmation)
    confirm = link_in(confirmation, "/fr/alertes/confirmer/")
    french_page(client.get(confirm))
    confirmed = french_page(client.post(confirm))
    assert "Vos alertes sont activées" in confirmed and 'href="/fr/alertes/gerer/' in confirmed

    # A new CEC round: the previous one is #392 (21 January 2026, minimum 509, 6,000).
    with capture(execute=True):
        make_draw(
            900,
            TODAY_IN_OTTAWA,
            "cec",
            crs_min=505,
            invitations=6000,
            tie_break=dt.datetime(2026, 12, 2, 14, 5, 9, tzinfo=dt.UTC),
        )

    [alert] = inbox.to("fr@example.com")[1:]
    assert subject(alert) == f"Ronde d'Entrée express #900{NBSP}: CEC, note minimale du SCG 505"
    text = text_of(alert)
    cec = Stream.objects.get(slug="cec").name_fr
    for line in [
        f"Nouvelle ronde d'Entrée express{NBSP}: #900, {cec}",
        f"Date{NBSP}: 3 décembre 2026",
        f"Invitations{NBSP}: 6{NBSP}000",
        f"Note minimale du SCG{NBSP}: 505",
        f"Règle de départage{NBSP}: 2 décembre 2026 à 14 h 05 min 09 s UTC",
        f"Depuis la ronde #392 (21 janvier 2026){NBSP}: note minimale du SCG en baisse de "
        "4 points, le même nombre d'invitations.",
        f"Votre note de 520 l'atteint{NBSP}: elle est égale ou supérieure à la note minimale.",
        f"La ronde{NBSP}: https://eerounds.example/fr/rondes/900/",
        f"Ce que nous conservons à votre sujet{NBSP}: "
        "https://eerounds.example/fr/alertes/confidentialite/",
    ]:
        assert line in text.splitlines(), f"{line!r} not in:\n{text}"
    assert english_words_in_email(text) == []
    alert_html = html_of(alert)
    assert '<html lang="fr-CA">' in alert_html and f"<td>6{NBSP}000</td>" in alert_html
    assert '<a href="https://eerounds.example/fr/rondes/392/">#392</a>' in alert_html
    unsubscribe = link_in(alert, "/fr/alertes/desabonnement/")
    assert f"<https://eerounds.example{unsubscribe}>" in alert["List-Unsubscribe"]

    # The English subscriber of the same round reads English, with the English pages' links.
    [english_alert] = inbox.to(english.email)
    assert english_alert["Subject"] == "Express Entry round #900: CEC, minimum CRS 505"
    assert "Invitations: 6,000" in text_of(english_alert)
    assert "The round: https://eerounds.example/draws/900/" in text_of(english_alert)
    link_in(english_alert, "/alerts/unsubscribe/")

    manage = french_page(client.get(link_in(alert, "/fr/alertes/gerer/")))
    assert 'value="cec" id="id_stream_' in manage and 'value="520"' in manage
    french_page(client.get(unsubscribe))
    assert "Votre désabonnement est fait" in french_page(client.post(unsubscribe))
    assert not Subscriber.objects.filter(email="fr@example.com").exists()


def test_the_note_to_an_address_already_subscribed_is_in_its_language(
    client, inbox, django_capture_on_commit_callbacks
):
    Subscriber.objects.create(email="fr@example.com", language="fr", confirmed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/alerts/", {"email": "fr@example.com"})
    [note] = inbox.to("fr@example.com")
    assert subject(note) == "Vous recevez déjà les alertes des rondes d'Entrée express"
    assert "Elle les reçoit déjà, et rien n'a changé." in text_of(note)
    assert english_words_in_email(text_of(note)) == []
    link_in(note, "/fr/alertes/gerer/")
    # The form changed nothing for a confirmed address, its language included.
    assert Subscriber.objects.get().language == "fr"


def test_subscribing_in_english_keeps_english(client, inbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/alerts/", {"email": "en@example.com"})
    assert Subscriber.objects.get().language == "en"
    [confirmation] = inbox.to("en@example.com")
    assert subject(confirmation) == "Confirm your Express Entry round alerts"
    link_in(confirmation, "/alerts/confirm/")


def test_changing_choices_on_the_french_page_moves_the_emails_to_french(client, db):
    subscriber = Subscriber.objects.create(email="en@example.com", confirmed_at=timezone.now())
    manage = subscriber.get_manage_url().replace("/alerts/manage/", "/fr/alertes/gerer/")
    refused = french_page(client.post(manage, {"score": "deux"}), status=400)
    assert f"Rien n'a été modifié{NBSP}: corrigez la réponse ci-dessous." in refused
    assert Subscriber.objects.get().language == "en"
    saved = french_page(client.post(manage, {"stream": ["fsw"], "score": "470"}))
    assert "Enregistré. Les prochaines alertes suivront ces choix." in saved
    subscriber.refresh_from_db()
    assert (subscriber.language, subscriber.score) == ("fr", 470)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"email": "pas-une-adresse"}, "Entrez une adresse courriel comme nom@example.com."),
        (
            {"email": "a" * 9990 + "@example.com"},
            "Une adresse courriel compte au plus 254 caractères.",
        ),
        ({"email": "a@b.c\r\nBcc: x@y.z"}, "Entrez une adresse courriel comme nom@example.com."),
        ({"email": ""}, "Entrez votre adresse courriel."),
        ({"score": "1e9"}, "Entrez la note en nombre entier, par exemple 478."),
        ({"score": "1201"}, f"Les notes du SCG vont de 0 à 1{NBSP}200."),
        ({"stream": ["cec", "nonsense"]}, "Il n'y a pas de volet nommé nonsense."),
    ],
)
def test_the_french_form_refuses_bad_answers_in_french(client, inbox, data, error):
    response = client.post(SUBSCRIBE_FR, {"email": "fr@example.com", **data})
    page = html.unescape(french_page(response, status=400))
    assert error in page
    assert f"Rien n'a été enregistré{NBSP}: corrigez la réponse ci-dessous." in page
    assert not Subscriber.objects.exists() and inbox.messages == []


def test_the_french_rate_limit_says_so_in_french(
    client, inbox, settings, django_capture_on_commit_callbacks
):
    settings.ALERTS_SUBSCRIBE_LIMIT_PER_EMAIL = 1
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SUBSCRIBE_FR, {"email": "fr@example.com"})
        response = client.post(SUBSCRIBE_FR, {"email": "fr@example.com"})
    page = french_page(response, status=429)
    assert (
        f"Trop de demandes de cet endroit ou pour cette adresse{NBSP}: réessayez dans une heure."
        in page
    )
    assert len(inbox.messages) == 1
