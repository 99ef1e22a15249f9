"""IRCC's French feed (ee_rounds_123_fr.json) as tests build it: the English feed's rounds
(#389 on, as the sync tests serve them) that have a French name below, with the French feed's
ways of writing figures ("20 784") and dates ("7 août 2026 à 10:08:20 UTC").

The shipped data has no French feed file. The names are IRCC's, from a snapshot of both of its
feeds taken on 2026-10-01 (drawName of the same drawNumber). The lists of programs (drawText2)
are written here with IRCC's French names of the programs and its feed's typographic
apostrophe (U+2019), for the lists these rounds have in English; the rest is the English feed's.
"""

import copy
import json
import re

from tests.sync.feeds import FEED

FRENCH_NAMES = {
    "Canadian Experience Class": "Catégorie de l\u2019expérience canadienne",
    "Provincial Nominee Program": "Programme des candidats des provinces",
    "French-Language proficiency 2026-Version 2": (
        "Compétence linguistique en français 2026-Version 2"
    ),
    "Senior managers with Canadian Work Experience, 2026-Version 1": (
        "Cadres supérieurs/cadres supérieures ayant de l\u2019expérience de travail au Canada "
        "2026-version 1"
    ),
    "Healthcare and Social Services Occupations, 2026-Version 3": (
        "Professions de la santé et des services sociaux 2026-version 3"
    ),
    "Physicians with Canadian Work Experience, 2026-Version 1": (
        "Médecins ayant de l\u2019expérience de travail au Canada 2026-Version 1"
    ),
    "Trades Occupations, 2026-Version 3": "Métiers spécialisés 2026-Version 3",
}
FRENCH_PROGRAMS = {
    "Canadian Experience Class": "Catégorie de l\u2019expérience canadienne",
    "Provincial Nominee Program": "Programme des candidats des provinces",
    "Federal Skilled Worker Program, Canadian Experience Class and Federal Skilled Trades "
    "Program": (
        "Programme des travailleurs qualifiés (fédéral), Catégorie de l\u2019expérience "
        "canadienne et Programme des travailleurs de métiers spécialisés (fédéral)"
    ),
}
MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ENGLISH_DATE = re.compile(r"(?P<month>[A-Z][a-z]+) (?P<day>\d{1,2}), (?P<year>\d{4})( at)?")


def in_french(text):
    """'August 7, 2026 at 10:08:20 UTC' -> '7 août 2026 à 10:08:20 UTC'."""

    def french(match):
        month = MONTHS_FR[MONTHS_EN.index(match["month"])]
        return f"{match['day']} {month} {match['year']}" + (" à" if match[4] else "")

    return ENGLISH_DATE.sub(french, text)


def french_round(raw, separator=" "):
    french = copy.deepcopy(raw)
    french["drawName"] = FRENCH_NAMES[raw["drawName"]]
    french["drawText2"] = FRENCH_PROGRAMS[raw["drawText2"]]
    for key, value in raw.items():
        if key == "drawSize" or key.startswith("dd"):
            french[key] = value.replace(",", separator)
        elif key in ("drawDateFull", "drawDateTime", "drawCutOff", "drawDistributionAsOn"):
            french[key] = in_french(value)
    return french


FRENCH_ROUNDS = [french_round(raw) for raw in FEED["rounds"] if raw["drawName"] in FRENCH_NAMES]


def french_feed(changes=(), encoding="utf-8", bom=False):
    """The French feed's bytes, some rounds' fields changed ({label: {field: value}})."""
    feed = {**FEED, "rounds": copy.deepcopy(FRENCH_ROUNDS)}
    changes = dict(changes)
    for raw in feed["rounds"]:
        raw.update(changes.get(raw["drawNumber"], {}))
    body = json.dumps(feed, ensure_ascii=False).encode(encoding)
    return b"\xef\xbb\xbf" + body if bom else body
