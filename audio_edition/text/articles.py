"""The article: what an editor reads out of a printed page."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One article (or one 简讯 brief) in reading order.

    ``paragraphs`` holds every subhead in place as its own entry; ``subheads`` repeats them.
    Headline, dateline and byline are never in ``paragraphs``.
    """

    headline: str | None
    paragraphs: tuple[str, ...]
    section: str | None = None
    continued_from_page: int | None = None
    dateline: str | None = None
    byline: str | None = None
    subheads: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Edition:
    """The articles of one edition, from one or more page files."""

    sources: tuple[str, ...]
    articles: tuple[Article, ...]
