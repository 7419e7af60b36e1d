"""Lays out known articles the way the paper prints them, so tests can check the cleaner
recovers them exactly.

The model, taken from the sample page: column-width lines (13–18 characters, ASCII half
width, curly quotes half width), a paragraph's first line indented by two, kinsoku (no line
starts with closing punctuation or ends with an opening one), column breaks as blank lines at
any line end that does not end a sentence, headlines printed after their bodies (one or two
lines, sometimes letter-spaced), subheads as short standalone lines, continuation markers on
their own line or inline, datelines with bylines, 简讯 briefs followed by the section word,
extraction spaces around numbers, and pages with or without blank lines between paragraphs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from audio_edition.text.articles import Article
from audio_edition.text.layout import visual_width

CLOSERS = "，。、；：！？”’）》…—"
OPENERS = "“‘（《"


@dataclass(frozen=True)
class PageStyle:
    column: int  # full line width, 13–18
    blank_between_paragraphs: bool
    column_break_chance: float  # per eligible line end
    spaced_numbers: bool  # extraction put spaces around digits: 2023 年 10 月


def _fill(text: str, first: int, rest: int) -> list[str]:
    """Break ``text`` into lines of width ``first`` then ``rest``, obeying kinsoku."""
    lines: list[str] = []
    current = ""
    capacity = first
    i = 0
    while i < len(text):
        char = text[i]
        if current and visual_width(current + char) > capacity:
            # Closing punctuation may not start a line: it hangs on this one, except on a
            # paragraph's first line, where the last character goes down with it instead
            # (keeping the indent visible).
            if not lines and first < rest and text[i] in CLOSERS:
                back = len(current) - 1
                while back > 0 and (current[back] in CLOSERS + OPENERS or current[back - 1] == " "):
                    back -= 1
                if back > 0:
                    i -= len(current) - back
                    current = current[:back]
            while i < len(text) and text[i] in CLOSERS:
                current += text[i]
                i += 1
            # Opening punctuation may not end a line: on a paragraph's first line it moves
            # down (keeping the indent visible); elsewhere the next character comes up. A
            # space at a line's end would vanish in print (``记者 薛来``): the next character
            # comes up; a space before a bracket that moved down is dropped, as print drops it.
            carried = ""
            while i < len(text) and len(current) > 1:
                if current.endswith(" "):
                    current += text[i]
                    i += 1
                elif current[-1] in OPENERS and not lines and first < rest:
                    carried = current[-1] + carried
                    current = current[:-1].rstrip(" ")
                elif current[-1] in OPENERS:
                    current += text[i]
                    i += 1
                else:
                    break
            lines.append(current)
            current = carried
            capacity = rest
            continue
        current += char
        i += 1
    if current:
        lines.append(current)
    return lines


def _space_numbers(line: str, rng: random.Random) -> str:
    out = []
    for i, char in enumerate(line):
        prev = line[i - 1] if i else ""
        if i and (char.isdigit() != prev.isdigit()) and rng.random() < 0.5:
            if char not in CLOSERS and prev not in OPENERS and char not in ".%" and prev != ".":
                out.append(" ")
        out.append(char)
    return "".join(out)


def _letter_space(text: str) -> str:
    return " ".join(text)


@dataclass
class _Piece:
    """A laid-out run of lines and how it joins what comes before it."""

    lines: list[str]
    kind: str  # paragraph | block | marker | section
    may_break_inside: bool = True


def lay_out_page(articles: list[Article], style: PageStyle, seed: int) -> str:
    """Print ``articles`` as one page's extracted text.

    Articles must follow the paper's conventions: every article but the first starts with a
    continuation marker or a dateline; briefs (section 简讯, no headline) come in runs with
    datelines and end bylines.
    """
    rng = random.Random(seed)
    w = style.column
    pieces: list[_Piece] = []
    i = 0
    while i < len(articles):
        article = articles[i]
        if article.section == "简讯":
            while i < len(articles) and articles[i].section == "简讯":
                pieces.extend(_article_pieces(articles[i], w, rng))
                i += 1
            pieces.append(_Piece(["简讯"], "section", False))
            continue
        pieces.extend(_article_pieces(article, w, rng))
        i += 1

    out: list[str] = []
    previous: _Piece | None = None
    for piece in pieces:
        if previous is not None:
            blank = (
                style.blank_between_paragraphs
                or piece.kind != "paragraph"
                or previous.kind != "paragraph"
            )
            if blank and out and out[-1] != "":
                out.append("")
        for n, line in enumerate(piece.lines):
            text = _space_numbers(line, rng) if style.spaced_numbers else line
            out.append(text)
            last = n == len(piece.lines) - 1
            if (
                not last
                and piece.may_break_inside
                and not _ends_sentence(line)
                and rng.random() < style.column_break_chance
            ):
                out.append("")
        previous = piece
    return "\n".join(out) + "\n"


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip("”’）)")
    return stripped.endswith(("。", "！", "？", "…"))


def _article_pieces(article: Article, w: int, rng: random.Random) -> list[_Piece]:
    pieces: list[_Piece] = []
    paragraphs = list(article.paragraphs)
    inline_marker = ""
    if article.continued_from_page is not None:
        marker = f"■上接第{article.continued_from_page}版"
        if rng.random() < 0.5 or article.dateline:
            pieces.append(_Piece([marker], "marker", False))
        else:
            inline_marker = marker + " "
    subheads = set(article.subheads)
    first_text = True
    for index, paragraph in enumerate(paragraphs):
        if paragraph in subheads:
            pieces.append(_Piece(_fill(paragraph, w - 5, w - 5), "block"))  # subheads are short
            continue
        text = paragraph
        if index == len(paragraphs) - 1 and article.byline and article.section == "简讯":
            text = f"{text} （{article.byline}）"
        if first_text and article.dateline:
            byline = f"（{article.byline}）" if article.byline and article.section != "简讯" else ""
            if rng.random() < 0.5:
                pieces.append(_Piece([article.dateline], "paragraph", False))
                lines = _fill(byline + text, w, w)
                pieces[-1].lines.extend(lines)
            else:
                lines = _fill(f"{article.dateline} {byline}{text}", w - 2, w)
                pieces.append(_Piece(lines, "paragraph"))
        else:
            lines = _fill(text, w - 2, w)
            if first_text and inline_marker:
                lines[0] = inline_marker + lines[0]
            pieces.append(_Piece(lines, "paragraph"))
        first_text = False
    if article.headline:
        pieces.append(_Piece(_headline_lines(article.headline, w, rng), "block", False))
    return pieces


def _headline_lines(headline: str, w: int, rng: random.Random) -> list[str]:
    style = rng.choice(["one", "two", "spaced", "two-spaced"])
    if style == "one" or len(headline) < 6:
        return [headline]
    if any(c.isascii() for c in headline):
        style = "two"  # letter-spacing is for short all-Chinese lines; digits stay set solid
    if style == "spaced":
        return [_letter_space(headline)]
    cut = _balanced_cut(headline)
    if cut is None:
        return [headline]
    first, second = headline[:cut], headline[cut:]
    if style == "two-spaced":
        second = _letter_space(second)
    return [first, second]


def _balanced_cut(text: str) -> int | None:
    """A cut near the middle that does not start the second line with closing punctuation."""
    for offset in range(len(text) // 2):
        for cut in (len(text) // 2 + offset, len(text) // 2 - offset):
            if 2 <= cut <= len(text) - 3 and text[cut] not in CLOSERS and text[cut - 1] not in OPENERS:
                return cut
    return None
