"""The fan-out on real `manage.py db_worker` processes, against a real SMTP server: a worker
killed (SIGKILL) in the middle of a round's alerts, then another started, and every
subscriber has exactly one message."""

import asyncio
import email
import signal
import subprocess
import sys
import threading
from email import policy

import pytest
from django.conf import settings

from tests.alerts.conftest import SmtpServer
from tests.servers import PROJECT, PostgresDatabase, SqliteDatabase, manage, production_environment

SUBSCRIBERS = 20
KILLED_AT = 8  # the worker dies while the server holds this message, before answering it

# One process for the schema and the rows (each manage.py start-up costs a second or two).
SEED = f"""
from django.core.management import call_command
from django.utils import timezone
from draws import ircc
from draws.models import Draw, Stream
from eeportal.alerts.models import Subscriber

call_command("migrate", verbosity=0)
for n in range({SUBSCRIBERS}):
    Subscriber.objects.create(
        email=f"candidate{{n}}@example.com", all_streams=True, confirmed_at=timezone.now()
    )
# Published today in Ottawa: a new round, whose alert is queued for the workers.
Draw.objects.create(
    number=900, date=ircc.ottawa_date(timezone.now()), stream=Stream.objects.get(slug="cec"),
    invitations=3000, crs_min=505,
)
"""


class StallingInbox:
    """Takes messages; holds the KILLED_AT-th unanswered until the test has killed its sender.

    A message counts as delivered once the server answers 250: the held one never is, as
    when a connection drops before the answer, so the sender must send it again."""

    def __init__(self):
        self.messages = []
        self.reached = threading.Event()
        self.released = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if len(self.messages) + 1 == KILLED_AT and not self.reached.is_set():
            self.reached.set()
            await asyncio.get_running_loop().run_in_executor(None, self.released.wait)
            return "451 4.3.0 Sender gone"
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 2.0.0 OK"


@pytest.fixture
def scratch(tmp_path):
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        database = PostgresDatabase(settings.DATABASES["default"], purpose="alerts")
    else:
        database = SqliteDatabase(tmp_path)
    try:
        yield database
    finally:
        database.close()


def start_worker(env, log):
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=PROJECT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def test_a_worker_killed_mid_fan_out_leaves_no_one_without_and_no_one_twice(scratch, tmp_path):
    inbox = StallingInbox()
    with SmtpServer(inbox) as smtp, open(tmp_path / "workers.log", "w+") as log:
        env = {
            **production_environment(tmp_path / "static"),
            **scratch.operator_env,
            "DJANGO_TASKS_BACKEND": "database",
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}",
            "DJANGO_SITE_URL": "https://eerounds.example",
            "ALERTS_DELIVERY_TASKS": "3",
        }
        manage(env, "shell", "-c", SEED)

        first = start_worker(env, log)
        try:
            assert inbox.reached.wait(timeout=60), "the worker never reached the SMTP server"
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=30)
        finally:
            inbox.released.set()
            if first.poll() is None:
                first.kill()
        assert first.returncode == -signal.SIGKILL
        assert len(inbox.messages) == KILLED_AT - 1

        second = start_worker(env, log)
        assert second.wait(timeout=120) == 0, (log.seek(0), log.read())[1]

    recipients = [message["To"] for message in inbox.messages]
    assert sorted(recipients) == sorted(f"candidate{n}@example.com" for n in range(SUBSCRIBERS))
    message_ids = {message["Message-ID"] for message in inbox.messages}
    assert len(message_ids) == SUBSCRIBERS
    assert all(m["Subject"].startswith("Express Entry round #900: CEC") for m in inbox.messages)
