"""Delete alert addresses never confirmed within a week of their last request (README:
run it daily)."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from eeportal.alerts.models import Subscriber

UNCONFIRMED_KEPT = dt.timedelta(days=7)


class Command(BaseCommand):
    help = "Delete round-alert addresses not confirmed within 7 days of asking."

    def handle(self, *args, **options):
        stale = Subscriber.objects.unconfirmed_since(timezone.now() - UNCONFIRMED_KEPT)
        deleted = stale.delete()[1].get("alerts.Subscriber", 0)
        self.stdout.write(f"Deleted {deleted} unconfirmed address{'' if deleted == 1 else 'es'}.")
