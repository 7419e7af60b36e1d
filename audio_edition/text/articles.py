"""The article: what an editor reads out of a printed page.

Two conventions for where a headline stands. This paper prints each headline *after* its body
(AFTER): an article runs from a marker or dateline to its headline, and the section word (简讯)
follows its briefs. Most other papers' extractions print it *before* (BEFORE): a kicker (引题), the
headline and a subtitle (副题) stand above the dateline, and a section word heads its briefs. A page's
convention is read off where its standalone blocks fall: a page that opens with a block (or a
section word) and closes on body text is headline-first; one that opens on body text and closes
with a block is headline-after. Either may open on the rest of a story from another page, but this
paper never closes one on body text: laid out as its pages are, body text at both ends (the first
undated) with heads between is headline-first. Any other tie is read as this paper's, with a
warning (an extractor's page headline-first, but one opening on a dateline with no heads above it
headline-after: a typesetter drew the heads after the bodies; one opening on text with no dateline
opens on a paragraph's rest, and is read by what follows it).

Briefs are one paragraph each: in a 简讯 block a brief ends at its paragraph's end, whether it
opens with a dateline, closes with a byline, or both; on an extractor's page a head block after
them ends the box (briefs have no subheads), whatever is printed under it. On an extractor's
headline-first page a byline closing a paragraph (。（刘洋）) ends its story or brief, and a
paragraph closing on one under a story's own byline (本报记者 王明) is a brief: a box whose word
the extractor printed elsewhere.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from audio_edition.text.layout import Furniture as Furniture  # re-exported: part of the reading's interface
from audio_edition.text.layout import FurnitureKind as FurnitureKind
from audio_edition.text.layout import (
    Segment,
    SegmentKind,
    dateline_at_start,
    dateline_in_any_form,
    visual_width,
)


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
    kicker: str | None = None
    """引题: the line printed above a headline-first page's headline (never spoken)."""
    subtitle: str | None = None
    """副题: the line printed below a headline-first page's headline (never spoken)."""


class HeadlinePosition(enum.Enum):
    """Where a page prints each headline: after its body (this paper) or before it (most others)."""

    BEFORE = "before"
    AFTER = "after"


@dataclass(frozen=True)
class ReadingWarning:
    """Where the reading is uncertain: shown to the editor, an error under --strict."""

    source: str
    line: int | None
    message: str
    whole_page: bool = field(default=False, repr=False)
    """The doubt holds for every article on the page (the message says so), not only at ``line``."""

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
LONG_PARAGRAPH = 1500  # characters: longer is likely two paragraphs or a column read as one
_BARE_NAME = re.compile(r"[\u4e00-\u9fff·]{2,5}")  # a brief's byline: 刘洋, not 记者 刘洋
LONG_BRIEF = 150  # characters: a 简讯 brief is a paragraph shorter than this
LONG_HEADLINE = 60  # characters: longer is likely a headline joined to body text
_KICKER_SHORTER = 0.7  # a kicker is under this share of its headline's length
_HEADLINE_LENGTH = 10  # characters: a head line as long is a headline more often than a kicker
_HALF = 0.5


def headline_over_subtitle(upper: str, lower: str) -> bool:
    """Whether two head lines with no dash are a headline over its subtitle (副题), not a
    kicker (引题) over its headline. A kicker is a short label or phrase over the headline
    (新春走基层, 记者蹲点); a line about as long as the one under it is the headline, the
    line under it its subtitle. Only type size would tell for sure: the reading is doubted."""
    return visual_width(upper) >= _KICKER_SHORTER * visual_width(lower)


def headline_over_long_subtitle(upper: str, lower: str) -> bool:
    """Whether two head lines with no dash, a story's whole heads on an extractor's page, are a
    headline over its subtitle: as ``headline_over_subtitle``, or the upper as long as a headline
    (a kicker is mostly a short label or phrase: 记者蹲点, 学习贯彻全会精神) and at least half
    the lower (a subtitle with no dash, longer than its headline). Doubted either way."""
    width = visual_width(upper)
    return headline_over_subtitle(upper, lower) or (
        width >= _HEADLINE_LENGTH and width >= _HALF * visual_width(lower)
    )


def kicker_near_headline_length(upper: str, lower: str, shortest: float | None = None) -> bool:
    """Whether two head lines with no dash, read as kicker over headline (the upper shorter than
    ``headline_over_long_subtitle`` asks), have an upper line within a character of a headline's
    length: a short headline over a longer subtitle with no dash reads so too, and only the type
    size tells them apart. A headline's length is the page's own where it shows one: ``shortest``,
    the shortest headline its other heads tell for sure (``PageHeadlines.shortest``), so the rule
    holds for a paper of short headlines as for one of long; a usual length where it is None (the
    page shows fewer than two: one head shows no paper's habit, as ``_kickers_by_the_page`` holds
    too)."""
    length = float(_HEADLINE_LENGTH) if shortest is None else shortest
    return not headline_over_long_subtitle(upper, lower) and visual_width(upper) >= length - 1


def _headline_for_sure(article: Article) -> bool:
    """Whether an article's heads tell its headline for sure, whatever its length: the middle of
    three tiers, one over a subtitle opening on a dash, and a head of one line over a story
    opening on its dateline. How long this paper sets a headline, for weighing two tiers with no
    dash (``PageHeadlines``)."""
    return bool(
        (article.kicker and article.subtitle)
        or (not article.kicker and article.subtitle and article.subtitle.startswith("—"))
        or (not article.kicker and not article.subtitle and article.dateline)
    )


@dataclass(frozen=True)
class PageHeadlines:
    """How long a page's heads show this paper sets a headline, measured once per page: the widths
    of the headlines its heads tell for sure (``_headline_for_sure``), shortest first, each with its
    article, so that a story's heads are weighed against the others' (``shortest``)."""

    widths: tuple[tuple[float, Article], ...]

    @classmethod
    def of(cls, articles: Sequence[Article]) -> PageHeadlines:
        """The sure headlines of a page's ``articles``."""
        widths = [(visual_width(a.headline), a) for a in articles if a.headline and _headline_for_sure(a)]
        return cls(tuple(sorted(widths, key=lambda w: w[0])))

    def shortest(self, *leaving_out: Article) -> float | None:
        """The width of the shortest sure headline of the page's articles but ``leaving_out``
        (a story's own heads, weighed against the others'); None where fewer than two remain:
        one head shows no paper's habit."""
        found: list[float] = []
        for width, article in self.widths:
            if all(article is not other for other in leaving_out):
                found.append(width)
                if len(found) == 2:
                    return found[0]
        return None


def as_long_as_a_headline(line: str) -> bool:
    """Whether a head line is as long as a headline runs (within a character of
    ``_HEADLINE_LENGTH``), so that it may be one on its own, whatever stands above it."""
    return visual_width(line) >= _HEADLINE_LENGTH - 1


# The doubts of an extractor's two head lines with no dash, raised by ``extraction``, ``head_tiers``
# and ``extraction_doubts`` and named here, the layer under them, for ``read_articles`` voids them
# where the page tells the tiers after all (a series' kicker, the page's headlines' lengths).
HEADLINE_OVER_SUBTITLE_DOUBT = (
    "two head lines read as headline and subtitle (副题): if the first is a kicker (引题), correct it "
    "(read the PDF for this page)"
)
KICKER_OVER_HEADLINE_DOUBT = (
    "two head lines read as kicker (引题) and headline: if the first is the headline and the second "
    "its subtitle (副题), correct it (read the PDF for this page)"
)
KICKER_JOINED_DOUBT = (
    "two head lines read as one headline wrapped over two lines: if the first is a kicker (引题) over "
    "the headline, correct it (read the PDF for this page)"
)
_KICKER_DOUBTS = (HEADLINE_OVER_SUBTITLE_DOUBT, KICKER_OVER_HEADLINE_DOUBT, KICKER_JOINED_DOUBT)


# A column's or series' label and its mark (专家解读：…, 科技前沿·…): four characters or more
# before a colon, so not a speaker's name before a quote (a headline's shape: 王毅：…); a middle
# dot after two or three (聚焦·…, 关注·…), which no speaker's name takes.
_LABEL = re.compile(r"^(?:[\u4e00-\u9fff]{4,8}[：·・•]|[\u4e00-\u9fff]{2,3}[·・•])\S")


def labelled_kicker(upper: str, lower: str) -> bool:
    """Whether two head lines with no dash, which ``headline_over_long_subtitle`` would read as a
    headline over its subtitle, are a kicker (引题) over its headline by the upper's shape: a
    label with its colon or middle dot (专家解读：稳增长政策如何发力, 科技前沿·深观察), as a
    kicker names the series or column its story belongs to. A headline may open so too (国家统计
    局：…), so the reading stays doubted."""
    return (
        bool(_LABEL.match(upper) or _LABEL_OVER_PHRASES.match(upper))
        and not lower.startswith("—")
        and headline_over_long_subtitle(upper, lower)
    )


# A label of any length with its colon over parallel phrases set apart by a space (区域经济观察：
# 稳中有进 后劲十足): the phrases say kicker as the label does; a headline after a colon is one
# clause (央行：保持流动性合理充裕).
_LABEL_OVER_PHRASES = re.compile(
    r"^[\u4e00-\u9fff]{2,12}[：:][\u4e00-\u9fff“”]{2,}(?:[ \u3000][\u4e00-\u9fff“”]{2,})+$"
)


# A wrapped line's rest under a line opening on a label, or under phrases set apart by a space, is
# a few characters (改革攻坚：审批时限压缩 / 一半): under this share of the line above. A headline
# under such a kicker is a phrase.
_LABELLED_REST = 0.4
# Two phrases or more set apart by a space (a kicker's parallel phrases: 深化改革 扩大开放), none
# a letter-spaced character alone.
_PHRASES = re.compile(r"^[\u4e00-\u9fff“”、]{2,}(?:[ \u3000][\u4e00-\u9fff“”、]{2,})+$")


def labelled_over_a_line(upper: str, lower: str) -> bool:
    """Whether a head line opening on a label with its colon or middle dot (一线调研：…,
    聚焦·…) stands over a line of its own, not over its wrapped rest: the lower is a phrase, not
    a few characters (under ``_LABELLED_REST`` of the upper's width). A kicker names its story's
    series and is often longer than the headline under it, which a wrapped headline's rest is
    too; the label says kicker. A headline may open on a label too (国家统计局：…), so the
    reading stays doubted (``labelled_kicker``)."""
    return (
        bool(_LABEL.match(upper))
        and not lower.startswith("—")
        and visual_width(lower) >= _LABELLED_REST * visual_width(upper)
    )


def phrases_over_a_line(upper: str, lower: str) -> bool:
    """Whether a head line of two phrases or more set apart by a space (守正创新 砥砺前行)
    stands over a line that is a phrase of its own, not a few characters of its wrapped rest
    (under ``_LABELLED_REST`` of its width): a kicker of parallel phrases over its headline,
    or a headline over its subtitle with no dash, which a reader joining them as one headline
    wrapped over two lines gets wrong."""
    return (
        bool(_PHRASES.match(upper))
        and not lower.startswith("—")
        and visual_width(lower) >= _LABELLED_REST * visual_width(upper)
    )


@dataclass(frozen=True)
class Reading:
    """The articles of a page's segments, the headline convention used and what was uncertain."""

    articles: tuple[Article, ...]
    headlines: HeadlinePosition
    warnings: tuple[tuple[int | None, str], ...] = ()
    """(line, message) pairs; the caller names the source."""


DoubtCheck = Callable[[Sequence[Article]], Sequence[tuple[int, str]]]
"""What an extractor's text leaves unsure about a page read into these articles: (line, message)."""


def find_articles(segments: Sequence[Segment]) -> list[Article]:
    """Group a page's segments into articles (the convention detected from the page)."""
    return list(read_articles(segments).articles)


def read_articles(
    segments: Sequence[Segment],
    headlines: HeadlinePosition | None = None,
    *,
    doubts: Sequence[tuple[int, str]] | DoubtCheck | None = None,
) -> Reading:
    """Group a page's segments into articles, with headlines before or after their bodies.

    ``headlines`` None detects the convention (see the module doc). After: an article starts at
    the top of the page, at a continuation marker, at a dateline, or after the previous article's
    headline; a block followed by the next article (or letter-spaced, or wider than the column) is
    a headline, other blocks are subheads. Before: a run of blocks followed by a dateline or a
    marker (or opening the page, or wider than the column) heads a new article.

    ``doubts`` (line, message) come from reading an extractor's text (``extraction``): each
    article they fall in is warned once, and so is every article found without a headline. They
    may be given as a check of the articles read here (``ExtractionLayout.doubts``), so that they
    are worked out on the reading the editor gets, ``headlines`` forced or not.
    """
    warnings: list[tuple[int | None, str]] = []
    if headlines is None:
        # An extractor prints a typeset page's headlines where they stand (before their
        # bodies) unless it follows the drawing order: before is the likelier on a tie.
        tie = HeadlinePosition.BEFORE if doubts is not None else HeadlinePosition.AFTER
        headlines, sure = detect_headlines(segments, tie=tie)
        if not sure:
            warnings.append(
                (
                    None,
                    "cannot tell whether headlines stand before or after their articles; read them "
                    f"{headlines.value} (choose with --headlines before|after)",
                )
            )
    builder = _ArticleBuilder(headlines, warnings)
    builder.extraction = doubts is not None
    if headlines is HeadlinePosition.AFTER:
        _read_after(segments, builder, extraction=doubts is not None)
    else:
        _read_before(segments, builder)
    builder.close()
    articles = builder.articles
    settled: set[int | None] = set()
    reread: set[int | None] = set()
    if doubts is not None:
        read = _series_kickers(articles)
        settled = {a.line for a, b in zip(articles, read, strict=True) if a is not b}
        articles[:] = read
        read = _kickers_by_the_page(articles, segments)
        # Read again as kicker over headline: the doubt of the reading by lengths is void, and
        # ``extraction_doubts`` doubts the new one.
        reread = {a.line for a, b in zip(articles, read, strict=True) if a is not b}
        articles[:] = read
    _check(articles, builder.paragraph_lines, warnings)
    if doubts is not None:
        found = doubts(articles) if callable(doubts) else doubts
        # A kicker told from a headline by the series label it is: no longer in doubt.
        found = [
            (line, m)
            for line, m in found
            if not (line in settled and m in _KICKER_DOUBTS)
            and not (line in reread and m == HEADLINE_OVER_SUBTITLE_DOUBT)
        ]
        warnings.extend(_doubted(articles, found))
        warnings.sort(key=lambda w: w[0] or 0)
    if articles and not any(a.dateline for a in articles):
        warnings.append((None, "no dateline found on this page: check where its articles start"))
    return Reading(tuple(articles), headlines, tuple(warnings))


def detect_headlines(
    segments: Sequence[Segment], *, tie: HeadlinePosition = HeadlinePosition.AFTER
) -> tuple[HeadlinePosition, bool]:
    """The page's headline convention, and whether the page told it clearly (if not, ``tie``)."""
    content = [
        s for s in segments if s.kind not in (SegmentKind.MARKER, SegmentKind.JUMP, SegmentKind.BYLINE)
    ]
    if not content:
        return HeadlinePosition.AFTER, True
    first, last = content[0], content[-1]
    heads = (SegmentKind.BLOCK, SegmentKind.SECTION)
    if (
        tie is HeadlinePosition.BEFORE
        and len(content) > 1
        and first.kind is SegmentKind.PARAGRAPH
        and dateline_in_any_form(first.text) is None
        and first.open_start
    ):
        # An extractor's page opening mid-sentence opens on the rest of a paragraph printed
        # elsewhere (a jump's), which tells neither convention: what follows it does. One
        # opening on a paragraph's first line with no heads over it does tell: its story's
        # heads were drawn after its body.
        first = content[1]
    if tie is HeadlinePosition.BEFORE:
        last = _before_closing_box(content)
    before = (first.kind in heads) + (last.kind is SegmentKind.PARAGRAPH)
    after = (first.kind is SegmentKind.PARAGRAPH) + (last.kind in heads)
    if (
        before == after
        and tie is HeadlinePosition.AFTER
        and first.kind is last.kind is SegmentKind.PARAGRAPH
        and any(s.kind in heads for s in content)
        and dateline_in_any_form(first.text) is None
    ):
        # Body text at both ends, heads between, on a page laid out as this paper's: a page of
        # either convention may open on the rest of a story from another page (no dateline), but
        # this paper never closes one on body text (it prints a headline after its body, after a
        # jump line too): a headline-first page. A page opening on a dated story with no heads
        # above it stays unsure, as does an extractor's page (``tie`` before), whose paper's
        # habits are unknown.
        return HeadlinePosition.BEFORE, True
    if before == after:
        if (
            tie is HeadlinePosition.BEFORE
            and first.kind is SegmentKind.PARAGRAPH
            and dateline_in_any_form(first.text)
        ):
            # An extractor's page opening on a story's dateline with no heads above it: the
            # typesetter drew each story's heads after its body (a continuation opens on a marker).
            return HeadlinePosition.AFTER, True
        return tie, False
    return (HeadlinePosition.BEFORE if before > after else HeadlinePosition.AFTER), True


def _before_closing_box(content: Sequence[Segment]) -> Segment:
    """The last of an extractor's page's segments, or the one before the box of briefs that
    closes the page: an extractor prints the section word over its briefs either way, so a
    closing box tells neither convention; what stands before it does (a story's body before
    it, headline-first; a story's heads, headline-after). Briefs only: each short, opening on
    a dateline or closing on a byline （刘洋）; a story's text after the box tells."""
    at = len(content) - 1
    while at > 0 and content[at].kind is SegmentKind.PARAGRAPH:
        text = content[at].text
        if len(text) >= LONG_BRIEF or not (dateline_in_any_form(text) or _BYLINE_AT_END.search(text)):
            return content[-1]
        at -= 1
    if at > 0 and at < len(content) - 1 and content[at].kind is SegmentKind.SECTION:
        before = content[at - 1]
        # Not a block with running text's commas: lines of text the extractor scrambled.
        if before.kind is SegmentKind.PARAGRAPH or not re.search("[，、；。]", before.text):
            return before
    return content[-1]


def _read_after(segments: Sequence[Segment], builder: _ArticleBuilder, *, extraction: bool = False) -> None:
    briefs: dict[int, str] = {}  # segment index → the section word heading that brief
    for index, segment in enumerate(segments):
        following = segments[index + 1] if index + 1 < len(segments) else None
        if index in briefs:
            builder.close()
            builder.section = briefs[index]
            builder.start(segment.line)
            dateline = _opening_dateline(segments, index)
            if dateline:
                builder.add_dateline(dateline.group(0), segment.text[dateline.end() :], segment.line)
            else:
                builder.add_paragraph(segment.text, segment.line)
            builder.close()
            builder.section = None
            continue
        if segment.kind is SegmentKind.MARKER:
            builder.close()
            builder.start(segment.line)
            builder.continued_from_page = segment.page
        elif segment.kind is SegmentKind.JUMP:
            builder.continued_on_page = segment.page
        elif segment.kind is SegmentKind.BYLINE:
            previous = segments[index - 1] if index else None
            if (
                extraction
                and previous is not None
                and previous.kind is SegmentKind.BLOCK
                and builder.filed_headed()
            ):
                # Drawn after its body with the heads it stands under: the story just filed.
                builder.byline_of_filed(segment.text)
            elif index - 1 in briefs:
                builder.byline_of_filed(segment.text)  # the brief's, set on a line of its own
            else:
                builder.add_byline(segment.text, segment.line)
        elif segment.kind is SegmentKind.SECTION:
            builder.close()
            if extraction and builder.nothing_since_headline():
                # An extractor's page drawn with headlines after their bodies still prints the
                # section word over its box: the briefs follow it.
                briefs.update(dict.fromkeys(_briefs_ahead(segments, index + 1), segment.text))
            else:
                builder.mark_section(segment.text)
        elif segment.kind is SegmentKind.BLOCK:
            # On an extractor's page a block of several tiers (kicker and headline) is a story's
            # heads: a subhead is one line.
            tiers = extraction and "\n" in segment.text
            heads_ahead = (
                _starts_article(segments, index + 1)
                or _subtitle_ahead(segments, index + 1)
                or (extraction and _after_closing_byline(segments, index))
            )
            if segment.display or tiers or heads_ahead:
                if not builder.headline_parts and segment.display and not heads_ahead:
                    builder.warn(
                        segment.line,
                        "block read as a headline (set wide) though no new article follows: could be a subhead",
                    )
                builder.start(segment.line)
                builder.add_headline(segment.text, segment.bold_tier)
                if not (following and following.kind is SegmentKind.BLOCK):
                    builder.close()
            else:
                builder.add_subhead(segment.text, segment.line, tiers="\n" in segment.text)
        else:
            dateline = _opening_dateline(segments, index)
            if dateline:
                builder.close()
                builder.start(segment.line)
                builder.add_dateline(dateline.group(0), segment.text[dateline.end() :], segment.line)
            else:
                builder.add_paragraph(segment.text, segment.line)


def _subtitle_ahead(segments: Sequence[Segment], index: int) -> bool:
    """Whether ``segments[index]`` is a subtitle (a block opening with a dash) closing a story's
    heads on a headline-after page: a new article starts after it."""
    if index >= len(segments):
        return False
    segment = segments[index]
    return (
        segment.kind is SegmentKind.BLOCK
        and segment.text.startswith("——")
        and _starts_article(segments, index + 1)
    )


def _briefs_ahead(segments: Sequence[Segment], start: int) -> list[int]:
    """The paragraphs after a section word that are its briefs, on a page read headline-after:
    up to the next headline, the story whose headline it is starts at the last dateline (which
    more text follows); without one, the briefs are those closing on a byline （刘洋）. A box
    closing the page is briefs to its end."""
    stretch: list[int] = []
    for index in range(start, len(segments)):
        if segments[index].kind is SegmentKind.BYLINE and stretch and stretch[-1] == index - 1:
            continue  # a brief's closing byline, set on a line of its own: （陈静）
        if segments[index].kind is not SegmentKind.PARAGRAPH:
            break
        stretch.append(index)
    closing = stretch and all(s.kind is SegmentKind.BYLINE for s in segments[stretch[-1] + 1 :])
    if closing and all(len(segments[index].text) < LONG_BRIEF for index in stretch):
        # The box closes the page: no heads follow for a story to end at, and every item is
        # as short as a brief.
        return stretch
    dated = [n for n, index in enumerate(stretch) if _opening_dateline(segments, index)]
    if dated and dated[-1] > 0 and dated[-1] < len(stretch) - 1:
        return stretch[: dated[-1]]
    taken: list[int] = []
    for index in stretch:
        byline_after = index + 1 < len(segments) and segments[index + 1].kind is SegmentKind.BYLINE
        if not (_BYLINE_AT_END.search(segments[index].text) or byline_after):
            break
        taken.append(index)
    return taken


def _read_before(segments: Sequence[Segment], builder: _ArticleBuilder) -> None:
    index = 0
    while index < len(segments):
        segment = segments[index]
        if segment.kind is SegmentKind.MARKER:
            if builder.has_text():
                builder.close()
            builder.start(segment.line)
            builder.continued_from_page = segment.page
        elif segment.kind is SegmentKind.JUMP:
            builder.continued_on_page = segment.page
        elif segment.kind is SegmentKind.BYLINE:
            builder.add_byline(segment.text, segment.line)
        elif segment.kind is SegmentKind.SECTION:
            builder.close()
            builder.section = segment.text
        elif segment.kind is SegmentKind.BLOCK:
            end = index
            while end + 1 < len(segments) and segments[end + 1].kind is SegmentKind.BLOCK:
                end += 1
            run = segments[index : end + 1]
            display = any(s.display for s in run)
            tiers = builder.extraction and any("\n" in s.text for s in run)  # see _read_after
            # In a box of briefs (one paragraph each, no subheads), a block ends the box: the
            # next story's heads, whatever an extractor printed under them.
            in_briefs = builder.extraction and builder.section is not None
            closed = builder.extraction and _after_closing_byline(segments, index)
            if (
                not builder.has_text()
                or display
                or tiers
                or in_briefs
                or closed
                or _starts_article(segments, end + 1)
            ):
                if builder.has_text() and display and not _starts_article(segments, end + 1):
                    builder.warn(
                        segment.line,
                        "block read as a headline (set wide) though no dateline follows: could be a subhead",
                    )
                builder.close()
                builder.section = None
                builder.start(segment.line)
                for block in run:
                    builder.add_headline(block.text, block.bold_tier)
            else:
                for block in run:
                    builder.add_subhead(block.text, block.line, tiers="\n" in block.text)
            index = end
        else:
            dateline = _opening_dateline(segments, index)
            if builder.extraction and builder.section is not None and len(segment.text) > LONG_BRIEF:
                builder.close()  # on an extractor's page, the box of briefs has ended
                builder.section = None
            if builder.section is not None and builder.has_text():
                builder.close()  # briefs are one paragraph each
            elif builder.extraction and builder.closed_by_byline(segment.text):
                builder.close()  # an item of a box of briefs, its section word printed elsewhere
            if dateline:
                if builder.has_text() or builder.dateline:
                    builder.close()
                builder.share_heads(segment.line)
                builder.start(segment.line)
                builder.add_dateline(dateline.group(0), segment.text[dateline.end() :], segment.line)
            else:
                builder.start(segment.line)
                builder.add_paragraph(segment.text, segment.line)
        index += 1


def _after_closing_byline(segments: Sequence[Segment], index: int) -> bool:
    """Whether ``segments[index]`` follows a paragraph closing on its byline （王建国）: the
    byline closes its story, so a block after it is a story's heads (the story's own, drawn
    after its body, or the next one's), never a subhead, though no dateline follows it."""
    previous = segments[index - 1] if index > 0 else None
    return (
        previous is not None
        and previous.kind is SegmentKind.PARAGRAPH
        and _BYLINE_AT_END.search(previous.text) is not None
    )


def _opening_dateline(segments: Sequence[Segment], index: int) -> re.Match[str] | None:
    """The dateline ``segments[index]`` opens on, in any form a paper prints (本报遵义讯,
    【新华社北京6日电】): segments are paragraphs whose starts the layout found, so the forms no
    longer start stories inside run-on lines. A broadcaster's name after 据 with neither a comma nor
    a byline's bracket after it (据某某新闻工地上…) reads as running text does (据市新闻中心统计…):
    taken only where no paragraph stands before it, under heads or a byline or atop the page."""
    text = segments[index].text
    found = dateline_in_any_form(text)
    if found is None or not found.group(0).startswith("据") or dateline_at_start(text):
        return found
    if text[found.end() : found.end() + 1] in ("（", "("):
        return found
    return found if index == 0 or segments[index - 1].kind is not SegmentKind.PARAGRAPH else None


def _starts_article(segments: Sequence[Segment], index: int) -> bool:
    """Whether a new article starts at ``segments[index]`` (or the page ends there)."""
    segment = segments[index] if index < len(segments) else None
    if segment is None:
        return True
    if segment.kind is SegmentKind.JUMP:
        return _starts_article(segments, index + 1)
    if segment.kind is SegmentKind.BYLINE:
        return True  # a byline standing on its own line (本报记者 王明) is printed under a story's heads
    if segment.kind in (SegmentKind.MARKER, SegmentKind.SECTION):
        return True
    return segment.kind is SegmentKind.PARAGRAPH and _opening_dateline(segments, index) is not None


def _check(
    articles: list[Article], paragraph_lines: list[list[int | None]], warnings: list[tuple[int | None, str]]
) -> None:
    for article, lines in zip(articles, paragraph_lines):
        if article.headline and len(article.headline) > LONG_HEADLINE:
            warnings.append(
                (article.line, f"headline of {len(article.headline)} characters: is body text joined to it?")
            )
        for paragraph, line in zip(article.paragraphs, lines):
            if len(paragraph) > LONG_PARAGRAPH:
                warnings.append(
                    (
                        line,
                        f"paragraph of {len(paragraph):,} characters: are two paragraphs or columns joined?",
                    )
                )
    warnings.sort(key=lambda w: w[0] or 0)


def _doubted(articles: Sequence[Article], doubts: Sequence[tuple[int, str]]) -> list[tuple[int | None, str]]:
    """One warning per article an extractor's text left unsure: where a doubt falls inside it, or
    where no headline was found for it (outside a section of briefs; a brief's shape next to
    another brief of no section word is one of a box whose word was printed elsewhere, but
    one right before a box's word is not of that box)."""
    found: list[tuple[int | None, str]] = []
    starts = sorted((a.line or 0, n) for n, a in enumerate(articles))
    warned: set[int] = set()
    for line, message in sorted(doubts):
        owner = [n for start, n in starts if start <= line]
        at = owner[-1] if owner else (starts[0][1] if starts else None)
        if at is None or at in warned:
            continue
        warned.add(at)
        article = articles[at]
        headless = "" if article.headline or article.section else " (and no headline was found for it)"
        found.append((line, f"{message}; check {_title(article)}{headless}"))
    briefs = [_brief_shaped(a) for a in articles]
    for n, article in enumerate(articles):
        if n in warned or article.headline or article.section:
            continue
        # The brief after it counts only without its section word: with one, the box's word
        # stands between the two (its box opens after this text, a story's end printed late).
        after = n + 1 < len(articles) and briefs[n + 1] and articles[n + 1].section is None
        if briefs[n] and ((n and briefs[n - 1]) or after):
            continue  # one of a box's briefs, its section word (简讯) printed elsewhere
        found.append(
            (
                article.line,
                (
                    f"no headline found for {_title(article)}: the end of the story before it, "
                    "or a story whose headline was not recognised (read the PDF for this page)"
                ),
            )
        )
    return found


def _series_kickers(articles: Sequence[Article]) -> list[Article]:
    """On an extractor's page, two head lines read as headline and subtitle where the first is
    another story's kicker, or the headline of another read so too: a series' label (学习贯彻
    全会精神) set as the kicker over several stories of the page, never one story's headline.
    The label becomes the kicker, the line under it the headline."""
    kickers = {a.kicker for a in articles if a.kicker}
    tiered = Counter(a.headline for a in articles if a.headline and a.subtitle and not a.kicker)
    return [
        replace(article, kicker=article.headline, headline=article.subtitle, subtitle=None)
        if article.headline
        and article.subtitle
        and not article.kicker
        and not article.subtitle.startswith("—")
        and (article.headline in kickers or tiered[article.headline] > 1)
        else article
        for article in articles
    ]


def _kickers_by_the_page(articles: Sequence[Article], segments: Sequence[Segment]) -> list[Article]:
    """On an extractor's page, two head lines with no dash read as headline and subtitle by
    their lengths alone (``headline_over_long_subtitle``), where the page's other heads show the
    upper more than a character shorter than every headline they tell for sure (two at least:
    ``PageHeadlines``) and the lower as long as one: the paper sets its headlines longer, so
    the upper is a kicker (引题) over its headline. Still doubted (``extraction_doubts``). Not
    where a tier was struck bold (the headline), which tells for sure."""
    blocks = {s.line: s for s in segments if s.kind is SegmentKind.BLOCK and s.line is not None}
    headlines = PageHeadlines.of(articles)
    read = list(articles)
    for n, article in enumerate(articles):
        block = blocks.get(article.line) if article.line is not None else None
        if (
            block is None
            or block.bold_tier is not None
            or block.text.split("\n") != [article.headline, article.subtitle]
            or article.kicker
            or not article.subtitle
            or article.subtitle.startswith("—")
        ):
            continue
        shortest = headlines.shortest(article)
        if shortest is None or article.headline is None:  # one head shows no paper's habit
            continue
        if visual_width(article.headline) < shortest - 1 <= visual_width(article.subtitle):
            read[n] = replace(article, kicker=article.headline, headline=article.subtitle, subtitle=None)
    return read


def _brief_shaped(article: Article) -> bool:
    """Whether an article reads as a brief of a box (简讯): no headline, one short paragraph with
    no subhead, with a byline of a bare name (a brief's, closing it: 。（刘洋）; a story's names
    the reporter: 记者 李红). Two such in a row are a box's briefs though an extractor printed
    its section word elsewhere."""
    return (
        article.headline is None
        and len(article.paragraphs) == 1
        and not article.subheads
        and len(article.paragraphs[0]) <= LONG_BRIEF
        and article.byline is not None
        and bool(_BARE_NAME.fullmatch(article.byline))
    )


def _title(article: Article) -> str:
    if article.headline:
        return f"“{article.headline}”"
    first = article.paragraphs[0][:12] if article.paragraphs else ""
    return f"the article beginning “{first}…”"


class _ArticleBuilder:
    """Collects one article's parts as the segments go by; ``close`` files it."""

    def __init__(self, headlines: HeadlinePosition, warnings: list[tuple[int | None, str]]) -> None:
        self.headlines = headlines
        self.warnings = warnings
        self.articles: list[Article] = []
        self.paragraph_lines: list[list[int | None]] = []  # per filed article, per paragraph
        self._byline_at_end: list[bool] = []  # per filed article: its byline closed its last paragraph
        self._filed_parts: tuple[str, ...] = ()  # the last filed article's head lines, as tiers
        self.section: str | None = None  # headline-first pages: the section word heading its briefs
        self._since_headline = 0  # articles filed since the last one with a headline
        self.extraction = False  # reading an extractor's text (see ``read_articles``)
        self._reset()

    def _reset(self) -> None:
        self.paragraphs: list[str] = []
        self.lines: list[int | None] = []
        self.subheads: list[str] = []
        self.headline_parts: list[str] = []
        self.dateline: str | None = None
        self.byline: str | None = None
        self.continued_from_page: int | None = None
        self.continued_on_page: int | None = None
        self.line: int | None = None
        self._subhead_open = False  # the last thing added is a subhead a second block may finish
        self._tiered = False  # the headline came as tiers, one to a line
        self._bold_tier: int | None = None  # which of two tiers was struck twice (bold): the headline

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append((line, message))

    def start(self, line: int | None) -> None:
        """The article being built starts at ``line`` unless something of it came earlier."""
        if self.line is None:
            self.line = line

    def has_text(self) -> bool:
        return bool(self.paragraphs)

    def add_paragraph(self, text: str, line: int | None) -> None:
        self.start(line)
        self.paragraphs.append(text)
        self.lines.append(line)
        self._subhead_open = False

    def nothing_since_headline(self) -> bool:
        """Whether nothing was filed since the last article with a headline (the page's top too)."""
        return self._since_headline == 0

    def add_headline(self, text: str, bold_tier: int | None = None) -> None:
        """A block read as the headline; a block whose lines are tiers (an extractor's page:
        kicker, headline, subtitle one to a line) gives each its own part. ``bold_tier``: the
        one of the block's tiers struck twice (a bold faked so), the headline."""
        if "\n" in text:
            self._tiered = True
            self._bold_tier = None if self.headline_parts or bold_tier is None else bold_tier
        self.headline_parts.extend(text.split("\n"))

    def add_subhead(self, text: str, line: int | None, *, tiers: bool = False) -> None:
        """A subhead in place; ``tiers``: read off an extractor's page as several head lines, which
        a story's heads are more often than a subhead: two stories may be read as one."""
        if tiers:
            self.warn(
                line,
                (
                    "head lines of several tiers read as a subhead, since no dateline follows: if they "
                    "head a new story, two stories are read as one here (read the PDF for this page)"
                ),
            )
        text = text.replace("\n", "")
        self.start(line)
        if self._subhead_open:
            # A subhead broken across a column or over two lines: two blocks in a row are one.
            self.subheads[-1] += text
            self.paragraphs[-1] += text
        else:
            self.subheads.append(text)
            self.paragraphs.append(text)
            self.lines.append(line)
            self._subhead_open = True

    def add_dateline(self, dateline: str, rest: str, line: int | None) -> None:
        self.dateline = dateline.replace(" ", "")
        byline = _BYLINE_AFTER_DATELINE.match(rest)
        if byline:
            self.byline = byline.group(1).strip()
            rest = rest[byline.end() :]
        rest = rest.strip()
        if rest:
            self.add_paragraph(rest, line)

    def closed_by_byline(self, text: str) -> bool:
        """Whether the paragraph ``text`` is no part of the article being built, on an
        extractor's page: the article's last paragraph closes on a byline (。（刘洋）), which
        ends a story or a brief; or ``text`` closes on one under the story's own byline (本报记者
        王明), which a story does not have twice: a brief printed after the story, its box's
        section word (简讯) printed elsewhere. (``extraction_doubts`` says where the text read
        apart may be the story's own, printed out of order.)"""
        if not self.paragraphs or self._subhead_open:
            return False
        if _BYLINE_AT_END.search(self.paragraphs[-1]):
            return True
        return self.byline is not None and bool(_BYLINE_AT_END.search(text))

    def filed_headed(self) -> bool:
        """Whether the last thing done was filing an article with a headline (nothing since)."""
        return (
            bool(self.articles) and self._since_headline == 0 and not (self.paragraphs or self.headline_parts)
        )

    def byline_of_filed(self, text: str) -> None:
        """A byline line for the article just filed, unless it has one."""
        if self.articles[-1].byline is None:
            self.articles[-1] = replace(self.articles[-1], byline=text)

    def add_byline(self, text: str, line: int | None) -> None:
        """A byline on a line of its own (本报记者 王明): the article's, unless it has one."""
        self.start(line)
        if self.byline is None:
            self.byline = text

    def mark_section(self, section: str) -> None:
        """Items since the last headlined article were this section's briefs, one per paragraph."""
        first = len(self.articles) - self._since_headline
        briefs: list[Article] = []
        brief_lines: list[list[int | None]] = []
        filed = zip(self.articles[first:], self.paragraph_lines[first:], self._byline_at_end[first:])
        for article, lines, byline_at_end in filed:
            last = len(article.paragraphs) - 1
            for n, (paragraph, line) in enumerate(zip(article.paragraphs, lines)):
                if n == last and byline_at_end:
                    byline = article.byline
                elif n == 0 and not byline_at_end:
                    byline = article.byline  # printed after the dateline
                else:
                    byline = None
                end = _BYLINE_AT_END.search(paragraph) if byline is None else None
                if end:
                    byline = end.group(1).strip()
                    paragraph = paragraph[: end.start()].rstrip()
                briefs.append(
                    replace(
                        article,
                        paragraphs=(paragraph,),
                        section=section,
                        dateline=article.dateline if n == 0 else None,
                        byline=byline,
                        continued_from_page=article.continued_from_page if n == 0 else None,
                        continued_on_page=article.continued_on_page if n == last else None,
                        line=article.line if n == 0 else line,
                    )
                )
                brief_lines.append([line])
        self.articles[first:] = briefs
        self.paragraph_lines[first:] = brief_lines
        self._byline_at_end[first:] = [False] * len(briefs)
        self._since_headline = 0

    def close(self) -> None:
        if not (self.paragraphs or self.headline_parts):
            if self.continued_on_page is not None and self.articles:
                # A jump line after the article was filed (its headline printed before the jump).
                self.articles[-1] = replace(self.articles[-1], continued_on_page=self.continued_on_page)
            self._reset()
            return
        byline_at_end = False
        if self.paragraphs and self.byline is None:
            end = _BYLINE_AT_END.search(self.paragraphs[-1])
            if end:
                byline_at_end = True
                self.byline = end.group(1).strip()
                self.paragraphs[-1] = self.paragraphs[-1][: end.start()].rstrip()
        parts = list(self.headline_parts)
        kicker, headline, subtitle = self._tiers(parts)
        if (
            headline is None
            and self.subheads
            and self.section is None
            and self.headlines is HeadlinePosition.AFTER
            and not self.extraction
        ):  # an extractor's page warns every headline-less article
            self.warn(
                self.line,
                "article without a headline: its last subhead may be a headline (and what follows a new article)",
            )
        self.articles.append(
            Article(
                headline=headline,
                paragraphs=tuple(self.paragraphs),
                section=self.section,
                continued_from_page=self.continued_from_page,
                dateline=self.dateline,
                byline=self.byline,
                subheads=tuple(self.subheads),
                continued_on_page=self.continued_on_page,
                line=self.line,
                kicker=kicker,
                subtitle=subtitle,
            )
        )
        self.paragraph_lines.append(list(self.lines))
        self._byline_at_end.append(byline_at_end)
        self._since_headline = 0 if headline else self._since_headline + 1
        self._filed_parts = tuple(parts) if self._tiered else ()
        self._reset()

    def _tiers(self, parts: list[str]) -> tuple[str | None, str | None, str | None]:
        """Kicker, headline and subtitle of a story's head lines (see ``add_headline``)."""
        kicker = subtitle = None
        if (self.headlines is HeadlinePosition.BEFORE or self._tiered) and len(parts) >= 2:
            if len(parts) >= 3:
                kicker, subtitle, parts = parts[0], parts[-1], parts[1:-1]
            elif parts[1].startswith("——") or (
                self.extraction
                and self._tiered
                and self._bold_tier != 1
                and (
                    self._bold_tier == 0
                    or (
                        headline_over_long_subtitle(parts[0], parts[1])
                        and not labelled_kicker(parts[0], parts[1])
                        # A line with a full stop inside is running text, never the headline.
                        and "。" not in parts[0].rstrip("。")
                    )
                )
            ):
                subtitle, parts = parts[1], parts[:1]
            else:
                kicker, parts = parts[0], parts[1:]
        elif len(parts) >= 2 and parts[-1].startswith("——"):
            # Headline-after: a kicker cannot be told from a headline's first tier, but a subtitle
            # opens with a dash, which print never sets at a line's start otherwise.
            subtitle, parts = parts[-1], parts[:-1]
        return kicker, "".join(parts) or None, subtitle

    def share_heads(self, line: int | None) -> None:
        """On an extractor's page, a story opening with no heads of its own right after a story
        with several head lines: the two stories stood side by side, and the extractor printed
        their heads row by row (kicker, kicker, headline, headline, subtitle) before the first
        one's body. Each takes its turn of the lines. Shared: more lines than one story's three
        tiers, or two lines that could both be headlines (a short label over a line is a kicker
        over its headline); three lines are one story's kicker, headline and subtitle."""
        parts = list(self._filed_parts)
        if (
            not self.extraction
            or self.headline_parts
            or self.section is not None
            or not self.articles
            or self._since_headline
            or len(parts) == 3  # one story's kicker, headline and subtitle
            or len(parts) < 2
            or parts[1].startswith("—")
            or (len(parts) == 2 and not headline_over_subtitle(parts[0], parts[1]))
        ):
            return
        first = self.articles[-1]
        kicker, headline, subtitle = self._tiers(parts[0::2])
        self.articles[-1] = replace(first, kicker=kicker, headline=headline, subtitle=subtitle)
        self.headline_parts = parts[1::2]
        self._tiered = True
        self._filed_parts = ()
        for at in (first.line, line):  # each story is warned on its own lines
            self.warn(
                at,
                (
                    "head lines read as the heads of two stories side by side, taken in turn: check "
                    f"“{headline}” and “{self._tiers(list(self.headline_parts))[1]}” "
                    "(read the PDF for this page)"
                ),
            )
