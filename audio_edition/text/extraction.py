"""The text route: reading a page as a PDF text extractor printed it (pdftotext, pdfminer.six, PyMuPDF).

An extractor's page differs from this paper's own text files (blank line after a paragraph,
headlines after their bodies) in ways that can be read off the page itself:

- It is told by what an extractor keeps of a typeset page (``is_extraction``): the running head
  or folio alone at the top, U+2011 or ⋯, a closing mark alone on a line. Other pages are read
  by ``layout`` exactly as before.
- A page printed in layout mode (``pdftotext -layout``: every column's line on one line, the
  columns at fixed character positions) is first cut into its columns, in reading order
  (``columns_apart``); a line of running text crossing a column's start leaves the cut doubted.
- Paragraphs start on an indented line (about two characters short of the column, or three
  where the next line opens on a character and a mark, 购、, pulled down with it; a line's width
  counts the gaps set around its numbers, printed as spaces: ``_gaps_counted``); blank lines,
  where there are any, fall between the extractor's blocks (a column, a box, a headline), not
  between paragraphs, and PyMuPDF prints none at all. A paragraph runs to a sentence end: one
  that breaks off mid-sentence is joined to the next that opens mid-sentence (``_rejoin``).
  The column's width is estimated from the lines around, and beside a narrower column (or in
  one a fraction of a character wider than whole characters) it may be a character short: a
  paragraph's last line and a quote tucked under a full stop are also measured against the
  paragraph's own full lines above them. Figures and Latin letters are set a little wider than
  the half character they count, with a thin space beside Chinese: a line holding them, counted
  so, may be full where it reads as an indented first line (and the line over it as a head).
- Headline tiers (引题 kicker, headline, 副题 subtitle) and subheads are lines with no sentence
  end standing between paragraphs: lines that full lines do not carry on to a sentence end. A
  run of them is one block, its lines told apart as tiers (``head_tiers``: a wrapped tier's
  rest, a bold or letter-spaced headline, a subtitle printed on its headline's line).
  Two tiers with no dash: a line well short of the one under it is a kicker, one about as long
  (or as long as a headline, half the line under it) is the headline over its subtitle
  (``headline_over_long_subtitle``), doubted; but the page's own headlines weigh more than a
  fixed length: a line shorter than every headline the page's other heads tell for sure is a
  kicker (``articles._kickers_by_the_page``), and the kicker reading is doubted where the upper
  line is as long as the shortest of them (``extraction_doubts``), whatever length a paper sets.
  A line ending on ？ or ！ with no other mark, standing apart right over a dateline or a
  ——subtitle, is a headline asking a question (``_headline_asking``): only a story's heads
  stand there.
- A box's word (简讯) printed into a column from the box beside it, between a paragraph's lines
  that run on past it (also right under its first line, which then stands alone like a head
  line: its marks of running text tell), opens the box at the text set wider after it (or the
  next block after the paragraph's rest). Printed as a block of its own between a story's head
  lines (heads with no text yet over it, a head line right over a dateline under it), it leaves
  them one story's heads, and the box opens at the text set wider.
- Furniture the extractor mixes in (running head, index, ads and their slogans, chart labels) is
  taken off before the page is segmented (``extraction_furniture``).
- Extraction artefacts are undone on the raw text first, line for line (``extraction_tidy``:
  U+2011, ⋯⋯, punctuation alone on a line, letter-spaced justified lines, text struck twice, a
  headline's rest on its dateline's line); spaces around digits go as a segment's text is
  made (``layout.respace``).
- A typesetter that keeps punctuation off a line's start squeezes it onto the line before: an
  indented first line carrying one is as wide as the column, an indent short without it.
- What text cannot tell, it says (``ExtractionLayout.doubts``, warned once per article): two
  columns merged into one line or interleaved line by line, a paragraph broken off or opening
  mid-sentence, more than three head lines together, two head lines of like length, text
  printed a line or two a block that breaks off into another story's dateline (columns printed
  row by row, as on pages whose lines stand far apart); and what
  the articles read from the page show (``extraction_doubts``), checked on the articles the
  editor gets (``read_articles`` runs ``ExtractionLayout.doubts`` on its own reading).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import takewhile

from audio_edition.text.articles import (
    HEADLINE_OVER_SUBTITLE_DOUBT,
    Article,
    headline_over_long_subtitle,
    labelled_kicker,
)
from audio_edition.text.columns_apart import cut_columns
from audio_edition.text.extraction_boxes import (
    ad_labels_by_shape,
    brief_titles_by_shape,
    index_titles_by_shape,
    rest_of_a_broken_line,
)
from audio_edition.text.extraction_charts import chart_ticks
from audio_edition.text.extraction_doubts import (
    a_character_a_line,
    extraction_doubts,
    lines_broken_short,
    rows_across_the_page,
)
from audio_edition.text.extraction_furniture import (
    BYLINE_LINE,
    ad_pieces_beside,
    ad_slogans_apart,
    chart_labels_beside,
    index_titles_beside,
    is_caption_text,
    labels_over_datelines,
    slogan_by_its_title,
    slogan_far_from_its_title,
    slogans_over_stories,
    take_furniture,
)
from audio_edition.text.extraction_notices import notices_by_shape
from audio_edition.text.extraction_tidy import BODY_PUNCTUATION, tidy_extraction
from audio_edition.text.furniture import (
    BOX_TITLE_AT_END,
    FOLIO_LINE,
    RUNNING_DATE,
    RUNNING_HEAD,
)
from audio_edition.text.head_tiers import (
    bold_tier,
    head_shape_doubts,
    letter_spaced_tier,
    subtitles_off_head_lines,
    tiers,
)
from audio_edition.text.layout import (
    FIGURES_RUN,
    SECTION_WORDS,
    SPACE_BETWEEN_CHINESE,
    Furniture,
    FurnitureKind,
    Layout,
    Segment,
    SegmentKind,
    TextLine,
    counted_as_set,
    dateline_at_start,
    ends_sentence,
    figures_allowance,
    is_letter_spaced,
    measure_columns,
    respace,
    text_lines,
    tucked_quote,
    visual_width,
)

_LONE_MARK = re.compile(r"^[\s　]*[！？。”’!?]+[\s　]*$")
_CLOSING_BYLINE = re.compile(r"[。！？”](?:（[^（）]{1,20}）|\([^()]{1,20}\))$")
_INNER_SENTENCE_END = re.compile(r"[。！？][”’」』]*[^\s”’」』）)。！？]")  # more text after a sentence end
# A full stop with more text after it: running text (a head line may hold ！ or ？, never 。).
_INNER_FULL_STOP = re.compile(r"。[”’」』]*[^\s”’」』）)。！？]")
_QUOTE_CLOSED = re.compile(r"[。！？][”’」』]$")
_ATTRIBUTION = re.compile(r"^[^，。！？“”‘’：；（）]{1,14}(?:说|表示|介绍|指出|告诉记者|感慨道|坦言)。$")
_NAME = re.compile(r"^[\u4e00-\u9fff]{2,3}$")  # a reporter's name (not a four-character kicker: 记者蹲点)
_SECTION_AT_END = re.compile(rf"^(.*\S)[ 　]+({'|'.join(sorted(SECTION_WORDS, key=len, reverse=True))})$")


@dataclass(frozen=True)
class ExtractionLayout:
    """A page read by the text route: its layout, where its lines leave the reading unsure, and
    its measured lines, for the checks of the articles read from it (``doubts``)."""

    layout: Layout
    line_doubts: tuple[tuple[int, str], ...]
    """(line, message): where the lines themselves cannot tell how the page was laid out."""
    lines: tuple[TextLine | Segment, ...]
    """The page's lines as measured (``layout.measure_columns``), for the checks of its articles."""
    page_doubts: tuple[str, ...] = ()
    """Messages for doubts that hold for every story on the page (``rows_across_the_page``,
    ``lines_broken_short``, ``a_character_a_line``, columns run together in layout mode)."""
    printed_lines: tuple[int, ...] = ()
    """For each line read (1-based), the line of the file it was printed on: a page printed in
    layout mode is read cut into its columns (``columns_apart``); empty where they are the same."""

    def printed_line(self, line: int | None) -> int | None:
        """The line of the file that ``line`` of the page as read was printed on, for warnings
        and articles an editor can find in the file."""
        if line is None or not self.printed_lines:
            return line
        return self.printed_lines[min(max(line, 1), len(self.printed_lines)) - 1]

    def doubts(self, articles: Sequence[Article]) -> tuple[tuple[int, str], ...]:
        """(line, message): where the text cannot tell how the page was laid out, these
        ``articles`` being how its segments were read (``read_articles(..., doubts=self.doubts)``
        passes its own, whatever headline convention it read them by)."""
        folios = [
            item.line for item in self.layout.furniture if item.kind is FurnitureKind.FOLIO and item.line
        ]
        return (
            *self.line_doubts,
            *extraction_doubts(self.lines, self.layout.segments, articles, folios, self.line_doubts),
        )


def is_extraction(text: str) -> bool:
    """Whether a page is an extractor's text of a typeset page rather than this paper's own.

    Told by what an extractor keeps of the page: the running head and folio standing alone at
    the top (``2024年3月5日 星期二``, ``第2版``; this paper's pages print one line with the
    paper's name), U+2011 or ⋯ (the PDF's own characters), punctuation alone on a line, a
    character a line (``a_character_a_line``). A page
    with none of these is read as this paper's pages are (blank line after a paragraph)."""
    top = [line.strip() for line in text.split("\n") if line.strip()][:4]
    if any(RUNNING_DATE.match(line) or FOLIO_LINE.match(line) for line in top):
        return True
    # A whole running head on one line, however the extractor spaced it (pdfplumber, PDFium).
    if any(RUNNING_HEAD.match(re.sub(r"[\s　]+", "", line)) for line in top):
        return True
    # A page printed a character a line (pypdf, where the PDF places each character on its own).
    if a_character_a_line(text.split("\n")):
        return True
    # Not a bracket alone: this paper's pages break a byline's bracket onto its own line.
    return (
        "\u2011" in text
        or "⋯" in text
        or any(_LONE_MARK.match(line) for line in text.split("\n") if line.strip())
    )


def read_extraction(text: str) -> ExtractionLayout:
    """Segments and furniture of an extractor's page (see the module doc), with its doubts."""
    # A page printed in layout mode (columns side by side at fixed positions) cut into its
    # columns first, in reading order: line numbers from here on are those of the cut page.
    cut = cut_columns(text)
    text = cut.text
    furniture: list[Furniture] = []
    # A chart's or an ad's pieces printed on a line of the columns beside (pdfplumber) first.
    raw = ad_pieces_beside(chart_labels_beside(tidy_extraction(text).split("\n"), furniture), furniture)
    taken = take_furniture(index_titles_beside(raw, furniture), furniture)
    taken, tick_doubts = chart_ticks(raw, taken, furniture)
    kept, slogan_doubts = slogan_by_its_title(raw, ad_slogans_apart(taken, furniture), furniture)
    kept = slogan_far_from_its_title(raw, kept, furniture)
    # Boxes whose titles are words no list holds, known by their items' shape.
    kept = ad_labels_by_shape(index_titles_by_shape(kept, furniture), furniture)
    # Paid notices (遗失声明, …公告) known by their title's and body's shape.
    kept, notice_doubts = notices_by_shape(kept, furniture)
    doubled: set[int] = set()
    seq = measure_columns(
        _section_words_apart(
            brief_titles_by_shape(_drawn_twice(text_lines("\n".join(kept), furniture), doubled))
        )
    )
    _gaps_counted(seq)
    _held_short_over_an_ellipsis(seq)
    seq = _credits_rejoined(_box_titles_over_briefs(seq))
    doubts: list[tuple[int, str]] = _printed_row_by_row(kept) + slogan_doubts + notice_doubts + tick_doubts
    doubts += [(n, _UNSURE_CUT) for n in cut.unsure]
    doubts += slogans_over_stories(taken, kept)
    doubts += labels_over_datelines(raw, kept)
    segments: list[Segment] = []
    for segment in _segments(seq, doubts, doubled):
        if segment.kind in (SegmentKind.PARAGRAPH, SegmentKind.BLOCK) and is_caption_text(segment.text):
            furniture.append(Furniture(FurnitureKind.CAPTION, segment.text, segment.line))
        else:
            segments.append(segment)
    furniture.sort(key=lambda f: f.line or 0)
    whole = (
        rows_across_the_page(seq, _blank_lines_inside(text.split("\n"))),
        lines_broken_short(seq),
        a_character_a_line(text.split("\n")),
        _RUN_TOGETHER if cut.run_together else None,
    )
    return ExtractionLayout(
        Layout(tuple(segments), tuple(furniture)),
        tuple(doubts),
        tuple(seq),
        tuple(message for message in whole if message),
        cut.printed,
    )


# A page printed in layout mode with its text run together (``columns_apart.run_together``):
# where the extractor kept no space between what it placed apart, no line of the page tells
# surely which column its text is of, so every story is in doubt, not only those at the lines shown.
_RUN_TOGETHER = (
    "every story on this page is in doubt: the extractor printed the columns side by side with no "
    "space kept between them (a column's line run into the next column or into its own next line, "
    "or a column broken by a blank line mid-paragraph, as pypdf's layout mode prints a page), so "
    "its columns cannot be cut apart surely (read the PDF for this page, or extract its text in "
    "plain mode)"
)
_UNSURE_CUT = (
    "a line of running text crosses a column's start here, in text printed in layout mode "
    "(columns side by side): the columns may be cut apart wrong (read the PDF for this page)"
)


def _gaps_counted(seq: Sequence[TextLine | Segment]) -> None:
    """Widen each line by the gaps a typesetter sets between Chinese and a number or Latin
    word, which an extractor prints as spaces (``价在 300 元到 800 元之间，``). A gap is up to a
    quarter of a character and squeezed on a tight line, so each counts an eighth. Counted after
    the columns are measured, which the lines' widths without them tell as before; a full line
    with two numbers is then no longer taken for an indent short of the column."""
    above: TextLine | Segment | None = None
    for line in seq:
        if isinstance(line, TextLine) and " " in line.text:
            gaps = _GAP_WIDTH * len(_CHINESE_LATIN_GAP.findall(line.text))
            if (
                isinstance(above, TextLine)
                and not above.sentence_end
                and not line.blank_before
                and is_letter_spaced(line.text)
                and not _TWO_SET_SOLID.search(line.text)
            ):
                # Inside a paragraph (the line above ends no sentence), a line letter-spaced with
                # no two characters solid (年 的 生 意 比 往 年 好 做 得) was stretched to the column
                # by its justification: each space is a gap too. (An extractor may print a
                # paragraph's indented first line so as well: that opens after a sentence end.)
                gaps += _GAP_WIDTH * len(_CHINESE_GAP.findall(line.text))
            line.width += gaps
            line.narrowest += gaps
        above = line


def _held_short_over_an_ellipsis(seq: Sequence[TextLine | Segment]) -> None:
    """A line inside a paragraph (the line above ends no sentence) over a line opening on a
    character and an ellipsis (者转院不必再做重复检 / 查……): an ellipsis may not open a line, so
    the character went down with it and the line above was stretched to the column, which plain
    text does not show. It is a full line, not the next paragraph's indented first line."""
    lines = [item for item in seq if isinstance(item, TextLine)]
    for above, line, under in zip(lines, lines[1:], lines[2:]):
        if (
            not above.sentence_end
            and not line.sentence_end
            and not line.blank_before
            and not under.blank_before
            and under.text[1:2] == "…"
            and line.width < line.column - 1
        ):
            line.width = line.narrowest = line.column - 1


_GAP_WIDTH = 0.125
_TWO_SET_SOLID = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2}")
_CHINESE_GAP = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")
_CHINESE_LATIN_GAP = re.compile(r"(?<=[^\x00-\x7f]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z%]) (?=[^\x00-\x7f])")


def _blank_lines_inside(lines: Sequence[str]) -> int:
    """Blank lines between the first and the last line with text."""
    filled = [n for n, line in enumerate(lines) if line.strip()]
    return sum(1 for line in lines[filled[0] : filled[-1]] if not line.strip()) if filled else 0


def _drawn_twice(items: Iterable[TextLine | Segment], doubled: set[int]) -> Iterator[TextLine | Segment]:
    """The page's lines but a head line printed again right under itself: a typesetter that
    makes a headline bold by drawing it twice (offset a hair) has it printed twice by an
    extractor that follows the drawing order (PyMuPDF, PDFium). Running text never repeats a
    line so. The lines kept of those drawn twice go in ``doubled`` (by line number)."""
    previous: TextLine | None = None
    for item in items:
        if (
            isinstance(item, TextLine)
            and previous is not None
            and item.text == previous.text
            and not item.blank_before
            and not ends_sentence(item.text)
        ):
            doubled.add(previous.number)
            continue
        previous = item if isinstance(item, TextLine) else None
        yield item


_ROW_BLOCK_LINES = 2  # a block of at most this many lines ...
_ROW_RUN = 6  # ... this many running: text printed a line or two at a time
_ROW_REACH = 4  # blocks either side of a break into a dateline that may belong elsewhere


def _printed_row_by_row(lines: Sequence[str]) -> list[tuple[int, str]]:
    """Doubts where an extractor printed running text a line or two at a time, a blank line
    after each (a page whose lines stand far apart for their size: each is a block of its own),
    and its order is its own guess: row by row across the columns side by side, a column's lines
    interleaved with its neighbours', a brief's with a story's. Told where a block breaks off
    mid-sentence right before one opening on a dateline (a new story where the sentence should
    go on; a box's briefs printed a block a line, in order, never do it): the blocks around it
    are doubted, each once (text cannot tell the columns apart)."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for n, line in enumerate([*lines, ""], 1):
        if line.strip():
            current.append(n)
        elif current:
            blocks.append(current)
            current = []
    doubts: list[tuple[int, str]] = []
    run: list[list[int]] = []
    message = (
        "the extractor printed the text here a line or two at a time, a blank line after each: "
        "columns side by side may be interleaved row by row (read the PDF for this page)"
    )
    for block in [*blocks, []]:
        texts = [lines[n - 1].strip() for n in block]
        if block and len(block) <= _ROW_BLOCK_LINES and all(_running_text(t) for t in texts):
            run.append(block)
            continue
        if len(run) >= _ROW_RUN:
            doubted: set[int] = set()
            for k in range(len(run) - 1):
                if _breaks_into_dateline(lines, run[k], run[k + 1]):
                    doubted.update(range(max(0, k - _ROW_REACH + 1), min(len(run), k + 1 + _ROW_REACH)))
            doubts += [(run[k][0], message) for k in sorted(doubted)]
        run = []
    return doubts


def _breaks_into_dateline(lines: Sequence[str], before: list[int], after: list[int]) -> bool:
    """Whether the block ``before`` breaks off mid-sentence and ``after`` opens on a dateline."""
    return not ends_sentence(lines[before[-1] - 1]) and bool(
        dateline_at_start(re.sub(r"\s+", "", lines[after[0] - 1]))
    )


def _running_text(line: str) -> bool:
    """A line of running text as printed: a column's worth of characters, no section word."""
    bare = re.sub(r"[\s　]+", "", line)
    return visual_width(bare) >= 6 and bare not in SECTION_WORDS


_BRIEF_REACH = 12  # lines under a box's title that hold its first two briefs
_FIRST_BRIEF_LINES = 5  # lines of a box's first brief when no dateline opens it
_BRIEF_CLOSES = re.compile(r"（[\u4e00-\u9fff·]{2,5}）$")  # a brief's writer closing it: 。（黄海燕）


def _box_titles_over_briefs(seq: list[TextLine | Segment]) -> list[TextLine | Segment]:
    """``seq`` with the title of a box of briefs in words of its own (城事速递, 街坊播报, where a
    paper prints 简讯) read as the box's section word: two to four characters with no mark, right
    over a line opening on a dateline, and a brief closing on its writer's name (（黄海燕）) with
    another dateline or closing name after it within a few lines: two short items under one short
    line. A story's headline is longer, and a story runs on past its first lines. The title may
    end the line of the headline beside the box, after a space (PDFium joins what shares a
    baseline): the line keeps the headline."""
    # Kept apart from ``extraction_boxes.brief_titles_by_shape``, which runs first on the raw
    # lines and takes a title alone on its line: this one also reads a title at the end of a
    # headline's line and wants a dateline right under it; one pass for both lost head tiers on E.
    read: list[TextLine | Segment] = []
    for index, item in enumerate(seq):
        under = seq[index + 1] if index + 1 < len(seq) else None
        title = BOX_TITLE_AT_END.match(item.text) if isinstance(item, TextLine) else None
        if not (
            isinstance(item, TextLine)
            and title
            and isinstance(under, TextLine)
            and _briefs_from(seq, index + 1)
            # Nor the end of a dateline or byline after its space (本报通辽3 月2 日电, 本报记者 李红 郑凯).
            and not dateline_at_start(item.text.replace(" ", ""))
            and not _byline_line(item)
            and not (
                title.group(1) is None and rest_of_a_broken_line(seq[index - 1] if index else None, item)
            )
        ):
            read.append(item)
            continue
        head = title.group(1)
        if head:
            # A headline may ask (…能否破局？); a line of text ending a sentence is no headline,
            # nor one whose space is an extractor's after a figure (…自6 月1 日起施, 每10 股派发).
            asks = head.endswith(("？", "?", "！", "!"))
            if (ends_sentence(head) and not asks) or re.search("[0-9A-Za-z]$", head):
                read.append(item)
                continue
            read.append(replace(item, text=head, width=visual_width(head)))
        read.append(Segment(SegmentKind.SECTION, text=title.group(2), line=item.number))
    return read


_CREDIT_BROKEN = re.compile(r"[。！？”]（([\u4e00-\u9fff·]{1,4})$")  # …同比下降2.2%。（蒋 / 文博）
_CREDIT_REST = re.compile(r"^([\u4e00-\u9fff·]{1,4})）$")


def _credits_rejoined(seq: list[TextLine | Segment]) -> list[TextLine | Segment]:
    """``seq`` with a writer's name closing a brief (。（蒋文博）) that a line broke after its
    bracket's first characters (…。（蒋 / 文博）) put back on its line: the name alone on the next
    line is no line of text, and the line broken so ends no sentence (and reads as a head)."""
    read: list[TextLine | Segment] = []
    index = 0
    while index < len(seq):
        item = seq[index]
        under = seq[index + 1] if index + 1 < len(seq) else None
        if isinstance(item, TextLine) and isinstance(under, TextLine) and not under.blank_before:
            start = _CREDIT_BROKEN.search(item.text)
            rest = _CREDIT_REST.match(under.text)
            if start and rest and 2 <= len(start.group(1) + rest.group(1)) <= 5:
                text = item.text + under.text
                read.append(replace(item, text=text, width=item.width + visual_width(under.text)))
                index += 2
                continue
        read.append(item)
        index += 1
    return read


def _briefs_from(seq: Sequence[TextLine | Segment], start: int) -> bool:
    """Whether two short items open at ``seq[start]``: a line opening on a dateline, a brief
    closing on its writer's name within a few lines, and another dateline or closing name after."""
    if not isinstance(seq[start], TextLine):
        return False
    lines = [x for x in seq[start : start + _BRIEF_REACH] if isinstance(x, TextLine)]
    closed = [k for k, x in enumerate(lines) if _BRIEF_CLOSES.search(x.text.replace(" ", ""))]
    if not _opens_on_dateline(lines):
        # A box's first brief may open with no dateline (深交所本周…（蒋文博）): then it is short,
        # closing on its writer's name within a few lines (past its first: one line closing so
        # is a paragraph's tail), and the next closes on one too, with nothing else between.
        run = len(list(takewhile(lambda x: isinstance(x, TextLine), seq[start : start + _BRIEF_REACH])))
        return len(closed) >= 2 and 0 < closed[0] < _FIRST_BRIEF_LINES and closed[1] < run
    return bool(closed) and (
        len(closed) >= 2 or any(dateline_at_start(x.text.replace(" ", "")) for x in lines[closed[0] + 1 :])
    )


def _opens_on_dateline(lines: Sequence[TextLine]) -> bool:
    """Whether ``lines`` open on a dateline, though a narrow column broke it over two lines (本报
    青岛4月24日 / 电财政部数据显示…): the first line holds the dateline's start."""
    first = lines[0].text.replace(" ", "")
    if dateline_at_start(first):
        return True
    if len(lines) < 2 or not first:
        return False
    found = dateline_at_start(first + lines[1].text.replace(" ", ""))
    return found is not None and found.end() > len(first)


def _section_words_apart(items: Iterable[TextLine | Segment]) -> Iterator[TextLine | Segment]:
    """A section word printed on the line of the headline beside its box, set apart by a space
    (PDFium joins what shares a baseline: ``边境口岸货运量创同期新高 简讯``): the line's text, then
    the section word, as if each stood on a line of its own."""
    hard = False
    for item in items:
        if isinstance(item, TextLine):
            item.hard_break_before = item.hard_break_before or hard
            hard = False
            found = _SECTION_AT_END.match(item.text)
            if found and not ends_sentence(found.group(1)):
                text = found.group(1)
                yield TextLine(
                    text,
                    visual_width(text),
                    blank_before=item.blank_before,
                    hard_break_before=item.hard_break_before,
                    number=item.number,
                )
                yield Segment(SegmentKind.SECTION, text=found.group(2), line=item.number)
                hard = True  # as after a section word on a line of its own
                continue
        yield item


def _indented(line: TextLine) -> bool:
    """A paragraph's first line: about two characters short of the column (the column's width
    is an estimate: closing punctuation may hang past its edge)."""
    # An opening quote counts half in ``visual_width``, and a typesetter sets one half wide at
    # a line's start too: an indented first line opening with one is as short as any other
    # (“家里暖和了，老人孩 in a column of eleven and a half), a full line as long.
    return line.column - 3.6 <= line.width <= line.column - 1.6


_NO_LINE_OPENS = "，。、；：！？”’）》」』"  # marks a typesetter never opens a line with


def _indented_held_short(seq: Sequence[TextLine | Segment], index: int) -> bool:
    """Whether the line ``seq[index]``, ending no sentence, is an indented first line held a
    character short: the line under it opens on a character and a mark (购、), which may not open
    a line, so the character went down with it (合作社采取“统一采 / 购、统一防疫…). A paragraph's
    rest held short so is a character short of a full line, not of an indent."""
    line = seq[index]
    following = seq[index + 1] if index + 1 < len(seq) else None
    assert isinstance(line, TextLine)
    return (
        isinstance(following, TextLine)
        and not following.blank_before
        and following.text[1:2] in _NO_LINE_OPENS
        and not line.sentence_end
        and line.column - 3.6 <= line.width + 1 <= line.column - 1.6
        and not _indented(line)
    )


def _paragraph_end_over_heads(seq: Sequence[TextLine | Segment], index: int) -> bool:
    """Whether the line ``seq[index]`` ends its paragraph's sentence with a story's heads under
    it: a paragraph's last line as long as an indent, the headline under it as wide as a full
    line, no interleaved columns (an interleaved first line would run on into running text)."""
    line = seq[index]
    assert isinstance(line, TextLine)
    return line.sentence_end and index + 1 < len(seq) and _head_like_at(seq, index + 1)


def _head_like_at(seq: Sequence[TextLine | Segment], index: int) -> bool:
    item = seq[index]
    return not isinstance(item, TextLine) or _head_like(seq, index)


def _squeezed_indent(lines: Sequence[TextLine | Segment]) -> bool:
    """Whether a paragraph's first line (``lines[0]``, over ``lines[1]``), as wide as a full line,
    is an indented line with its punctuation squeezed half wide: inside it (``进入冬季，冰雪乐园、``
    over ``滑雪场相继开门迎客，吸``), or a closing mark squeezed in at its end by a typesetter that
    keeps punctuation off a line's start (ReportLab pages). At an indent's width so counted, and
    narrower than the line under it; a full line going on with a paragraph is short by a mark at
    most."""
    if len(lines) < 2 or not isinstance(lines[0], TextLine) or not isinstance(lines[1], TextLine):
        return False
    first, second = lines[0], lines[1]
    if not first.column - 3.6 <= first.narrowest <= first.column - 1.6:
        return False
    if first.width > first.narrowest and not second.blank_before and second.width >= first.width + 1:
        return True  # a mark squeezed in at its end
    # A paragraph's first line over more lines ends no sentence.
    return not ends_sentence(first.text) and first.width < second.width and _full(second)


def _full(line: TextLine) -> bool:
    """A column's full line. Justified lines vary by a character (half-width quotes and
    punctuation squeezed, closing punctuation hanging), so anything short of an indent."""
    return line.width > line.column - 1.6


def _byline_line(line: TextLine) -> bool:
    return bool(BYLINE_LINE.match(line.text))


def _head_like(seq: Sequence[TextLine | Segment], index: int, *, deep: bool = True) -> bool:
    """Whether the line ``seq[index]`` stands alone as a headline tier or subhead, where a
    paragraph could start. Not ``deep``: by the line and the next only, without following the
    lines on to a sentence end (asked of each line a paragraph's run meets, which would be
    asked again of the next)."""
    line = seq[index]
    assert isinstance(line, TextLine)
    following = seq[index + 1] if index + 1 < len(seq) else None
    if line.dateline or line.byline_only or _byline_line(line):
        return False
    if _quote_after_colon(seq, index):
        return False  # running text: one printed line the extractor broke at the quote
    if _rest_of_byline_line(seq, index):
        return False  # running text: the paragraph opens on its byline's printed line
    previous = seq[index - 1] if index else None
    if line.sentence_end:
        return (
            _headline_asking(
                line,
                previous,
                following,
                seq[index + 2] if index + 2 < len(seq) else None,
                opens_page=index == 1,
            )
            or (index > 0 and _wide_head_over_its_rest(seq, index - 1))
            or _question_over_box(line, previous, following)
        )
    if (
        _INNER_FULL_STOP.search(line.text)
        and isinstance(following, TextLine)
        and following.sentence_end
        and not following.blank_before
        and not (isinstance(previous, TextLine) and not previous.sentence_end)
    ):
        # A sentence ended inside the line and the next begun, which the next line ends: a
        # paragraph's rest printed apart from it after other text (a box's), short as a head
        # line and its remainder (门再也不用踩泥了。”居民 / 李师傅说。). Not under a line ending
        # no sentence (a headline): taken with it, that keeps its story's heads together.
        return False
    if _wide(line):
        if _brief_over_its_close(line, following):
            return False
        # Set across columns, unless running text of a wider box (a brief over two columns):
        # that has commas and goes on in a line as wide, or one ending the sentence.
        return not (
            re.search("[，、；]", line.text)
            and isinstance(following, TextLine)
            and not following.dateline
            and not _head_like_alone(following)  # a subtitle's dash: the line is its headline
            and (following.sentence_end or _wide(following))
            and not _wide_tier_over_dateline(seq, index + 1)
            and not _wide_head_over_its_rest(seq, index)
        )
    if following is None or isinstance(following, Segment):
        return True
    if following.dateline or _byline_line(following) or following.byline_only:
        return True
    if following.sentence_end and not _full(following) and re.search("[，、；]", line.text):
        # Running text (commas) whose last line ends the sentence: a paragraph's rest printed
        # after a break (…余 / 户。), not a tier over a shorter tier, which ends none.
        return False
    # A paragraph's first line goes on in full lines of its column (not in one set wider, which
    # is a headline tier, unless a box's running text) to a sentence end; not in a paragraph's
    # indented first line, though its punctuation squeezed makes it look full.
    after = [x for x in seq[index + 1 : index + 3] if isinstance(x, TextLine)]
    # A line with figures counts short (they are set wider than half a character): counted as
    # set, it may be a full line going on, not an indented one under a head.
    full = _full_counting_figures(seq, index + 1)
    short = not full and not _full(following) and not _quote_after_colon(seq, index + 1)
    if (
        short
        or _head_like_alone(following)
        or (not full and (_squeezed_indent(after) or _over_indent_read_full(seq, index, after)))
    ):
        return True
    if _wide(following) and _head_like(seq, index + 1, deep=deep):
        return True
    return deep and not _reaches_sentence_end(seq, index)


def _brief_over_its_close(line: TextLine, following: TextLine | Segment | None) -> bool:
    """Whether a wide line with no mark is a brief's first line over its last: the line under it,
    no wider, ends the sentence on its writer's name (…起施行。（李华）). A box of briefs set
    wider than the columns breaks an item anywhere, before any comma; a headline over a story
    of one line closing on its writer is no story a paper prints."""
    return (
        isinstance(following, TextLine)
        and not following.blank_before
        and not following.dateline
        and following.sentence_end
        and following.width <= line.width
        and _BRIEF_CLOSES.search(following.text.replace(" ", "")) is not None
    )


def _over_indent_read_full(seq: Sequence[TextLine | Segment], index: int, after: Sequence[TextLine]) -> bool:
    """Whether the line ``seq[index]``, after a sentence's end and narrower than any indented line, stands
    over a paragraph's indented first line that reads as full against a column estimated short
    (a column a fraction of a character wider than whole characters: its lines measure 11 and
    12): the line under it a character narrower than the full line under that. A paragraph's
    first line is indented or full, so ``line`` is a head line (a subhead) over the paragraph;
    unless running text (a comma) held short by the figure or Latin word opening the next line,
    which a typesetter does not break (截至9月底，全省 / PM2.5平均浓度…). Only after a paragraph
    printed in order (opening on a line not full): text out of place above it may have lost the
    heads it stood under."""
    if len(after) < 2:
        return False
    line, first, second = seq[index], after[0], after[1]
    assert isinstance(line, TextLine)
    start = index - 1  # the first line of the paragraph the line comes after
    while start > 0:
        here, above = seq[start], seq[start - 1]
        if not isinstance(here, TextLine) or not isinstance(above, TextLine):
            break
        if here.blank_before or above.sentence_end:
            break
        start -= 1
    opening = seq[start] if start >= 0 else None
    if isinstance(opening, TextLine) and start < index - 1 and _full(opening) and not opening.dateline:
        return False
    previous = seq[index - 1] if index else None
    return (
        isinstance(previous, TextLine)
        and previous.sentence_end
        and line.width < line.column - 3.6
        and line.width <= first.width - 2
        and not re.search("[，；：]", line.text)
        and not re.match("[0-9A-Za-z]", first.text)
        and not any(SPACE_BETWEEN_CHINESE.search(x.text) for x in after)  # columns printed side by side
        and not first.sentence_end
        and not second.blank_before
        and _full(second)
        and first.width <= second.width - 1
    )


_MARK_INSIDE = re.compile(r"[，。、；：！？!?…]")
_CLAUSE_MARK = re.compile(r"[，：,:]")  # what parts a headline's two clauses (赛事：主队险胜)


def _wide_tier_over_dateline(seq: Sequence[TextLine | Segment], index: int) -> bool:
    """Whether ``seq[index]`` is a head tier set across columns right over its story's dateline
    or byline: wide, with no mark of running text (a subtitle with no dash). The wide line over
    it, commas or not, is then the story's headline, not a box's running text going on."""
    line = seq[index] if index < len(seq) else None
    under = seq[index + 1] if index + 1 < len(seq) else None
    return (
        isinstance(line, TextLine)
        and isinstance(under, TextLine)
        and _wide(line)
        and not line.sentence_end
        and not re.search("[，。、；：！？]", line.text)
        and bool(under.dateline or under.byline_only or _byline_line(under))
    )


def _headline_asking(
    line: TextLine,
    previous: TextLine | Segment | None,
    following: TextLine | Segment | None,
    beyond: TextLine | Segment | None = None,
    *,
    opens_page: bool = False,
) -> bool:
    """Whether a line ending on ？ or ！ is a headline (跨境电商订单为何逆势上涨？): it holds no other
    mark (but one comma or colon parting two clauses), stands apart from the text before it
    (which ended its sentence, or is a head line itself: a kicker), and a dateline, a byline or
    a ——subtitle follows it. Only a story's heads stand right over their dateline or byline; a
    paragraph's question has a paragraph under it. Also between two head lines, a kicker over
    it and a subtitle with no dash under it that ends its block (``beyond``, the line after the
    subtitle, stands apart, or is a dateline or byline): a paragraph's first line goes on.
    ``opens_page``: ``previous`` is the page's first text (only furniture above it)."""
    text = line.text.strip()
    # One comma or colon may part the headline's two clauses (写诗，算不算创作？); more marks, or
    # any other, are a sentence's.
    inner = _MARK_INSIDE.findall(text[:-1])
    if (
        not text.endswith(("？", "！", "?", "!"))
        or len(inner) > 1
        or (inner and not _CLAUSE_MARK.match(inner[0]))
    ):
        return False
    if not isinstance(following, TextLine):
        return False
    if not _stands_under_a_head(following, beyond):
        return _between_head_lines(line, previous, following, beyond, opens_page=opens_page)
    # A kicker of two parts parted by a space (开局平稳 全年可期) is as wide as a headline: read
    # as two columns' lines run together, it is no line of a paragraph either.
    if not isinstance(previous, TextLine):
        return True
    set_apart = not _full(previous) or _wide(previous) or _merged(previous)
    return (
        line.blank_before or previous.sentence_end or (set_apart and not re.search("[，、；]", previous.text))
    )


def _question_over_box(
    line: TextLine, previous: TextLine | Segment | None, following: TextLine | Segment | None
) -> bool:
    """Whether a line ending on ？ stands as a headline asking right over a box of briefs' title
    (``_box_titles_over_briefs``): with no mark inside, after a sentence's end. A page drawn
    headline-after prints a story's heads after its body, then the box under them; a paragraph's
    question of its own line at a story's end over a box is rarer than a headline."""
    text = line.text.strip()
    return (
        isinstance(following, Segment)
        and following.kind is SegmentKind.SECTION
        and text.endswith(("？", "?"))
        and not _MARK_INSIDE.search(text[:-1])
        and isinstance(previous, TextLine)
        and previous.sentence_end
    )


def _wide_head_over_its_rest(seq: Sequence[TextLine | Segment], index: int) -> bool:
    """Whether the line ``seq[index]``, set across columns, is a headline asking wrapped onto a
    short rest that ends on ？ or ！ (新能源车降价，现在是入手好时 / 机吗？), the rest standing as
    a headline asking does (over a dateline, a byline, a ——subtitle, or a subtitle with no dash
    over either). The two hold no more marks than a headline's one comma or colon, and the line
    over them ends a sentence or a block, or is a head line itself (a kicker): a box's running
    text set as wide has its marks and runs on from running text."""
    line = seq[index]
    rest = seq[index + 1] if index + 1 < len(seq) else None
    if not (isinstance(line, TextLine) and isinstance(rest, TextLine)) or not _wide(line):
        return False
    if not rest.text.endswith(("？", "！", "?", "!")) or rest.blank_before or rest.width > 0.6 * line.width:
        return False
    inner = _MARK_INSIDE.findall(line.text + rest.text[:-1])
    if len(inner) > 1 or (inner and not _CLAUSE_MARK.match(inner[0])):
        return False
    following = seq[index + 2] if index + 2 < len(seq) else None
    beyond = seq[index + 3] if index + 3 < len(seq) else None
    # Or the page's text ends under it: a page drawn headline-after closes on its last heads.
    if following is not None and (
        not isinstance(following, TextLine) or not _stands_under_a_head(following, beyond)
    ):
        return False
    above = seq[index - 1] if index else None
    return (
        not isinstance(above, TextLine)
        or line.blank_before
        or above.sentence_end
        or not BODY_PUNCTUATION.search(above.text)
    )


def _stands_under_a_head(following: TextLine, beyond: TextLine | Segment | None) -> bool:
    """Whether ``following`` is what stands right under a story's heads: its dateline, a subtitle
    on a dash, a byline, or a subtitle with no dash over a dateline or byline (``beyond``)."""
    return bool(
        following.dateline
        or following.text.startswith("——")
        or _byline_line(following)
        or _over_subtitle_and_byline(following, beyond)
    )


def _over_subtitle_and_byline(following: TextLine, beyond: TextLine | Segment | None) -> bool:
    """Whether the line under a question or exclamation is its subtitle with no dash (最高气温
    32℃，局部有雷阵雨): no sentence end, no more marks than a head's one comma or colon, and a
    dateline or byline right under it. A paragraph's question is followed by running text, which
    a dateline never follows a line later: only a story's heads stand so."""
    if not isinstance(beyond, TextLine) or not (beyond.dateline or _byline_line(beyond)):
        return False
    if following.sentence_end or following.blank_before:
        return False
    inner = _MARK_INSIDE.findall(following.text)
    return len(inner) <= 1 and all(_CLAUSE_MARK.match(mark) for mark in inner)


def _between_head_lines(
    line: TextLine,
    previous: TextLine | Segment | None,
    following: TextLine,
    beyond: TextLine | Segment | None,
    *,
    opens_page: bool = False,
) -> bool:
    """Whether ``line`` stands right under a head line that opens its block (a kicker: no mark of
    running text, a blank or the page's top before it, the folio a line-at-a-time extractor
    prints over it dropped as furniture: ``opens_page``) and right over one that closes it (a
    subtitle with no dash: no mark of running text, and the block ends under it or a dateline or
    byline follows)."""
    if not isinstance(previous, TextLine) or previous.sentence_end or BODY_PUNCTUATION.search(previous.text):
        return False
    if following.blank_before or following.sentence_end or BODY_PUNCTUATION.search(following.text):
        return False
    opens = previous.blank_before or previous.number <= 1 or opens_page
    closes = beyond is None or (
        isinstance(beyond, TextLine) and (beyond.blank_before or beyond.dateline or _byline_line(beyond))
    )
    return opens and closes


def _reaches_sentence_end(seq: Sequence[TextLine | Segment], index: int) -> bool:
    """Whether the lines from ``seq[index]`` on run as one paragraph to a sentence end: a
    paragraph never stops mid-sentence (but at a jump line), a kicker over its headline does."""
    first = seq[index]
    assert isinstance(first, TextLine)
    if first.width <= first.column / 3 and not re.search("[，、；：。！？]", first.text):
        # A few characters with no punctuation open no paragraph (its first line is indented
        # or full): a wrapped head line's rest (科技赋能让老产业焕发新 / 生机).
        return False
    run: list[TextLine] = [first]
    for at, item in enumerate(seq[index + 1 : index + 80], index + 1):
        if isinstance(item, Segment):
            # At a jump line the paragraph goes on elsewhere; a section word may open a box
            # printed into the column, which running text (with its commas) runs round.
            texts = "".join(line.text for line in run)
            return item.kind is SegmentKind.JUMP or (
                item.kind is SegmentKind.SECTION and bool(re.search("[，、；]", texts))
            )
        if (
            item.blank_before
            and len(run) <= 2
            and not _indented(run[0])
            and not re.search("[，、；：]", "".join(line.text for line in run))
        ):
            # An extractor's block break right after one or two lines with no comma: a
            # paragraph's first lines would rarely end a block; headline tiers do.
            return False
        if item.blank_before and len(run) >= 2 and _INNER_SENTENCE_END.search("".join(x.text for x in run)):
            # Lines with a sentence ended inside them and more text after it, broken off at a
            # block's end: running text whose rest was printed elsewhere (heads end no sentence).
            return True
        if (
            item.blank_before
            and re.search("[，、；]", "".join(line.text for line in run))
            and not item.sentence_end
            and _heads_over_story(seq, at)
        ):
            # Running text (with its commas) broken off at a block's end, and a story's heads
            # next: the paragraph's rest was printed elsewhere.
            return True
        if (
            item.blank_before
            and (item.byline_only or _byline_line(item))
            and len(run) >= 2
            and _indented(run[0])
            and not any(line.blank_before for line in run[1:])
            and re.search("[，、；]", "".join(line.text for line in run[1:]))
        ):
            # A paragraph's indented first line and running text (commas) under it, one block,
            # broken off over a byline printed apart from its story's heads (pdftotext prints a
            # byline's second name so): the paragraph's rest was printed elsewhere.
            return True
        if item.sentence_end and _headline_asking(
            item,
            run[-1],
            seq[at + 1] if at + 1 < len(seq) else None,
            seq[at + 2] if at + 2 < len(seq) else None,
            opens_page=run[-1] is seq[0],
        ):
            return False  # the lines reach a headline asking a question, over its dateline
        run.append(item)
        if (
            item.dateline
            or item.hard_break_before
            or item.byline_only
            or _byline_line(item)
            or (_wide(item) and not re.search("[，、；]", item.text))
        ):
            return False
        if item.sentence_end or ends_sentence("".join(x.text for x in run[-2:])):
            return True  # a sentence end, or a byline broken over two lines (。（陈 / 静）)
        under = seq[at + 1] if at + 1 < len(seq) else None
        if _full_counting_figures(seq, at):
            continue  # a full line, its figures counted as set
        if _indented(item) or _squeezed_indent([item, under] if under is not None else [item]):
            # The next paragraph (this one broke off mid-sentence: text lost or moved), or a
            # head line that only looks indented (a tier over a byline): then the lines before
            # it are running text broken off only if they have its commas. A line or two with
            # no punctuation at all before a paragraph's first line are heads, not its text.
            before = "".join(x.text for x in run[:-1])
            if len(run) <= 3 and not re.search("[，、；：。！？]", before):
                return False
            return not _head_like(seq, at, deep=False) or bool(re.search("[，、；]", before))
        if not _full(item) and not _quote_after_colon(seq, at) and not _quote_after_colon(seq, at - 1):
            return False  # a short line inside a paragraph is its last, which ends a sentence
    return False


def _full_counting_figures(seq: Sequence[TextLine | Segment], index: int) -> bool:
    """Whether ``seq[index]``, holding figures or Latin letters, is a column's full line once they
    are counted as wide as they are set (a little wider than half a character, with a thin
    space where they meet Chinese), and a character more where it is held short (the line
    under it opens on a character and a mark, 间，): wider than an indented first line by more
    than a justified line may vary. Counted at half a character, such a line reads as an
    indented one, and the line over it as a head standing alone; an indented line with figures
    counts about an indent short still."""
    line = seq[index] if 0 <= index < len(seq) else None
    after = seq[index + 1] if 0 <= index + 1 < len(seq) else None
    if not isinstance(line, TextLine) or not FIGURES_RUN.search(line.text):
        return False
    if dateline_at_start(line.text.replace(" ", "")):
        return False  # a dateline opens its story, whatever its width (1 2 月: figures spaced apart)
    held = isinstance(after, TextLine) and not after.blank_before and _held_down(after.text)
    # Its narrowest reading: a closing mark at its end may hang or be squeezed half wide.
    counted = line.narrowest + figures_allowance(line.text) + (1.0 if held else 0.0)
    return counted >= line.column - _FULL_COUNTED


_FULL_COUNTED = 0.8  # characters short of the column: a full line, not an indented one (two short)


def _held_down(text: str) -> bool:
    """A line opening on a character and a mark a line may not open with (间，, 查……): the
    character was taken down with the mark, the line above held short of the column."""
    bare = text.replace(" ", "")
    return len(bare) >= 2 and (bare[1] in _NO_LINE_OPENS or bare[1] == "…")


def _quote_after_colon(seq: Sequence[TextLine | Segment], index: int) -> bool:
    """Whether the line ``seq[index]``, ending on a colon, and the next, opening a quotation,
    are one printed line that the extractor broke at the quote (主教练表示： / “年轻队员): the
    two fill about a column (``tucked_quote``) and running text goes on under them in the same
    block. A head line never ends on a colon with the quotation it introduces under it."""
    line = seq[index] if 0 <= index < len(seq) else None
    following = seq[index + 1] if 0 <= index + 1 < len(seq) else None
    after = seq[index + 2] if 0 <= index + 2 < len(seq) else None
    return (
        isinstance(line, TextLine)
        and isinstance(following, TextLine)
        and isinstance(after, TextLine)
        and line.text.endswith("：")
        and tucked_quote(line, following, line.column)
        and not after.blank_before
        and (_full(after) or after.sentence_end)
    )


def _head_like_alone(line: TextLine) -> bool:
    """A full-width line that still cannot be running text: letter-spaced wider or dash-led."""
    return line.text.startswith("——")


def _wide(line: TextLine) -> bool:
    return line.narrowest > line.column + 1.5 and not _merged(line)


def _merged(line: TextLine) -> bool:
    """Two columns' lines printed as one (pdftotext with a narrow gutter): about twice the
    column's width with a space between the two halves."""
    return (
        line.width > 1.6 * line.column and line.column >= 6 and bool(SPACE_BETWEEN_CHINESE.search(line.text))
    )


@dataclass
class _Piece:
    segment: Segment
    open_start: bool = False  # a paragraph opening mid-sentence: a full first line, no dateline
    open_end: bool = False  # a paragraph breaking off mid-sentence
    last_line: int = 0
    # Its first line shorter than its second: an indented first line, though the column's
    # width as estimated made it look full (punctuation squeezed into lines a character wider).
    opens_short: bool = False


def _segments(
    seq: Sequence[TextLine | Segment], doubts: list[tuple[int, str]], doubled: Collection[int] = ()
) -> list[Segment]:
    """The page's segments, a paragraph interrupted by a box rejoined (see ``_rejoin``)."""
    pieces: list[_Piece] = []
    current: list[TextLine] = []
    heads: list[TextLine] = []
    after_marker = False
    in_box = False  # after a section word (简讯) and before the next headline
    box_wide: bool | None = None  # whether the box's first brief is set wider than the column
    beside: Segment | None = None  # a section word printed into a column from its box beside
    beside_at = 0  # the pieces read before it
    beside_wide = False  # its box opens only at text set wider (the word stood between head lines)
    rest_next = False  # the next paragraph is the rest of the one the section word broke
    # A line opening a paragraph under one that ended a line short of its measure: it opens a
    # sentence, though as wide as a full line.
    fresh_start = 0
    lead_opens = False  # the paragraph read opens on a line read as a head first (over 简讯)
    measured: dict[tuple[int, int], bool] = {}  # _opens_short_of_its_measure's answers, asked twice a line

    def flush() -> None:
        nonlocal current, box_wide, rest_next
        if current:
            text = "".join(respace(x.text) for x in current)
            first, last = current[0], current[-1]
            if in_box and box_wide is None:
                box_wide = _wide(first)
            # Briefs in a box are not indented; but text at the column's measure after briefs
            # set wider is no brief of the box: a column's text going on below it.
            brief = in_box and not (box_wide and not _wide(first))
            # Text set wider than the column is not indented.
            open_start = rest_next or (
                not lead_opens
                and _full(first)
                and not _wide(first)
                and not first.dateline
                and not after_marker
                and first.number != fresh_start
                and not brief
                and not _squeezed_indent(current)
            )
            pieces.append(
                _Piece(
                    Segment(SegmentKind.PARAGRAPH, text, line=first.number, open_start=open_start),
                    open_start=open_start,
                    open_end=not ends_sentence(text),
                    last_line=last.number,
                    opens_short=len(current) >= 2 and first.width <= current[1].width - 1.5,
                )
            )
            current = []
            rest_next = False

    def flush_heads() -> None:
        nonlocal in_box
        # One block for a run of standalone lines, its tiers (kicker, headline, subtitle) one
        # to a line of its text: ``articles`` tells them apart.
        nonlocal heads
        if heads:
            in_box = False
            groups = tiers(subtitles_off_head_lines(heads), doubled)
            text = "\n".join("".join(respace(x.text) for x in group) for group in groups)
            display = any(is_letter_spaced(x.text) or x.narrowest > x.column + 1.5 for x in heads)
            bold = bold_tier(groups, doubled)
            if bold is None:
                bold = letter_spaced_tier(groups)
            pieces.append(
                _Piece(
                    Segment(SegmentKind.BLOCK, text, display=display, line=heads[0].number, bold_tier=bold)
                )
            )
            upper, lower = text.split("\n")[:2] if len(groups) == 2 else ("", "")
            if (
                upper
                and not lower.startswith("—")
                and headline_over_long_subtitle(upper, lower)
                and bold is None
                and not labelled_kicker(upper, lower)
            ):
                # Kicker over headline, or headline over a subtitle without a dash: only the
                # type size tells, and text has none.
                doubts.append((heads[0].number, HEADLINE_OVER_SUBTITLE_DOUBT))
            # The mirror doubt (read as kicker over headline, the upper as long as a headline)
            # weighs the page's other heads: ``extraction_doubts`` (``_kickers_as_long_as_headlines``).
            if len(heads) > 3:
                doubts.append(
                    (
                        heads[0].number,
                        (
                            f"{len(heads)} lines stand together as headline tiers: the heads of "
                            "two stories side by side, or a tier over two lines? (read the PDF "
                            "for this page)"
                        ),
                    )
                )
            doubts.extend((heads[0].number, message) for message in head_shape_doubts(groups, doubled))
        heads = []

    lines = [item for item in seq if isinstance(item, TextLine)]
    position = {id(line): n for n, line in enumerate(lines)}

    def open_box(section: Segment) -> None:
        nonlocal in_box, box_wide
        pieces.append(_Piece(section))
        if not in_box:
            in_box, box_wide = True, None

    for index, item in enumerate(seq):
        if isinstance(item, Segment):
            # A paragraph's first line right over the section word reads as a head line (a
            # segment follows it); with running text's marks it is the paragraph's, if it runs on.
            lead = current or _opening_line_over_box(heads)
            if item.kind is SegmentKind.SECTION and not in_box and _section_beside(seq, index, lead):
                if not current:
                    # It stood apart from the text before it: it opens its paragraph.
                    current, heads, lead_opens = lead, [], True
                flush()
                lead_opens = False
                flush_heads()
                beside, beside_at, rest_next = item, len(pieces), True  # its box comes later
                beside_wide = False
                continue
            if (
                item.kind is SegmentKind.SECTION
                and not in_box
                and beside is None
                and _heads_go_on(seq, index, heads)
            ):
                # A section word printed between a story's head lines from its box beside them:
                # the heads go on under it, and the box is the text set wider after the story.
                beside, beside_at, beside_wide = item, len(pieces), True
                continue
            flush()
            flush_heads()
            if beside is not None:
                open_box(beside)
                beside = None
            if item.kind is SegmentKind.SECTION:
                open_box(item)
            else:
                pieces.append(_Piece(item))
            after_marker = item.kind is SegmentKind.MARKER
            continue
        if (
            beside is not None
            and (
                _wide(item)
                or (not beside_wide and item.blank_before and (len(pieces) > beside_at or bool(current)))
            )
            and (not current or not _continues(current, seq, index, measured))
        ):
            # The box: the first text set wider, or the first block after the paragraph's rest.
            flush()
            flush_heads()
            open_box(beside)
            beside = None
        at = position[id(item)]
        if _merged(item):
            doubts.append(
                (
                    item.number,
                    (
                        "two columns printed as one line here: the text may be out of order "
                        "(read the PDF for this page)"
                    ),
                )
            )
        byline_at = _story_byline(pieces)
        if (
            byline_at is not None
            and _NAME.match(item.text)
            and item.blank_before
            and _block_of_its_own(seq, index)
            and not heads
        ):
            # A byline's next name, printed by pdftotext as a block of its own further down
            # (本报记者 赵磊 … 刘洋), a caption or the story's text between: the paragraph goes on.
            byline = pieces[byline_at].segment
            pieces[byline_at] = _Piece(
                Segment(SegmentKind.BYLINE, f"{byline.text} {item.text}", line=byline.line)
            )
            continue
        if current:
            last = current[-1]
            if _continues(current, seq, index, measured):
                if (
                    _indented(item)
                    and not last.sentence_end
                    and not item.blank_before
                    and _full(last)
                    and at + 1 < len(lines)
                    and _full(lines[at + 1])
                    and not _head_like(seq, index)
                    and not _paragraph_end_over_heads(seq, index)
                    and not any(_wide(x) for x in (last, item, lines[at + 1]))
                ):
                    doubts.append(
                        (
                            item.number,
                            (
                                "a paragraph's indented first line in mid-sentence: two columns may "
                                "be interleaved line by line here (read the PDF for this page)"
                            ),
                        )
                    )
                if last.sentence_end and _indented(item) and tucked_quote(last, item, item.column):
                    # One line broken at a quote tucked under a full stop, or a paragraph's short
                    # last line and the next one's indented first line opening with a quote: the
                    # two fill a column either way.
                    doubts.append(
                        (
                            item.number,
                            (
                                "a line opening with a quote read on from the full stop before it: "
                                "it may open a new paragraph (read the PDF for this page)"
                            ),
                        )
                    )
                current.append(item)
                continue
            if not item.blank_before and last.sentence_end and _short_of_its_paragraph(current):
                fresh_start = item.number
            elif last.sentence_end and _opens_short_measured(current, seq, index, measured):
                fresh_start = item.number  # an indented first line, though it counts nearly full
            if _one_line_over_line_held_short(current, seq, index):
                doubts.append(
                    (
                        item.number,
                        (
                            "a paragraph of one line ending a sentence, the line under it short of "
                            "the column only by the number opening the next: it may go on in that "
                            "line (read the PDF for this page)"
                        ),
                    )
                )
            flush()
            after_marker = False
        if (
            pieces
            and pieces[-1].segment.kind is SegmentKind.BYLINE
            and _NAME.match(item.text)
            and not current
            and not heads
        ):
            # A byline's next name, set apart by an extractor (本报记者 杨帆 / 李红).
            byline = pieces[-1].segment
            pieces[-1] = _Piece(Segment(SegmentKind.BYLINE, f"{byline.text} {item.text}", line=byline.line))
            continue
        if item.byline_only or _byline_line(item):
            flush_heads()
            pieces.append(
                _Piece(Segment(SegmentKind.BYLINE, respace(item.text).strip("（）()"), line=item.number))
            )
            continue
        if not after_marker and _head_like(seq, index):
            heads.append(item)
            continue
        flush_heads()
        current.append(item)
    flush()
    flush_heads()
    if beside is not None:
        pieces.append(_Piece(beside))
    return _rejoin(pieces, doubts)


def _opening_line_over_box(heads: list[TextLine]) -> list[TextLine]:
    """A lone head line holding running text's marks (依托5G网络，远程诊疗、) over a section word:
    maybe a paragraph's first line (``_section_beside`` tells), else nothing."""
    if len(heads) == 1 and re.search("[，、；]", heads[0].text) and not _wide(heads[0]):
        return heads
    return []


_TIERS = 3  # a story's head lines at most: kicker, headline, subtitle


def _heads_go_on(seq: Sequence[TextLine | Segment], index: int, heads: list[TextLine]) -> bool:
    """Whether the section word ``seq[index]`` (简讯) stands between a story's head lines: one
    or two head lines before it with no text under them yet, and under it a head line at the
    column's measure right over a dateline at the column's measure (not a brief of the box, set
    wider), where only a story's heads stand."""
    following = seq[index + 1] if index + 1 < len(seq) else None
    after = seq[index + 2] if index + 2 < len(seq) else None
    return (
        0 < len(heads) < _TIERS  # room for the tier under the word
        and isinstance(following, TextLine)
        and isinstance(after, TextLine)
        and following.blank_before  # the word a block of its own, as pdftotext prints a box's
        and not _wide(following)
        and after.dateline
        and not _wide(after)
        and _head_like(seq, index + 1)
    )


def _section_beside(seq: Sequence[TextLine | Segment], index: int, current: list[TextLine]) -> bool:
    """Whether the section word ``seq[index]`` (简讯) was printed into a column from its box
    beside: the paragraph before it breaks off mid-sentence on a full line, and the line after
    it goes on mid-sentence at the column's measure (a full line, no dateline, not set wider
    as the box's briefs are, not a headline over its story) or ends the sentence in a few
    characters. The paragraph runs on past it; its box is the wider text after."""
    following = seq[index + 1] if index + 1 < len(seq) else None
    if not current or not isinstance(following, TextLine):
        return False
    last = current[-1]
    # A paragraph's indented first line is short of a full line by its indent.
    short = not _full(last) and not (len(current) == 1 and _indented(last))
    if ends_sentence("".join(x.text for x in current[-2:])) or short or _wide(last):
        return False
    if following.dateline or _wide(following):
        return False
    if following.sentence_end and following.width <= following.column / 2:
        return True  # the paragraph's last few characters (…行业的发 / 简讯 / 展。)
    return (
        _full(following)
        and not following.sentence_end
        and bool(re.search("[，、；]", following.text + "".join(x.text for x in current)))
        and not _head_like(seq, index + 1)
    )


def _rejoin(pieces: list[_Piece], doubts: list[tuple[int, str]]) -> list[Segment]:
    """A paragraph never breaks off mid-sentence but at a jump: where one does, the next
    paragraph that opens mid-sentence is its rest (an extractor printed a box, a caption or
    another column between the two). One whose rest does not come next is kept: an extractor
    that prints its boxes out of order (pdfminer.six) may print the rest after whole paragraphs
    or another story, and the next paragraph opening mid-sentence with none open before it is
    taken as the latest kept one's rest, with a doubt. What stays open is a doubt."""
    out: list[_Piece | None] = list(pieces)
    pending: int | None = None
    kept: list[int] = []  # paragraphs broken off whose rest did not come next
    paragraphs = [n for n, p in enumerate(pieces) if p.segment.kind is SegmentKind.PARAGRAPH]
    first_paragraph = paragraphs[0] if paragraphs else -1

    def join(front_at: int, n: int, *, past_text: bool) -> None:
        front = out[front_at]
        assert front is not None
        rest = pieces[n]
        joined = replace(front.segment, text=front.segment.text + rest.segment.text)
        out[front_at] = _Piece(joined, front.open_start, rest.open_end, rest.last_line, front.opens_short)
        out[n] = None
        if not past_text:
            return
        # Said where the paragraph broke off and where its rest was printed: either story may
        # be misread if the join is wrong.
        broken_at, rest_at = front.last_line, rest.segment.line or 0
        doubts.append(
            (
                broken_at,
                (
                    f"a paragraph breaks off mid-sentence here; the text at line {rest_at}, "
                    "past other text, is read as its rest: check the join (read the PDF for "
                    "this page)"
                ),
            )
        )
        doubts.append(
            (
                rest_at,
                (
                    "a paragraph opening mid-sentence here is read as the rest of one broken "
                    f"off at line {broken_at}, past other text: check the join (read the PDF "
                    "for this page)"
                ),
            )
        )

    for n, piece in enumerate(pieces):
        if piece.segment.kind is SegmentKind.JUMP:
            pending = None  # the paragraph before a jump line goes on on another page
            kept.clear()
            continue
        if piece.segment.kind is not SegmentKind.PARAGRAPH:
            continue
        if piece.open_start and pending is not None and n != first_paragraph:
            # Past a story's heads, the rest may be that story's text, not the paragraph's.
            heads_between = any(p.segment.kind is SegmentKind.BLOCK for p in pieces[pending + 1 : n])
            join(pending, n, past_text=heads_between)
            pending = pending if piece.open_end else None
            continue
        if piece.open_start and not piece.opens_short and kept and n != first_paragraph:
            front_at = kept.pop()
            join(front_at, n, past_text=True)
            pending = front_at if piece.open_end else None
            continue
        if piece.open_start and n != first_paragraph:
            doubts.append(
                (
                    piece.segment.line or 0,
                    (
                        "a paragraph opens mid-sentence here: its beginning was not found "
                        "(read the PDF for this page)"
                    ),
                )
            )
        if pending is not None:
            kept.append(pending)
        pending = n if piece.open_end else None
    last = max(paragraphs) if paragraphs else -1
    if pending is not None and pending != last:
        kept.append(pending)
    for front_at in kept:
        front = out[front_at]
        assert front is not None
        doubts.append(
            (
                front.last_line,
                (
                    "a paragraph breaks off mid-sentence here: its rest was not found "
                    "(read the PDF for this page)"
                ),
            )
        )
    return [p.segment for p in out if p is not None]


def _continues(
    current: list[TextLine],
    seq: Sequence[TextLine | Segment],
    index: int,
    measured: dict[tuple[int, int], bool] | None = None,
) -> bool:
    """Whether the line ``seq[index]`` goes on with the paragraph of the lines ``current``
    (``measured`` keeps ``_opens_short_of_its_measure``'s answers for the caller to ask again)."""
    line = seq[index]
    assert isinstance(line, TextLine)
    last = current[-1]
    # The paragraph's end as read: its last lines, for a byline broken over two (。/（王建/国）).
    tail = "".join(x.text for x in current[-3:])
    if line.hard_break_before or line.dateline or line.byline_only or _byline_line(line):
        return False
    if last.byline_only or _CLOSING_BYLINE.search(tail):
        return False  # a byline closes the article or brief: 。（刘洋）
    if line.blank_before and _heads_over_story(seq, index):
        return False  # a story's heads, though the text before them broke off mid-sentence
    if line.blank_before and _question_over_its_byline(seq, index):
        return False  # a headline asking, over its byline or dateline, after a block break
    if (
        line.blank_before
        and not line.sentence_end
        and (not _full(line) or _block_of_its_own(seq, index))
        and not re.search("[，、；：。！？]", line.text)
        and _head_like(seq, index)
    ):
        # After a block break, a line ending no sentence, short or a block of its own, with no
        # punctuation, is no paragraph's rest (that goes on in full lines, or ends a sentence):
        # a head line of the next story, though the text before it broke off mid-sentence.
        return False
    if not ends_sentence(tail) or last.text.count("（") > last.text.count("）"):
        return True  # mid-sentence or mid-bracket: the paragraph goes on, across a blank (a column break) too
    if len(current) >= 2 and _wide(current[-2]) and last.width < current[-2].width - 1.6:
        # Text set wider than the column (a box of briefs over several columns) has its own
        # width, the lines above: a line ending a sentence short of them ends the paragraph.
        return False
    if (
        _wide(last)
        and _wide(line)
        and not line.sentence_end
        and not line.blank_before
        and line.narrowest <= last.narrowest - 0.9
    ):
        # Text set wider than the column (a box of briefs) is measured by its own lines: after a
        # sentence ending on a full line, a line short of it that goes on is the next item's
        # indented first line (a brief's, 近日… / 为丰富…), not the paragraph's rest.
        return False
    following = seq[index + 1] if index + 1 < len(seq) else None
    if (
        line.text.startswith("（")
        and "）" not in line.text
        and isinstance(following, TextLine)
        and following.text.endswith("）")
        and len(line.text + following.text) <= 22
    ):
        return True  # a closing byline broken over two lines: 。/（王建/国）
    if tucked_quote(last, line, max(line.column, _paragraph_measure(current))):
        return True  # one printed line, broken by the extractor at a tucked quote
    if _QUOTE_CLOSED.search(last.text) and _ATTRIBUTION.match(line.text) and not line.blank_before:
        # Who said it, after the quote's closing mark: a line that looks indented only by being
        # short (…天天来吃。” / 七十八岁的赵大爷说。) and that no paragraph opens with.
        return True
    if _first_line_ends_sentence(current, seq, index):
        return True
    shown = _as_printed(seq, index)
    # The paragraph's last line as printed: with the line before it, where an extractor broke
    # one printed line at a tucked quote (…好时节。 / “方便多了！): the two are one full line.
    last_printed = _tucked_last(current)
    if len(current) == 1 and index >= 2 and seq[index - 1] is last and _rest_of_byline_line(seq, index - 1):
        byline = seq[index - 2]
        assert isinstance(byline, TextLine)
        last_printed = TextLine(byline.text + last.text, byline.width + last.width, column=last.column)
    if _indented(shown) or not _full(last_printed) or line.blank_before and not _full(shown):
        return False
    if last_printed is last and _short_of_its_paragraph(current):
        return False
    if _indented_held_short(seq, index):
        return False  # the next paragraph's indented first line, a character pulled down off it
    if _squeezed_indent(seq[index : index + 2]):
        return False  # the next paragraph's indented first line, its punctuation squeezed
    if line.sentence_end:
        return not (line.blank_before and _head_like(seq, index))
    if _opens_short_measured(current, seq, index, measured):
        return False  # the next paragraph's indented first line, its marks squeezed or figures spaced
    if _runs_on_past_column_foot(seq, index):
        return True
    # A full line goes on with the paragraph, unless it stands alone: a subhead as wide as the
    # column (科技赋能让老产业焕发新 / 生机) right after a paragraph's full last line.
    return not _head_like(seq, index)


_QUESTION_REST = 3  # characters: a wrapped headline's rest (吗？), not a headline asking


def _question_over_its_byline(seq: Sequence[TextLine | Segment], index: int) -> bool:
    """Whether the line ``seq[index]`` ends on ？ or ！ right over its story's byline, dateline or
    ——subtitle, a headline asking (``_headline_asking``): a paragraph broken off mid-sentence
    before a block break goes on in running text, never in a line a byline stands under."""
    line = seq[index]
    following = seq[index + 1] if index + 1 < len(seq) else None
    beyond = seq[index + 2] if index + 2 < len(seq) else None
    return (
        isinstance(line, TextLine)
        and line.sentence_end
        # Not a wrapped headline's rest of a few characters (…入手好时机 / 吗？): that is no
        # paragraph's rest either, but its headline is the line over the break.
        and len(line.text.strip()) > _QUESTION_REST
        and isinstance(following, TextLine)
        and _stands_under_a_head(following, beyond)
        and _headline_asking(line, seq[index - 1] if index else None, following, beyond)
    )


def _rest_of_byline_line(seq: Sequence[TextLine | Segment], index: int) -> bool:
    """Whether the line ``seq[index]``, opening with a quote, is the rest of the printed line of
    the byline right above it (（记者 蒲阳）“只要 / 乡亲们需要…): the extractor broke the line at
    the quote, and the two together fill about a column. The paragraph opens there; a head
    line never stands under a byline."""
    line = seq[index]
    above = seq[index - 1] if index else None
    return (
        isinstance(line, TextLine)
        and isinstance(above, TextLine)
        and (above.byline_only or _byline_line(above))
        and not line.blank_before
        and line.text[:1] in "“‘"
        and line.column - 1.6 < above.width + line.width <= line.column + 1.0
    )


def _tucked_last(current: Sequence[TextLine]) -> TextLine:
    """The last line of the paragraph ``current`` as printed: joined to the line before it
    where the two are one printed line an extractor broke at a tucked quote (``tucked_quote``)."""
    last = current[-1]
    if len(current) >= 2 and tucked_quote(current[-2], last, last.column):
        before = current[-2]
        return TextLine(before.text + last.text, before.width + last.width, column=last.column)
    return last


def _paragraph_measure(current: Sequence[TextLine]) -> float:
    """The widest of the lines above the paragraph ``current``'s last (a few, set solid, no
    wider than a column's line may be, closing punctuation hanging past the edge not counted):
    its own measure, where the column's width as estimated
    (the most lines' width around) may be a character short. A column set a fraction of a
    character wider than a whole number of characters holds lines a character apart, and next
    to a narrower column the estimate takes the narrower's. 0 with no such line."""
    above = [x.narrowest for x in current[-4:-1] if " " not in x.text and x.width <= x.column + 1.6]
    return max(above, default=0.0)


def _short_of_its_paragraph(current: Sequence[TextLine]) -> bool:
    """Whether the paragraph ``current``'s last line, ending a sentence, is an indent or more
    short of the full lines above it (``_paragraph_measure``): its last line, though the
    column's width as estimated makes it look full."""
    measure = _paragraph_measure(current)
    return measure > 0 and current[-1].width <= measure - 1.6


def _first_line_ends_sentence(current: list[TextLine], seq: Sequence[TextLine | Segment], index: int) -> bool:
    """Whether a paragraph's indented first line (``current``, one line) that ends a sentence
    (a short question or sentence: 订单为什么不降反升？) goes on in the full line ``seq[index]``
    under it, in the same block: a paragraph opens on an indented line, so a full line opens
    none, and the sentence ended only by chance at the line's end. Not where that line is a
    paragraph's indented first line all the same (its punctuation squeezed, or a character
    pulled down with a mark), nor a head line, nor running text broken off short of a sentence
    end (another column's, printed after it)."""
    if len(current) != 1:
        return False
    first, line = current[0], seq[index]
    assert isinstance(line, TextLine)
    return (
        _indented(first)
        and first.sentence_end
        and not line.blank_before
        and _full(line)
        and not _wide(line)
        and not _wide(first)
        and not _squeezed_indent(seq[index : index + 2])
        and not _indented_held_short(seq, index)
        and not _head_like(seq, index)
    )


_LATIN_RUN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.,:%]*")  # a number or word no line breaks inside


def _one_line_over_line_held_short(
    current: list[TextLine], seq: Sequence[TextLine | Segment], index: int
) -> bool:
    """Whether a paragraph's indented first line that ends a sentence (``current``, one line)
    stands over a line ``seq[index]`` that looks indented only because the number opening the
    line under it (3500 万…) did not fit at its end: then it is a full line going on with the
    paragraph, and the text cannot tell it from the next paragraph's indented first line."""
    line = seq[index]
    following = seq[index + 1] if index + 1 < len(seq) else None
    if len(current) != 1 or not isinstance(line, TextLine) or not isinstance(following, TextLine):
        return False
    run = _LATIN_RUN.match(following.text)
    return (
        _indented(current[0])
        and current[0].sentence_end
        and not line.blank_before
        and not following.blank_before
        and _indented(line)
        and not line.sentence_end
        and run is not None
        and line.width + visual_width(run.group()) >= line.column - 0.6
    )


def _opens_short_measured(
    current: Sequence[TextLine],
    seq: Sequence[TextLine | Segment],
    index: int,
    measured: dict[tuple[int, int], bool] | None,
) -> bool:
    """``_opens_short_of_its_measure``, kept in ``measured`` by the line and the paragraph's length
    (the paragraph over a line is the same at each ask): ``_continues`` asks it, and
    ``_segments`` again for the same line when that says no, and it ends on ``_head_like``."""
    if measured is None:
        return _opens_short_of_its_measure(current, seq, index)
    key = (index, len(current))
    if key not in measured:
        measured[key] = _opens_short_of_its_measure(current, seq, index)
    return measured[key]


def _opens_short_of_its_measure(
    current: Sequence[TextLine], seq: Sequence[TextLine | Segment], index: int
) -> bool:
    """Whether the line ``seq[index]``, ending no sentence under a paragraph's full last line that
    ends one, is the next paragraph's indented first line that counts nearly full: an indent or
    more short of the paragraph's measure (its own full lines, or the column's) once its marks
    count half (a typesetter squeezes them to justify: 受此消息影响，公司股) and its figures
    as wide as they are set (3 月末，广义货币 is wider than it counts, 华瑞医药（600873）旗
    narrower), over a full line in the same block. A line inside a justified paragraph is
    full; one held short by the figures or the character and mark that open the line under it
    is counted with them."""
    line = seq[index]
    following = seq[index + 1] if index + 1 < len(seq) else None
    assert isinstance(line, TextLine)
    if line.blank_before or line.sentence_end or _wide(line) or not isinstance(following, TextLine):
        return False
    if following.blank_before or following.dateline or _wide(following):
        return False
    if not _full(current[-1]):
        return False  # a paragraph's short last line: the break is no question of counting
    if any(SPACE_BETWEEN_CHINESE.search(x.text) for x in (current[-1], line, following)):
        return False  # two columns' text on one line: its width counts neither column
    if following.width <= following.column - 1.6 or line.width > line.column - 1.0:
        return False  # the line under it is no paragraph's full line, or this one is full as it counts
    # The paragraph's measure, its full lines counted alike (a few, set solid), or the column's:
    # where marks are set full wide, the paragraph's full lines holding them count short too.
    above = [counted_as_set(x) for x in current[-4:] if x.width <= x.column + 1.6 and not _wide(x)]
    measure = max(above) if above else line.column
    if _LATIN_RUN.match(following.text):
        return False  # held short by the word opening the line under it, maybe: warned, not guessed
    counted = counted_as_set(line)
    if counted == line.width:
        return False  # no marks nor figures: it counts as set, and ``_indented`` has judged it
    held = 1.0 if _held_down(following.text) else 0.0
    return counted + held <= measure - 1.6 and not _head_like(seq, index)


def _runs_on_past_column_foot(seq: Sequence[TextLine | Segment], index: int) -> bool:
    """Whether the full line ``seq[index]``, printed in one block with the paragraph's full line
    above it, opens a sentence the paragraph breaks off at a column's foot: the extractor's next
    block opens mid-sentence (a full first line, not indented) and runs on as running text (its
    commas) to a sentence end. A subhead at a column's foot is followed by its paragraph's
    indented first line, a headline by no running text."""
    line = seq[index]
    following = seq[index + 1] if index + 1 < len(seq) else None
    assert isinstance(line, TextLine)
    if line.blank_before or _wide(line) or not isinstance(following, TextLine):
        return False
    if not following.blank_before or following.dateline or not _full(following) or _wide(following):
        return False
    rest = "".join(x.text for x in seq[index + 1 : index + 4] if isinstance(x, TextLine))
    return bool(re.search("[，、；]", rest)) and _reaches_sentence_end(seq, index + 1)


def _story_byline(pieces: Sequence[_Piece]) -> int | None:
    """The index of the byline under the heads of the story being read (a byline of its own
    line), if it has one: back over its paragraphs and one-line subheads, up to a few pieces."""
    for at in range(len(pieces) - 1, max(-1, len(pieces) - 7), -1):
        segment = pieces[at].segment
        if segment.kind is SegmentKind.BYLINE:
            return at
        if segment.kind is not SegmentKind.PARAGRAPH and not (
            segment.kind is SegmentKind.BLOCK and "\n" not in segment.text
        ):
            return None
    return None


def _block_of_its_own(seq: Sequence[TextLine | Segment], index: int) -> bool:
    """Whether the line ``seq[index]`` is an extractor's block alone: a break after it too."""
    following = seq[index + 1] if index + 1 < len(seq) else None
    return not isinstance(following, TextLine) or following.blank_before


def _heads_over_story(seq: Sequence[TextLine | Segment], index: int) -> bool:
    """Whether the lines from ``seq[index]`` are a story's heads: up to four lines with no
    sentence end and no comma, then the story's dateline or byline line. An extractor prints
    the block of a story's heads after whatever it printed before, even a paragraph it broke
    off mid-sentence (its rest printed elsewhere): the paragraph does not run on into them."""
    for item in seq[index : index + 5]:
        if not isinstance(item, TextLine):
            return False
        if item is not seq[index] and (item.dateline or item.byline_only or _byline_line(item)):
            return True
        if item.dateline or item.sentence_end or re.search("[，、；。]", item.text):
            return False
    return False


def _as_printed(seq: Sequence[TextLine | Segment], index: int) -> TextLine:
    """The line ``seq[index]`` as printed: with the rest an extractor broke off it at a tucked
    quote (``…说。`` / ``“饭菜``), whose first piece alone would look like an indented line."""
    line = seq[index]
    assert isinstance(line, TextLine)
    rest = seq[index + 1] if index + 1 < len(seq) else None
    if isinstance(rest, TextLine) and tucked_quote(line, rest, line.column):
        return TextLine(line.text + rest.text, line.width + rest.width, column=line.column)
    return line
