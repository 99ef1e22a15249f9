"""A guide to what an application needs (fees, proof of funds, language tests, credential
assessments, a provincial nomination), and the proposed merger of the three programs on the
program guides, presented as a proposal.

Checked on IRCC's pages: the fee list and IRCC's notice of 27 March 2026 (amounts in force
for applications received from 30 April 2026: processing $990 for each adult, right of
permanent residence $600; biometrics $85 a person, $170 for a family applying together);
proof of funds (what the bank letters must show; amounts updated about once a year);
language testing (the five tests and IRCC's equivalency charts); education assessed (the
designated organisations, with the Medical Council of Canada for physicians and the
Pharmacy Examining Board of Canada for pharmacists); provincial nominees (the two ways to
an Express Entry-linked nomination, 600 points). The merger: IRCC's Forward Regulatory Plan
2026-2028, published in April 2026.

The new guide is not marked reviewed: "last reviewed" is an editor's to set, in the admin.
The proposal is added to a program guide only where the guide has no such section yet, and
the reverse takes out exactly what was added. The guides' review dates are not touched; the
date their words changed is, so their pages say the text changed after the review.
"""

from django.db import migrations
from django.utils import timezone

IRCC = "https://www.canada.ca/en/immigration-refugees-citizenship/"
EXPRESS_ENTRY = IRCC + "services/immigrate-canada/express-entry/"
FEES = "https://ircc.canada.ca/english/information/fees/fees.asp"
FUNDS = EXPRESS_ENTRY + "documents/proof-funds.html"
LANGUAGE = EXPRESS_ENTRY + "documents/language-requirements/language-testing.html"
CREDENTIALS = EXPRESS_ENTRY + "documents/education-assessed.html"
NOMINEES = IRCC + "services/immigrate-canada/provincial-nominees.html"
REGULATORY_PLAN = IRCC + "corporate/transparency/acts-regulations/forward-regulatory-plan.html"

APPLYING_BODY = f"""## What this guide covers

What a complete Express Entry application needs besides a high enough score: the fees, proof
that you can support yourself, language test results, an assessment of education from
outside Canada, and, for many candidates now, a nomination from a province or territory.
IRCC's pages, linked in each section, are the authority; amounts change, so each is given
with the date it took effect.

## Fees

You pay nothing to create a profile or to enter the pool. You pay when you submit your
application for permanent residence after an invitation:

| Fee | Amount (from 30 April 2026) | Who pays it |
|---|---|---|
| Processing fee | $990 | You, and your spouse or partner if they come with you; a lower fee for each dependent child |
| Right of permanent residence fee | $600 | You, and your spouse or partner; not dependent children. IRCC refunds it if the application is refused or withdrawn |
| Biometrics (fingerprints and photo) | $85 a person, at most $170 for a family applying together | Everyone who must give biometrics |

These are the amounts IRCC set for applications received from 30 April 2026; it adjusts them
for inflation every two years. Check IRCC's [fee list]({FEES}) on the day you pay: an
application received after a change pays the new amounts.

## Proof of settlement funds

Federal Skilled Worker and Federal Skilled Trades candidates must show they have enough money
to settle, unless they are allowed to work in Canada now and have a valid job offer. Canadian
Experience Class candidates don't have to.

The amount depends on the size of your family, counting family members who won't come with
you. IRCC updates its table about once a year, so this guide does not copy it: read the
current amounts on IRCC's [proof of funds page]({FUNDS}), and update your profile if the
table changes while you are in the pool.

To prove the money, IRCC asks for an official letter from each bank or financial
institution where you keep it, printed on its letterhead with its contact details. Each
letter gives your name, every account's number, the date it was opened, its current
balance and its average balance over the past six months, and any debts you owe, such as
loans and credit card balances. The money must be yours to use, not borrowed, and it can't
count equity in property.

## Language tests and their equivalents

Every candidate needs results of a test IRCC accepts, less than two years old when you
apply: for English, CELPIP-General, IELTS General Training or PTE Core; for French, TEF
Canada or TCF Canada. IRCC converts each test's scores to the Canadian Language Benchmarks
(CLB) for English and the Niveaux de compétence linguistique canadiens (NCLC) for French,
ability by ability: see its [language test equivalency charts]({LANGUAGE}). This site's
CRS calculator uses the same charts.

## Credentials from outside Canada

To count education completed outside Canada, for the Federal Skilled Worker program or for
CRS points, you need an educational credential assessment (ECA) from an organisation IRCC
has designated. It must be less than five years old when you apply.

- Comparative Education Service (University of Toronto School of Continuing Studies)
- International Credential Assessment Service of Canada
- International Credential Evaluation Service
- International Qualifications Assessment Service
- World Education Services
- Medical Council of Canada, for physicians: doctors whose main occupation is physician
  must use it
- Pharmacy Examining Board of Canada, for pharmacists: pharmacists whose main occupation is
  pharmacist, and who need a licence to practise, must use it

See IRCC's page on [getting your education assessed]({CREDENTIALS}). An ECA is not a licence:
a regulated occupation also needs the province's licence to practise.

## A provincial nomination through Express Entry

A province or territory can nominate Express Entry candidates through the streams it links
to Express Entry. A nomination adds 600 points to your score, which brings an invitation in
the next round for provincial nominees. There are two ways to one:

1. **A province finds you.** Some provinces search the pool and send a notification of
   interest to your Express Entry account. You then apply to that province's stream directly.
2. **You apply to a province first.** You apply to one of its Express Entry-linked streams,
   and if it nominates you, you create or update your Express Entry profile and accept the
   nomination in your account.

Either way, you must also qualify for one of the three Express Entry programs, and you must
intend to live in the province that nominates you. A province's other streams, outside
Express Entry, lead to a paper application without the 600 points. See IRCC's page on
[provincial nominees]({NOMINEES}).
"""

APPLYING = {
    "slug": "applying",
    "title": "Applying: fees, proof of funds, language tests, credentials and nominations",
    "short_name": "Applying",
    "home_title": "What an application needs",
    "tagline": "Fees, proof of funds, tests, credentials.",
    "summary": "What an Express Entry application costs and needs: fees with their date, proof "
    "of funds, language tests, credential assessments and provincial nominations.",
    "official_url": EXPRESS_ENTRY.rstrip("/") + ".html",
    "display_order": 110,
}

APPLYING_SOURCES = [
    ("Fee list", FEES),
    ("Proof of funds", FUNDS),
    ("Language testing and equivalency charts", LANGUAGE),
    ("Get your education assessed", CREDENTIALS),
    ("Provincial Nominee Program", NOMINEES),
]

PROPOSAL = f"""

## A proposal, not a rule: one class instead of three

In its Forward Regulatory Plan for 2026 to 2028, published in April 2026, IRCC proposed
replacing the Federal Skilled Worker, Canadian Experience and Federal Skilled Trades classes
with a single federal high-skilled class with simpler eligibility rules. IRCC planned to
consult on it in spring 2026. Until new regulations are published and take effect, the
rules on this page are the ones that apply. Source: [IRCC's Forward Regulatory Plan]({REGULATORY_PLAN}).
"""
PROPOSAL_HEADING = "## A proposal, not a rule"
PROGRAM_GUIDES = ["cec", "fsw", "fst"]


def add_guides(apps, schema_editor):
    Guide = apps.get_model("draws", "Guide")
    GuideSource = apps.get_model("draws", "GuideSource")
    today = timezone.localdate()
    applying, created = Guide.objects.get_or_create(
        slug=APPLYING["slug"],
        defaults={**APPLYING, "body": APPLYING_BODY, "text_changed_on": today},
    )
    if created:
        for order, (title, url) in enumerate(APPLYING_SOURCES, start=1):
            GuideSource.objects.create(
                guide=applying, title=title, url=url, display_order=order * 10
            )
    for guide in Guide.objects.filter(slug__in=PROGRAM_GUIDES):
        if PROPOSAL_HEADING in guide.body:
            continue
        guide.body = guide.body.rstrip("\n") + PROPOSAL
        guide.text_changed_on = today
        guide.save(update_fields=["body", "text_changed_on", "updated_at"])
        GuideSource.objects.get_or_create(
            guide=guide,
            url=REGULATORY_PLAN,
            defaults={"title": "Forward Regulatory Plan", "display_order": 90},
        )


def remove_guides(apps, schema_editor):
    Guide = apps.get_model("draws", "Guide")
    GuideSource = apps.get_model("draws", "GuideSource")
    Guide.objects.filter(slug=APPLYING["slug"], body=APPLYING_BODY).delete()
    for guide in Guide.objects.filter(slug__in=PROGRAM_GUIDES):
        if guide.body.endswith(PROPOSAL):
            guide.body = guide.body[: -len(PROPOSAL)] + "\n"
            guide.save(update_fields=["body", "updated_at"])
        GuideSource.objects.filter(guide=guide, url=REGULATORY_PLAN).delete()


class Migration(migrations.Migration):
    dependencies = [("draws", "0015_streams_now_and_categories")]

    operations = [migrations.RunPython(add_guides, remove_guides)]
