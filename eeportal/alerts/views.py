"""The alerts' pages: subscribe, confirm, change choices, unsubscribe, and privacy.

Every page that holds a form or a subscriber's token is sent `private, no-store`
(never_cache), so neither the page cache (eeportal.pagecache, which stores only what is the
same for everyone) nor a proxy keeps it. Only the privacy page and "check your inbox" are
the same for everyone. A token page also asks browsers not to pass its address on
(Referrer-Policy: no-referrer): the address is the token.
"""

import datetime as dt
from functools import wraps

from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from draws import sharing
from draws.models import Stream
from eeportal.alerts import ratelimit, tasks
from eeportal.alerts.forms import ChoicesForm, SubscribeForm
from eeportal.alerts.models import CONFIRM_SALT, MANAGE_SALT, Subscriber
from eeportal.pagecache.query import reads_query

CONFIRM_LINK_VALIDITY = dt.timedelta(hours=48)
SUBSCRIBE_META = sharing.PageMeta(
    title=gettext_lazy("Email alerts for Express Entry rounds"),
    description=gettext_lazy(
        "Get an email minutes after a new Express Entry round is published: every "
        "round, or only the streams you choose, or only when the cut-off meets your CRS score."
    ),
)
PRIVACY_META = sharing.PageMeta(
    title=gettext_lazy("Round alerts: your privacy"),
    description=gettext_lazy(
        "What the Express Entry round alerts keep about you, why, for how long, and "
        "how to delete it."
    ),
)


def token_page(view):
    """A page reached through a subscriber's token: kept by no cache, its address not
    passed on to other sites."""

    @wraps(view)
    def answer(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        return response

    return never_cache(answer)


@reads_query("stream", "score")
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def subscribe(request):
    streams = Stream.objects.all()
    if request.method != "POST":
        # Links from a stream's pages tick that stream (?stream=cec), the checker's fill in
        # the score (?score=478); the form checks both when it is sent.
        initial = {"stream": request.GET.getlist("stream"), "score": request.GET.get("score")}
        form = SubscribeForm(streams=streams, initial=initial)
        return render(
            request, "alerts/subscribe.html", {"form": form, "meta": SUBSCRIBE_META.resolved()}
        )
    form = SubscribeForm(request.POST, streams=streams)
    if form.is_valid() and form.is_bot():
        return redirect("alerts:sent")
    if form.is_valid() and not ratelimit.subscription_allowed(request, form.cleaned_data["email"]):
        form.add_error(
            None, _("Too many requests from here or for this address: try again in an hour.")
        )
        return render(request, "alerts/subscribe.html", {"form": form}, status=429)
    if not form.is_valid():
        return render(request, "alerts/subscribe.html", {"form": form}, status=400)
    data = form.cleaned_data
    with transaction.atomic():
        subscriber = Subscriber.ask(data["email"], data["stream"], data["score"], get_language())
        transaction.on_commit(lambda: tasks.send_confirmation.enqueue(subscriber.pk))
    # The same answer whether the address was new, waiting, or long confirmed.
    return redirect("alerts:sent")


@require_safe
def sent(request):
    return render(request, "alerts/sent.html")


@require_safe
def privacy(request):
    return render(request, "alerts/privacy.html", {"meta": PRIVACY_META.resolved()})


@require_http_methods(["GET", "HEAD", "POST"])
@token_page
def confirm(request, confirmation):
    subscriber = Subscriber.from_token(confirmation, CONFIRM_SALT, max_age=CONFIRM_LINK_VALIDITY)
    if subscriber is None:
        return render(request, "alerts/link_invalid.html", {"confirming": True}, status=404)
    if request.method == "POST":
        subscriber.confirm()
        return render(request, "alerts/confirmed.html", {"manage_url": subscriber.get_manage_url()})
    return render(request, "alerts/confirm.html", {"subscriber": subscriber})


@require_http_methods(["GET", "HEAD", "POST"])
@token_page
def manage(request, token):
    subscriber = Subscriber.from_token(token, MANAGE_SALT)
    if subscriber is None:
        return render(request, "alerts/link_invalid.html", status=404)
    streams = Stream.objects.all()
    if request.method != "POST":
        initial = {
            "stream": [s.slug for s in subscriber.chosen_streams()],
            "score": subscriber.score,
        }
        form = ChoicesForm(streams=streams, initial=initial)
        return render(request, "alerts/manage.html", {"form": form, "subscriber": subscriber})
    form = ChoicesForm(request.POST, streams=streams)
    if not form.is_valid():
        context = {"form": form, "subscriber": subscriber}
        return render(request, "alerts/manage.html", context, status=400)
    with transaction.atomic():
        subscriber.choose(form.cleaned_data["stream"], form.cleaned_data["score"], get_language())
        subscriber.save(update_fields=["all_streams", "score", "language"])
    context = {"form": form, "subscriber": subscriber, "saved": True}
    return render(request, "alerts/manage.html", context)


# RFC 8058: mail programs unsubscribe with a POST of their own, which carries no CSRF token.
# The token in the address is the proof; a GET (a person, or a link scanner) only asks.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@token_page
def unsubscribe(request, token):
    subscriber = Subscriber.from_token(token, MANAGE_SALT)
    if request.method == "POST":
        if subscriber is not None:
            subscriber.delete()
        # Gone already (a second click) is the same outcome: the address is not subscribed.
        return render(request, "alerts/unsubscribed.html")
    if subscriber is None:
        return render(request, "alerts/link_invalid.html", status=404)
    return render(request, "alerts/unsubscribe.html", {"subscriber": subscriber})
