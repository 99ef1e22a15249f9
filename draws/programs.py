"""IRCC's English list of the programs a round was open to, in IRCC's French.

IRCC's English feed gives the list as one line of text (drawText2: "Federal Skilled Worker,
Canadian Experience Class, Federal Skilled Trades and Provincial Nominee Program"), with or
without the word "Program" after each name, depending on the year. Its French feed gives the
French line too, stored in Draw.eligible_programs_fr by the import; this module makes the
French for rounds that have none from there. Only the four Express Entry programs are known:
a list naming anything else gives "", so that a French page never shows a half-English list.

The apostrophe is the straight one the rest of the site's French uses.
"""

import re

# The English names without a trailing "Program", case-folded -> IRCC's French names.
FRENCH_NAMES = {
    "federal skilled worker": "Programme des travailleurs qualifiés (fédéral)",
    "canadian experience class": "Catégorie de l'expérience canadienne",
    "federal skilled trades": "Programme des travailleurs de métiers spécialisés (fédéral)",
    "provincial nominee": "Programme des candidats des provinces",
}

# "A, B and C", "A, B, and C", "A and B": the last name follows " and ".
SEPARATORS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
PROGRAM_WORD = re.compile(r"\s+program(?:me)?$", re.IGNORECASE)


def french_name(english):
    """IRCC's French name for one English program name, or None for a name not known."""
    return FRENCH_NAMES.get(PROGRAM_WORD.sub("", english.strip()).casefold())


def join_in_french(names):
    """'A', 'A et B', 'A, B et C': French puts no comma before « et »."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} et {names[-1]}"


def in_french(english_list):
    """IRCC's English list of programs in French, or "" when it names a program not known
    here (or is empty)."""
    parts = [part for part in SEPARATORS.split(english_list.strip()) if part]
    french = [french_name(part) for part in parts]
    if not french or None in french:
        return ""
    return join_in_french(french)
