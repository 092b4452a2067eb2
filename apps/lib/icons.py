"""Every icon of the site, drawn from one source: static/img/icon.svg.

`make icons` writes static/root/favicon.ico (16, 32 and 48 pixels), served at /favicon.ico
(WHITENOISE_ROOT), and the web app manifest's PNGs in static/img/icons/: 192 and 512 pixels,
a 512-pixel maskable one (the mark inside the middle 60%, on the brand colour to the edges,
so that any mask a phone applies keeps it whole) and a 180-pixel Apple touch icon. Run it after
changing the SVG, and commit what it writes.
"""

import io
import re
from pathlib import Path

import cairosvg
from PIL import Image

STATIC = Path(__file__).resolve().parents[2] / "static"
SOURCE = STATIC / "img" / "icon.svg"
FAVICON = STATIC / "root" / "favicon.ico"
ICONS = STATIC / "img" / "icons"
FAVICON_SIZES = (16, 32, 48)
BRAND = "#2f6f62"


def render(svg: str, size: int) -> Image.Image:
    png = cairosvg.svg2png(bytestring=svg.encode(), output_width=size, output_height=size)
    return Image.open(io.BytesIO(png)).convert("RGBA")


def maskable(svg: str) -> str:
    """The mark scaled into the safe zone of a full-bleed square of the brand colour."""
    inner = re.search(r"<svg[^>]*>(.*)</svg>", svg, re.DOTALL).group(1)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        f'<rect width="32" height="32" fill="{BRAND}"/>'
        f'<g transform="translate(6.4 6.4) scale(0.6)">{inner}</g></svg>'
    )


def build() -> None:
    svg = SOURCE.read_text()
    largest = render(svg, max(FAVICON_SIZES))
    largest.save(FAVICON, format="ICO", sizes=[(size, size) for size in FAVICON_SIZES])
    ICONS.mkdir(exist_ok=True)
    for name, source, size in (
        ("icon-192.png", svg, 192),
        ("icon-512.png", svg, 512),
        ("icon-maskable-512.png", maskable(svg), 512),
        ("apple-touch-icon.png", maskable(svg), 180),
    ):
        render(source, size).save(ICONS / name, format="PNG", optimize=True)


if __name__ == "__main__":
    build()
