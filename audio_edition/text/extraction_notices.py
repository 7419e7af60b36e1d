"""Paid notices (遗失声明, 董事会公告, 开庭公告…) on an extractor's lines, known by their shape.

An extractor prints a notice's box as a few lines among the stories: its title and body on lines
of their own (most), on one line run together (遗失声明某某公司遗失…作废。), the body over the title
(pdfminer.six reads the box's larger type first), or the title apart from its body (pdftotext
prints a box's title among the heads of its row). ``notices`` says what a notice's title and body
are; here their lines are found and taken as an ad's furniture, never spoken:

- a title alone, the body on the lines right under it up to the line that closes a notice (its
  formula and full stop, its issuer, a date), or a block of its own right over it;
- a title run into its body on one line, the body closing a notice on it or on the lines under;
- a title alone and a body alone, each a block of its own, where the page holds one of each;
- a title alone over another column's line that ends, after a space, on the notice's whole body
  (a layout-mode line not cut apart): the body is cut off the line's end;
- a title and body run onto the end of a story's last sentence (PyMuPDF joining what shares a
  baseline): cut off at the sentence's end.

Where no cut is sure, nothing is taken and the story is warned (a doubt): a title over a body
with a notice's marks that closes nowhere near or shares its lines with another column's text,
or a title run onto a byline's name (no mark tells where the name ends).
"""

from __future__ import annotations

import re

from audio_edition.text.layout import Furniture, FurnitureKind
from audio_edition.text.notices import (
    NOTICE_FORMULA,
    NOTICE_MOST,
    NOTICE_TITLE_AT_START,
    NOTICE_WORDS,
    closes_a_notice,
    notice_body,
    notice_title,
    signs_a_notice,
    unspaced,
)

_BODY_LINES = 10  # lines at most in a notice's body as an extractor prints it (a narrow box wraps)
_GAP = 2  # blank lines at most between a notice's title and its body

_HALF_SURE = (
    "the line “{}” is shaped as a notice's title (声明, 公告, 启事) over text with a notice's marks, "
    "but where the notice ends is not clear: its text may be read into this story, or this story "
    "taken for a notice (read the PDF for this page)"
)


def _next(lines: list[str], n: int, step: int, gap: int = _GAP) -> int | None:
    """The next line with text from ``n`` going ``step``, over ``gap`` blank lines at most."""
    k, blanks = n, 0
    while 0 <= k < len(lines):
        if lines[k].strip():
            return k
        blanks += 1
        if blanks > gap:
            return None
        k += step
    return None


# Text of two columns on one line (pdfplumber, a layout-mode line not cut apart): a wide gap, or
# a space between two characters of running text, which no extractor puts inside a column's line
# (it spaces figures and Latin words only). A notice's contact details may be set apart by one.
_COLUMNS_JOINED = re.compile(
    r"\S[ 　]{2,}\S|[\u4e00-\u9fff，。；：、）”%][ 　](?!(?:电话|地址|联系|邮编|传真))[\u4e00-\u9fff（“]"
)


def _closed_body(lines: list[str], first: int) -> list[int] | None:
    """The lines of a notice's body from ``first`` down to the line that closes it, with nothing
    of a story's in them (``notices.notice_body``); None where no line near closes one, or where
    a line of it holds another column's text too (no sure cut)."""
    taken: list[int] = []
    for k in range(first, min(len(lines), first + _BODY_LINES)):
        if not lines[k].strip():
            # A blank line inside a notice's few lines: an extractor's block ends there.
            break
        if _COLUMNS_JOINED.search(lines[k].strip()):
            return None
        taken.append(k)
        text = "\n".join(lines[i] for i in taken)
        if len(unspaced(text)) > NOTICE_MOST:
            return None
        if closes_a_notice(lines[k]):
            if not notice_body(text):
                return None
            # Its issuer and date, each on a line of its own under the formula (…特此公告。 /
            # 某某股份有限公司董事会 / 2025年9月30日), close it too.
            while taken[-1] + 1 < len(lines) and signs_a_notice(lines[taken[-1] + 1]):
                taken.append(taken[-1] + 1)
            return taken
    return None


def _block_over(lines: list[str], title: int) -> list[int] | None:
    """A notice's body printed as a block of its own right over its title (blank lines around
    it, its last line closing a notice, a formula in it: a story's block ends otherwise)."""
    last = _next(lines, title - 1, -1)
    if last is None or last == title - 1 or not closes_a_notice(lines[last]):
        return None  # (a line right over the title, no blank between, is a story's running on)
    first = last
    while first > 0 and lines[first - 1].strip() and last - first < _BODY_LINES:
        first -= 1
    if first > 0 and lines[first - 1].strip():
        return None
    text = "\n".join(lines[first : last + 1])
    if any(_COLUMNS_JOINED.search(lines[k].strip()) for k in range(first, last + 1)):
        return None
    if not NOTICE_FORMULA.search(unspaced(text)) or not notice_body(text):
        return None
    return list(range(first, last + 1))


def _lone_block(lines: list[str], n: int) -> bool:
    """Whether line ``n`` stands alone between blank lines (or the page's ends)."""
    return (n == 0 or not lines[n - 1].strip()) and (n + 1 >= len(lines) or not lines[n + 1].strip())


def _bodies_alone(lines: list[str], taken: set[int]) -> list[list[int]]:
    """Blocks of their own (blank lines around them) that are a notice's whole body: a formula
    in them, their last line closing a notice."""
    blocks: list[list[int]] = []
    n = 0
    while n < len(lines):
        if not lines[n].strip() or n in taken or (n > 0 and lines[n - 1].strip()):
            n += 1
            continue
        end = n
        while end + 1 < len(lines) and lines[end + 1].strip():
            end += 1
        text = "\n".join(lines[n : end + 1])
        if (
            end - n < _BODY_LINES
            and closes_a_notice(lines[end])
            and NOTICE_FORMULA.search(unspaced(text))
            and notice_body(text)
            and not notice_title(lines[n])
            and not any(_COLUMNS_JOINED.search(lines[k].strip()) for k in range(n, end + 1))
        ):
            blocks.append(list(range(n, end + 1)))
        n = end + 1
    return blocks


def notices_by_shape(lines: list[str], furniture: list[Furniture]) -> tuple[list[str], list[tuple[int, str]]]:
    """The page's ``lines`` with its notices' lines taken out as an ad's ``furniture`` (see the
    module doc), and doubts (line, message) where a notice's title stands over text whose end
    is not clear."""
    kept = list(lines)
    doubts: list[tuple[int, str]] = []
    taken: set[int] = set()
    apart: list[int] = []  # titles alone whose body is nowhere near

    def take(indices: list[int]) -> None:
        for k in indices:
            furniture.append(Furniture(FurnitureKind.AD, kept[k].strip(), k + 1))
            kept[k] = ""
            taken.add(k)

    for n, raw in enumerate(lines):
        flat = unspaced(raw)
        if not flat or n in taken:
            continue
        if notice_title(flat):
            under = _next(kept, n + 1, 1)
            body = _closed_body(kept, under) if under is not None else None
            body = body or _block_over(kept, n)
            if body is not None:
                take([n, *body])
            elif under is not None and (cut := _body_at_end(kept[under])) is not None:
                # The body run onto the end of another column's line: the rest of it is kept.
                take([n])
                furniture.append(Furniture(FurnitureKind.AD, kept[under][cut:].strip(), under + 1))
                kept[under] = kept[under][:cut].rstrip()
                taken.add(under)
            elif _lone_block(kept, n):
                apart.append(n)
            elif under is not None and _marks_under(kept, under):
                doubts.append((under + 1, _HALF_SURE.format(raw.strip())))
            continue
        glued = NOTICE_TITLE_AT_START.match(flat)
        if glued is not None and glued.end() < len(flat):
            body = _closed_body(kept, n)
            if body is not None and NOTICE_FORMULA.search(unspaced("".join(kept[k] for k in body))):
                take(body)
                continue
        inside = _notice_inside(kept, n)
        if inside is not None:
            # Run onto the end of a story's last sentence: cut at the sentence's end.
            cut, more = inside
            furniture.append(Furniture(FurnitureKind.AD, kept[n][cut:].strip(), n + 1))
            kept[n] = kept[n][:cut].rstrip()
            take(more)
        elif _TITLE_AFTER_BYLINE.search(flat) and _marks_under(kept, n):
            # After a byline's name no mark tells where the name ends and the title starts.
            doubts.append((n + 1, _HALF_SURE.format(raw.strip())))
    # A title and a body printed apart, each a block of its own: paired where the page holds one
    # of each (two notices' would pair by guess).
    bodies = _bodies_alone(kept, taken)
    if len(apart) == 1 and len(bodies) == 1:
        take([apart[0], *bodies[0]])
    return kept, doubts


_WORDS = "|".join(NOTICE_WORDS)
# A notice's title right after a sentence's end inside a line (…同比增长两成。遗失声明某某公司…).
_TITLE_INSIDE = re.compile(rf"(?<=[。！？”）])[ 　]*(?=[\u4e00-\u9fff]{{0,6}}?(?:{_WORDS}))")
# A notice's title run onto a byline's name (…□本报记者 某某遗失声明…): no sure cut.
_TITLE_AFTER_BYLINE = re.compile(
    rf"(?:记者|通讯员)[\u4e00-\u9fff]{{2,4}}?[\u4e00-\u9fff]{{0,6}}?(?:{_WORDS})"
)


def _notice_inside(lines: list[str], n: int) -> tuple[int, list[int]] | None:
    """A notice run onto the end of line ``n`` after a sentence's end: where it starts on the line
    and the lines under it that are the rest of its body (the whole of it closing a notice, a
    formula in it, nothing of a story's). None if there is none."""
    line = lines[n]
    for match in _TITLE_INSIDE.finditer(line):
        rest = [line[match.end() :], *lines[n + 1 : n + _BODY_LINES]]
        if not line[: match.start()].strip():
            continue
        body = _closed_body(rest, 0)
        if body is not None and NOTICE_FORMULA.search(unspaced("".join(rest[k] for k in body))):
            return match.end(), [n + k for k in body[1:]]
    return None


def _body_at_end(line: str) -> int | None:
    """Where a whole notice's body starts at the end of a line after a space (another column's
    text before it, as a layout-mode line not cut apart prints it): the piece after the line's last
    space holds a notice's formula and closes a notice, with nothing of a story's. None if not."""
    head, space, tail = line.rstrip().rpartition(" ")
    if not space or not head.strip():
        return None
    if not (closes_a_notice(tail) and NOTICE_FORMULA.search(tail) and notice_body(tail)):
        return None
    return len(head) + 1


def _marks_under(lines: list[str], first: int) -> bool:
    """Whether the lines under a notice-shaped title carry a notice's formula near the top (its
    body, whose end no line tells)."""
    text = "".join(lines[first : first + 4])
    return NOTICE_FORMULA.search(unspaced(text)) is not None
