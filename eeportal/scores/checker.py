"""The score checker: which rounds a CRS score would have met, and where it sat in the pool.

The queries are DrawQuerySet's; this module puts their answers together. It also estimates
how many candidates in the pool had a score or more. IRCC publishes counts per band of
scores and nothing finer, so where a score falls inside a band the share of that band at
or above it is an estimate, made by assuming the band's candidates are spread evenly over
its scores. The page says so, and gives the lowest and highest the true number can be.
"""

import datetime as dt
from dataclasses import dataclass

from draws import ircc, statistics
from draws.models import Draw, Stream


@dataclass(frozen=True)
class StreamResult:
    """How a score compares with one stream's rounds."""

    score: int
    latest: Draw  # the stream's newest round
    latest_met: Draw | None  # the newest round whose cut-off the score meets or beats
    rounds: int
    recent_rounds: int
    met: int
    recent_met: int
    with_tie_break: int

    @property
    def stream(self):
        return self.latest.stream

    @property
    def is_active(self):
        """Whether the stream held a round in the last 12 months (draws.statistics.recent_after)."""
        return self.recent_rounds > 0

    @property
    def at_cut_off(self):
        """Exactly the latest cut-off: met only by profiles submitted before the tie-break."""
        return self.score == self.latest.crs_min

    @property
    def meets_latest(self):
        return self.score >= self.latest.crs_min

    @property
    def points_short(self):
        return self.latest.crs_min - self.score

    @property
    def points_spare(self):
        return self.score - self.latest.crs_min


@dataclass(frozen=True)
class PoolPosition:
    """About how many candidates had `score` or more on a distribution's date."""

    score: int
    draw: Draw  # the round IRCC published the distribution with
    bands: tuple[tuple[int, int, int], ...]  # IRCC's widest bands, lowest first
    total: int
    counted: float  # in ranges wholly at or above the score
    split_range: tuple[int, int, float] | None  # (low, high, count) of the range it falls in
    estimated: float  # of the split range, assuming an even spread

    @property
    def at_or_above(self):
        return self.counted + self.estimated

    @property
    def is_estimate(self):
        return self.split_range is not None

    @property
    def candidates(self):
        """The count to say in a sentence: rounded when part of it is an estimate, never
        outside the lowest and highest the true count can be."""
        if self.is_estimate:
            return rough(self.at_or_above, self.fewest, self.most)
        return round(self.at_or_above)

    @property
    def says_range(self):
        """Whether a sentence should give the range rather than "about" a number.

        When no band lies wholly at or above the score, the whole count rests on the even
        spread assumed inside one band: "about 1" where the truth is anywhere from 0 to 500
        would claim what the data cannot say.
        """
        return self.is_estimate and self.fewest == 0

    @property
    def fewest(self):
        """The lowest the true count can be: none of the split range at or above the score."""
        return round(self.counted)

    @property
    def most(self):
        """The highest it can be: all of the split range at or above the score."""
        return round(self.counted + self.split_count)

    @property
    def split_low(self):
        return self.split_range[0] if self.split_range else None

    @property
    def split_high(self):
        return self.split_range[1] if self.split_range else None

    @property
    def split_count(self):
        return round(self.split_range[2]) if self.split_range else 0

    @property
    def percent(self):
        return round(100 * self.at_or_above / self.total) if self.total else 0


@dataclass(frozen=True)
class ScoreCheck:
    """Everything the checker says about one score."""

    score: int
    streams: tuple[Stream, ...]  # the streams asked about; empty for every stream
    recent_after: dt.date  # rounds dated after this are "in the last 12 months"
    met_latest: tuple[StreamResult, ...]  # active streams whose latest cut-off the score meets
    short_of_latest: tuple[StreamResult, ...]  # the other active streams, closest first
    dormant: tuple[StreamResult, ...]  # streams without a round in the last 12 months, newest first
    without_rounds: tuple[Stream, ...]  # streams asked about that have held no round
    pool: PoolPosition | None

    @property
    def results(self):
        return self.met_latest + self.short_of_latest + self.dormant

    @property
    def recent_from(self):
        """The first day of the last 12 months, for links to the filtered history."""
        return self.recent_after + dt.timedelta(days=1)

    def _total(self, name):
        return sum(getattr(result, name) for result in self.results)

    @property
    def rounds(self):
        return self._total("rounds")

    @property
    def recent_rounds(self):
        return self._total("recent_rounds")

    @property
    def met(self):
        return self._total("met")

    @property
    def recent_met(self):
        return self._total("recent_met")

    @property
    def with_tie_break(self):
        return self._total("with_tie_break")


NO_ROUNDS = {"rounds": 0, "recent_rounds": 0, "met": 0, "recent_met": 0, "with_tie_break": 0}


def check(score, *, today, streams=()):
    """What `score` would have met in each stream (all of them unless `streams` are given),
    and where it sat in the pool. Three queries, whatever the size of the history."""
    recent_after = statistics.recent_after(today)
    published = Draw.objects.published()
    rounds = published.for_streams(streams) if streams else published
    counts = rounds.met_counts_per_stream(score, recent_after)
    latest, latest_met = {}, {}
    for draw in rounds.latest_and_latest_met_per_stream(score):  # newest first
        latest.setdefault(draw.stream_id, draw)
        if draw.crs_min <= score:
            latest_met.setdefault(draw.stream_id, draw)
    results = [
        StreamResult(
            score=score,
            latest=draw,
            latest_met=latest_met.get(stream_id),
            **counts.get(stream_id, NO_ROUNDS),
        )
        for stream_id, draw in latest.items()
    ]
    active = [result for result in results if result.is_active]
    bands = list(published.newest_distribution_bands())
    return ScoreCheck(
        score=score,
        streams=tuple(streams),
        recent_after=recent_after,
        met_latest=tuple(
            sorted(
                (result for result in active if result.meets_latest),
                key=lambda result: (result.stream.display_order, result.stream.name),
            )
        ),
        short_of_latest=tuple(
            sorted(
                (result for result in active if not result.meets_latest),
                key=lambda result: (result.points_short, result.stream.display_order),
            )
        ),
        dormant=tuple(
            sorted(
                (result for result in results if not result.is_active),
                key=lambda result: result.latest.date,
                reverse=True,
            )
        ),
        without_rounds=tuple(stream for stream in streams if stream.pk not in latest),
        pool=pool_position(score, bands[0].draw, [(b.low, b.high, b.count) for b in bands])
        if bands
        else None,
    )


def pool_position(score, draw, bands):
    """Where `score` sat among a distribution's (low, high, count) bands."""
    ranges = disjoint_ranges(bands)
    counted = sum(count for low, _, count in ranges if low >= score)
    split_range = next(((low, high, n) for low, high, n in ranges if low < score <= high), None)
    estimated = 0
    if split_range:
        low, high, count = split_range
        estimated = count * (high - score + 1) / (high - low + 1)
    parents = ircc.band_parents([(low, high) for low, high, _ in bands])
    widest = sorted(band for band, parent in zip(bands, parents, strict=True) if parent is None)
    return PoolPosition(
        score=score,
        draw=draw,
        bands=tuple(widest),
        total=sum(count for _, _, count in widest),
        counted=counted,
        split_range=split_range,
        estimated=estimated,
    )


def disjoint_ranges(bands):
    """IRCC's bands as ranges that do not overlap, lowest first: (low, high, count).

    IRCC splits some bands into narrower ones (451-500 into 491-500, 481-490 and so on), and
    the narrower ones are used where they exist. Candidates of a band that its narrower bands
    leave out are placed in the scores those leave uncovered, spread evenly over them.
    """
    parents = ircc.band_parents([(low, high) for low, high, _ in bands])
    children = {index: [] for index in range(len(bands))}
    for index, parent in enumerate(parents):
        if parent is not None:
            children[parent].append(index)

    def split(index):
        low, high, count = bands[index]
        if not children[index]:
            return [(low, high, count)]
        ranges = [piece for child in children[index] for piece in split(child)]
        covered = {
            score
            for child in children[index]
            for score in range(bands[child][0], bands[child][1] + 1)
        }
        gaps = _runs([score for score in range(low, high + 1) if score not in covered])
        left_over = max(0, count - sum(bands[child][2] for child in children[index]))
        if left_over and gaps:
            uncovered = sum(gap_high - gap_low + 1 for gap_low, gap_high in gaps)
            ranges.extend(
                (gap_low, gap_high, left_over * (gap_high - gap_low + 1) / uncovered)
                if len(gaps) > 1
                else (gap_low, gap_high, left_over)
                for gap_low, gap_high in gaps
            )
        return ranges

    return sorted(
        piece for index, parent in enumerate(parents) if parent is None for piece in split(index)
    )


def _runs(scores):
    """[451, 452, 453, 460] -> [(451, 453), (460, 460)]: sorted scores as unbroken ranges."""
    runs = []
    for score in scores:
        if runs and runs[-1][1] == score - 1:
            runs[-1] = (runs[-1][0], score)
        else:
            runs.append((score, score))
    return runs


def rough(number, fewest=None, most=None):
    """A count as a sentence should give an estimate: whole below 100, to the nearest ten
    below 1,000, to the nearest hundred above; but finer where the coarser figure would fall
    outside what the count can be (`fewest` to `most`): about 221,420, not 221,400, when at
    least 221,417 are certain."""
    coarsest = 0 if number < 100 else -1 if number < 1000 else -2
    for digits in range(coarsest, 1):
        said = int(round(number, digits))
        if (fewest is None or said >= fewest) and (most is None or said <= most):
            return said
    return round(number)
