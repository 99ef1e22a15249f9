"""How the site writes dates and numbers: "21 January 2026", "21 Jan 2026", "6,000".

English only, as the whole site is, and plain string formatting: Django's `date` and
`intcomma` filters consult the localisation machinery on every call, which made them a
sixth of the history page's rendering time (BENCHMARKS.md). Templates use these through
the filters of the same names in draws_extras; Python code calls them directly.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _as_date(value):
    """A date as it reads in the site's time zone (UTC); None for a missing one."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).date()
    return value or None


def long_date(value):
    """'21 January 2026'; empty for a missing date."""
    day = _as_date(value)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else ""


def short_date(value):
    """'21 Jan 2026', for tables."""
    day = _as_date(value)
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}" if day else ""


def iso_date(value):
    """'2026-01-21', for <time datetime>."""
    day = _as_date(value)
    return day.isoformat() if day else ""


def thousands(value):
    """'6,000': a number with a comma between thousands, as humanize's intcomma writes it.

    Anything that is not a number comes back unchanged, as from intcomma.
    """
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return f"{value:,}"
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value
