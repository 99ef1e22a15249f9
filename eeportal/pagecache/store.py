"""Where rendered pages are kept: a bounded copy in each process, in front of the shared cache.

With several app servers, Redis lets a page rendered by one be served by all; but asking
Redis for a page costs a round trip and unpickling on every request, which took a third of
the cached pages' speed away. So each process also keeps its own copy of the pages it served
lately, at most PAGE_CACHE_LOCAL_BYTES of them, dropping the least recently used first.
Copies never need to be invalidated: keys carry the content version, so once an editor's
change moves it, the old copies are never asked for again and age out. Every page is also
made afresh once it is PAGE_CACHE_MAX_AGE old, here and in Redis, because pages say how
long ago IRCC's feed was checked: "4 minutes ago" must not be served an hour later.

The shared cache is a help, never a dependency. When it cannot be reached, or does not answer
within its timeouts, pages are rendered and served without it: one warning is logged when it
goes and one line when it is back, and it is not asked again for PAGE_CACHE_RETRY_SECONDS, so
a Redis that hangs costs one timeout per process now and then, not one per request.
"""

import logging
import threading
import time

from cachetools import LRUCache
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from redis.exceptions import RedisError

logger = logging.getLogger("eeportal.pagecache")

# What a cache that cannot be reached raises: redis-py's own errors (refused, timed out,
# dropped), and the operating system's for a socket that failed below them.
CACHE_ERRORS = (RedisError, OSError)
# Above its own bytes, each entry costs a dictionary slot, a tuple and the header strings.
ENTRY_OVERHEAD_BYTES = 512


class SharedCache:
    """Django's default cache, asked with care: its failures are logged once and survived.

    Every method answers as a cache that holds nothing would, while the cache is out of reach.
    """

    # Seconds from an arbitrary start; tests replace it with a clock they move by hand.
    clock = staticmethod(time.monotonic)

    def __init__(self):
        self.unreachable_since = None
        self.retry_at = 0.0
        self.lock = threading.Lock()

    def get(self, key):
        return self.call(cache.get, key)

    def set_many(self, values, timeout):
        self.call(cache.set_many, values, timeout)

    def get_or_set(self, key, make, timeout):
        """The cached value, or make()'s, stored when the cache can take it."""
        value = self.get(key)
        if value is None:
            value = make()
            self.call(cache.set, key, value, timeout)
        return value

    def is_reachable(self):
        """Ask the cache now, whatever the retry window says: for the health check."""
        self.retry_at = 0.0
        self.call(cache.get, "healthz:probe")
        return self.unreachable_since is None

    def call(self, method, *args):
        if self.unreachable_since is not None and self.clock() < self.retry_at:
            return None
        try:
            result = method(*args)
        except CACHE_ERRORS as error:
            self.failed(error)
            return None
        if self.unreachable_since is not None:
            self.recovered()
        return result

    def failed(self, error):
        with self.lock:
            now = self.clock()
            self.retry_at = now + settings.PAGE_CACHE_RETRY_SECONDS
            if self.unreachable_since is not None:
                return
            self.unreachable_since = now
        logger.warning(
            "The shared cache cannot be reached (%s: %s); serving pages without it and "
            "asking again every %s s",
            type(error).__name__,
            error,
            settings.PAGE_CACHE_RETRY_SECONDS,
        )

    def recovered(self):
        with self.lock:
            if self.unreachable_since is None:
                return
            down_for = self.clock() - self.unreachable_since
            self.unreachable_since = None
        logger.warning("The shared cache is reachable again after %.0f s", down_for)


# In every page's key: a deploy that changes what `frozen` stores changes this too, so pages
# an older version of the site left in a shared Redis are never read as the new form.
STORED_FORM = 2


def frozen(response, stored_at):
    """The parts of a response needed to make it again: smaller to store than the object."""
    return (response.status_code, tuple(response.items()), response.content, stored_at)


def thawed(parts):
    status, headers, body, _ = parts
    return HttpResponse(body, status=status, headers=dict(headers))


def stored_size(parts):
    _, headers, body, _ = parts
    header_bytes = sum(len(name) + len(value) for name, value in headers)
    return len(body) + header_bytes + ENTRY_OVERHEAD_BYTES


class PageStore:
    """Rendered pages by key: this process's copy first, then the shared cache if there is one.

    Without REDIS_URL there is nothing to share (each process has its own local-memory cache
    anyway), so pages are kept only here, bounded in bytes rather than in entries.
    """

    # Seconds since the epoch, as on every app server; tests replace it with a hand clock.
    clock = staticmethod(time.time)

    def __init__(self, shared):
        self.shared = shared
        self.lock = threading.Lock()
        self.local = None

    def copies(self):
        # Made on first use, once settings can be read (and again when a test changes them).
        if self.local is None or self.local.maxsize != settings.PAGE_CACHE_LOCAL_BYTES:
            self.local = LRUCache(settings.PAGE_CACHE_LOCAL_BYTES, getsizeof=stored_size)
        return self.local

    def get(self, key):
        with self.lock:
            parts = self.copies().get(key)
        if parts is None and settings.PAGE_CACHE_SHARED:
            parts = self.shared.get(key)
            if parts is not None:
                self.keep(key, parts)
        if parts is None or self.clock() - parts[3] >= settings.PAGE_CACHE_MAX_AGE:
            return None
        return thawed(parts)

    def set_many(self, responses, timeout):
        now = self.clock()
        stored = {key: frozen(response, now) for key, response in responses.items()}
        for key, parts in stored.items():
            self.keep(key, parts)
        if settings.PAGE_CACHE_SHARED:
            self.shared.set_many(stored, timeout)

    def keep(self, key, parts):
        with self.lock:
            copies = self.copies()
            if stored_size(parts) <= copies.maxsize:  # a page too big is simply not kept here
                copies[key] = parts

    def clear_local(self):
        with self.lock:
            self.local = None

    def local_count(self):
        with self.lock:
            return len(self.copies())


shared_cache = SharedCache()
pages = PageStore(shared_cache)
