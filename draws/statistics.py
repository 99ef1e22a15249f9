"""Figures about sets of rounds: how a round moved from an earlier one, summaries, and how
often a stream's rounds came."""

import datetime as dt
import itertools
import statistics
from dataclasses import dataclass

from draws.text import category_version

# "The last 12 months", the same on every page and in the score checker: rounds dated after
# this many days before today.
RECENT_DAYS = 365


def recent_after(today):
    """Rounds dated after this day are the ones "in the last 12 months" up to `today`."""
    return today - dt.timedelta(days=RECENT_DAYS)


@dataclass(frozen=True)
class Change:
    """The difference between a round and an earlier one."""

    draw: object  # the earlier round
    crs: int
    invitations: int
    days: int

    @classmethod
    def between(cls, draw, earlier):
        """How `draw`'s cut-off and size moved since `earlier` (None when there is none)."""
        if earlier is None:
            return None
        return cls(
            draw=earlier,
            crs=draw.crs_min - earlier.crs_min,
            invitations=draw.invitations - earlier.invitations,
            days=(draw.date - earlier.date).days,
        )

    @property
    def crs_difference(self):
        """How many points the cut-off moved, either way: the page says "higher" or "lower"."""
        return abs(self.crs)

    @property
    def invitations_difference(self):
        """How many invitations more or fewer, either way."""
        return abs(self.invitations)


@dataclass(frozen=True)
class Figures:
    """Summary of a set of rounds (models or figure_rows), for stream pages and guides."""

    rounds: int
    invitations: int
    crs_lowest: int | None
    crs_median: float | None
    crs_highest: int | None
    first_date: dt.date | None = None
    last_date: dt.date | None = None

    @classmethod
    def of(cls, draws):
        scores = [draw.crs_min for draw in draws]
        dates = [draw.date for draw in draws]
        return cls(
            rounds=len(scores),
            invitations=sum(draw.invitations for draw in draws),
            crs_lowest=min(scores, default=None),
            crs_median=statistics.median(scores) if scores else None,
            crs_highest=max(scores, default=None),
            first_date=min(dates, default=None),
            last_date=max(dates, default=None),
        )

    @classmethod
    def of_last_year(cls, draws, today):
        """The figures of the rounds in the twelve months up to `today`."""
        start = recent_after(today)
        return cls.of([draw for draw in draws if draw.date > start])


@dataclass(frozen=True)
class Version:
    """The rounds IRCC held under one name of a category, such as 'Transport Occupations,
    2026-Version 2': the 2023 and 2026 lists of a category differ, so their rounds do too."""

    name: str
    label: str
    rounds: int
    first: dt.date
    last: dt.date
    # IRCC's French name for it (from its French feed), where recorded.
    name_fr: str = ""

    @classmethod
    def of(cls, rows):
        """The versions among rounds (anything with date and round_name), oldest first.

        Rounds entered without IRCC's name are one group with an empty name, so that they
        are counted, not taken for a category without rounds."""
        by_name = {}
        french = {}
        for row in rows:
            by_name.setdefault(row.round_name, []).append(row.date)
            if getattr(row, "round_name_fr", ""):
                french.setdefault(row.round_name, row.round_name_fr)
        return sorted(
            (
                cls(
                    name=name,
                    label=category_version(name),
                    rounds=len(dates),
                    first=min(dates),
                    last=max(dates),
                    name_fr=french.get(name, ""),
                )
                for name, dates in by_name.items()
            ),
            key=lambda version: version.first,
        )


@dataclass(frozen=True)
class Gaps:
    """How often a stream's rounds came in the last 12 months, and how long ago its latest
    was: history, which pages state as such and never as a forecast."""

    recent_rounds: int  # rounds in the 12 months up to today
    median_days: float | None  # median days between them; None with fewer than two
    latest: dt.date | None  # the stream's latest round, however old
    days_since_latest: int | None

    @classmethod
    def of(cls, dates, today, latest=None):
        """From the dates of a stream's rounds (those older than 12 months are not needed)
        and today's date; `latest`, the date of the stream's latest round, when `dates`
        may not reach back to it.

        Rounds held on the same day count as one day of rounds: the gaps are between days
        with rounds, so that a pair of same-day rounds doesn't read as a gap of 0 days.
        """
        recent = [date for date in dates if date > recent_after(today)]
        days = sorted(set(recent))
        gaps = [(later - earlier).days for earlier, later in itertools.pairwise(days)]
        latest = max([*dates, latest] if latest else dates, default=None)
        return cls(
            recent_rounds=len(recent),
            median_days=statistics.median(gaps) if gaps else None,
            latest=latest,
            days_since_latest=(today - latest).days if latest else None,
        )

    @classmethod
    def per_stream(cls, rows, latest_dates, today):
        """{stream_id: Gaps} from (stream_id, date) rows of the last 12 months' rounds and
        {stream_id: date} of each stream's latest round, however old."""
        recent = {}
        for stream_id, date in rows:
            recent.setdefault(stream_id, []).append(date)
        return {
            stream_id: cls.of(recent.get(stream_id, []), today, latest=latest)
            for stream_id, latest in latest_dates.items()
        }
