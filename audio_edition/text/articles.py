"""The article: what an editor reads out of a printed page."""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from audio_edition.text.layout import Segment, SegmentKind, dateline_at_start


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
    continued_on_page: int | None = None
    """From a （下转第N版） jump line: the article goes on on page N."""
    pages: tuple[int, ...] = field(default=())
    """The pages its text came from, in reading order (set when an edition's pages are read)."""
    line: int | None = None
    """The line of its page file where it starts (1-based), for warnings an editor can find."""


class HeadlinePosition(enum.Enum):
    """Where a page prints each headline: after its body (this paper) or before it (most others)."""

    BEFORE = "before"
    AFTER = "after"


class FurnitureKind(enum.Enum):
    """Page furniture: printed on the page, recorded, never spoken."""

    FOLIO = "folio"  # running head / page number line: 内蒙古日报 2023年12月25日 星期一 要闻 3
    EDITOR = "editor"  # 责任编辑：… / 本版编辑：…
    CAPTION = "caption"  # 图为…（记者 … 摄） / 新华社发
    JUMP = "jump"  # （下转第N版）


@dataclass(frozen=True)
class Furniture:
    kind: FurnitureKind
    text: str
    line: int | None = None


@dataclass(frozen=True)
class ReadingWarning:
    """Where the reading is uncertain: shown to the editor, an error under --strict."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}" if self.line else f"{self.source}: {self.message}"


@dataclass(frozen=True)
class Page:
    """One page file as read: its articles, furniture and what the reader was unsure of."""

    source: str
    articles: tuple[Article, ...]
    number: int | None = None
    """The page number, from the file name or the folio; None when neither tells."""
    headlines: HeadlinePosition = HeadlinePosition.AFTER
    furniture: tuple[Furniture, ...] = field(default=())
    warnings: tuple[ReadingWarning, ...] = field(default=())


@dataclass(frozen=True)
class Edition:
    """The articles of one edition, from one or more page files (jumps between pages stitched)."""

    sources: tuple[str, ...]
    articles: tuple[Article, ...]
    pages: tuple[Page, ...] = field(default=())
    warnings: tuple[ReadingWarning, ...] = field(default=())


_BYLINE_AFTER_DATELINE = re.compile(r"^\s*（([^（）]{1,30})）\s*")
_BYLINE_AT_END = re.compile(r"(?<=[。！？…”’」』])\s*（([^（）]{1,20})）\s*$")


def find_articles(segments: Sequence[Segment]) -> list[Article]:
    """Group a page's segments into articles.

    An article starts at the top of the page, at a continuation marker, at a dateline, or after
    the previous article's headline, which is printed *after* its body. A block followed by the
    next article (or letter-spaced, or wider than the column) is a headline; other blocks are
    subheads. Items printed before a section word (简讯) are that section's briefs.
    """
    builder = _ArticleBuilder()
    for index, segment in enumerate(segments):
        following = segments[index + 1] if index + 1 < len(segments) else None
        if segment.kind is SegmentKind.MARKER:
            builder.close()
            builder.continued_from_page = segment.page
        elif segment.kind is SegmentKind.SECTION:
            builder.close()
            builder.mark_section(segment.text)
        elif segment.kind is SegmentKind.BLOCK:
            if segment.display or _starts_article(following):
                builder.headline_parts.append(segment.text)
                if not (following and following.kind is SegmentKind.BLOCK):
                    builder.close()
            else:
                builder.add_subhead(segment.text)
        else:
            dateline = dateline_at_start(segment.text)
            if dateline:
                builder.close()
                builder.add_dateline(dateline.group(0), segment.text[dateline.end() :])
            else:
                builder.paragraphs.append(segment.text)
    builder.close()
    return builder.articles


def _starts_article(segment: Segment | None) -> bool:
    if segment is None:
        return True
    if segment.kind in (SegmentKind.MARKER, SegmentKind.SECTION):
        return True
    return segment.kind is SegmentKind.PARAGRAPH and dateline_at_start(segment.text) is not None


class _ArticleBuilder:
    """Collects one article's parts as the segments go by; ``close`` files it."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self._since_headline = 0  # articles filed since the last one with a headline
        self._reset()

    def _reset(self) -> None:
        self.paragraphs: list[str] = []
        self.subheads: list[str] = []
        self.headline_parts: list[str] = []
        self.dateline: str | None = None
        self.byline: str | None = None
        self.continued_from_page: int | None = None

    def add_subhead(self, text: str) -> None:
        if self.subheads and self.paragraphs and self.paragraphs[-1] == self.subheads[-1]:
            # A subhead broken across a column: two blocks in a row are one subhead.
            self.subheads[-1] += text
            self.paragraphs[-1] += text
        else:
            self.subheads.append(text)
            self.paragraphs.append(text)

    def add_dateline(self, dateline: str, rest: str) -> None:
        self.dateline = dateline.replace(" ", "")
        byline = _BYLINE_AFTER_DATELINE.match(rest)
        if byline:
            self.byline = byline.group(1).strip()
            rest = rest[byline.end() :]
        rest = rest.strip()
        if rest:
            self.paragraphs.append(rest)

    def mark_section(self, section: str) -> None:
        """Items since the last headlined article were this section's briefs."""
        for i in range(len(self.articles) - self._since_headline, len(self.articles)):
            self.articles[i] = replace(self.articles[i], section=section)
        self._since_headline = 0

    def close(self) -> None:
        if not (self.paragraphs or self.headline_parts):
            return
        if self.paragraphs and self.byline is None:
            end = _BYLINE_AT_END.search(self.paragraphs[-1])
            if end:
                self.byline = end.group(1).strip()
                self.paragraphs[-1] = self.paragraphs[-1][: end.start()].rstrip()
        headline = "".join(self.headline_parts) or None
        self.articles.append(
            Article(
                headline=headline,
                paragraphs=tuple(self.paragraphs),
                continued_from_page=self.continued_from_page,
                dateline=self.dateline,
                byline=self.byline,
                subheads=tuple(self.subheads),
            )
        )
        self._since_headline = 0 if headline else self._since_headline + 1
        self._reset()
