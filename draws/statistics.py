"""Figures about sets of rounds: how a round moved from an earlier one, and summaries."""

import datetime as dt
import statistics
from dataclasses import dataclass

from draws.text import category_version


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

    @classmethod
    def of(cls, draws):
        scores = [draw.crs_min for draw in draws]
        return cls(
            rounds=len(scores),
            invitations=sum(draw.invitations for draw in draws),
            crs_lowest=min(scores, default=None),
            crs_median=statistics.median(scores) if scores else None,
            crs_highest=max(scores, default=None),
        )

    @classmethod
    def of_last_year(cls, draws, today):
        """The figures of the rounds in the twelve months up to `today`."""
        start = today - dt.timedelta(days=365)
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

    @classmethod
    def of(cls, rows):
        """The versions among rounds (anything with date and round_name), oldest first.

        Rounds entered without IRCC's name are one group with an empty name, so that they
        are counted, not taken for a category without rounds."""
        by_name = {}
        for row in rows:
            by_name.setdefault(row.round_name, []).append(row.date)
        return sorted(
            (
                cls(
                    name=name,
                    label=category_version(name),
                    rounds=len(dates),
                    first=min(dates),
                    last=max(dates),
                )
                for name, dates in by_name.items()
            ),
            key=lambda version: version.first,
        )
