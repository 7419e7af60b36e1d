"""A chart's tick labels and numbered title in an extractor's page, known by their shape.

A chart printed on a page comes out of an extractor as lines of its axis labels: periods
(2025Q1, 2025H1, 2024年, 1月, 一季度), figures with or without a unit (0 20 40, 12.5%, 30万吨).
Extractors print them one a line (PyMuPDF), several on a line with spaces (PDFium, layout mode),
glued with no separator (pypdf, pdfplumber, pdfminer.six), or glued to the start or end of a
column's line printed on their baseline. No sentence is only such labels, so a run of them is
the chart's, never spoken; where they are glued to a column's text, the labels are cut off only
where the cut is sure (two labels of one period shape or more), else the line gets a doubt.

A chart's numbered title (图表1：…) glued into a column's line is cut where it ends the line and
is short; inside a line its end is unknown, so the line gets a doubt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from audio_edition.text.furniture import CHART_TITLE
from audio_edition.text.layout import Furniture, FurnitureKind

_UNIT = r"(?:[万亿千百]?(?:元|美元|吨|台|辆|件|人|户|家|千瓦时|千瓦|平方米|公里|桶|股)|万|亿|倍|%|‰)"
# A period on a chart's axis; a day (3月5日) is a date in running text, never a tick.
_PERIOD = (
    r"(?:\d{4}[QH][1-4]|\d{2,4}年(?:\d{1,2}月)?(?!\d)|\d{1,2}[-—–~]\d{1,2}月|(?:1[0-2]|0?[1-9])月份?(?![\d日])"
    r"|第?[一二三四]季度|[上下]半年|[QH][1-4])"
)
_FIGURE = rf"(?:[-+−]?\d+(?:[.,]\d+)?{_UNIT}?|[（(]{_UNIT}[）)])"
_TICK = re.compile(rf"{_PERIOD}|{_FIGURE}")
_TICKS_ONLY = re.compile(rf"(?:{_PERIOD}|{_FIGURE})+")
_NUMERIC_SHAPE = re.compile(r"^[-+−]?0(?:[.,]0)?$")  # a bare figure's shape: no period in it
_QUARTER_OPENS = re.compile(r"^\d{4}[QH][1-4](?=[\s　]*[\u4e00-\u9fff])")  # 2026Q1 国家能源局…
_GLUED_TITLE = re.compile(r"(?:图表|图解|数据图|图|表)\d{1,2}[：:]")  # 图表1：, 表2： inside a line
_TITLE_TAIL = 20  # characters at most of a chart's title glued at a line's end
_SENTENCE_MARKS = re.compile(r"[，。；！？、]")


def _shape(tick: str) -> str:
    """A tick's shape, its figures as one 0 each (2025Q1 and 2026Q3 alike, 1月 and 12月 alike)."""
    return re.sub(r"\d+|[一二三四]", "0", tick)


def tick_labels(line: str) -> list[str] | None:
    """The chart's tick labels a line is made of (``2025Q1 2025Q2``, ``2021年2022年``, ``0 20 40``),
    or None where anything else is in it (a sentence has words between its figures)."""
    pieces = line.split()
    if not pieces or not all(_TICKS_ONLY.fullmatch(piece) for piece in pieces):
        return None
    return [tick.group(0) for piece in pieces for tick in _TICK.finditer(piece)]


def _a_chart(ticks: Sequence[str]) -> bool:
    """Whether labels are a chart's axis, not a figure a column's line breaks off: two periods of
    one shape (2025Q1 2025Q2, 1月 2月) or three labels or more (0 20 40)."""
    periods = [_shape(t) for t in ticks if not _NUMERIC_SHAPE.match(_shape(t))]
    return len(ticks) >= 3 or any(periods.count(s) >= 2 for s in set(periods))


def _glued_run(text: str, at_start: bool) -> int | None:
    """Where a run of two periods or more of one shape glued to a column's text ends (at the
    line's start) or begins (at its end), or None: a figure may be the text's own (截至2025年3月)."""
    if at_start:
        end, shape, count = 0, "", 0
        for piece in re.finditer(rf"{_PERIOD}[ 　]*", text):
            if piece.start() != end or (shape and _shape(piece.group(0).strip()) != shape):
                break
            end, shape, count = piece.end(), _shape(piece.group(0).strip()), count + 1
        return end if count >= 2 else None
    if not re.search(r"[\dQH月年度]$", text):
        return None
    # At the end: the periods run to the line's end, the last maybe cut short (2025Q12025Q22025).
    for start in range(1, len(text)):
        rest = text[start:]
        if re.fullmatch(rf"(?:{_PERIOD}[ 　]*){{2,}}\d{{0,4}}", rest):
            shapes = {_shape(p.group(0)) for p in re.finditer(_PERIOD, rest)}
            beside_text = re.match(r"[\u4e00-\u9fff，。；！？、：）”]", text[start - 1])
            return start if beside_text and len(shapes) == 1 else None
    return None


_HEAD_RUNS_ON = 8  # characters: a line longer than a chart's axis label, run on into a figure


def figure_ends_line_above(lines: Sequence[str], n: int) -> bool:
    """Whether the lone figure on line ``n`` (46%, 5.3亿元) ends the line right over it, broken
    before its figure (星辰电子：一季度净利润同比增长 / 46%): a headline's or a column's line, longer
    than a chart's label, ending on a character with no sentence's end; not the chart's."""
    if n == 0 or not re.fullmatch(_FIGURE, re.sub(r"[\s　]+", "", lines[n])):
        return False
    above = re.sub(r"[\s　]+", "", lines[n - 1])
    if re.match(r"[（(]", above) or "记者" in above or re.search(r"\d[\u4e00-\u9fff]?$", above):
        # A byline's bracket (（记者 卓然 实习生) holds names; a line ending on its own figure
        # (驿站126个) is whole: the figure under it is another's.
        return False
    return len(above) > _HEAD_RUNS_ON and re.search(r"[\u4e00-\u9fff]$", above) is not None


_APART_REACH = 16  # lines from a chart's labels where one of them may be printed apart


def _apart(lines: Sequence[str], n: int) -> bool:
    """Whether line ``n`` is set off on a side: a blank line, furniture taken or the page's edge
    over or under it (a column's line broken before a figure has text on both sides)."""
    return any(not (0 <= k < len(lines)) or not lines[k].strip() for k in (n - 1, n + 1))


def chart_ticks(
    printed: Sequence[str], lines: list[str], furniture: list[Furniture]
) -> tuple[list[str], list[tuple[int, str]]]:
    """A chart's tick labels (see the module doc) in ``lines``, the page with the furniture known
    so far blanked; ``printed`` the page as printed, where the runs are found (a run's labels
    taken already stand in it). Each is recorded as the chart's and blanked, or cut off the
    column's text it is glued to; returns the kept lines and the doubts (line, text)."""
    kept = list(lines)
    doubts: list[tuple[int, str]] = []
    runs: list[list[int]] = []
    for n, raw in enumerate(printed):
        ticks = tick_labels(raw.strip()) if raw.strip() else None
        if ticks is None:
            if raw.strip():
                runs.append([])
            continue
        if not runs or not runs[-1] or n - runs[-1][-1] > 2:
            runs.append([])
        runs[-1].append(n)
    charts: list[tuple[int, set[str]]] = []  # each chart's first line and its labels' shapes
    for run in runs:
        ticks = [t for n in run for t in tick_labels(printed[n].strip()) or []]
        if not run or not _a_chart(ticks):
            continue
        charts.append((run[0], {_shape(t) for t in ticks}))
        for n in run:
            if kept[n].strip():
                furniture.append(Furniture(FurnitureKind.CHART, kept[n].strip(), n + 1))
                kept[n] = ""
    for run in runs:
        # A chart's label printed apart (pdftotext prints a chart's pieces as blocks among a
        # column's lines): one label alone on its line, set off, of a chart's shape, near it.
        if len(run) != 1 or not _apart(kept, run[0]):
            continue
        (n,) = run
        ticks = tick_labels(printed[n].strip()) or []
        near = any(abs(n - at) <= _APART_REACH and _shape(ticks[0]) in shapes for at, shapes in charts)
        if len(ticks) == 1 and near and kept[n].strip():
            furniture.append(Furniture(FurnitureKind.CHART, kept[n].strip(), n + 1))
            kept[n] = ""
    for n, raw in enumerate(kept):
        line = raw.strip()
        if not line:
            continue
        cut = _glued_run(line, at_start=True)
        if cut is not None and cut < len(line) and not re.match(r"\d", line[cut:]):
            furniture.append(Furniture(FurnitureKind.CHART, line[:cut].strip(), n + 1))
            kept[n] = line[cut:]
            line = kept[n]
        elif opening := _QUARTER_OPENS.match(line):
            doubts.append((n + 1, _TICK_OPENS.format(opening.group(0))))
        start = _glued_run(line, at_start=False)
        if start is not None:
            furniture.append(Furniture(FurnitureKind.CHART, line[start:].strip(), n + 1))
            kept[n] = line[:start]
            line = kept[n]
        kept[n], doubt = _title_glued(line, n, furniture)
        if doubt:
            doubts.append((n + 1, doubt))
    return kept, doubts


def _title_glued(line: str, n: int, furniture: list[Furniture]) -> tuple[str, str | None]:
    """A line with a chart's numbered title glued inside it (…股东的图表1：上市公司季度营业收入):
    cut off where it ends the line, short and with no mark of running text; else a doubt."""
    match = _GLUED_TITLE.search(line)
    if match is None or match.start() == 0 or not CHART_TITLE.match(match.group(0)):
        return line, None
    tail = line[match.start() :]
    if len(tail) <= _TITLE_TAIL and not _SENTENCE_MARKS.search(tail) and not tail.endswith(("？", "?")):
        furniture.append(Furniture(FurnitureKind.CHART, tail, n + 1))
        return line[: match.start()], None
    return line, _TITLE_INSIDE.format(match.group(0))


_TICK_OPENS = (
    "this line opens on “{}”, a chart's axis label by its shape, glued to a column's text: if it is "
    "the chart's, it is not the story's (read the PDF for this page)"
)
_TITLE_INSIDE = (
    "a chart's title (“{}…”) is printed inside this line, glued to a column's text: where it ends "
    "is unknown, and its words may be read into the story (read the PDF for this page)"
)
