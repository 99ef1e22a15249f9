"""/healthz/sync: how old the last successful check of IRCC's feed is, for monitoring.

Apart from /healthz on purpose: a stale feed is something to fix, not a reason for a load
balancer to stop sending visitors to a server that works.
"""

from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from eeportal.sync.models import SyncRun


@never_cache
@csrf_exempt
def sync_status(request):
    if request.method not in ("GET", "HEAD"):
        response = JsonResponse({"error": f"{request.method} is not allowed here."}, status=405)
        response["Allow"] = "GET, HEAD"
        return response
    now = timezone.now()
    last_success = SyncRun.objects.last_success()
    last_run = SyncRun.objects.first()
    overdue = SyncRun.is_overdue(last_success, now)
    body = {
        "status": "stale" if overdue else "ok",
        "last_success": last_success.finished_at.isoformat() if last_success else None,
        "age_seconds": int((now - last_success.finished_at).total_seconds())
        if last_success
        else None,
        "last_run": {
            "started_at": last_run.started_at.isoformat(),
            "outcome": last_run.outcome,
            "message": last_run.message,
        }
        if last_run
        else None,
    }
    return JsonResponse(body, status=503 if overdue else 200)
