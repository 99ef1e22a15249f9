"""One run of the sync with IRCC's feed: fetch, check, apply in one transaction, record.

Whatever happens, the run is recorded (SyncRun), with why it failed when it did; a failed
run has changed nothing. A run that succeeds retires every cached page, even when nothing
was new, so the "checked N minutes ago" line on every page moves with each check.
"""

import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from draws import importing, ircc
from eeportal.pagecache.models import ContentVersion
from eeportal.sync.feed import FeedUnavailable, decode, fetch
from eeportal.sync.models import SyncConflict, SyncRun, SyncState


class SyncFailed(Exception):
    pass


def run(source=None, publish=None):
    """Sync with the feed at `source` (settings.IRCC_FEED_URL by default); the SyncRun.

    Then, when the English feed was read (changed or not), the French one for the rounds'
    French names and lists of programs (settings.IRCC_FEED_URL_FR, empty: not read).
    """
    source = source or settings.IRCC_FEED_URL
    record = recorded(source, lambda record: fetch_and_apply(record, source, publish))
    if settings.IRCC_FEED_URL_FR and record.outcome != SyncRun.Outcome.FAILED:
        take_french_names(record, settings.IRCC_FEED_URL_FR)
    return record


def take_french_names(record, source):
    """IRCC's French round names and lists of programs, in a transaction of their own after
    the English sync's: a French feed that cannot be fetched or read costs the French names of
    this run, never the English rounds. What went wrong is added to the run's message; it
    stays a success."""
    try:
        fetched = fetch(
            source,
            timeout=settings.IRCC_FEED_TIMEOUT,
            max_bytes=settings.IRCC_FEED_MAX_BYTES,
        )
        french_rounds = ircc.parse_french_feed(json.loads(ircc.decode_feed(fetched.body)))
        with transaction.atomic():
            SyncState.take_lock()
            importing.store_french_names(french_rounds, source="sync_ircc (French feed)")
    except (FeedUnavailable, ValueError, ValidationError, IntegrityError) as problem:
        # ValueError covers bad JSON and IrccFormatError.
        note = f"IRCC's French feed was not read ({problem}); French names are unchanged."
        record.message = f"{record.message} {note}".strip()
        record.save(update_fields=["message"])


def run_with_body(body, source, publish=None):
    """Sync with a feed already in hand (a file an editor uploaded); the SyncRun."""
    return recorded(source, lambda record: apply(record, body, publish))


def recorded(source, work):
    record = SyncRun(started_at=timezone.now(), source=source[:500])
    try:
        work(record)
    except SyncFailed as failure:
        record.outcome = SyncRun.Outcome.FAILED
        record.message = str(failure)
    record.finished_at = timezone.now()
    record.save()
    if record.outcome != SyncRun.Outcome.FAILED:
        ContentVersion.bump()
    return record


def fetch_and_apply(record, source, publish):
    state = SyncState.current()
    try:
        fetched = fetch(
            source,
            etag=state.etag,
            last_modified=state.last_modified,
            timeout=settings.IRCC_FEED_TIMEOUT,
            max_bytes=settings.IRCC_FEED_MAX_BYTES,
        )
    except FeedUnavailable as problem:
        raise SyncFailed(f"{problem} Nothing was changed.") from None
    record.http_status = fetched.status if source.startswith(("http:", "https:")) else None
    record.etag, record.last_modified = fetched.etag[:200], fetched.last_modified[:100]
    if fetched.status == 304:
        record.outcome = SyncRun.Outcome.UNCHANGED
        record.message = "The feed has not changed since the last check."
        return
    apply(record, fetched.body, publish)


def apply(record, body, publish):
    publish = settings.IRCC_SYNC_PUBLISH if publish is None else publish
    rounds = parse(body)
    record.rounds_in_feed = len(rounds)
    try:
        with transaction.atomic():
            SyncState.take_lock()
            result = importing.sync_rounds(rounds, publish=publish)
            record_conflicts(result.conflicts)
            SyncState.objects.filter(pk=SyncState.SINGLETON_ID).update(
                etag=record.etag, last_modified=record.last_modified
            )
    except importing.ImportProblem as problem:
        raise SyncFailed(f"{problem} Nothing was changed.") from None
    except IntegrityError as error:
        raise SyncFailed(f"The database refused a change ({error}). Nothing was changed.") from None
    record.created, record.corrected = result.created, result.corrected
    record.conflicts = len(result.conflicts)
    changed = result.created or result.corrected or result.conflicts
    record.outcome = SyncRun.Outcome.CHANGED if changed else SyncRun.Outcome.UNCHANGED
    if result.unmapped_names:
        names = ", ".join(repr(name) for name in result.unmapped_names)
        record.message = f"Created as drafts, no stream claims IRCC's round name: {names}."


class Preview(Exception):
    """Raised inside the transaction to undo it, carrying what the run would have done."""

    def __init__(self, result):
        super().__init__("preview")
        self.result = result


def preview(body, publish=None):
    """What syncing with this feed file would change, round by round; nothing is kept."""
    publish = settings.IRCC_SYNC_PUBLISH if publish is None else publish
    rounds = parse(body)
    try:
        with transaction.atomic():
            raise Preview(importing.sync_rounds(rounds, publish=publish))
    except Preview as undone:
        return undone.result
    except importing.ImportProblem as problem:
        raise SyncFailed(f"{problem} Nothing would be changed.") from None


def parse(body):
    text = decode(body)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        start = text.lstrip()[:40]
        what = "an HTML page" if start.startswith("<") else f"not JSON ({error})"
        raise SyncFailed(f"The feed is {what}; it begins {start!r}. Nothing was changed.") from None
    try:
        rounds = ircc.parse_feed(data)
    except ircc.IrccFormatError as error:
        raise SyncFailed(f"The feed cannot be read: {error}. Nothing was changed.") from None
    if not rounds:
        raise SyncFailed("The feed lists no rounds. Nothing was changed.")
    return rounds


def record_conflicts(conflicts):
    for draw, field, site_value, ircc_value in conflicts:
        SyncConflict.objects.update_or_create(
            draw=draw,
            field=field,
            settled_at=None,
            defaults={"site_value": site_value, "ircc_value": ircc_value},
        )
