"""EMAIL_URL, as operators write it, into Django's mail settings."""

import pytest

from eeportal.alerts.email_url import CONSOLE_BACKEND, SMTP_BACKEND, MailSettings, parse


def test_nothing_set_prints_mail_to_the_console():
    assert parse("") == MailSettings(backend=CONSOLE_BACKEND)
    assert parse("console:").backend == CONSOLE_BACKEND


def test_a_relay_with_starttls_and_a_password_that_needs_quoting():
    mail = parse("smtp://alerts%40eerounds.ca:p%40ss%2Fw0rd@smtp.example.net:587/?tls=true")
    assert mail == MailSettings(
        backend=SMTP_BACKEND,
        host="smtp.example.net",
        port=587,
        user="alerts@eerounds.ca",
        password="p@ss/w0rd",
        use_tls=True,
    )


def test_smtps_means_ssl_on_465_and_plain_smtp_port_25():
    assert (parse("smtps://mx.example.net").port, parse("smtps://mx.example.net").use_ssl) == (
        465,
        True,
    )
    assert parse("smtp://127.0.0.1").port == 25


@pytest.mark.parametrize(
    "url",
    ["http://mail.example.net", "smtp://", "smtp://host/?tls=true&ssl=true", "smtp://host:port"],
)
def test_a_url_that_cannot_be_right_stops_the_site_at_start_up(url):
    with pytest.raises(ValueError):
        parse(url)
