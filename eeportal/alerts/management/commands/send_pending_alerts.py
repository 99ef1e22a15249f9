"""Queue the sending of every round alert with messages due: the safety net under the task
queue (README: run it every few minutes). It finishes a fan-out whose workers were all
killed, retries what a failing SMTP server put off when the task backend cannot schedule
retries itself, and plans an alert whose round was published again."""

from django.core.management.base import BaseCommand

from eeportal.alerts import delivery, tasks


class Command(BaseCommand):
    help = "Queue the round alerts that still have messages to send."

    def handle(self, *args, **options):
        alert_ids = delivery.pending_alert_ids(delivery.clock())
        for alert_id in alert_ids:
            tasks.plan_round_alert.enqueue(alert_id)
        self.stdout.write(
            f"Queued {len(alert_ids)} round alert{'' if len(alert_ids) == 1 else 's'}."
        )
