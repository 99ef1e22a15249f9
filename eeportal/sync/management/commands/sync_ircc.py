"""Check IRCC's feed and bring the site in line with it (eeportal.sync.running)."""

from django.core.management.base import BaseCommand, CommandError

from eeportal.sync import running
from eeportal.sync.models import SyncRun


class Command(BaseCommand):
    help = (
        "Fetch IRCC's rounds feed (IRCC_FEED_URL, or --url: https://, file:// or a path) and "
        "apply what changed in one transaction: new rounds, and corrections to figures nobody "
        "changed by hand; figures an editor changed are left as conflicts in the admin. "
        "Meant to run every few minutes (README). Exits 1 when the run failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", help="Fetch from here for this run only.")
        publish = parser.add_mutually_exclusive_group()
        publish.add_argument("--publish", action="store_true", default=None, dest="publish")
        publish.add_argument("--draft", action="store_false", dest="publish")

    def handle(self, *args, url=None, publish=None, **options):
        record = running.run(source=url, publish=publish)
        if record.outcome == SyncRun.Outcome.FAILED:
            raise CommandError(f"Sync failed: {record.message}")
        summary = (
            f"{record.get_outcome_display()}: {record.created} new, {record.corrected} "
            f"corrected, {record.conflicts} conflicts ({record.seconds:.2f} s)."
        )
        self.stdout.write(self.style.SUCCESS(summary))
        if record.message:
            self.stdout.write(record.message)
