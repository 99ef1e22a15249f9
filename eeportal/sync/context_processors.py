"""When IRCC's feed was last checked, for the line every page shows."""

from functools import cached_property

from eeportal.sync.models import SyncRun


class FeedCheck:
    """Read only by the pages that show it, once per page."""

    @cached_property
    def at(self):
        last = SyncRun.objects.last_success()
        return last.finished_at if last else None


def feed_check(request):
    return {"feed_check": FeedCheck()}
