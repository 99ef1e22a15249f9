"""Dates in the page's language, with the one rule Django's French format cannot write.

French writes the first day of a month as an ordinal: "1er janvier 2026", never
"1 janvier 2026"; every other day stays a cardinal ("21 janvier 2026"). A format string has
no way to say that, so for French and day 1 the day written as `j` just before a month name
(`F`, `M`, `E` or `N`, e.g. "j F Y", "j F", the tie-break's "j F Y \\à H \\h i…") becomes
"1er". A `j` not followed by a month name (a numeric "j/n/Y") and the zero-padded day `d`
are left as Django writes them.

Every date the site prints in Python goes through `date_format` here (ruff's TID251 bans
Django's own), and templates' `date` filter too (eeportal/i18n/templatetags/dates.py).
"""

import re

from django.utils import formats
from django.utils.translation import get_language

# An unescaped `j` followed, after any spaces (a non-breaking one included), by a month name.
# Django reads a backslash as escaping the next character, so `\j` is a literal "j".
DAY_BEFORE_MONTH_NAME = re.compile(r"(?<!\\)j(?=\s*[EFMN])")
# "1er", with "e" and "r" escaped: both are format characters (time zone, RFC 5322 date).
FIRST_OF_MONTH = r"1\e\r"


def date_format(value, format=None, use_l10n=None):
    """Django's `django.utils.formats.date_format`, writing "1er" for the first of a month in
    French. `format` is a format name ("DATE_FORMAT") or a format string, as in Django."""
    format_string = formats.get_format(format or "DATE_FORMAT", use_l10n=use_l10n)
    # Month names are in the active language whether or not use_l10n picks the format.
    if get_language() == "fr" and getattr(value, "day", None) == 1:
        # A function, not the string: re.sub would read the backslashes as its own escapes.
        format_string = DAY_BEFORE_MONTH_NAME.sub(lambda _match: FIRST_OF_MONTH, format_string)
    return formats.date_format(value, format_string, use_l10n=use_l10n)
