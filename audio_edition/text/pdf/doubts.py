"""Where the PDF route may have read a story wrong: one plain warning per article in doubt.

The PDF route cuts a page into stories by its geometry and reads each story's paragraphs off its
columns; on a paper whose furniture, datelines or boxes it does not know, it reads some stories
wrong and cannot tell by the geometry alone. What the articles it made show against the way any
paper prints a story is a doubt, and the editor is told which article to check on the overlay
(``clean --overlay DIR``); ``--strict`` refuses the page. Each check is made so that a page read
right raises none (``tests/text/pdf/test_doubts.py``), the classes:

- A story's text (subheads, in bold, aside) set in two sizes: one story is set in one size, so a
  line of another (a byline's line, a caption, a box's text) was read into it.
- A story's columns (of three lines or more) set to two measures: one story's columns are alike,
  so another story's or a box's column was cut into it (a block as wide as two columns or more
  is not counted: a note or lead-in set across the story's columns).
- A line well short of its column ending a sentence, read on into a line neither indented nor set
  apart: justified text leaves only a paragraph's last line short, so paragraphs (or stories, or
  an index's items) set with no indent were read as one.
- A paragraph opening on a news source's mark not read as a dateline: the paper's own name (本报…),
  a lead in black brackets (【…电】), an outlet's name, a place and a day ending its report (…社贵阳6日电) or a run
  with no punctuation closed by a reporter's credit in brackets (…讯（记者 王明）), a source with
  no 电 (据某某新闻…) that runs on with no comma, or a run with no punctuation closed as reports
  close (…讯 but for running text's words 通讯, 喜讯…; …专电; a date's or an app's …消息;
  据/综合…报道) and run on into the text. A dateline opens a story: opening its first
  paragraph it was not taken off (it would be spoken, and the reader did not know the paper's
  datelines, so it may have cut the story wrong too); opening a later one, two stories are read
  as one.
- A paragraph holding two page references or more (第5版, （A06）, →A07): a page index or a box
  pointing to other pages, read as a story.
- The doubts an article's text raises by itself whatever read it, shared with the text route
  (``extraction_doubts.content_doubts``): a headline with no text under it (a box's title or an
  ad's line read as a head); a story thinner than a line; a paragraph ending mid-sentence with
  no jump line (a byline's or a label's line standing alone read as a paragraph, or a story's
  rest read elsewhere); a byline closing a paragraph inside a story (a box of briefs read as one
  story, or two stories as one) or holding running text; a quotation closed unopened; a
  paragraph opening on a sentence's last words. The text route's doubts of a headline's
  punctuation (a comma inside) and of a paragraph opening on a word's last character (雾，从…)
  are not run: the PDF route tells heads by their type, and a sentence may open so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from statistics import median

from audio_edition.text.articles import Article
from audio_edition.text.extraction_doubts import content_doubts
from audio_edition.text.layout import REPORT_XUN, dateline_at_start
from audio_edition.text.pdf.regions import Story

_CHECK = "check it on the overlay (clean --overlay DIR)"
_NO_MARK = "[^，。、；：！？“”‘’（）()\\s]"  # a run of a source's words: no punctuation, no space
# A news source's mark opening a paragraph (see the module doc). 本报 is the paper's own name,
# which running text seldom opens on; an outlet's name ends in 社, 网, 台 or 报 (新华社, 人民网).
_SOURCE_OPENING = re.compile(
    "^(?:"
    f"本报(?:{_NO_MARK}{{0,10}}?[讯电]|{_NO_MARK}{{0,6}})"
    "|[【〖][^】〗]{2,24}[】〗]"
    f"|据{_NO_MARK}{{1,8}}?(?:新闻|日报|晚报|网|社|台|客户端)(?!报道|消息|获悉|介绍|了解|统计|[，、])"
    f"|{_NO_MARK}{{1,10}}?(?:社|网|台|报)[\u4e00-\u9fff]{{0,6}}?(?:\\d{{1,2}}\\s*月\\s*)?\\d{{1,2}}\\s*日\\s*[讯电]"
    f"|{_NO_MARK}{{2,16}}[（(][^（）()]{{0,6}}记者[^（）()]{{1,20}}[）)]"
    # A report's close of a form no list knows, run on into the text: …讯 (not 通讯, 喜讯…), …专电,
    # a date's or an app's 消息, 据/综合…报道.
    f"|{_NO_MARK}{{2,16}}?{REPORT_XUN}"
    f"|{_NO_MARK}{{2,16}}?专电"
    f"|{_NO_MARK}{{2,16}}?(?:日|客户端)消息(?![称])"
    f"|(?:据|综合)(?:{_NO_MARK}|、){{2,16}}?报道(?![称])"
    ")"
)
# A page's name: 第5版, or a section's letter and two figures (A07) in no longer Latin or figures.
_PAGE_REFERENCE = re.compile(r"第\s*\d{1,2}\s*版|(?<![A-Za-z])[A-Z]\d{2}(?![A-Za-z0-9.])|→")
_PAGE_REFERENCES = 2  # at least: a story may name another page once (详见第5版)


def pdf_doubts(read: Sequence[tuple[Story, Sequence[Article]]]) -> list[tuple[int, str]]:
    """(article's line, message) for each article of one page the PDF route may have read wrong,
    one per article: its first doubt. ``read`` holds each story as the geometry cut it with the
    articles read from it (a box of briefs gives several; their lines number them on the page)."""
    articles = [article for _, own in read for article in own]
    found: list[tuple[int, str]] = []
    for story, own in read:
        why = _geometry(story)
        if why is not None:
            found += [(article.line or 0, f"「{_name(article)}」 {why}; {_CHECK}") for article in own]
    found += _sources_not_read_as_datelines(articles)
    found += _page_indexes(articles)
    found += _briefs_under_a_head(articles)
    names = {article.line: _name(article) for article in articles}
    found += [
        (line, f"「{names.get(line, '')}」: {why}") for line, why in content_doubts(articles, f"; {_CHECK}")
    ]
    first: dict[int, str] = {}
    for line, message in found:
        first.setdefault(line, message)
    return sorted(first.items())


def _name(article: Article) -> str:
    return article.headline or (article.paragraphs[0][:16] if article.paragraphs else "")


def _sources_not_read_as_datelines(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """Paragraphs opening on a source's mark that was not read as a dateline."""
    found: list[tuple[int, str]] = []
    for article in articles:
        for n, paragraph in enumerate(article.paragraphs):
            if paragraph in article.subheads or dateline_at_start(paragraph):
                continue  # a dateline inside a story is warned of where the route reads it
            source = _SOURCE_OPENING.match(paragraph)
            if source is None:
                continue
            mark = source.group(0)
            if n == 0 and article.dateline is None and article.continued_from_page is None:
                why = (
                    f"opens on 「{mark}」, a source's mark not read as its dateline: it would be "
                    "spoken, and the story may be cut wrong"
                )
            elif n > 0 and mark[-1] in "讯电】〗）)":  # a dateline's close: not 本报将继续关注。
                why = (
                    f"has a paragraph opening on 「{mark}」, a source's mark: two stories may be read as one"
                )
            else:
                continue
            found.append((article.line or 0, f"「{_name(article)}」 {why}; {_CHECK}"))
            break
    return found


def _page_indexes(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """Articles with a paragraph pointing to other pages more than once: an index read as a story."""
    return [
        (
            article.line or 0,
            f"「{_name(article)}」 points to other pages (第N版, A07): a page index or a box may be "
            f"read as a story; {_CHECK}",
        )
        for article in articles
        if any(len(_PAGE_REFERENCE.findall(p)) >= _PAGE_REFERENCES for p in article.paragraphs)
    ]


_BOX_WORD = 6  # characters at most: a box's word (简讯, 民生快递) is shorter than any headline it heads
_BRIEF_AT_MOST = 80  # characters: a brief is a sentence or two; a story's paragraphs run longer
_SENTENCE_ENDS = re.compile(r"[。！？…][”’」』）)]*$")


def _briefs_under_a_head(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """A story under a head as short as a box's word whose paragraphs are all a brief's length,
    each a whole sentence or two, under no dateline, kicker, subtitle or reporter's byline: a box of briefs whose word the route did
    not know, read as one story (its briefs lose their own datelines and bylines)."""
    return [
        (
            article.line or 0,
            f"「{article.headline}」 may be a box of briefs read as one story (a short head over "
            f"short items); {_CHECK}",
        )
        for article in articles
        if article.headline
        and len(article.headline) <= _BOX_WORD
        and len(article.paragraphs) >= 2
        and article.dateline is None
        and not (article.kicker or article.subtitle or article.subheads)
        and not (article.byline and "记者" in article.byline)  # a story's own byline, not a brief's
        and all(len(p) <= _BRIEF_AT_MOST and _SENTENCE_ENDS.search(p) for p in article.paragraphs)
    ]


_JUMP = re.compile(r"[（(■]\s*[上下]\s*[接转]\s*第")
_OTHER_SIZE = 0.4  # points: a story's text is set in one size; type sizes differ by half a point or more
_COLUMN_LINES = 3  # at least: a column of fewer lines (a paragraph's tail) tells its width less surely
_OTHER_WIDTH = 1.5  # characters: one story's columns are one measure; a justified line varies by less
_SPAN = 1.8  # times the narrowest column: a block this wide spans two columns (with their gutter)


def _geometry(story: Story) -> str | None:
    """What a story's geometry shows first against one story's: its text set in two sizes, or its
    columns in two measures (subheads, in bold, and boxes of briefs aside); None where nothing
    does (only the first doubt of an article is told)."""
    # Jump lines （下转第2版） are often set smaller than the text they close.
    lines = [
        line for column in story.columns for line in column if not line.bold and not _JUMP.search(line.text)
    ]
    if not lines:
        return None
    size = median(line.size for line in lines)
    odd = [line for line in lines if abs(line.size - size) > _OTHER_SIZE]
    if odd:
        return (
            f"has a line set in another size than its text (「{odd[0].text.strip()[:12]}」, {odd[0].size:.1f} pt "
            f"among {size:.1f} pt): a byline's, a caption's or another box's line may be read into it"
        )
    widths = [
        max(line.x1 for line in column) - min(line.x0 for line in column)
        for column in story.columns
        if len(column) >= _COLUMN_LINES
    ]
    # A block across two columns or more (an editor's note, a lead-in over the story's columns)
    # is the story's own: only measures that no span of columns makes tell another's column.
    narrow = min(widths, default=0.0)
    measures = [width for width in widths if width < _SPAN * narrow]
    if len(measures) >= 2 and max(measures) - narrow > _OTHER_WIDTH * size:
        return "is set in columns of unequal widths: another story's or a box's column may be read into it"
    if not story.section:  # a box's briefs each close short: the reader splits them there
        return _short_line_read_on(story)
    return None


_SHORT = 2.0  # ems short of its column's right edge: a paragraph's last line (as the reader has it)
_INDENT = 1.2  # ems: the reader takes a line set in so far as opening a paragraph
_SPACED = 0.15  # ems over a column's usual leading: the reader takes such a gap as a paragraph's end
_CLOSES = re.compile(r"(?:[。！？…][”’」』]?|[）)])$")


def _short_line_read_on(story: Story) -> str | None:
    """A line well short of its column ending a sentence, the line under it neither indented nor
    set apart, in a column whose lines do not all open at one x: justified text leaves only a
    paragraph's last line short, and the reader opens a paragraph only on an indent or a gap, so a
    paragraph (or a story, or an index's item) ended there and the next was read on into it."""
    for column in story.columns:
        lines = [line for line in column if not line.bold]
        if len(lines) < 2 or all(abs(line.x0 - lines[0].x0) < 1 for line in lines):
            continue
        left = min(line.x0 for line in lines)
        right = max(line.x1 for line in lines)
        gaps = [below.top - above.bottom for above, below in zip(lines, lines[1:])]
        usual = median(gaps)
        for (above, below), gap in zip(zip(lines, lines[1:]), gaps):
            if (
                right - above.x1 > _SHORT * above.size
                and _CLOSES.search(above.text.rstrip())
                and below.x0 - left < _INDENT * below.size
                and gap <= usual + _SPACED * below.size
            ):
                return (
                    f"has a short line ending a sentence (「{above.text.strip()[-8:]}」) read on into the "
                    "line under it, which opens no paragraph: two paragraphs or stories may be read as one"
                )
    return None
