"""The alerts' tasks, run by the task queue (django-tasks): never inside a web request once
DJANGO_TASKS_BACKEND=database, where `manage.py db_worker` processes on any machine take them.

With the immediate backend (nothing configured) they run in the process that queues them,
so a fresh `make run` sends its mail to the console without a worker.
"""

import logging

from django.conf import settings
from django_tasks import task

from eeportal.alerts import delivery, emails
from eeportal.alerts.models import Subscriber

logger = logging.getLogger(__name__)


@task()
def plan_round_alert(alert_id):
    """List a round's recipients, then queue the tasks that send to them."""
    if delivery.plan(alert_id) is None:
        return
    # Several tasks for one alert share its rows, each taking the next unsent one: as many
    # workers as there are tasks send at once, and a worker killed mid-way leaves its
    # share to the others.
    for _ in range(max(1, settings.ALERTS_DELIVERY_TASKS)):
        deliver_round_alert.enqueue(alert_id)


@task()
def deliver_round_alert(alert_id):
    outcome = delivery.deliver(alert_id)
    if outcome.retry_at is None:
        return
    if deliver_round_alert.get_backend().supports_defer:
        deliver_round_alert.using(run_after=outcome.retry_at).enqueue(alert_id)
    else:
        logger.warning(
            "Alerts wait for `manage.py send_pending_alerts`: this task backend cannot "
            "schedule a retry"
        )


@task()
def send_confirmation(subscriber_id):
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return
    if subscriber.confirmed_at is None:
        emails.confirmation(subscriber).send()
    else:
        emails.already_subscribed(subscriber).send()
