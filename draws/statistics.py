"""Figures about sets of rounds: how a round moved from an earlier one, and summaries."""

import datetime as dt
import statistics
from dataclasses import dataclass


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
        start = today - dt.timedelta(days=365)
        return cls.of([draw for draw in draws if draw.date > start])
