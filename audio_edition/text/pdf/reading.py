"""A PDF page's stories into the articles the text route makes: paragraphs from the geometry.

Inside a column a paragraph starts on an indented line (Chinese papers indent two characters)
or after a wider gap than the column's leading; a paragraph goes on across a column break unless
the next column opens indented. A subhead is a bold line in the body's size standing in a column.
Jump lines (（下转第N版）, （上接第M版）, ■上接第M版) set the article's jumps and are never spoken.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from statistics import median

from audio_edition.errors import InputError
from audio_edition.text.articles import (
    Article,
    Furniture,
    FurnitureKind,
    HeadlinePosition,
    Page,
    ReadingWarning,
)
from audio_edition.text.edition_pages import page_number_from_name
from audio_edition.text.layout import dateline_in_any_form, respace
from audio_edition.text.pdf.chars import RawPage, read_pages
from audio_edition.text.pdf.doubts import pdf_doubts
from audio_edition.text.pdf.lines import Line, body_size, find_lines
from audio_edition.text.pdf.regions import (
    BOX_TITLE_CHARACTERS,
    FurnitureRole,
    PageLayout,
    Story,
    analyse,
    credit_alone,
    flat,
    folio,
)

_JUMP_ON = re.compile(r"[（(]\s*下\s*转\s*第\s*(\d+)\s*版\s*[）)]\s*$")
_JUMP_FROM = re.compile(r"^\s*(?:[（(]\s*上\s*接\s*第\s*(\d+)\s*版\s*[）)]|■\s*上\s*接\s*第\s*(\d+)\s*版)\s*")
_BYLINE_AFTER_DATELINE = re.compile(r"^\s*[（(]([^（）()]{1,30})[）)]\s*")
_BYLINE_AT_END = re.compile(r"(?<=[。！？…”’」』])\s*[（(]([^（）()]{1,20})[）)]\s*$")
# A line ending a sentence, past the space a line may end on (an ideographic space set after 。).
_ENDS_SENTENCE = re.compile(r"(?:[。！？…][”’」』]?|[）)])\s*$")
_CREDIT_ALONE = re.compile(r"[（(][\u4e00-\u9fff·]{2,6}[）)]")
_SHORT = 2.0  # ems short of its column's right edge: a column's last line that ends its paragraph
_MIN_TEXT = 20  # characters: a page with fewer but with images is a scan

_FURNITURE_KIND = {
    FurnitureRole.MASTHEAD: FurnitureKind.MASTHEAD,
    FurnitureRole.FOLIO: FurnitureKind.FOLIO,
    FurnitureRole.EDITOR: FurnitureKind.EDITOR,
    FurnitureRole.CAPTION: FurnitureKind.CAPTION,
    FurnitureRole.INDEX: FurnitureKind.INDEX,
    FurnitureRole.AD: FurnitureKind.AD,
    FurnitureRole.CHART: FurnitureKind.CHART,
}


@dataclass(frozen=True)
class PdfPageReading:
    """One PDF page as read: the product's Page and the layout behind it (for the overlay)."""

    page: Page
    layout: PageLayout
    raw: RawPage


def read_pdf(path: Path) -> list[Page]:
    """Every page of the PDF at ``path`` as the text route's Page (articles, furniture, warnings).

    Raises InputError for an encrypted or broken PDF and for a page with no text layer (a scan:
    OCR is out of scope), naming the file and page.
    """
    return [reading.page for reading in read_pdf_layouts(path)]


def read_pdf_layouts(path: Path) -> Iterator[PdfPageReading]:
    """Each page with the geometry it was read from, one at a time."""
    readings = list(_read(path))
    single = len(readings) == 1
    for raw, source, layout in readings:
        number = folio(layout)
        if number is None and single:
            number = page_number_from_name(path.name)
        yield PdfPageReading(_page(layout, source if not single else str(path), number), layout, raw)


def _read(path: Path) -> Iterator[tuple[RawPage, str, PageLayout]]:
    for raw in read_pages(path):
        source = f"{path}#page={raw.index + 1}"
        printed = [c for c in raw.chars if not c.text.isspace()]
        if len(printed) < _MIN_TEXT and raw.has_images:
            raise InputError(
                f"{source}: no text layer (a scanned page?); OCR is not supported: give a PDF with text or the page's text"
            )
        lines = find_lines(raw.chars)
        layout = analyse(lines, raw.graphics, raw.width, raw.height, body_size(raw.chars))
        if not printed:
            layout.warnings.append("blank page: nothing to read")
        yield raw, source, layout


def _page(layout: PageLayout, source: str, number: int | None) -> Page:
    articles: list[Article] = []
    warnings = [ReadingWarning(source, None, message) for message in dict.fromkeys(layout.warnings)]
    read: list[tuple[Story, list[Article]]] = []  # each story with the articles read from it
    for story in layout.stories:
        read.append((story, []))
        for article in _articles(story):
            # A PDF has no lines of a file: an article's place is its number on the page in
            # reading order, so each warning names the article it is about (ReadingWarning.line).
            article = replace(article, line=len(articles) + 1)
            articles.append(article)
            read[-1][1].append(article)
            if article.headline is None and article.section is None and article.continued_from_page is None:
                start = (article.paragraphs[0] if article.paragraphs else "")[:16]
                warnings.append(
                    ReadingWarning(
                        source,
                        article.line,
                        f"no headline found for the story starting 「{start}」: "
                        "check it on the overlay (clean --overlay DIR)",
                    )
                )
            # A dateline opens a story: one inside an article means two stories read as one.
            inner = [p for p in article.paragraphs[1:] if dateline_in_any_form(p)]
            if inner:
                name = article.headline or (article.paragraphs[0][:16] if article.paragraphs else "")
                warnings.append(
                    ReadingWarning(
                        source,
                        article.line,
                        f"「{name}」 has a dateline inside it (「{inner[0][:16]}」): "
                        "two stories may be read as one; check it on the overlay (clean --overlay DIR)",
                    )
                )
    # What the articles show against the way any paper prints a story (doubts.py).
    # One line per article: one already warned of above is not warned again.
    warned = {warning.line for warning in warnings}
    warnings += [ReadingWarning(source, line, why) for line, why in pdf_doubts(read) if line not in warned]
    furniture = tuple(Furniture(_FURNITURE_KIND[role], _text(lines)) for role, lines in layout.furniture)
    return Page(
        source=source,
        articles=tuple(articles),
        number=number,
        headlines=HeadlinePosition.BEFORE,
        furniture=furniture,
        warnings=tuple(warnings),
    )


def _text(lines: Sequence[Line]) -> str:
    return respace("".join(line.text for line in lines))


def _articles(story: Story) -> list[Article]:
    paragraphs, subheads, jump_from, jump_on = _paragraphs(story.columns, story)
    if story.section is not None:
        return [_brief(text, story.section) for text in paragraphs if text not in subheads]
    headline = _text(story.headline) or None
    if _titled_briefs(story, paragraphs, subheads):
        return [_brief(text, flat(headline or "")) for text in paragraphs]
    article = _article(paragraphs, subheads, headline)
    byline = article.byline
    if story.byline:
        own = _names(" ".join(line.text for line in story.byline))
        byline = own if byline is None else byline
    return [
        Article(
            headline=headline,
            paragraphs=article.paragraphs,
            subheads=article.subheads,
            dateline=article.dateline,
            byline=byline,
            continued_from_page=jump_from,
            continued_on_page=jump_on,
            kicker=_text(story.kicker) or None,
            subtitle=_text(story.subtitle) or None,
        )
    ]


# A brief's close: its writer's name in brackets after the full stop (…当天开放。（王明）).
_WRITER_CLOSING = re.compile(r"[。！？]（[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})*）$")


def _titled_briefs(story: Story, paragraphs: Sequence[str], subheads: Sequence[str]) -> bool:
    """A box of briefs read as a story under its title, whatever the title says: a short title with
    no tiers, over paragraphs of which one before the last closes on a writer's name in brackets, or
    every one opens on a dateline or closes on a name and one after the first opens on a dateline.
    A story's credit closes its last paragraph only, its dateline opens its first: further on, they
    open and close briefs."""
    title = flat(_text(story.headline))
    return (
        0 < len(title) <= BOX_TITLE_CHARACTERS
        and not (story.kicker or story.subtitle or story.byline or subheads)
        and len(paragraphs) >= 2
        and (
            any(_WRITER_CLOSING.search(text) for text in paragraphs[:-1])
            or (
                any(dateline_in_any_form(text) for text in paragraphs[1:])
                and all(dateline_in_any_form(text) or _WRITER_CLOSING.search(text) for text in paragraphs)
            )
        )
    )


def _names(text: str) -> str:
    """A byline as printed, one space between names (respace would read 记者 王明 as letter-spaced)."""
    return " ".join(text.split())


def _brief(text: str, section: str) -> Article:
    article = _article([text], [], None)
    return Article(
        headline=None,
        paragraphs=article.paragraphs,
        section=section,
        dateline=article.dateline,
        byline=article.byline,
    )


def _article(paragraphs: list[str], subheads: list[str], headline: str | None) -> Article:
    """Dateline and byline out of the paragraphs (after the dateline, or closing the last one)."""
    texts = list(paragraphs)
    dateline = byline = None
    first = next((n for n, text in enumerate(texts) if text not in subheads), None)
    if first is not None:
        found = dateline_in_any_form(texts[first])
        if found:
            dateline = found.group(0).replace(" ", "")
            rest = texts[first][found.end() :]
            after = _BYLINE_AFTER_DATELINE.match(rest)
            if after:
                byline = _names(after.group(1))
                rest = rest[after.end() :]
            texts[first] = rest.strip()
            if not texts[first]:
                del texts[first]
    if texts and byline is None and texts[-1] not in subheads:
        end = _BYLINE_AT_END.search(texts[-1])
        if end:
            byline = _names(end.group(1))
            texts[-1] = texts[-1][: end.start()].rstrip()
    # A credit set on a line of its own under the body is read as a paragraph of its own: it is
    # the byline, not the story's words.
    if byline is None and len(texts) > 1 and texts[-1] not in subheads and credit_alone(texts[-1]):
        byline = _names(texts.pop().strip().strip("（）()"))
    return Article(
        headline=headline, paragraphs=tuple(texts), subheads=tuple(subheads), dateline=dateline, byline=byline
    )


def _paragraphs(
    columns: Sequence[Sequence[Line]], story: Story
) -> tuple[list[str], list[str], int | None, int | None]:
    """Paragraph texts (subheads in place), the subheads, and the jumps read off the marker lines."""
    paragraphs: list[list[str]] = []
    kinds: list[bool] = []  # True: a subhead
    jump_from = jump_on = None
    lefts = _column_lefts(columns)
    if story.section:
        lefts = _box_column_lefts(columns, lefts)
    ended = False  # the last column's last line ended its paragraph
    running_on = False  # the last column's last line ended mid-sentence
    for column, left in zip(columns, lefts):
        if not column:
            continue
        right = max(line.x1 for line in column)
        gaps = [b.top - a.bottom for a, b in pairwise(column) if b.top > a.bottom]
        usual = median(gaps) if gaps else 0.0
        # Every line at one x: the column shows no indent (one-line briefs, each opening a line).
        flush = all(abs(line.x0 - column[0].x0) < 1 for line in column)
        # A box's column of one-line briefs, each line closing where it ends (a column of one
        # brief's wrapped lines is justified: each but its last runs to the column's edge).
        ragged = (
            bool(story.section) and flush and any(right - line.x1 > 0.5 * line.size for line in column[:-1])
        )
        previous: Line | None = None
        for line in column:
            text = line.text
            marker_on = _JUMP_ON.fullmatch(flat(text))
            if marker_on:
                jump_on = int(marker_on.group(1))
                previous = line
                continue
            marker_from = _JUMP_FROM.match(flat(text))
            if marker_from:
                jump_from = int(marker_from.group(1) or marker_from.group(2))
                text = flat(text)[marker_from.end() :]
                if not text:
                    previous = line
                    continue
                paragraphs.append([])
                kinds.append(False)
            subhead = line.bold and not story.section
            indented = line.x0 - left >= 1.2 * line.size
            spaced = previous is not None and line.top - previous.bottom > usual + 0.15 * line.size
            # A dateline opening a line opens a story (a brief in a box whose every line is indented).
            indented = indented or dateline_in_any_form(flat(text)) is not None
            # A column whose lines all open paragraphs (one-line briefs) shows no indent: the
            # last column's closing on a short line that ends a sentence ends the paragraph.
            indented = indented or (previous is None and ended)
            # So does such a column's short line ending a sentence, over the next (justified text
            # leaves only a paragraph's last line short).
            indented = indented or (previous is not None and flush and _closes(previous, right))
            indented = indented or (
                previous is not None and ragged and bool(_ENDS_SENTENCE.search(previous.text))
            )
            # In a box of briefs, a line closing on a byline (…。（王明）) ends its brief.
            indented = indented or bool(
                story.section
                and paragraphs
                and paragraphs[-1]
                and _BYLINE_AT_END.search(flat(paragraphs[-1][-1]))
            )
            # Anywhere, a line closing on a writer's name in brackets (…。（王明）) ends its paragraph:
            # a story's credit closes its last, so text after it is a box's next brief, its title
            # read as a headline (``_titled_briefs`` then tells the box), a line each set full width.
            indented = indented or bool(
                paragraphs
                and paragraphs[-1]
                and not kinds[-1]
                and _WRITER_CLOSING.search(flat(paragraphs[-1][-1]))
            )
            # A brief's credit broken onto a line of its own (a column's first, say) closes the brief
            # before: a line of a bracketed name alone opens none.
            if story.section and paragraphs and not kinds[-1] and _CREDIT_ALONE.fullmatch(flat(text)):
                indented = spaced = False
            # Nor does a column's first line after a column ending mid-sentence (a brief runs on).
            if story.section and previous is None and running_on and paragraphs and not kinds[-1]:
                indented = spaced = False
            if subhead:
                # A subhead wrapped over two lines is one; two set apart are two.
                wrapped = (
                    previous is not None and previous.x1 - previous.x0 >= right - left - 2.5 * previous.size
                )
                if not (
                    kinds and kinds[-1] and previous is not None and previous.bold and wrapped and not spaced
                ):
                    paragraphs.append([])
                    kinds.append(True)
            elif (not paragraphs or indented or spaced or kinds[-1]) and not (
                marker_from and paragraphs and not paragraphs[-1]
            ):
                paragraphs.append([])  # (a marker line opened this paragraph already)
                kinds.append(False)
            paragraphs[-1].append(text)
            previous = line
        # A justified paragraph runs on into the next column only from a full line; in a box's
        # column of one-line briefs (all at one x), any line closing a sentence ends its brief.
        running_on = not _ENDS_SENTENCE.search(column[-1].text)
        ended = _closes(column[-1], right) or (bool(story.section) and flush and not running_on)
    texts: list[str] = []
    subheads: list[str] = []
    for parts, is_subhead in zip(paragraphs, kinds):
        text = respace("".join(parts)).strip()
        end = _JUMP_ON.search(text)
        if end:
            jump_on = int(end.group(1))
            text = text[: end.start()].rstrip()
        if not text:
            continue
        texts.append(text)
        if is_subhead:
            subheads.append(text)
    return texts, subheads, jump_from, jump_on


def _closes(line: Line, right: float) -> bool:
    """Whether ``line`` ends its paragraph by its look: well short of its column's right edge
    (``right``), on a sentence's end."""
    return right - line.x1 > _SHORT * line.size and bool(_ENDS_SENTENCE.search(line.text))


def _box_column_lefts(columns: Sequence[Sequence[Line]], lefts: list[float]) -> list[float]:
    """A box of briefs' columns are of one width: a column whose lines all start at one x (briefs
    of a line each) stands where its longest line's end puts it, that width back, when that is an
    indent further left (two columns tell no pitch: see ``_column_lefts``)."""
    flush = [
        bool(column) and all(abs(line.x0 - left) < 1 for line in column)
        for column, left in zip(columns, lefts)
    ]
    widths = [
        max(line.x1 for line in column) - left
        for column, left, alike in zip(columns, lefts, flush)
        if column and not alike
    ]
    if not widths:
        return lefts
    out = []
    for column, left, alike in zip(columns, lefts, flush):
        if alike:
            predicted = max(line.x1 for line in column) - max(widths)
            if left - 3 * column[0].size < predicted <= left - 1.2 * column[0].size:
                left = predicted
        out.append(left)
    return out


def _column_lefts(columns: Sequence[Sequence[Line]]) -> list[float]:
    """Each column's left edge. A column whose lines all start at one x (one line, or short
    paragraphs each) may be indented throughout: its edge is where the story's regular column
    pitch puts it, when that is clearly further left (three columns or more tell the pitch)."""
    lefts = [min((line.x0 for line in column), default=0.0) for column in columns]
    steps = sorted(b - a for a, b in pairwise(lefts) if b > a)
    if len(columns) < 3 or len(steps) < 2:
        return lefts
    pitch = steps[len(steps) // 2]
    out = []
    for k, column in enumerate(columns):
        left = lefts[k]
        if column and all(abs(line.x0 - left) < 1 for line in column):
            predicted = min(lefts[j] + (k - j) * pitch for j in range(len(columns)) if j != k and columns[j])
            if left - 3 * column[0].size < predicted <= left - 1.2 * column[0].size:
                left = predicted
        out.append(left)
    return out
