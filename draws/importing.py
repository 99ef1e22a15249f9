"""Writing IRCC's rounds into the database: the values `ircc.py` parsed, by round number.

Used by `manage.py import_rounds` (files in IRCC's feed format) and by the sync with IRCC's
feed (`sync_rounds`, from eeportal.sync). A round is matched by its number. An import puts
IRCC's figures in place of the stored ones; the sync does so only for figures nobody
changed by hand since IRCC last gave them (Draw.ircc_figures), and reports the others as
conflicts for an editor. What only editors set (status and notes) is left alone.
Everything happens in one transaction: one bad round and nothing is written. Each round
created or changed gets a revision of its own, signed with the import's name (`source`),
so the admin shows what the import changed and can undo it for one round without
touching the others.
"""

from collections import Counter
from dataclasses import dataclass, field

import reversion
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from draws import ircc
from draws.models import Draw, PoolBand, RoundName, Stream

# The fields IRCC's feed sets; the rest of a round is the editors'.
IRCC_FIELDS = (
    "date",
    "stream_id",
    "round_name",
    "eligible_programs",
    "invitations",
    "crs_min",
    "tie_break",
    "run_at",
    "pool_as_of",
    "pool_total",
    "source_url",
)


class ImportProblem(Exception):
    """A round that cannot be written as it is; the message says which and why."""


def ircc_values(draw):
    return {name: getattr(draw, name) for name in IRCC_FIELDS}


def as_json(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def figures(values, bands):
    """IRCC_FIELDS and the bands as JSON values, as Draw.ircc_figures keeps them."""
    kept = {name: as_json(value) for name, value in values.items()}
    kept["pool_bands"] = [list(band) for band in bands]
    return kept


def band_values(bands):
    return sorted((band.low, band.high, band.count) for band in bands)


def draw_from_ircc(parsed, stream):
    """An unsaved Draw holding a parsed IRCC round's values."""
    return Draw(
        number=parsed.number,
        suffix=parsed.suffix,
        date=parsed.date,
        stream=stream,
        round_name=parsed.round_name,
        eligible_programs=parsed.eligible_programs,
        invitations=parsed.invitations,
        crs_min=parsed.crs_min,
        tie_break=parsed.tie_break,
        run_at=parsed.run_at,
        pool_as_of=parsed.pool_as_of,
        pool_total=parsed.pool_total,
        source_url=parsed.source_url,
    )


def save_round(parsed, stream, source):
    """Create or update the round from IRCC's values: 'created', 'updated' or 'unchanged'."""
    incoming = draw_from_ircc(parsed, stream)
    incoming_bands = band_values(parsed.pool_bands)
    draw = Draw.objects.filter(number=parsed.number, suffix=parsed.suffix).first()
    if draw is None:
        draw, outcome = incoming, "created"
    elif (
        ircc_values(draw) == ircc_values(incoming)
        and band_values(draw.pool_bands.all()) == incoming_bands
    ):
        return "unchanged"
    else:
        for name, value in ircc_values(incoming).items():
            setattr(draw, name, value)
        outcome = "updated"
    # Draw.clean() checks in Python every rule the check constraints hold, so they are not
    # asked of the database once more per round (a query each: a third of an import's time).
    draw.full_clean(validate_constraints=False)
    french = {key: value for key, value in (draw.ircc_figures or {}).items() if key in FRENCH_KEYS}
    draw.ircc_figures = {**french, **figures(ircc_values(incoming), incoming_bands)}
    with reversion.create_revision(atomic=False, manage_manually=True):
        reversion.set_comment(source)
        draw.save()
        if band_values(draw.pool_bands.all()) != incoming_bands:
            draw.replace_pool_bands(parsed.pool_bands)
        # Added by hand once its bands are in place (made in bulk, without the signals
        # that would add them), rather than also on its own save: half the serialising.
        reversion.add_to_revision(draw)
    return outcome


def streams_by_round_name():
    """{IRCC round name, case-folded: Stream}, as editors have mapped them in the admin."""
    return {
        round_name.name.casefold(): round_name.stream
        for round_name in RoundName.objects.select_related("stream")
    }


def import_rounds(rounds, progress=None, source="import_rounds", french_rounds=()):
    """Write parsed rounds in one transaction; a Counter of 'created', 'updated', 'unchanged'
    (and of store_french_names' outcomes, prefixed 'french_', for IRCC's French feed's rounds).

    Raises ImportProblem, having written nothing, for a round repeated in `rounds`, a round
    name no stream claims, or a value the models refuse. `progress(done, total)` is called
    every hundred rounds.
    """
    repeated = [label for label, n in Counter(r.label for r in rounds).items() if n > 1]
    if repeated:
        raise ImportProblem(f"Round {repeated[0]} appears more than once in the files.")
    streams = streams_by_round_name()
    outcomes = Counter()
    with transaction.atomic():
        for done, parsed in enumerate(rounds, start=1):
            stream = streams.get(parsed.round_name.casefold())
            if stream is None:
                raise ImportProblem(
                    f"Round {parsed.label}, field drawName: unknown round name "
                    f"{parsed.round_name!r}. Add it to a stream's IRCC round names in the "
                    "admin, then import again."
                )
            try:
                outcomes[save_round(parsed, stream, source)] += 1
            except ValidationError as error:
                raise ImportProblem(f"Round {parsed.label}: {'; '.join(error.messages)}") from None
            if progress and done % 100 == 0 and done < len(rounds):
                progress(done, len(rounds))
        try:
            french = store_french_names(french_rounds, source)
        except ValidationError as error:
            raise ImportProblem(
                f"A French round name or list of programs: {'; '.join(error.messages)}"
            ) from None
        outcomes.update({f"french_{outcome}": n for outcome, n in french.items()})
    if outcomes["created"]:
        refresh_planner_statistics()
    return outcomes


def refresh_planner_statistics():
    """ANALYZE the app's tables, after loading many rows at once.

    Right after a bulk load PostgreSQL plans as if the tables were nearly empty until
    autovacuum gets round to them, and a page that takes a fraction of a second can take
    many (BENCHMARKS.md). The streams table counts too: without its statistics, finding
    each stream's latest round is several times slower. SQLite's planner uses the same
    statistics.
    """
    with connection.cursor() as cursor:
        for model in (Stream, RoundName, Draw, PoolBand):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


# --- the sync: IRCC's figures, except where an editor changed one by hand -------------------

# A feed with fewer rounds than this share of the site's is cut short, not IRCC's history.
FEED_MIN_SHARE_OF_SITE = 0.9


@dataclass
class SyncResult:
    created: int = 0
    corrected: int = 0
    unchanged: int = 0
    # (draw, field, the site's value, IRCC's value), for figures changed here by hand.
    conflicts: list = field(default_factory=list)
    # IRCC round names no stream claims, whose rounds were created as drafts.
    unmapped_names: list = field(default_factory=list)
    # What happened, round by round: (label, "new" or "corrected", the fields applied).
    changes: list = field(default_factory=list)


def stream_for_new_name(name, streams, stems):
    """The stream for an IRCC round name: as mapped in the admin, else the stream whose
    mapped names share its stem once versions and years are left out (IRCC renames its
    categories with each version), else None."""
    stream = streams.get(name.casefold())
    if stream is not None:
        return stream
    candidates = stems.get(ircc.round_name_stem(name), set())
    if len(candidates) == 1:
        stream = next(iter(candidates))
        RoundName.objects.create(name=name, stream=stream)
        streams[name.casefold()] = stream
        return stream
    return None


def sync_rounds(rounds, *, publish, source="sync_ircc"):
    """Bring the site in line with IRCC's rounds, in the caller's transaction; a SyncResult.

    Raises ImportProblem, having written nothing the caller keeps, for a feed that looks cut
    short or a value the models refuse.
    """
    site_count = Draw.objects.count()
    if len(rounds) < FEED_MIN_SHARE_OF_SITE * site_count:
        raise ImportProblem(
            f"The feed lists {len(rounds)} rounds but the site has {site_count}: it looks cut "
            "short."
        )
    streams = streams_by_round_name()
    stems = {}
    for name, stream in streams.items():
        stems.setdefault(ircc.round_name_stem(name), set()).add(stream)
    existing = {draw.label: draw for draw in Draw.objects.prefetch_related("pool_bands")}
    result = SyncResult()
    for parsed in rounds:
        try:
            draw = existing.get(parsed.label)
            if draw is None:
                create_from_feed(parsed, streams, stems, publish, source, result)
            else:
                update_from_feed(draw, parsed, streams, stems, source, result)
        except ValidationError as error:
            raise ImportProblem(f"Round {parsed.label}: {'; '.join(error.messages)}") from None
    return result


def create_from_feed(parsed, streams, stems, publish, source, result):
    stream = stream_for_new_name(parsed.round_name, streams, stems)
    draw = draw_from_ircc(parsed, stream or Stream.objects.get(slug="general"))
    draw.status = Draw.Status.PUBLISHED if publish and stream else Draw.Status.DRAFT
    if stream is None:
        result.unmapped_names.append(parsed.round_name)
        draw.notes = (
            f"Created as a draft by {source}: no stream claims IRCC's round name "
            f"{parsed.round_name!r}. Choose the stream, add the name to it, then publish."
        )
    draw.full_clean(validate_constraints=False)  # as in save_round
    bands = band_values(parsed.pool_bands)
    draw.ircc_figures = figures(ircc_values(draw), bands)
    with reversion.create_revision(atomic=False, manage_manually=True):
        reversion.set_comment(source)
        draw.save()
        draw.replace_pool_bands(parsed.pool_bands)
        reversion.add_to_revision(draw)
    result.created += 1
    result.changes.append((draw.label, "new", []))


def update_from_feed(draw, parsed, streams, stems, source, result):
    """Apply IRCC's changed figures that the site still holds as IRCC gave them."""
    stream = stream_for_new_name(parsed.round_name, streams, stems) or draw.stream
    incoming = figures(ircc_values(draw_from_ircc(parsed, stream)), band_values(parsed.pool_bands))
    current = figures(ircc_values(draw), band_values(draw.pool_bands.all()))
    last = draw.ircc_figures
    applied, conflicts = [], []
    for name, value in incoming.items():
        if value == current[name]:
            continue
        if last is not None and value == last.get(name):
            continue  # IRCC has not changed it: the site's own value was chosen by hand
        if last is not None and current[name] == last.get(name):
            applied.append(name)
        else:
            conflicts.append(name)
    result.conflicts += [(draw, name, current[name], incoming[name]) for name in conflicts]
    if not applied:
        # Compared on the English feed's own keys: the French name kept beside them stays.
        known = None if last is None else {name: last.get(name) for name in incoming}
        if known != incoming and not conflicts:
            # The same figures, now known to be IRCC's (a round an editor typed in).
            Draw.objects.filter(pk=draw.pk).update(ircc_figures={**(last or {}), **incoming})
        result.unchanged += 1
        return
    new_values = ircc_values(draw_from_ircc(parsed, stream))
    for name in applied:
        if name != "pool_bands":
            setattr(draw, name, new_values[name])
    draw.ircc_figures = {**(last or {}), **{name: incoming[name] for name in applied}}
    draw.full_clean(validate_constraints=False)  # as in save_round
    with reversion.create_revision(atomic=False, manage_manually=True):
        reversion.set_comment(source)
        draw.save()
        if "pool_bands" in applied:
            draw.replace_pool_bands(parsed.pool_bands)
        reversion.add_to_revision(draw)
    result.corrected += 1
    result.changes.append((draw.label, "corrected", applied))


def apply_irccs_figure(draw, name, value):
    """Put IRCC's `value` (as Draw.ircc_figures keeps it) for `name` in place, in a revision."""
    with reversion.create_revision(atomic=False, manage_manually=True):
        reversion.set_comment("sync conflict settled for IRCC's value")
        if name == "pool_bands":
            draw.replace_pool_bands(
                [PoolBand(low=low, high=high, count=count) for low, high, count in value]
            )
        else:
            field = Draw._meta.get_field(name.removesuffix("_id"))
            setattr(draw, name, field.to_python(value) if value is not None else None)
        draw.ircc_figures = {**(draw.ircc_figures or {}), name: value}
        draw.full_clean()
        draw.save()
        reversion.add_to_revision(draw)


# Draw.ircc_figures remembers the French name and list of programs IRCC last gave, under the
# fields' names, as it does IRCC's figures: a value an editor changed by hand since is hers,
# and kept.
FRENCH_NAME_KEY = "round_name_fr"
FRENCH_PROGRAMS_KEY = "eligible_programs_fr"
FRENCH_KEYS = (FRENCH_NAME_KEY, FRENCH_PROGRAMS_KEY)


def french_values(french):
    """{field: IRCC's French value} of a FrenchRound; an empty value never clears a field."""
    values = {FRENCH_NAME_KEY: french.round_name, FRENCH_PROGRAMS_KEY: french.eligible_programs}
    return {name: value for name, value in values.items() if value}


def store_french_names(french_rounds, source="import_rounds"):
    """Put IRCC's French round names and lists of programs on the rounds, in the caller's
    transaction; a Counter of rounds: 'named' (a value set or changed), 'unchanged', 'kept'
    (an editor's own value left in place, nothing set), 'unknown' (no such round here) and
    'mismatched' (the French feed's invitations differ from the round's: another round, or a
    feed half-way through an update; left alone)."""
    outcomes = Counter()
    draws = {draw.label: draw for draw in Draw.objects.all()}
    for french in french_rounds:
        draw = draws.get(french.label)
        if draw is None:
            outcomes["unknown"] += 1
            continue
        if draw.invitations != french.invitations:
            outcomes["mismatched"] += 1
            continue
        seen = dict(draw.ircc_figures or {})
        changed, kept = [], []
        for name, value in french_values(french).items():
            current, last = getattr(draw, name), seen.get(name)
            if current == value:
                seen[name] = value  # the same: now known to be IRCC's
            elif current and current != last:
                kept.append(name)
            else:
                setattr(draw, name, value)
                seen[name] = value
                changed.append(name)
        if not changed:
            if seen != (draw.ircc_figures or {}):
                Draw.objects.filter(pk=draw.pk).update(ircc_figures=seen)
            outcomes["kept" if kept else "unchanged"] += 1
            continue
        draw.ircc_figures = seen
        draw.full_clean(validate_constraints=False)  # as in save_round
        with reversion.create_revision(atomic=False, manage_manually=True):
            reversion.set_comment(source)
            draw.save()
            reversion.add_to_revision(draw)
        outcomes["named"] += 1
    return outcomes
