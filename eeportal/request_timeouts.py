"""Time limits on the database for web requests, so a lock makes a quick 503, not a hang.

A migration during a deploy holds a lock on the rounds table; without a limit every page
behind it waits until gunicorn kills the worker after 30 seconds. With one, PostgreSQL gives
up after DATABASE_LOCK_TIMEOUT seconds waiting for a lock, or DATABASE_STATEMENT_TIMEOUT
running a statement, and the outage middleware answers 503 with Retry-After. SQLite's busy
timeout is its only such limit.

Only the web server's processes get these limits (eeportal.wsgi connects `limit` to each new
connection): migrations, imports and the sync run through manage.py and may rightly wait.
"""

from django.conf import settings
from django.db.backends.signals import connection_created


def limit(sender, connection, **kwargs):
    lock_ms = int(settings.DATABASE_LOCK_TIMEOUT * 1000)
    statement_ms = int(settings.DATABASE_STATEMENT_TIMEOUT * 1000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('lock_timeout', %s, false), "
                "set_config('statement_timeout', %s, false)",
                [f"{lock_ms}ms", f"{statement_ms}ms"],
            )
    elif connection.vendor == "sqlite":
        connection.connection.execute(f"PRAGMA busy_timeout = {lock_ms}")


def limit_web_requests():
    connection_created.connect(limit, dispatch_uid="request-timeouts")
