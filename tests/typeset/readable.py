"""Which stories of an extraction a person can read without trouble, told from the page's gold.

An extractor keeps a story readable when its text comes out in the order printed, a column's
worth of lines at a time, with its headline beside it. It spoils a story when it

- merges two columns into one line (pdftotext plain mode, where columns touch),
- interleaves two columns line by line (a run of one line of a story, then another's),
- prints a story's blocks out of order (pdfminer.six sorts text boxes its own way),
- leaves the headline away from its story (another story's text between them), or
- loses some of the story's text.

The extraction's lines are walked once, each gold story's text (its paragraphs, one string)
with a cursor: a line is the story's when the story's text at its cursor starts with it (a line
printed twice running, a bold struck twice, counts once). A line that fits no cursor is tried as pieces of two stories (a merged line), then as text elsewhere in
a story (out of order), then as a headline tier, dateline, byline or a piece of furniture, which
leave the reading alone. The issue's target (paragraph F1 on readable extractions) is measured
over the readable stories; an unreadable story must be warned instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

_SPACE = re.compile(r"\s+")
_JUMP = re.compile(r"^[■□◆]?[（(]?(?:上接|下转|转|接)第\d+版[）)]?$")
_JUMP_AT_EDGE = re.compile(r"^[■□◆]?[（(]?(?:上接|接)第\d+版[）)]?|[（(](?:下转|转)第\d+版[）)]$")
_HEAD_FIELDS = ("headline", "kicker", "subtitle", "dateline", "byline", "section")


def flat(text: str | None) -> str:
    """Text with whitespace removed and the PDF's own marks as the reader turns them."""
    return _SPACE.sub("", text or "").replace("\u2011", "-").replace("\u2010", "-").replace("⋯", "…")


@dataclass
class Story:
    """One gold story as found in an extraction."""

    body: str
    heads: tuple[str, ...]
    cursor: int = 0
    lines: list[int] = field(default_factory=list)  # line numbers (1-based) of its body lines
    head_lines: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # Printed side by side: where its text stands (line, first and past-last position of a run).
    places: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return not self.problems

    @property
    def span(self) -> tuple[int, int]:
        """First and last line of the extraction the story's text is on (heads included)."""
        every = self.lines + self.head_lines
        return (min(every), max(every)) if every else (0, -1)


def stories_of(gold_page: dict[str, Any], text: str) -> list[Story]:
    """The page's gold stories, each with the lines it took in ``text`` and what spoils it."""
    stories = [
        Story(
            "".join(flat(p) for p in article["paragraphs"]),
            _heads(article),
        )
        for article in gold_page["articles"]
    ]
    furniture = [flat(item["text"]) for item in gold_page["furniture"]]
    order: list[int] = []  # the story of each body line, in order
    previous: int | None = None
    lines = [_bare(raw) for raw in text.split("\n")]
    last = ""
    for number, line in enumerate(lines, 1):
        if not line:
            continue
        # A bold faked by striking twice comes out as a line printed twice running (PyMuPDF): a
        # reader sees the copy for what it is, so it leaves the reading alone.
        line, last = ("" if line == last else line), line
        if not line:
            continue
        following = [later for later in lines[number : number + 40] if later][:30]
        owners = _take(line, stories, previous, furniture, number, following)
        for owner in owners:
            stories[owner].lines.append(number)
        # A dateline or byline on the line of a story's first or last words is taken as a head,
        # but the line is the story's text too: it has its place in the order of body lines.
        owners += [i for i, s in enumerate(stories) if s.lines[-1:] == [number] and i not in owners]
        order.extend(owners)
        if owners:
            previous = owners[-1]
    for index, story in enumerate(stories):
        if story.cursor < len(story.body):
            story.problems.append(f"text lost after {story.body[story.cursor : story.cursor + 12]}")
        if _interleaved(_runs(order, index)):
            story.problems.append("interleaved with another column line by line")
        if story.head_lines and story.lines and not _heads_beside(story, stories):
            story.problems.append("headline away from its story")
    return stories


def _bare(raw: str) -> str:
    line = flat(raw)
    return line if _JUMP.match(line) else _JUMP_AT_EDGE.sub("", line)


def _heads(article: dict[str, Any]) -> tuple[str, ...]:
    """The story's printed heads, with the forms a dateline and byline take in print."""
    heads = [h for key in _HEAD_FIELDS if (h := flat(article.get(key)))]
    dateline, byline = flat(article.get("dateline")), flat(article.get("byline"))
    if byline:
        heads.append(f"（{byline}）")
        heads.append(f"{dateline}（{byline}）")
    return tuple(heads)


def _take(
    line: str,
    stories: list[Story],
    previous: int | None,
    furniture: list[str],
    number: int,
    following: Sequence[str],
) -> list[int]:
    """The stories ``line`` is body text of (advancing their cursors), noting what spoils them."""
    found = _at_cursor(line, stories, previous, following)
    if found is not None:
        stories[found].cursor += len(line)
        return [found]
    if _is_head_or_furniture(line, stories, furniture, number):
        return []
    pieces = _merged(line, stories, previous)
    if pieces:
        for owner in pieces:
            stories[owner].problems.append(f"line {number} merges two columns")
        return pieces
    for index, story in _by_preference(stories, previous):
        at = story.body.find(line)
        if at >= 0:
            story.problems.append(f"line {number} out of order")
            story.cursor = max(story.cursor, at + len(line))
            return [index]
    return []


def _at_cursor(line: str, stories: list[Story], previous: int | None, following: Sequence[str]) -> int | None:
    """The story whose text at its cursor starts with ``line``; where several do (stories share
    sentences), the one the following lines carry on the longest."""
    best, reach = None, -1
    for index, story in _by_preference(stories, previous):
        if not story.body.startswith(line, story.cursor):
            continue
        at, n = story.cursor + len(line), 0
        for later in following:
            if not story.body.startswith(later, at):
                break
            at, n = at + len(later), n + 1
        if n > reach:
            best, reach = index, n
    return best


def _by_preference(stories: list[Story], previous: int | None) -> list[tuple[int, Story]]:
    """Stories in the order a line is tried against them: the previous line's story first."""
    ranked = list(enumerate(stories))
    if previous is not None:
        ranked.insert(0, ranked.pop(previous))
    return ranked


def _is_head_or_furniture(line: str, stories: list[Story], furniture: list[str], number: int) -> bool:
    if _JUMP.match(line) or any(line in item for item in furniture):
        return True
    heads_of = [story for story in stories if any(line in head for head in story.heads)]
    if heads_of:
        if len(heads_of) == 1:  # a kicker several stories share places none of them
            heads_of[0].head_lines.append(number)
        return True
    # A dateline or byline (or the end of one wrapped from the line above) printed on the line
    # of the story's first words, or a closing byline on the line of its last.
    for story in stories:
        for head in story.heads:
            for k in range(min(len(line), len(head)), 0, -1):
                if head.endswith(line[:k]) and story.body.startswith(line[k:], story.cursor):
                    return _head_and_body(story, line[k:], number)
                if head.startswith(line[-k:]) and story.body.startswith(line[:-k], story.cursor):
                    return _head_and_body(story, line[:-k], number)
    return False


def _head_and_body(story: Story, body: str, number: int) -> bool:
    story.head_lines.append(number)
    if body:
        story.cursor += len(body)
        story.lines.append(number)
    return True


def _merged(line: str, stories: list[Story], previous: int | None) -> list[int]:
    """Stories whose text at their cursors makes up ``line`` in two or more pieces (two columns
    printed as one line); their cursors advance only if the whole line is accounted for."""
    rest, owners, moves = line, [], []
    while rest:
        best, length = None, 0
        for index, story in _by_preference(stories, previous):
            n = _common_prefix(rest, story.body, story.cursor + sum(m for i, m in moves if i == index))
            if n > length:
                best, length = index, n
        if best is None or length < 2:
            return []
        owners.append(best)
        moves.append((best, length))
        rest = rest[length:]
    if len(owners) < 2:
        return []
    for index, length in moves:
        stories[index].cursor += length
    return owners


def _common_prefix(text: str, body: str, start: int) -> int:
    n = 0
    while n < len(text) and start + n < len(body) and text[n] == body[start + n]:
        n += 1
    return n


def _runs(order: Sequence[int], index: int) -> list[int]:
    """Lengths of the runs of consecutive body lines that are story ``index``'s."""
    runs: list[int] = []
    current = 0
    for owner in order:
        if owner == index:
            current += 1
        elif current:
            runs.append(current)
            current = 0
    if current:
        runs.append(current)
    return runs


def _interleaved(runs: Sequence[int]) -> bool:
    """Whether a story's runs of body lines say another column's lines came between its own, a
    line or two at a time: two lone lines before its last run, or (a brief of a few lines,
    printed row by row) most of its runs a line or two. One short run is let pass: a story's
    first line beside its headline, the rest below, or its last line carried over."""
    short = sum(1 for run in runs if run <= 2)
    return sum(1 for run in runs[:-1] if run == 1) >= 2 or (len(runs) >= 2 and 2 * short > len(runs))


def _heads_beside(story: Story, stories: list[Story]) -> bool:
    """Whether the headline lines stand next to the story's text, before or after it, with no
    other story's body between."""
    others = {n for s in stories if s is not story for n in s.lines}
    first, last = min(story.lines), max(story.lines)
    for head in story.head_lines:
        if head < first and not any(head < n < first for n in others):
            continue
        if head > last and not any(last < n < head for n in others):
            continue
        if first <= head <= last:
            continue
        return False
    return True


# A page printed side by side (pdftotext -layout): each printed line of every column on one text
# line, at the character position its x on the page rounds to. A person reads such a page as it
# looks, a column down at a time wherever it stands, so stories side by side are no trouble; what
# spoils one is text the extractor lost or ran into another column's with no space between.

_INDENT = 4  # positions a column's line may start in from the line above (an indent, jitter)
_BELOW = 3  # lines down a column's next line may be (blank lines pdftotext puts in)


@dataclass
class _Piece:
    """What is left of one run of a printed line (text between runs of two spaces or more)."""

    line: int
    start: int
    end: int
    text: str


def layout_pieces(text: str) -> list[_Piece]:
    """The runs of ``text``'s lines, two spaces or more apart, with where each stands."""
    pieces = []
    for number, raw in enumerate(text.split("\n"), 1):
        for match in re.finditer(r"\S+(?: \S+)*", raw):
            pieces.append(_Piece(number, match.start(), match.end(), match.group()))
    return pieces


def stories_side_by_side(gold_page: dict[str, Any], text: str) -> list[Story]:
    """The page's gold stories as a person finds them in ``text`` printed side by side: each
    story's text is followed from run to run, down its column first (the run under the last one,
    overlapping it), else wherever its next words stand; a run may hold the story's words and,
    after a space, another column's (columns set tight), or a head's and then the story's (a
    dateline wrapped onto the first words). The story is spoiled only where its text is found
    nowhere: lost, or run into another column's with no space between."""
    pieces = layout_pieces(text)
    stories = []
    for article in gold_page["articles"]:
        story = Story("".join(flat(p) for p in article["paragraphs"]), _heads(article))
        _follow(story, pieces)
        for piece in pieces:
            bare = _bare(piece.text)
            if bare and any(bare in head for head in story.heads) and len(bare) >= 2:
                story.head_lines.append(piece.line)
                story.places.append((piece.line, piece.start, piece.end))
        stories.append(story)
    return stories


def _follow(story: Story, pieces: list[_Piece]) -> None:
    """Take ``story``'s text from ``pieces`` run by run (what is taken is gone from them)."""
    last: _Piece | None = None
    while story.cursor < len(story.body):
        best: tuple[tuple[int, int, int], _Piece, tuple[int, int, int]] | None = None
        for piece in pieces:
            fit = _fit(piece.text, story)
            if fit is None:
                continue
            skip, cut, advance = fit
            taken = _Piece(piece.line, piece.start + skip, piece.start + cut, "")
            if last is not None and _under(taken, last):
                rank = (1, last.line - piece.line, advance)
            else:
                # Stories share sentences: the run whose column carries on with the story's
                # text the furthest.
                rank = (0, 0, _reach(story, taken, advance, pieces))
            if best is None or rank > best[0]:
                best = (rank, piece, fit)
        if best is None:
            at = story.body[story.cursor : story.cursor + 12]
            story.problems.append(f"text lost or run into another column after {at}")
            return
        _, piece, (skip, cut, advance) = best
        story.cursor += advance
        story.lines.append(piece.line)
        story.places.append((piece.line, piece.start + skip, piece.start + cut))
        last = _Piece(piece.line, piece.start + skip, piece.start + cut, "")
        # What is left of the run: its text before the story's (another column's, a space
        # apart), and after.
        rest = piece.text[cut:]
        if rest.strip():
            start = piece.start + cut + len(rest) - len(rest.lstrip())
            pieces.append(_Piece(piece.line, start, piece.end, rest.strip()))
        piece.text = piece.text[:skip].rstrip()
        piece.end = piece.start + len(piece.text)


def _under(piece: _Piece, last: _Piece) -> bool:
    """Whether ``piece`` stands a line or few under ``last``, in its column."""
    return (
        0 < piece.line - last.line <= _BELOW
        and piece.start < last.end + _INDENT
        and piece.end > last.start - _INDENT
    )


def _reach(story: Story, taken: _Piece, advance: int, pieces: list[_Piece]) -> int:
    """How much of ``story``'s text the column from ``taken`` (the story's words at its cursor,
    ``advance`` long) down holds, up to 30 lines."""
    probe = Story(story.body, story.heads, story.cursor + advance)
    last, reached = taken, advance
    for _ in range(30):
        if probe.cursor >= len(probe.body):
            break
        nxt = next(
            (
                (p, f)
                for p in pieces
                if 0 < p.line - last.line <= _BELOW
                and (f := _fit(p.text, probe)) is not None
                and _under(_Piece(p.line, p.start + f[0], p.start + f[1], ""), last)
            ),
            None,
        )
        if nxt is None:
            break
        piece, (skip, cut, step) = nxt
        probe.cursor += step
        reached += step
        last = _Piece(piece.line, piece.start + skip, piece.start + cut, "")
    return reached


def _fit(raw: str, story: Story) -> tuple[int, int, int] | None:
    """Where in ``raw`` (from and to a space or its ends) ``story``'s text at its cursor is, and
    how far that moves the cursor: the longest such piece, the earliest in the run; it may open
    with the end of one of the story's heads or close with the start of one. A run holds two
    columns' text a space apart where columns are set tight."""
    spaces = [n for n, ch in enumerate(raw) if ch == " "]
    for skip in [0, *(n + 1 for n in spaces)]:
        for cut in reversed([n for n in spaces if n > skip] + [len(raw)]):
            advance = _fits(_bare(raw[skip:cut]), story)
            if advance is not None:
                return skip, cut, advance
    return None


def _fits(t: str, story: Story) -> int | None:
    """How far ``t`` moves ``story``'s cursor when it is the story's text there (``t`` opening
    with the end of a head or closing with the start of one), else None."""
    body, cursor = story.body, story.cursor
    if not t or cursor >= len(body):
        return None
    if body.startswith(t, cursor):
        return len(t)
    # The end of a head, then the story's first words.
    at = t.find(body[cursor], 1)
    while at > 0:
        if body.startswith(t[at:], cursor) and any(h.endswith(t[:at]) for h in story.heads):
            return len(t) - at
        at = t.find(body[cursor], at + 1)
    # The story's last words, then the start of a head (a closing byline).
    n = _common_prefix(t, body, cursor)
    if 0 < n < len(t) and cursor + n == len(body) and any(h.startswith(t[n:]) for h in story.heads):
        return n
    return None
