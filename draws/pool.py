"""The pool over time: IRCC's distributions of the pool by CRS band, and how each band moved.

IRCC publishes a distribution of the pool (candidates per CRS band on a date) with its rounds.
Rounds held in the same week usually carry the same one (the same "as of" date, the same
figures), so the history here has one entry per date, naming the rounds that carried it.

Each change is a net figure: a band's count on one distribution minus its count on the one
before. IRCC does not say who entered the pool, who left it, who was invited or whose score
moved them to another band; only the counts.

Pure: rows in (DrawQuerySet.distribution_rounds, PoolBandQuerySet.range_rows), plain values
out. No ORM, no I/O.
"""

import datetime as dt
import itertools
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# IRCC publishes a distribution with each round, and rounds come every week or two. A longer
# silence between two distributions is a pause (no round at all): the chart's line breaks
# there rather than drawing a straight line across months nobody measured. The longest gap
# between two distributions in IRCC's history so far is 50 days.
LONGEST_ORDINARY_GAP = dt.timedelta(days=120)


def anchor(as_of):
    """The id of a distribution's row on the pool page, which its rounds link to."""
    return f"pool-{as_of.isoformat()}"


def round_label(row):
    """'392', or '91a' for IRCC's two lettered rounds (as Draw.label)."""
    return f"{row.number}{row.suffix}"


@dataclass(frozen=True)
class Column:
    """A CRS band as a column of the history: 451-500, or 491-500 within it."""

    low: int
    high: int
    parent: tuple[int, int] | None = None  # (low, high) of the band it splits

    @property
    def key(self):
        return (self.low, self.high)

    @property
    def is_sub_band(self):
        return self.parent is not None


@dataclass(frozen=True)
class Cell:
    """A band's count on one distribution and its net change since the previous one."""

    count: int | None
    change: int | None  # None where either distribution lacks the band


@dataclass
class Distribution:
    """The pool on one date, as IRCC published it with one or more rounds."""

    as_of: dt.date
    total: int
    counts: dict  # (low, high) -> candidates
    parents: dict  # (low, high) -> (low, high) of the band it splits, for sub-bands
    rounds: list = field(default_factory=list)  # labels of the rounds that carried it
    # Rounds held since the previous distribution without one (none published, or not
    # recorded here): the change is still the net change between the two distributions.
    rounds_without: list = field(default_factory=list)
    previous: "Distribution | None" = None

    @property
    def anchor(self):
        return anchor(self.as_of)

    @property
    def follows_break(self):
        """True where the line from the previous distribution must not be drawn: a round
        came between without a distribution, or no round came for months."""
        if self.previous is None:
            return True
        return bool(self.rounds_without) or (
            self.as_of - self.previous.as_of > LONGEST_ORDINARY_GAP
        )

    def read(self, bands, ranges, total):
        """Take the counts of `bands` (PoolBand rows; `ranges` maps band ids to their
        (low, high)); the total is IRCC's, or the top-level bands' sum where none was given."""
        self.counts = {(band.low, band.high): band.count for band in bands}
        self.parents = {
            (band.low, band.high): ranges[band.parent_id]
            for band in bands
            if band.parent_id in ranges
        }
        top_level = sum(c for key, c in self.counts.items() if key not in self.parents)
        self.total = total if total is not None else top_level

    def cell(self, key):
        count = self.counts.get(key)
        before = self.previous.counts.get(key) if self.previous else None
        change = count - before if count is not None and before is not None else None
        return Cell(count, change)

    @property
    def total_cell(self):
        before = self.previous.total if self.previous else None
        return Cell(self.total, self.total - before if before is not None else None)


@dataclass(frozen=True)
class Table:
    """Rows of (distribution, cells), newest first: the total's cell first where the table
    has one, then a cell per column."""

    caption: str
    columns: list
    rows: list
    with_total: bool


@dataclass
class PoolHistory:
    distributions: list  # oldest first
    columns: list  # every band seen, each top-level band followed by its sub-bands

    @classmethod
    def of(cls, rounds, bands):
        """From every published round, oldest first (DrawQuerySet.distribution_rounds), and
        the bands of their distributions (PoolBandQuerySet.range_rows)."""
        ranges, by_round = {}, {}
        for band in bands:
            ranges[band.pk] = (band.low, band.high)
            by_round.setdefault(band.draw_id, []).append(band)
        distributions = {}
        waiting = []  # rounds without a distribution since the last one
        for row in rounds:
            if row.pool_as_of is None or row.pk not in by_round:
                if distributions:
                    waiting.append(round_label(row))
                continue
            distribution = distributions.get(row.pool_as_of)
            if distribution is None:
                distribution = distributions[row.pool_as_of] = Distribution(
                    as_of=row.pool_as_of, total=0, counts={}, parents={}, rounds_without=waiting
                )
                waiting = []
            distribution.rounds.append(round_label(row))
            # Rounds of one date carry the same figures in IRCC's history; should an edit
            # ever make them differ, the latest round's word stays, as IRCC's latest.
            distribution.read(by_round[row.pk], ranges, row.pool_total)
        ordered = sorted(distributions.values(), key=lambda each: each.as_of)
        for earlier, later in itertools.pairwise(ordered):
            later.previous = earlier
        return cls(distributions=ordered, columns=_columns(ordered))

    @property
    def top_columns(self):
        return [column for column in self.columns if not column.is_sub_band]

    @property
    def first(self):
        return self.distributions[0] if self.distributions else None

    @property
    def latest(self):
        return self.distributions[-1] if self.distributions else None

    @property
    def round_count(self):
        """How many rounds carried a distribution."""
        return sum(len(each.rounds) for each in self.distributions)

    def table(self):
        """The total and the top-level bands, newest first."""
        return self._table(_("The pool by CRS band"), self.top_columns, with_total=True)

    def sub_band_tables(self):
        """One table per band IRCC split into narrower ones, where it did."""
        tables = []
        for parent in self.top_columns:
            subs = [column for column in self.columns if column.parent == parent.key]
            if subs:
                caption = _("Within %(band)s") % {"band": f"{parent.low}\u2013{parent.high}"}
                tables.append(self._table(caption, [parent, *subs], with_total=False))
        return tables

    def _table(self, caption, columns, *, with_total):
        rows = [
            (
                distribution,
                ([distribution.total_cell] if with_total else [])
                + [distribution.cell(column.key) for column in columns],
            )
            for distribution in reversed(self.distributions)
        ]
        return Table(caption=caption, columns=columns, rows=rows, with_total=with_total)

    def runs(self, column=None):
        """The total (or a band's count) as runs of (date, value, rounds) for a chart: a new
        run after each break, and wherever a distribution lacks the band."""
        runs = []
        for distribution in self.distributions:
            value = distribution.total if column is None else distribution.counts.get(column.key)
            if value is None:
                runs.append([])
                continue
            if distribution.follows_break or not runs:
                runs.append([])
            runs[-1].append((distribution.as_of, value, _rounds_text(distribution.rounds)))
        return [run for run in runs if run]


def _rounds_text(labels):
    """'round #392' or 'rounds #391 and #392', for a chart mark's title."""
    marked = [f"#{label}" for label in labels]
    if len(marked) == 1:
        return _("round %(label)s") % {"label": marked[0]}
    return _("rounds %(labels)s and %(last)s") % {
        "labels": ", ".join(marked[:-1]),
        "last": marked[-1],
    }


def _columns(distributions):
    """Every band seen, highest first, each top-level band followed by its sub-bands. A band
    is a sub-band if the latest distribution holding it has it within a wider one."""
    parents = {}
    for distribution in distributions:  # oldest first: the latest word stays
        for key in distribution.counts:
            parents[key] = distribution.parents.get(key)
    top = sorted((key for key, parent in parents.items() if parent is None), key=_highest_first)
    columns = []
    for key in top:
        columns.append(Column(*key))
        subs = sorted((k for k, parent in parents.items() if parent == key), key=_highest_first)
        columns.extend(Column(*sub, parent=key) for sub in subs)
    # A sub-band whose wider band is not itself a top-level band in the latest word (an
    # edit that changed the bands) still gets a column, at the end.
    placed = {column.key for column in columns}
    columns.extend(
        Column(*key, parent=parent)
        for key, parent in sorted(parents.items(), key=lambda item: _highest_first(item[0]))
        if key not in placed
    )
    return columns


def _highest_first(key):
    low, high = key
    return (-high, low)
