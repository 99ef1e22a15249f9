"""The content version: one row that moves whenever anything the public pages show changes."""

import datetime as dt
import time

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_datetime


class ContentVersion(models.Model):
    """A single row counting changes to anything the public pages show.

    Saving or deleting any model in settings.PAGE_CACHE_WATCHED_MODELS bumps it (signals.py),
    in the same transaction as the change. Cached pages and ETags are keyed on it, so every
    app server sees an edit without sharing any memory. Each process reads it at most once every
    PAGE_CACHE_RECHECK_SECONDS: the process that made the edit sees it at once, the others
    within that window.
    """

    SINGLETON_ID = 1

    number = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    # (number, changed_at, clock() when read) of this process's last read.
    _last_read = None
    # Seconds from an arbitrary start; tests replace it with a clock they move by hand.
    clock = staticmethod(time.monotonic)

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"Version {self.number} of {self.changed_at:%Y-%m-%d %H:%M:%S} UTC"

    @classmethod
    def current(cls):
        """(number, changed_at) of the latest change, read again once the window has passed.

        Reading it was most of what a cached page cost (BENCHMARKS.md, finding 2); a window
        of a second turns that into one query per second per process, whatever the traffic.
        """
        last_read, now = cls._last_read, cls.clock()
        if last_read is not None and now - last_read[2] < settings.PAGE_CACHE_RECHECK_SECONDS:
            return last_read[:2]
        number, changed_at = cls.read()
        cls._last_read = (number, changed_at, now)
        return number, changed_at

    @classmethod
    def read(cls):
        """(number, changed_at) from the database.

        Plain SQL: compiling the ORM query cost more than the query (0.42 ms against
        0.18 ms on PostgreSQL).
        """
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT number, changed_at FROM {cls._meta.db_table} WHERE id = %s",
                [cls.SINGLETON_ID],
            )
            row = cursor.fetchone()
        if row is None:
            return 0, dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
        number, changed_at = row
        if isinstance(changed_at, str):  # SQLite hands back its text form
            changed_at = parse_datetime(changed_at)
        if timezone.is_naive(changed_at):
            changed_at = timezone.make_aware(changed_at, dt.UTC)
        return number, changed_at

    @classmethod
    def forget(cls):
        """Make this process read the version again on its next request."""
        cls._last_read = None

    @classmethod
    def bump(cls):
        now = timezone.now()
        updated = cls.objects.filter(pk=cls.SINGLETON_ID).update(
            number=F("number") + 1, changed_at=now
        )
        if not updated:
            cls.objects.update_or_create(
                pk=cls.SINGLETON_ID, defaults={"number": 1, "changed_at": now}
            )
        # Now for this connection's own reads, and again once the change is visible to all.
        cls.forget()
        transaction.on_commit(cls.forget)
