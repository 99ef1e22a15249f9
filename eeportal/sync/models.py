"""What the sync with IRCC's feed did, and what it left for an editor to settle."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from draws.models import Draw


class SyncState(models.Model):
    """One row: the feed's validators from the last answer, and the lock runs take in turn.

    Every run updates this row first thing in its transaction, which holds a write lock on
    it (PostgreSQL's row lock; SQLite's database lock) until the run commits: a second
    machine's run waits, then sees what the first one wrote, and never creates a round twice.
    """

    SINGLETON_ID = 1

    etag = models.CharField(max_length=200, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    locked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "sync state"

    def __str__(self):
        return f"Feed last seen with ETag {self.etag or 'none'}"

    @classmethod
    def current(cls):
        state, _ = cls.objects.get_or_create(pk=cls.SINGLETON_ID)
        return state

    @classmethod
    def take_lock(cls):
        """Within a transaction: wait for any other run, then hold this row until commit."""
        cls.current()
        cls.objects.filter(pk=cls.SINGLETON_ID).update(locked_at=timezone.now())
        return cls.objects.select_for_update().get(pk=cls.SINGLETON_ID)


class SyncRunQuerySet(models.QuerySet):
    def successful(self):
        return self.exclude(outcome=SyncRun.Outcome.FAILED)

    def last_success(self):
        return self.successful().order_by("-finished_at").first()

    def last_success_time(self):
        """When the last successful run finished, or None: the one column the line on every
        page needs, rather than a whole run (its error text and counts)."""
        newest = self.successful().order_by("-finished_at")
        return newest.values_list("finished_at", flat=True).first()


class SyncRun(models.Model):
    """One run of `sync_ircc`: when, what the feed said about itself, and what it changed."""

    class Outcome(models.TextChoices):
        CHANGED = "changed", "Changes applied"
        UNCHANGED = "unchanged", "Nothing new"
        FAILED = "failed", "Failed: nothing changed"

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=500)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    etag = models.CharField("ETag", max_length=200, blank=True)
    last_modified = models.CharField("feed's Last-Modified", max_length=100, blank=True)
    rounds_in_feed = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField("new rounds", default=0)
    corrected = models.PositiveIntegerField("rounds corrected", default=0)
    conflicts = models.PositiveIntegerField("conflicts found", default=0)
    message = models.TextField(blank=True, help_text="Why it failed, or what needs an editor.")

    objects = SyncRunQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = "sync run"
        indexes = [
            models.Index(fields=["outcome", "-finished_at"], name="syncrun_outcome_finished")
        ]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} UTC: {self.get_outcome_display()}"

    @property
    def seconds(self):
        if self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()

    @staticmethod
    def is_overdue(last_success, now=None):
        """True when no check has succeeded within settings.IRCC_SYNC_STALE_AFTER."""
        now = now or timezone.now()
        limit = dt.timedelta(seconds=settings.IRCC_SYNC_STALE_AFTER)
        return last_success is None or now - last_success.finished_at > limit


class SyncConflictQuerySet(models.QuerySet):
    def open(self):
        return self.filter(settled_at=None)


class SyncConflict(models.Model):
    """A figure IRCC's feed changed that an editor had also changed by hand since the last
    sync: nothing was overwritten, and an editor chooses which value stands."""

    draw = models.ForeignKey(Draw, on_delete=models.CASCADE, related_name="sync_conflicts")
    field = models.CharField(max_length=40)
    site_value = models.JSONField(null=True)
    ircc_value = models.JSONField(null=True)
    found_at = models.DateTimeField(default=timezone.now)
    settled_at = models.DateTimeField(null=True, blank=True)
    settled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    settlement = models.CharField(max_length=10, blank=True)

    objects = SyncConflictQuerySet.as_manager()

    class Meta:
        ordering = ["settled_at", "-found_at"]
        verbose_name = "sync conflict"
        constraints = [
            models.UniqueConstraint(
                fields=["draw", "field"],
                condition=models.Q(settled_at=None),
                name="one_open_conflict_per_figure",
                violation_error_message="This figure already has a conflict to settle.",
            )
        ]

    def __str__(self):
        return f"{self.draw}: {self.field}"
