"""When a round becomes published, by any path, decide whether to announce it.

The admin, `import_rounds`, the sync with IRCC and a restored revision all save rounds
through Django's save signals (a restore saves raw), so this listens to them, as
draws/corrections.py does, rather than asking each path to remember the alerts.

The rule for a new round (README, Round alerts): a round is announced the first time it is
published, if it is dated within ALERTS_NEW_ROUND_DAYS days of today in Ottawa, where IRCC
dates its rounds. Loading the history, on a fresh machine or by a sync catching up after
downtime, publishes rounds for the first time too: their dates are what keeps them quiet.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.utils import timezone

from draws import ircc
from draws.models import Draw
from eeportal.alerts.models import RoundAlert

# The moment "today" is taken from; tests move it.
clock = timezone.now


def is_new(draw, now):
    """Whether `draw` is recent enough to announce at `now`."""
    oldest = ircc.ottawa_date(now) - dt.timedelta(days=settings.ALERTS_NEW_ROUND_DAYS)
    return draw.date >= oldest


def first_published(draw):
    """Whether this save is the round's first publication. draws/corrections.py has read
    the stored round before the save (figures_before_save) and stamped published_at."""
    before = getattr(draw, "figures_before_save", None)
    was_published = before is not None and before["published_at"] is not None
    return draw.status == Draw.Status.PUBLISHED and not was_published


def announce_new_rounds(sender, instance, **kwargs):
    if instance.status != Draw.Status.PUBLISHED:
        return
    from eeportal.alerts import tasks

    if first_published(instance):
        if not is_new(instance, clock()):
            return
        alert, _ = RoundAlert.objects.get_or_create(draw=instance)
    else:
        # Published again after being set back to Draft part-way: finish what is left. A
        # correction of a round whose alerts all went out finds nothing to do here.
        unfinished = Q(planned_at__isnull=True) | Q(deliveries__sent_at__isnull=True)
        alert = RoundAlert.objects.filter(unfinished, draw=instance).first()
        if alert is None:
            return
    transaction.on_commit(lambda: tasks.plan_round_alert.enqueue(alert.pk))


def connect():
    post_save.connect(announce_new_rounds, sender=Draw, dispatch_uid="alerts-announce")
