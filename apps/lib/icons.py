"""Every icon of the site, drawn from one source: static/img/icon.svg.

`make icons` writes static/root/favicon.ico (16, 32 and 48 pixels), served at /favicon.ico
(WHITENOISE_ROOT). Run it after changing the SVG, and commit what it writes.
"""

import io
from pathlib import Path

import cairosvg
from PIL import Image

STATIC = Path(__file__).resolve().parents[2] / "static"
SOURCE = STATIC / "img" / "icon.svg"
FAVICON = STATIC / "root" / "favicon.ico"
FAVICON_SIZES = (16, 32, 48)


def render(size: int) -> Image.Image:
    png = cairosvg.svg2png(url=str(SOURCE), output_width=size, output_height=size)
    return Image.open(io.BytesIO(png)).convert("RGBA")


def build() -> None:
    largest = render(max(FAVICON_SIZES))
    largest.save(FAVICON, format="ICO", sizes=[(size, size) for size in FAVICON_SIZES])


if __name__ == "__main__":
    build()
