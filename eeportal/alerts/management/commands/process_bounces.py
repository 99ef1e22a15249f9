"""Read bounce reports from the sender address's mailbox and drop addresses that failed for
good (eeportal/alerts/bounces.py; README: run it every few minutes)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from eeportal.alerts import bounces


class Command(BaseCommand):
    help = "Drop round-alert addresses that bounced permanently, from a Maildir or mbox."

    def add_arguments(self, parser):
        parser.add_argument("mailbox", type=Path, help="A Maildir folder or an mbox file.")
        parser.add_argument(
            "--keep", action="store_true", help="Leave the reports in the mailbox after reading."
        )

    def handle(self, *args, mailbox, keep, **options):
        if not mailbox.exists():
            raise CommandError(f"No mailbox at {mailbox}.")
        reports, dropped = bounces.process(mailbox, remove=not keep)
        self.stdout.write(
            f"Read {reports} bounce report{'' if reports == 1 else 's'}; "
            f"dropped {dropped} address{'' if dropped == 1 else 'es'}."
        )
