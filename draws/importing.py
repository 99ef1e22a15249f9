"""Writing IRCC's rounds into the database: the values `ircc.py` parsed, by round number.

Used by `manage.py import_rounds` (files in IRCC's feed format). A round is matched by its
number; IRCC's figures replace the stored ones, while what only editors set (status and
notes) is left alone. Everything happens in one transaction: one bad round and nothing
is written. Each round created or changed gets a revision of its own, signed with the
import's name (`source`), so the admin shows what the import changed and can undo it for
one round without touching the others.
"""

from collections import Counter

import reversion
from django.core.exceptions import ValidationError
from django.db import connection, transaction

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
    draw.full_clean()
    with reversion.create_revision(atomic=False):
        reversion.set_comment(source)
        draw.save()
        if band_values(draw.pool_bands.all()) != incoming_bands:
            draw.replace_pool_bands(parsed.pool_bands)
        # Again, now that its bands are in place: they are made in bulk, without the
        # signals that would add them to the revision.
        reversion.add_to_revision(draw)
    return outcome


def streams_by_round_name():
    """{IRCC round name, case-folded: Stream}, as editors have mapped them in the admin."""
    return {
        round_name.name.casefold(): round_name.stream
        for round_name in RoundName.objects.select_related("stream")
    }


def import_rounds(rounds, progress=None, source="import_rounds"):
    """Write parsed rounds in one transaction; a Counter of 'created', 'updated', 'unchanged'.

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
