"""Fill a benchmark database with made-up rounds, so pages are measured at a larger size.

The rounds are fiction: dated before IRCC's first round (2015) and numbered from 100000,
so the real history stays the newest and no number can clash with IRCC's. The command
refuses to run without --yes-this-is-a-benchmark-database: nobody should find 10,000
invented rounds on the public site.
"""

import datetime as dt
import random
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count

from draws.importing import refresh_planner_statistics
from draws.models import Draw, PoolBand, Stream

FIRST_NUMBER = 100_000
LAST_DATE = dt.date(2014, 12, 31)
# About one in five generated rounds gets a pool distribution, laid out as IRCC's are:
# main bands, and the 451-500 and 401-450 bands split into tens.
POOL_SHARE = 0.2
MAIN_BANDS = [(601, 1200), (501, 600), (451, 500), (401, 450), (351, 400), (301, 350), (0, 300)]
SUB_BANDS = {(451, 500): 10, (401, 450): 10}
BATCH_SIZE = 1000


class Command(BaseCommand):
    help = (
        "Add made-up rounds (numbered from 100000, dated before 2015) for benchmarks. "
        "Only for a throwaway database: requires --yes-this-is-a-benchmark-database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000, help="Rounds to add.")
        parser.add_argument("--seed", type=int, default=2015, help="Same seed, same rounds.")
        parser.add_argument(
            "--yes-this-is-a-benchmark-database",
            action="store_true",
            dest="confirmed",
            help="Confirm that this database is a throwaway copy for measurements.",
        )

    def handle(self, *args, count, seed, confirmed, **options):
        if not confirmed:
            raise CommandError(
                "This adds invented rounds to the database. Run it only on a throwaway "
                "benchmark database, with --yes-this-is-a-benchmark-database."
            )
        if Draw.objects.filter(number__gte=FIRST_NUMBER).exists():
            raise CommandError(
                f"Rounds numbered from {FIRST_NUMBER} already exist: use a fresh database."
            )
        streams = list(
            Stream.objects.annotate(real_rounds=Count("draws"))
            .prefetch_related("round_names")
            .order_by("pk")  # the same order, and so the same rounds, on every engine
        )
        if not streams:
            raise CommandError("There are no streams: run migrate first.")

        rng = random.Random(seed)
        # Each stream gets a share like its share of the real history (at least one round).
        weights = [stream.real_rounds + 1 for stream in streams]
        picked = rng.choices(streams, weights=weights, k=count)
        draws = [self.made_up_draw(rng, i, stream, count) for i, stream in enumerate(picked)]
        with transaction.atomic():
            Draw.objects.bulk_create(draws, batch_size=BATCH_SIZE)
            bands = self.made_up_pool_bands(rng, [d for d in draws if d.pool_total])
        refresh_planner_statistics()
        per_stream = Counter(draw.stream.slug for draw in draws)
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {count:,} rounds (#{FIRST_NUMBER} to #{FIRST_NUMBER + count - 1}, "
                f"{draws[0].date} to {draws[-1].date}) and {bands:,} pool bands. "
                f"Per stream: {', '.join(f'{slug} {n}' for slug, n in per_stream.most_common())}."
            )
        )

    def made_up_draw(self, rng, i, stream, count):
        # Oldest first, about one round a day, ending on LAST_DATE.
        date = LAST_DATE - dt.timedelta(days=count - 1 - i)
        run_at = dt.datetime.combine(date, dt.time(14, 0), tzinfo=dt.UTC)
        round_names = [round_name.name for round_name in stream.round_names.all()]
        has_pool = rng.random() < POOL_SHARE
        return Draw(
            number=FIRST_NUMBER + i,
            date=date,
            stream=stream,
            round_name=rng.choice(round_names) if round_names else "",
            eligible_programs=stream.name,
            invitations=rng.randrange(100, 6001, 50),
            crs_min=rng.randint(300, 800),
            tie_break=run_at - dt.timedelta(days=rng.randint(1, 90), seconds=rng.randint(0, 86399)),
            run_at=run_at,
            pool_as_of=date - dt.timedelta(days=2) if has_pool else None,
            pool_total=rng.randint(150_000, 280_000) if has_pool else None,
            status=Draw.Status.PUBLISHED,
        )

    def made_up_pool_bands(self, rng, draws):
        """Main bands adding up to each round's pool_total, then their sub-bands."""
        mains = []
        for draw in draws:
            shares = [rng.random() for _ in MAIN_BANDS]
            counts = [int(draw.pool_total * share / sum(shares)) for share in shares]
            counts[-1] += draw.pool_total - sum(counts)
            mains += [
                PoolBand(draw=draw, low=low, high=high, count=n)
                for (low, high), n in zip(MAIN_BANDS, counts, strict=True)
            ]
        PoolBand.objects.bulk_create(mains, batch_size=BATCH_SIZE)
        subs = []
        for main in mains:
            width = SUB_BANDS.get((main.low, main.high))
            if not width:
                continue
            lows = range(main.low, main.high + 1, width)
            shares = [rng.random() for _ in lows]
            counts = [int(main.count * share / sum(shares)) for share in shares]
            counts[-1] += main.count - sum(counts)
            subs += [
                PoolBand(draw=main.draw, low=low, high=low + width - 1, count=n, parent=main)
                for low, n in zip(lows, counts, strict=True)
            ]
        PoolBand.objects.bulk_create(subs, batch_size=BATCH_SIZE)
        return len(mains) + len(subs)
