"""A second, independent typesetter for the test pages: ReportLab (PyPI ``reportlab``, BSD).

The same page specs and gold as ``typeset.py`` (Typst), laid out by this module's own code so the
PDF's insides differ: ReportLab's text objects (one per line, one per column, or one per
character), its CID font ``STSong-Light`` (Adobe-GB1, not embedded: every PDF reader knows it; the
Noto CJK fonts here are CFF-flavoured OpenType, which ReportLab cannot embed, and no TrueType CJK
font is installed), bold faked by stroking the glyphs or by printing them twice a hair apart,
rules drawn as lines or as thin filled rectangles, a real (raster) photo, and this module's own
line breaking (greedy, punctuation kept off a line's start, justified by character spacing),
column balancing, sizes, gutters and measures.

Coordinates are laid out top-down (points from the page's top-left), then flipped when drawn.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from tests.typeset.pages import (
    Block,
    BriefsBox,
    EditionSpec,
    FurnitureBlock,
    PageSpec,
    StackBlock,
    Story,
    StoryBlock,
)

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

TextMode = Literal["line", "column", "char"]
BoldStyle = Literal["stroke", "double"]
RuleStyle = Literal["line", "bar"]

# A line may not start with these (they hang on the line before, which is squeezed to fit) ...
_NO_START = frozenset("，。、；：！？”’）》」』…—·")
# ... nor end with these (they move down with the character they open).
_NO_END = frozenset("“‘（《「『")


@dataclass(frozen=True)
class Drawing:
    """How ReportLab draws a page (never changes the gold)."""

    text_mode: TextMode = "line"
    """One text object per line (justified by character spacing), one per column (lines moved to
    by Td), or one per character (each placed by its own x)."""
    bold_style: BoldStyle = "stroke"
    """Bold faked by filling and stroking the glyphs (render mode 2), or by printing them twice,
    0.3 pt apart (every character of a bold line is in the text layer twice)."""
    rule_style: RuleStyle = "line"
    """Rules as stroked lines, or as thin filled rectangles."""
    column_mm: float = 44.0
    """The width of one column of the page's grid."""
    justify: bool = True
    headline_scale: float = 1.0
    """Headline sizes relative to this module's table."""


def random_drawing(rng: random.Random) -> Drawing:
    """A drawing picked at random, for the property tests."""
    return Drawing(
        text_mode=rng.choice(("line", "column", "char")),
        bold_style=rng.choice(("stroke", "double")),
        rule_style=rng.choice(("line", "bar")),
        column_mm=rng.choice((40.0, 44.0, 48.0, 52.0)),
        justify=rng.random() < 0.75,
        headline_scale=rng.choice((0.9, 1.0, 1.15)),
    )


# --- what is drawn, top-down ------------------------------------------------------------------


@dataclass
class _Text:
    x: float
    baseline: float
    text: str
    size: float
    bold: bool = False
    char_space: float = 0.0
    group: int = 0
    """Lines of one group (a column) may share one text object in the "column" mode."""


@dataclass
class _Shape:
    kind: Literal["rule", "frame", "fill", "image"]
    x: float
    y: float
    w: float
    h: float
    width: float = 0.5
    gray: float = 0.8


@dataclass
class _Ops:
    """What one block draws, relative to its top-left, in drawing order."""

    texts: list[_Text] = field(default_factory=list)
    shapes: list[_Shape] = field(default_factory=list)
    height: float = 0.0

    def shifted(self, dx: float, dy: float) -> _Ops:
        def move_text(t: _Text) -> _Text:
            return _Text(t.x + dx, t.baseline + dy, t.text, t.size, t.bold, t.char_space, t.group)

        return _Ops(
            [move_text(t) for t in self.texts],
            [_Shape(s.kind, s.x + dx, s.y + dy, s.w, s.h, s.width, s.gray) for s in self.shapes],
            self.height,
        )

    def add(self, other: _Ops, dx: float, dy: float) -> None:
        moved = other.shifted(dx, dy)
        self.texts += moved.texts
        self.shapes += moved.shapes


_groups = iter(range(1, 10**9))


def width(text: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, FONT, size))


# --- line breaking ----------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    """Characters, but a run of Latin letters and digits (2024, 5G-A) stays whole."""
    out: list[str] = []
    for ch in text:
        if out and ch.isascii() and ch not in " " and out[-1][-1:].isascii() and out[-1][-1:] not in " ":
            out[-1] += ch
        else:
            out.append(ch)
    return out


def break_lines(text: str, measure: float, size: float, indent: float = 0.0) -> list[tuple[str, float]]:
    """``text`` broken into lines no wider than ``measure`` (the first indented by ``indent``
    points): each line's text and its natural width. Punctuation that may not open a line is kept
    on the line before (which then runs over and is squeezed); an opening quote moves down."""
    lines: list[list[str]] = [[]]
    used = indent
    for token in _tokens(text):
        w = width(token, size)
        if lines[-1] and used + w > measure + 0.01 and token[0] not in _NO_START:
            carry: list[str] = []
            while lines[-1] and lines[-1][-1][-1] in _NO_END:
                carry.insert(0, lines[-1].pop())
            lines.append(carry)
            used = sum(width(t, size) for t in carry)
            if token == " ":
                continue
        lines[-1].append(token)
        used += w
    out = []
    for n, parts in enumerate(lines):
        line = "".join(parts).strip(" ")
        if line:
            out.append((line, width(line, size) + (indent if n == 0 else 0.0)))
    return out


def _set_line(
    x: float,
    baseline: float,
    text: str,
    natural: float,
    measure: float,
    size: float,
    last: bool,
    justify: bool,
) -> _Text:
    """A line placed at ``x``, justified to ``measure`` unless it ends its paragraph; squeezed when
    punctuation hangs over."""
    space = 0.0
    if len(text) > 1 and (natural > measure or (justify and not last)):
        space = (measure - natural) / (len(text) - 1)
    return _Text(x, baseline, text, size, char_space=space)


# --- blocks -----------------------------------------------------------------------------------


@dataclass
class _Item:
    """One line-high (or taller) piece of a story's body, for column balancing."""

    height: float
    texts: list[_Text]
    keep_with_next: bool = False


def _paragraph_texts(story: Story) -> list[tuple[str, str]]:
    """(kind, text) of the body as printed: "marker", "para", "subhead", "jump"."""
    out: list[tuple[str, str]] = []
    if story.continued_from_page is not None and story.marker_style == "line":
        out.append(("marker", f"（上接第{story.continued_from_page}版）"))
    first = True
    last = len(story.paragraphs) - 1
    for index, text in enumerate(story.paragraphs):
        if text in story.subheads:
            out.append(("subhead", text))
            continue
        if first:
            lead = ""
            if story.continued_from_page is not None and story.marker_style == "square":
                lead = f"■上接第{story.continued_from_page}版　"
            lead += story.dateline or ""
            if story.byline and story.byline_style == "after_dateline":
                lead += f"（{story.byline}）"
            text = lead + text
            first = False
        if index == last and story.byline and story.byline_style == "at_end":
            text += f"（{story.byline}）"
        out.append(("para", text))
    if story.continued_on_page is not None:
        out.append(("jump", f"（下转第{story.continued_on_page}版）"))
    return out


def _body_items(
    story: Story, measure: float, size: float, pitch: float, drawing: Drawing, after: float = 0.0
) -> list[_Item]:
    """A story's body as items to balance into columns, ``after`` points of white space under each paragraph."""
    items: list[_Item] = []
    for kind, text in _paragraph_texts(story):
        if kind == "subhead":
            sub_size = size * 1.05
            lines = break_lines(text, measure, sub_size)
            texts = []
            for n, (line, natural) in enumerate(lines):
                x = max(0.0, (measure - natural) / 2)
                texts.append(_Text(x, 0.5 * pitch + n * pitch + 0.85 * sub_size, line, sub_size, bold=True))
            items.append(_Item(len(lines) * pitch + pitch, texts, keep_with_next=True))
            continue
        if kind == "jump":
            jump_size = size * 0.9
            items.append(
                _Item(pitch, [_Text(measure - width(text, jump_size), 0.85 * jump_size, text, jump_size)])
            )
            continue
        indent = 0.0 if kind == "marker" else 2 * size
        lines = break_lines(text, measure, size, indent)
        for n, (line, natural) in enumerate(lines):
            x = indent if n == 0 else 0.0
            placed = _set_line(
                x, 0.85 * size, line, natural - x, measure - x, size, n == len(lines) - 1, drawing.justify
            )
            items.append(_Item(pitch + (after if n == len(lines) - 1 else 0.0), [placed]))
    return items


def _balance(items: list[_Item], count: int) -> list[list[_Item]]:
    """The items in ``count`` columns of about equal height (never a subhead at a column's foot)."""
    if count <= 1 or not items:
        return [items]

    def pack(limit: float) -> list[list[_Item]] | None:
        columns: list[list[_Item]] = [[]]
        used = 0.0
        for n, item in enumerate(items):
            need = item.height + (items[n + 1].height if item.keep_with_next and n + 1 < len(items) else 0)
            if columns[-1] and used + need > limit + 0.01:
                if len(columns) == count:
                    return None
                columns.append([])
                used = 0.0
            columns[-1].append(item)
            used += item.height
        return columns

    low = max(i.height for i in items)
    high = sum(i.height for i in items) + low
    best = pack(high)
    assert best is not None
    for _ in range(30):
        mid = (low + high) / 2
        found = pack(mid)
        if found is None:
            low = mid
        else:
            best, high = found, mid
    return best


def _columns(items: list[_Item], count: int, column: float, gutter: float) -> _Ops:
    ops = _Ops()
    for n, col in enumerate(_balance(items, count)):
        group = next(_groups)
        y = 0.0
        for item in col:
            for t in item.texts:
                ops.texts.append(
                    _Text(
                        t.x + n * (column + gutter),
                        t.baseline + y,
                        t.text,
                        t.size,
                        t.bold,
                        t.char_space,
                        group,
                    )
                )
            y += item.height
        ops.height = max(ops.height, y)
    return ops


def _centred_lines(
    text: str,
    measure: float,
    size: float,
    centred: bool,
    bold: bool,
    y: float,
    pitch: float,
    tracking: float = 0.0,
) -> tuple[list[_Text], float]:
    """A head line (headline, kicker, subtitle) broken to ``measure``, centred or flush left."""
    out: list[_Text] = []
    lines = break_lines(text, measure - tracking * max(0, len(text) - 1), size)
    for line, natural in lines:
        space = tracking
        if natural + tracking * (len(line) - 1) > measure and len(line) > 1:
            space = (measure - natural) / (len(line) - 1)  # punctuation kept on: squeezed to fit
        natural += space * (len(line) - 1)
        x = (measure - natural) / 2 if centred else 0.0
        out.append(_Text(max(0.0, x), y + 0.85 * size, line, size, bold, space))
        y += pitch
    return out, y


@dataclass(frozen=True)
class _Grid:
    column: float
    gutter: float
    body: float
    pitch: float
    drawing: Drawing
    page: PageSpec

    def span_width(self, span: int) -> float:
        return span * self.column + (span - 1) * self.gutter


def _headline_size(span: int, story: Story, grid: _Grid) -> float:
    size = (
        {1: 15.0, 2: 17.0, 3: 20.0, 4: 23.0, 5: 25.0, 6: 27.0}[min(span, 6)]
        * grid.drawing.headline_scale
        * grid.page.headline_scale
    )
    if story.continued_from_page is not None:
        size = 15.0
    return max(size, 1.45 * grid.body)


def _story(block: StoryBlock, grid: _Grid, lead: bool) -> _Ops:
    story = block.story
    measure = grid.span_width(block.span)
    ops = _Ops()
    head: list[_Text] = []
    y = 0.0
    centred = grid.page.centered_headlines
    # A house's own sizes, each line pitched as the typesetter's own are (about 1.3 times the size).
    page = grid.page
    kicker = (10.5, 14.0) if page.kicker_size is None else (page.kicker_size, 1.33 * page.kicker_size)
    subtitle = (12.0, 15.5) if page.subtitle_size is None else (page.subtitle_size, 1.3 * page.subtitle_size)
    byline = (9.0, 12.0) if page.byline_size is None else (page.byline_size, 1.33 * page.byline_size)
    if story.kicker:
        texts, y = _centred_lines(story.kicker, measure, kicker[0], centred, False, y, kicker[1])
        head += texts
        y += 2
    size = _headline_size(block.span, story, grid)
    tracking = grid.page.tracking * size
    texts, y = _centred_lines(story.headline or "", measure, size, centred, True, y, size * 1.25, tracking)
    head += texts
    y += 4
    if story.subtitle:
        texts, y = _centred_lines(story.subtitle, measure, subtitle[0], centred, False, y, subtitle[1])
        head += texts
        y += 2
    if story.byline and story.byline_style == "own_line":
        texts, y = _centred_lines(story.byline, measure, byline[0], centred, False, y, byline[1])
        head += texts
    y += 6
    if block.photo_caption:
        photo_h = (16 + 7 * block.span) * mm
        ops.shapes.append(_Shape("image", 0, y, measure, photo_h))
        y += photo_h + 3
        cap_size = 7.5
        for line, _natural in break_lines(block.photo_caption, measure, cap_size):
            ops.texts.append(_Text(0, y + 0.85 * cap_size, line, cap_size))
            y += cap_size * 1.3
        y += 6
    body = grid.body
    if lead and grid.page.lead_body_size:
        body = grid.page.lead_body_size
    pitch = body * grid.page.leading
    items = _body_items(story, grid.column, body, pitch, grid.drawing, grid.page.paragraph_spacing * body)
    columns = _columns(items, block.span, grid.column, grid.gutter)
    ops.add(columns, 0, y)
    ops.height = y + columns.height
    # Some typesetters draw a headline after its body (it is still printed above it).
    after = grid.page.headlines_drawn_after and story.continued_from_page is None
    ops.texts = ops.texts + head if after else head + ops.texts
    return ops


def _box(title: str, inner: _Ops, measure: float, grid: _Grid, inset: float = 6.0) -> _Ops:
    """``inner`` (laid out to ``measure`` less the insets) in a ruled box with a bold title."""
    ops = _Ops()
    y = inset
    if title:
        size = 13.0
        texts, y = _centred_lines(title, measure - 2 * inset, size, True, True, y, size * 1.3)
        ops.texts += [_Text(t.x + inset, t.baseline, t.text, t.size, t.bold, t.char_space) for t in texts]
        y += 4
    ops.add(inner, inset, y)
    ops.height = y + inner.height + inset
    style = grid.page.box_style
    if style == "rect":
        ops.shapes.append(_Shape("frame", 0, 0, measure, ops.height, 0.7))
    elif style == "sides":
        for x, yy, w, h in (
            (0, 0, measure, 0),
            (0, ops.height, measure, 0),
            (0, 0, 0, ops.height),
            (measure, 0, 0, ops.height),
        ):
            ops.shapes.append(_Shape("rule", x, yy, w, h, 0.7))
    return ops


def _briefs(block: BriefsBox, grid: _Grid) -> _Ops:
    measure = grid.span_width(block.span)
    count = max(1, block.span // 2)
    inner_gutter = 10.0
    column = (measure - 12 - (count - 1) * inner_gutter) / count
    size = grid.body
    pitch = size * grid.page.leading
    items: list[_Item] = []
    for brief in block.briefs:
        text = (brief.dateline or "") + brief.paragraphs[0] + (f"（{brief.byline}）" if brief.byline else "")
        lines = break_lines(text, column, size, 2 * size)
        for n, (line, natural) in enumerate(lines):
            x = 2 * size if n == 0 else 0.0
            items.append(
                _Item(
                    pitch,
                    [
                        _set_line(
                            x,
                            0.85 * size,
                            line,
                            natural - x,
                            column - x,
                            size,
                            n == len(lines) - 1,
                            grid.drawing.justify,
                        )
                    ],
                )
            )
    inner = _columns(items, count, column, inner_gutter)
    return _box(block.title, inner, measure, grid)


def _furniture(block: FurnitureBlock, grid: _Grid) -> _Ops:
    measure = grid.span_width(block.span)
    if block.kind == "ad":
        ops = _Ops()
        ops.shapes.append(_Shape("fill", 0, 0, measure, 0, gray=0.92))
        ops.texts.append(_Text(measure - 8 - width(block.title, 7), 8 + 7, block.title, 7.0))
        y = 22.0
        text = " ".join(block.lines)
        size = 14.0
        texts, y = _centred_lines(text, measure - 16, size, True, True, y, size * 1.3)
        ops.texts += [_Text(t.x + 8, t.baseline, t.text, t.size, t.bold, t.char_space) for t in texts]
        ops.height = y + 10
        ops.shapes[0].h = ops.height
        ops.shapes.append(_Shape("frame", 0, 0, measure, ops.height, 2.0))
        return ops
    if block.kind == "index":
        inner = _Ops()
        y = 0.0
        for line in block.lines:
            texts, y = _centred_lines(line, measure - 12, 9.0, False, False, y, 13.0)
            inner.texts += texts
            y += 3
        inner.height = y
        return _box(block.title, inner, measure, grid)
    # A chart: title, unit, bars with labels, source.
    ops = _Ops()
    labels = block.lines
    ops.texts.append(_Text((measure - width(block.title, 10)) / 2, 16, block.title, 10.0, bold=True))
    ops.texts.append(_Text(measure - 6 - width(labels[0], 7.5), 30, labels[0], 7.5))
    bars = labels[1:-1]
    slot = (measure - 12) / max(1, len(bars))
    base = 36 + 42 * mm
    for i, label in enumerate(bars):
        h = (14 + 8 * i) * mm
        ops.shapes.append(_Shape("fill", 6 + i * slot + slot * 0.2, base - h, slot * 0.6, h, gray=0.45))
        ops.texts.append(_Text(6 + i * slot + (slot - width(label, 7.5)) / 2, base + 10, label, 7.5))
    ops.texts.append(_Text(6, base + 24, labels[-1], 7.5))
    ops.height = base + 30
    ops.shapes.append(_Shape("frame", 0, 0, measure, ops.height, 0.5))
    return ops


def _block(block: Block, grid: _Grid, lead: bool) -> _Ops:
    if isinstance(block, StackBlock):
        ops = _Ops()
        y = 0.0
        measure = grid.span_width(block.span)
        for n, part in enumerate(block.stories):
            if n:
                y += 8
                if grid.page.row_rules:
                    ops.shapes.append(_Shape("rule", 0, y, measure, 0, 0.4))
                y += 8
            inner = _story(part, grid, False)
            ops.add(inner, 0, y)
            y += inner.height
        ops.height = y
        return ops
    if isinstance(block, StoryBlock):
        return _story(block, grid, lead)
    if isinstance(block, BriefsBox):
        return _briefs(block, grid)
    return _furniture(block, grid)


def layout_page(page: PageSpec, drawing: Drawing) -> tuple[float, float, _Ops]:
    """The page's width, height and everything it draws."""
    gutter = page.gutter_mm * mm
    column = drawing.column_mm * mm
    margin = 14 * mm
    if page.page_width_mm:  # a house's page width: its columns share what the margins leave
        column = (page.page_width_mm * mm - 2 * margin - (page.columns - 1) * gutter) / page.columns
    grid = _Grid(column, gutter, page.body_size, page.body_size * page.leading, drawing, page)
    text_width = grid.span_width(page.columns)
    ops = _Ops()
    y = 10 * mm
    head_size = 8.0
    left = f"{page.date}　{page.weekday}"
    ops.texts.append(_Text(margin, y + 0.85 * head_size, left, head_size))
    ops.texts.append(
        _Text(
            margin + (text_width - width(page.section_name, head_size)) / 2,
            y + 0.85 * head_size,
            page.section_name,
            head_size,
        )
    )
    ops.texts.append(
        _Text(margin + text_width - width(page.folio, head_size), y + 0.85 * head_size, page.folio, head_size)
    )
    y += head_size + 3
    ops.shapes.append(_Shape("rule", margin, y, text_width, 0, 0.6))
    y += 5 * mm
    if page.number == 1:
        size = 46.0
        ops.texts.append(
            _Text(
                margin + (text_width - width(page.paper, size)) / 2,
                y + 0.85 * size,
                page.paper,
                size,
                bold=True,
            )
        )
        y += size + 4
        if page.row_rules:
            ops.shapes.append(_Shape("rule", margin, y, text_width, 0, 1.5))
        y += 4 * mm
    for r, row in enumerate(page.rows):
        if r:
            if page.row_rules:
                y += 3.5 * mm
                ops.shapes.append(_Shape("rule", margin, y, text_width, 0, 0.4))
                y += 3.5 * mm
            else:
                y += 9 * mm
        x = margin
        tallest = 0.0
        for n, block in enumerate(row):
            cell = _block(block, grid, lead=r == 0 and n == 0)
            ops.add(cell, x, y)
            tallest = max(tallest, cell.height)
            x += grid.span_width(block.span) + gutter
        if page.cell_rules:
            x = margin
            for block in row[:-1]:
                x += grid.span_width(block.span) + gutter
                ops.shapes.append(_Shape("rule", x - gutter / 2, y, 0, tallest, 0.5))
        y += tallest
    y += 5 * mm
    size = 8.0
    ops.texts.append(
        _Text(margin + text_width - width(page.editors, size), y + 0.85 * size, page.editors, size)
    )
    y += size + 8 * mm
    if page.folio_at_foot:
        number = str(page.number)
        ops.texts.append(
            _Text(margin + (text_width - width(number, size)) / 2, y + 0.85 * size, number, size)
        )
        y += size + 4 * mm
    return text_width + 2 * margin, y + 6 * mm, ops


# --- drawing ------------------------------------------------------------------------------------


def _photo() -> object:
    """A small grey raster (a photo's stand-in), drawn scaled into the frame."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    picture = Image.new("L", (64, 40))
    picture.putdata([(x * 3 + y * 2) % 200 + 30 for y in range(40) for x in range(64)])
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    buffer.seek(0)
    return ImageReader(buffer)


def _draw_shapes(canvas: Canvas, shapes: Sequence[_Shape], height: float, drawing: Drawing) -> None:
    for s in shapes:
        top = height - s.y
        if s.kind == "image":
            canvas.drawImage(_photo(), s.x, top - s.h, s.w, s.h)
        elif s.kind == "fill":
            canvas.setFillGray(s.gray)
            canvas.rect(s.x, top - s.h, s.w, s.h, stroke=0, fill=1)
            canvas.setFillGray(0)
        elif s.kind == "frame":
            canvas.setLineWidth(s.width)
            canvas.rect(s.x, top - s.h, s.w, s.h, stroke=1, fill=0)
        elif drawing.rule_style == "bar":
            # A rule as a thin filled rectangle (as many page-layout programs export them).
            t = s.width
            canvas.rect(
                s.x - (t / 2 if s.w == 0 else 0),
                top - s.h - (t / 2 if s.h == 0 else 0),
                s.w or t,
                s.h or t,
                stroke=0,
                fill=1,
            )
        else:
            canvas.setLineWidth(s.width)
            canvas.line(s.x, top, s.x + s.w, top - s.h)


def _put(canvas: Canvas, obj: Any) -> None:
    # The render mode is graphics state: it outlives the text object unless saved and restored.
    canvas.saveState()
    canvas.drawText(obj)
    canvas.restoreState()


def _text_object(canvas: Canvas, t: _Text, drawing: Drawing) -> Any:
    obj = canvas.beginText()
    _style(obj, t, drawing)
    return obj


def _style(obj: Any, t: _Text, drawing: Drawing) -> None:
    obj.setFont(FONT, t.size)
    # Render mode 2 fills and strokes the glyphs: a fake bold (there is no bold STSong).
    obj.setTextRenderMode(2 if t.bold and drawing.bold_style == "stroke" else 0)
    obj.setCharSpace(t.char_space)


def _shifts(t: _Text, drawing: Drawing) -> tuple[float, ...]:
    """Where a line is printed: twice, a hair apart, for a double-struck bold."""
    return (0.0, 0.3) if t.bold and drawing.bold_style == "double" else (0.0,)


def _draw_texts(canvas: Canvas, texts: Sequence[_Text], height: float, drawing: Drawing) -> None:
    canvas.setStrokeGray(0)
    canvas.setLineWidth(0.35)
    if drawing.text_mode == "column":
        groups: dict[int, list[_Text]] = {}
        for t in texts:
            groups.setdefault(t.group or -id(t), []).append(t)
        for members in groups.values():
            obj = _text_object(canvas, members[0], drawing)
            for t in members:
                _style(obj, t, drawing)
                for shift in _shifts(t, drawing):
                    obj.setTextOrigin(t.x + shift, height - t.baseline)
                    obj.textOut(t.text)
            _put(canvas, obj)
        return
    for t in texts:
        for shift in _shifts(t, drawing):
            if drawing.text_mode == "char":
                x = t.x + shift
                for ch in t.text:
                    obj = _text_object(canvas, t, drawing)
                    obj.setCharSpace(0)
                    obj.setTextOrigin(x, height - t.baseline)
                    obj.textOut(ch)
                    _put(canvas, obj)
                    x += width(ch, t.size) + t.char_space
            else:
                obj = _text_object(canvas, t, drawing)
                obj.setTextOrigin(t.x + shift, height - t.baseline)
                obj.textOut(t.text)
                _put(canvas, obj)


def typeset(edition: EditionSpec, pdf: Path, drawing: Drawing | None = None) -> Path:
    """Write ``edition`` as one PDF (one PDF page per spec page) to ``pdf`` with ReportLab."""
    drawing = drawing or Drawing()
    canvas = Canvas(str(pdf))
    canvas.setTitle(edition.name)
    for page in edition.pages:
        page_width, height, ops = layout_page(page, drawing)
        canvas.setPageSize((page_width, height))
        _draw_shapes(canvas, ops.shapes, height, drawing)
        _draw_texts(canvas, ops.texts, height, drawing)
        canvas.showPage()
    canvas.save()
    return pdf


def main() -> None:  # pragma: no cover - a look at one page: python -m tests.typeset.reportlab_pages OUT.pdf
    import sys

    from tests.typeset.pages import make_page

    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rng = random.Random(seed)
    page = make_page(rng, 1 + seed % 4, columns=rng.choice((4, 5, 6)), ad=True, index=seed % 2 == 0)
    typeset(EditionSpec("look", (page,)), Path(sys.argv[1]), random_drawing(rng))


if __name__ == "__main__":
    main()
