"""Characters and drawings off a PDF page, through pypdfium2 (PDFium; Apache-2.0/BSD-3).

The only module that opens a PDF's text. Chosen over pdfminer.six and pdfplumber (both MIT) by
``benchmarks/pdf.py``: the same characters with sizes and fonts about five times faster, and the
same library renders the overlay pictures. Coordinates are turned top-down (y grows downwards,
in points from the page's top-left corner), the way an editor reads a page.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from audio_edition.errors import InputError


@dataclass(frozen=True, slots=True)
class Char:
    """One printed character: its box (the font's em box, top-down), size and weight."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    space_before: bool = False
    """The PDF puts a word space before it (PDFium tells one from the gap and the font)."""
    order: int = 0
    """Its place in the page's drawing order: one line's characters are drawn one after another."""


@dataclass(frozen=True, slots=True)
class Graphic:
    """A drawn shape: an image, a filled area, a rule (thin) or a frame (stroked, not filled)."""

    kind: str  # "image" | "fill" | "rule" | "frame"
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class RawPage:
    """One PDF page's characters and drawings, with its index in the file (0-based)."""

    index: int
    width: float
    height: float
    chars: tuple[Char, ...]
    graphics: tuple[Graphic, ...]
    has_images: bool


_BOLD_WEIGHT = 600
# What fonts' Unicode maps say for what the page prints: a non-breaking hyphen for "-" (5G‑A),
# the math ellipsis for "……".
_GLYPH_NAMES = {0x2011: "-", 0x2010: "-", 0x22EF: "…", 0xFE19: "…"}
_FONT_NAME = 256


def open_pdf(path: Path) -> pdfium.PdfDocument:
    """Open a PDF, or one clear InputError naming it (encrypted, broken, not a PDF)."""
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        reason = str(error).lower()
        if "password" in reason:
            raise InputError(
                f"{path}: the PDF is encrypted (password-protected); save an unprotected copy"
            ) from None
        raise InputError(f"{path}: not a readable PDF ({error}); re-export it or give its text") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None


def read_pages(path: Path) -> Iterator[RawPage]:
    """Each page of the PDF at ``path``, one at a time (a long edition is never held whole)."""
    document = open_pdf(path)
    try:
        if len(document) == 0:
            raise InputError(f"{path}: the PDF has no pages")
        for index in range(len(document)):
            try:
                page = document[index]
            except pdfium.PdfiumError as error:
                raise InputError(f"{path}: page {index + 1} is broken ({error})") from None
            try:
                yield _read_page(page, index)
            finally:
                page.close()
    finally:
        document.close()


def _read_page(page: pdfium.PdfPage, index: int) -> RawPage:
    width, height = page.get_size()
    textpage = page.get_textpage()
    chars: list[Char] = []
    name = ctypes.create_string_buffer(_FONT_NAME)
    flags = ctypes.c_int()
    space = False
    stroked: dict[int, bool] = {}
    try:
        doubled = _double_struck(page, textpage)
        for i in range(textpage.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(textpage, i)
            if code == 0x20 or pdfium_c.FPDFText_IsGenerated(textpage, i):
                # Word spaces (printed, or made up by PDFium from a gap): kept as a mark on the
                # next character; line ends PDFium made up are dropped, we read the geometry.
                space = code == 0x20
                continue
            if code in (0, 0xFFFE, 0xFFFF) or code < 0x20:
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            if right <= left:
                continue
            size = pdfium_c.FPDFText_GetFontSize(textpage, i)
            weight = pdfium_c.FPDFText_GetFontWeight(textpage, i)
            bold = weight >= _BOLD_WEIGHT
            if not bold:
                pdfium_c.FPDFText_GetFontInfo(textpage, i, name, _FONT_NAME, ctypes.byref(flags))
                bold = any(word in name.value for word in (b"Bold", b"Black", b"Heavy", b"Demi"))
            if not bold:
                # Fake bold (xeCJK's AutoFakeBold, Typst's stroke): the glyphs are filled and stroked.
                obj = pdfium_c.FPDFText_GetTextObject(textpage, i)
                key = ctypes.cast(obj, ctypes.c_void_p).value or 0
                if key not in stroked:
                    stroked[key] = (
                        pdfium_c.FPDFTextObj_GetTextRenderMode(obj)
                        == pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE
                    )
                # Or printed twice a hair apart (PDFium keeps one copy of the characters).
                bold = stroked[key] or key in doubled
            # Loose boxes are one em high: text scaled by its matrix (a size of 1) shows its size there.
            real = size if size > 1.5 else top - bottom
            text = _GLYPH_NAMES.get(code, chr(code))
            chars.append(
                Char(
                    text, left, height - top, right, height - bottom, round(real, 2), bold, space, len(chars)
                )
            )
            space = False
    finally:
        textpage.close()
    graphics, has_images = _graphics(page, height)
    return RawPage(index, width, height, tuple(chars), tuple(graphics), has_images)


def _double_struck(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> set[int]:
    """Text objects printed twice, the copy shifted by a hair (under a fifth of an em): a bold
    faked by double striking, as typesetters without a bold face do. PDFium keeps the first copy's
    characters only; the copy is a text object with none, its box the first's moved. The keys of
    the first copies (as ``_read_page`` keys a character's text object)."""
    kept: list[tuple[float, float, float, float, int]] = []
    copies: list[tuple[float, float, float, float, float]] = []
    size = ctypes.c_float()
    matrix = pdfium_c.FS_MATRIX()
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT,), max_depth=4):
        left, bottom, right, top = obj.get_bounds()
        if pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0) > 2:
            kept.append((left, bottom, right, top, ctypes.cast(obj.raw, ctypes.c_void_p).value or 0))
            continue
        # The em from the type size (a glyph's box can be a hair high: 一).
        em = top - bottom
        if pdfium_c.FPDFTextObj_GetFontSize(obj.raw, ctypes.byref(size)) and pdfium_c.FPDFPageObj_GetMatrix(
            obj.raw, ctypes.byref(matrix)
        ):
            em = size.value * abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        copies.append((left, bottom, right, top, em))
    by_width: dict[int, list[tuple[float, float, float, float, int]]] = {}
    for box in kept:
        by_width.setdefault(round(box[2] - box[0]), []).append(box)
    doubled: set[int] = set()
    for left, bottom, right, top, em in copies:
        near = round(right - left)
        for x0, y0, x1, y1, key in (
            *by_width.get(near - 1, ()),
            *by_width.get(near, ()),
            *by_width.get(near + 1, ()),
        ):
            shift = abs(left - x0) + abs(bottom - y0)
            if (
                0 < shift < 0.2 * em
                and abs((right - left) - (x1 - x0)) < 0.05 * em
                and abs((top - bottom) - (y1 - y0)) < 0.05 * em
            ):
                doubled.add(key)
                break
    return doubled


def _graphics(page: pdfium.PdfPage, height: float) -> tuple[list[Graphic], bool]:
    out: list[Graphic] = []
    has_images = False
    for obj in page.get_objects(max_depth=4):
        kind = obj.type
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE):
            continue
        left, bottom, right, top = obj.get_bounds()
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            has_images = True
            out.append(Graphic("image", left, height - top, right, height - bottom))
            continue
        fill_mode = ctypes.c_int()
        stroke = ctypes.c_int()
        pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill_mode), ctypes.byref(stroke))
        thin = min(right - left, top - bottom) <= 4 and max(right - left, top - bottom) >= 20
        if thin:
            out.append(Graphic("rule", left, height - top, right, height - bottom))
        elif fill_mode.value:
            out.append(Graphic("fill", left, height - top, right, height - bottom))
        elif stroke.value:
            out.append(Graphic("frame", left, height - top, right, height - bottom))
    return out + _frames_of_rules(out), has_images


def _frames_of_rules(graphics: list[Graphic]) -> list[Graphic]:
    """Boxes drawn as four rules (LaTeX's \\fbox, a table's border) as the frames they make."""
    across = [g for g in graphics if g.kind == "rule" and g.x1 - g.x0 > g.bottom - g.top]
    down = [g for g in graphics if g.kind == "rule" and g.x1 - g.x0 <= g.bottom - g.top]
    if len(across) < 2 or len(down) < 2:
        return []
    frames: list[Graphic] = []
    for top in across:
        for bottom in across:
            if bottom.top <= top.top + 10 or abs(bottom.x0 - top.x0) > 3 or abs(bottom.x1 - top.x1) > 3:
                continue
            sides = [
                g
                for g in down
                if g.top <= top.bottom + 3
                and g.bottom >= bottom.top - 3
                and min(abs(g.x0 - top.x0), abs(g.x1 - top.x1)) <= 3
            ]
            if len(sides) >= 2:
                frames.append(Graphic("frame", top.x0, top.top, top.x1, bottom.bottom))
                break
    return frames
