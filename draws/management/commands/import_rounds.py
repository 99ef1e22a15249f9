"""Load rounds from files in IRCC's feed format, creating or updating them by number."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from draws import importing, ircc


class Command(BaseCommand):
    help = (
        "Import Express Entry rounds from IRCC's JSON feed (ee_rounds_123_en.json). "
        "Rounds are matched by number; a second run changes nothing. All files are loaded "
        "in one transaction: any bad value and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="Files in IRCC's rounds feed format.")
        parser.add_argument(
            "--french",
            action="append",
            default=[],
            metavar="FILE",
            help="IRCC's French feed (ee_rounds_123_fr.json), for the rounds' French names and "
            "lists of programs; UTF-8 or Windows-1252. May be given more than once.",
        )

    def handle(self, *args, files, french, **options):
        rounds = [parsed for path in files for parsed in self.read(path)]
        french_rounds = [parsed for path in french for parsed in self.read_french(path)]
        try:
            outcomes = importing.import_rounds(
                rounds,
                progress=self.progress,
                source=f"import_rounds {' '.join(Path(path).name for path in files + french)}",
                french_rounds=french_rounds,
            )
        except importing.ImportProblem as problem:
            raise CommandError(f"{problem} Nothing was imported.") from None
        if outcomes["created"] or outcomes["updated"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created {outcomes['created']}, updated {outcomes['updated']}, "
                    f"unchanged {outcomes['unchanged']}."
                )
            )
        else:
            self.stdout.write(f"Nothing to change: all {len(rounds)} rounds are up to date.")
        if french:
            self.stdout.write(
                f"French names: {outcomes['french_named']} set, "
                f"{outcomes['french_unchanged']} unchanged, "
                f"{outcomes['french_kept']} kept as an editor wrote them, "
                f"{outcomes['french_unknown']} for rounds not here, "
                f"{outcomes['french_mismatched']} left alone (figures differ from the round's)."
            )

    def progress(self, done, total):
        self.stdout.write(f"  {done} of {total} rounds read")

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

    def read_french(self, path):
        try:
            with open(path, "rb") as feed:
                text = ircc.decode_feed(feed.read())
            return ircc.parse_french_feed(json.loads(text))
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        except json.JSONDecodeError as error:
            raise CommandError(f"{path} is not valid JSON: {error}.") from None
        except ircc.IrccFormatError as error:
            raise CommandError(f"{path}: {error}. Nothing was imported.") from None
