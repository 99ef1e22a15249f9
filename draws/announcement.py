"""IRCC's announcement of a round, as an editor copies it from canada.ca, read into values.

The add-round page fills its form from these values for the editor to check before saving.
IRCC words an announcement the same way each time (the first line's dash is an en dash):

    #392 - January 21, 2026
    Canadian Experience Class
    Number of invitations issued: 6,000
    Date and time of round: January 21, 2026 at 12:37:42 UTC
    CRS score of lowest-ranked candidate invited: 509
    Tie-breaking rule: October 29, 2025 at 04:35:24 UTC
    Distribution of the CRS scores of candidates in the pool as of January 19, 2026
    601-1200    677    (a tab or spaces between the range and its count)
    ...
    Total    237,120

Pure, like ircc.py, whose parsers read each value: no ORM, no I/O. Nothing is guessed: a
value whose line is missing or cannot be read stays None and is named in `unread`, in the
words the editor's message uses. The one value worked out rather than read is the round's
date when its number line is missing: IRCC dates a round on the day it ran, in Ottawa.
"""

import datetime as dt
import re
from dataclasses import dataclass

from draws import ircc

# What each value is called when it could not be read, in the order of the form.
DESCRIPTIONS = {
    "number": "the round's number",
    "date": "the round's date",
    "round_name": "IRCC's round name",
    "invitations": "the number of invitations",
    "crs_min": "the minimum CRS score",
    "run_at": "the date and time of the round",
    "tie_break": "the tie-breaking rule",
    "pool_as_of": "the date of the pool's distribution",
    "pool_bands": "the distribution's score bands",
    "pool_total": "the total candidates in the pool",
}

# "#392 - January 21, 2026", the dash an en dash, a hyphen, any other dash, or missing.
HEADER_RE = re.compile(
    r"^(?:round\s*)?#\s*(?P<label>\d+[a-z]?)(?![a-z0-9])\s*[-\u2010-\u2015:,]?\s*(?P<date>.*)$",
    re.IGNORECASE,
)
# "Label: value", the label matched on its letters alone (see LABELS).
LABELLED_RE = re.compile(r"^(?P<label>[^:]+?)\s*:\s*(?P<value>.*)$")
# IRCC's labels, by their letters: "lowest-ranked" pasted with a non-breaking hyphen, or
# "Tie breaking rule", still name the same value. The rank is the invitations again.
LABELS = {
    "numberofinvitationsissued": "invitations",
    "rankrequiredtobeinvitedtoapply": None,
    "dateandtimeofround": "run_at",
    "crsscoreoflowestrankedcandidateinvited": "crs_min",
    "tiebreakingrule": "tie_break",
}
DISTRIBUTION_RE = re.compile(r"^distribution\b.*\bas of\s+(?P<date>.+?)\s*:?$", re.IGNORECASE)
# "601-1200<tab>677", "601 - 1200  677" (any dash), "601 to 1200 677". The count must start
# with a digit, so "601-1,200 677" is not read as the band 601-1 holding 200,677.
BAND_RE = re.compile(
    r"^(?P<low>\d+)\s*(?:[-\u2010-\u2015]|to)\s*(?P<high>\d+)\s+(?P<count>\d.*)$",
    re.IGNORECASE,
)
TOTAL_RE = re.compile(r"^total\b\s*:?\s*(?P<count>.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Announcement:
    number: int | None = None
    suffix: str | None = None
    date: dt.date | None = None
    round_name: str | None = None
    invitations: int | None = None
    crs_min: int | None = None
    run_at: dt.datetime | None = None
    tie_break: dt.datetime | None = None
    pool_as_of: dt.date | None = None
    pool_bands: tuple[tuple[int, int, int], ...] = ()
    pool_total: int | None = None
    unread: tuple[str, ...] = ()


def _read(parser, text, *args):
    """`parser(text, *args)`, or None when there is no text or the parser refuses it."""
    if text is None:
        return None
    try:
        return parser(text, *args)
    except ValueError:
        return None


def _lines_found(lines):
    """The text of each value, by field name, and the band rows as (low, high, count text)."""
    found, bands, unrecognised = {}, [], set()
    first_labelled_at = None
    for index, line in enumerate(lines):
        header = HEADER_RE.match(line)
        labelled = LABELLED_RE.match(line)
        label = labelled and re.sub(r"[^a-z]", "", labelled["label"].casefold())
        if header and "number" not in found:
            found["number"] = header["label"]
            found["date"] = header["date"] or None
        elif labelled and label in LABELS:
            if first_labelled_at is None:
                first_labelled_at = index
            if LABELS[label]:
                found.setdefault(LABELS[label], labelled["value"])
        elif distribution := DISTRIBUTION_RE.match(line):
            found.setdefault("pool_as_of", distribution["date"])
        elif band := BAND_RE.match(line):
            bands.append((int(band["low"]), int(band["high"]), band["count"]))
        elif total := TOTAL_RE.match(line):
            found.setdefault("pool_total", total["count"])
        else:
            unrecognised.add(index)
    # The round name is IRCC's line of its own between the number line and the figures.
    if first_labelled_at and first_labelled_at - 1 in unrecognised:
        found["round_name"] = lines[first_labelled_at - 1]
    return found, bands


def read_announcement(text):
    """The values of an announcement pasted from IRCC's page, and what could not be read."""
    lines = [line for line in map(ircc.normalise_space, (text or "").splitlines()) if line]
    found, band_rows = _lines_found(lines)

    number, suffix = _read(ircc.parse_draw_number, found.get("number")) or (None, None)
    date = _read(ircc.parse_date_in_words, found.get("date"))
    run_at = _read(ircc.parse_timestamp, found.get("run_at"), date)
    if date is None and run_at is not None:
        date = ircc.ottawa_date(run_at)
    bands, unread_bands = [], []
    for low, high, count_text in band_rows:
        count = _read(ircc.parse_count, count_text)
        if count is None:
            unread_bands.append(f"the candidates in {low}-{high}")
        else:
            bands.append((low, high, count))

    values = {
        "number": number,
        "suffix": suffix,
        "date": date,
        "round_name": found.get("round_name"),
        "invitations": _read(ircc.parse_count, found.get("invitations")),
        "crs_min": _read(ircc.parse_count, found.get("crs_min")),
        "run_at": run_at,
        # The tie-break may leave out its year; the round's date supplies it.
        "tie_break": _read(ircc.parse_timestamp, found.get("tie_break"), date),
        "pool_as_of": _read(ircc.parse_date_in_words, found.get("pool_as_of")),
        "pool_bands": tuple(bands),
        "pool_total": _read(ircc.parse_count, found.get("pool_total")),
    }
    unread = [
        description
        for name, description in DESCRIPTIONS.items()
        if values[name] is None or values[name] == ()
    ]
    return Announcement(**values, unread=(*unread, *unread_bands))
