"""Who is asking: the client's address as the trusted proxies in front of us saw it."""

from django.conf import settings


def client_ip(request):
    """The address login lockouts count against.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For, so only the last TRUSTED_PROXY_COUNT entries are believable; anything
    to their left was written by the client and could be forged to dodge a lockout.
    """
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
