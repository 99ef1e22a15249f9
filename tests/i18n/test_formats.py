"""Figures, dates and times through Django's localization: French as Canadian French writes
them, English exactly as before issue 17."""

import datetime as dt

import pytest
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import number_format, time_format

from eeportal.i18n.dates import date_format

NBSP = "\u00a0"
TIE_BREAK = dt.datetime(2025, 10, 29, 4, 35, 24, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "6,000",
                "20,784",
                "509",
                "21 January 2026",
                "29 October 2025, 04:35:24",
                "04:35:24",
                "12.5",
            ],
        ),
        (
            "fr",
            [
                f"6{NBSP}000",
                f"20{NBSP}784",
                "509",
                "21 janvier 2026",
                "29 octobre 2025 à 04 h 35 min 24 s",
                "04 h 35 min 24 s",
                "12,5",
            ],
        ),
    ],
)
def test_figures_dates_and_times_in_each_language(language, expected):
    with translation.override(language):
        assert [
            intcomma(6000),
            intcomma(20784),
            intcomma(509),
            date_format(dt.date(2026, 1, 21)),
            date_format(TIE_BREAK, "DATETIME_FORMAT"),
            time_format(TIE_BREAK),
            number_format(12.5),
        ] == expected


def test_templates_format_through_the_same_filters():
    template = Template(
        "{% load humanize translated %}{{ n|intcomma }} · {{ d|date }} · "
        '{{ t|date:"DATETIME_FORMAT" }} · {{ p|percent }} · {{ 12|percent }}'
    )
    context = Context({"n": 6000, "d": dt.date(2026, 1, 21), "t": TIE_BREAK, "p": 12.5})
    with translation.override("en"):
        assert template.render(context) == (
            "6,000 · 21 January 2026 · 29 October 2025, 04:35:24 · 12.5% · 12%"
        )
    with translation.override("fr"):
        assert template.render(context) == (
            f"6{NBSP}000 · 21 janvier 2026 · 29 octobre 2025 à 04 h 35 min 24 s"
            f" · 12,5{NBSP}% · 12{NBSP}%"
        )
