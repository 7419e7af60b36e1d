"""The three extractors a newsroom reaches for, each giving one text per PDF page.

pdftotext (poppler-utils, plain mode), pdfminer.six (``extract_text``, default layout analysis) and
PyMuPDF (``page.get_text()``; AGPL, so a test-only tool here, never imported by the product).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

EXTRACTORS = ("pdftotext", "pdfminer", "pymupdf")
# Two more a developer may reach for, tried on the fly (not kept in the committed corpus): PDFium's
# text (pypdfium2, the library the PDF route stands on) and pdfplumber's ``extract_text``.
# and pdftotext in layout mode (``-layout``: the columns side by side at fixed positions); and
# pypdf's ``extract_text`` (pure Python, what many newsroom scripts call), plain and in its layout
# mode (``extraction_mode="layout"``: the page's rows at fixed character positions).
OTHER_EXTRACTORS = ("pypdfium2", "pdfplumber", "pdftotext-layout", "pypdf", "pypdf-layout")


def pdftotext_pages(pdf: Path) -> list[str]:
    """poppler's pdftotext in its default (plain, reading-order) mode; pages split at form feeds."""
    if shutil.which("pdftotext") is None:
        raise RuntimeError("pdftotext not found: apt-get install poppler-utils")
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True
    ).stdout
    return _pages(out.decode("utf-8"))


def pdftotext_layout_pages(pdf: Path) -> list[str]:
    """pdftotext ``-layout``: each printed line of every column on one line, as the page looks."""
    if shutil.which("pdftotext") is None:
        raise RuntimeError("pdftotext not found: apt-get install poppler-utils")
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True
    ).stdout
    return _pages(out.decode("utf-8"))


def pdfminer_pages(pdf: Path) -> list[str]:
    from pdfminer.high_level import extract_text

    return _pages(extract_text(str(pdf)))


def pymupdf_pages(pdf: Path) -> list[str]:
    import pymupdf

    with pymupdf.open(str(pdf)) as document:
        return [page.get_text() for page in document]


def pypdfium2_pages(pdf: Path) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return [
            document[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(document))
        ]
    finally:
        document.close()


def pdfplumber_pages(pdf: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(pdf)) as document:
        return [page.extract_text() or "" for page in document.pages]


def pypdf_pages(pdf: Path) -> list[str]:
    """pypdf's ``page.extract_text()`` in its default (plain) mode."""
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(pdf).pages]


def pypdf_layout_pages(pdf: Path) -> list[str]:
    """pypdf's ``page.extract_text(extraction_mode="layout")``: the page's rows as it looks."""
    from pypdf import PdfReader

    return [page.extract_text(extraction_mode="layout") for page in PdfReader(pdf).pages]


def _pages(text: str) -> list[str]:
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # the form feed after the last page
    return pages


def extract(pdf: Path, extractor: str) -> list[str]:
    """One text per page of ``pdf`` as ``extractor`` (of EXTRACTORS or OTHER_EXTRACTORS) prints it."""
    table: dict[str, Callable[[Path], list[str]]] = {
        "pdftotext": pdftotext_pages,
        "pdfminer": pdfminer_pages,
        "pymupdf": pymupdf_pages,
        "pypdfium2": pypdfium2_pages,
        "pdfplumber": pdfplumber_pages,
        "pdftotext-layout": pdftotext_layout_pages,
        "pypdf": pypdf_pages,
        "pypdf-layout": pypdf_layout_pages,
    }
    return table[extractor](pdf)
