"""Rows and form data for tests: rounds, distributions, IRCC's feed entries, admin forms."""

import datetime as dt
import io
import json
from pathlib import Path

from django.core.management import call_command
from django.urls import reverse

from draws.models import Draw, PoolBand, Stream

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"


def make_draw(number, date, stream_slug="cec", **fields):
    """A published round with plausible figures; any field can be overridden."""
    values = {
        "stream": Stream.objects.get(slug=stream_slug),
        "invitations": 3000,
        "crs_min": 500,
        "tie_break": dt.datetime.combine(date, dt.time(1, 2, 3), tzinfo=dt.UTC)
        - dt.timedelta(days=20),
        "status": Draw.Status.PUBLISHED,
    }
    values.update(fields)
    if isinstance(number, str):
        values["suffix"] = number[-1]
        number = int(number[:-1])
    return Draw.objects.create(number=number, date=date, **values)


def add_distribution(draw, as_of, bands):
    """Give `draw` a distribution from (low, high, count) rows; the total is the top level."""
    draw.pool_as_of = as_of
    draw.save()
    draw.pool_bands.all().delete()
    PoolBand.objects.bulk_create(
        PoolBand(draw=draw, low=low, high=high, count=count) for low, high, count in bands
    )
    draw.link_sub_bands()
    draw.pool_total = sum(b.count for b in draw.pool_bands.all() if b.parent_id is None)
    draw.save()
    return draw


def import_shipped_rounds(folder, labels):
    """Import the rounds numbered `labels` as IRCC's shipped feed and digest (data/) give
    them, through import_rounds: {label: Draw}."""
    rounds = [
        raw
        for name in ("ircc-ee-rounds-123-en.json", "rounds-after-2026-08-07.json")
        for raw in json.loads((DATA / name).read_text(encoding="utf-8"))["rounds"]
        if raw["drawNumber"] in labels
    ]
    feed = folder / "shipped-rounds.json"
    feed.write_text(json.dumps({"rounds": rounds}), encoding="utf-8")
    call_command("import_rounds", str(feed), stdout=io.StringIO())
    return {label: Draw.objects.get_by_label(label) for label in labels}


def many_rounds(count, start=dt.date(2020, 1, 1)):
    """`count` published rounds a day apart, four streams in turn, inserted in one statement."""
    slugs = ["cec", "pnp", "french", "general"]
    stream_ids = dict(Stream.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    Draw.objects.bulk_create(
        Draw(
            number=1000 + index,
            date=start + dt.timedelta(days=index),
            stream_id=stream_ids[slugs[index % 4]],
            invitations=100 + index,
            crs_min=300 + index % 500,
        )
        for index in range(count)
    )


def raw_round(**overrides):
    """Round #392 as IRCC's feed has it, with any field replaced."""
    raw = {
        "drawNumber": "392",
        "drawDate": "2026-01-21",
        "drawName": "Canadian Experience Class",
        "drawSize": "6,000",
        "drawCRS": "509",
        "drawText2": "Canadian Experience Class",
        "drawDateTime": "January 21, 2026 at 12:37:42 UTC",
        "drawCutOff": "October 29, 2025 at 04:35:24 UTC",
        "drawDistributionAsOn": "January 19, 2026",
        "dd1": "677",
        "dd2": "16,341",
        "dd3": "72,714",
        "dd4": "13,278",
        "dd5": "12,942",
        "dd6": "15,965",
        "dd7": "15,320",
        "dd8": "15,209",
        "dd9": "66,836",
        "dd10": "14,452",
        "dd11": "14,571",
        "dd12": "13,092",
        "dd13": "12,863",
        "dd14": "11,858",
        "dd15": "53,221",
        "dd16": "19,062",
        "dd17": "8,269",
        "dd18": "237,120",
    }
    raw.update(overrides)
    return raw


ADD_URL = reverse("admin:draws_draw_add")

# IRCC's table for round #392, as an editor would copy it.
BANDS_392 = [
    (601, 1200, "677"),
    (501, 600, "16,341"),
    (451, 500, "72,714"),
    (491, 500, "13,278"),
    (481, 490, "12,942"),
    (471, 480, "15,965"),
    (461, 470, "15,320"),
    (451, 460, "15,209"),
    (401, 450, "66,836"),
    (441, 450, "14,452"),
    (431, 440, "14,571"),
    (421, 430, "13,092"),
    (411, 420, "12,863"),
    (401, 410, "11,858"),
    (351, 400, "53,221"),
    (301, 350, "19,062"),
    (0, 300, "8,269"),
]


def round_form(bands=(), **overrides):
    data = {
        "number": "392",
        "suffix": "",
        "date": "2026-01-21",
        "stream": str(Stream.objects.get(slug="cec").pk),
        "status": "published",
        "invitations": "6,000",
        "crs_min": "509",
        "tie_break": "October 29, 2025 at 04:35:24 UTC",
        "pool_as_of": "2026-01-19" if bands else "",
        "pool_total": "237,120" if bands else "",
        "round_name": "Canadian Experience Class",
        "eligible_programs": "Canadian Experience Class",
        "run_at": "",
        "source_url": "",
        "notes": "",
        "pool_bands-TOTAL_FORMS": str(len(bands)),
        "pool_bands-INITIAL_FORMS": "0",
        "pool_bands-MIN_NUM_FORMS": "0",
        "pool_bands-MAX_NUM_FORMS": "1000",
    }
    for index, (low, high, count) in enumerate(bands):
        data[f"pool_bands-{index}-low"] = str(low)
        data[f"pool_bands-{index}-high"] = str(high)
        data[f"pool_bands-{index}-count"] = count
    data.update(overrides)
    return data


def change_url(draw):
    return reverse("admin:draws_draw_change", args=[draw.pk])


def form_data(response):
    """What the change page's forms would post if the editor changed nothing."""
    data = {}
    form = response.context["adminform"].form
    forms = [form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms.append(formset.management_form)
        forms.extend(formset.forms)
    for each in forms:
        for name in each.fields:
            value = each[name].value()
            if value is None or value is False:
                continue
            data[each.add_prefix(name)] = str(value)
    return data


def open_change_page(client, draw):
    response = client.get(change_url(draw))
    assert response.status_code == 200
    return form_data(response)
