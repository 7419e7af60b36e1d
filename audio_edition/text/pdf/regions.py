"""The page's geometry into stories, boxes and furniture, each with its lines in reading order.

How a typeset page is read (type sizes relative to the body's, the size most characters have):

- Furniture first. The running head and folio sit above the first rule across the top of the
  page (or in its top margin), the masthead is the page's largest type above it, the 责任编辑 line
  matches its words, a caption is small type against a picture (or says 摄 / 新华社发), and ruled
  boxes are read by their title: 导读 (an index), 广告 (an ad), 图表 / 数据来源 (a chart), or as a
  chart when they hold only figures over their labels (数说); the words are the text route's too
  (``audio_edition.text.furniture``). A box titled 简讯 (or 短讯, 快讯…) holds briefs, one per
  paragraph. A box round one short line over a headline is a 栏目 label, not a box.
- Headlines are type clearly larger than the body; a kicker (引题) is the smaller line just above
  a headline, a subtitle (副题) the smaller line(s) just below, a byline line (本报记者 …) below them.
  A headline set top to bottom (竖排) is read by its columns, right to left; other vertical text
  is warned of.
- Stories: the page is cut into bands at rules (and wide gaps) across it; a band into cells at
  gutters no line crosses, each cell owning one headline (a column no headline stands over goes to
  the story it lines up with); a cell with headlines stacked is cut again above each, the columns
  running on beside a lower headline staying with the story above. A cell's body is read column
  by column, left to right, each top to bottom; text set across the columns (编者按) where it
  stands, and a picture set into the columns breaks them in the order the text fits best.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from audio_edition.text.furniture import (
    AD_LABEL,
    ADDRESS,
    BRACKETED_PAGE_REF,
    BRIEF_TITLE,
    CHART_SOURCE,
    CHART_TITLE,
    CREDIT_MARKS,
    INDEX_ITEM,
    INDEX_ITEM_CODE_FIRST,
    INDEX_TITLE,
    PAGE_NUMBER,
    PAGE_REF_LINE,
    PHONE,
    PHONE_ALONE,
    PICTURE_CREDIT,
    PICTURE_REFERENCE,
    is_editor_line,
)
from audio_edition.text.layout import dateline_in_any_form, ends_sentence
from audio_edition.text.notices import notice_body, notice_title
from audio_edition.text.pdf.chars import Graphic
from audio_edition.text.pdf.lines import Line, follows, joined


class Role(enum.Enum):
    """What a line is on the page (the overlay draws one colour per role)."""

    HEADLINE = "headline"
    KICKER = "kicker"
    SUBTITLE = "subtitle"
    BYLINE = "byline"
    BODY = "body"
    SUBHEAD = "subhead"
    SECTION = "section"  # a briefs box's title: 简讯
    FURNITURE = "furniture"


class FurnitureRole(enum.Enum):
    MASTHEAD = "masthead"
    FOLIO = "folio"
    EDITOR = "editor"
    CAPTION = "caption"
    INDEX = "index"
    AD = "ad"
    CHART = "chart"


@dataclass
class Story:
    """One story's lines by role, in reading order; ``briefs`` for a 简讯 box (one item each)."""

    kicker: list[Line] = field(default_factory=list)
    headline: list[Line] = field(default_factory=list)
    subtitle: list[Line] = field(default_factory=list)
    byline: list[Line] = field(default_factory=list)
    columns: list[list[Line]] = field(default_factory=list)
    section: str | None = None

    def lines(self) -> list[Line]:
        return [
            *self.kicker,
            *self.headline,
            *self.subtitle,
            *self.byline,
            *itertools.chain.from_iterable(self.columns),
        ]


@dataclass
class PageLayout:
    stories: list[Story]
    furniture: list[tuple[FurnitureRole, list[Line]]]
    body_size: float
    warnings: list[str] = field(default_factory=list)
    column_rules: list[Graphic] = field(default_factory=list)
    """Vertical rules: where a paper rules stories apart, no column crosses one to its story."""
    flowed: list[Line] = field(default_factory=list)
    """Headlines joined over a column break: their stories flow on into the next column."""


_BYLINE_LINE = re.compile(r"^(?:本报|新华社|人民日报)?(?:记者|通讯员|特约记者|见习记者|实习生)\s*\S")
# A credit line giving each name after its role and a slash (文/王明 图/李华, 文·图/王明, 摄影／…):
# the shape, a word or three then a slash then a name, whatever the roles are called.
_CREDIT_LINE = re.compile(r"^[\u4e00-\u9fff·]{1,3}\s*[/／]\s*[\u4e00-\u9fff]")
_MARKER = re.compile(r"^[（(]?■?\s*[上下]\s*[接转]\s*第\s*\d+\s*版\s*[）)]?$")
_SPACES = re.compile(r"\s+")
_SENTENCE_PUNCTUATION = re.compile(r"[，。；！？]")
_CREDIT_CLOSED_INSIDE = re.compile(r"[）)]\S")  # a bracket closed with more text after it
_FIGURE = re.compile(r"^[\d.,%％]+\D{0,6}$")  # a figure alone on its line, maybe with its unit
_MARKER_START = re.compile(r"^[（(]?■?\s*上\s*接\s*第\s*\d+\s*版")

_PAPER_NAME = re.compile(r"\S{1,8}(?:报|新闻)")  # 北疆日报, 新民晚报, 北京青年报…
HEADLINE_RATIO = 1.3  # a headline is set at least this much larger than the body


def flat(text: str) -> str:
    return _SPACES.sub("", text)


def analyse(
    lines: Sequence[Line], graphics: Sequence[Graphic], width: float, height: float, body: float
) -> PageLayout:
    """The page's stories and furniture from its lines and drawings."""
    layout = PageLayout([], [], body)
    rest = _take_margins(list(lines), graphics, width, height, body, layout)
    rest = _take_editor_lines(rest, layout)
    pictures = [g for g in graphics if g.kind in ("image", "fill") and not _holds_text(g, rest)]
    rest = _take_captions(rest, pictures, body, layout)
    rules = [g for g in graphics if g.kind == "rule"]
    rest = _join_headline_breaks(rest, [*pictures, *rules], body, layout)
    boxes = [
        g
        for g in graphics
        if g.kind in ("frame", "fill") and _holds_text(g, rest) and not _is_label(g, rest, body)
    ]
    boxes = [b for b in boxes if not any(_inside_box(b, o) and b is not o for o in boxes)]  # outermost
    items: list[_Item] = []
    boxed: set[int] = set()
    for box in boxes:
        inside = [line for line in rest if _inside(line, box) or _overflowing(line, box)]
        boxed.update(id(line) for line in inside)
        items.append(_Item(box.x0, box.top, box.x1, box.bottom, box=box, lines=inside))
    for line in rest:
        if id(line) not in boxed:
            items.append(_Item(line.inner_x0, line.top, line.inner_x1, line.bottom, line=line))
    for picture in pictures:
        if picture.x1 - picture.x0 > 2 * body and picture.bottom - picture.top > 2 * body:
            items.append(_Item(picture.x0, picture.top, picture.x1, picture.bottom, picture=picture))
    runs = _vertical_runs(rest)
    upright = [line for line in rest if id(line) in runs and not _is_headline(line, body)]
    if upright:
        # Vertical type is read as such only in headlines: say so rather than read it line by line.
        text = flat("".join(line.text for line in _in_reading_order(upright)))
        layout.warnings.append(
            f"vertical (top-to-bottom) text 「{text[:16]}」 is not read as such: "
            "check it on the overlay (clean --overlay DIR)"
        )
    rules = [g for g in graphics if g.kind == "rule" and g.x1 - g.x0 > g.bottom - g.top]
    layout.column_rules = [g for g in graphics if g.kind == "rule" and g.x1 - g.x0 < g.bottom - g.top]
    _partition(items, rules, body, layout)
    return layout


def _headline_breaks(
    lines: Sequence[Line], graphics: Sequence[Graphic], body: float
) -> list[tuple[Line, list[Line]]]:
    """Headlines broken over a column break: (the piece the first part ends with, the second
    part's pieces in reading order).

    Two stories' headlines must never be read as one, so only positive evidence joins: the first
    part is set within its column's measure after a paragraph that has ended, nothing under it
    and no sentence end in it; the second, in the same size and weight, within the next column
    (of the same width) at its very top, no rule or kicker over it, over a body that opens a
    paragraph. A headline set across columns (its last characters over a column left short) is
    never one."""
    rows = _headline_rows([line for line in lines if _is_headline(line, body)])
    found: list[tuple[Line, list[Line]]] = []
    for first in rows:
        column = _column_above(first, rows, lines, graphics, body)
        if column is None:
            continue
        for second in rows:
            if second is first:
                continue
            tail = _tail(second, rows)
            if _goes_on(first, tail, column, lines, graphics, body):
                found.append((max(first, key=lambda line: line.x1), [p for row in tail for p in row]))
    return found


def _wraps_onto(upper: list[Line], lower: list[Line]) -> bool:
    """Whether the headline line ``lower`` goes on from ``upper`` in one column: the same type
    close under it, overlapping it or (an indented first line) opening the column left of it."""
    ux0, _, ux1, ubottom = _extent([upper])
    lx0, ltop, lx1, _ = _extent([lower])
    size = upper[0].size
    return (
        upper is not lower
        and _same_type(upper[0], lower[0])
        and 0 <= ltop - ubottom < 0.8 * size
        and ((lx0 < ux1 and lx1 > ux0) or (0 < ux0 - lx0 <= 2.5 * size and lx1 <= ux0 + 1))
    )


@dataclass(frozen=True)
class _Column:
    """The column a headline's first part ends: its body's measure and where the column starts."""

    x0: float
    x1: float
    top: float


def _extent(rows: Sequence[Sequence[Line]]) -> tuple[float, float, float, float]:
    pieces = [line for row in rows for line in row]
    return (
        min(line.x0 for line in pieces),
        min(line.top for line in pieces),
        max(line.x1 for line in pieces),
        max(line.bottom for line in pieces),
    )


def _headline_rows(heads: Sequence[Line]) -> list[list[Line]]:
    """Headline pieces into printed lines: the same type on one baseline, no further apart than
    letter-spacing leaves (a letter-spaced headline is found as one piece a character)."""
    rows: list[list[Line]] = []
    for line in sorted(heads, key=lambda line: line.x0):
        for row in rows:
            last = row[-1]
            if (
                abs(line.top - last.top) < 0.3 * line.size
                and abs(line.size - last.size) < 0.3
                and line.bold == last.bold
                and -0.3 * line.size < line.x0 - last.x1 < line.size
            ):
                row.append(line)
                break
        else:
            rows.append([line])
    return rows


def _same_type(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) < 0.3 and a.bold == b.bold


def _column_run(start: Line, lines: Sequence[Line], body: float, step: int) -> list[Line]:
    """Body lines of ``start``'s column going up (step -1) or down (step 1) from it while they
    follow one another at about a line's pitch (a paragraph's gap included)."""
    candidates = sorted(
        (
            line
            for line in lines
            if _paragraph_like(line, body)
            and _overlaps(line, start.x0, start.x1)
            and (line.bottom <= start.top + 1 if step < 0 else line.top >= start.bottom - 1)
        ),
        key=lambda line: -line.bottom if step < 0 else line.top,
    )
    run = [start]
    for line in candidates:
        gap = run[-1].top - line.bottom if step < 0 else line.top - run[-1].bottom
        if gap > 1.5 * max(line.size, body):
            break
        run.append(line)
    return run


def _column_above(
    first: list[Line],
    rows: Sequence[list[Line]],
    lines: Sequence[Line],
    graphics: Sequence[Graphic],
    body: float,
) -> _Column | None:
    """The column ``first`` (a headline's line) ends, if it could be a first part: nothing under
    it, not ending a sentence, within the measure of the body above it, whose last paragraph
    ends."""
    x0, top, x1, bottom = _extent([first])
    size = first[0].size
    text = "".join(line.text for line in first)
    if ends_sentence(text):
        return None
    if (
        any(line.top > bottom - 1 and _overlaps(line, x0, x1) for line in lines if line not in first)
        or any(g.top > bottom - 1 and g.x0 < x1 and g.x1 > x0 for g in graphics)
        or any(_wraps_onto(first, row) for row in rows)
    ):
        return None  # something under it: its story (a picture, a rule) or its own next line is there
    # A headline wrapped in its column ends it with its last line: the body is above its first.
    stacked = [first]
    for row in sorted(rows, key=lambda row: -_extent([row])[3]):
        if _wraps_onto(row, stacked[-1]):
            stacked.append(row)
    x0, start, x1, _ = _extent(stacked)
    above = [
        line
        for line in lines
        if _paragraph_like(line, body) and _overlaps(line, x0, x1) and line.bottom <= start + 1
    ]
    if not above:
        return None
    nearest = max(above, key=lambda line: line.bottom)
    if start - nearest.bottom > 3 * size or not ends_sentence(nearest.text):
        return None  # no story ends just above it
    run = _column_run(nearest, lines, body, -1)
    cx0, cx1 = min(line.x0 for line in run), max(line.x1 for line in run)
    if x0 < cx0 - 0.5 * size or x1 > cx1 + 0.5 * size:
        return None  # wider than the column: a headline set across columns

    # The column starts at its first body line, or at a tier over it set within the column (a
    # story's own headline); a line reaching out of the column, or one beside such a line (a
    # kicker run in beside the page's headline), stands over more than this column.
    def within(line: Line) -> bool:
        return line.x0 >= cx0 - 0.5 * line.size and line.x1 <= cx1 + 0.5 * line.size

    column_top = min(line.top for line in run)
    for line in sorted(lines, key=lambda line: -line.bottom):
        if (
            line.bottom <= column_top + 1
            and column_top - line.bottom < 1.5 * max(line.size, body)
            and _overlaps(line, cx0, cx1)
        ):
            if not within(line) or any(
                other.top < line.bottom
                and other.bottom > line.top
                and _overlaps(other, cx0, cx1)
                and not within(other)
                for other in lines
            ):
                break
            column_top = line.top
    return _Column(cx0, cx1, column_top)


def _goes_on(
    first: list[Line],
    tail: list[list[Line]],
    column: _Column,
    lines: Sequence[Line],
    graphics: Sequence[Graphic],
    body: float,
) -> bool:
    """Whether the rows ``tail`` finish the headline line ``first`` ending ``column``."""
    second = tail[0]
    size = first[0].size
    if not _same_type(first[0], second[0]):
        return False
    sx0, stop, sx1, sbottom = _extent(tail)
    if abs(stop - column.top) > 0.6 * size:
        return False  # not at the very top of a column as high as the first part's
    under = [
        line
        for line in lines
        if _paragraph_like(line, body) and _overlaps(line, sx0, sx1) and line.top >= sbottom - 1
    ]
    if not under:
        return False
    opening = min(under, key=lambda line: line.top)
    if opening.top - sbottom > 3 * size:
        return False
    run = _column_run(opening, lines, body, 1)
    dx0, dx1 = min(line.x0 for line in run), max(line.x1 for line in run)
    if (
        not 0 < dx0 - column.x1 < 3 * size  # the next column, across one gutter
        or abs((dx1 - dx0) - (column.x1 - column.x0)) > 1.5 * body  # columns of one flow: one width
        or sx0 < dx0 - 0.5 * size
        or sx1 > dx1 + 0.5 * size
    ):
        return False
    head = flat("".join(line.text for line in run[:3]))
    if opening.x0 - dx0 < 0.8 * opening.size and not (
        dateline_in_any_form(head) or _MARKER_START.match(head)
    ):
        return False  # the body under it does not open a paragraph: it goes on from elsewhere
    # Nothing over it in its column but what spans the first part's column too (the page's top
    # headline): a kicker or rule of its own would make it a story's head.
    if any(
        line.bottom <= stop + 1
        and stop - line.bottom < 2 * size
        and _overlaps(line, dx0, dx1)
        and not _overlaps(line, column.x0, column.x1)
        for line in lines
    ):
        return False
    return not any(
        # a rule between the two columns, or over the second part but not the first's column
        (column.x1 - 1 <= g.x0 <= dx0 + 1 and g.bottom > column.top and g.top < sbottom)
        or (
            g.bottom <= stop + 1
            and stop - g.bottom < 2 * size
            and g.x0 < dx1
            and g.x1 > dx0
            and not (g.x0 < column.x1 and g.x1 > column.x0)
        )
        for g in graphics
    )


def _join_headline_breaks(
    lines: list[Line], graphics: Sequence[Graphic], body: float, layout: PageLayout
) -> list[Line]:
    """A headline broken over a column break made one line where it ends its column (where its
    story starts in reading order). When one piece could finish two headlines (or one two pieces)
    nothing is joined and it is warned, never split silently."""
    breaks = _headline_breaks(lines, graphics, body)
    heads = [id(a) for a, _ in breaks]
    tails = [id(b[0]) for _, b in breaks]
    if len(set(heads)) != len(heads) or len(set(tails)) != len(tails):
        for a, b in breaks:
            layout.warnings.append(
                f"the headline 「{flat(a.text)}」 may go on at the top of the next column "
                f"(「{flat(''.join(p.text for p in b))}」) and be read as two; check it on the overlay "
                "(clean --overlay DIR)"
            )
        return lines
    joins = {id(a): b for a, b in breaks}
    gone = {id(piece) for tail in joins.values() for piece in tail}
    out: list[Line] = []
    for line in lines:
        if id(line) in joins:
            tail = joins[id(line)]
            line = replace(line, text=line.text + "".join(p.text for p in tail), last=tail[-1].last)
            layout.flowed.append(line)
        if id(line) not in gone:
            out.append(line)
    return out


def _tail(second: list[Line], rows: Sequence[list[Line]]) -> list[list[Line]]:
    """The headline line opening the next column and the lines of its type wrapped close under it."""
    tail = [second]
    for row in sorted(rows, key=lambda row: _extent([row])[1]):
        lx0, ltop, lx1, lbottom = _extent([tail[-1]])
        x0, top, x1, _ = _extent([row])
        if (
            top > ltop
            and 0 <= top - lbottom < 0.8 * row[0].size
            and _same_type(row[0], second[0])
            and x0 < lx1
            and x1 > lx0 - 2.5 * second[0].size
        ):
            tail.append(row)
    return tail


# --- furniture --------------------------------------------------------------------------------


def _take_margins(
    lines: list[Line],
    graphics: Sequence[Graphic],
    width: float,
    height: float,
    body: float,
    layout: PageLayout,
) -> list[Line]:
    """Running head, folio and masthead: above the first rule across the page's top (else in its
    top margin); likewise a footer below the last rule across its foot."""
    wide = [
        g
        for g in graphics
        if g.kind in ("rule", "frame", "fill") and g.x1 - g.x0 > 0.6 * width and g.bottom - g.top < 6
    ]
    top_rules = [g for g in wide if g.top < 0.3 * height]
    biggest = max((line.size for line in lines), default=body)
    head: list[Line] = []
    if top_rules:
        limit = min(top_rules, key=lambda g: g.top).top
        # A masthead: the page's largest type near its top with no body text between it and the
        # rule under it (a lead headline has its story below it).
        masthead = [
            line
            for line in lines
            if line.size >= 2.5 * body and line.size == biggest and line.top < 0.3 * height
        ]
        if masthead:
            # (Its box reaches under its ink by a tenth of its size: the rule may cut into it.)
            under = [g.top for g in wide if g.top >= masthead[0].bottom - max(1.0, 0.1 * masthead[0].size)]
            text_under = [
                line
                for line in lines
                if line.size >= 0.95 * body and masthead[0].bottom <= line.top <= min(under or [0.0])
            ]
            if under and len(text_under) <= 2:  # a date line, a slogan: never a story's body
                limit = min(under)
        # (The nameplate's box, reaching under its ink, may end past the rule set tight under it.)
        head = [line for line in lines if line.bottom <= limit + max(1.0, 0.1 * line.size)]
        name = _masthead_without_rule([line for line in lines if line.top > limit], body, height)
        if name is not None and not any(line.size >= 2.5 * body for line in head):
            head += [
                line
                for line in lines
                if line.top > limit
                and (
                    line.bottom <= name.bottom + 1
                    or (
                        line.top < name.bottom + 2 * body
                        and line.size < body
                        and not _kicker_under(line, lines, name, body)
                    )
                )
            ]
    elif (name := _masthead_without_rule(lines, body, height)) is not None:
        head = [
            line
            for line in lines
            if line.bottom <= name.bottom + 1
            or (
                line.top < name.bottom + 2 * body
                and line.size < body
                and not _kicker_under(line, lines, name, body)
            )
        ]
    else:
        first = min((line.top for line in lines if line.size >= body * 0.95), default=0.0)
        head = [line for line in lines if line.bottom < min(first, 0.06 * height) + 1 and line.size < body]
    bottom_rules = [g for g in wide if g.top > 0.9 * height]
    foot = [line for line in lines if bottom_rules and line.top >= max(g.bottom for g in bottom_rules) - 1]
    if len(foot) > 3 or any(line.size >= body for line in foot):
        foot = []  # a rule over the last row of stories, not over a footer
    # A folio alone in the foot margin (a page number under the last line, no rule above it).
    lowest_text = max(
        (line.bottom for line in lines if line.size >= 0.95 * body and line not in foot), default=height
    )
    foot += [
        line
        for line in lines
        if line not in foot
        and line.top > height - max(0.06 * height, 60.0)
        and line.top > lowest_text - 1
        and line.size <= body
        and len(flat(line.text)) <= 30
        and not is_editor_line(flat(line.text))
        and (PAGE_NUMBER.search(flat(line.text)) or flat(line.text).isdigit())
    ]
    for line in head + foot:
        role = FurnitureRole.MASTHEAD if line.size >= 2.5 * body else FurnitureRole.FOLIO
        layout.furniture.append((role, [line]))
    taken = {id(line) for line in head + foot}
    return [line for line in lines if id(line) not in taken]


def _kicker_under(line: Line, lines: Sequence[Line], name: Line, body: float) -> bool:
    """A small line under the nameplate standing nearer the headline under it than the nameplate:
    that headline's kicker, not the nameplate's date line or slogan (set tight under the name)."""
    gap = line.top - name.bottom
    return any(
        _is_headline(other, body)
        and _overlaps(other, line.x0, line.x1)
        and 0 <= other.top - line.bottom < gap
        for other in lines
        if other is not name
    )


def _masthead_without_rule(lines: Sequence[Line], body: float, height: float) -> Line | None:
    """The paper's name atop a page with no rule under it: type far larger than any headline's."""
    by_size = sorted({line.size for line in lines}, reverse=True)
    if len(by_size) < 2:
        return None
    biggest = [line for line in lines if line.size == by_size[0]]
    headlines = [size for size in by_size[1:] if size >= HEADLINE_RATIO * body]
    next_size = headlines[0] if headlines else body
    # Far larger than any headline; or a paper's name (北疆日报, 晚报…) in the page's largest type.
    named = len(biggest) == 1 and bool(_PAPER_NAME.fullmatch(flat(biggest[0].text)))
    if (
        by_size[0] >= 3 * body
        and (by_size[0] >= 1.6 * next_size or named)
        and all(line.top < 0.25 * height for line in biggest)
    ):
        name = max(biggest, key=lambda line: line.bottom)
        # A lead headline has its story right under it; a masthead, the next headline (a kicker,
        # a date line at most between them).
        heads_below = [line.top for line in lines if line.top >= name.bottom and _is_headline(line, body)]
        text_below = [
            line
            for line in lines
            if name.bottom <= line.top < min(heads_below, default=height)
            and 0.95 * body <= line.size < HEADLINE_RATIO * body  # a lead story may be set larger
        ]
        return name if len(text_below) < 3 else None
    return None


def folio(layout: PageLayout) -> int | None:
    """The page number its running head or folio prints (第3版, 3版, a bare 3)."""
    for role, lines in layout.furniture:
        if role is FurnitureRole.FOLIO:
            for line in lines:
                found = PAGE_NUMBER.search(flat(line.text))
                if found:
                    return int(next(g for g in found.groups() if g))
    return None


def _take_editor_lines(lines: list[Line], layout: PageLayout) -> list[Line]:
    rest = []
    for line in lines:
        if is_editor_line(flat(line.text)):
            layout.furniture.append((FurnitureRole.EDITOR, [line]))
        else:
            rest.append(line)
    return rest


def _take_captions(
    lines: list[Line], pictures: Sequence[Graphic], body: float, layout: PageLayout
) -> list[Line]:
    """Lines against a picture (just below or above it, within its width) in small type or
    worded as captions; a caption may run over several lines."""
    taken: set[int] = set()
    for picture in pictures:
        near = sorted(
            (line for line in lines if line.x0 >= picture.x0 - body and line.x1 <= picture.x1 + body),
            key=lambda line: line.top,
        )
        below = [line for line in near if line.top >= picture.bottom - 1]
        above = [line for line in near if line.bottom <= picture.top + 1][::-1]
        for run, edge, step in ((below, picture.bottom, 1), (above, picture.top, -1)):
            caption: list[Line] = []
            for line in run:
                gap = (line.top - edge) if step == 1 else (edge - line.bottom)
                if gap > 1.2 * line.size or id(line) in taken:
                    break
                worded = PICTURE_REFERENCE.match(flat(line.text)) or PICTURE_CREDIT.search(flat(line.text))
                # Above a picture only a worded caption: small type there is often a byline.
                if worded or (
                    step == 1 and line.size < body * 0.95 and not _BYLINE_LINE.match(flat(line.text))
                ):
                    caption.append(line)
                    edge = line.bottom if step == 1 else line.top
                else:
                    break
            if caption:
                taken.update(id(line) for line in caption)
                layout.furniture.append((FurnitureRole.CAPTION, sorted(caption, key=lambda line: line.top)))
    rest = []
    for line in lines:
        if id(line) in taken:
            continue
        text = flat(line.text)
        if line.size < body * 0.95 and (PICTURE_REFERENCE.match(text) or PICTURE_CREDIT.search(text)):
            layout.furniture.append((FurnitureRole.CAPTION, [line]))  # a credit standing alone
            continue
        rest.append(line)
    return rest


def _holds_text(g: Graphic, lines: Sequence[Line]) -> bool:
    return g.x1 - g.x0 > 20 and g.bottom - g.top > 10 and any(_inside(line, g) for line in lines)


def _is_label(g: Graphic, lines: Sequence[Line], body: float) -> bool:
    """A box round one short line, no taller than it needs, over a headline (a 栏目 label such as
    新春走基层 boxed, or reversed out of a fill or a bar): its line stands as a tier, not as a
    boxed story. (A boxed 广告 tag by a picture is no label: no headline stands under it.)"""
    inside = [line for line in lines if _inside(line, g)]
    if len(inside) != 1:
        return False
    line = inside[0]
    return (
        len(flat(line.text)) <= 12
        and not ends_sentence(line.text)
        and g.bottom - g.top < 2.5 * line.size  # a tag round it or a bar across its column
        and any(
            _is_headline(head, body)
            and 0 <= head.top - g.bottom < max(4 * body, 1.5 * head.size)
            and head.x0 < g.x1 + 2 * body
            and head.x1 > g.x0 - 2 * body
            for head in lines
        )
    )


def _inside(line: Line, g: Graphic) -> bool:
    return (
        line.x0 >= g.x0 - 1 and line.x1 <= g.x1 + 1 and line.top >= g.top - 1 and line.bottom <= g.bottom + 1
    )


def _overflowing(line: Line, g: Graphic) -> bool:
    """A line of a box set wider than it (an address in large type that no break fits): within its
    top and bottom, its middle inside, running over its sides by less than half the box's width
    (no line of the page's columns can be so placed: it would print over the box)."""
    half = (g.x1 - g.x0) / 2
    return (
        line.top >= g.top - 1
        and line.bottom <= g.bottom + 1
        and g.x0 < (line.x0 + line.x1) / 2 < g.x1
        and g.x0 - line.x0 < half
        and line.x1 - g.x1 < half
    )


def _inside_box(inner: Graphic, outer: Graphic) -> bool:
    return (
        inner.x0 >= outer.x0 - 1
        and inner.x1 <= outer.x1 + 1
        and inner.top >= outer.top - 1
        and inner.bottom <= outer.bottom + 1
    )


# --- stories ----------------------------------------------------------------------------------


@dataclass
class _Item:
    """A unit of the page for cutting: a line, a ruled box with its lines, or a picture."""

    x0: float
    top: float
    x1: float
    bottom: float
    line: Line | None = None
    box: Graphic | None = None
    lines: list[Line] = field(default_factory=list)
    picture: Graphic | None = None


def _is_headline(line: Line, body: float) -> bool:
    return line.size >= HEADLINE_RATIO * body and (line.bold or line.size >= 1.6 * body)


def _partition(items: list[_Item], rules: Sequence[Graphic], body: float, layout: PageLayout) -> None:
    """Cut ``items`` into bands, bands into cells, cells into stories (see the module doc)."""
    # Headlines joined over a column break, every line of them (one may wrap in its column).
    flowed = {
        id(line)
        for head in _clusters(
            [i.line for i in items if i.line is not None and _is_headline(i.line, body)], body
        )
        if any(line in layout.flowed for line in head)
        for line in head
    }
    for band in _bands(items, rules, body, flowed):
        for cell in _cells(band, body, layout):
            heads = _clusters(
                [i.line for i in cell if i.line is not None and _is_headline(i.line, body)], body
            )
            if len(heads) > 1 and len({round(h[0].top) for h in heads}) > 1:
                # Headlines stacked in one cell: cut above each lower one (its kicker included).
                tops = sorted({min(line.top for line in h) for h in heads})[1:]
                first_bottom = max(line.bottom for line in heads[0])
                # A headline joined over a column break: the columns right of it, under the first
                # headline, follow it in reading order (columns are read one by one).
                narrow = {
                    min(line.top for line in h): (min(line.x0 for line in h), max(line.x1 for line in h))
                    for h in heads[1:]
                    if any(line in layout.flowed for line in h)
                }
                # A column beside a lower headline that runs on from above it is the story
                # above's (its last column stopped short, the lower story set under it).
                running = _running_beside(cell, heads[1:], layout, body)
                pieces: list[list[_Item]] = [[] for _ in range(len(tops) + 1)]
                for item in cell:
                    after = [t for t in tops if _after(item, t, narrow, first_bottom, body)]
                    pieces[sum(1 for t in after if (id(item.line), t) not in running)].append(item)
                for piece in pieces:
                    if piece and len(piece) < len(cell):
                        _partition(piece, [], body, layout)
                    elif piece:
                        _leaf(piece, body, layout)
            else:
                _leaf(cell, body, layout)


def _running_beside(
    cell: Sequence[_Item], lower: Sequence[list[Line]], layout: PageLayout, body: float
) -> set[tuple[int, float]]:
    """(id of a line, a headline's top) for the body lines beside a lower headline (not joined
    over a column break) whose column runs on from above the headline's top at its pitch."""
    lines = [i.line for i in cell if i.line is not None]
    body_lines = [line for line in lines if _paragraph_like(line, body)]
    out: set[tuple[int, float]] = set()
    for head in lower:
        if any(line in layout.flowed for line in head):
            continue
        top = min(line.top for line in head)
        hx0, hx1 = min(line.x0 for line in head), max(line.x1 for line in head)
        # The lower story's own space: from its headline down, the columns its headline spans.
        beside = [
            line for line in body_lines if line.top >= top - 2.5 * body and (line.x1 <= hx0 or line.x0 >= hx1)
        ]
        for line in beside:
            # Up its column's whole measure: a paragraph's short last line stands over it too.
            through = [other for other in body_lines if other.x0 < line.center < other.x1]
            measure = replace(
                line, x0=min(other.x0 for other in through) + 1, x1=max(other.x1 for other in through) - 1
            )
            run = _column_run(measure, body_lines, body, -1)
            if min(other.top for other in run) < top - 2.5 * body:
                out.add((id(line), top))
    return out


def _after(
    item: _Item, top: float, narrow: dict[float, tuple[float, float]], first_bottom: float, body: float
) -> bool:
    """Whether ``item`` follows the headline at ``top`` in reading order (see ``_partition``)."""
    if top in narrow and item.top > first_bottom:
        hx0, hx1 = narrow[top]
        if item.x0 > hx1:
            return True
        if item.x1 < hx0:
            return False
    return item.top >= top - _tier_room(item, body)


def _tier_line(line: Line, body: float, head: Line) -> bool:
    """A line in its own tier next to ``head``: set between the body and the headline, across it."""
    return (
        not _paragraph_like(line, body)
        and not _is_headline(line, body)
        and line.size < head.size - 0.3
        and _overlaps(line, head.x0, head.x1)
    )


def _tier_room(item: _Item, body: float) -> float:
    # A kicker stands just above its headline: it goes with the story below; body text does not.
    return 2.5 * body if item.line is not None and not _paragraph_like(item.line, body) else 0.0


def _bands(items: list[_Item], rules: Sequence[Graphic], body: float, flowed: set[int]) -> list[list[_Item]]:
    """Top to bottom: cut where a rule spans most of the width, or a wide gap runs across,
    never just under a headline (a headline's space belongs to its story), nor above one joined
    over a column break (``flowed``: its story is beside it, higher up, in the next column)."""
    if not items:
        return []
    left = min(i.x0 for i in items)
    right = max(i.x1 for i in items)
    ordered = sorted(items, key=lambda i: i.top)
    bands: list[list[_Item]] = [[ordered[0]]]
    reach = ordered[0].bottom
    for item in ordered[1:]:
        if item.top > reach:
            # A rule across the whole region (one over a cell of stacked stories parts only those).
            ruled = any(
                reach - 1 <= r.top <= item.top + 1 and r.x1 - r.x0 > 0.9 * (right - left) for r in rules
            )
            above = [i for i in bands[-1] if i.bottom >= reach - 1]
            # A headline's stack (kicker, subtitle, byline, a picture) ends a few lines under it.
            under_head = any(i.picture is not None for i in above) or any(
                i.line is not None
                and _is_headline(i.line, body)
                and reach - i.bottom < 4 * body
                and not _has_text_under(i.line, bands[-1], body)
                for i in bands[-1]
            )
            # A kicker stands over its headline across a gap the headline's size sets.
            over_head = (
                item.line is not None
                and _is_headline(item.line, body)
                and item.top - reach < 1.2 * item.line.size
                and any(
                    i.line is not None
                    and _tier_line(i.line, body, item.line)
                    and len(flat(i.line.text)) <= 30
                    and not ends_sentence(i.line.text)
                    # a line standing alone, not the last of a paragraph set larger than the body
                    and not any(
                        o.line is not None
                        and o is not i
                        and abs(o.line.size - i.line.size) < 0.3
                        and 0 <= i.top - o.bottom < 1.2 * i.line.size
                        and _overlaps(o.line, i.x0, i.x1)
                        for o in bands[-1]
                    )
                    and not _in_running_text(i.line, bands[-1])
                    for i in above
                )
            )
            joined_head = item.line is not None and id(item.line) in flowed
            if ruled or (
                item.top - reach > 1.6 * body and not under_head and not over_head and not joined_head
            ):
                bands.append([])
        bands[-1].append(item)
        reach = max(reach, item.bottom)
    return bands


def _in_running_text(line: Line, items: Sequence[_Item]) -> bool:
    """Whether ``line`` stands on a baseline of columns of text set in its size: a line of that size
    beside it goes on from one right above (a lead story set larger, its paragraph opened under a
    subhead on the column's last line, is no kicker)."""

    def same(other: Line) -> bool:
        return abs(other.size - line.size) < 0.3

    return any(
        o.line is not None
        and o.line is not line
        and same(o.line)
        and abs(o.line.top - line.top) < 0.3 * line.size
        and any(
            p.line is not None
            and same(p.line)
            and 0 <= o.line.top - p.line.bottom < 1.2 * line.size
            and _overlaps(p.line, o.line.x0, o.line.x1)
            for p in items
        )
        for o in items
    )


def _has_text_under(head: Line, items: Sequence[_Item], body: float) -> bool:
    """Its story's text has begun under the headline: two lines of the body in its columns (a
    short story's stack has ended; a kicker, subtitle or byline is one line)."""
    under = [
        i.line
        for i in items
        if i.line is not None
        and i.line.top >= head.bottom
        and _overlaps(i.line, head.x0, head.x1)
        and _paragraph_like(i.line, body)
        and not _byline_like(i.line)
    ]
    return len(under) >= 2


def _gutters(items: Sequence[_Item], body: float) -> list[tuple[float, float]]:
    """The x-intervals no item crosses, left to right (hanging punctuation leaves slivers)."""
    spans = sorted((i.x0, i.x1) for i in items)
    gaps: list[tuple[float, float]] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach > 0.3:  # points: any clear gap; lines have none inside
            gaps.append((reach, x0))
        reach = max(reach, x1)
    return gaps


def _strips(items: Sequence[_Item], body: float) -> list[list[_Item]]:
    gaps = _gutters(items, body)
    strips: list[list[_Item]] = [[] for _ in range(len(gaps) + 1)]
    for item in items:
        strips[sum(1 for g in gaps if item.x0 >= g[1] - 0.1)].append(item)
    return [s for s in strips if s]


def _cells(band: list[_Item], body: float, layout: PageLayout) -> list[list[_Item]]:
    """A band's cells, left to right: strips between gutters grouped so each holds one headline
    (or one box); a strip under no headline joins the story it lines up with."""
    strips = _strips(band, body)
    if len(strips) == 1:
        return strips
    owners: list[int | None] = []  # index of the headline cluster over each strip
    heads = _clusters([i.line for i in band if i.line is not None and _is_headline(i.line, body)], body)
    # Clusters over a common strip are stacked stories of one cell: one owner (the first of them).
    overs: list[list[int]] = []
    for strip in strips:
        x0, x1 = min(i.x0 for i in strip), max(i.x1 for i in strip)
        # Over it: covering a good part of it (a letter-spaced headline may reach a little past its cell).
        overs.append(
            [
                n
                for n, h in enumerate(heads)
                if min(max(line.x1 for line in h), x1) - max(min(line.x0 for line in h), x0)
                > min(0.3 * (x1 - x0), 2 * body)
            ]
        )
    stack = list(range(len(heads)))
    changed = True
    while changed:
        changed = False
        for over in overs:
            low = min((stack[n] for n in over), default=0)
            for n in over:
                if stack[n] != low:
                    stack[n], changed = low, True
    for strip, over in zip(strips, overs, strict=True):
        boxed = (
            any(i.box is not None for i in strip) or _section_title([i.line for i in strip if i.line])
        ) and not over
        owners.append(min(stack[n] for n in over) if over else (-1 - len(owners) if boxed else None))
    # Strips a headline spans share its owner; cells are runs of one owner.
    if all(o is None for o in owners):
        return [band]
    assigned = _assign_orphans(strips, owners, heads, body, layout)
    cells: list[list[_Item]] = []
    for _, group in itertools.groupby(zip(assigned, strips), key=lambda pair: pair[0]):
        cell: list[_Item] = []
        for _, strip in group:
            cell.extend(strip)
        cells.append(cell)
    for n in range(1, len(cells)):
        _give_back_text_above(cells[n - 1], cells[n], body)
    return cells


def _give_back_text_above(left: list[_Item], cell: list[_Item], body: float) -> None:
    """Body text over the one headline of ``cell``, in its columns, is the end of the story on
    its left (a story's last column stopped short over another's headline, its own headline not
    reaching over that column), unless it opens a story itself: it moves to ``left``."""
    heads = _clusters([i.line for i in cell if i.line is not None and _is_headline(i.line, body)], body)
    if len(heads) != 1 or not any(_is_headline(i.line, body) for i in left if i.line is not None):
        return
    top = min(line.top for line in heads[0])
    over = [i for i in cell if i.bottom < top - _tier_room(i, body) - 1 and i.top < top]
    # A kicker set in the body's size stays: the short line right over the headline and across
    # it, ending no sentence (a column that stops short ends its story's last sentence).
    for kicker in _kickers_in_body_size([i.line for i in over if i.line is not None], heads[0]):
        over = [i for i in over if i.line is not kicker]
    lines = [i.line for i in over if i.line is not None]
    if len(over) != len(lines) or not lines or not all(_paragraph_like(line, body) for line in lines):
        return  # a picture, a box or a tier there: not a column's end
    if _opens_story(over, body):
        return
    for item in over:
        cell.remove(item)
        left.append(item)


def _kickers_in_body_size(lines: Sequence[Line], head: Sequence[Line]) -> list[Line]:
    """Of ``lines`` over the headline ``head``, those that are its kickers (引题, a 栏目 label over
    one), bottom up: each short and ending no sentence, across the headline's width, right over
    the headline or the kicker under it (as ``_leaf`` reads tiers)."""
    top = min(line.top for line in head)
    reach = max(line.size for line in head)
    hx0, hx1 = min(line.x0 for line in head), max(line.x1 for line in head)
    out: list[Line] = []
    edge = top
    for line in sorted((line for line in lines if _overlaps(line, hx0, hx1)), key=lambda line: -line.bottom):
        room = 1.5 * line.size if out else max(1.5 * line.size, 1.2 * reach)
        # A column's full line under another of its width, a line's leading apart, runs on.
        runs_on = any(
            0 <= line.top - other.bottom < line.size
            and abs(other.x0 - line.x0) < 0.5 * line.size
            and abs(other.x1 - line.x1) < 0.5 * line.size
            for other in lines
            if other is not line
        )
        if (
            line.bottom > edge + 1
            or edge - line.bottom >= room
            or len(flat(line.text)) > 24
            or ends_sentence(line.text)
            or runs_on
        ):
            break
        out.append(line)
        edge = line.top
    return out


def _assign_orphans(
    strips: list[list[_Item]],
    owners: list[int | None],
    heads: list[list[Line]],
    body: float,
    layout: PageLayout,
) -> list[int]:
    """Give each strip under no headline to a neighbouring story: the one whose body starts at the
    same height (its columns begin under its headline), else the one its headline is centred or
    aligned over, else the one on its left (text flows left to right)."""

    def body_top(strip: list[_Item]) -> float:
        # Under the strip's (first) headline: a kicker set in the body's size is no body line.
        under = min((i.line.bottom for i in strip if i.line and _is_headline(i.line, body)), default=0.0)
        lines = _body_lines(strip, body) or [  # a lead story may be set larger than the page's body
            i.line
            for i in strip
            if i.line is not None and 0.95 * body <= i.line.size < HEADLINE_RATIO * body and not i.line.bold
        ]
        tops = [line.top for line in lines if line.top >= under]
        return min(tops) if tops else min(i.top for i in strip)

    def extent(indices: list[int]) -> tuple[float, float]:
        return min(min(i.x0 for i in strips[k]) for k in indices), max(
            max(i.x1 for i in strips[k]) for k in indices
        )

    result: list[int] = [o if o is not None else 0 for o in owners]
    known = [k for k, o in enumerate(owners) if o is not None]
    for k, owner in enumerate(owners):
        if owner is not None:
            continue
        left = max((j for j in known if j < k), default=None)
        right = min((j for j in known if j > k), default=None)
        choices = [j for j in (left, right) if j is not None]
        scored: list[tuple[float, int]] = []
        for j in choices:
            owner_j = owners[j]
            assert owner_j is not None
            members = [m for m, o in enumerate(owners) if o == owner_j] + [k]
            x0, x1 = extent(members)
            score = abs(body_top(strips[k]) - body_top(strips[j])) / body
            # The text says more than the geometry: a column opening with a dateline starts the
            # story on its right; one opening mid-paragraph goes on from a column left open.
            lo, hi = (extent([j])[1], extent([k])[0]) if j < k else (extent([k])[1], extent([j])[0])
            top, bottom = min(i.top for i in strips[k]), max(i.bottom for i in strips[k])
            # A rule between stories runs up beside their headlines; one between a story's own
            # columns (multicol's column rule) starts with its body.
            if any(
                lo - 1 <= r.x0 <= hi + 1 and r.top <= top - 1.5 * body and r.bottom >= bottom - body
                for r in layout.column_rules
            ):
                score += 100  # ruled apart
            if _opens_story(strips[k], body):
                # It starts the story right of it, or the one whose headline stands alone on its
                # left, beside its body (a headline set beside its story, a vertical one).
                alone = not any(_body_lines(strips[m], body) for m, o in enumerate(owners) if o == owner_j)
                score += 6 if j < k and not alone else -6
            elif j > k and _opens_story(strips[j], body):
                score += 6  # the story on the right starts there: this column comes before it
            elif (
                j > k
                and _ends_open(_last_column(strips[k], body), body)
                and not _opens_paragraph(_first_column(strips[j], body), body)
            ):
                score -= 4  # its last paragraph goes on at the top of the story on the right
            elif (
                j < k
                and not _opens_paragraph(strips[k], body)
                and _ends_open(_last_column(strips[j], body), body)
            ):
                score -= 4
            elif (
                j < k
                and _opens_paragraph(strips[k], body)
                and _ends_closed(_last_column(strips[j], body), body)
            ):
                score += 3  # the story on the left has ended; this column starts something
            if owner_j >= 0:
                head = heads[owner_j]
                hx0, hx1 = min(line.x0 for line in head), max(line.x1 for line in head)
                aligned = min(abs((hx0 + hx1) / 2 - (x0 + x1) / 2), abs(hx0 - x0)) / body
                score += 0.5 * aligned
            else:
                score += 5  # a box keeps to itself
            scored.append((score + (0.0 if j == left else 0.1), j))
        if not scored:
            result[k] = -1000 - k
            continue
        scored.sort()
        if len(scored) > 1 and scored[1][0] - scored[0][0] < 0.5:
            opening = flat("".join(line.text for line in _body_lines(strips[k], body)[:2]))[:12]
            layout.warnings.append(
                f"the column starting 「{opening}」 could belong to either of two stories side by side"
            )
        best = scored[0][1]
        result[k] = owners[best]  # type: ignore[assignment]
    return result


def _body_lines(strip: list[_Item], body: float) -> list[Line]:
    return sorted(
        (
            i.line
            for i in strip
            if i.line is not None and _paragraph_like(i.line, body) and not _byline_like(i.line)
        ),
        key=lambda line: line.top,
    )


def _byline_like(line: Line) -> bool:
    """A byline on its own line (本报记者 王明), set in the body's size: a head tier, not body. A
    credit in brackets is not taken here, as credit_alone takes it."""
    return _credit_line(line.text)


def _credit_line(text: str) -> bool:
    """Whether a line's text, as printed, is roles and names alone, in any of the shapes bylines and
    credits take (本报记者 王明, 本报首席记者 王明, □本报记者 王明 北京报道)."""
    return _byline_alone(flat(text)) or _ranked_byline(text) or _marked_credit(text)


# A byline whose role carries a rank or post before it (本报首席记者 王明, 驻站记者 李华, 全媒体记者 …):
# whatever the rank is called, the line is the role and then names alone, set apart by spaces or 、.
_RANKED_BYLINE = re.compile(
    r"^[\u4e00-\u9fff]{1,7}?(?:记者|通讯员|编辑)\s+[\u4e00-\u9fff·]{2,4}(?:\s*[、\s]\s*[\u4e00-\u9fff·]{2,4})*$"
)


def _ranked_byline(text: str) -> bool:
    """Whether a line as printed (its spaces kept) is a role with a rank before it, then names only."""
    return bool(_RANKED_BYLINE.match(text.strip()))


# A credit line in any paper's shape: maybe a mark first (□ ◎ ■ …), then one or more roles, each
# with any rank or post before it (本报, 首席, 特约, 见习, 全媒体…) and its names after, maybe
# closing on where it was filed from (北京报道, 综合报道, 发自上海). Names are two to four characters,
# set apart by spaces or 、; the next role may follow a name with no space (记者 韩冰实习生 卫东).
# Unmarked, the first names stand a space off their role (编辑部… is words, 编辑 王明 a credit).
_CREDIT_ROLE = r"[\u4e00-\u9fff]{0,6}?(?:记者|通讯员|撰稿人|评论员|实习生|编辑|研究员|特派员)"
_CREDIT_NAME = r"(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,6})"  # 阿依·买买提 too
_CREDIT_NAMES = rf"{_CREDIT_NAME}(?:\s*[、\s]\s*{_CREDIT_NAME})*"
_MARKED_CREDIT = re.compile(
    rf"^(?:{CREDIT_MARKS}\s*{_CREDIT_ROLE}\s*|{_CREDIT_ROLE}\s+){_CREDIT_NAMES}"
    rf"(?:\s*{_CREDIT_ROLE}\s*{_CREDIT_NAMES})*\s*(?:[\u4e00-\u9fff]{{0,6}}(?:报道|发自[\u4e00-\u9fff]{{1,6}}))?$"
)


def _marked_credit(text: str) -> bool:
    """Whether a line (spaces kept or not) is a credit line alone: roles and names, nothing said."""
    text = text.strip()
    return len(text) < 40 and not _SENTENCE_PUNCTUATION.search(text) and bool(_MARKED_CREDIT.match(text))


def credit_alone(text: str) -> bool:
    """Whether a line or a paragraph as read is a credit alone, maybe in brackets (□本报记者 王明,
    特约撰稿人 李华, （本报记者 王明 北京报道）): roles and names, nothing said."""
    text = text.strip()
    if text[:1] in "（(" and text[-1:] in "）)":
        text = text[1:-1].strip()
    return _credit_line(text)


def _byline_alone(text: str) -> bool:
    """Whether a line (spaces taken out) reads as a byline standing alone: 记者… or 通讯员… (or a
    credit of names after their roles and slashes, 文/图 王明) with no
    sentence's marks, and no bracket closed with text after it (通讯员 王明）国际…: the rest of a
    credit in brackets after the dateline, broken over a line, with the paragraph running on)."""
    return (
        bool(_BYLINE_LINE.match(text) or _CREDIT_LINE.match(text))
        and len(text) < 40
        and not _SENTENCE_PUNCTUATION.search(text)
        and not _CREDIT_CLOSED_INSIDE.search(text)
    )


def _last_column(strip: list[_Item], body: float) -> list[_Item]:
    """The strip's last column in reading order (a strip under one headline may hold several)."""
    lines = _body_lines(strip, body)
    columns = _columns(lines, body) if lines else []
    return (
        [_Item(line.inner_x0, line.top, line.inner_x1, line.bottom, line=line) for line in columns[-1]]
        if columns
        else []
    )


def _first_column(strip: list[_Item], body: float) -> list[_Item]:
    """The strip's first column in reading order."""
    lines = _body_lines(strip, body)
    columns = _columns(lines, body) if lines else []
    return (
        [_Item(line.inner_x0, line.top, line.inner_x1, line.bottom, line=line) for line in columns[0]]
        if columns
        else []
    )


def _opens_story(strip: list[_Item], body: float) -> bool:
    """The column's text opens with a dateline (本报…电) or a jump marker: a story starts there."""
    # Under its headline (a kicker set in the body's size is no body line).
    under = min((i.line.bottom for i in strip if i.line and _is_headline(i.line, body)), default=0.0)
    lines = [line for line in _body_lines(strip, body) if line.top >= under]
    columns = _columns(lines, body)  # a strip under one headline holds its columns side by side
    head = flat("".join(line.text for line in columns[0][:3])) if columns else ""
    return bool(dateline_in_any_form(head) or _MARKER_START.match(head))


def _opens_paragraph(strip: list[_Item], body: float) -> bool:
    lines = _body_lines(strip, body)
    if not lines:
        return True
    left = min(line.x0 for line in lines)
    return lines[0].x0 - left >= 1.2 * lines[0].size


def _ends_open(strip: list[_Item], body: float) -> bool:
    """The column's last line runs full width without ending a sentence: its text goes on."""
    lines = _body_lines(strip, body)
    if not lines:
        return False
    right = max(line.x1 for line in lines)
    last = lines[-1]
    return right - last.x1 < 1.0 * last.size and not ends_sentence(last.text)


def _ends_closed(strip: list[_Item], body: float) -> bool:
    """The column's last line ends a sentence short of the column's width (or with a byline)."""
    lines = _body_lines(strip, body)
    if not lines:
        return False
    right = max(line.x1 for line in lines)
    last = lines[-1]
    return right - last.x1 >= 1.0 * last.size and ends_sentence(last.text)


def _clusters(heads: list[Line], body: float) -> list[list[Line]]:
    """Headline lines into headlines: pieces of one line (drawn one after another, or close on one
    baseline) and lines stacked close under one another, overlapping."""
    ordered = sorted(heads, key=lambda line: (line.top, line.x0))
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    upright = _vertical_runs(ordered)
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            b = ordered[j]
            if b.top - a.bottom > a.size:
                break  # sorted by top: nothing further down is near
            # Vertical type's columns stand side by side, their characters on common rows.
            gap = max(a.x0, b.x0) - min(a.x1, b.x1)
            # (One line is in one size: two headlines of stories side by side may stand a narrow
            # gutter apart on one baseline, a box's title beside a headline may be drawn right
            # after it.)
            same_size = abs(a.size - b.size) < 0.3
            one_line = abs(a.top - b.top) < 0.3 * a.size and (
                ((follows(b, a) or follows(a, b)) and (same_size or gap < 0.3 * max(a.size, b.size)))
                or (0 < gap < 0.3 * a.size and same_size)
                or (id(a) in upright and id(b) in upright and 0 < gap < a.size)
            )
            # (Set tight, a headline's lines' glyph boxes overlap: a second baseline all the same.)
            stacked = (
                -0.4 * b.size <= b.top - a.bottom < 0.8 * b.size
                and b.top - a.top > 0.5 * b.size
                and b.x0 < a.x1
                and b.x1 > a.x0
                and not _tier_to(a, b)
                and not _tier_to(b, a)
            )
            # A headline wrapped in its column: its last characters open the next line at the
            # column's left edge, short of an indented first line (overlapping ones stack), same type.
            wrapped = (
                0 <= b.top - a.bottom < 0.8 * b.size
                and 0 < a.x0 - b.x0 <= 2.5 * a.size  # an indent of two characters at most
                and b.x1 <= a.x0 + 1
                and _same_type(a, b)
            )
            if one_line or stacked or wrapped or _vertical(a, b):
                parent[root(j)] = root(i)
    groups: dict[int, list[Line]] = {}
    for i, line in enumerate(ordered):
        groups.setdefault(root(i), []).append(line)
    # A headline's stacked lines overlap the whole headline, not each piece: join groups that stack.
    clusters = sorted(groups.values(), key=lambda group: min(line.top for line in group))
    merged: list[list[Line]] = []
    for group in clusters:
        x0, x1 = min(line.x0 for line in group), max(line.x1 for line in group)
        top = min(line.top for line in group)
        for other in merged:
            ox0, ox1 = min(line.x0 for line in other), max(line.x1 for line in other)
            bottom = max(line.bottom for line in other)
            if (
                0 <= top - bottom < 0.8 * group[0].size
                and x0 < ox1
                and x1 > ox0
                and not all(_tier_to(a, b) for a in group for b in other)
                # (nor a kicker in headline size, over it, to it)
                and not all(_tier_to(b, a) for a in group for b in other)
            ):
                other.extend(group)
                break
        else:
            merged.append(list(group))
    # A kicker or subtitle large enough to pass for a headline is still the tier right over or
    # under one: not a headline.
    kept = [
        group for group in merged if not any(_tier_of(group, other) for other in merged if other is not group)
    ]
    return [_in_reading_order(group) for group in kept]


def _tier_of(group: Sequence[Line], head: Sequence[Line]) -> bool:
    """Whether the lines ``group`` are a kicker just over the headline ``head`` or a subtitle just
    under it (each line set as a tier to each of the headline's: see ``_tier_to``)."""
    if not all(_tier_to(a, b) for a in group for b in head):
        return False
    if not (
        min(a.x0 for a in group) < max(b.x1 for b in head)
        and max(a.x1 for a in group) > min(b.x0 for b in head)
    ):
        return False
    size = max(a.size for a in group)
    top, bottom = min(a.top for a in group), max(a.bottom for a in group)
    head_top, head_bottom = min(b.top for b in head), max(b.bottom for b in head)
    # Its middle over the headline's box or under it (a large headline's box reaches past its ink
    # by a tenth of its size or more: a tier set tight may overlap it), and close.
    middle = (top + bottom) / 2
    return (middle < head_top and head_top - bottom < 1.5 * size) or (
        middle > head_bottom and top - head_bottom < 1.5 * size
    )


def _tier_to(a: Line, b: Line) -> bool:
    """Whether ``a`` is set as a tier (引题 or 副题) to the headline line ``b``: regular weight,
    short, clearly smaller than a bold headline (a paper sets its tiers lighter and smaller)."""
    return (
        not a.bold
        and b.bold
        and a.size < 0.8 * b.size
        and len(flat(a.text)) <= 24
        and not ends_sentence(a.text)
    )


def _vertical_runs(lines: Sequence[Line]) -> set[int]:
    """The lines (by id) in runs of three characters or more set one under another (vertical type)."""
    upright: set[int] = set()
    singles = sorted((line for line in lines if len(flat(line.text)) == 1), key=lambda line: line.center)
    centres = [line.center for line in singles]
    for start in singles:
        # Only characters on its axis can go on from it (letter-spaced headlines hold hundreds).
        lo = bisect.bisect_left(centres, start.center - 0.2 * start.size)
        hi = bisect.bisect_right(centres, start.center + 0.2 * start.size)
        run = [start]
        for line in sorted(singles[lo:hi], key=lambda line: line.top):
            if _vertical(run[-1], line):
                run.append(line)
        if len(run) >= 3:
            upright.update(id(line) for line in run)
    return upright


def _in_reading_order(group: list[Line]) -> list[Line]:
    """A headline's lines in reading order: rows top down, each left to right; in vertical type
    (one character a line, more rows than columns) columns right to left, each top down."""
    rows = {round(line.top / (0.5 * line.size)) for line in group}
    if len(rows) >= 3 and all(len(flat(line.text)) == 1 for line in group):
        # Columns by axis (characters' widths differ a little), right to left.
        columns: list[list[Line]] = []
        for line in sorted(group, key=lambda line: -line.center):
            if columns and columns[-1][0].center - line.center < 0.3 * line.size:
                columns[-1].append(line)
            else:
                columns.append([line])
        if len(rows) > len(columns):
            return [line for column in columns for line in sorted(column, key=lambda line: line.top)]
    return sorted(group, key=lambda line: (round(line.top / (0.5 * line.size)), line.x0))


def _vertical(a: Line, b: Line) -> bool:
    """``b`` goes on from ``a`` in vertical type (竖排): one character each, the same type, set one
    under the other on one axis at about an em's pitch or a little more (letter-spaced; their glyph
    boxes may overlap)."""
    return (
        len(flat(a.text)) == 1
        and len(flat(b.text)) == 1
        and _same_type(a, b)
        and abs(a.center - b.center) < 0.2 * a.size
        and 0.5 * a.size < b.top - a.top < 1.8 * a.size
    )


def _leaf(cell: list[_Item], body: float, layout: PageLayout) -> None:
    """One cell: a box (briefs, an index, an ad, a chart) or a story with its tiers and columns."""
    aside = _box_aside([i.line for i in cell if i.line is not None], body)
    if aside is not None:
        # A box set unruled beside a story's headline: the story, then the briefs or the index.
        title, column, index = aside
        taken = {id(title), *(id(line) for line in column)}
        _leaf([i for i in cell if i.line is None or id(i.line) not in taken], body, layout)
        if index:
            layout.furniture.append((FurnitureRole.INDEX, [title, *column]))
        else:
            layout.stories.append(Story(section=flat(title.text), columns=_columns(column, body)))
        return
    boxes = [i for i in cell if i.box is not None]
    lines = [i.line for i in cell if i.line is not None]
    body_box = _body_box(lines, boxes, body)
    for box in boxes:
        if box is body_box:
            lines += box.lines  # the headline's own body, boxed under it: read as one story
        else:
            _read_box(box, body, layout)
    if not lines:
        return
    heads = _word_spaced_pieces(_clusters([line for line in lines if _is_headline(line, body)], body))
    if len(heads) == 1 and not boxes and _notice_unruled(lines, heads[0]):
        # A notice set as a story is (its title over its body), no frame: an ad's furniture.
        layout.furniture.append((FurnitureRole.AD, sorted(lines, key=lambda line: (line.top, line.x0))))
        return
    story = Story()
    section = _section_title(lines)
    if section is not None and len(heads) <= 1:
        # An unruled 简讯 block or 今日导读 box: read as its ruled twin.
        item = _Item(
            min(line.x0 for line in lines),
            min(line.top for line in lines),
            max(line.x1 for line in lines),
            max(line.bottom for line in lines),
            lines=sorted(lines, key=lambda line: (line.top, line.x0)),
        )
        _read_box(item, body, layout, title_lines=[section])
        return
    ordered = sorted(lines, key=lambda line: (line.top, line.x0))
    if (
        len(heads) <= 1
        and len(lines) > 2
        and _box_title(ordered[0], ordered[1:], body)
        and _index_by_items(ordered)
    ):
        # An index box drawn unruled, whatever its title: its items send to other pages.
        layout.furniture.append((FurnitureRole.INDEX, ordered))
        return
    if len(heads) <= 1 and len(lines) > 2 and _briefs_unruled(lines, body):
        # A briefs box drawn unruled: read as its ruled twin (its title is its first line).
        layout.stories.append(Story(section=flat(ordered[0].text), columns=_columns(ordered[1:], body)))
        return
    kept = _take_titled_blocks(lines, body, layout)
    if len(kept) < len(lines):  # an index's title may be set in a headline's size: heads anew
        lines = kept
        heads = _clusters([line for line in lines if _is_headline(line, body)], body)
    if heads:
        head = heads[0]
        story.headline = head
        top = min(line.top for line in head)
        bottom = max(line.bottom for line in head)
        hx0 = min(line.x0 for line in head)
        hx1 = max(line.x1 for line in head)
        others = [line for line in lines if line not in head]
        # This story's own body size: a lead story may be set larger than the page's body.
        sizes: dict[float, int] = {}
        for line in others:
            sizes[line.size] = sizes.get(line.size, 0) + len(line.text)
        story_body = min(max(sizes, key=lambda size: sizes[size]), HEADLINE_RATIO * body) if sizes else body
        story_body = max(story_body, body)
        # Tiers: lines set apart from the body (larger, or centred under the headline) right above and below it.
        # The gap over a headline scales with its size (its glyph box carries its own leading).
        reach = max(line.size for line in head)
        # (Far enough up for a tier over a tier, a 栏目 label over a kicker: each close over the next.)
        # A large headline's box reaches above its ink by a tenth of its size or more: a kicker set
        # tight over it may end inside that box (its middle stays over it).
        above = sorted(
            (
                line
                for line in others
                if line.bottom <= top + max(1.0, 0.2 * reach)
                and (line.top + line.bottom) / 2 < top
                and top - line.bottom < 3 * max(2.0 * line.size, 1.2 * reach)
            ),
            key=lambda line: -line.top,
        )
        # A tier in its own size may stand off the headline's width (引题 set flush left, 副题 flush
        # right, the headline centred), within the story's measure.
        measure = [line for line in others if _paragraph_like(line, story_body)]
        sx0 = min((line.x0 for line in measure), default=hx0)
        sx1 = max((line.x1 for line in measure), default=hx1)

        def off_width_tier(line: Line) -> bool:
            slack = 0.5 * line.size  # flush with the margin, the columns' justified edge just inside
            return line.x0 >= sx0 - slack and line.x1 <= sx1 + slack and not _paragraph_like(line, story_body)

        edge = top
        for line in above:
            short = len(flat(line.text)) <= 24 and not ends_sentence(line.text)
            room = 1.5 * line.size if edge < top else max(1.5 * line.size, 1.2 * reach)
            if (
                edge - line.bottom < room
                and (_overlaps(line, hx0, hx1) or (off_width_tier(line) and short))
                and (not _paragraph_like(line, body) or short)
            ):
                story.kicker.insert(0, line)
                edge = line.top
        # A kicker run in on the headline's line, just left of it, in its own tier (the page set
        # both in one paragraph): whatever punctuation opens it, it is not the body's first line.
        first = min(head, key=lambda line: (line.top, line.x0))
        for line in others:
            if (
                line.top < first.bottom
                and line.bottom > first.top
                and line.x1 <= first.x0 + 1
                and first.x0 - line.x1 < 2 * line.size
                and not _paragraph_like(line, body)
                and not _is_headline(line, body)
                and line.size < first.size - 0.3
                and line not in story.kicker
                and len(flat(line.text)) <= 24
                and not ends_sentence(line.text)
                # alone, not a line of a lead story set larger than the body beside the headline
                and not any(
                    other is not line
                    and abs(other.size - line.size) < 0.3
                    and _overlaps(other, line.x0, line.x1)
                    and (
                        0 <= other.top - line.bottom < 1.2 * line.size
                        or 0 <= line.top - other.bottom < 1.2 * line.size
                    )
                    for other in others
                )
            ):
                story.kicker.insert(0, line)
        edge = bottom
        # (The headline's box reaches under its ink too: a subtitle set tight may start inside it.)
        below = sorted(
            (
                line
                for line in others
                if line.top >= bottom - max(1.0, 0.2 * reach) and (line.top + line.bottom) / 2 > bottom
            ),
            key=lambda line: line.top,
        )
        for line in below:
            gap = 2.0 * max(line.size, body)
            if line.top - edge > (gap if edge > bottom else max(gap, 1.2 * reach)):
                break
            if not _overlaps(line, hx0, hx1) and not (
                off_width_tier(line) and line.text.lstrip().startswith(("——", "—", "－－"))
            ):
                continue
            text = flat(line.text)
            if (
                _byline_like(line)
                and not line.bold
                and not (
                    story.byline and _paragraph_like(line, story_body)
                )  # the body's first line may start 记者…
            ):
                story.byline.append(line)
            elif (
                not story.byline
                and (line.size >= story_body + 0.3 or text.startswith(("——", "—", "－－")))
                and (not _is_headline(line, body) or all(_tier_to(line, h) for h in head))
                and (not story.subtitle or abs(line.size - story.subtitle[0].size) < 0.3)
            ):
                story.subtitle.append(line)
            else:
                break
            edge = line.bottom
        # (A byline line under the subtitle may be set in its size: it is no more of its text.)
        if story.subtitle and _runs_on(story.subtitle, [line for line in others if line not in story.byline]):
            story.subtitle = []  # a body set larger than the page's, not a subtitle: it runs on below
        taken = {id(line) for line in story.lines()}
        lines = [line for line in lines if id(line) not in taken]
        for extra in heads[1:]:
            layout.warnings.append(
                f"two headlines in one story's space: {flat(''.join(line.text for line in extra))} "
                "read as a subhead; two stories may be read as one"
            )
    # A picture or a box (read on its own) set into the columns breaks them alike.
    inset = [i.picture or i.box for i in cell if i.picture is not None or i.box is not None]
    story.columns = _columns_around(lines, [g for g in inset if g is not None], body)
    if story.headline or any(story.columns):
        layout.stories.append(story)


def _word_spaced_pieces(heads: list[list[Line]]) -> list[list[Line]]:
    """A story's headlines with the pieces of its first joined: a headline of two phrases set a word
    space apart (CPI上涨 PPI回落) may be drawn in two runs with its tiers between, too far apart for
    one line's characters. In one story's cell, a piece in the headline's size on its baseline, less
    than an em off it, is more of it: two stories' headlines side by side fell into two cells."""
    if len(heads) < 2:
        return heads

    def beside(piece: Line, line: Line) -> bool:
        return (
            abs(piece.size - line.size) < 0.3
            and abs(piece.top - line.top) < 0.3 * line.size
            and 0 < max(piece.x0, line.x0) - min(piece.x1, line.x1) < line.size
        )

    first, rest = list(heads[0]), []
    for group in heads[1:]:
        if not all(any(beside(piece, line) for line in first) for piece in group):
            rest.append(group)
            continue
        for piece in sorted(group, key=lambda line: line.x0):
            at = next(n for n, line in enumerate(first) if beside(piece, line))
            first.insert(at + 1 if piece.x0 > first[at].x0 else at, piece)  # in reading order on its row
    return [first, *rest]


def _take_titled_blocks(lines: list[Line], body: float, layout: PageLayout) -> list[Line]:
    """An unruled index or block of briefs standing in a story's cell, whatever its title says: a
    short bold title larger than the body (an index's maybe in a headline's size), over a run of lines under it (each
    close under the last, beside or under the title), known by what the run holds (items with page
    codes; briefs closed by credits or opened by datelines). Taken out; the rest returned."""
    taken: set[int] = set()
    ordered = sorted(lines, key=lambda line: line.top)
    for title in ordered:
        text = flat(title.text)
        if (
            id(title) in taken
            or not title.bold
            or not body * 1.1 <= title.size
            or len(text) > BOX_TITLE_CHARACTERS
            or _SENTENCE_MARK.search(text)
        ):
            continue
        x0, x1 = title.x0 - 4 * body, title.x1 + 4 * body
        run: list[Line] = []
        edge = title.bottom
        for line in ordered:
            if (
                line is title
                or id(line) in taken
                or line.top < title.bottom - 1
                or not _overlaps(line, x0, x1)
            ):
                continue
            if line.top - edge > 1.5 * line.size or line.size >= title.size:
                break
            run.append(line)
            edge = line.bottom
        if len(run) < 2:
            continue
        block = [title, *run]
        item = _Item(
            min(line.x0 for line in block),
            title.top,
            max(line.x1 for line in block),
            edge,
            lines=block,
        )
        if _index_by_items(block):
            layout.furniture.append((FurnitureRole.INDEX, block))
        elif not _is_headline(title, body) and _briefs_by_items(item, block, body):
            story = Story(section=text)
            story.columns = _columns(run, body)
            layout.stories.append(story)
        else:
            continue
        taken.update(id(line) for line in block)
    return [line for line in lines if id(line) not in taken]


BOX_TITLE_CHARACTERS = 8  # characters at most in a box's title (简讯, 今日导读, 县区速览)


def _body_box(lines: Sequence[Line], boxes: Sequence[_Item], body: float) -> _Item | None:
    """A ruled box right under a headline with no body of its own, holding a story's text and no
    headline (nor a briefs, index, ad or chart title): the headline's body, set in a box."""
    heads = [line for line in lines if _is_headline(line, body)]
    if not heads or any(_paragraph_like(line, body) for line in lines):
        return None
    bottom = max(line.bottom for line in heads)
    x0, x1 = min(line.x0 for line in heads), max(line.x1 for line in heads)
    under = [
        box
        for box in boxes
        if 0 <= box.top - bottom < 3 * body
        and box.x0 < x1
        and box.x1 > x0
        and box.lines
        and not any(_is_headline(line, body) for line in box.lines)
    ]
    if len(under) != 1:
        return None
    box = under[0]
    first = flat(min(box.lines, key=lambda line: (line.top, line.x0)).text)
    words = flat("".join(line.text for line in box.lines))
    if (
        BRIEF_TITLE.match(first)
        or INDEX_TITLE.search(first)
        or AD_LABEL.search(words)
        or _section_title(box.lines) is not None
        or any(
            CHART_TITLE.match(flat(line.text)) or CHART_SOURCE.search(flat(line.text)) for line in box.lines
        )
        or _figures(box.lines)
    ):
        return None
    return box


def _section_title(lines: Sequence[Line]) -> Line | None:
    """The title a briefs block or index box stands under (简讯, 今日导读), set apart at its top."""
    if not lines:
        return None
    top = min(lines, key=lambda line: (line.top, line.x0))
    text = flat(top.text)
    others = [line.size for line in lines if line is not top]
    set_apart = top.bold or (bool(others) and top.size > 1.1 * min(others))
    if (BRIEF_TITLE.match(text) or INDEX_TITLE.search(text)) and len(text) <= 8 and set_apart:
        return top
    return None


def _runs_on(tier: list[Line], lines: Sequence[Line]) -> bool:
    """More lines of the tier's size follow right under it, beyond three: it is text, not a tier."""
    last = tier[-1]
    under = [
        line
        for line in lines
        if line not in tier
        and 0 <= line.top - last.bottom < 1.2 * line.size
        and abs(line.size - last.size) < 0.3
        and _overlaps(line, last.x0, last.x1)
    ]
    return bool(under) or len(tier) > 3


def _overlaps(line: Line, x0: float, x1: float) -> bool:
    return line.x0 < x1 and line.x1 > x0


def _paragraph_like(line: Line, body: float) -> bool:
    return abs(line.size - body) < 0.3 and not line.bold


def _columns(lines: list[Line], body: float) -> list[list[Line]]:
    """Body lines into columns, left to right, each top to bottom; text set across the columns (a
    编者按 or 导语 over them) is read where it stands, as a column of its own."""
    if not lines:
        return []
    across = _across(lines)
    across |= _astride([line for line in lines if id(line) not in across])
    if across:
        out: list[list[Line]] = []
        narrow: list[Line] = []
        run: list[Line] = []
        for line in sorted(lines, key=lambda line: (line.top, line.x0)):
            if id(line) in across:
                out.extend(_strip_columns(narrow, body))
                narrow = []
                run.append(line)
            else:
                if run:
                    out.append(_rejoin(run))
                    run = []
                narrow.append(line)
        out.extend(_strip_columns(narrow, body))
        if run:
            out.append(_rejoin(run))
        return out
    return _strip_columns(lines, body)


def _across(lines: Sequence[Line]) -> set[int]:
    """The lines (by id) set across several columns: far wider than most, and a paragraph's last
    line closing such a run (flush left under it, whatever its width)."""
    widths = sorted(line.inner_x1 - line.inner_x0 for line in lines)
    usual = widths[len(widths) // 2]
    wide = [line for line in lines if line.inner_x1 - line.inner_x0 > 1.6 * usual]
    if not wide or len(wide) * 2 > len(lines):
        return set()
    # Across the gutters the other lines leave (not a wide column beside narrow ones).
    rest = [line for line in lines if line.inner_x1 - line.inner_x0 <= 1.2 * usual]  # a column's lines
    gutters = _gutters(
        [_Item(line.inner_x0, line.top, line.inner_x1, line.bottom, line=line) for line in rest], 0
    )
    wide = [line for line in wide if any(line.inner_x0 < g0 and line.inner_x1 > g1 for g0, g1 in gutters)]
    if not wide:
        return set()
    out = {id(line) for line in wide}
    for line in wide:
        last = [
            other
            for other in lines
            if id(other) not in out
            and -0.3 * other.size <= other.top - line.bottom < 0.8 * other.size
            and -2.5 * other.size < other.x0 - line.x0 < 1  # under an indented first line too
            and other.x1 < line.x1
        ]
        if len(last) == 1:
            out.add(id(last[0]))
    return out


def _astride(lines: Sequence[Line]) -> set[int]:
    """The short lines (by id) set over or under the columns across a gutter, alone on their row:
    a credit centred over a story's two columns (特约撰稿人 王明), a 图文 note under them. Not wide
    enough for ``_across``, such a line still bridges the gutter and would run the columns into
    one, line by line."""
    if len(lines) < 5:  # one line alone and four beside the gutter at the least
        return set()
    alone = _alone_on_row(lines)
    ids = {id(line) for line in alone}
    rest = [line for line in lines if id(line) not in ids]
    if not alone or len(rest) < 4:
        return set()
    found: set[int] = set()
    for g0, g1 in _gutters([_Item(o.inner_x0, o.top, o.inner_x1, o.bottom, line=o) for o in rest], 0):
        # A gutter between columns standing side by side, not lines merely off one another.
        left = [o for o in rest if o.inner_x1 <= g0 + 0.1]
        right = [o for o in rest if o.inner_x0 >= g1 - 0.1]
        if any(min(a.bottom, b.bottom) > max(a.top, b.top) for a in left for b in right):
            found |= {id(line) for line in alone if line.inner_x0 < g0 and line.inner_x1 > g1}
    return found


def _alone_on_row(lines: Sequence[Line]) -> list[Line]:
    """The lines no other line shares a row with (overlapping it by more than 0.3 of its size), in
    their order. Sorted by top, only the lines whose tops lie within the tallest line's height of
    a line's row can overlap it: those are looked at, not every pair."""
    by_top = sorted(lines, key=lambda line: line.top)
    tops = [line.top for line in by_top]
    tallest = max(line.bottom - line.top for line in lines)
    out: list[Line] = []
    for line in lines:
        # An overlap needs other.top < line.bottom - 0.3 size and other.bottom > line.top + 0.3
        # size, so other.top > line.top + 0.3 size - tallest; a little slack keeps rounding out.
        lo = bisect.bisect_left(tops, line.top + 0.3 * line.size - tallest - 1e-6)
        hi = bisect.bisect_right(tops, line.bottom - 0.3 * line.size + 1e-6)
        if not any(
            other is not line and min(other.bottom, line.bottom) - max(other.top, line.top) > 0.3 * line.size
            for other in by_top[lo:hi]
        ):
            out.append(line)
    return out


def _strip_columns(lines: list[Line], body: float) -> list[list[Line]]:
    if not lines:
        return []
    items = [_Item(line.inner_x0, line.top, line.inner_x1, line.bottom, line=line) for line in lines]
    strips: list[list[_Item]] = []
    for strip in _strips(items, body):
        # Only paragraphs' short last lines, with an indented first line just right of them: one
        # column (no column is a few characters wide). Vertical type (竖排) is one character a line
        # set one under another: its columns are that narrow, and no paragraph's ends.
        if strips:
            x0, x1 = min(i.x0 for i in strips[-1]), max(i.x1 for i in strips[-1])
            if (
                x1 - x0 < 4 * body
                and min(i.x0 for i in strip) - x0 <= 3 * body
                and not _vertical_runs([i.line for i in (*strips[-1], *strip) if i.line is not None])
            ):
                strips[-1] += strip
                continue
        strips.append(list(strip))
    out: list[list[Line]] = []
    for strip in strips:
        column = sorted((i.line for i in strip if i.line is not None), key=lambda line: (line.top, line.x0))
        out.append(_rejoin(column))
    return out


def _columns_around(lines: list[Line], pictures: Sequence[Graphic], body: float) -> list[list[Line]]:
    """A story's columns with a picture (or a box) set into them, each piece over and under it a
    column of its own (the picture breaks a column as the column's foot does, never a paragraph).
    The text wraps round it column by column (each column down over the picture, then on under
    it), unless it runs on better across the columns over the picture first, then under it
    (``_flow_fit``). The columns left of it come first, those right of it last."""
    for picture in sorted(pictures, key=lambda g: g.top):
        spanned = [line for line in lines if _overlaps(line, picture.x0, picture.x1)]
        above = [line for line in spanned if line.bottom <= picture.top + 1]
        below = [line for line in spanned if line.top >= picture.bottom - 1]
        if not above or not below or len(above) + len(below) < len(spanned):
            continue  # not set into the text: nothing on one side of it, or text runs beside it
        rest = [other for other in pictures if other is not picture]
        over, under = _columns_around(above, rest, body), _columns_around(below, rest, body)
        if len(over) != len(under):
            continue  # its columns over and under it do not pair up: read them down as before
        down = [c for pair in zip(over, under) for c in pair]
        middle = [*over, *under] if _flow_fit([*over, *under]) > _flow_fit(down) else down
        return [
            *_columns_around([line for line in lines if line.x1 <= picture.x0], rest, body),
            *middle,
            *_columns_around([line for line in lines if line.x0 >= picture.x1], rest, body),
        ]
    return _columns(lines, body)


def _flow_fit(columns: Sequence[list[Line]]) -> int:
    """How well the text runs on in this order of columns: at each column break, +1 where a
    column left open goes on in a column opening mid-paragraph, or a closed one is followed by a
    column opening a paragraph; -1 where they disagree (a full last line ending a sentence says
    nothing)."""
    fit = 0
    for a, b in itertools.pairwise(columns):
        opens = _column_opens_paragraph(b)
        if _column_ends_open(a):
            fit += -1 if opens else 1
        elif _column_ends_short(a):
            fit += 1 if opens else -1
    return fit


def _column_ends_short(column: list[Line]) -> bool:
    """The column's last line ends a sentence short of the column's width: its paragraph ends."""
    last = column[-1]
    return max(line.x1 for line in column) - last.x1 >= last.size and ends_sentence(last.text)


def _column_ends_open(column: list[Line]) -> bool:
    """The column's last line runs its full width without ending a sentence: its text goes on."""
    last = column[-1]
    return max(line.x1 for line in column) - last.x1 < last.size and not ends_sentence(last.text)


def _column_opens_paragraph(column: list[Line]) -> bool:
    """The column's first line is indented (two characters) from the column's left edge."""
    first = column[0]
    return first.x0 - min(line.x0 for line in column) >= 1.2 * first.size


def _rejoin(column: list[Line]) -> list[Line]:
    """Pieces of one line (letter-spaced, or cut at a wide justification gap) made one again."""
    out: list[Line] = []
    for line in column:
        last = out[-1] if out else None
        if (
            last is not None
            and abs(line.top - last.top) < 0.3 * line.size
            and abs(line.size - last.size) < 0.6
            and last.x0 < line.x0
            and follows(line, last)  # a wide justification gap or letter-spacing, never a gutter
        ):
            out[-1] = joined(last, line)
        else:
            out.append(line)
    return out


def _figures(lines: Sequence[Line]) -> bool:
    """A box of figures (a 数说 box): figures set apart over their labels, no sentence in it."""
    figures = [line for line in lines if _FIGURE.match(flat(line.text))]
    return len(figures) >= 2 and not any(_SENTENCE_PUNCTUATION.search(line.text) for line in lines)


def _read_box(item: _Item, body: float, layout: PageLayout, title_lines: list[Line] | None = None) -> None:
    """A ruled box: briefs under a 简讯 title, else an index, an ad, a chart, or a boxed story."""
    lines = sorted(item.lines, key=lambda line: (line.top, line.x0))
    if not lines:
        return
    title = title_lines or [lines[0]]
    title_text = flat("".join(line.text for line in title))
    words = flat("".join(line.text for line in lines))
    if BRIEF_TITLE.match(title_text) or (not title_lines and _briefs_by_items(item, lines, body)):
        story = Story(section=title_text)
        story.columns = _columns([line for line in lines if line not in title], body)
        layout.stories.append(story)
        return
    if INDEX_TITLE.search(title_text) or _index_by_items(lines):
        layout.furniture.append((FurnitureRole.INDEX, lines))
    elif (
        AD_LABEL.search(words) and len(words) < 200 and not dateline_in_any_form(words)
    ):  # the label may stand anywhere in it
        layout.furniture.append((FurnitureRole.AD, lines))
    elif any(
        CHART_TITLE.match(flat(line.text)) or CHART_SOURCE.search(flat(line.text)) for line in lines
    ) or _figures(lines):
        layout.furniture.append((FurnitureRole.CHART, lines))
    elif _ad_by_shape(lines, body) or _notice_by_shape(lines):
        layout.furniture.append((FurnitureRole.AD, lines))
    else:
        # A boxed story: read like any cell.
        _leaf(
            [_Item(line.inner_x0, line.top, line.inner_x1, line.bottom, line=line) for line in lines],
            body,
            layout,
        )


# A sentence's punctuation: an ad's slogan and label carry none (a boxed story's lines do).
_SENTENCE_MARK = re.compile(r"[，。；！？、]")
# A brief: a sentence or two (a story's paragraphs run longer).
_BRIEF_LENGTH = 80
# A brief's close: its writer's name in brackets after the full stop (…无人员伤亡。（卓然）).
_CREDIT_CLOSING = re.compile(r"[。！？]（[\u4e00-\u9fff]{2,4}）$")


def _index_by_items(lines: Sequence[Line]) -> bool:
    """A box whose items send to other pages, whatever its title says (今日关注, 本期提要…): under
    its first line, most lines open or close on a page code (A05, A12, 第5版, 5版) or are one. An item broken
    over two lines carries its code on one of them only, hence half the lines and two items."""
    items = lines[1:]
    coded = [
        line
        for line in items
        if INDEX_ITEM_CODE_FIRST.match(line.text.strip())
        or INDEX_ITEM.search(line.text.strip())
        or PAGE_REF_LINE.match(flat(line.text))  # a narrow box's item, its code broken off onto a line
        or BRACKETED_PAGE_REF.search(line.text.strip())
    ]
    return len(coded) >= 2 and 2 * len(coded) >= len(items)


def _ad_by_shape(lines: Sequence[Line], body: float) -> bool:
    """An ad or a public-service notice known by its shape, whatever its label (推广, 商讯, 公益宣传):
    a short box with no sentence in it that gives a phone number, or a slogan of phrases set apart
    by spaces in type larger than the body next to a short label in smaller type."""
    words = flat("".join(line.text for line in lines))
    if len(words) > 80 or any("。" in line.text for line in lines) or dateline_in_any_form(words):
        return False
    if any(
        PHONE.search(line.text) or PHONE_ALONE.match(line.text) or ADDRESS.search(line.text) for line in lines
    ):
        return True
    labels = [line for line in lines if line.size < body and len(flat(line.text)) <= 6]
    slogan = [line for line in lines if line not in labels]
    return (
        len(labels) == 1
        and bool(slogan)
        and all(line.size > body and not _SENTENCE_MARK.search(line.text) for line in slogan)
        and any(len(line.text.split()) >= 2 for line in slogan)
    )


def _notice_by_shape(lines: Sequence[Line]) -> bool:
    """A paid notice in a box (遗失声明, 董事会公告, 开庭公告…), whatever its words: a line shaped as
    a notice's title (``notices.notice_title``) over or by a short body carrying a notice's marks
    and no dateline or byline (``notices.notice_body``): furniture, as an ad is."""
    titles = [line for line in lines if notice_title(line.text)]
    if len(titles) != 1:
        return False
    return notice_body("\n".join(line.text for line in lines if line is not titles[0]))


def _notice_unruled(lines: Sequence[Line], head: Sequence[Line]) -> bool:
    """A notice set in a cell of its own with no frame (遗失声明, 董事会公告 as a head over a few
    lines): its head shaped as a notice's title, the rest a notice's body (``notices``)."""
    rest = [line for line in lines if line not in head]
    return (
        bool(rest)
        and notice_title("".join(line.text for line in head))
        and notice_body("\n".join(line.text for line in rest))
    )


def _briefs_by_items(item: _Item, lines: Sequence[Line], body: float) -> bool:
    """A box of briefs whatever its title (一周城事, 街坊播报…): a short title alone, centred over the
    box, then paragraphs of which one after the first opens on a dateline (本报讯, 本报X月X日讯), or
    two or more close on a writer's name in brackets (…。（卓然）). A story's dateline opens its first
    paragraph only and its credit closes its last: further down or more often, they mark items."""
    title, items = lines[0], lines[1:]
    if not _box_title(title, items, body) or INDEX_TITLE.search(flat(title.text)) or _index_by_items(lines):
        return False  # (an index's items are short too: their page codes tell them)
    if abs((title.x0 + title.x1) - (item.x0 + item.x1)) > 2 * body:
        return False  # not centred over the box
    # (Short items alone tell briefs only in a ruled box: a block cut from a story's cell under a
    # subhead may hold a story's short paragraphs.)
    return _brief_items(items, body, framed=item.box is not None)


def _briefs_unruled(lines: Sequence[Line], body: float) -> bool:
    """A box of briefs drawn with no frame (white space alone sets it apart), whatever its title: a
    short title alone atop the cell (centred over the box, which may be wider than its items), under
    it body text only, whose paragraphs are items (``_brief_items``), the first opening on an
    indent right under the title. A story's headline is set larger (a box's title is near the body's
    size), and has tiers, a byline line or a body of one dateline and one credit under it."""
    title = min(lines, key=lambda line: (line.top, line.x0))
    items = [line for line in lines if line is not title]
    if (
        not items
        or title.size >= 1.6 * body
        or not _box_title(title, items, body)
        or not all(_paragraph_like(line, body) for line in items)
    ):
        return False
    columns = _columns(items, body)
    first = columns[0][0]
    # Set in from the items' left edge (centred over them, or over a box wider than they fill) and
    # near the body's size, the title is a box's: a story's headline, centred or not, is set larger.
    # A box's title in a fixed size over a small body may reach half as large again: then its
    # items set one to a column, each column a whole paragraph, tell the box (a story's text runs
    # on from column to column).
    framed = title.x0 - min(line.x0 for line in items) > 2 * body and (
        title.size < 1.4 * body or _a_paragraph_a_column(columns)
    )
    return _indented(first, items, body) and _brief_items(items, body, framed=framed)


def _a_paragraph_a_column(columns: Sequence[list[Line]]) -> bool:
    """Three or more columns, each opening a paragraph on an indent and closing it short of its
    edge: items set one to a column (a box's briefs), not a story's text run on across them."""
    return len(columns) >= 3 and all(
        len(column) >= 2 and _column_opens_paragraph(column) and _column_ends_short(column)
        for column in columns
    )


def _box_aside(lines: Sequence[Line], body: float) -> tuple[Line, list[Line], bool] | None:
    """A box set without a frame in a story's cell, whatever its title (as ReportLab sets one in
    the last column of a row): its short title stands level with the story's headline, beside it,
    and centred over a column of lines of one size running on under it: an index's items
    (``_index_by_items``) or body text whose paragraphs are briefs (``_brief_items``). A story's
    own column starts under its headline, never beside it. Its title line, the column's lines and
    whether they are an index."""
    heads = [line for line in lines if _is_headline(line, body)]
    by_top = sorted(lines, key=lambda line: line.top)  # once: filtering keeps the sort's order
    for title in lines:
        level = [
            head
            for head in heads
            if head is not title and head.top < title.bottom and head.bottom > title.top
        ]
        if not level or _is_headline(title, body):
            continue
        column: list[Line] = []
        x0, x1, edge = title.x0, title.x1, title.bottom
        for line in by_top:
            if line.top <= title.bottom - 1:
                continue
            if not column and not _overlaps(line, x0, x1):
                continue
            if column and abs(line.x0 - x0) > 3 * body:
                continue  # a line of another column (the first may be set in by an indent)
            if (
                line.top - edge > 1.5 * body
                or line.bold
                or line.size > body + 0.3
                or (column and abs(line.size - column[0].size) > 0.3)
            ):
                break  # the column ends
            if not column:
                x0, x1 = line.x0, line.x1
            column.append(line)
            x0, x1, edge = min(x0, line.x0), max(x1, line.x1), line.bottom
        if (
            len(column) < 3
            or any(_overlaps(head, x0, x1) for head in level)
            # centred over the box, which ragged items (an index's) may not fill
            or abs(title.center - (x0 + x1) / 2) > max(body, 0.15 * (x1 - x0))
            or not _box_title(title, [line for line in lines if _overlaps(line, x0, x1)], body)
        ):
            continue
        if _index_by_items([title, *column]):
            return title, column, True
        if all(_paragraph_like(line, body) for line in column) and _brief_items(column, body, framed=True):
            return title, column, False
    return None


def _box_title(title: Line, others: Sequence[Line], body: float) -> bool:
    """A box's title: a few words, no sentence, bold or larger than the body, alone on its row."""
    text = flat(title.text)
    if len(text) > 10 or _SENTENCE_MARK.search(text) or title.size <= body and not title.bold:
        return False
    return not any(line is not title and abs(line.top - title.top) < 0.5 * body for line in others)


def _brief_items(items: Sequence[Line], body: float, framed: bool = False) -> bool:
    """Paragraphs that are briefs: one after the first opens on a dateline, or two or more close on
    a writer's name in brackets, or one that is not the last does (see ``_briefs_by_items``); in a
    box ``framed`` apart from any story (ruled, or set beside a headline), also three or more of a
    sentence or two each (a story's paragraphs run longer, and a boxed story has its headline). Read
    column by column (a second column's first line stands level with the first column's). A
    paragraph opens on an indent, or after a line closing a sentence short of its column's edge: a
    box of briefs a line each, all set in alike, has no line set full left to measure an indent by."""
    columns = _columns(list(items), body)
    items = [line for column in columns for line in column]
    openings: list[Line] = []
    previous: tuple[Line, float] | None = None  # the line before, and its column's right edge
    for column in columns:
        right = max(line.x1 for line in column)
        for line in column:
            if (
                previous is None  # the first line opens the first paragraph, indented or not
                or _indented(line, items, body)
                or dateline_in_any_form(flat(line.text))  # one-line briefs set flush
                or ends_sentence(previous[0].text)
                and previous[0].x1 < previous[1] - body
            ):
                openings.append(line)
            previous = line, right
    if len(openings) < 2:
        return False
    # Each paragraph's text, from one opening to the next (a credit may break over two lines).
    paragraphs: list[str] = []
    for line in items:
        if line in openings or not paragraphs:
            paragraphs.append("")
        paragraphs[-1] += flat(line.text)
    credited = [n for n, text in enumerate(paragraphs) if _CREDIT_CLOSING.search(text)]
    return (
        any(dateline_in_any_form(flat(line.text)) for line in openings if line is not items[0])
        or len(credited) >= 2
        or any(n < len(paragraphs) - 1 for n in credited)
        or (framed and len(paragraphs) >= 3 and all(len(text) <= _BRIEF_LENGTH for text in paragraphs))
    )


def _indented(line: Line, lines: Sequence[Line], body: float) -> bool:
    """A paragraph's first line: set in by an indent from a line of the same column under or over it.
    That line may be a paragraph's short last line (a brief's credit broken as 源）) ending left of
    the indent: an indent's width apart, the two stand in one column whatever their lengths."""
    return any(0.5 * body < line.x0 - other.x0 < 3 * body and other.x0 < line.x1 for other in lines)
