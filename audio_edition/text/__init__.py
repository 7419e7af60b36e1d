"""Text stages: decode the page, repair its layout, find articles, split sentences, spoken form.

Everything here is pure: no subprocess, network, click or file writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from audio_edition.text.articles import Article, Edition, find_articles
from audio_edition.text.decode import decode_page, read_page
from audio_edition.text.layout import repair_layout

__all__ = ["Article", "Edition", "clean_page", "decode_page", "read_edition", "read_page"]


def clean_page(text: str) -> list[Article]:
    """The articles of one decoded page, as a careful editor reads them."""
    return find_articles(repair_layout(text))


def read_edition(paths: Sequence[Path], encoding: str | None = None) -> Edition:
    """Read and clean one edition made of one or more page files, in the order given."""
    articles: list[Article] = []
    for path in paths:
        articles.extend(clean_page(read_page(path, encoding)))
    return Edition(sources=tuple(str(p) for p in paths), articles=tuple(articles))
