"""IRCC's rounds feed (ee_rounds_123_en.json) turned into plain, checked Python values.

Its French twin (ee_rounds_123_fr.json: the same keys and rounds, French words, numbers such
as "20 784") gives each round's French name and French list of programs (parse_french_feed).

Everything messy about the feed is handled here and nowhere else: numbers written with
thousands separators, a dozen hand-typed forms of timestamp, and zeros that mean "not
published". Pure functions, no ORM and no I/O, so each quirk is tested with plain strings.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from eeportal.scores.crs import CRS_MAX

SOURCE_URL_TEMPLATE = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/"
    "policies-operational-instructions-agreements/ministerial-instructions/"
    "express-entry-rounds/invitations.html?q={number}"
)

# IRCC's pool distribution columns: feed key -> (low, high). dd18 is the total. dd4-dd8
# split 451-500 and dd10-dd14 split 401-450. IRCC has changed the bands before, which is
# why they are stored as rows and their nesting is worked out from the ranges.
POOL_BANDS = {
    "dd1": (601, 1200),
    "dd2": (501, 600),
    "dd3": (451, 500),
    "dd4": (491, 500),
    "dd5": (481, 490),
    "dd6": (471, 480),
    "dd7": (461, 470),
    "dd8": (451, 460),
    "dd9": (401, 450),
    "dd10": (441, 450),
    "dd11": (431, 440),
    "dd12": (421, 430),
    "dd13": (411, 420),
    "dd14": (401, 410),
    "dd15": (351, 400),
    "dd16": (301, 350),
    "dd17": (0, 300),
}
POOL_TOTAL_KEY = "dd18"

MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}

DRAW_NUMBER_RE = re.compile(r"^(?P<number>[1-9]\d*)(?P<suffix>[a-z]?)$", re.ASCII)

# One pattern for every timestamp form IRCC has typed, for example:
#   "July 3rd 2026 at 21:35:13 UTC", "March 02. 2024 at 01:58:34 UTC",
#   "May 19,2022 06:48:41 UTC", "December 12, 2022, at 10:48:12 UTC",
#   "September 30, 2023 at 04:22:17 AM UTC", "October 7 at 16:38:21 UTC",
#   "June 15, 2023 at 23:49:05" (no zone: IRCC means UTC).
TIMESTAMP_RE = re.compile(
    r"""^
    (?P<month>[a-z]+)\.?\s*
    (?P<day>\d{1,2})(?:st|nd|rd|th)?
    (?:\s*[.,]?\s*(?P<year>\d{4}))?
    \s*,?\s*(?:at\s*)?
    (?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?
    \s*(?P<meridiem>am|pm)?
    \s*(?:utc)?
    $""",
    re.VERBOSE,
)

# "January 23, 2025 at 2025-01-23 15:30:04 UTC": the words repeated as an ISO timestamp.
EMBEDDED_ISO_RE = re.compile(r"(?P<iso>\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})?)\s*(?:utc)?$")

# Rounds are dated in Ottawa: #139 is dated 18 March 2020 but ran at 02:04 UTC on the 19th.
OTTAWA = ZoneInfo("America/Toronto")


VERSION_MARKER_RE = re.compile(r"\(?\bversion\s*\d+\)?|\b(19|20)\d\d\b")


def round_name_stem(name):
    """IRCC's round name without its version and year, for matching a renamed category:
    'Trades Occupations, 2026-Version 3' and 'Trade occupations (Version 1)' both give
    'trade occupations'."""
    text = VERSION_MARKER_RE.sub(" ", name.casefold())
    words = re.sub(r"[^\w]+", " ", text).split()
    # Plural and singular are one category ("Trades", "Trade").
    return " ".join(word.removesuffix("s") if len(word) > 3 else word for word in words)


def ottawa_date(moment):
    """The date in Ottawa at `moment`: the date IRCC gives a round held then."""
    return moment.astimezone(OTTAWA).date()


DATE_IN_WORDS_RE = re.compile(
    r"^(?P<month>[a-z]+)\.?\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*[.,]?\s*(?P<year>\d{4})$"
)


class IrccFormatError(ValueError):
    """A value in the feed that cannot be read; names the round and the field."""

    def __init__(self, draw_number, field_name, message):
        self.draw_number = draw_number
        self.field_name = field_name
        super().__init__(f"Round {draw_number}, field {field_name}: {message}")


@dataclass(frozen=True)
class PoolBand:
    low: int
    high: int
    count: int


@dataclass(frozen=True)
class ParsedRound:
    number: int
    suffix: str
    date: dt.date
    round_name: str
    eligible_programs: str
    invitations: int
    crs_min: int
    run_at: dt.datetime | None
    tie_break: dt.datetime | None
    pool_as_of: dt.date | None
    pool_total: int | None
    pool_bands: tuple[PoolBand, ...] = field(default=())

    @property
    def label(self):
        return f"{self.number}{self.suffix}"

    @property
    def source_url(self):
        return SOURCE_URL_TEMPLATE.format(number=self.label)


def normalise_space(text):
    return " ".join((text or "").split())


def parse_draw_number(text):
    """'392' -> (392, ''); '91a' -> (91, 'a'). Raises ValueError for anything else."""
    match = DRAW_NUMBER_RE.match(normalise_space(text).lower())
    if not match:
        raise ValueError(f"{text!r} is not a round number such as 392 or 91a")
    return int(match["number"]), match["suffix"]


def parse_count(text):
    """'6,000' -> 6000. Also reads the French feed's space separators ('6 000')."""
    digits = re.sub(r"[,\s\u00a0\u202f]", "", text or "")
    if not digits.isdigit():
        raise ValueError(f"{text!r} is not a whole number")
    return int(digits)


def _month(name):
    try:
        return MONTHS[name]
    except KeyError:
        raise ValueError(f"{name!r} is not a month") from None


def parse_date_in_words(text):
    """'January 19, 2026' -> date(2026, 1, 19)."""
    match = DATE_IN_WORDS_RE.match(normalise_space(text).lower())
    if not match:
        raise ValueError(f"{text!r} is not a date such as 'January 19, 2026'")
    try:
        return dt.date(int(match["year"]), _month(match["month"]), int(match["day"]))
    except ValueError:
        raise ValueError(f"{text!r} is not a real date") from None


def parse_timestamp(text, round_date):
    """IRCC's free-text UTC timestamp -> aware datetime in UTC; None when blank.

    `round_date` supplies the year when IRCC left it out ("October 7 at 16:38:21 UTC"):
    the round's own year, or the year before when that would put the time after the round.
    Without a `round_date`, a timestamp with no year is an error.
    """
    cleaned = normalise_space(text).lower()
    if not cleaned:
        return None
    embedded = EMBEDDED_ISO_RE.search(cleaned)
    if embedded:
        return dt.datetime.fromisoformat(embedded["iso"]).replace(tzinfo=dt.UTC)
    match = TIMESTAMP_RE.match(cleaned)
    if not match:
        raise ValueError(f"{text.strip()!r} is not a timestamp IRCC has been seen to write")
    month, day = _month(match["month"]), int(match["day"])
    hour, minute = int(match["hour"]), int(match["minute"])
    second = int(match["second"] or 0)
    # "04:22:17 AM" is a 12-hour clock; "20:19:59 PM" is a 24-hour clock with a stray PM.
    if match["meridiem"] == "pm" and hour < 12:
        hour += 12
    elif match["meridiem"] == "am" and hour == 12:
        hour = 0
    if match["year"]:
        year = int(match["year"])
    elif round_date is None:
        raise ValueError(f"{text.strip()!r} has no year")
    else:
        year = round_date.year
        if (month, day) > (round_date.month, round_date.day):
            year -= 1
    try:
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a real date and time") from None


def tie_break_problem(tie_break, round_date, run_at=None):
    """Why a tie-break cannot belong to the round, or None when it can.

    Only profiles already in the pool can be invited, so the tie-break is never later than
    the round itself: its run time when known, otherwise the end of its day in Ottawa.
    """
    if tie_break is None:
        return None
    if run_at is not None and tie_break > run_at:
        return "the tie-break is later than the time the round was run"
    if tie_break.astimezone(OTTAWA).date() > round_date:
        return "the tie-break falls after the round's date"
    return None


def band_parents(ranges):
    """For each (low, high), the index of the narrowest other range containing it, or None.

    [(451, 500), (491, 500), (401, 450)] -> [None, 0, None]: 491-500 splits 451-500.
    """
    parents = []
    for index, (low, high) in enumerate(ranges):
        containers = [
            other
            for other, (other_low, other_high) in enumerate(ranges)
            if other != index
            and other_low <= low
            and high <= other_high
            and (other_high - other_low) > (high - low)
        ]
        parents.append(
            min(containers, key=lambda other: ranges[other][1] - ranges[other][0], default=None)
        )
    return parents


def top_level_total(bands):
    """Sum of the bands that no other band contains: what IRCC's total must equal."""
    parents = band_parents([(band.low, band.high) for band in bands])
    return sum(band.count for band, parent in zip(bands, parents, strict=True) if parent is None)


def sub_band_gaps(bands):
    """(band, what its sub-bands add up to) for each band split into sub-bands that do not
    add up to it. IRCC's own tables have a few (round #247's 451-500), so imports keep them;
    editors are held to the sum.
    """
    parents = band_parents([(band.low, band.high) for band in bands])
    sub_totals = {}
    for band, parent in zip(bands, parents, strict=True):
        if parent is not None:
            sub_totals[parent] = sub_totals.get(parent, 0) + band.count
    return [
        (bands[index], total)
        for index, total in sorted(sub_totals.items())
        if total != bands[index].count
    ]


def _pool_distribution(raw, draw_label):
    """(as-of date, total, bands), or (None, None, ()) where IRCC published none."""
    counts = {}
    for key in [*POOL_BANDS, POOL_TOTAL_KEY]:
        try:
            counts[key] = parse_count(raw.get(key, "0") or "0")
        except ValueError as error:
            raise IrccFormatError(draw_label, key, str(error)) from None
    # Before 2022 IRCC filled every band with "0": not an empty pool, just not published.
    if not any(counts.values()):
        return None, None, ()
    try:
        as_of = parse_date_in_words(raw.get("drawDistributionAsOn", ""))
    except ValueError as error:
        raise IrccFormatError(draw_label, "drawDistributionAsOn", str(error)) from None
    bands = tuple(
        PoolBand(low=low, high=high, count=counts[key]) for key, (low, high) in POOL_BANDS.items()
    )
    top_level_sum = top_level_total(bands)
    if top_level_sum != counts[POOL_TOTAL_KEY]:
        raise IrccFormatError(
            draw_label,
            POOL_TOTAL_KEY,
            f"the bands add up to {top_level_sum:,} but the total says {counts[POOL_TOTAL_KEY]:,}",
        )
    return as_of, counts[POOL_TOTAL_KEY], bands


def parse_round(raw):
    """One round object of the feed -> ParsedRound, or IrccFormatError naming the field."""
    label = normalise_space(raw.get("drawNumber", "")) or "(no number)"

    def read(field_name, parser, *args):
        try:
            return parser(raw.get(field_name, ""), *args)
        except ValueError as error:
            raise IrccFormatError(label, field_name, str(error)) from None

    number, suffix = read("drawNumber", parse_draw_number)
    date = read("drawDate", lambda text: dt.date.fromisoformat(normalise_space(text)))
    round_name = normalise_space(raw.get("drawName", ""))
    if not round_name:
        raise IrccFormatError(label, "drawName", "the round has no name")
    invitations = read("drawSize", parse_count)
    if invitations <= 0:
        raise IrccFormatError(label, "drawSize", "a round invites at least one candidate")
    crs_min = read("drawCRS", parse_count)
    if crs_min > CRS_MAX:
        raise IrccFormatError(
            label, "drawCRS", f"{crs_min} is above the CRS maximum of {CRS_MAX:,}"
        )
    tie_break = read("drawCutOff", parse_timestamp, date)
    run_at = read("drawDateTime", parse_timestamp, date)
    problem = tie_break_problem(tie_break, date, run_at)
    if problem:
        raise IrccFormatError(label, "drawCutOff", problem)
    pool_as_of, pool_total, pool_bands = _pool_distribution(raw, label)
    return ParsedRound(
        number=number,
        suffix=suffix,
        date=date,
        round_name=round_name,
        eligible_programs=normalise_space(raw.get("drawText2", "")),
        invitations=invitations,
        crs_min=crs_min,
        run_at=run_at,
        tie_break=tie_break,
        pool_as_of=pool_as_of,
        pool_total=pool_total,
        pool_bands=pool_bands,
    )


def parse_feed(data):
    """The whole feed ({"rounds": [...]}) -> list of ParsedRound, oldest first."""
    if not isinstance(data, dict) or not isinstance(data.get("rounds"), list):
        raise IrccFormatError("(file)", "rounds", "expected an object with a list of rounds")
    rounds = [parse_round(raw) for raw in data["rounds"]]
    seen = set()
    for parsed in rounds:
        if parsed.label in seen:
            raise IrccFormatError(parsed.label, "drawNumber", "the round appears twice")
        seen.add(parsed.label)
    return sorted(rounds, key=lambda parsed: (parsed.date, parsed.number, parsed.suffix))


@dataclass(frozen=True)
class FrenchRound:
    """What the French feed adds to a round: IRCC's French name for it (drawName) and the
    French list of the programs it was open to (drawText2), each "" where the feed has none."""

    label: str
    round_name: str
    invitations: int
    eligible_programs: str = ""


def decode_feed(body):
    """A feed's text from its bytes. IRCC's French feed was Windows-1252 until autumn 2026 and
    is UTF-8 since, neither declared: UTF-8 first (a byte-order mark dropped), Windows-1252
    only when the bytes are not UTF-8. (Windows-1252 reads nearly any bytes, so the other
    order would turn UTF-8's "é" into "Ã©".)"""
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError as error:
        raise IrccFormatError(
            "(file)", "(encoding)", f"neither UTF-8 nor Windows-1252 (byte {error.start})"
        ) from None


def parse_french_round(raw):
    if not isinstance(raw, dict):
        raise IrccFormatError("?", "(round)", "expected an object")
    try:
        number, suffix = parse_draw_number(str(raw.get("drawNumber", "")))
    except ValueError as error:
        raise IrccFormatError("?", "drawNumber", str(error)) from None
    label = f"{number}{suffix}"
    try:
        invitations = parse_count(str(raw.get("drawSize", "")))
    except ValueError as error:
        raise IrccFormatError(label, "drawSize", str(error)) from None
    return FrenchRound(
        label,
        normalise_space(str(raw.get("drawName") or "")),
        invitations,
        normalise_space(str(raw.get("drawText2") or "")),
    )


def parse_french_feed(data):
    """The French feed ({"rounds": [...]}) -> list of FrenchRound, in the feed's order."""
    if not isinstance(data, dict) or not isinstance(data.get("rounds"), list):
        raise IrccFormatError("(file)", "rounds", "expected an object with a list of rounds")
    return [parse_french_round(raw) for raw in data["rounds"]]
