"""Reading a page file: detect its encoding and line endings, refuse what is not Chinese text."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from audio_edition.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# GB18030 is a superset of GBK and GB2312, so one attempt covers all three.
_FALLBACKS = ("utf-8", "gb18030")
IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""One Chinese character (CJK unified ideographs, extension A, compatibility ideographs)."""
# Markup is refused, not read: a saved web page is a layout of its own (menus, scripts, links),
# nothing like a printed page's column lines, and read as text its tags would be spoken.
_MARKUP_START = re.compile(r"^\s*(<!doctype\b|<html\b|<\?xml\b|<svg\b|<rss\b|\{\\rtf)", re.IGNORECASE)
_TAG = re.compile(
    r"</?(html|head|body|div|p|span|br|hr|table|tr|td|th|ul|ol|li|a|img|script|style|meta|"
    r"link|h[1-6]|section|article|header|footer|nav|font|b|i|strong|em)\b[^<>]{0,400}/?>",
    re.IGNORECASE,
)
_MARKUP_TAGS = 3
"""Tags of HTML's own elements from which a file is markup (a page may quote one in passing)."""
# Control characters other than tab/newline/CR/form feed mean a binary file.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_page(data: bytes, *, source: str, encoding: str | None = None) -> str:
    """Decode a page's bytes to text with ``\\n`` line ends.

    Detects UTF-8 (with or without BOM), UTF-16/32 with BOM and GB18030/GBK; ``encoding``
    overrides detection. Raises ``InputError`` (naming ``source``) for empty, binary, markup
    (HTML, XML, RTF: refused, not read) or non-Chinese input.
    """
    if not data.strip():
        raise InputError(f"{source}: the file is empty")
    text = _decode(data, source, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if _BINARY.search(text):
        raise InputError(f"{source}: looks like a binary file, not page text")
    if _MARKUP_START.match(text) or len(_TAG.findall(text, 0, 200_000)) >= _MARKUP_TAGS:
        raise InputError(
            f"{source}: is HTML or other markup, not page text; give the page's PDF, "
            f"or its text as an extractor prints it (e.g. pdftotext)"
        )
    if not IDEOGRAPH.search(text):
        raise InputError(f"{source}: no Chinese text found; is this a page of the paper?")
    return text


def read_page(path: Path, encoding: str | None = None) -> str:
    """Read and decode one page file (see ``decode_page``)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a page file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None
    return decode_page(data, source=str(path), encoding=encoding)


def _decode(data: bytes, source: str, encoding: str | None) -> str:
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"{source}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise InputError(
                f"{source}: not valid {encoding} at byte {error.start}; leave out --encoding to detect it"
            ) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{source}: starts with a {codec} BOM but is not valid {codec}") from None
    if b"\x00" in data:
        raise InputError(f"{source}: looks like a binary file, not page text")
    for codec in _FALLBACKS:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{source}: neither UTF-8 nor GB18030; try --encoding=NAME")


def utf8_lines(lines: Iterable[bytes]) -> Iterator[str]:
    """Each line of a UTF-8 stream (as read from a binary stdin) without its line end, a BOM before
    the first dropped; a line that is not UTF-8 is one ``InputError`` naming it. Commands that answer
    line for line (``normalize``, ``pinyin``) read through this, so scripts can pair lines by number."""
    for number, raw in enumerate(lines, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(
                f"line {number} is not UTF-8; convert it first, e.g. iconv -f gb18030 -t utf-8"
            ) from None
        if number == 1:
            line = line.removeprefix("\ufeff")
        yield line.removesuffix("\n").removesuffix("\r")
