"""Correct the guides' claims that IRCC's rules and feed contradict (issue 16).

Each correction swaps one exact passage of the text 0004 seeded for a new one, so whatever
else an editor changed in a guide is kept. A guide in which any of its old passages is no
longer there word for word (an editor has reworded it) is left alone as a whole: half a
correction could leave the page contradicting itself, and an editor's wording is theirs to
review. `reviewed_on` is not touched: "last reviewed" says an editor checked every claim
against IRCC's pages that day, which a migration cannot do.

The facts, checked on IRCC's pages: a provincial nomination and category-based rounds are
how most candidates are invited now (IRCC's feed has had no general round since #294 of
23 April 2024, no FST-only round since 6 August 2020, one FSW-only round ever); FSW duties
(Regulations s. 75(2)); the Canadian study points (Ministerial Instructions, in force since
19 November 2016); expired test results (Ministerial Instructions 2017-1, s. 3(4) and 4(1));
the occupation categories' one-year rule (18 February 2026).
"""

from django.db import migrations
from django.db.models import F
from django.utils import timezone

# Invitations now: the same three ways for each program, no figure that goes stale. Each
# program's guide shows its latest round in the box at the top, from the data.
HOW_INVITATIONS_GO = (
    "category-based rounds, such as those for French-language proficiency or for a group of "
    "occupations; a provincial nomination, which adds 600 points and brings an invitation in "
    "a round for provincial nominees; and, when IRCC holds them, general rounds open to every "
    "program."
)

# What a lapsed test result costs, said once for the three program guides.
EXPIRED_RESULTS = (
    "If they expire while your profile is in the pool, IRCC removes the profile from the pool. "
    "A new profile gets a new submission time, so a later place in any tie-break: take a new "
    "test and add its results before the old ones expire."
)

# Where a passage only gains a sentence, it is matched with the end of its line, so that no old
# passage is found again inside its own correction.
CORRECTIONS = {
    "cec": [
        (
            "IRCC holds general rounds, rounds for a single program (CEC-only rounds are common) "
            "and category-based rounds.",
            "IRCC invites CEC candidates in rounds for the CEC alone and through "
            + HOW_INVITATIONS_GO,
        ),
        (
            "They must still be valid on the day you submit your application for permanent "
            "residence, not just when you create your profile.\n",
            "They must still be valid on the day you submit your application for permanent "
            "residence, not just when you create your profile. " + EXPIRED_RESULTS + "\n",
        ),
    ],
    "fsw": [
        (
            "Your duties need to match that occupation's NOC description, including its lead "
            "statement and most of its main duties.",
            "Your duties need to match that occupation's NOC description: you must have done "
            "what its lead statement describes, all of its essential duties and most of its "
            "main duties.",
        ),
        (
            "IRCC runs general, program-specific and category-based rounds.",
            "IRCC rarely holds a round for FSW candidates alone. They are invited through "
            + HOW_INVITATIONS_GO,
        ),
        (
            "If either one expires while your profile is in the pool, you no longer meet the "
            "requirements. Retake the test or renew the assessment in time, and update your "
            "profile.",
            "If either one expires while your profile is in the pool, you no longer meet the "
            "requirements and IRCC removes your profile from the pool. A new profile gets a new "
            "submission time, so a later place in any tie-break. Retake the test or renew the "
            "assessment before the old one expires, and add the new one to your profile: "
            "updating a profile keeps its submission time.",
        ),
    ],
    "fst": [
        (
            "Results are valid for two years and must still be valid when you submit your "
            "permanent residence application.\n",
            "Results are valid for two years and must still be valid when you submit your "
            "permanent residence application. " + EXPIRED_RESULTS + "\n",
        ),
        (
            "IRCC holds general rounds, program-specific rounds (including FST-only rounds from "
            "time to time) and category-based rounds. One category targets trade occupations.",
            "Rounds for FST candidates alone were held in earlier years and have become rare; "
            "the box at the top of this page shows the latest. FST candidates are invited "
            "through " + HOW_INVITATIONS_GO + " One category targets trade occupations.",
        ),
    ],
    "crs": [
        (
            "| Post-secondary education completed in Canada | 15 for a one- or two-year "
            "credential, 30 for three years or more |",
            "| Post-secondary education completed in Canada | 15 for a one- or two-year "
            "credential; 30 for a credential of three years or more, a master's degree, an "
            "entry-to-practice professional degree or a doctorate |",
        ),
        (
            "Since early 2026, the occupation categories",
            "Since February 18, 2026, the occupation categories",
        ),
        (
            "Withdrawing your profile and creating a new one does.\n",
            "Withdrawing your profile and creating a new one does. So does losing it: when your "
            "language test results are two years old, IRCC removes your profile from the pool, "
            "and the new profile you create gets a new submission time, so a later place in any "
            "tie-break. Add new results before the old ones expire.\n",
        ),
    ],
}


def corrected(body, replacements):
    """`body` with each old passage replaced by its new one, or None when any old passage is
    not there exactly once (an editor has changed it, or this correction was already made)."""
    for old, new in replacements:
        if body.count(old) != 1:
            return None
        body = body.replace(old, new)
    return body


def apply(apps, replacements_of):
    Guide = apps.get_model("draws", "Guide")
    changed = False
    for slug, replacements in CORRECTIONS.items():
        guide = Guide.objects.filter(slug=slug).first()
        body = corrected(guide.body, replacements_of(replacements)) if guide else None
        if body is None:
            continue
        guide.body = body
        # updated_at moves so that an editor who had the guide open is told, on saving, that
        # it changed under them, rather than putting the old sentences back unawares.
        guide.save(update_fields=["body", "updated_at"])
        changed = True
    if changed:
        retire_cached_pages(apps)


def retire_cached_pages(apps):
    # Historical models send no signal the page cache listens to: move the content version
    # here, as a save in the admin would, or cached pages would keep the old sentences.
    ContentVersion = apps.get_model("pagecache", "ContentVersion")
    now = timezone.now()
    if not ContentVersion.objects.filter(pk=1).update(number=F("number") + 1, changed_at=now):
        ContentVersion.objects.create(pk=1, number=1, changed_at=now)


def correct_guides(apps, schema_editor):
    apply(apps, lambda replacements: replacements)


def restore_old_sentences(apps, schema_editor):
    apply(apps, lambda replacements: [(new, old) for old, new in reversed(replacements)])


class Migration(migrations.Migration):
    dependencies = [
        ("draws", "0011_draw_ircc_figures"),
        ("pagecache", "0001_initial"),
    ]

    operations = [migrations.RunPython(correct_guides, restore_old_sentences)]
