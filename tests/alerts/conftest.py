"""A real SMTP server (aiosmtpd) for the alerts' tests, the clocks they move, and helpers to
read what arrived."""

import datetime as dt
import email
import re
import threading
from email import policy

import pytest
from aiosmtpd.controller import Controller

from eeportal.alerts import delivery, publication
from tests.servers import free_port
from tests.sync.conftest import server as feed_server  # noqa: F401 (IRCC's feed, served)

# A moment in the middle of an Ottawa day (11:00 there), whatever the machine's zone.
NOW = dt.datetime(2026, 12, 3, 16, 0, tzinfo=dt.UTC)
TODAY_IN_OTTAWA = dt.date(2026, 12, 3)


class Inbox:
    """What the SMTP server accepted, and a way to make it refuse or stall."""

    def __init__(self):
        self.messages = []
        self.refusing = False
        self.refused_addresses = set()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused_addresses:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refusing:
            return "451 4.3.0 Try again later"
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.messages.append(message)
        return "250 2.0.0 OK"

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]

    def alerts(self):
        return [m for m in self.messages if m["Subject"].startswith("Express Entry round #")]


class SmtpServer:
    def __init__(self, handler):
        self.handler = handler
        self.port = free_port()
        self.controller = Controller(handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


@pytest.fixture
def inbox(db, settings):
    """An inbox behind a real SMTP server on 127.0.0.1, which the site sends to."""
    handler = Inbox()
    with SmtpServer(handler) as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 5
        settings.SITE_URL = "https://eerounds.example"
        yield handler


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    """The moment publication and sending read as now, moved by the test."""
    moving = Clock(NOW)
    monkeypatch.setattr(publication, "clock", moving)
    monkeypatch.setattr(delivery, "clock", moving)
    return moving


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message):
    return message.get_body(preferencelist=("html",)).get_content()


def link_in(message, path_part):
    """The first link in the message's text whose path contains `path_part`, as a path."""
    match = re.search(rf"https://eerounds\.example(\S*{re.escape(path_part)}\S*)", text_of(message))
    assert match, f"no {path_part} link in:\n{text_of(message)}"
    return match.group(1)
