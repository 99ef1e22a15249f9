"""Draw static/favicon.ico and static/apple-touch-icon.png from the shapes of favicon.svg.

Browsers and feed readers ask for /favicon.ico and /apple-touch-icon.png whatever the page
links, and neither format can be drawn from SVG by Pillow: so the same red square and white
"E" are drawn here, on favicon.svg's 32-unit grid, and the results are committed. Run it
again after changing favicon.svg: `.venv/bin/python scripts/make_icons.py`.
"""

from pathlib import Path

from PIL import Image, ImageDraw

STATIC = Path(__file__).resolve().parent.parent / "static"
RED = "#a3141f"
WHITE = "#ffffff"
# favicon.svg's path "M9 9h14v3H13v2.5h8v3h-8V20h10v3H9z", as points on its 32-unit grid.
LETTER_E = [
    (9, 9), (23, 9), (23, 12), (13, 12), (13, 14.5), (21, 14.5),
    (21, 17.5), (13, 17.5), (13, 20), (23, 20), (23, 23), (9, 23),
]  # fmt: skip
# Drawn this many times larger, then scaled down, for smooth edges.
OVERSAMPLING = 8


def icon(size, rounded):
    """The icon at `size` pixels; `rounded` keeps favicon.svg's corners (rx=6), transparent
    outside. iOS rounds an apple-touch-icon itself and shows transparency as black."""
    big = size * OVERSAMPLING
    scale = big / 32
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if rounded:
        draw.rounded_rectangle([0, 0, big - 1, big - 1], radius=6 * scale, fill=RED)
    else:
        draw.rectangle([0, 0, big - 1, big - 1], fill=RED)
    draw.polygon([(x * scale, y * scale) for x, y in LETTER_E], fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main():
    icon(48, rounded=True).save(STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    icon(180, rounded=False).convert("RGB").save(STATIC / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()
