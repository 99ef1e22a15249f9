"""Load rounds from files in IRCC's feed format, creating or updating them by number."""

import json
from collections import Counter

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from draws import ircc
from draws.models import Draw, RoundName, refresh_planner_statistics

PROGRESS_EVERY = 100


class Command(BaseCommand):
    help = (
        "Import Express Entry rounds from IRCC's JSON feed (ee_rounds_123_en.json). "
        "Rounds are matched by number; a second run changes nothing. All files are loaded "
        "in one transaction: any bad value and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="Files in IRCC's rounds feed format.")

    def handle(self, *args, files, **options):
        rounds = [parsed for path in files for parsed in self.read(path)]
        repeated = [label for label, n in Counter(r.label for r in rounds).items() if n > 1]
        if repeated:
            raise CommandError(f"Round {repeated[0]} appears more than once in the files.")
        streams = {
            round_name.name.casefold(): round_name.stream
            for round_name in RoundName.objects.select_related("stream")
        }
        outcomes = Counter()
        with transaction.atomic():
            for done, parsed in enumerate(rounds, start=1):
                stream = streams.get(parsed.round_name.casefold())
                if stream is None:
                    raise CommandError(
                        f"Round {parsed.label}, field drawName: unknown round name "
                        f"{parsed.round_name!r}. Add it to a stream's IRCC round names in the "
                        "admin, then import again. Nothing was imported."
                    )
                try:
                    outcomes[Draw.objects.sync_from_ircc(parsed, stream)] += 1
                except ValidationError as error:
                    raise CommandError(
                        f"Round {parsed.label}: {'; '.join(error.messages)} Nothing was imported."
                    ) from None
                if done % PROGRESS_EVERY == 0 and done < len(rounds):
                    self.stdout.write(f"  {done} of {len(rounds)} rounds read")
        if outcomes["created"]:
            refresh_planner_statistics()
        if outcomes["created"] or outcomes["updated"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created {outcomes['created']}, updated {outcomes['updated']}, "
                    f"unchanged {outcomes['unchanged']}."
                )
            )
        else:
            self.stdout.write(f"Nothing to change: all {len(rounds)} rounds are up to date.")

    def read(self, path):
        try:
            with open(path, encoding="utf-8") as feed:
                data = json.load(feed)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        except json.JSONDecodeError as error:
            raise CommandError(f"{path} is not valid JSON: {error}.") from None
        try:
            return ircc.parse_feed(data)
        except ircc.IrccFormatError as error:
            raise CommandError(f"{path}: {error}. Nothing was imported.") from None
