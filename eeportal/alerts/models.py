"""Subscribers to round alerts, the alert of each round, and each alert's deliveries.

What is kept about a person is only what the privacy page lists: the address, its choices,
when it was given and when it was confirmed. Unsubscribing deletes the row, and with it
every delivery that named it.
"""

import hashlib

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation

from draws.models import Draw, Stream

CONFIRM_SALT = "alerts.confirm"
MANAGE_SALT = "alerts.manage"


def address_digest(email):
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed_since(self, moment):
        """Addresses never confirmed whose last request is older than `moment`."""
        return self.filter(confirmed_at__isnull=True, requested_at__lt=moment)

    def with_email(self, email):
        return self.filter(email__iexact=email.strip())

    def wanting(self, draw):
        """Confirmed subscribers whose choices match `draw`: its stream, and a cut-off at or
        below their score when they gave one."""
        # A subquery, not a join: a join would list once per stream chosen someone who
        # also asked for every round.
        chose_stream = Subscriber.streams.through.objects.filter(stream_id=draw.stream_id)
        return self.confirmed().filter(
            Q(all_streams=True) | Q(pk__in=chose_stream.values("subscriber_id")),
            Q(score__isnull=True) | Q(score__gte=draw.crs_min),
        )

    def counts_per_stream(self):
        """Each stream with `subscribers`: the confirmed addresses that chose it by name."""
        return Stream.objects.annotate(
            subscribers=models.Count(
                "alert_subscribers", filter=Q(alert_subscribers__confirmed_at__isnull=False)
            )
        ).order_by(*Stream._meta.ordering)


class Subscriber(models.Model):
    """An address that asked for round alerts, and which rounds it wants."""

    email = models.EmailField(max_length=254)
    all_streams = models.BooleanField(default=False)
    streams = models.ManyToManyField(Stream, blank=True, related_name="alert_subscribers")
    # Alerts only for rounds whose minimum CRS is at or below it, when given.
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    # The last time the form was sent for this address: an unconfirmed one is deleted a
    # week after (purge_unconfirmed_alerts).
    requested_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The site's language the form was last sent in: the emails are written in it, and
    # their links lead to the pages in it.
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="alerts_subscriber_email_unique"),
        ]

    def __str__(self):
        # Never the address: admin screens, logs and error reports show this.
        return f"Subscriber {self.pk}"

    @classmethod
    def ask(cls, email, streams, score, language="en"):
        """Record the form's request for `email`; the subscriber to write to.

        A confirmed address keeps its choices: whoever sent the form may not own it, and
        the owner is mailed the link that changes them. An unconfirmed one takes the new
        choices and the week before it is deleted starts again.
        """
        subscriber = cls.objects.with_email(email).first()
        if subscriber is None:
            try:
                with transaction.atomic():
                    subscriber = cls.objects.create(email=email.strip())
            except IntegrityError:
                # The same address sent twice at once: the other request made the row.
                subscriber = cls.objects.with_email(email).get()
        if subscriber.confirmed_at is not None:
            return subscriber
        subscriber.choose(streams, score, language)
        subscriber.requested_at = timezone.now()
        subscriber.save(update_fields=["all_streams", "score", "language", "requested_at"])
        return subscriber

    def choose(self, streams, score, language):
        """Take new choices (saved by the caller; the streams at once)."""
        self.all_streams = not streams
        self.score = score
        self.language = language
        self.streams.set(streams)

    def speaking(self):
        """The subscriber's language made active, for writing it an email."""
        return translation.override(self.language)

    def confirm(self):
        if self.confirmed_at is None:
            self.confirmed_at = timezone.now()
            self.save(update_fields=["confirmed_at"])

    def chosen_streams(self):
        return [] if self.all_streams else list(self.streams.all())

    def token(self, salt):
        """A signed reference to this subscriber for links in its emails. A digest of the
        address is in it, so a link does not outlive the subscription; the address itself
        is not, as links end up in access logs (signed values are readable, not secret)."""
        return signing.dumps({"id": self.pk, "address": address_digest(self.email)}, salt=salt)

    @classmethod
    def from_token(cls, token, salt, max_age=None):
        """The subscriber a token names; None for a token that is forged, expired or whose
        subscriber is gone."""
        try:
            value = signing.loads(token, salt=salt, max_age=max_age)
        except signing.BadSignature:
            return None
        if not isinstance(value, dict) or not isinstance(value.get("id"), int):
            return None
        subscriber = cls.objects.filter(pk=value["id"]).first()
        if subscriber is None or address_digest(subscriber.email) != value.get("address"):
            return None
        return subscriber

    def get_manage_url(self):
        return reverse("alerts:manage", args=[self.token(MANAGE_SALT)])

    def get_unsubscribe_url(self):
        return reverse("alerts:unsubscribe", args=[self.token(MANAGE_SALT)])

    def get_confirm_url(self):
        return reverse("alerts:confirm", args=[self.token(CONFIRM_SALT)])

    def score_met(self, draw):
        """True or False when the subscriber gave a score, None otherwise."""
        return None if self.score is None else self.score >= draw.crs_min


class RoundAlert(models.Model):
    """The decision to announce a round: made once, when the round is first published new."""

    draw = models.OneToOneField(Draw, on_delete=models.CASCADE, related_name="alert")
    created_at = models.DateTimeField(auto_now_add=True)
    planned_at = models.DateTimeField(
        null=True, blank=True, help_text="When the round's recipients were listed."
    )
    recipients = models.PositiveIntegerField(default=0)
    # The SMTP server failed this many times in a row; sending waits until paused_until.
    failures = models.PositiveSmallIntegerField(default=0)
    paused_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "round alert"

    def __str__(self):
        return f"Alert for round #{self.draw.label}"


class DeliveryQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(sent_at__isnull=True)

    def due(self, now):
        """Unsent deliveries whose round is still published, whose next try is due, and
        whose alert is not waiting for the SMTP server to come back."""
        return self.pending().filter(
            Q(alert__paused_until__isnull=True) | Q(alert__paused_until__lte=now),
            next_attempt_at__lte=now,
            alert__draw__status=Draw.Status.PUBLISHED,
        )


class Delivery(models.Model):
    """One subscriber's alert for one round: the row that makes sending it exactly once."""

    alert = models.ForeignKey(RoundAlert, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    last_error = models.CharField(max_length=300, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "alert"], name="alerts_delivery_once_per_round"
            ),
        ]
        indexes = [
            # Workers take the next unsent delivery of an alert: only unsent rows are indexed,
            # so each claim skips none of the thousands already sent.
            models.Index(
                fields=["alert", "id"],
                condition=Q(sent_at__isnull=True),
                name="alerts_delivery_unsent",
            ),
        ]

    def __str__(self):
        return f"Delivery {self.pk} of {self.alert}"
