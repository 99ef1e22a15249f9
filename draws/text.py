"""Text as people will read it: removing invisible characters that can disguise it.

Unicode's direction controls change the order in which the characters after them are shown,
without being shown themselves: after a right-to-left override (U+202E), "exe.txt" is shown
as "txt.exe". A round's name or an editor's note never needs them (the site is written in
English and French, left to right), so they can be removed from any text the site shows or
hands out.
"""

import re

# Unicode's bidirectional formatting characters (UAX #9): the embeddings and overrides, the
# isolates, and the three invisible marks.
DIRECTION_CONTROLS = frozenset(
    {
        "\u202a",  # LEFT-TO-RIGHT EMBEDDING
        "\u202b",  # RIGHT-TO-LEFT EMBEDDING
        "\u202c",  # POP DIRECTIONAL FORMATTING
        "\u202d",  # LEFT-TO-RIGHT OVERRIDE
        "\u202e",  # RIGHT-TO-LEFT OVERRIDE
        "\u2066",  # LEFT-TO-RIGHT ISOLATE
        "\u2067",  # RIGHT-TO-LEFT ISOLATE
        "\u2068",  # FIRST STRONG ISOLATE
        "\u2069",  # POP DIRECTIONAL ISOLATE
        "\u200e",  # LEFT-TO-RIGHT MARK
        "\u200f",  # RIGHT-TO-LEFT MARK
        "\u061c",  # ARABIC LETTER MARK
    }
)

# str.translate's table: each character mapped to None is deleted.
DELETE_DIRECTION_CONTROLS = dict.fromkeys(map(ord, DIRECTION_CONTROLS))


def without_direction_controls(text):
    """`text` with every direction-control character removed; all else is left as it was."""
    return text.translate(DELETE_DIRECTION_CONTROLS)


# IRCC names category versions 'Transport occupations (Version 1)' and, from 2026,
# 'Transport Occupations, 2026-Version 2'.
CATEGORY_VERSION = re.compile(r"(?:\d{4}-)?Version \d+", re.IGNORECASE)


def category_version(round_name):
    """'Version 1' or '2026-Version 2' from a round's IRCC name; '' when it names none."""
    found = CATEGORY_VERSION.search(round_name or "")
    return found.group(0) if found else ""
