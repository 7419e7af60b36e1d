"""Lays out known articles the way the paper prints them, so tests can check the cleaner
recovers them exactly.

The model, taken from the sample page: column-width lines (13–18 characters, ASCII half
width, curly quotes half width), a paragraph's first line indented by two, kinsoku (no line
starts with closing punctuation or ends with an opening one), column breaks as blank lines at
any line end that does not end a sentence, headlines printed after their bodies (one or two
lines, sometimes letter-spaced), subheads as short standalone lines, continuation markers on
their own line or inline, datelines with bylines, 简讯 briefs followed by the section word,
extraction spaces around numbers, and pages with or without blank lines between paragraphs.

Issue 10 adds the layouts unseen pages showed: subheads broken over two lines (with or without a
blank line between), 简讯 blocks mixing briefs with a dateline and no closing byline and briefs
with a closing byline and no dateline, a byline on its own line after the last paragraph right
above a headline (at the end of a file with no final newline, or mid-page), furniture (a folio on
top, 责任编辑 at the foot, photo captions between articles, （下转第N版） jump lines), and
headline-first pages: kicker (引题), headline, subtitle (副题, opening with —— when no kicker stands
above) before the dateline, and the section word before its briefs. A headline under a kicker is
set wide (one line wider than the column, or letter-spaced) or short: a full-width line after a
short one and a blank is, as far as text can tell, a paragraph's column break.

Issue 23 widens it to the forms other pages of this style print: editor lines naming several roles
(本版责任编辑：… 版式设计：… 校对：…), captions with their credit in its common forms (（本报记者 王明
摄）, 新华社记者 王明 摄 on a line of its own, （受访者供图）, a caption opening on its date rather than
图为), continuation markers bracketed or bare (■上接第N版, （上接第N版）, 上接第N版) and jump lines
bracketed or boxed (（下转第N版）, ■下转第N版 on a line of its own), a dateline run straight on
into its byline (本报讯（记者 王明）…), a subhead on one line up to a character short of the column,
and a subtitle (——…) under a headline printed after its body. (Headline-first pages opening on a
continued story, subhead shapes, datelines and bylines are drawn in test_layout_property.)
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace

from audio_edition.text.articles import Article, Furniture, FurnitureKind, HeadlinePosition
from audio_edition.text.layout import visual_width

NAMES = ("王明", "李华", "张 燕", "刘洋")  # a two-character name may be printed spaced: 张 燕
# The foot's editor line: one role or several, in the orders pages print them.
EDITOR_LINES = (
    "责任编辑：{0}",
    "本版责任编辑：{0} 版式设计：{1}",
    "本版责任编辑：{0}\u3000版式设计：{1}\u3000校对：{2}",
    "本版编辑：{0} 美编：{1}",
    "责任编辑 {0}  美术编辑 {1}",
    "版式设计：{1} 责任编辑：{0}",
    "本版主编：{0} 责任编辑：{1}",
    "图片编辑：{0} 责任校对：{1}",
)
# A photo caption's credit: closing its last line (bracketed, or set off by a space) or on a line
# of its own.
INLINE_CREDITS = (
    "（记者 {0} 摄）",
    "（本报记者 {0} 摄）",
    "（受访者供图）",
    "（呼伦贝尔市委宣传部供图）",
    " 本报记者 {0} 摄",
)
OWN_LINE_CREDITS = ("新华社发", "新华社记者 {0} 摄", "本报记者 {0} 摄", "（{0} 摄）")
MARKERS = ("■上接第{0}版", "■上接第{0}版", "（上接第{0}版）", "上接第{0}版")
_JUMP = re.compile(r"(?:■|（)下转第\d+版）?$")

CLOSERS = "，。、；：！？”’）》…—"
OPENERS = "“‘（《"


@dataclass(frozen=True)
class PageStyle:
    column: int  # full line width, 13–18
    blank_between_paragraphs: bool
    column_break_chance: float  # per eligible line end
    spaced_numbers: bool  # extraction put spaces around digits: 2023 年 10 月
    headlines: HeadlinePosition = HeadlinePosition.AFTER
    furniture: bool = False  # a folio on top, 责任编辑 at the foot, captions between articles
    final_newline: bool = True  # False: the file ends on its last line's last character
    page: int = 3  # the page number the folio prints
    # Forcing what is otherwise left to chance, so a test can lay out many pages of one kind:
    two_line_subheads: bool = False  # every subhead that can be is broken over two lines
    trailing_byline: bool = False  # the last article's byline stands on a line of its own at its end


@dataclass(frozen=True)
class LaidOutPage:
    """A page's text and what a careful reader finds in it: the articles (with the line each
    starts on) and the furniture."""

    text: str
    articles: list[Article]
    furniture: list[Furniture] = field(default_factory=list)


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
    kind: str  # paragraph | block | marker | section | furniture
    may_break_inside: bool = True
    starts: int | None = None  # the index of the article whose first line this is
    tight: bool = False  # no blank line before it, whatever the page's style
    furniture: FurnitureKind | None = None


CAPTION_WORDS = ("志愿者", "游客", "群众", "冰雪节", "演练现场", "草原", "那达慕", "工人", "生产线")


def lay_out_page(articles: list[Article], style: PageStyle, seed: int) -> str:
    """Print ``articles`` as one page's extracted text (see ``lay_out``)."""
    return lay_out(articles, style, seed).text


def lay_out(articles: list[Article], style: PageStyle, seed: int) -> LaidOutPage:
    """Print ``articles`` as one page's extracted text, and say where each article starts.

    Articles must follow the paper's conventions: every article but the first starts with a
    continuation marker or a dateline; briefs (section 简讯, no headline) come in runs, the first
    of a run with a dateline, each brief one paragraph.
    """
    rng = random.Random(seed)
    w = style.column
    before = style.headlines is HeadlinePosition.BEFORE
    pieces: list[_Piece] = []
    if style.furniture:
        pieces.append(_furniture(f"内蒙古日报 2023年12月25日 星期一 要闻 {style.page}", FurnitureKind.FOLIO))
    i = 0
    while i < len(articles):
        article = articles[i]
        if article.section == "简讯":
            if before:
                pieces.append(_Piece(["简讯"], "section", False))
            while i < len(articles) and articles[i].section == "简讯":
                pieces.extend(_article_pieces(articles[i], i, style, rng, i == len(articles) - 1))
                i += 1
            if not before:
                pieces.append(_Piece(["简讯"], "section", False))
            continue
        pieces.extend(_article_pieces(article, i, style, rng, i == len(articles) - 1))
        if style.furniture and i + 1 < len(articles) and rng.random() < 0.3:
            pieces.extend(_caption(w, rng))
        i += 1
    if style.furniture:
        names = rng.sample(NAMES, 3)
        pieces.append(_furniture(rng.choice(EDITOR_LINES).format(*names), FurnitureKind.EDITOR))

    out: list[str] = []
    starts: dict[int, int] = {}
    furniture: list[Furniture] = []
    previous: _Piece | None = None
    for piece in pieces:
        if previous is not None and not piece.tight:
            blank = (
                style.blank_between_paragraphs or piece.kind != "paragraph" or previous.kind != "paragraph"
            )
            if blank and out and out[-1] != "":
                out.append("")
        if piece.starts is not None:
            starts[piece.starts] = len(out) + 1
        if piece.furniture is not None:
            text = "".join(piece.lines) if piece.furniture is FurnitureKind.CAPTION else piece.lines[0]
            furniture.append(Furniture(piece.furniture, text, len(out) + 1))
        for n, line in enumerate(piece.lines):
            spaced = style.spaced_numbers and piece.kind != "furniture"
            text = _space_numbers(line, rng) if spaced else line
            out.append(text)
            jump = _JUMP.search(line)
            if jump:
                furniture.append(Furniture(FurnitureKind.JUMP, jump.group(0), len(out)))
            last = n == len(piece.lines) - 1
            if (
                not last
                and piece.may_break_inside
                and not _ends_sentence(line)
                and rng.random() < style.column_break_chance
            ):
                out.append("")
        previous = piece
    text = "\n".join(out) + ("\n" if style.final_newline else "")
    laid = [replace(article, line=starts.get(index)) for index, article in enumerate(articles)]
    return LaidOutPage(text, laid, furniture)


def _furniture(line: str, kind: FurnitureKind) -> _Piece:
    return _Piece([line], "furniture", False, furniture=kind)


def _caption(w: int, rng: random.Random) -> list[_Piece]:
    """A photo caption between two articles, with its credit inline or on a line of its own."""
    words = "".join(rng.choices(CAPTION_WORDS, k=rng.randint(2, 5)))
    name = rng.choice(NAMES).replace(" ", "")
    if rng.random() < 0.5:
        credit = rng.choice(INLINE_CREDITS).format(name)
        # Most captions open with 图为; those with an inline credit may open on the photo's date.
        opening = rng.choice(["图为", "图为", f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日，"])
        return [
            _Piece(
                _fill(f"{opening}{words}。{credit}", w, w),
                "furniture",
                False,
                furniture=FurnitureKind.CAPTION,
            )
        ]
    caption = _Piece(_fill(f"图为{words}。", w, w), "furniture", False, furniture=FurnitureKind.CAPTION)
    credit = rng.choice(OWN_LINE_CREDITS).format(name)
    if rng.random() < 0.5:
        caption.lines.append(credit)  # the credit on the caption's next line: one caption
        return [caption]
    return [caption, _Piece([credit], "furniture", False, furniture=FurnitureKind.CAPTION)]


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip("”’）)")
    return stripped.endswith(("。", "！", "？", "…"))


def _article_pieces(
    article: Article, index: int, style: PageStyle, rng: random.Random, last_on_page: bool
) -> list[_Piece]:
    w = style.column
    before = style.headlines is HeadlinePosition.BEFORE
    pieces: list[_Piece] = []
    if before and article.headline:
        pieces.extend(_headline_group(article, w, rng))
    paragraphs = list(article.paragraphs)
    inline_marker = ""
    if article.continued_from_page is not None:
        marker = rng.choice(MARKERS).format(article.continued_from_page)
        if rng.random() < 0.5 or article.dateline:
            pieces.append(_Piece([marker], "marker", False))
        else:
            inline_marker = marker + " "
    subheads = set(article.subheads)
    brief = article.section == "简讯"
    # A byline not printed after the dateline stands at the end: inline (briefs) or on its own line.
    forced_own_line = style.trailing_byline and last_on_page and not brief  # PageStyle.trailing_byline
    byline_after_dateline = bool(
        article.byline and article.dateline and not brief and not forced_own_line and rng.random() < 0.6
    )
    first_text = True
    for number, paragraph in enumerate(paragraphs):
        if paragraph in subheads:
            pieces.extend(_subhead_pieces(paragraph, w, rng, style.two_line_subheads))
            continue
        text = paragraph
        last = number == len(paragraphs) - 1
        own_line = False
        if last and article.byline and not byline_after_dateline:
            if not brief and (forced_own_line or rng.random() >= 0.3):
                own_line = True
            else:
                text = f"{text} （{article.byline}）"
        if first_text and article.dateline:
            byline = f"（{article.byline}）" if byline_after_dateline else ""
            if rng.random() < 0.5:
                pieces.append(_Piece([article.dateline], "paragraph", False))
                lines = _fill(byline + text, w, w)
                pieces[-1].lines.extend(lines)
            else:
                # Set off by a space or run straight on: 本报讯 （记者 王明）…, 本报讯（记者 王明）…
                space = rng.choice([" ", ""])
                lines = _fill(f"{article.dateline}{space}{byline}{text}", w - 2, w)
                pieces.append(_Piece(lines, "paragraph"))
        else:
            lines = _fill(text, w - 2, w)
            if first_text and inline_marker:
                lines[0] = inline_marker + lines[0]
            pieces.append(_Piece(lines, "paragraph"))
        if own_line:
            pieces[-1].lines.append(f"（{article.byline}）")
        if last and article.continued_on_page is not None:
            jump = f"（下转第{article.continued_on_page}版）"
            if rng.random() < 0.2:
                pieces[-1].lines.append(f"■下转第{article.continued_on_page}版")
            elif rng.random() < 0.5:
                pieces[-1].lines.append(jump)
            else:
                pieces[-1].lines[-1] += jump
        first_text = False
    pieces[0].starts = index
    if article.headline and not before:
        # Right under a byline on its own line, a headline wider than the column may follow with
        # no blank line between.
        tight = pieces[-1].lines[-1] == f"（{article.byline}）" and rng.random() < 0.5
        lines = [article.headline] if tight else _headline_lines(article.headline, w, rng)
        pieces.append(_Piece(lines, "block", False, tight=tight))
        if article.subtitle:  # headline-after pages print a subtitle (副题) under their headline too
            pieces.append(_Piece([article.subtitle], "block", False))
    return pieces


def _subhead_pieces(subhead: str, w: int, rng: random.Random, two_lines: bool = False) -> list[_Piece]:
    """A subhead: one line up to nearly the column's width, or short lines, sometimes
    (``two_lines``: whenever it is six characters or more and can be cut) broken over two lines
    with or without a blank between."""
    style = rng.choice(["two", "two-apart"] if two_lines else ["one", "two", "two-apart"])
    cut = next((subhead.index(s) + len(s) for s in ("——", "：") if s in subhead[:-2]), None)
    cut = cut or _balanced_cut(subhead)
    if style == "one" and visual_width(subhead) <= w - 1:
        # On one line a subhead may be nearly as wide as the column: 准备——热企陆续启动设备 in 14.
        return [_Piece([subhead], "block")]
    if style == "one" or cut is None or len(subhead) < 6:
        return [_Piece(_fill(subhead, w - 5, w - 5), "block")]
    first, second = subhead[:cut], subhead[cut:]
    if style == "two":
        return [_Piece([*_fill(first, w - 5, w - 5), *_fill(second, w - 5, w - 5)], "block", False)]
    return [
        _Piece(_fill(first, w - 5, w - 5), "block", False),
        _Piece(_fill(second, w - 5, w - 5), "block", False),
    ]


def _headline_group(article: Article, w: int, rng: random.Random) -> list[_Piece]:
    """Headline-first: kicker, headline and subtitle, each standing alone."""
    assert article.headline is not None
    pieces: list[_Piece] = []
    if article.kicker or article.subtitle:
        if article.kicker:
            pieces.append(_Piece([article.kicker], "block", False))
        wide = visual_width(article.headline) > w + 2 or visual_width(article.headline) <= w - 5
        spaced = (not wide or rng.random() < 0.3) and len(article.headline) >= 4
        lines = [_letter_space(article.headline)] if spaced else [article.headline]
    else:
        lines = _headline_lines(article.headline, w, rng)
    pieces.append(_Piece(lines, "block", False))
    if article.subtitle:
        pieces.append(_Piece([article.subtitle], "block", False))
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
