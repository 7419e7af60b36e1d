"""Pictures of what was read: each PDF page rendered with its recovered blocks drawn on it.

One colour per role (headline, kicker, subtitle, byline, body, subhead, section, furniture), the
article's number on each of its blocks and the reading order as numbered arrows from column to
column, so a wrong reading is seen at a glance.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from audio_edition.text.pdf.lines import Line
from audio_edition.text.pdf.reading import PdfPageReading
from audio_edition.text.pdf.regions import Role

COLOURS: dict[Role, tuple[int, int, int]] = {
    Role.HEADLINE: (220, 30, 30),
    Role.KICKER: (240, 140, 0),
    Role.SUBTITLE: (200, 0, 200),
    Role.BYLINE: (0, 150, 150),
    Role.BODY: (30, 90, 230),
    Role.SUBHEAD: (0, 160, 0),
    Role.SECTION: (120, 60, 0),
    Role.FURNITURE: (130, 130, 130),
}
SCALE = 2.0  # pixels per point: small type stays legible


def overlay_images(path: Path, readings: Sequence[PdfPageReading]) -> Iterator[tuple[int, Image.Image]]:
    """Each page read from the PDF at ``path`` (its 1-based number in the file, its picture)."""
    document = pdfium.PdfDocument(str(path))
    try:
        for reading in readings:
            page = document[reading.raw.index]
            try:
                image = page.render(scale=SCALE).to_pil().convert("RGB")
            finally:
                page.close()
            _draw(image, reading)
            yield reading.raw.index + 1, image
    finally:
        document.close()


def _box(line: Line) -> tuple[float, float, float, float]:
    return (line.x0 * SCALE, line.top * SCALE, line.x1 * SCALE, line.bottom * SCALE)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _draw(image: Image.Image, reading: PdfPageReading) -> None:
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    label = _font(22)
    small = _font(16)
    for _, lines in reading.layout.furniture:
        for line in lines:
            draw.rectangle(
                _box(line),
                outline=COLOURS[Role.FURNITURE] + (255,),
                fill=COLOURS[Role.FURNITURE] + (50,),
                width=2,
            )
    step = 0
    previous: tuple[float, float] | None = None
    for number, story in enumerate(reading.layout.stories, start=1):
        tiers = (
            (Role.KICKER, story.kicker),
            (Role.HEADLINE, story.headline),
            (Role.SUBTITLE, story.subtitle),
            (Role.BYLINE, story.byline),
        )
        for role, lines in tiers:
            for line in lines:
                draw.rectangle(
                    _box(line), outline=COLOURS[role] + (255,), fill=COLOURS[role] + (60,), width=3
                )
        for column in story.columns:
            if not column:
                continue
            for line in column:
                role = Role.SECTION if story.section else Role.SUBHEAD if line.bold else Role.BODY
                draw.rectangle(_box(line), fill=COLOURS[role] + (45,))
            x0 = min(line.x0 for line in column) * SCALE
            x1 = max(line.x1 for line in column) * SCALE
            top = column[0].top * SCALE
            bottom = column[-1].bottom * SCALE
            draw.rectangle(
                (x0 - 2, top - 2, x1 + 2, bottom + 2), outline=COLOURS[Role.BODY] + (255,), width=2
            )
            step += 1
            start = (x0 + 12, top + 12)
            if previous is not None:
                draw.line((previous, start), fill=(255, 0, 0, 160), width=3)
            previous = ((x0 + x1) / 2, bottom - 8)
            draw.text(
                start,
                f"{number}.{step}",
                fill=(200, 0, 0, 255),
                font=small,
                stroke_width=2,
                stroke_fill=(255, 255, 255, 255),
            )
        anchor = story.headline or story.kicker or [line for column in story.columns for line in column][:1]
        if anchor:
            x, y = anchor[0].x0 * SCALE, anchor[0].top * SCALE
            draw.rectangle((x - 30, y - 4, x - 2, y + 24), fill=(0, 0, 0, 220))
            draw.text((x - 27, y - 2), str(number), fill=(255, 255, 255, 255), font=label)
    image.paste(Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB"))
