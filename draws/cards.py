"""Card images for link previews (1200x630 PNG), drawn with Pillow from plain values.

The font is Aileron, which Pillow ships inside its own package (ImageFont.load_default),
so the cards look the same on every machine with nothing else installed.
"""

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
BACKGROUND = "#ffffff"
INK = "#1b1f24"
MUTED = "#555d66"
ACCENT = "#a3141f"
PANEL = "#f3f5f7"
MARGIN = 72


@cache
def font(size):
    return ImageFont.load_default(size=size)


def _fit(draw, text, size, max_width):
    """The largest size up to `size` at which `text` fits in `max_width` pixels."""
    while size > 18 and draw.textlength(text, font=font(size)) > max_width:
        size -= 2
    return font(size)


def render(*, eyebrow, title, figures, footer):
    """A card: a small line above, a title, up to three big (label, value) figures, a footer."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 18, HEIGHT], fill=ACCENT)
    draw.rectangle([0, HEIGHT - 96, WIDTH, HEIGHT], fill=PANEL)

    draw.text((MARGIN, 58), eyebrow, font=_fit(draw, eyebrow, 34, WIDTH - 2 * MARGIN), fill=MUTED)
    draw.text((MARGIN, 108), title, font=_fit(draw, title, 64, WIDTH - 2 * MARGIN), fill=INK)

    column = (WIDTH - 2 * MARGIN) // max(len(figures), 1)
    for index, (label, value) in enumerate(figures):
        left = MARGIN + index * column
        draw.text((left, 236), label, font=font(32), fill=MUTED)
        draw.text((left, 280), value, font=_fit(draw, value, 120, column - 24), fill=INK)

    draw.text(
        (MARGIN, HEIGHT - 66), footer, font=_fit(draw, footer, 30, WIDTH - 2 * MARGIN), fill=MUTED
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
