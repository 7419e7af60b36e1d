"""Columns printed side by side at fixed positions (``pdftotext -layout``), cut apart by where they stand.

``pdftotext -layout`` prints the page as it looks: each printed line of every column on one text
line, the columns kept apart by runs of spaces, each glyph at the character position its x on
the page rounds to. So a column's lines start at (nearly) the same character position all down
the page (an indented line a few positions in), whatever the text before it on the line (a CJK
character takes one position there, not two). pdfplumber's ``extract_text`` also prints columns
side by side, but a single space apart and unaligned: nothing tells where a column starts, and
such a page is left as it is (``extraction_doubts`` warns it).

A page is cut into strips and handed on in reading order, as pdftotext's plain mode prints it:
bands of lines between blank lines, each band split again at a line that crosses a column's
start (a headline across the columns, a caption under a picture as wide), and within a band
the columns left to right, a blank line after each, the strip's lines without their indent
(plain mode prints none: a paragraph's first line is told by being short). The page's running
head, its first line, is a band of its own, blank line under it or not (pypdf's layout mode).

Columns set with a narrow gutter (about a body em) stand one space apart, or none: pdftotext
never sets a glyph over text already placed, so a column's full line pushes the next column's
line to one space after it, and the columns stand at no fixed position down the page. A band
where the starts found by position leave lines of two columns run together is cut by the
columns' width instead (``_narrow_strips``): a single space after a full column's line is the
gutter, and a row's lines are its columns' in order; a line holding well more letters than the
column is doubted. Where the band shows its columns where they are drawn (lines beside an empty
column or a short line, rows holding only the later columns' lines), at regular positions, a
line standing so is placed by that pitch (``_pitch``). A page set so all over, few of its lines
holding runs two spaces apart, is still told printed in layout mode (``_narrow_all_over``).

pdftotext -layout places a block of a column's lines clear of the block beside it, so a column
may stand at one position down part of a band and at another further down, with no blank line
between; such a band is cut stretch by stretch, each by its own starts, the k-th columns read
together (``_shifted_strips``).

pypdf's layout mode also sets text by where it stands, but keeps no space between what it
places apart, takes lines a little apart on the page for one row, and prints blank lines by the
type's height: a column's line may run on into the next column or into its own next line, and a
blank line may fall inside a column's paragraph. Where the text shows either (``run_together``),
no cut is sure and the reader doubts every story on the page; a blank line inside a column's
paragraph is read past, not cut at.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from audio_edition.text.furniture import RUNNING_HEAD, is_editor_line

_GAP = re.compile(r" {2,}")  # columns stand at least two positions apart
_RUN = re.compile(r"\S+(?: \S+)*")  # text with single spaces inside (3 月 1 日)
_RUNNING = re.compile(r"[，。；！？、]")  # marks of running text, never in a headline
_INDENT = 4  # positions a column's line may start in from the column's start (an indent, jitter)
_SHARE = 0.3  # of a page's text lines holding two or more runs: fewer is not a page set in columns
_ALIGNED = 0.8  # of those lines' later runs starting at a column's start: fewer is unaligned text
_MIN_LINES = 5  # lines with two or more runs, at least


@dataclass(frozen=True)
class _Run:
    start: int
    end: int
    text: str
    line: int = 0  # of the page as printed (1-based): warnings name the file's own lines


_Line = tuple[str, int]  # a line of the cut page, and the line of the page as printed it comes from


@dataclass(frozen=True)
class CutPage:
    """A page in reading order (``text``), with where the cut is unsure (its lines, 1-based) and,
    for each of its lines, the line of the page as printed it comes from (``printed``; empty
    when the page was not cut: each line is its own)."""

    text: str
    unsure: tuple[int, ...] = ()
    printed: tuple[int, ...] = ()
    run_together: tuple[int, ...] = ()
    """Lines of the page as printed showing its columns' text run together (``run_together``):
    where there are any, no cut of this page is sure."""


def _runs(line: str, number: int = 0) -> list[_Run]:
    """The pieces of ``line`` (printed as line ``number``) standing two or more spaces apart,
    with their positions."""
    found: list[_Run] = []
    for match in _RUN.finditer(line):
        if found and match.start() - found[-1].end < 2:
            # One space apart: the same piece (a run breaks only at two spaces or more).
            last = found.pop()
            found.append(_Run(last.start, match.end(), line[last.start : match.end()], number))
        else:
            found.append(_Run(match.start(), match.end(), match.group(), number))
    return found


def _grouped(starts: list[int]) -> list[list[int]]:
    """Sorted ``starts`` in groups, each of those a few positions (``_INDENT``) past its first:
    one column's lines start there, its indented ones a few positions in."""
    groups: list[list[int]] = []
    for start in starts:
        if groups and start - groups[-1][0] <= _INDENT:
            groups[-1].append(start)
        else:
            groups.append([start])
    return groups


def _running(band: list[list[_Run]]) -> list[list[_Run]]:
    """A band's lines of running text: those not heads alone."""
    return [runs for runs in band if not _heads_only([runs])]


def _band_starts(band: list[list[_Run]], least: int) -> list[int]:
    """Where a band's columns start, told by its lines of running text where it holds ``least``
    or more (heads centred over their stories start anywhere), else by all its lines."""
    running = _running(band)
    return _column_starts(running if len(running) >= least else band)


def _trim_blank_end(out: list[_Line]) -> list[_Line]:
    """``out`` with the blank lines at its end taken off (in place)."""
    while out and not out[-1][0]:
        out.pop()
    return out


def _column_starts(rows: list[list[_Run]]) -> list[int]:
    """Positions where two or more of ``rows``' runs start, a few positions apart counted once
    (the leftmost: a column's indented lines start a few positions in), that fewer runs cross."""
    groups = _grouped(sorted(run.start for runs in rows for run in runs))
    runs = [run for row in rows for run in row]
    # A column's start is one few runs cross: a centred line or a credit starting a few
    # positions past a column's start is crossed by the column's own full lines.
    return [
        group[0]
        for group in groups
        if len(group) >= 2 and sum(_across(run, group[0]) for run in runs) < len(group)
    ]


def _across(run: _Run, start: int) -> bool:
    """Whether ``run`` reaches past ``start`` with text on both sides of it."""
    return run.start < start - 1 and run.end > start + 1


def is_layout_mode(text: str) -> bool:
    """Whether ``text`` is a page printed in layout mode: a good share of its lines hold two or
    more runs of text two spaces apart or more, and nearly every later run starts where runs of
    other lines start (a column's start) rather than anywhere (pdfplumber's unaligned columns);
    the running head and the staff line are not counted (their parts stand where the house sets
    them: on a page of few lines in columns, a wide one, they would tip the count)."""
    lines = [line for line in text.split("\n") if line.strip()]
    rows = [_runs(line) for line in lines]
    several = [runs for runs in rows if len(runs) >= 2]
    if len(several) < max(_MIN_LINES, _SHARE * len(rows)):
        return _narrow_all_over(rows)
    # The running head's parts (date, page name, page number) and the staff line's (责任编辑…)
    # stand where the house puts them, at no column's start: on a page of few lines they would
    # weigh as unaligned text.
    several = [runs for runs in several if not _staff_or_running_head(runs)]
    later = [run.start for runs in several for run in runs[1:]]
    if not later:
        return False
    counts: dict[int, int] = {}
    for start in later:
        counts[start] = counts.get(start, 0) + 1
    # A later run is aligned when another line's later run starts within an indent of it.
    aligned = sum(
        1
        for start in later
        if sum(counts.get(p, 0) for p in range(start - _INDENT, start + _INDENT + 1)) >= 2
    )
    return aligned >= _ALIGNED * len(later)


def _narrow_all_over(rows: list[list[_Run]]) -> bool:
    """Whether ``rows`` (the runs of a page's lines with text) are a page printed in layout mode
    with narrow gutters all over: few lines hold runs two spaces apart (its columns' lines stand
    one space apart), but lines of running text start further in than a column is wide (a
    column's line alone on its row, where its column is drawn: no extractor printing lines one
    after the other sets a line so), and as many lines hold two columns' lines or more (letters
    twice a column's width on a line)."""
    width = _column_width(_running(rows))
    if width is None:
        return False
    further = sum(1 for runs in rows if runs and runs[0].start > width and _RUNNING.search(runs[0].text))
    wide = sum(1 for runs in rows if any(_letters(r.text) >= 2 * width for r in runs))
    return further >= _MIN_LINES and wide >= max(_MIN_LINES, _SHARE * len(rows))


def _staff_or_running_head(runs: list[_Run]) -> bool:
    """Whether a line's ``runs`` are the page's running head (date, page name, 第N版) or its
    staff line (责任编辑：…, each title a run)."""
    whole = re.sub(r"[\s　]+", "", "".join(run.text for run in runs))
    return RUNNING_HEAD.match(whole) is not None or is_editor_line(runs[0].text)


def columns_apart(text: str) -> str:
    """``text`` in reading order when printed in layout mode (see the module doc), else as it is."""
    return cut_columns(text).text


def cut_columns(text: str) -> CutPage:
    """``text`` in reading order when printed in layout mode (see the module doc), else as it
    is; with the lines (1-based, of the text returned) where the cut is unsure: a line of running
    text crossing a column's start inside a band (two columns' text run together, or a line set
    across them), the band's columns read above it and again below it."""
    if not is_layout_mode(text):
        return CutPage(text)
    lines = text.split("\n")
    bands = _bands(lines)  # cut once, for the two checks of the page's bands
    broken = _broken_columns(bands)
    together = run_together(bands, broken)
    out: list[_Line] = []
    unsure: list[int] = []
    band: list[list[_Run]] = []

    def flush() -> None:
        strips, doubtful = _strips(band)
        unsure.extend(len(out) + 1 + at for at in doubtful)
        out.extend(strips)
        band.clear()

    inside = _blanks_inside_columns(broken)
    for n, line in enumerate(lines):
        if not line.strip():
            if n + 1 in inside:
                continue  # a blank line inside a column's paragraph: the band goes on past it
            # A band of heads (a line of headlines side by side) over its stories, one blank
            # line apart: read with the band under it, each head over its own column.
            following = lines[n + 1] if n + 1 < len(lines) else ""
            if (
                band
                and following.strip()
                and lines[n - 1].strip()
                and _heads_only(band)
                and any(len(runs) >= 2 for runs in band)
            ):
                continue
            flush()
            out.append(("", n + 1))
            continue
        band.append(_runs(line, n + 1))
        if len(out) + len(band) == 1 and RUNNING_HEAD.match(re.sub(r"[\s　]+", "", line)):
            # The page's running head, a band of its own, never a band of heads over the lines
            # under it: cut with them it would be read among the heads (pypdf's layout mode
            # prints one blank line under it, or none: then a blank line is put in).
            flush()
            if n + 1 < len(lines) and lines[n + 1].strip():
                out.append(("", n + 1))
    flush()
    return CutPage(
        "\n".join(text for text, _ in out), tuple(unsure), tuple(printed for _, printed in out), together
    )


_WORD = re.compile(r"\S+")  # text with no space inside (an ideographic space, U+3000, is one)
_OPEN_END = re.compile(r"[。！？…”’」』）)：]$")  # a line ending where a paragraph may end


_Broken = list[tuple[list[list[_Run]], list[list[_Run]]]]  # a column's upper and lower halves


def run_together(bands: list[list[list[_Run]]], broken: _Broken) -> tuple[int, ...]:
    """Lines (1-based) of a page printed in layout mode where its text was run together as no
    reading of columns side by side allows: the extractor set its text by where it stands on the
    page but kept no space between what it printed apart (pypdf's layout mode), so no cut of
    the page's columns is sure. Two things show it, and ``pdftotext -layout`` (which keeps a
    space between any two pieces it places apart, and prints a column's lines one under the
    other) does neither:

    - a column's line of running text reaching on past the next column's start with no space,
      under an ordinary line of that column: two lines printed into one (lines a little apart
      on the page taken as one row), or a column run into the next;
    - a blank line inside a column's paragraph: a full line of running text that does not end
      a sentence, and under the blank line the same column's text going on at the same start
      (not indented: no new paragraph), the columns beside it cut there with it.

    ``bands`` are the page's lines cut into bands (``_bands``), ``broken`` its columns broken by a
    blank line (``_broken_columns``)."""
    found: list[int] = []
    for band in bands:
        starts = _band_starts(band, _MIN_LINES)
        for n, runs in enumerate(band):
            beside = [r for m in (n - 1, n + 1) if 0 <= m < len(band) for r in band[m]]
            if _runs_on(runs, beside, starts, band):
                found.append(runs[0].line)
    found += [lower[0][0].line for _, lower in broken]
    return tuple(sorted(set(found)))


def _bands(lines: list[str]) -> list[list[list[_Run]]]:
    """The runs of ``lines``, a band of lines between blank lines at a time."""
    bands: list[list[list[_Run]]] = []
    band: list[list[_Run]] = []
    for n, line in enumerate(lines):
        if line.strip():
            band.append(_runs(line, n + 1))
        elif band:
            bands.append(band)
            band = []
    if band:
        bands.append(band)
    return bands


def _broken_columns(bands: list[list[list[_Run]]]) -> _Broken:
    """The pairs of bands one after the other with a column's paragraph running on from the
    first into the second (``_paragraph_across_blank``)."""
    return [
        (upper, lower)
        for upper, lower in zip(bands, bands[1:], strict=False)
        if _paragraph_across_blank(upper, lower)
    ]


def _blanks_inside_columns(broken: _Broken) -> set[int]:
    """The blank lines (1-based) printed inside a column's paragraph (``broken``: a page's
    ``_broken_columns``): no break of the page's bands, which are cut as if they were not there."""
    return {n for upper, lower in broken for n in range(upper[-1][0].line + 1, lower[0][0].line)}


def _runs_on(runs: list[_Run], beside: list[_Run], starts: list[int], band: list[list[_Run]]) -> bool:
    """Whether a run of ``runs``, opening at a column's start over or under a line of running
    text of that column ending short of the next column's start (``beside``: the lines above
    and under it), holds text with no space inside that
    has running text's marks before its end and reaches two positions or more past that start,
    and carries the column's own line on (what stands before it in the run is shorter than the
    column's lines: text after a full line and a space is the next column's, set a little
    early)."""
    for run in runs:
        column = next((c for c in starts if c - 1 <= run.start <= c + _INDENT), None)
        if column is None:
            continue
        lines = [_letters(r.text) for line in band for r in line if column - 1 <= r.start <= column + _INDENT]
        for word in _WORD.finditer(run.text):
            begin, end = run.start + word.start(), run.start + word.end()
            if (
                not _RUNNING.search(word.group()[:-1])
                or _letters(run.text[: word.start()]) >= statistics.median(lines) - 1
            ):
                continue
            # Reaching past a start from before it (an opening mark set half width may stand a
            # position or two short of its column's start).
            reach = 1 if word.group()[0] not in _OPENING else 3
            for start in (s for s in starts if begin <= s - reach and end >= s + 2):
                if any(
                    column - 1 <= r.start <= column + _INDENT
                    and r.end <= start - 1
                    and _RUNNING.search(r.text)
                    for r in beside
                ):
                    return True
    return False


_OPENING = "“‘（(《「『〈【"
_MIN_COLUMN = 3  # lines of a column at least, to tell its full lines by


def _letters(text: str) -> int:
    return len(text) - text.count(" ")


def _paragraph_across_blank(upper: list[list[_Run]], lower: list[list[_Run]]) -> bool:
    """Whether the last line of band ``upper`` holds a full line of running text not ending a
    sentence, whose column's text goes on at the same start on the first line of ``lower``."""
    if min(len(upper), len(lower)) < _MIN_COLUMN:
        return False  # lines a block or two apart: a page whose lines stand apart, printed so all down
    first = lower[0]
    for run in upper[-1]:
        if not _RUNNING.search(run.text) or _OPEN_END.search(run.text):
            continue
        # Full: as long as the column's lines mostly are, above the blank and under it (one with
        # digits or a dateline prints spaces, so characters but spaces are counted).
        column = [_letters(r.text) for line in upper + lower for r in line if abs(r.start - run.start) <= 1]
        if len(column) < _MIN_COLUMN or _letters(run.text) < statistics.median(column) - 1:
            continue
        if any(abs(r.start - run.start) <= 1 and _RUNNING.search(r.text) for r in first):
            return True
    return False


def _strips(band: list[list[_Run]]) -> tuple[list[_Line], list[int]]:
    """The lines of one band (lines between blank lines), a column at a time, split at lines
    crossing a column's start; and where (indexes of those lines) a line of running text
    crossing one leaves the cut unsure: the crossing line and the first line under it."""
    if not band:
        return [], []
    # Where the columns start is told by the lines of running text: heads centred over their
    # stories start anywhere (a band of heads and boxes alone: all its lines tell).
    running = _running(band)
    starts = _column_starts(running if len(running) >= _MIN_LINES else band)
    if len(running) >= _MIN_LINES:
        starts = _short_columns(band, starts)
    narrow = _narrow_strips(band, running, starts)
    if narrow is not None:
        return narrow
    shifted = _shifted_strips(band)
    if shifted is not None:
        return shifted, []
    out: list[_Line] = []
    unsure: list[int] = []
    part: list[list[_Run]] = []
    for n, runs in enumerate(_split_at_starts(runs, starts) for runs in band):
        # A line across the columns splits the band, but heads side by side (each centred over
        # its own story's columns) stand over the column each starts in.
        # So does a head across columns under heads side by side (a story's subtitle under its
        # headline beside another's): it stands under the heads it overlaps (``_columns``).
        # (Where running text told the columns' starts: heads alone tell starts of their own.)
        # So does one under heads alone (a subtitle under its headline, a box's text beside).
        under_heads = (
            len(running) >= _MIN_LINES
            and _heads_only([runs])
            and bool(part)
            and ((_heads_only(part) and any(len(r) >= 2 for r in part)) or _under_heads_alone(runs, part))
        )
        if (
            _crosses(runs, starts)
            and (len(runs) < 2 or not _heads_only([runs]))
            and not under_heads
            and not (len(running) >= _MIN_LINES and _stacked_across(runs, part, starts))
        ):
            out += _by_column_stacked(part, starts)
            if part and n + 1 < len(band) and not _heads_only([runs]):
                unsure += [len(out), len(out) + len(runs) + 1]
            part = []
            out += [(run.text, run.line) for run in runs] + [("", runs[-1].line)]
        else:
            part.append(runs)
    out += _by_column_stacked(part, starts)
    _trim_blank_end(out)
    return out, [at for at in unsure if at < len(out)]


# Columns that shift along a band. pdftotext -layout sets a block of lines (a column's
# paragraphs, as it groups them) at the position its x rounds to, but never over a block beside
# it: a block is pushed right past the longest line of the block to its left. A column whose
# blocks stand beside blocks of other lengths is printed at one position down part of the band
# and at another further down (52, then 41), with no blank line between. Found over the whole
# band, the lower start lies inside the upper lines of the column before it (they cross it),
# and the band is cut at lines that are no line across. Each stretch of such a band is cut by its
# own starts, and its columns read with those of the stretch above that hold as many: the k-th
# column of each stretch is one column of the page.
_SHIFT_LINES = 2  # lines crossing a start, and three starting there, at least, to tell a shift


def _block_shift(band: list[list[_Run]]) -> int | None:
    """The line of ``band`` (its index) where its columns shift: a start of three running lines
    or more all on one side of it, and two lines of running text or more crossing that start
    (each a column's line, no longer than the column's width) all on the other; None when the
    band has no such line."""
    # A line crossing is one column's line (two columns' lines one space apart cross anything).
    width = _column_width(_running(band))
    if width is None:
        return None
    line = width + _FULL_SLACK
    groups = _grouped(sorted(run.start for runs in band for run in runs if _RUNNING.search(run.text)))
    found: list[int] = []
    for group in groups:
        start = group[0]
        opening = [
            n for n, runs in enumerate(band) if any(start - 1 <= r.start <= start + _INDENT for r in runs)
        ]
        crossing = [
            n
            for n, runs in enumerate(band)
            if any(_across(r, start) and _RUNNING.search(r.text) and _letters(r.text) <= line for r in runs)
        ]
        if len(opening) < _MIN_COLUMN or len(crossing) < _SHIFT_LINES:
            continue
        if max(crossing) < min(opening):
            found.append(min(opening))
        elif max(opening) < min(crossing):
            found.append(max(opening) + 1)
    return min(found) if found else None


def _shifted_strips(band: list[list[_Run]]) -> list[_Line] | None:
    """The lines of a band whose columns shift along it (see above), a column at a time: the
    band cut where they shift, each stretch by its own columns' starts, the k-th column of every
    stretch read in turn; None when the band's columns do not shift, its stretches hold columns
    of different counts (stories of their own: no column runs on from one to the next), or a
    line of running text crosses a stretch's own columns."""
    stretches: list[list[list[_Run]]] = []
    rest = band
    while True:
        at = _block_shift(rest)
        if at is None or at < _MIN_COLUMN or len(rest) - at < _MIN_COLUMN:
            stretches.append(rest)
            break
        stretches.append(rest[:at])
        rest = rest[at:]
    if len(stretches) < 2:
        return None
    starts = [_band_starts(stretch, _MIN_COLUMN) for stretch in stretches]
    if len({len(s) for s in starts}) != 1 or not starts[0]:
        return None
    # Each stretch cut clean by its own starts: no line of running text crosses one (columns
    # one space apart, at no fixed position, are no shift but narrow gutters).
    if any(
        _crosses(_split_at_starts(runs, own), own) and not _heads_only([runs])
        for stretch, own in zip(stretches, starts, strict=True)
        for runs in stretch
    ):
        return None
    placed: _Placed = []
    for stretch, own in zip(stretches, starts, strict=True):
        # Each stretch's columns named by the first stretch's: its k-th start, the first's k-th.
        rank = dict(zip(own, starts[0], strict=True))
        cut = [_split_at_starts(runs, own) for runs in stretch]
        placed += [[(rank.get(c, c), r) for c, r in runs] for runs in _columns(cut, own)]
    return _trim_blank_end(_emit(placed))


def _under_heads_alone(runs: list[_Run], part: list[list[_Run]]) -> bool:
    """Whether what stands above ``runs`` in ``part`` (the lines since the band or the last
    line across began) is heads alone, some on the line or two right above: ``runs`` are a
    head under them."""
    if len(runs) != 1:  # a head alone on its line (a line of heads and text is no subtitle)
        return False
    left, right = min(run.start for run in runs), max(run.end for run in runs)
    if not any(r.start < right and r.end > left - _INDENT for line in part[-2:] for r in line):
        return False
    above = [r for line in part for r in line if r.start < right and r.end > left - _INDENT]
    return bool(above) and not any(_RUNNING.search(r.text) for r in above)


def _stacked_across(runs: list[_Run], part: list[list[_Run]], starts: list[int]) -> bool:
    """Whether a line across columns is a story's heads set lower than a column beside it:
    heads (no comma or stop) across columns, with the space over heads above them (two lines
    empty there), beside a run ending a column of running text. Such a line leaves the band
    whole: the columns beside are read on their own, the heads over their story's columns (a
    story stacked under another is read after it, ``_by_column_stacked``)."""
    beside = [run for run in runs if _ends_column(run, part, starts)]
    across = [run for run in runs if run not in beside]
    return (
        bool(beside)
        and bool(across)
        and len(part) >= 2
        and not any(_RUNNING.search(run.text) for run in across)
        and not any(
            r.start < a.end and r.end > a.start - _INDENT for line in part[-2:] for r in line for a in across
        )
    )


def _ends_column(run: _Run, part: list[list[_Run]], starts: list[int]) -> bool:
    """Whether ``run``, on a line across the columns, crosses no column's start and stands
    under the last line of its column's running text in ``part`` (the lines above it), one or
    two lines up."""
    if _crosses([run], starts) or not part:
        return False
    column = _column_of(run.start, starts)
    return any(
        _column_of(r.start, starts) == column and _RUNNING.search(r.text) for runs in part[-2:] for r in runs
    )


def _short_columns(band: list[list[_Run]], starts: list[int]) -> list[int]:
    """``starts`` and the starts of columns too short to be told from running text alone: a
    column's last line or two beside a story's first lines, its text without a comma or stop
    read as heads. Such a start is where runs of two lines running one under the other start
    (one of them with a comma or stop: heads stand over each other too), far from the columns
    found, no run crossing it."""
    runs = [run for row in band for run in row]
    extra: list[int] = []
    for upper, lower in zip(band, band[1:], strict=False):
        for a in upper:
            for b in lower:
                start = min(a.start, b.start)
                if (
                    abs(a.start - b.start) <= _INDENT
                    and (_RUNNING.search(a.text) or _RUNNING.search(b.text))
                    and all(abs(start - known) > _INDENT for known in starts + extra)
                    and not any(_across(run, start) for run in runs)
                ):
                    extra.append(start)
    return sorted(starts + extra)


def _split_at_starts(runs: list[_Run], starts: list[int]) -> list[_Run]:
    """``runs`` with a run that crosses a column's start at a single space cut there: two
    columns set tight print one space apart (``亩， 餐饮``), the second at its column's start,
    or a little before it when its line opens on a bracket or quote set half width (``实 （记者
    李红``): a space up to three positions short of the start before one past it."""
    out: list[_Run] = []
    pending = list(runs)
    while pending:
        run = pending.pop(0)
        cut = next(
            (
                at
                for start in starts
                if _across(run, start)
                for at in (start - 1, start, start - 2, start - 3, start + 1)
                if run.start < at < run.end - 1 and run.text[at - run.start] == " "
            ),
            None,
        )
        if cut is None:
            out.append(run)
            continue
        offset = cut - run.start
        out.append(_Run(run.start, cut, run.text[:offset], run.line))
        pending.insert(0, _Run(cut + 1, run.end, run.text[offset + 1 :], run.line))
    return out


_HEADS_ONLY_LINES = 3  # at most: a kicker, the headlines, a subtitle


def _heads_only(band: list[list[_Run]]) -> bool:
    """A few lines of short runs with no running text in them (no comma or stop)."""
    return len(band) <= _HEADS_ONLY_LINES and not any(
        _RUNNING.search(run.text) for runs in band for run in runs
    )


def _crosses(runs: list[_Run], starts: list[int]) -> bool:
    """A run reaching past a column's start (with text on the other side of it): a line across."""
    return any(_across(run, start) for run in runs for start in starts)


_HEAD_JITTER = 1  # positions a head set at its column's start may stand short of it (rounding)
_BELOW_HEADS = 4  # lines under a story's heads its columns' text starts within


def _column_of(start: int, starts: list[int]) -> int:
    return max((s for s in starts if s <= start + _INDENT), default=0)


_Placed = list[list[tuple[int, _Run]]]  # a part's lines, each run with the column it is read in


def _by_column_stacked(part: list[list[_Run]], starts: list[int]) -> list[_Line]:
    """``part``'s runs column by column, left to right, a blank line after each column
    (``_columns``, ``_emit``); but where a story's heads start lower down, over columns that stand empty on the heads' line and the lines above while columns beside
    them run on (a story stacked under another in some of the columns), those columns are read
    down to the heads, then the stacked story, then the columns beside."""
    return _stacked(_columns(part, starts), starts)


def _stacked(placed: _Placed, starts: list[int]) -> list[_Line]:
    found = _stacked_heads(placed, starts)
    if found is None:
        return _emit(placed)
    row, spanned = found

    def only(rows: _Placed, keep: set[int]) -> _Placed:
        """``rows``' runs in the columns ``keep``."""
        return [[(c, r) for c, r in runs if c in keep] for runs in rows]

    first, last = spanned[0], spanned[-1]
    every = {c for runs in placed for c, _ in runs}
    # Columns beside that end by the heads' line are read with the text above them (the last
    # column of the story the stacked one is under), the others after the stacked story.
    # (Those next to the stacked story's, up to the first column running on past the heads.)
    ended: set[int] = set()
    for column in sorted(c for c in every if c > last):
        if any(column in {k for k, _ in runs} for runs in placed[row + 1 :]):
            break
        ended.add(column)
    inside = {c for c in every if first <= c <= last}
    return [
        *_emit(only(placed, {c for c in every if c < first})),
        *_emit(only(placed[:row], inside)),
        *_emit(only(placed, ended)),
        *_stacked(only(placed[row:], inside), starts),
        *_emit(only(placed, every - inside - ended - {c for c in every if c < first})),
    ]


def _stacked_heads(placed: _Placed, starts: list[int]) -> tuple[int, list[int]] | None:
    """The first line of ``placed`` holding a story's heads under text in its columns, and the
    columns the story takes: side by side, empty on that line (but for the heads) and the two
    lines above (the space over a story's heads), with text above; the columns its heads cross,
    and those beside with text again within a few lines under; two or more, or one under heads
    across columns' starts."""
    columns = [{c: r for c, r in runs} for runs in placed]
    for row in range(3, len(placed)):
        heads = [r for _, r in placed[row] if not _RUNNING.search(r.text)]
        if not heads:
            continue
        held = {c for c, r in placed[row] if r in heads}
        reach = max(r.end for r in heads)

        def free(column: int, row: int = row, held: set[int] = held, reach: int = reach) -> bool:
            return (
                column not in columns[row - 1]
                and column not in columns[row - 2]
                and (column not in columns[row] or column in held)
                and any(column in c for c in columns[: row - 2])
                and (
                    column < reach - 1 or any(column in c for c in columns[row + 1 : row + 1 + _BELOW_HEADS])
                )
            )

        first = min(held)
        if first not in starts or not free(first):
            continue
        spanned = [first]
        for column in starts[starts.index(first) + 1 :]:
            if not free(column):
                break
            spanned.append(column)
        # Two columns or more; or one, under heads across columns' starts (a headline over
        # columns whose others start lower down), never a subhead inside one column.
        if len(spanned) >= 2 or _crosses(heads, starts):
            return row, spanned
    return None


def _columns(part: list[list[_Run]], starts: list[int]) -> _Placed:
    """``part``'s runs, each with the column it is read in."""
    # Heads of stories side by side at the top (kicker, headline, subtitle, as many on each
    # line): each story's tiers go over the column its leftmost tier starts in, however each is
    # centred (a short kicker centred over two columns starts in the second).
    top = 0
    while top < len(part) and len(part[top]) >= 2 and _heads_only([part[top]]):
        top += 1
    slots: list[int] | None = None
    under: dict[int, list[int]] = {}  # heads under the heads side by side: their slots
    if top and len({len(runs) for runs in part[:top]}) == 1:
        # A head starts where its column does, or further in (centred): never indented, so a
        # head a few positions short of a column's start is centred over the columns before it.
        slots = [
            max(
                (s for s in starts if s <= min(runs[i].start for runs in part[:top]) + _HEAD_JITTER),
                default=0,
            )
            for i in range(len(part[0]))
        ]
        spans = [
            (min(runs[i].start for runs in part[:top]), max(runs[i].end for runs in part[:top]))
            for i in range(len(part[0]))
        ]

        def slot_of(run: _Run, slots: list[int] = slots) -> int:
            """The slot of the heads ``run`` overlaps the most (else stands nearest to)."""
            best = max(
                range(len(spans)),
                key=lambda i: (
                    min(run.end, spans[i][1]) - max(run.start, spans[i][0]),
                    -abs(run.start - spans[i][0]),
                ),
            )
            return slots[best]

        for n in range(top, len(part)):
            if not _heads_only([part[n]]):
                break
            # A head across a column's start (the cut does not split there) stands under the
            # heads it overlaps; a head in one column, in it.
            under[n] = [
                slot_of(run) if _crosses([run], starts) else _column_of(run.start, starts) for run in part[n]
            ]
    placed: _Placed = []
    for n, runs in enumerate(part):
        if slots is not None and n < top:
            placed.append(list(zip(slots, runs, strict=True)))
        elif n in under:
            placed.append(list(zip(under[n], runs, strict=True)))
        else:
            line: list[tuple[int, _Run]] = []
            for run in runs:
                column = _under_head(run, placed, starts)
                line.append((_column_of(run.start, starts) if column is None else column, run))
            placed.append(line)
    return _heads_over_opening(placed)


def _under_head(run: _Run, placed: _Placed, starts: list[int]) -> int | None:
    """The column of the head right above ``run`` (a line or two up in ``placed``) when ``run``
    is a head across a column's start: a subtitle centred under its headline starts anywhere,
    and stands under it."""
    if _RUNNING.search(run.text) or not _crosses([run], starts):
        return None
    for line in reversed(placed[-2:]):
        for column, above in line:
            if not _RUNNING.search(above.text) and above.start < run.end and above.end > run.start - _INDENT:
                return column
    return None


def _heads_over_opening(placed: _Placed) -> _Placed:
    """``placed`` with the heads it opens on (a line or few of one head each, centred, so
    placed in whichever column each starts in) put over its first column when that column opens
    on a paragraph's indented first line and the head's own column on a line beside it that
    opens no paragraph (the story's next column): the story under the heads starts in the first."""
    heads = 0
    while heads < min(len(placed), _HEADS_ONLY_LINES) and len(placed[heads]) == 1:
        if _RUNNING.search(placed[heads][0][1].text):
            break
        heads += 1
    below: dict[int, tuple[int, _Run]] = {}  # each column's first line under the heads
    for n, runs in enumerate(placed[heads:]):
        for column, run in runs:
            below.setdefault(column, (n, run))
    if not heads or not below:
        return placed
    first = min(below)
    row, opening = below[first]

    def over_first(column: int) -> bool:
        beside = below.get(column)
        return (
            column != first
            and opening.start > first + 1  # an indented first line: a paragraph opens
            and beside is not None
            and beside[0] == row
            and beside[1].start <= column + 1  # set full: the story's text runs on
        )

    return [[(first if over_first(c) else c, run) for c, run in runs] for runs in placed[:heads]] + placed[
        heads:
    ]


def _emit(placed: _Placed) -> list[_Line]:
    """``placed``'s runs column by column, left to right, a blank line after each column."""
    columns: dict[int, list[_Line]] = {}
    for runs in placed:
        here: dict[int, _Line] = {}
        for column, run in runs:
            # Two runs of one line in one column (a credit after a caption): one line.
            here[column] = (
                (f"{here[column][0]} {run.text}", run.line) if column in here else (run.text, run.line)
            )
        for column, piece in here.items():
            columns.setdefault(column, []).append(piece)
    out: list[_Line] = []
    for column in sorted(columns):
        out += [*columns[column], ("", columns[column][-1][1])]
    return out


# Narrow gutters. A gutter of about a body em leaves pdftotext -layout one position (or none)
# between two columns' lines: it sets each glyph at the cell its x rounds to but never over
# text already placed, so a full line of one column pushes the next column's line to one space
# after it, and the columns stand at no fixed position down the page (a column's line starts
# where its own lines' lengths put it). What tells the gutter there is the column's width: a
# justified column's full lines hold about as many characters each, and a single space after
# as many, between two words of running text, is the gutter.
_SPACED = re.compile(r"[0-9A-Za-z%.]")  # half-width text pdftotext sets a space either side of (3 月 1 日)
_HALF_WIDTH = re.compile(r"[0-9A-Za-z%.:]+")  # a word of half-width text alone
_FULL_SLACK = 3  # positions a full line may fall short of the column's width (an indent, half-width marks)
_NARROW_SHARE = 0.3  # of a band's running lines holding two columns' lines one space apart, at least


def _pieces(runs: list[_Run]) -> list[_Run]:
    """``runs`` cut at every space: the words of the line, where each stands."""
    return [
        _Run(run.start + m.start(), run.start + m.end(), m.group(), run.line)
        for run in runs
        for m in _WORD.finditer(run.text)
    ]


def _column_width(band: list[list[_Run]]) -> int | None:
    """The width (positions) of a band's columns: the commonest length of a word of four
    positions or more (a full line of a justified column is one word, and most lines are full)."""
    lengths = [p.end - p.start for runs in band for p in _pieces(runs) if p.end - p.start >= 4]
    if not lengths:
        return None
    counts: dict[int, int] = {}
    for length in lengths:
        counts[length] = counts.get(length, 0) + 1
    return max(counts, key=lambda n: (counts[n], n))


def _gutter_cut(pieces: list[_Run], width: int, unspaced: bool = False) -> list[_Run]:
    """A line's words joined into its columns' lines: a space is a gutter where it is two
    positions or more, or one after a full line (``width`` positions from where the column's
    line started, less a little slack), between two words of running text (not beside
    half-width text, which pdftotext spaces out, nor between two single letters of a
    letter-spaced line); beside half-width text too where the band sets figures ``unspaced``
    and both sides are full lines."""
    out: list[_Run] = []
    for piece in pieces:
        if out:
            last = out[-1]
            gap = piece.start - last.end
            lone = len(last.text.rsplit(" ", 1)[-1]) == 1 and len(piece.text) == 1
            spaced = _SPACED.match(piece.text[0]) or _SPACED.match(last.text[-1])
            full = last.end - last.start >= width - _FULL_SLACK
            # A full line, a space, and a word as long as a full line: the gutter, even beside
            # half-width text, where the typesetter sets figures unspaced (苹果3 付原告工资及经济补偿金共).
            if unspaced and spaced and full and _letters(piece.text) >= width - _FULL_SLACK:
                spaced = None
            if gap < 2 and not (full and not lone and not spaced):
                out[-1] = _Run(last.start, piece.end, f"{last.text}{' ' * gap}{piece.text}", last.line)
                continue
        out.append(piece)
    return out


def _stands_where_drawn(run: _Run, before: _Run | None, width: int) -> bool:
    """Whether a line of a band set in narrow gutters stands where its column is drawn, nothing
    pushing it: first on its row and starting further in than half a column's ``width``, or two
    spaces or more after the line ``before`` it on its row."""
    return run.start > width // 2 if before is None else run.start - before.end >= 2


def _pitch(rows: list[list[_Run]], width: int) -> tuple[float, float] | None:
    """How far apart (positions) a band's columns stand where drawn, and past which margin,
    when the band shows it: lines starting their row further in, or standing two spaces or more
    after the line before them, gather at a few positions (two lines or more each) a whole
    number of pitches apart, each the same few positions past whole pitches. A page so printed
    sets a row's lines close, one space apart (a column's full line takes fewer positions than
    the pitch), and a line beside an empty column where its column is drawn; on another a
    column's lines stand further right down the page, pushed by the lines before them (no such
    regular positions: None)."""
    drawn = sorted(
        run.start
        for cut in rows
        for n, run in enumerate(cut)
        if _stands_where_drawn(run, cut[n - 1] if n else None, width)
    )
    groups = _grouped(drawn)
    places = [group[0] for group in groups if len(group) >= 2]  # the leftmost: indents stand in
    if len(places) < _DRAWN_PLACES:
        return None
    apart = [b - a for a, b in zip(places, places[1:], strict=False)]
    pitch = statistics.median(apart)
    if pitch < width + 1 or any(abs(d / pitch - round(d / pitch)) > _PITCH_SLACK for d in apart):
        return None
    # The columns drawn stand a whole number of pitches from the first's start, give or take
    # the margin pdftotext leaves: the same few positions for all of them.
    off = [place - round(place / pitch) * pitch for place in places]
    margin = statistics.median(off)
    if any(abs(o - margin) > _PITCH_SLACK * pitch for o in off):
        return None
    return pitch, margin


_DRAWN_PLACES = 3  # columns seen where drawn, at least, to tell their pitch by (two fit by chance)
_PITCH_SLACK = 0.25  # of a pitch, a column drawn may stand off a whole number of pitches


def _narrow_strips(
    band: list[list[_Run]], running: list[list[_Run]], starts: list[int]
) -> tuple[list[_Line], list[int]] | None:
    """The lines of a band set in narrow gutters (see above), a column at a time, with the
    lines where the cut is unsure (a column's line holding well more letters than the column's
    width: two lines run together, or a line set wider than the columns); None when the band is not such a band: half or more of its lines of
    running text hold a run reaching past two columns' width whose words cut into columns'
    lines of about the width. ``running`` are the band's lines of running text, ``starts`` its
    columns' starts as ``_strips`` finds them by position."""
    width = _column_width(running)
    if width is None or len(running) < _MIN_LINES:
        return None
    # Figures set unspaced: no word of the band is half-width text alone (3 月 1 日 is spaced).
    pieces = [_pieces(runs) for runs in band]
    unspaced = not any(_HALF_WIDTH.fullmatch(p.text) for line in pieces for p in line)
    # Tight lines the columns' starts found by position (``starts``) do not cut (columns standing
    # at one position down the page, one space apart now and then, are cut there as before).
    tight = 0
    for runs in running:
        split = _split_at_starts(runs, starts)
        if any(r.end - r.start >= 2 * width for r in split) and len(
            _gutter_cut(_pieces(split), width, unspaced)
        ) > len(split):
            tight += 1
    if tight < max(_MIN_LINES, _NARROW_SHARE * len(running)):
        return None
    rows = [_gutter_cut(line, width, unspaced) for line in pieces]
    # A column's line follows the one before it on its row one space on, wherever the lines
    # stand: a row's lines are its columns' in order, from the first column (the positions of a
    # row starting further in tell which column it starts in: that of the line of the nearest
    # row starting at the first column it stands under).
    home = [n for n, cut in enumerate(rows) if cut and cut[0].start <= width // 2]

    def under(n: int, start: int) -> int | None:
        """The column of the line of the nearest row from the first column that ``start``
        stands under."""
        near = [
            (abs(m - n), i)
            for m in home
            for i, r in enumerate(rows[m])
            if r.start - _FULL_SLACK <= start < r.end
        ]
        return min(near)[1] if near else None

    drawn = _pitch(rows, width)

    def column_at(start: int) -> int:
        """The column a line standing where its column is drawn, at ``start``, is in."""
        if drawn is None:
            return round(start / (width + 1))
        return round((start - drawn[1]) / drawn[0])

    placed: list[list[tuple[int, _Run]]] = []
    unsure: set[tuple[int, str]] = set()
    for n, cut in enumerate(rows):
        line: list[tuple[int, _Run]] = []
        for run in cut:
            index = line[-1][0] + 1 if line else 0
            if drawn is not None and line and _stands_where_drawn(run, line[-1][1], width):
                # Two spaces or more after the line before it: nothing pushed it, it stands where
                # its column does (the column between stands empty on this row).
                index = max(index, column_at(run.start))
            # A head stands where it is drawn (heads never run on after a column's line), and so
            # does a line starting a row further in.
            if (not line and _stands_where_drawn(run, None, width)) or (
                line and not _RUNNING.search(run.text)
            ):
                found = under(n, run.start)
                if found is None and not line:
                    found = column_at(run.start)
                index = max(index, found or 0)
            line.append((index, run))
        placed.append(line)
        # (Letters, not positions: a letter-spaced line takes two positions a letter.)
        unsure.update((run.line, run.text) for run in cut if _letters(run.text) > width + _FULL_SLACK)
    out = _trim_blank_end(_emit(placed))
    # The column's line itself (the others of its row are cut right or wrong by their own width).
    return out, [
        at
        for at, (text, printed) in enumerate(out)
        if any(printed == line and piece in text for line, piece in unsure)
    ]
