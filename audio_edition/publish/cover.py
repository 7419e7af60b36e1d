"""Cover art: check the configured image, or generate one from the show's title.

Apple Podcasts wants a square JPEG or PNG of 1400 to 3000 pixels a side. A generated cover sets
the title in Noto Sans CJK (Debian's ``fonts-noto-cjk``) when it is installed.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

from audio_edition.errors import ConfigError
from audio_edition.fsutil import write_bytes_atomic

MIN_SIDE = 1400
MAX_SIDE = 3000
GENERATED_SIDE = 1400  # the smallest Apple accepts: a plain generated cover needs no more
_FORMATS = {"JPEG": "jpg", "PNG": "png"}
# Debian's fonts-noto-cjk; in the .ttc the face whose name ends in " SC" is Simplified Chinese.
CJK_FONT_CANDIDATES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"),
)
_BACKGROUND = (178, 34, 34)
_INK = (255, 248, 231)


@dataclass(frozen=True)
class Cover:
    """The cover as published: ``output/<name>``."""

    name: str
    """``cover.jpg`` or ``cover.png``."""
    side: int
    generated: bool


def check_cover(path: Path) -> tuple[str, int]:
    """Check a configured cover; returns its format ("JPEG"/"PNG") and side length.

    Raises ``ConfigError`` naming ``show.cover`` when it is not a square JPEG/PNG of
    1400–3000 px, or when its pixels cannot all be decoded (a truncated file would be
    published, and embedded in every MP3, as a broken image).
    """
    try:
        with warnings.catch_warnings():
            # Pillow warns of, then refuses, a header claiming a huge size (decompression
            # bomb); both are this one line instead.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                fmt, (width, height) = image.format or "", image.size
                _check_shape(path, fmt, width, height)
                image.load()  # every pixel: the size checked above bounds the work
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ConfigError(
            f"show.cover: {path} claims a size far over {MAX_SIDE}×{MAX_SIDE} "
            f"pixels ({error}); it must be {MIN_SIDE}–{MAX_SIDE} pixels a side"
        ) from error
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError) as error:
        # SyntaxError: Pillow's plugins report broken chunks with it.
        raise ConfigError(f"show.cover: {path} is not a readable image ({error})") from error
    return fmt, width


def _check_shape(path: Path, fmt: str, width: int, height: int) -> None:
    if fmt not in _FORMATS:
        raise ConfigError(
            f"show.cover: {path} is {fmt or 'an unknown format'}; Apple Podcasts accepts JPEG or PNG"
        )
    if width != height:
        raise ConfigError(f"show.cover: {path} is {width}×{height}; it must be square")
    if not MIN_SIDE <= width <= MAX_SIDE:
        raise ConfigError(
            f"show.cover: {path} is {width}×{height}; it must be {MIN_SIDE}–{MAX_SIDE} pixels a side"
        )


def find_cjk_font() -> tuple[Path, int] | None:
    """The first installed Noto CJK font and the index of its Simplified Chinese face."""
    for path in CJK_FONT_CANDIDATES:
        if not path.is_file():
            continue
        for index in range(16):
            try:
                family = ImageFont.truetype(str(path), 10, index=index).getname()[0] or ""
            except OSError:
                break
            if family.endswith(" SC"):
                return path, index
        return path, 0
    return None


def _fit_lines(title: str, chars_per_line: int) -> list[str]:
    # CJK text has no spaces to break at: cut into equal lines of at most chars_per_line.
    if len(title) <= chars_per_line:
        return [title]
    count = -(-len(title) // chars_per_line)
    per = -(-len(title) // count)
    return [title[i : i + per] for i in range(0, len(title), per)]


def generate_cover(title: str, side: int = GENERATED_SIDE) -> bytes:
    """A square JPEG with ``title`` set large in the middle; deterministic for a given title."""
    image = Image.new("RGB", (side, side), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin = side // 10
    draw.rectangle(
        (margin // 2, margin // 2, side - margin // 2, side - margin // 2),
        outline=_INK,
        width=max(4, side // 120),
    )
    font_spec = find_cjk_font()
    lines = _fit_lines(title.strip() or "audio-edition", 6)
    size = min(
        (side - 2 * margin) // max(len(line) for line in lines), (side - 2 * margin) // (len(lines) * 1.3)
    )
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont
    if font_spec is not None:
        font = ImageFont.truetype(str(font_spec[0]), int(size), index=font_spec[1])
    else:
        # Without fonts-noto-cjk, Pillow's own font draws Latin only: the title may show
        # as boxes, but the cover is still valid art.
        font = ImageFont.load_default(int(size))
    line_height = size * 1.3
    top = (side - line_height * len(lines)) / 2
    for i, line in enumerate(lines):
        draw.text((side / 2, top + line_height * (i + 0.5)), line, font=font, fill=_INK, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, optimize=True)
    return buffer.getvalue()


def plan_cover(show_cover: Path | None, title: str) -> tuple[Cover, bytes]:
    """The cover a publish puts in the output folder, and its bytes: the configured image
    (checked: ``ConfigError`` naming ``show.cover``), or one generated from ``title``."""
    if show_cover is not None:
        fmt, side = check_cover(show_cover)
        return Cover(f"cover.{_FORMATS[fmt]}", side, generated=False), show_cover.read_bytes()
    return Cover("cover.jpg", GENERATED_SIDE, generated=True), generate_cover(title)


def other_covers(output_dir: Path, keep: str) -> list[str]:
    """The cover files in ``output_dir`` other than ``keep``: a publish removes them."""
    return [
        f"cover.{ext}"
        for ext in _FORMATS.values()
        if f"cover.{ext}" != keep and (output_dir / f"cover.{ext}").is_file()
    ]


def publish_cover(show_cover: Path | None, title: str, output_dir: Path) -> Cover:
    """Put the cover in ``output_dir``: a copy of the configured image, or a generated one.

    The file is rewritten only when its bytes change (another image, or a new title).
    """
    cover, data = plan_cover(show_cover, title)
    target = output_dir / cover.name
    if not target.exists() or target.read_bytes() != data:
        write_bytes_atomic(target, data)
    for name in other_covers(output_dir, keep=cover.name):
        (output_dir / name).unlink()
    return cover
