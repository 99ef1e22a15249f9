"""How often the subscribe form may be sent, per client address and per email address.

Counted in Django's cache (Redis when REDIS_URL is set, so every app server counts
together), in fixed windows of an hour. Per email address, so nobody can have the site mail
a confirmation to someone else over and over; per client address, so one machine cannot
walk through a list of victims. The address is counted by its hash: the cache never holds it.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache

from eeportal.security import client_ip

logger = logging.getLogger(__name__)
WINDOW_SECONDS = 60 * 60


def hit(key, limit):
    """Count one more request under `key`; whether it is still within `limit`."""
    try:
        cache.add(key, 0, WINDOW_SECONDS)
        return cache.incr(key) <= limit
    except ValueError:  # the count expired between add() and incr()
        cache.set(key, 1, WINDOW_SECONDS)
        return True
    except Exception:
        # Without a count, nothing is sent: better a visitor asked to try later than a
        # mailbox flooded while Redis is out of reach.
        logger.warning("Subscriptions refused: the rate-limit counts are out of reach")
        return False


def subscription_allowed(request, email):
    """Whether this request may ask for a confirmation to `email` (each call counts)."""
    address = hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]
    by_client = hit(
        f"alerts:subscribe:client:{client_ip(request)}", settings.ALERTS_SUBSCRIBE_LIMIT_PER_CLIENT
    )
    by_email = hit(f"alerts:subscribe:email:{address}", settings.ALERTS_SUBSCRIBE_LIMIT_PER_EMAIL)
    return by_client and by_email
