"""When IRCC's feed was last checked, for the line every page shows."""

from functools import cached_property

from eeportal.sync.models import SyncRun


class FeedCheck:
    """Read only by the pages that show it, once per page."""

    @cached_property
    def at(self):
        return SyncRun.objects.last_success_time()


def feed_check(request):
    return {"feed_check": FeedCheck()}
