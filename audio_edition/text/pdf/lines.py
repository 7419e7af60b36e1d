"""Characters into printed lines: one run of same-size characters on one baseline, cut at gutters.

A line never crosses a gutter: characters further apart than most of an em belong to
different columns (justified and letter-spaced text leaves smaller gaps).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from audio_edition.text.pdf.chars import Char

_HANGING = frozenset("，。、；：！？”’）》“‘（《…—")  # may hang past a column's edge
_GAP = 0.5  # ems: a wider gap is a gutter (hanging punctuation leaves gutters under 0.8 em); letter-spacing is rejoined per column
_SPACE_GAP = 1.2  # ems: the widest word space (an ideographic space is one em)
_BASELINE = (
    0.15  # ems: a step this big between sorted bottoms starts another baseline (a comma sits 0.07 em low)
)


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line (top-down coordinates, points)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    first: int = 0
    last: int = 0
    """Drawing order of its first and last characters (see ``follows``)."""
    inner_x0: float = 0.0
    inner_x1: float = 0.0
    """Its extent without punctuation hanging into the margins (columns are found from these)."""

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


def body_size(chars: Iterable[Char]) -> float:
    """The type size the page's body text is set in: the smallest size that holds a fifth of the
    characters (a lead story set larger may hold the most)."""
    sizes = Counter(round(c.size * 2) / 2 for c in chars)
    if not sizes:
        return 10.0
    total = sum(sizes.values())
    return min(size for size, count in sizes.items() if count >= 0.2 * total or count == max(sizes.values()))


def find_lines(chars: Sequence[Char]) -> list[Line]:
    """The page's lines, top to bottom then left to right."""
    by_size: dict[float, list[Char]] = {}
    for char in chars:
        by_size.setdefault(round(char.size * 2) / 2, []).append(char)
    lines: list[Line] = []
    for size, group in by_size.items():
        group.sort(key=lambda c: (c.bottom, c.x0))
        row: list[Char] = []
        for char in group:
            if row and char.bottom - row[-1].bottom > _BASELINE * size:
                lines.extend(_split_row(row, size))
                row = []
            row.append(char)
        if row:
            lines.extend(_split_row(row, size))
    lines.sort(key=lambda line: (round(line.top), line.x0))
    return lines


def _split_row(row: list[Char], size: float) -> list[Line]:
    # By centre: a compressed comma's em box reaches under the next character's start.
    row.sort(key=lambda c: c.x0 + c.x1)
    out: list[Line] = []
    run: list[Char] = [row[0]]
    for char in row[1:]:
        gap = char.x0 - run[-1].x1
        # A gutter: a wide gap, or any clear gap between characters not drawn one after the other
        # (hanging punctuation can narrow a gutter to a sliver; one line is drawn in one go).
        apart = abs(char.order - run[-1].order) > 2
        hanging = run[-1].text in _HANGING and char.text in _HANGING  # two columns' punctuation meeting
        # A word space left out of the text layer (an ideographic space between names, drawn as
        # a gap): drawn right after the one before it, and PDFium sees the space. Never a gutter.
        spaced = char.order - run[-1].order == 1 and char.space_before and gap <= _SPACE_GAP * size
        # An ideographic space left at a line's end (between two names: 韩冰　/ 欧阳晓光) is drawn
        # into the gutter and can touch the next column's line: the gap is the printed one.
        # Looked for only where it can matter (a gap after a space, between lines drawn apart).
        printed = (
            next((c for c in reversed(run) if not c.text.isspace()), None)
            if apart and run[-1].text.isspace()
            else None
        )
        bridged = printed is not None and char.x0 - printed.x1 > _GAP * size
        if (
            (gap > _GAP * size and not spaced)
            or bridged
            or (apart and (gap > 0.1 * size or (hanging and gap > -0.6 * size)))
        ):
            out.append(_line(run, size))
            run = []
        run.append(char)
    out.append(_line(run, size))
    return [line for line in out if line.text]


def _line(run: list[Char], size: float) -> Line:
    text: list[str] = []
    previous: Char | None = None
    # A word space is wider than the line's usual gap between characters: a justified line drawn
    # character by character has wide gaps everywhere, and PDFium makes up spaces in them.
    solid_run = [c for c in run if not c.text.isspace()]
    gaps = sorted(b.x0 - a.x1 for a, b in zip(solid_run, solid_run[1:]))
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    word_gap = max(0.15 * size, usual + 0.12 * size)
    for char in run:
        if char.text.isspace():
            previous = char
            continue
        if previous is not None and text and char.space_before and char.x0 - previous.x1 > word_gap:
            text.append(" ")  # a word space (kept between Chinese words: 记者 薛来; respaced later)
        text.append(char.text)
        previous = char
    if text and run[-1].text.isspace() and run[-1].text != " ":
        # An ideographic space the typesetter left at the line's end (between two names of a
        # credit broken there: 记者 韩冰　/ 欧阳晓光): the names stay apart when the lines join.
        text.append(" ")
    bold = sum(1 for c in run if c.bold) * 2 > len(run)
    # A line's extent is its printed characters': a space left at its end is drawn into the
    # gutter (up to the next column) and would make it look wider than its column.
    printed = solid_run or run
    solid = [c for c in printed if c.text not in _HANGING] or printed
    return Line(
        "".join(text),
        min(c.x0 for c in printed),
        min(c.top for c in printed),
        max(c.x1 for c in printed),
        max(c.bottom for c in printed),
        size,
        bold,
        run[0].order,
        run[-1].order,
        min(c.x0 for c in solid),
        max(c.x1 for c in solid),
    )


def follows(line: Line, before: Line) -> bool:
    """``line`` was drawn right after ``before`` on the same baseline: pieces of one printed line
    (letter-spaced, or cut at a wide gap), never two columns' or two headlines' lines."""
    return 0 < line.first - before.last <= 2 and abs(line.top - before.top) < 0.3 * line.size


def joined(a: Line, b: Line) -> Line:
    """Two pieces of one printed line as one."""
    return Line(
        a.text + b.text,
        a.x0,
        min(a.top, b.top),
        b.x1,
        max(a.bottom, b.bottom),
        a.size,
        a.bold and b.bold,
        a.first,
        b.last,
        a.inner_x0,
        b.inner_x1,
    )


def _latin(text: str) -> bool:
    return text.isascii() and text.isalnum()
