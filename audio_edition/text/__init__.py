"""Text stages: decode the page, repair its layout, find articles, split sentences, spoken form.

Everything here is pure: no subprocess, network, click or file writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from audio_edition.text.articles import (
    Article,
    Edition,
    Furniture,
    FurnitureKind,
    HeadlinePosition,
    Page,
    ReadingWarning,
    find_articles,
)
from audio_edition.text.decode import decode_page, read_page
from audio_edition.text.layout import repair_layout

__all__ = [
    "Article",
    "Edition",
    "Furniture",
    "FurnitureKind",
    "HeadlinePosition",
    "Page",
    "ReadingWarning",
    "clean_page",
    "decode_page",
    "parse_page",
    "read_edition",
    "read_page",
]


def parse_page(
    text: str, source: str = "<page>", *, number: int | None = None, headlines: HeadlinePosition | None = None
) -> Page:
    """One decoded page as a careful editor reads it: articles, furniture, warnings.

    ``headlines`` None means detect the page's convention; ``number`` is the page number when
    the caller knows it (from the file name), else the folio's.
    """
    # First version: the articles only. Issue 10 fills in furniture, warnings, line numbers and
    # headline-first pages.
    return Page(source=source, articles=tuple(find_articles(repair_layout(text))), number=number)


def clean_page(text: str) -> list[Article]:
    """The articles of one decoded page, as a careful editor reads them."""
    return list(parse_page(text).articles)


def read_edition(paths: Sequence[Path], encoding: str | None = None) -> Edition:
    """Read and clean one edition made of one or more page files, in the order given."""
    articles: list[Article] = []
    for path in paths:
        articles.extend(clean_page(read_page(path, encoding)))
    return Edition(sources=tuple(str(p) for p in paths), articles=tuple(articles))
