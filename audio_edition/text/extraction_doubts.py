"""The doubts text alone raises about how an extractor's page was read (``extraction``).

An extractor prints a typeset page's text without its geometry, and some orders of text cannot be
told from another by the text: where the page shows one, the editor is warned (once per article
it falls in, ``articles``) and asked to read the PDF. The checks are made on the articles as
``parse_page`` reads them (``read_articles`` runs them on its own reading, headlines forced or
not), and what the text shows against that reading is a doubt:

- A story's text set to two measures: a column's lines are as wide as the column, and one
  story's columns are alike; a paragraph set narrower or wider than the rest of its story is
  another story's or a box's, read into it.
- A box of briefs (简讯) whose items do not read as its briefs: an item set to another measure
  than the box's first, over twice as long as the box's first, or opening on no dateline after
  an item under a story's own byline (本报记者 王明, which no brief has) or after one over twice
  as long, or standing under one itself: a story's paragraphs read as briefs; an item with a sentence ending at a line's end
  inside (briefs set without an indent): two briefs run together; an item opening on a line
  standing apart with no mark of running text, shorter than the column: a headline printed in
  the box's column, a story's text read as a brief under it; the box's first item set to another
  measure than its others, which agree: a column's text read as its first brief (so too the
  first of a run of items under no headline that holds the box, whichever item its word 简讯
  was read with: pdfminer.six prints the word after the items, and a column's paragraph signed
  at its end as a brief is, before them). An item of one line short of the measure the items
  beside it agree on, opening on no dateline: a brief's last line printed apart from it.
- A box's first item crediting a reporter after its dateline (本报包头3月4日电（记者 王明）, as a
  story does; a brief signs with a bare name at its end) and set to another measure than the
  box's last item: a story's paragraphs read as its briefs, its heads printed over the box's
  word; each item before the first at the last one's measure is doubted.
- A paragraph whose lines are not a paragraph's: only its last line is short, so a short line
  ending a sentence inside it is two paragraphs (or stories) run together; its first line is
  indented, so one shorter than an indent is a piece of another line or column; one opening on
  a line with no mark (but a subhead's number, 一、) narrower than the line under it, which is an
  indent short of the paragraph's full lines (no figures, Latin or quotation to make it so): a
  subhead read into the paragraph over its indented first line. A line well short of the column
  right after a sentence's end, ending none, over a line opening on figures or Latin (kept
  whole, sent down): it may open a paragraph or go on one, which the text cannot tell. A
  paragraph of
  one line at an indent's width under a paragraph's full line ending a sentence: an indented
  paragraph or that paragraph's last line, which the text cannot tell apart. One opening on a
  quote at an indent's width there, the line under it opening on a character and a mark (水，): a
  full line held short (a mark may not open a line), the paragraph above run on, or a new one.
- A byline closing a paragraph that is not its story's last （王明）: two stories read as one;
  or closing the last of a story under its own byline (本报记者 李华): a brief read into it.
  A byline on a line of its own inside a story, after its text began, crediting others than the
  story's own (its dateline's 本报包头3月1日电（记者 李华）): another story's, read into this one.
  Where such text is read apart (``articles``), the story is doubted if the text may be its own:
  opening mid-sentence after its closing byline, or a brief at the story's measure with a
  sentence ending at a line's end inside (a brief run into the story's last paragraph).
- Heads that are not a story's: a headline with no text under it, one opening on a dash (a
  subtitle's) or with one inside (a subhead's: 服务——网格员上门), with commas as running text
  has, or of three characters (a name), or closing on a byline (…备耕本报记者 孙丽: the byline's
  line printed beside the head), or a tier opening a quotation it does not close (社区食堂
  端出“幸: a head broken over lines, its pieces read into the heads beside it); a story whose
  body opens mid-sentence under its headline (a full first line, no dateline), or is shorter
  than a line as set (a body line's rest: the headline is a line of running text), or is its
  dateline's line and one more (a line printed next to it by pdfminer.six, page printed a line
  at a time).
- A box of briefs titled in words not known as a box's (城事速递 where 简讯 is known): its items
  read under no headline, and the headline right over them may be the box's title. Either the
  title stands alone over the box's first brief (one paragraph of a brief's length, signed as a
  brief is with a bare name, never 记者 王明), or it closes a story's heads set after their text
  (a printed line of its own under the headline, or a run past a space on its line), the briefs
  right under it: the story's headline read with the title.
- Text under no headline opening on the line right after a headline holding running text's
  comma (受强降雨影响，环岛): a brief's indented first line read as a head, its rest as an item
  of its own, opening mid-sentence (the headline is doubted too, where it is read).
- A dateline inside a paragraph, right after a sentence's end or a brief's closing byline
  (…借阅。（林岚）本报5日讯…): a dateline opens a story or a brief, and running text holds none,
  so two items were read as one.
- A paragraph ending mid-sentence (a term quoted mid-sentence closing it: “幸福味道” with no
  sentence end before the quotation mark), where no jump line (下转第N版) carries it on: its rest
  was read into another story, or another's text into this one. One opening on a sentence's last
  words (优惠。“以前…): its beginning was printed elsewhere. A subhead standing apart (a blank line
  before it) on one line as wide as the column: a headline (a subhead in the body's type wraps
  at the column's measure), its story read into the one before; heads right under a paragraph's
  last line where the extractor prints its boxes apart (blank lines between): in the paragraph's
  box, so in the body's type, a subhead read as a headline. A story opening on its dateline
  under no headline, outside a box of briefs (said at the dateline, where its own text begins).
  A paragraph closing a quotation it never opened (”, no “ before it): its text cut, or
  another's read in before the close (a quotation may run open over paragraphs, never so).
  A subtitle with no dash printed apart from its headline (a box of its own): the headlines of
  stories side by side read as one story's tiers. Two head lines with no dash read as kicker
  over headline, the upper as long as the shortest headline the page's other heads tell for
  sure (one line over a dateline, the middle of three tiers, one over a dashed subtitle): a
  headline over its subtitle reads so too, whatever length the paper sets its headlines. A
  story under one head line right after heads with no text of their own: their subtitle, the
  heads printed apart, read as this story's headline. A paragraph closing on a question
  standing alone under its full last line (难在哪里？): maybe a subhead. A story closing on a
  subhead with nothing under it (or only a question alone), or whose whole text is a question
  alone: the next story's kicker and headline, printed after the text they head. A paragraph
  read on past a blank line from a line ending mid-sentence into a question standing alone with
  no other mark: a headline printed as a box of its own, the paragraph's rest elsewhere.
  Lines standing apart inside a paragraph
  (blank lines before and after), none at its measure nor ending a sentence: a story's heads or a
  chart's labels it was read across; a line or two ending a sentence standing so: a paragraph
  runs over a column's break once and no column holds so little of it, so another column's
  tail, printed between its blocks (pdftotext); a block past a blank line opening on a line an
  indent short of the column, with no mark that a justified line squeezes: another paragraph's
  first line, read on as the rest (a chart's labels dropped between). A paragraph read off several lines in a row each standing
  alone (a blank line between every two), the rest of it not: columns side by side printed a
  line of each at a time (pdftotext where their lines do not line up). A paragraph read on past
  a blank line from a line ending on a clause mark to one opening on a sentence's last character
  or two (景象， / 嬉戏。): no clause is so short, so the block is another column's; from a line
  ending a sentence to a sentence's last four characters or fewer (办结。 / 验。, 发展优势。):
  no sentence is so short either. A paragraph opening on a line standing alone (or the last
  of a box of heads) with no punctuation, wider than an indented first line (or as short, the
  next block opening on a sentence's last words: 说。): a head over another column's text, read
  as its first line. One read on past a blank line from
  a line ending mid-sentence into an indented line (the line under it longer): the block opens
  a paragraph of its own. A byline
  holding running text's marks (记者 周现在出门…。”居民涛): read on across another column's line.

- Columns printed side by side, a line of each on one printed line (pdfplumber prints a page so;
  pdftotext where columns touch): when many lines hold two runs of text with a space between,
  no order of the lines reads the stories, and every story they fall in is warned. Where no
  blank line sets any block apart too, the extractor printed the whole page row by row, and one
  page-level warning (``rows_across_the_page``, ``ReadingWarning.whole_page``) says every story
  on the page is in doubt, those its merged lines miss included.
- Lines broken short of the column at a clause mark (…，), three or more on a page: a column's
  line goes on to the column's edge whatever mark it reaches, and only a paragraph's last line
  (which ends a sentence) or a head is short. An extractor that breaks lines where the PDF's
  text runs were drawn (``pdftotext -raw``) prints them so, and then no line's width says where
  a paragraph starts or ends: one page-level warning (``lines_broken_short``) says every story
  on the page is in doubt.
- A page printed a character a line (pypdf's ``extract_text`` of a PDF that places each character
  on its own): the lines say nothing of the page's lines, so no paragraph or head can be told,
  and one page-level warning (``a_character_a_line``) says every story on the page is in doubt.
- A page printed in layout mode with its text run together (``columns_apart.run_together``: a
  column's line run on into the next column or into its own next line with no space, a blank
  line inside a column's paragraph, as pypdf's layout mode prints a page): no cut of its
  columns is sure, and one page-level warning (``extraction``) says every story is in doubt.
- A dateline broken at a line's end (本报锡林浩特 3 月 1 日) and not carried on by the next line
  (电…): another column's line was printed between (columns interleaved line by line).
- A head tier that is a byline's line (本报记者 王明 李华 文/图), or opening on one character set
  apart (了 山区…, the end of the line above): a story's heads cut into tiers in the wrong place.
- A line opening on a quote run on from a sentence's end of a character or two (平。 / “种了…),
  taken for one printed line with its quote tucked under the full stop, where it is as wide as an
  indented first line: a paragraph's end and the next one's start fill a column too.
- Heads read off a line printed between the page's folio lines (its date over its page number,
  a line or two apart): the page's section name (版名) read as a story's heads, the story's own
  heads elsewhere. A head tier with no Chinese character in it (2026Q1, 12.5%): a chart's label
  or a figure, never a headline. One holding an arrow (→B3 …): an index item pointing to another page,
  never a story's head. One holding a picture's or chart's credit (制图/王明, 摄影：李华):
  the credit under a chart or photo, never a head. A paragraph holding a story's credit set off by a mark (◎记者
  王明, □本报记者 李华): the credit line of a story's heads read into running text, the heads
  around it too. A paragraph closing a bracket
  it never opened (…王明）截至…): its opening cut off at a dateline's credit or a line's end.
- A line of a paragraph that is a question under a short label with no other mark (二问：钱从
  哪里来？), right after a line ending a sentence, as wide as the column or not: a subhead of a
  story asking its questions in turn, read into the paragraph.

Each check is made so that a page read right raises none (``tests/text/test_extraction_doubts``).
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence

from audio_edition.text.articles import (
    KICKER_OVER_HEADLINE_DOUBT,
    LONG_BRIEF,
    Article,
    PageHeadlines,
    headline_over_long_subtitle,
    kicker_near_headline_length,
)
from audio_edition.text.extraction_furniture import BYLINE_LINE
from audio_edition.text.furniture import ARROWS, CREDIT_MARKS
from audio_edition.text.layout import (
    OUTLETS,
    SPACE_BETWEEN_CHINESE,
    Segment,
    SegmentKind,
    TextLine,
    counted_as_set,
    dateline_at_start,
    is_letter_spaced,
    tucked_quote,
    visual_width,
)

_BYLINE_AT_END = re.compile(r"(?<=[。！？…”’」』])\s*（([^（）]{1,20})）\s*$")
_BYLINE_ALONE = re.compile(r"^（[^（）]{1,20}）$")  # a brief's closing byline, broken onto lines of its own
_READ_PDF = "(read the PDF for this page)"
_SENTENCE_AT_LINE_END = re.compile(r"[。！？][”’」』]?$")
_MEASURE_SLACK = 2.5  # characters: justified lines vary by one, an indent takes two


def extraction_doubts(
    seq: Sequence[TextLine | Segment],
    segments: Sequence[Segment],
    articles: Sequence[Article],
    folios: Sequence[int] = (),
    line_doubts: Sequence[tuple[int, str]] = (),
) -> list[tuple[int, str]]:
    """(line, message) for each place where the reading of an extractor's page is unsure.

    ``seq`` is the page's lines as measured (``layout.measure_columns``), ``segments`` what was read
    from them, ``articles`` how those were read (``read_articles``, as the editor gets them),
    ``folios`` the lines the page's folio (its date, its page number) was read off, ``line_doubts``
    the doubts its lines raised already (``ExtractionLayout.line_doubts``)."""
    measures = _Measures(seq, segments)
    found: list[tuple[int, str]] = []
    found += _two_measures(articles, measures)
    found += _briefs(articles, measures, segments)
    found += _bare_heads(articles)
    found += _short_inside(measures)
    found += _heads_over_an_indented_line(articles, measures)
    found += _short_openings_over_figures(measures)
    found += _questions_standing_apart_read_on(measures)
    found += _closed_inside(articles, measures)
    found += _read_apart_after_a_story(articles, measures)
    found += _odd_headlines(articles)
    found += _bylines_with_text(articles)
    found += _bodies_opening_mid_sentence(articles, measures)
    found += _columns_side_by_side(measures)
    found += _datelines_cut_off(measures)
    found += _thin_bodies(articles)
    found += _stories_of_a_line_under_the_dateline(articles, measures)
    found += _lines_apart_inside(measures)
    found += _lines_one_by_one(measures)
    found += _tails_across_blocks(measures)
    found += _tails_after_a_sentence_end(measures)
    found += _heads_opening_a_paragraph(measures, segments)
    found += _indented_lines_read_on_into(measures)
    found += _unfinished_paragraphs(articles, measures)
    found += _headlines_read_as_subheads(articles, measures, segments)
    found += _subheads_wider_than_their_story(articles, measures, segments)
    found += _heads_closing_a_story(articles, segments)
    found += _paragraphs_opening_on_a_tail(articles, measures)
    found += _paragraphs_opening_on_a_words_end(articles, measures)
    found += _headlines_in_a_paragraphs_box(articles, measures)
    found += _subtitles_apart(articles, measures)
    headlines = PageHeadlines.of(articles)  # how long this paper sets a headline, measured once
    found += _kickers_as_long_as_headlines(articles, segments, headlines)
    found += _heads_after_heads_with_no_text(articles, measures, headlines)
    found += _titles_over_headless_briefs(articles, measures)
    found += _datelines_inside(articles, measures)
    found += _items_under_running_heads(articles, measures)
    found += _bylines_of_others(articles, segments)
    found += _one_line_paragraphs_after_a_full_end(measures)
    found += _questions_closing_a_paragraph(measures)
    found += _quoted_openings_after_a_full_end(measures)
    found += _datelines_under_no_headline(articles, found)
    # After it: these point inside a story, where a dateline under no headline says it better.
    found += _heads_opening_a_brief(articles, measures)
    found += _brief_of_a_short_line(articles, measures)
    boxes = _box_items(articles, measures)
    found += _odd_first_briefs(boxes)
    found += _reported_items_opening_a_box(boxes)
    found += _odd_items_before_briefs(articles, measures)
    found += _tails_read_as_briefs(articles, measures)
    found += _quotes_closed_unopened(articles, measures)
    found += _short_pieces_inside(measures)
    found += _indented_blocks_inside(measures)
    found += _heads_that_are_bylines(articles)
    found += _heads_opening_on_a_lone_character(articles)
    found += _tucked_quotes_at_an_indent(measures)
    found += _subheads_ending_on_a_pause(articles, segments)
    # Last, and only for articles no doubt above (nor one of the page's lines) falls in: an
    # article is warned once, at its first doubt, and these are said at its heads or early in
    # its text, where they would stand before a doubt pointing further down, at another story
    # read into it.
    last: list[tuple[int, str]] = []
    last += _heads_among_the_folio(articles, measures, folios)
    last += _heads_of_no_chinese(articles)
    last += _credits_inside_paragraphs(articles, measures)
    last += _brackets_closed_unopened(articles, measures)
    last += _labelled_questions_inside(measures)
    last += _heads_holding_a_pointer(articles)
    last += _heads_that_are_credits(articles)
    doubted = {_owner(articles, line) for line, _ in (*found, *line_doubts)}
    found += [(line, message) for line, message in last if _owner(articles, line) not in doubted]
    return found


def _owner(articles: Sequence[Article], line: int) -> int | None:
    """The article a doubt at ``line`` falls in, as the warnings are given (``articles``): the
    last opening at or before it, or the first where none does."""
    owner: int | None = None
    for n, article in enumerate(articles):
        if (article.line or 0) <= line and (
            owner is None or (article.line or 0) >= (articles[owner].line or 0)
        ):
            owner = n
    if owner is None and articles:
        return min(range(len(articles)), key=lambda n: articles[n].line or 0)
    return owner


def content_doubts(articles: Sequence[Article], advice: str) -> list[tuple[int, str]]:
    """(article's line, message) for the doubts an article's text raises by itself, whatever
    read it: a headline with no text, a story thinner than a line, a paragraph ending
    mid-sentence or opening on a sentence's last words, a byline closing a paragraph inside a
    story or holding running text, a quotation closed unopened. The PDF route runs them on its
    own articles (``pdf.doubts``); ``advice`` ends each message in place of asking to read the
    PDF."""
    measures = _Measures([], [])  # no lines: each doubt points at its article's own line
    found: list[tuple[int, str]] = []
    found += _bare_heads(articles)
    found += _thin_bodies(articles)
    found += _unfinished_paragraphs(articles, measures)
    found += _closed_inside(articles, measures)
    found += _bylines_with_text(articles)
    found += _quotes_closed_unopened(articles, measures)
    found += _paragraphs_opening_on_a_tail(articles, measures)
    return [(line, message.replace(_READ_PDF, "").rstrip() + advice) for line, message in found]


class _Measures:
    """The measure (column width) each paragraph segment is set to, read off its lines."""

    def __init__(self, seq: Sequence[TextLine | Segment], segments: Sequence[Segment]) -> None:
        self.lines = [item for item in seq if isinstance(item, TextLine)]
        self.index = {line.number: n for n, line in enumerate(self.lines)}
        self.paragraphs = [s for s in segments if s.kind is SegmentKind.PARAGRAPH and s.line is not None]
        self.starts = sorted(s.line for s in segments if s.line is not None)

    def segment_of(self, paragraph: str, after: int) -> Segment | None:
        """The paragraph segment an article's paragraph was read from (its dateline or closing
        byline may have been taken off)."""
        probe = paragraph[:12]
        for segment in self.paragraphs:
            if (segment.line or 0) >= after and probe in segment.text:
                return segment
        return None

    def paragraph_lines(self, paragraph: str, after: int) -> list[TextLine]:
        """The lines an article's paragraph was read from (none where its segment is not found)."""
        segment = self.segment_of(paragraph, after)
        return self.lines_of(segment) if segment is not None else []

    def paragraph_measure(self, paragraph: str, after: int) -> tuple[float, int] | None:
        """The measure an article's paragraph is set to (None where its segment is not found or
        its lines do not tell)."""
        segment = self.segment_of(paragraph, after)
        return self.of(segment) if segment is not None else None

    def paragraph_line(self, paragraph: str, after: int, default: int) -> int:
        """The line an article's paragraph was read from (``default`` where its segment is not
        found or has no line), where a doubt about that paragraph is said."""
        segment = self.segment_of(paragraph, after)
        return (segment.line if segment is not None else None) or default

    def lines_of(self, segment: Segment) -> list[TextLine]:
        """The lines a segment was read from, up to the next segment's (a paragraph rejoined
        across a box: its first piece)."""
        start = self.index.get(segment.line or 0)
        if start is None:
            return []
        after = bisect_right(self.starts, segment.line or 0)
        stop = self.starts[after] if after < len(self.starts) else 10**9
        own: list[TextLine] = []
        for line in self.lines[start:]:
            if line.number >= stop:
                break
            own.append(line)
        return own

    def of(self, segment: Segment) -> tuple[float, int] | None:
        """The measure of a paragraph's full lines, and how many lines it was read off."""
        own = self.lines_of(segment)
        if len(own) < 2:
            return None
        if len(own) == 2:
            # The first line is full or indented (two characters short): half way is near both.
            return own[0].width + 1.0, 2
        # The widest of its lines but the last: closing punctuation hangs half a character out
        # at most, and a byline broken over two lines (（王 / 建国）) is short.
        return max(line.width for line in own[:-1]), len(own)

    def with_lines(self, least: int = 1) -> Iterator[list[TextLine]]:
        """The lines of each paragraph segment read off ``least`` lines or more, in page order:
        the opening most doubts that walk a paragraph's lines share."""
        for segment in self.paragraphs:
            own = self.lines_of(segment)
            if len(own) >= least:
                yield own

    def measured(self, segment: Segment, least: int = 2) -> tuple[list[TextLine], tuple[float, int]] | None:
        """A segment's lines and its measure, where it was read off ``least`` lines or more (a
        measure wants two)."""
        own, measure = self.lines_of(segment), self.of(segment)
        if measure is None or len(own) < least:
            return None
        return own, measure

    def with_measures(self, least: int = 2) -> Iterator[tuple[list[TextLine], tuple[float, int]]]:
        """The lines and measure of each paragraph segment read off ``least`` lines or more."""
        for segment in self.paragraphs:
            read = self.measured(segment, least)
            if read is not None:
                yield read


def _two_measures(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """Paragraphs set to another measure than most of their story's (boxes of briefs aside)."""
    found: list[tuple[int, str]] = []
    for article in articles:
        if article.section:
            continue
        sized: list[tuple[float, int]] = []
        for paragraph in article.paragraphs:
            segment = measures.segment_of(paragraph, article.line or 0)
            measure = measures.of(segment) if segment is not None else None
            if segment is not None and measure is not None:
                sized.append((measure[0], segment.line or 0))
        if len(sized) < 2:
            continue
        usual = statistics.median(width for width, _ in sized)
        odd = [line for width, line in sized if abs(width - usual) > _MEASURE_SLACK]
        if odd:
            found.append(
                (
                    odd[0],
                    "a paragraph set to another measure than the rest of its story: "
                    f"another story's or a box's text may be read into it {_READ_PDF}",
                )
            )
    return found


def _briefs(
    articles: Sequence[Article], measures: _Measures, segments: Sequence[Segment]
) -> list[tuple[int, str]]:
    """Items read as briefs of a box (简讯) that do not read as its briefs."""
    found: list[tuple[int, str]] = []
    box: float | None = None
    first_length = 0
    closed = True
    previous: Article | None = None
    story_like = False  # the last item was doubted as a story's paragraph by its length
    for article in articles:
        if not article.section or article.headline:
            box, closed, previous, story_like = None, True, None, False
            continue
        first = article.paragraphs[0] if article.paragraphs else ""
        segment = measures.segment_of(first, article.line or 0)
        measure = measures.of(segment) if segment is not None else None
        line = article.line or 0
        length = len(article.dateline or "") + sum(len(p) for p in article.paragraphs)
        storied = story_like  # the item before read as a story's paragraph
        story_like = False
        if previous is None:
            box = measure[0] if measure else None
            first_length = length
        elif length > 2 * first_length:
            # A box's briefs are of a length; a story's paragraphs read on as briefs are longer.
            found.append(
                (
                    line,
                    "an item read as a brief of a box over twice as long as the box's first: a "
                    f"story's paragraph read as a brief? {_READ_PDF}",
                )
            )
            story_like = True
        elif storied and article.dateline is None:
            # A story's paragraph read as a brief, then one with no dateline: its next.
            found.append(
                (
                    line,
                    "an item of a box of briefs opening on no dateline after one read as a story's "
                    f"paragraph: the story's next paragraph read as a brief? {_READ_PDF}",
                )
            )
            story_like = True
        elif measure is not None and box is not None and abs(measure[0] - box) > _MEASURE_SLACK:
            found.append(
                (
                    line,
                    "an item read as a brief of a box set to another measure than the box: "
                    f"a story's paragraph read as a brief? {_READ_PDF}",
                )
            )
        elif box is None and measure is not None:
            box = measure[0]
        if not closed and article.dateline is None:
            found.append(
                (
                    line,
                    "an item of a box of briefs that opens on no dateline after one under a "
                    f"story's own byline: a story's paragraphs read as briefs? {_READ_PDF}",
                )
            )
            continue
        closed = not _story_byline(segments, article)
        if previous is None and not closed:
            # A brief is signed at its end （王明）; a story's byline stands over its text.
            found.append(
                (
                    line,
                    "the first item of a box of briefs stands under a story's own byline: a story "
                    f"read as briefs? {_READ_PDF}",
                )
            )
        previous = article
        # Briefs in a box are set without an indent: one ending on a full line runs on into the
        # next unseen. A sentence ending at a line's end inside an item may be where one does.
        own = measures.lines_of(segment) if segment is not None else []
        inner = next(
            (
                n
                for n, x in enumerate(own[:-1])
                if x.sentence_end
                and not own[n + 1].dateline
                and not _BYLINE_ALONE.match("".join(y.text for y in own[n + 1 :]).replace(" ", ""))
            ),
            None,
        )
        if inner is not None and len(article.paragraphs) == 1:
            found.append(
                (
                    own[inner + 1].number,
                    "an item of a box of briefs with a sentence ending at a line's end inside: two briefs "
                    f"may be read as one here {_READ_PDF}",
                )
            )
    return found


def _short_inside(measures: _Measures) -> list[tuple[int, str]]:
    """Paragraphs with a short line inside: in a justified column only a paragraph's last line
    is short, so two paragraphs (or two stories' text, or a head and a body) are read as one."""
    found: list[tuple[int, str]] = []
    for own, measure in measures.with_measures(3):
        first = own[0]
        opening = re.sub(r"\s", "", first.text + own[1].text)
        if (
            first.width <= measure[0] - 5
            and not first.sentence_end
            and not first.hard_break_before  # the rest of a line opening on a marker: ■上接第1版
            and not dateline_at_start(opening)
        ):
            # Shorter than an indented first line (a line may end a character or two early where
            # the next may not open with its punctuation), and no sentence ends on it: a line of
            # another column, or a piece of a line the extractor broke.
            found.append(
                (
                    first.number,
                    "a paragraph opens on a line shorter than an indent: the text may be out of order "
                    f"here {_READ_PDF}",
                )
            )
            continue
        for line, after in zip(own[1:-1], own[2:]):
            # Well short (a line may end a character early where the next may not open with
            # punctuation) and ending a sentence: the end of a paragraph.
            if (
                line.width <= measure[0] - 3
                and line.sentence_end
                and not line.dateline
                and not after.blank_before
                and not tucked_quote(line, after, measure[0])  # one printed line the extractor broke
            ):
                found.append(
                    (
                        after.number,
                        "a short line inside a paragraph: two paragraphs, or two stories, "
                        f"may be read as one here {_READ_PDF}",
                    )
                )
                break
    return found


# A subhead's number (一、, 2., ３．) or mark (■, ●): its 、 or . is no clause mark of running text.
_SUBHEAD_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|[0-9０-９]+[.．、]|[■□●◆▲])\s*")


def _heads_over_an_indented_line(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph opening on a line with no mark of running text (but a subhead's number) and
    no sentence end, narrower than the line under it, which is itself an indent short of the
    paragraph's full lines: that second line is the paragraph's indented first line, and the
    line over it a subhead (一、…, ■…) as wide as an indent or so, read into it. A paragraph's
    own first line is the narrower by an indent, over a full line."""
    found: list[tuple[int, str]] = []
    for article in articles:
        for paragraph in article.paragraphs:
            if paragraph in article.subheads:
                continue
            segment = measures.segment_of(paragraph, article.line or 0)
            if segment is None:
                continue
            read = measures.measured(segment, 4)
            if read is None:
                continue
            own, measure = read
            first, second = own[0], own[1]
            head = first.text.replace(" ", "")
            bare = _SUBHEAD_NUMBER.sub("", head)
            if (
                bare
                and paragraph.replace(" ", "").startswith(head)  # read as the paragraph's, not as heads
                and not first.sentence_end
                and not first.dateline
                and not second.dateline
                and not first.hard_break_before
                and not _MARK_IN_A_HEAD.search(bare)
                # Figures and Latin are set wider or narrower than counted, and a quotation is
                # kept whole on the line under: either leaves a line short with no head in it.
                and not re.search(r"[0-9A-Za-z０-９]", bare + second.text)
                and not second.text.startswith(("“", "‘", "《", "（", "「", "『"))
                and first.width < second.width
                and second.width <= measure[0] - 2
            ):
                found.append(
                    (
                        first.number,
                        "a paragraph opens on a line with no mark over a line an indent short: it may "
                        f"be a subhead (小标题) read into the paragraph {_READ_PDF}",
                    )
                )
                break
    return found


def _short_openings_over_figures(measures: _Measures) -> list[tuple[int, str]]:
    """A line inside a paragraph right after a line ending a sentence, well short of the column
    (more than an indent) and ending none, the line under it opening on figures or Latin (PM2.5,
    2024): a word that is not broken went down whole, so the line is short whether it goes on
    the paragraph or opens one at an indent, and the text cannot tell which."""
    found: list[tuple[int, str]] = []
    for own, measure in measures.with_measures(3):
        for before, line, after in zip(own, own[1:], own[2:]):
            if (
                before.sentence_end
                and not line.sentence_end
                and not line.blank_before
                and not after.blank_before
                and line.width <= measure[0] - 3
                and re.match(r"[0-9A-Za-z０-９]", after.text)
            ):
                found.append(
                    (
                        line.number,
                        "a short line after a sentence's end, the next opening on figures: a new "
                        f"paragraph may begin here {_READ_PDF}",
                    )
                )
                break
    return found


def _questions_standing_apart_read_on(measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph read on past a blank line from a line ending mid-sentence into a line standing
    alone (blank lines around it, or the paragraph's last) that asks with no other mark
    (秸秆还能变成什么？): a headline asking a question, printed apart as its own box, read as the
    paragraph's rest; the paragraph's own rest is elsewhere."""
    found: list[tuple[int, str]] = []
    for own in measures.with_lines():
        for at in range(1, len(own)):
            line, before = own[at], own[at - 1]
            alone = at + 1 == len(own) or own[at + 1].blank_before
            if line.blank_before and alone and not before.sentence_end and _asking_head(line.text):
                found.append(
                    (
                        line.number,
                        "a paragraph read on past a blank line into a question standing alone: it may "
                        f"be a headline, the paragraph's rest elsewhere {_READ_PDF}",
                    )
                )
                break
    return found


def _closed_inside(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """A byline closing a paragraph that is not its story's last （王明）: a story (or a brief)
    ends there, and what follows is another's."""
    found: list[tuple[int, str]] = []
    for article in articles:
        for paragraph, following in zip(article.paragraphs, article.paragraphs[1:]):
            if _BYLINE_AT_END.search(paragraph):
                # At the line closing on the byline: the story (or brief) it ends is the one in
                # doubt as much as the text after it, and this line is that story's.
                own = measures.paragraph_lines(paragraph, article.line or 0)
                segment = measures.segment_of(following, article.line or 0)
                after = segment.line if segment is not None and segment.line else article.line or 0
                found.append(
                    (
                        own[-1].number if own else after,
                        f"a byline closes a paragraph inside a story: two stories may be read as one here {_READ_PDF}",
                    )
                )
                break
        else:
            last = article.paragraphs[-1] if article.paragraphs else ""
            if article.byline and _BYLINE_AT_END.search(last):
                # A story under its own byline (本报记者 王明) closing on a brief's （李华）: one
                # story has one byline, so a brief of a box is read on into it.
                own = measures.paragraph_lines(last, article.line or 0)
                found.append(
                    (
                        own[-1].number if own else article.line or 0,  # the line closing on it
                        "a story under its own byline closes on a brief's （王明）: a brief may be read "
                        f"into it here {_READ_PDF}",
                    )
                )
    return found


def _read_apart_after_a_story(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """Text with no heads or dateline read as another article right after a story ended on a
    byline, where it may be the story's own: the story closes on its byline （王明） and the
    text opens mid-sentence (a full first line: its text printed out of order after its
    end); or the story is under its own byline (本报记者 王明) and the text, one paragraph
    closing on a byline, is set to the story's measure (a box's brief run into the story's
    last paragraph takes the paragraph with it). The story is doubted at its last line."""
    found: list[tuple[int, str]] = []
    for story, after in zip(articles, articles[1:]):
        if not story.paragraphs or not after.paragraphs or not story.byline:
            continue
        if after.headline or after.dateline or after.section or after.continued_from_page is not None:
            continue
        if not story.headline and len(story.paragraphs) == 1:
            continue  # a brief (one paragraph): the box's next brief may open on a full line
        last = measures.segment_of(story.paragraphs[-1], story.line or 0)
        closing = measures.lines_of(last) if last is not None else []
        first = measures.segment_of(after.paragraphs[0], after.line or 0)
        own = measures.lines_of(first) if first is not None else []
        if not closing or not own:
            continue
        if _BYLINE_AT_END.search(closing[-1].text):
            if len(own) >= 2 and _full(own[0]) and not own[0].dateline:
                found.append(
                    (
                        closing[-1].number,
                        "the text after this story's closing byline opens mid-sentence: it may be "
                        f"the story's own, printed out of order {_READ_PDF}",
                    )
                )
            continue
        story_measure = measures.of(last) if last is not None else None
        brief_measure = measures.of(first) if first is not None else None
        if (
            after.byline
            and len(after.paragraphs) == 1
            and story_measure is not None
            and brief_measure is not None
            and abs(story_measure[0] - brief_measure[0]) <= _MEASURE_SLACK
            and any(_SENTENCE_AT_LINE_END.search(line.text) for line in own[:-1])
        ):
            found.append(
                (
                    closing[-1].number,
                    "a paragraph closing on a byline after this story (under its own) is read as a "
                    "brief, though set to the story's measure: it may be the story's last "
                    f"paragraph with a brief run into it {_READ_PDF}",
                )
            )
    return found


_SENTENCE_MARK = re.compile(r"[。！？，；“”]")  # running text's marks, which no byline holds


def _bylines_with_text(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """A byline holding running text's marks (记者 周现在出门再也不用踩泥了。”居民涛): a byline
    broken at a line's end (（记者 周 / 涛）) read on across another column's line printed
    between (columns interleaved), so the story's text is out of order there too."""
    return [
        (
            article.line or 0,
            "a byline with running text in it: another column's line may be read into it, the "
            f"columns interleaved here {_READ_PDF}",
        )
        for article in articles
        if article.byline and _SENTENCE_MARK.search(article.byline)
    ]


_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("「", "」"), ("『", "』"))


def _unclosed_quote(tier: str) -> bool:
    """Whether a head line opens a quotation (or book title) it does not close, or the reverse:
    a head is never set so, so the line is a piece of a head broken over two."""
    return any(tier.count(left) != tier.count(right) for left, right in _QUOTE_PAIRS)


# A byline's words closing a head line: 本报记者 王明, 通讯员 李华 (记者 alone opens words such as
# 记者手记, so only a credit with a name after it, and 本报记者 or 通讯员, the credits proper).
_BYLINE_CLOSING_A_HEAD = re.compile(r"(?:(?:本报|新华社)记者|通讯员)\s*[\u4e00-\u9fff·]{2,4}$")


_RUNNING_COMMA = re.compile("[，、；]")  # running text's marks, which no headline holds


def _odd_headlines(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """Headlines that do not read as one: a subtitle's (opening on a dash), running text's (a
    comma inside: a body line standing alone), or a name's (a byline's second line)."""
    found: list[tuple[int, str]] = []
    for article in articles:
        headline = article.headline
        if not headline:
            continue
        if headline.startswith("—"):
            why = "opens on a dash, as a subtitle (副题) does: the story's headline may be elsewhere"
        elif "——" in headline:
            why = "has a dash inside, as a subhead (服务——网格员上门) has: a subhead may be read as the headline"
        elif _RUNNING_COMMA.search(headline):
            why = "has a comma inside, as running text does: a body line may be read as the headline"
        elif len(headline) <= 3:
            why = "is a word or a name: a byline's or a kicker's line may be read as the headline"
        elif _BYLINE_CLOSING_A_HEAD.search(headline):
            why = "closes on a byline (本报记者 王明): the byline's line may be read into the headline"
        elif any(_unclosed_quote(tier) for tier in (article.kicker, headline, article.subtitle) if tier):
            why = (
                "or a tier of it holds a quotation opened and not closed (or closed, not opened): "
                "a head broken over lines, the heads of stories side by side read as one"
            )
        else:
            continue
        found.append((article.line or 0, f"the headline {why} {_READ_PDF}"))
    return found


def _bodies_opening_mid_sentence(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """A story under its headline whose body opens mid-sentence: a full first line, neither
    indented nor a dateline (a continuation, ■上接第1版, may open anywhere)."""
    found: list[tuple[int, str]] = []
    for article in articles:
        if not article.headline or not article.paragraphs or article.continued_from_page is not None:
            continue
        own = measures.paragraph_lines(article.paragraphs[0], article.line or 0)
        if len(own) >= 2 and _full(own[0]) and not own[0].dateline:
            found.append(
                (
                    own[0].number,
                    "the story under this headline opens mid-sentence (no indent, no dateline): "
                    f"its beginning, or its own text, may be elsewhere {_READ_PDF}",
                )
            )
    return found


_RUN = re.compile(r"[^\x00-\x7f\s]{4,}")  # four characters of Chinese text (or its punctuation) unbroken
_SIDE_BY_SIDE_SHARE = 0.3  # of a page's lines: a stray pair of heads set side by side is not it


def _side_by_side(lines: Sequence[TextLine]) -> list[TextLine]:
    """The lines holding two columns' text (two runs of text with a space between), where a good
    share of the page's ``lines`` do; none otherwise."""
    lines = [line for line in lines if line.text]
    pairs = [
        line
        for line in lines
        if len(_RUN.findall(line.text)) >= 2
        and SPACE_BETWEEN_CHINESE.search(line.text)
        and not is_letter_spaced(line.text)
    ]
    return pairs if len(pairs) >= max(5, _SIDE_BY_SIDE_SHARE * len(lines)) else []


def _columns_side_by_side(measures: _Measures) -> list[tuple[int, str]]:
    """Every line holding two columns' text, where a good share of the page's lines do."""
    pairs = _side_by_side(measures.lines)
    if not pairs:
        return []
    message = (
        "columns printed side by side here, a line of each on one line (as pdfplumber prints a page): "
        f"no order of these lines reads the stories {_READ_PDF}"
    )
    return [(line.number, message) for line in pairs]


_ROWS_BLANK_LINES = 2  # at most, on a page printed row by row: one printing its blocks apart has many


def rows_across_the_page(seq: Sequence[TextLine | Segment], blank_lines: int) -> str | None:
    """The page-wide doubt when an extractor printed the page row by row across its width
    (pdfplumber's ``extract_text``): a good share of its lines hold two or more columns' text and
    no blank line sets any block apart (``blank_lines``, between the page's first and last text
    lines). Then the text does not say where any story runs, the ones set across the page or
    read in order included, and every story on the page is in doubt. An extractor printing a
    page block by block (pdftotext, where two columns touch) keeps the blank lines between its
    blocks: the stories its merged lines fall in are doubted, the others stand."""
    lines = [item for item in seq if isinstance(item, TextLine)]
    if blank_lines > _ROWS_BLANK_LINES or not _side_by_side(lines):
        return None
    return (
        "every story on this page is in doubt: the extractor printed the page row by row across "
        "its columns (a line of each column on one line, as pdfplumber prints a page), so no "
        f"order of its lines reads the stories {_READ_PDF}"
    )


_BROKEN_SHORT_LINES = 3  # at least: a page read as its columns has none or one (a line cut round a box)


def lines_broken_short(seq: Sequence[TextLine | Segment]) -> str | None:
    """The page-wide doubt when the extractor broke its lines short of the column at clause
    marks (see the module doc): three or more lines ending on ，、；： shorter than an indented
    first line."""
    short = [
        item
        for item in seq
        if isinstance(item, TextLine)
        and item.text.rstrip()[-1:] in "，、；："
        and item.width < item.column - 3.6  # shorter than a paragraph's indented first line
    ]
    if len(short) < _BROKEN_SHORT_LINES:
        return None
    return (
        "every story on this page is in doubt: the extractor broke its lines short of the column "
        "at clause marks (as pdftotext -raw prints a page), so no line's width tells where a "
        f"paragraph starts or ends {_READ_PDF}"
    )


_CHARACTER_LINES = 20  # at least: a few lone marks or a short vertical head are no such page
_CHARACTER_SHARE = 0.5  # of a page's lines with text, holding one character each


def a_character_a_line(lines: Sequence[str]) -> str | None:
    """The page-wide doubt when the extractor printed the page a character a line (see the module
    doc): half or more of the lines with text, and twenty at least, hold one character each. A
    PDF that places each character on its own comes out so of pypdf's ``extract_text``, and then
    no line tells where a column's line, a paragraph or a head starts or ends."""
    filled = [line for line in lines if line.strip()]
    single = sum(1 for line in filled if len(re.sub(r"[\s　]", "", line)) == 1)
    if single < max(_CHARACTER_LINES, _CHARACTER_SHARE * len(filled)):
        return None
    return (
        "every story on this page is in doubt: the extractor printed the page a character a line "
        "(the PDF places each character on its own, and pypdf prints such a page so), so no line "
        f"tells where a paragraph or a headline starts or ends {_READ_PDF}"
    )


# A line holding a dateline's opening only, cut off after its month or day (本报锡林浩特 3 月 1 日),
# naming any outlet a dateline names (``layout.OUTLETS``).
_DATELINE_CUT = re.compile(rf"^(?:据)?(?:{OUTLETS})[^，。：、“”（）\d]{{0,12}}?\d{{1,2}}月(?:\d{{1,2}}日?)?$")


def _datelines_cut_off(measures: _Measures) -> list[tuple[int, str]]:
    """A dateline broken at a line's end (本报锡林浩特 3 月 1 日) whose next line does not carry it
    on (电（记者 李红）…): a dateline is always printed whole, so the line after it is another
    column's, printed between (columns interleaved line by line, or the story's text elsewhere)."""
    found: list[tuple[int, str]] = []
    lines = measures.lines
    for line, after in zip(lines, lines[1:], strict=False):
        head = line.text.replace(" ", "")
        if not _DATELINE_CUT.match(head):
            continue
        if dateline_at_start(head + after.text.replace(" ", "")) is None:
            found.append(
                (
                    after.number,
                    "a dateline broken off on the line before is not carried on here: another "
                    f"column's line stands between, the story's text may be out of order {_READ_PDF}",
                )
            )
    return found


def _full(line: TextLine) -> bool:
    """A column's full line: anything short of an indent (as ``extraction._full``)."""
    return line.width + (0.5 if line.text[:1] in "“‘" else 0.0) > line.column - 1.6


def _story_byline(segments: Sequence[Segment], article: Article) -> bool:
    """Whether a byline on a line of its own (本报记者 王明), a story's, stands over ``article``'s
    text: a brief's byline closes it （王明）."""
    first = next(
        (
            s.line
            for s in segments
            if s.kind is SegmentKind.PARAGRAPH and (s.line or 0) >= (article.line or 0)
        ),
        None,
    )
    return any(
        s.kind is SegmentKind.BYLINE and (article.line or 0) <= (s.line or 0) < (first or 10**9)
        for s in segments
    )


def _bare_heads(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """Headlines with no text under them."""
    return [
        (article.line or 0, f"a headline with no text under it: its story may be elsewhere {_READ_PDF}")
        for article in articles
        if article.headline and not article.paragraphs and article.continued_from_page is None
    ]


_OFF_MEASURE = 1.5  # characters: a column's full lines differ by one (no line opens on punctuation)
_SENTENCE_END = "。！？；…”’」』》）!?;)"  # a paragraph's last character when it ends a sentence
_LINE_AT_LEAST = 8  # characters: the narrowest column's line holds more (a body line's rest: 个旅游景区。)
# A quotation or title closing a paragraph with no sentence end inside it (“幸福味道”, 《规划》):
# a term quoted mid-sentence, so the paragraph breaks off there (a headline read as a paragraph).
_CLOSED_MID_SENTENCE = re.compile(r"[^。！？…!?；;”’」』》][”’」』》]+$")


def _thin_bodies(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """Stories whose whole text is shorter than a column's line: a body line's rest (嬉戏。) under
    a line of running text read as the headline."""
    return [
        (
            article.line or 0,
            f"a headline over less than a line of text: a line of running text may be read as the headline {_READ_PDF}",
        )
        for article in articles
        if article.headline
        and article.paragraphs
        and article.continued_from_page is None
        and article.continued_on_page is None
        # Measured as set: figures and Latin take half a character (长至23:00。 is under a line).
        and sum(visual_width(p) for p in article.paragraphs) < _LINE_AT_LEAST
    ]


def _stories_of_a_line_under_the_dateline(
    articles: Sequence[Article], measures: _Measures
) -> list[tuple[int, str]]:
    """A story under its headline whose whole text is its dateline's line and one line more: no
    story is so short (a brief is, in its box, under no headline). pdfminer.six printing a page a
    line at a time puts a dateline's line next to another column's line, and the lines after it
    stand alone as heads would: the story's text is elsewhere, the heads may be running text."""
    found: list[tuple[int, str]] = []
    for article in articles:
        if (
            not article.headline
            or article.dateline is None
            or len(article.paragraphs) != 1
            or article.continued_from_page is not None
            or article.continued_on_page is not None
        ):
            continue
        own = measures.paragraph_lines(article.paragraphs[0], article.line or 0)
        if len(own) == 2 and own[0].dateline:
            found.append(
                (
                    own[0].number,
                    "a story of one line under its dateline: its text may be elsewhere, or the "
                    f"heads over it a line of running text {_READ_PDF}",
                )
            )
    return found


def _unfinished_paragraphs(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph (not a subhead) ending mid-sentence with no jump line carrying its story on:
    the extractor printed its rest elsewhere (据了 … 解，今年), read into another story."""
    found: list[tuple[int, str]] = []
    for article in articles:
        last = len(article.paragraphs) - 1
        for n, paragraph in enumerate(article.paragraphs):
            text = paragraph.rstrip()
            if (
                not text
                or (text[-1] in _SENTENCE_END and not _CLOSED_MID_SENTENCE.search(text))
                or text in article.subheads
                or (n == last and article.continued_on_page is not None)
            ):
                continue
            # Pointed at the line it ends on, where a join past other text warns of the same end.
            own = measures.paragraph_lines(paragraph, article.line or 0)
            found.append(
                (
                    own[-1].number if own else article.line or 0,
                    f"a paragraph ends mid-sentence: its rest, or this story's own text, may be elsewhere {_READ_PDF}",
                )
            )
            break
    return found


def _lines_apart_inside(measures: _Measures) -> list[tuple[int, str]]:
    """Lines standing apart inside a paragraph (a blank line before them and after), none set to
    its measure nor ending a sentence: a head or a chart's label the paragraph was read across."""
    found: list[tuple[int, str]] = []
    for own in measures.with_lines(3):
        # The usual width of its lines but the last: the widest may be the head read into it.
        usual = statistics.median(line.width for line in own[:-1])
        runs: list[list[TextLine]] = []
        for line in own:
            if not runs or line.blank_before:
                runs.append([])
            runs[-1].append(line)
        for run in runs[1:-1]:
            if all(abs(line.width - usual) > _OFF_MEASURE and not line.sentence_end for line in run):
                found.append(
                    (
                        run[0].number,
                        "lines standing apart inside a paragraph, not set to its measure: a head or a "
                        f"label may be read into it {_READ_PDF}",
                    )
                )
                break
    return found


_MARKS = re.compile(r"[，。；：、！？,.;:!?…—（）]")
_INDENT = 2.0  # characters: a paragraph's first line is indented by two


def _heads_opening_a_paragraph(measures: _Measures, segments: Sequence[Segment]) -> list[tuple[int, str]]:
    """A paragraph opening on a line standing alone (blank lines before and after it, or right
    under heads read apart: their box's last line) that holds no punctuation and is wider than
    an indented first line: a head (headlines carry no marks) over another column's text, read
    as the paragraph's first line (pdfminer.six prints a story's heads as a box of their own). A paragraph's own first line printed apart is indented
    (half a character of slack: a column's justified lines differ by one); one as short, whose
    sentence would end a few characters into the next block (打好防沙治沙攻坚战 / 说。), is a head
    too (pdftotext)."""
    found: list[tuple[int, str]] = []
    heads_end = {
        measures.lines_of(s)[-1].number
        for s in segments
        if s.kind is SegmentKind.BLOCK and s.line is not None and measures.lines_of(s)
    }
    for own in measures.with_lines(2):
        if not own[1].blank_before:
            continue
        first = own[0]
        index = measures.index[first.number]
        under_heads = index > 0 and measures.lines[index - 1].number in heads_end
        if not first.blank_before and not under_heads:
            continue
        if _MARKS.search(first.text) or first.dateline:
            continue
        if first.width >= first.column - _INDENT - 0.5:
            found.append(
                (
                    first.number,
                    "a paragraph opening on an unpunctuated line standing apart, wider than an "
                    f"indented first line: a head read into another column's text {_READ_PDF}",
                )
            )
        elif _TAIL_AFTER_AN_END.match(own[1].text):
            # As short as an indented first line, but its sentence would end a few characters
            # into the next block (打好防沙治沙攻坚战 / 说。): no paragraph's first sentence is so
            # short and unmarked; the block opens on the rest of another column's sentence.
            found.append(
                (
                    first.number,
                    "a paragraph opening on an unpunctuated line standing apart, the next block on a "
                    f"sentence's last words: a head read into another column's text {_READ_PDF}",
                )
            )
    return found


def _indented_lines_read_on_into(measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph read on past a blank line (another block) from a line ending mid-sentence to
    one indented (shorter than the column by an indent, the line under it longer): the block
    opens a paragraph of its own, so the first paragraph's rest is elsewhere and another's text
    is read into it (pdfminer.six printing a column's boxes out of order)."""
    found: list[tuple[int, str]] = []
    for own in measures.with_lines():
        for before, line, under in zip(own, own[1:], own[2:], strict=False):
            if (
                line.blank_before
                and not under.blank_before
                and not before.sentence_end
                and line.width <= line.column - _INDENT - 0.5
                and line.width + 1.5 <= under.width <= line.column + 0.5  # a body line under it
            ):
                found.append(
                    (
                        line.number,
                        "a paragraph read on past a blank line into an indented line: another "
                        f"paragraph's text is read into it here {_READ_PDF}",
                    )
                )
                break
    return found


_ANY_MARK = re.compile(r"[，。、；：！？…（）]")  # running text's marks; a head line has none of them


def _closes_unopened(paragraph: str, left: str, right: str) -> bool:
    """Whether a paragraph closes a pair (a quotation, a bracket) before opening it: counted
    left to right, the closing marks outrun the opening ones somewhere."""
    depth = 0
    for char in paragraph:
        depth += (char == left) - (char == right)
        if depth < 0:
            return True
    return False


def _quotes_closed_unopened(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph closing a quotation it never opened (”, with no “ before it): a quotation may
    run over paragraphs open (each opening on “), but none closes where it did not open, so
    the quotation's opening was lost or another paragraph's text read in before its close."""
    return _paragraphs_where(
        articles,
        measures,
        lambda paragraph: _closes_unopened(paragraph, "“", "”"),
        f"a paragraph closes a quotation it never opened: its text may be cut or another's read into it {_READ_PDF}",
    )


def _box_items(articles: Sequence[Article], measures: _Measures) -> list[list[tuple[Article, float | None]]]:
    """The page's boxes of briefs (runs of items under a section word and no headline), each
    item with the measure its first paragraph is set to (None where the page does not tell)."""
    boxes: list[list[tuple[Article, float | None]]] = [[]]
    for article in articles:
        if not article.section or article.headline:
            if boxes[-1]:
                boxes.append([])
            continue
        first = article.paragraphs[0] if article.paragraphs else ""
        measure = measures.paragraph_measure(first, article.line or 0)
        boxes[-1].append((article, measure[0] if measure else None))
    return boxes


def _odd_first_briefs(boxes: Sequence[Sequence[tuple[Article, float | None]]]) -> list[tuple[int, str]]:
    """A box of briefs (简讯) whose first item is set to another measure than the others, which
    agree: ``_briefs`` takes the first item's measure for the box's, so here the first is the
    odd one, a column's text (its story's rest) read as the box's first brief. Not where the first
    opens on a dateline, as a brief does (the others may be pieces an extractor printed apart).
    ``boxes`` as ``_box_items`` finds them."""
    found: list[tuple[int, str]] = []
    for box in boxes:
        rest = [width for _, width in box[1:] if width is not None]
        # A first item on its dateline is a brief: a story's rest has none.
        first = None if not box or box[0][0].dateline else box[0][1]
        if len(box) < 3 or len(rest) < 2 or first is None:
            continue
        if max(rest) - min(rest) <= _MEASURE_SLACK and abs(first - statistics.median(rest)) > _MEASURE_SLACK:
            found.append(
                (
                    box[0][0].line or 0,
                    "the first item of a box of briefs is set to another measure than the box's "
                    f"others: a column's text read as a brief? {_READ_PDF}",
                )
            )
    return found


_REPORTER = re.compile(r"记者|通讯员")  # a story's credit; a brief signs with a bare name (（王明）)


def _reported_items_opening_a_box(
    boxes: Sequence[Sequence[tuple[Article, float | None]]],
) -> list[tuple[int, str]]:
    """A box of briefs (简讯) whose first item credits a reporter after its dateline (本报兴安盟
    3月2日电（记者 周涛）, as a story's does: a brief signs with a bare name at its end) and is
    set to another measure than the box's last item: a story's paragraphs read as the box's
    first briefs (its heads printed over the box's word, its text under it). Each item before
    the first at the last one's measure is doubted: each is read as an article of its own.
    ``boxes`` as ``_box_items`` finds them."""
    found: list[tuple[int, str]] = []
    for box in boxes:
        if len(box) < 2 or not (box[0][0].byline and _REPORTER.search(box[0][0].byline)):
            continue
        last = next((width for _, width in reversed(box) if width is not None), None)
        if last is None or box[0][1] is None or abs(box[0][1] - last) <= _MEASURE_SLACK:
            continue
        for item, width in box:
            if width is not None and abs(width - last) <= _MEASURE_SLACK:
                break
            found.append(
                (
                    item.line or 0,
                    "an item of a box of briefs under a reporter's byline (or after one), set to "
                    f"another measure than the box's last: a story's paragraph read as a brief? {_READ_PDF}",
                )
            )
    return found


def _headless_runs(articles: Sequence[Article]) -> list[list[Article]]:
    """The page's runs of items under no headline, one paragraph each and no subhead: what a
    box of briefs reads as, whatever its word (简讯) was read with."""
    runs: list[list[Article]] = [[]]
    for article in articles:
        if article.headline is None and len(article.paragraphs) == 1 and not article.subheads:
            runs[-1].append(article)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _odd_items_before_briefs(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """The first of a run of items under no headline, one paragraph each, that holds a box of
    briefs (简讯 read with one of them at least), set to another measure than the run's others,
    which agree: a column's paragraph read as a brief. ``_odd_first_briefs`` asks it of the items
    read into the box; pdfminer.six prints a box's word after its items or a column's paragraph
    before the word (the paragraph then read as the box's, or as a brief beside it), so the run
    is taken whatever the word was read with. Not where the first opens on a dateline, as a
    brief does."""
    found: list[tuple[int, str]] = []
    for run in _headless_runs(articles):
        if len(run) < 3 or not any(item.section for item in run) or run[0].dateline:
            continue
        widths: list[float | None] = []
        for item in run:
            measure = measures.paragraph_measure(item.paragraphs[0], item.line or 0)
            widths.append(measure[0] if measure else None)
        rest = [width for width in widths[1:] if width is not None]
        first = widths[0]
        if first is None or len(rest) < 2 or max(rest) - min(rest) > _MEASURE_SLACK:
            continue
        if abs(first - statistics.median(rest)) > _MEASURE_SLACK:
            found.append(
                (
                    run[0].line or 0,
                    "an item read as a brief is set to another measure than the briefs after it: "
                    f"a column's paragraph read as a brief? {_READ_PDF}",
                )
            )
    return found


_FULL_SLACK = 1.6  # characters a justified full line may fall short of its measure (``_full``)


def _tails_read_as_briefs(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """An item under no headline, among items that read as a box's briefs (two at least, set to
    one measure), whose whole text is one line short of that measure (not a full line, its byline
    counted), opening on no dateline:
    a brief's last line, printed apart from the brief (pdfminer.six prints a box's lines in an
    order of its own), read as a brief of its own, its brief read on into another's line."""
    found: list[tuple[int, str]] = []
    for run in _headless_runs(articles):
        if len(run) < 3:
            continue
        own: list[list[TextLine]] = []
        for item in run:
            own.append(measures.paragraph_lines(item.paragraphs[0], item.line or 0))
        widths = [max(line.width for line in lines[:-1]) for lines in own if len(lines) >= 2]
        if len(widths) < 2 or max(widths) - min(widths) > _MEASURE_SLACK:
            continue
        box = statistics.median(widths)
        for item, lines in zip(run, own, strict=True):
            if len(lines) == 1 and not item.dateline and lines[0].width <= box - _FULL_SLACK:
                found.append(
                    (
                        lines[0].number,
                        "an item of one line, short of the measure of the briefs beside it and "
                        f"opening on no dateline, read as a brief: a brief's last line printed apart? {_READ_PDF}",
                    )
                )
    return found


def _brief_of_a_short_line(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """A brief of a box (its section word over it, no headline) of one line: a brief tells a piece
    of news in a sentence or two, lines of its column, so one line alone is likely the next
    story's headline (台风或于周五登陆？: a headline ending on a question mark reads as a sentence,
    and may be set as wide as a narrow column) or a piece of another column's text."""
    found: list[tuple[int, str]] = []
    for article in articles:
        if not article.section or article.headline or len(article.paragraphs) != 1:
            continue
        own = measures.paragraph_lines(article.paragraphs[0], article.line or 0)
        if len(own) == 1:
            found.append(
                (
                    own[0].number,
                    "a brief of one line in a box of briefs: it may be the headline of the "
                    f"story after the box, or a piece of another story {_READ_PDF}",
                )
            )
    return found


def _heads_opening_a_brief(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """A brief of a box (简讯) whose first line stands alone (a blank line after it), holds none of
    running text's marks and is shorter than the column's measure, the brief going on past the
    blank line as a block: a headline printed in the box's column (pdftotext) read as the brief's
    first line, a story's text joined to it. (Outside a box, pdfminer.six prints a paragraph's
    indented first line so.)"""
    found: list[tuple[int, str]] = []
    for article in articles:
        if not article.section:
            continue
        for paragraph in article.paragraphs:
            own = measures.paragraph_lines(paragraph, article.line or 0)
            # The rest a block of lines: an extractor that prints a box line by line
            # (pdfminer.six) sets every line of a brief apart.
            if len(own) < 3 or not own[1].blank_before or any(line.blank_before for line in own[2:]):
                continue
            first = own[0]
            if not _ANY_MARK.search(first.text) and first.width < first.column - _OFF_MEASURE:
                found.append(
                    (
                        first.number,
                        "a line standing apart with no mark of running text opens a brief: a "
                        f"headline may be read into the text under it {_READ_PDF}",
                    )
                )
    return found


_SHORT_PIECE = 2  # lines: a paragraph carried over a column holds more between its two breaks


def _short_pieces_inside(measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph read across two blank lines whose piece between them is a line or two ending
    a sentence: a paragraph runs on over a column's break once, and no column holds so little
    of one, so the piece is another column's tail printed between a paragraph's two blocks
    (pdftotext), its text read into the paragraph."""
    found: list[tuple[int, str]] = []
    for segment in measures.paragraphs:
        runs: list[list[TextLine]] = []
        for line in measures.lines_of(segment):
            if not runs or line.blank_before:
                runs.append([])
            runs[-1].append(line)
        for run in runs[1:-1]:
            if len(run) <= _SHORT_PIECE and run[-1].sentence_end:
                found.append(
                    (
                        run[0].number,
                        "a line or two ending a sentence stand between two blocks of a paragraph: "
                        f"another column's text may be read into it {_READ_PDF}",
                    )
                )
                break
    return found


_INDENT = 2.0  # characters: a paragraph's first line is set in by two
# Marks a justified line may squeeze to half a character: a full line holding them measures short.
_SQUEEZABLE = re.compile(r"[“”‘’「」『』（），。、；：！？《》]")


def _indented_blocks_inside(measures: _Measures) -> list[tuple[int, str]]:
    """A block of a paragraph, past a blank line, opening on a line short of the column by an
    indent or more over a full line: a paragraph's indented first line, so the block opens
    another paragraph (or story) read as the rest of the one before (a chart's labels dropped
    between them, pdftotext). The rest of a paragraph carried over a break opens full."""
    found: list[tuple[int, str]] = []
    for own in measures.with_lines():
        # Two lines at least under it in the block: a head over its subtitle standing apart is
        # ``_lines_apart_inside``'s.
        for n in range(1, len(own) - 2):
            line, under = own[n], own[n + 1]
            if (
                line.blank_before
                and not under.blank_before
                and not own[n + 2].blank_before
                and line.width <= line.column - _INDENT
                and not _SQUEEZABLE.search(line.text)
                and under.width > under.column - _OFF_MEASURE
            ):
                found.append(
                    (
                        line.number,
                        "an indented line past a blank line is read on as the rest of the paragraph "
                        f"before: it may open another paragraph or story {_READ_PDF}",
                    )
                )
                break
    return found


_LONE_LINES_IN_A_ROW = 3  # a paragraph's lines each a block of its own: one may be a line left over


def _lines_one_by_one(measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph read off lines each standing alone (a blank line between every two), several
    in a row: an extractor prints a block's lines together, so these are lines of columns side by
    side printed a row at a time (pdftotext, where the columns' lines do not line up), and the
    paragraph is read across them. Not where every line of it stands alone: an extractor that
    splits a box into its lines (pdfminer.six on a box of briefs) prints a whole paragraph so."""
    found: list[tuple[int, str]] = []
    for own in measures.with_lines():
        if all(line.blank_before for line in own[1:]):
            continue
        alone = 0
        for n, line in enumerate(own):
            stands_alone = (n == 0 or line.blank_before) and (n + 1 < len(own) and own[n + 1].blank_before)
            alone = alone + 1 if stands_alone else 0
            if alone == _LONE_LINES_IN_A_ROW:
                found.append(
                    (
                        own[n - alone + 1].number,
                        "a paragraph read off lines standing one by one (a blank line between each): "
                        f"columns side by side may be printed a line of each at a time here {_READ_PDF}",
                    )
                )
                break
    return found


_CLAUSE_OPEN = re.compile(r"[，、；：]$")  # a line ending mid-sentence, on a clause mark
_SHORT_TAIL = re.compile(
    r"^[^“‘「『（《\s，、；：。]{1,2}[。！？]"
)  # a sentence's last one or two characters


def _tails_across_blocks(measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph read on past a blank line (where the extractor printed another block) from a
    line ending on a clause mark to one opening on a sentence's last character or two (景象， /
    嬉戏。): no clause is so short, so the block is another column's, its sentence begun elsewhere,
    and the paragraph's own rest is elsewhere too (pdftotext printing columns a few rows at a
    time)."""
    found: list[tuple[int, str]] = []
    for own in measures.with_lines():
        for before, line in zip(own, own[1:], strict=False):
            if line.blank_before and _CLAUSE_OPEN.search(before.text) and _SHORT_TAIL.match(line.text):
                found.append(
                    (
                        line.number,
                        "a paragraph read on past a blank line from a clause to a sentence's last "
                        f"words: another column's text may be read into it here {_READ_PDF}",
                    )
                )
                break
    return found


# A sentence's last four characters or fewer ending it, no clause mark among them (发展优势。).
_TAIL_AFTER_AN_END = re.compile(r"^[^“‘「『（《\s，、；：。！？]{1,4}[。！？]")


def _tails_after_a_sentence_end(measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph read on past a blank line (another block) from a line ending a sentence to
    one opening on a sentence's last four characters or fewer (办结。 / 验。, 发展优势。), no
    clause mark among them: no sentence is so short, so the block opens on the rest of another
    column's sentence, read into this paragraph (pdfminer.six printing a column's boxes out of
    order, pdftotext a chart's labels between a column's foot and another column)."""
    found: list[tuple[int, str]] = []
    for own in measures.with_lines():
        for before, line in zip(own, own[1:], strict=False):
            if line.blank_before and before.sentence_end and _TAIL_AFTER_AN_END.match(line.text):
                found.append(
                    (
                        line.number,
                        "a paragraph read on past a blank line from a sentence's end to another "
                        f"sentence's last words: another column's text is read into it here {_READ_PDF}",
                    )
                )
                break
    return found


def _subhead_lines(
    measures: _Measures, blocks: Sequence[Segment], subhead: str, after: int
) -> list[TextLine]:
    """The lines of a subhead's own block (the first block from line ``after`` on reading the
    same), none where it was not read as a block of its own."""
    block = next((b for b in blocks if (b.line or 0) >= after and b.text == subhead), None)
    return measures.lines_of(block) if block is not None else []


def _headlines_read_as_subheads(
    articles: Sequence[Article], measures: _Measures, segments: Sequence[Segment]
) -> list[tuple[int, str]]:
    """Subheads standing apart (a blank line before them: a box of their own) on one line as
    wide as the column: a subhead is set in the body's type in the column's box, and one as long
    as the column's line wraps; a headline, in its own box, is printed whole on one line. A story
    is read on into the next one here (pdfminer.six prints each box apart)."""
    found: list[tuple[int, str]] = []
    blocks = [s for s in segments if s.kind is SegmentKind.BLOCK and s.line is not None]
    for article in articles:
        for subhead in article.subheads:
            own = _subhead_lines(measures, blocks, subhead, article.line or 0)
            if len(own) == 1 and own[0].blank_before and _full(own[0]):
                found.append(
                    (
                        own[0].number,
                        "a subhead standing apart on one line as wide as the column: another story's "
                        f"headline may be read as a subhead here, its story read into this one {_READ_PDF}",
                    )
                )
                break
    return found


_WIDER_THAN_ITS_LINES = 1.5  # characters, both counted as set: more than a mark hanging


def _subheads_wider_than_their_story(
    articles: Sequence[Article], measures: _Measures, segments: Sequence[Segment]
) -> list[tuple[int, str]]:
    """Lines inside a story wider than its column (its paragraphs' lines), both counted as set
    (marks squeezed, figures wider than half a character), with no mark of running text: a
    subhead, or a paragraph's first line. A subhead or a paragraph is set in the column, so a
    line that cannot fit there is a headline over columns printed among another story's lines
    (an extractor printing a story's text before its heads), that story's text read on into
    this one under it."""
    found: list[tuple[int, str]] = []
    blocks = [s for s in segments if s.kind is SegmentKind.BLOCK and s.line is not None]
    for article in articles:
        start = article.line or 0
        paragraphs = [
            measures.paragraph_lines(paragraph, start)
            for paragraph in article.paragraphs
            if paragraph not in article.subheads
        ]
        lines = [line for own in paragraphs for line in own[1:-1]]  # its first and last may be short
        if len(lines) < 3:
            continue  # too few lines to tell the column's measure
        # Most of them are full lines: their median is the column's measure, where the widest
        # may be a line of figures counted a little over.
        column = statistics.median(counted_as_set(line) for line in lines)
        candidates = [
            own[0] for own in paragraphs if own and dateline_at_start(own[0].text.replace(" ", "")) is None
        ]
        for subhead in article.subheads:
            own = _subhead_lines(measures, blocks, subhead, start)
            if len(own) == 1:
                candidates.append(own[0])
        wide = [
            line
            for line in candidates
            if not _RUNNING_MARK.search(line.text) and counted_as_set(line) >= column + _WIDER_THAN_ITS_LINES
        ]
        if wide:
            found.append(
                (
                    min(line.number for line in wide),
                    "a line wider than its story's column, with no mark of running text: another "
                    f"story's headline may be read into this story here, its story with it {_READ_PDF}",
                )
            )
    return found


_RUNNING_MARK = re.compile("[，。、；：！？]")


def _subheads_ending_on_a_pause(
    articles: Sequence[Article], segments: Sequence[Segment]
) -> list[tuple[int, str]]:
    """Subheads ending on a pause mark (截至4月28日收盘，): no head stops mid-sentence, so this is
    a paragraph's first line read apart as a subhead, the paragraph split under it."""
    found: list[tuple[int, str]] = []
    for article in articles:
        for subhead in article.subheads:
            if not re.search(r"[，、；：,;:]$", subhead.strip()):
                continue
            where = next(
                (
                    s.line
                    for s in segments
                    if s.line is not None and s.line >= (article.line or 0) and s.text == subhead
                ),
                article.line,
            )
            if where is not None:
                found.append(
                    (
                        where,
                        f"a subhead ending mid-sentence (“{subhead}”): a paragraph's first line read apart {_READ_PDF}",
                    )
                )
                break
    return found


def _asking_head(paragraph: str) -> bool:
    """A paragraph that is a question or exclamation alone with no other mark, as a head asks
    (秸秆还能变成什么？): running text's questions stand among sentences with their marks."""
    text = paragraph.replace(" ", "")
    return text[-1:] in ("？", "！") and not _MARK_IN_A_HEAD.search(text[:-1])


def _heads_closing_a_story(articles: Sequence[Article], segments: Sequence[Segment]) -> list[tuple[int, str]]:
    """A story closing on a subhead, with nothing under it or only a question alone: a subhead
    heads the text under it, so these are the next story's heads (kicker, headline asking a
    question) read into this one, where the extractor printed them after the text they head (a
    page whose heads were drawn last). So too a story whose whole text is such a question: its
    headline, read as text under its kicker read as the headline."""
    found: list[tuple[int, str]] = []
    blocks = [s for s in segments if s.kind is SegmentKind.BLOCK and s.line is not None]
    for article in articles:
        if not article.paragraphs or article.continued_on_page is not None:
            continue
        paragraphs = list(article.paragraphs)
        asking = _asking_head(paragraphs[-1]) and paragraphs[-1] not in article.subheads
        if asking:
            paragraphs.pop()
        if paragraphs and paragraphs[-1] in article.subheads:
            block = next(
                (b for b in blocks if (b.line or 0) >= (article.line or 0) and b.text == paragraphs[-1]), None
            )
            line = block.line if block is not None and block.line is not None else article.line or 0
        elif asking and not paragraphs and article.headline and article.dateline is None:
            line = article.line or 0
        else:
            continue
        found.append(
            (
                line,
                "this story closes on heads with no text under them (a subhead, a question alone): "
                f"they may be the next story's, its text read into this one {_READ_PDF}",
            )
        )
    return found


# A sentence's last few characters ending it (优惠。), not opening a quotation (“好。”说): a
# paragraph's own first sentence is longer.
_TAIL_OPENING = re.compile(r"^[^“‘「『（《\s]{1,4}[。！？]")


def _paragraphs_opening_on_a_tail(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph opening on a sentence's last few characters (优惠。“以前…): the rest of a
    sentence whose beginning the extractor printed elsewhere. Briefs are set without an indent,
    so a brief opening so is not told by its first line."""
    return _paragraphs_opening(
        articles,
        measures,
        _TAIL_OPENING,
        "a paragraph opens on a sentence's last words: its beginning may be read elsewhere",
    )


# One character and a clause mark (米，展出…): a word's last character, which no sentence opens on.
_WORDS_END_OPENING = re.compile(r"^[\u4e00-\u9fff][，；]")


def _paragraphs_opening_on_a_words_end(
    articles: Sequence[Article], measures: _Measures
) -> list[tuple[int, str]]:
    """A paragraph opening on one character and a comma (米，展出文物…): the end of a word broken
    over two lines, its beginning read as another paragraph or a head (a line measured short,
    its digits set wider than counted, looks like an indented first line)."""
    return _paragraphs_opening(
        articles,
        measures,
        _WORDS_END_OPENING,
        "a paragraph opens on a word's last character: its beginning may be read apart from it",
    )


def _paragraphs_opening(
    articles: Sequence[Article], measures: _Measures, opening: re.Pattern[str], message: str
) -> list[tuple[int, str]]:
    """The first paragraph of each article (not a subhead, nor a continuation's opening, which
    may open anywhere: ■上接第1版) that opens as ``opening`` matches, with ``message``."""
    found: list[tuple[int, str]] = []
    for article in articles:
        for n, paragraph in enumerate(article.paragraphs):
            if n == 0 and article.continued_from_page is not None:
                continue
            if opening.match(paragraph) and paragraph not in article.subheads:
                segment = measures.segment_of(paragraph, article.line or 0)
                line = segment.line if segment is not None and segment.line else article.line or 0
                found.append((line, f"{message} {_READ_PDF}"))
                break
    return found


# Of a page's lines, those with a blank line before them where an extractor prints its boxes
# apart: PyMuPDF and PDFium print three in a hundred at most, pdftotext five or more on a page
# set close (its blocks long), pdfminer.six more.
_BLOCKS_APART = 0.045


def _headlines_in_a_paragraphs_box(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """Heads printed right under a paragraph's last line (no blank line between), on a page whose
    extractor prints its boxes apart (pdfminer.six, pdftotext): in the paragraph's own box, so
    set in the body's type, a subhead of that story read as the next one's headline."""
    lines = measures.lines
    if sum(line.blank_before for line in lines) < _BLOCKS_APART * len(lines):
        return []  # PyMuPDF and PDFium print no blank lines: nothing tells a box from the next
    found: list[tuple[int, str]] = []
    for article in articles:
        n = measures.index.get(article.line or 0)
        if not article.headline or not n:
            continue
        first, before = lines[n], lines[n - 1]
        if not first.blank_before and not first.hard_break_before and before.sentence_end:
            # Pointed at the headline's own line (past a kicker): the story read under it is the
            # one in doubt, and an earlier line would hide its other doubts (one warning each).
            bare = article.headline.replace(" ", "")
            own = next(
                (x for x in lines[n : n + 4] if x.text and bare.startswith(_bare(x.text))),
                first,
            )
            found.append(
                (
                    own.number,
                    "heads printed right under a paragraph's end, in its box: a subhead of the story "
                    f"before may be read as a headline here {_READ_PDF}",
                )
            )
            if first.column - 3.6 <= first.width <= first.column - 1.6:
                continue  # an indented line: a paragraph of its own opens, the one before ends there
            # The story before loses its subhead and the text under it, if it is one.
            found.append(
                (
                    before.number,
                    "the heads under this paragraph's end stand in its box: this story's subhead and "
                    f"the text under it may be read as another story {_READ_PDF}",
                )
            )
    return found


def _subtitles_apart(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """A subtitle (副题) with no dash opening it, printed apart from its headline (a blank line
    between: a box of its own): one story's heads stand together, so this is likely another
    story's headline, the heads of stories set side by side read as one story's tiers."""
    found: list[tuple[int, str]] = []
    for article in articles:
        if not article.headline or not article.subtitle or article.subtitle.startswith("—"):
            continue
        n = measures.index.get(article.line or 0)
        if n is None:
            continue
        bare = article.subtitle.replace(" ", "")
        line = next(
            (x for x in measures.lines[n + 1 : n + 6] if x.text and bare.startswith(_bare(x.text))),
            None,
        )
        if line is not None and line.blank_before:
            found.append(
                (
                    line.number,
                    "a subtitle printed apart from its headline, with no dash: the headlines of "
                    f"stories set side by side may be read as one story's tiers {_READ_PDF}",
                )
            )
    return found


def _kickers_as_long_as_headlines(
    articles: Sequence[Article], segments: Sequence[Segment], headlines: PageHeadlines
) -> list[tuple[int, str]]:
    """Two head lines with no dash read as kicker (引题) over headline, the upper line within a
    character of the shortest headline the page's other heads show for sure: a headline over
    its subtitle (副题) reads so too, and only the type size tells. Measured against the page's
    own headlines, so a paper of short headlines is doubted as one of long is; and two lines
    read so by the page's headlines against their lengths (``articles._kickers_by_the_page``).
    Not where the page shows the upper is a kicker: the top of three tiers, or over another
    story too (a series' kicker; two stories never share a headline), nor where a tier was
    struck bold."""
    blocks = {s.line: s for s in segments if s.kind is SegmentKind.BLOCK and s.line is not None}
    sure_kickers = [a.kicker for a in articles if a.kicker and a.subtitle]
    kickers = [a.kicker for a in articles if a.kicker]
    found: list[tuple[int, str]] = []
    for article in articles:
        if not article.kicker or not article.headline or article.subtitle or article.line is None:
            continue
        block = blocks.get(article.line)
        if block is None or block.bold_tier is not None or block.text.count("\n") != 1:
            continue
        if article.kicker in sure_kickers or kickers.count(article.kicker) > 1:
            continue
        if kicker_near_headline_length(
            article.kicker, article.headline, headlines.shortest(article)
        ) or headline_over_long_subtitle(article.kicker, article.headline):
            found.append((article.line, KICKER_OVER_HEADLINE_DOUBT))
    return found


_RUNNING_MARK = re.compile("[，。；、]")


def _printed_apart(article: Article, tier: str, measures: _Measures) -> bool:
    """Whether a tier of ``article``'s heads stands apart from the lines above it (a blank
    line between): an extractor prints one story's heads together."""
    n = measures.index.get(article.line or 0)
    if n is None:
        return False
    bare = tier.replace(" ", "")
    line = next((x for x in measures.lines[n + 1 : n + 6] if x.text and bare.startswith(_bare(x.text))), None)
    return line is not None and line.blank_before


def _kicker_by_the_page(heads: Article, shortest: float | None) -> bool:
    """Whether a story's lone head line is shorter, by more than a character, than every
    headline two or more of the page's other articles tell for sure (``shortest``, as
    ``PageHeadlines.shortest`` gives it): a kicker (引题) printed apart."""
    return shortest is not None and heads.headline is not None and visual_width(heads.headline) < shortest - 1


def _heads_after_heads_with_no_text(
    articles: Sequence[Article], measures: _Measures, headlines: PageHeadlines
) -> list[tuple[int, str]]:
    """A story under one head line, next after heads with no text under them, or less than a
    line (a box's briefs may stand between): an extractor that printed a story's heads apart
    (another column's lines, a box, between them) leaves its headline bare and its subtitle
    (副题) over its text, read as another story's headline. Not after heads with a subtitle of
    their own printed with them, nor after a label the page's headlines show is a kicker
    (``_kicker_by_the_page``): the line after a kicker is its headline."""
    found: list[tuple[int, str]] = []
    bare: Article | None = None  # the last heads with no text of their own
    bare_asks = False  # those heads' text a question alone (their headline, read as text)
    for article in articles:
        if article.headline is None:
            continue  # a box's brief, or text under no heads: the heads before may be its own
        if (
            bare is not None
            and article.line is not None
            and not article.kicker
            and not article.subtitle
            and article.continued_from_page is None
            and (bare_asks or not _kicker_by_the_page(bare, headlines.shortest(bare, article)))
        ):
            found.append(
                (
                    article.line,
                    f"a head line under a story's heads with no text of their own (“{bare.headline}”): "
                    f"it may be their subtitle (副题), this text their story {_READ_PDF}",
                )
            )
        # Or its headline asking a question read as its text, under its kicker read as the
        # headline: the line after is no headline then, whatever the kicker's length.
        asks = (
            len(article.paragraphs) == 1 and _asking_head(article.paragraphs[0]) and article.dateline is None
        )
        thin = sum(len(p) for p in article.paragraphs) < _LINE_AT_LEAST or asks
        bare = (
            article
            if thin
            and (not article.subtitle or _printed_apart(article, article.subtitle, measures))
            and not _RUNNING_MARK.search(article.headline)  # a head's line, not running text's
            and article.continued_from_page is None
            and article.continued_on_page is None
            else None
        )
        bare_asks = bare is not None and asks
    return found


def _headless_items(article: Article) -> bool:
    """Whether an article reads as a box's briefs read under no title: no headline, no box word
    (简讯) read with it, not a page's continuation, each paragraph a brief's length."""
    return (
        article.headline is None
        and article.section is None
        and article.continued_from_page is None
        and not article.subheads
        and bool(article.paragraphs)
        and all(len(paragraph) < LONG_BRIEF for paragraph in article.paragraphs)
    )


def _titles_over_headless_briefs(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """A headline right over items read as briefs under no headline and no box word: a box of
    briefs titled in words the reader does not know as a box's (城事速递, where 简讯 is known),
    its title read as a story's headline. Either the title stands alone over the box's first
    brief (one brief's paragraph under it, the rest read under no headline), or it closes a
    story's heads set after their text, the briefs right under it: the headline's last piece (a
    printed line of its own, or the run after a space) read on from the story's headline."""
    found: list[tuple[int, str]] = []
    for story, after in zip(articles, articles[1:], strict=False):
        if not story.headline or story.subtitle or not _headless_items(after):
            continue
        # A brief signs with a bare name (（王明）), a story's byline credits a reporter (记者 王明).
        one_brief = (
            not story.kicker
            and len(story.paragraphs) == 1
            and len(story.paragraphs[0]) < LONG_BRIEF
            and not (story.byline and _CREDIT_WORDS.search(story.byline))
        )
        if one_brief or _headline_closed_by_a_piece(story.headline, after.line or 0, measures):
            found.append(
                (
                    story.line or 0,
                    f"“{story.headline}” stands over items read as briefs under no headline: it may be "
                    f"(or hold) the title of their box, read as a story's headline; check the box {_READ_PDF}",
                )
            )
    return found


def _items_under_running_heads(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """Text under no headline opening on the line right after a headline holding running text's
    comma (受强降雨影响，环岛): that headline is a line of running text read as a head (the
    first line of a brief, indented so short), and the text under it its rest, opening
    mid-sentence. The headline is doubted where it is read (``_odd_headlines``); this says
    so where its rest is, another article."""
    found: list[tuple[int, str]] = []
    for head, item in zip(articles, articles[1:], strict=False):
        if (
            head.headline
            and _RUNNING_COMMA.search(head.headline)
            and item.headline is None
            and item.section is None
            and item.continued_from_page is None
            and _headline_closed_by_a_piece(head.headline, item.line or 0, measures, whole=True)
        ):
            found.append(
                (
                    item.line or 0,
                    f"this text opens right under a line read as a headline that reads as running text "
                    f"(“{head.headline}”): that line may be its first; check where it begins {_READ_PDF}",
                )
            )
    return found


def _headline_closed_by_a_piece(headline: str, start: int, measures: _Measures, whole: bool = False) -> bool:
    """Whether the line printed right before ``start`` is a piece closing ``headline``, not all of
    it (or all of it, ``whole``): a line of its own (城事速递 under 软件园) or the run after a
    space (软件园 城事速递)."""
    before = next((line for line in reversed(measures.lines) if line.number < start), None)
    if before is None:
        return False
    last = before.text.strip()
    spaces = list(SPACE_BETWEEN_CHINESE.finditer(last))
    piece = _bare(last[spaces[-1].end() - 1 :] if spaces else last)
    bare = _bare(headline)
    return bool(piece) and bare.endswith(piece) and (whole or len(piece) < len(bare))


# A sentence's end, or a brief's closing byline after one.
_AN_END = re.compile(r"[。！？][”’」』]?|(?<=[。！？”’」』])（[^（）]{1,20}）")


def _datelines_inside(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """A dateline inside a paragraph, right after a sentence's end or a brief's closing byline
    (…借阅。（林岚）本报5日讯…): a dateline opens a story or a brief and running text never
    holds one, so two items were read as one (an extractor that runs a box's lines on, as
    pypdf's layout mode does)."""
    found: list[tuple[int, str]] = []
    for article in articles:
        for paragraph in article.paragraphs:
            at = next(
                (
                    end.end()
                    for end in _AN_END.finditer(paragraph)
                    if dateline_at_start(paragraph[end.end() :])
                ),
                None,
            )
            if at is None:
                continue
            found.append(
                (
                    _line_holding(measures.paragraph_lines(paragraph, article.line or 0), paragraph, at)
                    or article.line
                    or 0,
                    "a dateline inside a paragraph: two stories or briefs read as one here; check "
                    f"where the second begins {_READ_PDF}",
                )
            )
            break
    return found


def _line_holding(lines: Sequence[TextLine], paragraph: str, at: int) -> int | None:
    """The number of the line among a paragraph's ``lines`` that holds its character ``at``."""
    seen = len(_bare(paragraph[:at]))
    for line in lines:
        seen -= len(_bare(line.text))
        if seen < 0:
            return line.number
    return None


def _bare(text: str) -> str:
    return text.replace(" ", "").replace("　", "")


_CREDIT_WORDS = re.compile(r"(?:本报|新华社|特约|见习)?记者|通讯员|实习生|[（）()]")
_NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}")


def _names(byline: str) -> set[str]:
    """The people a byline credits: 本报记者 王明　李华 -> {王明, 李华}."""
    return set(_NAME.findall(_CREDIT_WORDS.sub(" ", byline)))


def _bylines_of_others(articles: Sequence[Article], segments: Sequence[Segment]) -> list[tuple[int, str]]:
    """A byline on a line of its own (本报记者 王明) inside an article, after its first paragraph,
    crediting someone its byline (its dateline's, 本报包头3月1日电（记者 李华）) does not: one story
    is credited once, so this is another's, its headline read as a subhead or its heads as this
    one's (pages whose heads are drawn after their bodies, a story stacked under another)."""
    starts = sorted(a.line or 0 for a in articles)
    doubts: list[tuple[int, str]] = []
    for article in articles:
        if not article.byline or not _names(article.byline):
            continue
        start = article.line or 0
        end = next((s for s in starts if s > start), 10**9)
        first = next(
            (s.line for s in segments if s.kind is SegmentKind.PARAGRAPH and start <= (s.line or 0) < end),
            None,
        )
        other = next(
            (
                s
                for s in segments
                if s.kind is SegmentKind.BYLINE
                and first is not None
                and first < (s.line or 0) < end
                and _names(s.text) - _names(article.byline)
            ),
            None,
        )
        if other is not None:
            doubts.append(
                (
                    other.line or start,
                    "a byline crediting others than the story's own: two stories may be read as one "
                    f"here, a headline read as a subhead or another story's heads as this one's {_READ_PDF}",
                )
            )
    return doubts


def _one_line_paragraphs_after_a_full_end(measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph of one line at an indent's width ending a sentence, right under a paragraph's
    full line ending one (…天天来吃。” / 七十八岁的赵大爷说。): an indented one-line paragraph,
    or the paragraph's own last line, its sentence before ending at the column's edge. The text
    cannot tell (a last line may be of any width), and the two are read apart."""
    found: list[tuple[int, str]] = []
    ends = {own[-1].number for own in map(measures.lines_of, measures.paragraphs) if own}
    for own in measures.with_lines():
        if len(own) != 1:
            continue
        (line,) = own
        at = measures.index.get(line.number, 0)
        before = measures.lines[at - 1] if at > 0 else None
        if (
            before is not None
            and before.number in ends  # a paragraph's last line, not a head's or a byline's
            and not line.blank_before
            and not line.hard_break_before
            and not line.dateline
            and not line.byline_only
            and line.sentence_end
            and before.sentence_end
            and _full(before)
            and line.column - 3.6 <= line.width <= line.column - 1.6
            and not _BYLINE_AT_END.search(line.text)  # a brief of one line, closed by its byline
            and not _BYLINE_AT_END.search(before.text)  # a story or brief closed on the line above
        ):
            found.append(
                (
                    line.number,
                    "a one-line paragraph under a paragraph's full line ending a sentence: it may be "
                    f"that paragraph's last line {_READ_PDF}",
                )
            )
    return found


def _questions_closing_a_paragraph(measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph's last line a question (or exclamation) standing alone, short of the column,
    with no other mark (难在哪里？), right under the paragraph's full line ending a sentence: a
    subhead (小标题) in the body's type asks so over the paragraph under it, and the text cannot
    tell it from the paragraph's own last sentence beginning on a line of its own."""
    found: list[tuple[int, str]] = []
    for own in measures.with_lines(2):
        before, last = own[-2], own[-1]
        if (
            _asking_head(last.text)
            and not last.blank_before
            and not last.dateline
            and not _full(last)
            and before.sentence_end
            and _full(before)
            and not _BYLINE_AT_END.search(before.text)
        ):
            found.append(
                (
                    last.number,
                    f"a paragraph closes on a question standing on a line of its own: it may be a subhead "
                    f"(小标题) over the paragraph under it {_READ_PDF}",
                )
            )
    return found


_MARK_IN_A_HEAD = re.compile(r"[，。、；：！？…—“”‘’（）,.;:!?]")  # running text's marks: a subhead has none


_NO_LINE_OPENS = "，。、；：！？”’）》」』"  # marks a typesetter never opens a line with


def _quoted_openings_after_a_full_end(measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph opening on a quote at an indent's width, right under a paragraph's full line
    ending a sentence, the line under it opening on a character and a mark: a full line held
    short (the character pulled down, as a mark may not open a line; the opening quote set half
    wide), the paragraph above running on, or an indented first line. The text cannot tell."""
    found: list[tuple[int, str]] = []
    ends = {own[-1].number for own in map(measures.lines_of, measures.paragraphs) if own}
    for own in measures.with_lines(2):
        line = own[0]
        at = measures.index.get(line.number, 0)
        before = measures.lines[at - 1] if at > 0 else None
        if (
            before is not None
            and before.number in ends
            and line.text[:1] in "“‘"
            and not line.blank_before
            and not line.hard_break_before
            and before.sentence_end
            and _full(before)
            and not _BYLINE_AT_END.search(before.text)
            and line.column - 3.6 <= line.width <= line.column - 1.6
            and own[1].text[1:2] in _NO_LINE_OPENS
        ):
            found.append(
                (
                    line.number,
                    "a paragraph opening on a quote under a full line ending a sentence: it may be "
                    f"that paragraph's rest, a full line held short {_READ_PDF}",
                )
            )
    return found


def _datelines_under_no_headline(
    articles: Sequence[Article], found: Sequence[tuple[int, str]]
) -> list[tuple[int, str]]:
    """A story opening on its dateline (本报包头3月4日电) with no headline over it, outside a box of
    briefs: its heads were printed elsewhere, read as another story's subhead or its own text
    before them. Pointed at the dateline, where the story's own text begins: a doubt further on
    (a join) may be of a neighbour's text read on into it. Not where the text already raised a
    doubt inside it: each article is warned once, at its first doubt, which that one says better."""
    starts = sorted(a.line or 0 for a in articles)
    doubts: list[tuple[int, str]] = []
    for article in articles:
        if (
            article.headline
            or not article.dateline
            or article.section
            or article.continued_from_page is not None
        ):
            continue
        start = article.line or 0
        end = next((s for s in starts if s > start), 10**9)
        if any(start <= line < end for line, _ in found):
            continue
        doubts.append(
            (
                start,
                "a story opens on its dateline under no headline: its heads, or its text before "
                f"them, may be elsewhere {_READ_PDF}",
            )
        )
    return doubts


# A credit for words and pictures closing a byline's line (本报记者 王明 文/图, 李华 摄).
_CREDIT_CLOSING = re.compile(r"[\s　]*(?:文[/／]图|摄影?|图)$")


def _heads_that_are_bylines(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """A head tier that is a byline's line (本报记者 王明 李华 文/图): the byline printed under a
    story's heads, read as a headline or subtitle, so the story's own head may be taken for its
    kicker and the tiers misplaced. Each article once."""
    found: list[tuple[int, str]] = []
    for article in articles:
        for tier in (article.headline, article.subtitle, article.kicker):
            if tier and BYLINE_LINE.match(_CREDIT_CLOSING.sub("", tier.strip())):
                found.append(
                    (
                        article.line or 0,
                        f"a byline (“{tier}”) is read as a head of this story: check its headline "
                        f"and tiers {_READ_PDF}",
                    )
                )
                break
    return found


# A head line opening on one character set apart from a phrase (了 山区患者…): heads part phrases
# with a space, and no phrase is one character, so it is the end of the line above.
_LONE_FIRST_CHARACTER = re.compile(r"^[\u4e00-\u9fff][ 　]+[\u4e00-\u9fff]{2}")


def _heads_opening_on_a_lone_character(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """A head tier opening on a character standing alone before a space, not letter-spaced
    (了 山区患者看病不再): a head broken over lines, the line's first character the last of the
    tier read over it, so the tiers (kicker, headline) are cut in the wrong place. Each article once."""
    found: list[tuple[int, str]] = []
    for article in articles:
        for tier in (article.headline, article.subtitle, article.kicker):
            if tier and _LONE_FIRST_CHARACTER.match(tier) and not is_letter_spaced(tier):
                found.append(
                    (
                        article.line or 0,
                        f"a head line opens on a character set apart (“{tier}”): a head broken over "
                        f"lines, cut into tiers in the wrong place {_READ_PDF}",
                    )
                )
                break
    return found


def _tucked_quotes_at_an_indent(measures: _Measures) -> list[tuple[int, str]]:
    """A line opening on a quote read on from a short line ending a sentence, the two taken for
    one printed line (``layout.tucked_quote``: 平。“种了…, the quote tucked under the full stop),
    where the quoted line is as wide as an indented first line opening on a half-width quote: a
    paragraph's last line of a character or two and the next paragraph's first line fill a
    column too, so the text cannot tell one paragraph from two."""
    found: list[tuple[int, str]] = []
    for own, measure in measures.with_measures():
        for line, after in zip(own, own[1:]):
            if (
                line.sentence_end
                and tucked_quote(line, after, measure[0])
                and abs(after.width - (measure[0] - 2.5)) <= 0.5  # an indent, the quote half wide
            ):
                found.append(
                    (
                        after.number,
                        "a line opening on a quote after a sentence's end is read on as the same "
                        f"paragraph: it may open a new paragraph instead {_READ_PDF}",
                    )
                )
                break
    return found


_FOLIO_SPAN = 4  # lines: a page's head prints its date, its section's name and its number together


def _heads_among_the_folio(
    articles: Sequence[Article], measures: _Measures, folios: Sequence[int]
) -> list[tuple[int, str]]:
    """Heads read off a line printed between two of the page's folio lines (2026年4月29日 星期三 /
    要闻·综合 / 第2版): the page's section name (版名), which a page head prints between its date and
    its number, read as a story's heads; the story's own heads may be read elsewhere, or not at
    all. Heads right under the folio's last line are a story's own, and are not doubted."""
    found: list[tuple[int, str]] = []
    for article in articles:
        start = article.line
        if start is None or not (article.kicker or article.headline or article.subtitle):
            continue
        if any(above < start < below <= above + _FOLIO_SPAN for above in folios for below in folios):
            # Said at the story's text, which is the story's own: the section name's line is not,
            # and a doubt there would stand first in the article, before any the text raises.
            found.append(
                (
                    measures.paragraph_line(article.paragraphs[0], start, start)
                    if article.paragraphs
                    else start,
                    "heads read off a line printed among the page's folio (its date, its page "
                    "number): the page's section name may be read as this story's heads, its own "
                    f"heads elsewhere {_READ_PDF}",
                )
            )
    return found


_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _heads_of_no_chinese(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """A head tier with no Chinese character in it (2026Q1, 12.5%, GDP): a chart's axis label or a
    figure standing alone, never a Chinese paper's kicker, headline or subtitle; the story's
    heads, or a chart's title and labels, read in the wrong tiers."""
    return _head_tiers_where(
        articles,
        lambda tier: not _CHINESE.search(tier),
        "a head tier with no Chinese character in it: a chart's label or a figure may be "
        f"read as this story's heads {_READ_PDF}",
    )


def _head_tiers_where(
    articles: Sequence[Article], test: Callable[[str], bool], message: str
) -> list[tuple[int, str]]:
    """The message at each article one of whose head tiers (kicker, headline, subtitle) passes
    ``test``: the doubts that a tier's own characters raise, whatever tier it is read as."""
    return [
        (article.line or 0, message)
        for article in articles
        if any(tier and test(tier) for tier in (article.kicker, article.headline, article.subtitle))
    ]


def _paragraphs_where(
    articles: Sequence[Article], measures: _Measures, test: Callable[[str], bool], message: str
) -> list[tuple[int, str]]:
    """The message at the first paragraph of each article that passes ``test`` (said at its
    line): the doubts that a paragraph's own characters raise."""
    found: list[tuple[int, str]] = []
    for article in articles:
        start = article.line or 0
        paragraph = next((paragraph for paragraph in article.paragraphs if test(paragraph)), None)
        if paragraph is not None:
            found.append((measures.paragraph_line(paragraph, start, start), message))
    return found


_CREDIT = r"(?:本报|新华社)?(?:见习|实习)?(?:记者|通讯员|实习生)"
# A credit set off by a mark, its name past a space (◎记者 王明, □本报记者 李华): never running
# text's; a subhead of a mark and words (■ 记者观察) has no space inside.
_MARKED_CREDIT = re.compile(rf"{CREDIT_MARKS}\s*{_CREDIT}[\s　]+[\u4e00-\u9fff·]{{2,4}}")


def _credits_inside_paragraphs(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph holding a story's credit set off by a mark (◎记者 王明 实习生 李华受此影响…,
    …“平价时代”□本报记者 李华): the credit line under a story's heads read into running text,
    and the heads with it, or the text around it another story's. Running text credits a
    reporter in brackets （记者 王明）, never so."""
    return _paragraphs_where(
        articles,
        measures,
        lambda paragraph: _MARKED_CREDIT.search(paragraph) is not None,
        "a story's credit line (记者 …) read into a paragraph: the heads it stood under, or the text "
        f"around it, may be another story's {_READ_PDF}",
    )


_BRACKETS = (("（", "）"), ("(", ")"))


def _brackets_closed_unopened(articles: Sequence[Article], measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph closing a bracket it never opened (习记者 王明）截至…): running text opens each
    bracket it closes on the same sentence, so its opening was cut off (a dateline's credit
    broken at a line's end, the rest read elsewhere) or another text read in before it."""
    return _paragraphs_where(
        articles,
        measures,
        lambda paragraph: any(_closes_unopened(paragraph, left, right) for left, right in _BRACKETS),
        f"a paragraph closes a bracket it never opened: its opening may be cut off or another text read into it {_READ_PDF}",
    )


# A question under a short label (一问：订单从哪里来？), as a subhead of a series asks it.
_LABELLED_QUESTION = re.compile(r"^[\u4e00-\u9fff0-9]{1,4}[：:](.+)$")


def _labelled_question(line: str) -> bool:
    """A line that is a question under a short label and a colon, with no other mark (二问：钱从
    哪里来？): a subhead numbering the questions a story asks; running text quotes a question it
    puts after a colon (他问：“钱从哪里来？”)."""
    match = _LABELLED_QUESTION.match(line.replace(" ", ""))
    return match is not None and _asking_head(match.group(1))


def _labelled_questions_inside(measures: _Measures) -> list[tuple[int, str]]:
    """A paragraph's line that is a labelled question (三问：房子何时交付？) right after a line
    ending a sentence: a subhead read into the paragraph, wherever it falls in it and however
    wide (a subhead may fill the column, so no width tells it from running text)."""
    found: list[tuple[int, str]] = []
    for own in measures.with_lines():
        for before, line in zip(own, own[1:], strict=False):
            if before.sentence_end and not line.dateline and _labelled_question(line.text):
                found.append(
                    (
                        line.number,
                        "a question under a label (二问：…？) inside a paragraph: it may be a subhead "
                        f"(小标题) read into the text {_READ_PDF}",
                    )
                )
                break
    return found


_POINTER = re.compile(f"[{ARROWS}]")  # an index item's arrow to the page it points to (→B3)


def _heads_holding_a_pointer(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """A head tier holding an arrow (→B3 海上风电迎来新机遇): an index box's item pointing to the
    page its story is on, read as (or into) a story's heads; no headline points anywhere."""
    return _head_tiers_where(
        articles,
        lambda tier: bool(_POINTER.search(tier)),
        "a head tier holds an arrow, as an index item pointing to another page does: the "
        f"index may be read as this story's heads {_READ_PDF}",
    )


# A picture's or chart's credit: its maker's trade and a slash or colon before the name,
# anywhere in a tier for the trades no headline's words hold (a head line may run into it).
_CREDIT_TIER = re.compile(r"(?:制图|绘图|摄影)\s*[/／：:]|^(?:图文|文/图|文／图|图|摄)\s*[/／：:]")


def _heads_that_are_credits(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """A head tier holding a chart's or picture's credit (制图/王明, 摄影：李华): the credit
    printed under a chart or photo, read as (or into) a story's heads, the chart's title often
    with it; no headline credits its maker so."""
    return _head_tiers_where(
        articles,
        lambda tier: bool(_CREDIT_TIER.search(tier)),
        "a head tier is a chart's or picture's credit (制图/…): the chart's lines may be read as "
        f"this story's heads {_READ_PDF}",
    )
