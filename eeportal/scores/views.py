"""The score tools' pages: the score checker and the CRS calculator."""

from functools import wraps

from django.contrib.humanize.templatetags.humanize import intcomma
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.csrf import csrf_exempt

from draws import charts, sharing
from draws.models import Stream
from eeportal.context_processors import site_url
from eeportal.i18n.dates import date_format
from eeportal.i18n.templatetags.translated import percent
from eeportal.pagecache.query import reads_query
from eeportal.scores import checker, crs, language_scores
from eeportal.scores.forms import CalculatorForm, ScoreCheckForm, bound_data

CHECK_META = {
    "title": gettext_lazy("Would your CRS score have been invited?"),
    "description": gettext_lazy(
        "Type an Express Entry CRS score to see which rounds of invitations it would "
        "have met in each stream, and about how many candidates in the pool were at or above it."
    ),
    "name": gettext_lazy("Express Entry score checker"),
}


def answered_by_get(tool_name):
    """GET and HEAD only, with a page saying so to any other method.

    The tools change nothing on the server, so there is no form to protect from forgery: a
    POST (a form copied onto another site, a script) gets a 405 that says how to use the tool,
    not the CSRF refusal meant for the admin's forms.
    """

    def decorate(view):
        @csrf_exempt
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            context = {"tool_name": tool_name, "tool_url": reverse(f"scores:{view.__name__}")}
            response = render(request, "scores/method_not_allowed.html", context, status=405)
            response["Allow"] = "GET, HEAD"
            return response

        return wrapper

    return decorate


def score_check_context(score, streams=()):
    """The checker's answer for `score` and its pool chart, as the two tool pages show them."""
    score_check = checker.check(score, today=timezone.localdate(), streams=streams)
    pool = score_check.pool
    if pool is None:
        return {"check": score_check}
    as_of = date_format(pool.draw.pool_as_of)
    return {
        "check": score_check,
        "pool_chart": charts.pool_position_chart(
            "pool-position",
            pool.bands,
            pool.at_or_above,
            score,
            title=_("Where a score of %(score)s sat in the pool on %(day)s")
            % {"score": intcomma(score), "day": as_of},
            description=_(
                "The %(total)s candidates in the pool as one bar, lowest scores on the left, each "
                "CRS band as wide as its share; the %(percent)s with %(score)s or more are shaded."
            )
            % {
                "total": intcomma(pool.total),
                "percent": percent(pool.percent),
                "score": intcomma(score),
            },
        ),
    }


@reads_query(*ScoreCheckForm.base_fields)
@answered_by_get(gettext_lazy("score checker"))
def check(request):
    form = ScoreCheckForm(bound_data(request, ScoreCheckForm), streams=Stream.objects.all())
    meta = sharing.tool_meta(site_url(request), "scores:check", **CHECK_META)
    context = {"section": "check", "meta": meta, "form": form}
    if form.is_bound and not form.is_valid():
        return render(request, "scores/check.html", context, status=400)
    if form.is_bound:
        score = form.cleaned_data["score"]
        context["meta"] = sharing.check_meta(score, form.cleaned_data["stream"], site_url(request))
        context.update(score_check_context(score, form.cleaned_data["stream"]))
    return render(request, "scores/check.html", context)


CALCULATOR_META = {
    "title": gettext_lazy("CRS calculator: work out your Express Entry score"),
    "description": gettext_lazy(
        "Answer IRCC's questions to get your Comprehensive Ranking System score, "
        "with every point explained, and see which recent rounds it would have met."
    ),
    "name": gettext_lazy("Express Entry CRS calculator"),
}
CALCULATOR_RULES = {
    "source_url": crs.RULES_SOURCE_URL,
    "languages_reviewed": language_scores.EQUIVALENCY_REVIEWED,
    "languages_source_url": language_scores.EQUIVALENCY_SOURCE_URL,
    "maximum": crs.CRS_MAX,
    "transferability_maximum": crs.TRANSFERABILITY_MAXIMUM,
    "transferability_group_maximum": crs.TRANSFERABILITY_GROUP_MAXIMUM,
}


@reads_query(*CalculatorForm.base_fields)
@answered_by_get(pgettext_lazy("in a sentence", "CRS calculator"))
def crs_calculator(request):
    # GET rather than POST: working out a score changes nothing on the server, and with the
    # answers in the address the result is a link people can bookmark, share, or come back
    # to and change one answer. Nothing is stored.
    today = timezone.localdate()
    data = bound_data(request, CalculatorForm, settings=CalculatorForm.SETTINGS)
    # ?rules= alone (a link to "the calculator as of a day") fills in the day, asks the rest.
    form = CalculatorForm(data, today=today, settings=request.GET)
    context = {
        "section": "calculator",
        "meta": sharing.tool_meta(site_url(request), "scores:crs_calculator", **CALCULATOR_META),
        "form": form,
        "rules": CALCULATOR_RULES,
        "rule_set": crs.rules_in_force(today),
    }
    if form.errors:  # also a bad day in a link that gives nothing else
        return render(request, "scores/crs_calculator.html", context, status=400)
    if form.is_bound:
        result, comparison = form.scores()
        context.update(result=result, comparison=comparison, rule_set=result.rules)
        context.update(score_check_context(result.total))
    return render(request, "scores/crs_calculator.html", context)
