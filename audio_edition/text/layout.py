"""Layout repair: turn a page's column-width lines back into paragraphs and standalone blocks.

A printed page arrives as lines of one column's width (13–18 characters), blank lines at
column breaks *and* at paragraph ends, continuation markers, and headlines printed after their
bodies. What tells them apart:

- Inside a paragraph every line but the last is full (justified to the column); a paragraph's
  first line is indented, so it is shorter than the column. The column's width is read off the
  lines around each line: the width most of them could be full lines of (closing punctuation
  may hang past the edge, so widths alone would mislead).
- A blank line after a line that ends a sentence (。！？……, maybe with closing quotes or a
  byline) ends the paragraph. Any other blank line is a column break, unless it closes a
  *standalone block*: a run of short lines with no sentence end that closes what it opens,
  standing alone between blank lines and followed by an indented first line (a subhead), by
  the next article (a headline), or by a line set apart: letter-spaced, wider than the column or
  opening with a dash (a kicker over its headline, a headline over its subtitle). After a column
  break a full line follows.
- Pages without blank lines between paragraphs end a paragraph on a short last line, or on a
  full one when the next line is indented.
- A byline on a line of its own (``（记者 王明）``) ends its paragraph: whatever follows (a headline
  wider than the column) is never joined to the body.

Page furniture is taken out before any of this and recorded with its line: running heads and
folios (``内蒙古日报 2023年12月25日 星期一 要闻 3``), ``责任编辑：…`` lines, photo captions (``图为…``,
``（记者 王明 摄）``, ``新华社发``) and jump lines (``（下转第3版）``, which also tell the article goes on).
A furniture line is invisible to the layout: a paragraph broken around a folio is still one.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass, field

from audio_edition.text.decode import IDEOGRAPH
from audio_edition.text.furniture import (
    BRIEF_TITLES,
    CAPTION,
    CAPTION_OPENING,
    CREDIT_AT_END,
    CREDIT_BRACKETED,
    CREDIT_LINE,
    FOLIO_ALONE,
    FOLIO_DATE,
    FOLIO_NUMBER,
    is_editor_line,
)

# A sentence end at the end of a line, maybe with closing quotes and a byline such as （郝园园）.
_SENTENCE_END = re.compile(r"(?:[。！？!?]|……|…)[”’」』）)]*(?:（[^（）]{1,20}）)?$")
_MARKER = re.compile(
    r"^(?:■\s*|[（(]\s*(?=[上下]\s*[接转]\s*第\s*\d+\s*版\s*[）)]))?([上下])\s*[接转]\s*第\s*(\d+)\s*版\s*[）)]?\s*"
)
SECTION_WORDS = frozenset(BRIEF_TITLES)  # a box of briefs' title, read as the section its items stand in
SPACE_BETWEEN_CHINESE = re.compile(r"[^\x00-\x7f][ 　]+[^\x00-\x7f]")
"""A space between two Chinese characters: where an extractor printed two columns (or two heads)
on one line."""
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")
_ASCII_SPACE = re.compile(r"(?<=[0-9A-Za-z.%]) | (?=[0-9A-Za-z.%])")
_CLOSING = "，。、；：！？”’）》…"
_OPENING = "“‘（《"
_BYLINE_ONLY = re.compile(r"^（[^（）]{1,20}）$")
_WINDOW = 15  # text lines either side that define the local column width


class SegmentKind(enum.Enum):
    """What a piece of the page is, before we know which article it belongs to."""

    PARAGRAPH = "paragraph"
    BLOCK = "block"  # standalone text with no sentence end: a headline or a subhead
    MARKER = "marker"  # ■上接第N版: the article continues from page N
    SECTION = "section"  # a section word such as 简讯, printed after (or before) its items
    JUMP = "jump"  # （下转第N版）: the article being read goes on on page N
    BYLINE = "byline"  # a byline on a line of its own without brackets: 本报记者 王明


class FurnitureKind(enum.Enum):
    """Page furniture: printed on the page, recorded, never spoken."""

    FOLIO = "folio"  # running head / page number line: 内蒙古日报 2023年12月25日 星期一 要闻 3
    EDITOR = "editor"  # 责任编辑：… / 本版编辑：…
    CAPTION = "caption"  # 图为…（记者 … 摄） / 新华社发
    JUMP = "jump"  # （下转第N版）
    MASTHEAD = "masthead"  # the paper's name over the front page
    INDEX = "index"  # 今日导读 and its items (… 第2版)
    AD = "ad"  # 广告 / 公益广告 and the box's lines
    CHART = "chart"  # 图表：… and a chart's labels (单位：…, 数据来源：…)


@dataclass(frozen=True)
class Furniture:
    """One piece of furniture as printed, with the (1-based) line of the page file it starts on."""

    kind: FurnitureKind
    text: str
    line: int | None = None


@dataclass(frozen=True)
class Segment:
    """One piece of the page in reading order, its lines joined and respaced."""

    kind: SegmentKind
    text: str = ""
    page: int | None = None
    """For a MARKER: the page the article continues from."""
    display: bool = False
    """For a BLOCK: letter-spaced or wider than the column, as only headlines are."""
    line: int | None = None
    """The line of the page file (1-based) where it starts."""
    open_start: bool = field(default=False, repr=False, compare=False)
    """For a PARAGRAPH of an extractor's page: it opens mid-sentence (a full first line, no
    dateline), the rest of a paragraph printed elsewhere, not a paragraph's start. A reading
    hint, not part of what was read (left out of comparisons)."""
    bold_tier: int | None = field(default=None, repr=False, compare=False)
    """For a BLOCK of head tiers on an extractor's page: the one tier struck twice (a bold faked
    so, PyMuPDF and PDFium print it twice), the others once: the headline among them. A hint."""


@dataclass(frozen=True)
class Layout:
    """A page's text in reading order, and the furniture taken out of it."""

    segments: tuple[Segment, ...]
    furniture: tuple[Furniture, ...]


@dataclass(slots=True)
class TextLine:
    """One text line. Not frozen: ``measure_columns`` fills in ``column`` and ``dateline`` in place (a
    copy of every line was a tenth of cleaning's time). What the line tells by itself is read
    once, here: every test of a break asks it again."""

    text: str  # stripped, marker removed, spacing as printed
    width: float
    blank_before: bool = False
    hard_break_before: bool = False  # a marker or section word stands between this and the last line
    number: int = 0  # the line of the page file, 1-based
    column: float = 0.0  # the local column width (set by measure_columns)
    narrowest: float = 0.0  # the narrowest column it could be a full line of (set by measure_columns)
    dateline: bool = (
        False  # starts with a dateline, which may run on into the next line (set by measure_columns)
    )
    sentence_end: bool = field(init=False)  # ends_sentence(text)
    byline_only: bool = field(init=False)  # the whole line is a bracketed byline: （记者 王明）

    def __post_init__(self) -> None:
        self.sentence_end = ends_sentence(self.text)
        self.byline_only = bool(_BYLINE_ONLY.match(self.text.replace(" ", "")))


def repair_layout(text: str) -> list[Segment]:
    """Split a decoded page into paragraphs, blocks, markers and section words, in order."""
    return list(read_layout(text).segments)


def read_layout(text: str) -> Layout:
    """The page's segments in reading order, and its furniture (never part of any segment)."""
    furniture: list[Furniture] = []
    segments: list[Segment] = []
    for segment in _segments(measure_columns(text_lines(text, furniture))):
        caption = segment.kind in (SegmentKind.PARAGRAPH, SegmentKind.BLOCK) and _is_caption(segment.text)
        if caption:
            furniture.append(Furniture(FurnitureKind.CAPTION, segment.text, segment.line))
        else:
            segments.append(segment)
    furniture.sort(key=lambda f: f.line or 0)
    return Layout(tuple(segments), tuple(furniture))


def text_lines(text: str, furniture: list[Furniture]) -> Iterator[TextLine | Segment]:
    """Yield text lines (with what stood before them) and marker/section/jump segments; put
    furniture lines in ``furniture`` (they leave no trace in the flow, not even a blank)."""
    blank = False
    hard = False
    caption: list[str] = []  # the lines of a 图为… caption being read, until its credit or full stop
    caption_line = 0
    lines = [_SPACES.sub(" ", raw).strip() for raw in text.split("\n")]
    for number, line in enumerate(lines, 1):
        if caption and (not line or _ends_caption(caption, line)):
            furniture.append(
                Furniture(FurnitureKind.CAPTION, "".join(respace(c) for c in caption), caption_line)
            )
            caption = []
        if not line:
            blank = True
            continue
        opens_caption = (
            line.startswith(CAPTION_OPENING) or (blank or number == 1) and _credited_run(lines, number - 1)
        )
        if caption or opens_caption:
            caption_line = caption_line if caption else number
            caption.append(line)
            continue
        kind = furniture_line(line)
        if kind is not None:
            furniture.append(Furniture(kind, line, number))
            continue
        jump: Segment | None = None
        tail = _JUMP_AT_END.search(line)
        if tail:
            furniture.append(Furniture(FurnitureKind.JUMP, tail.group(0).strip(), number))
            jump = Segment(SegmentKind.JUMP, page=int(tail.group(1)), line=number)
            line = line[: tail.start()].strip()
        marker = _MARKER.match(line)
        if marker:
            if marker.group(1) == "上":
                yield Segment(SegmentKind.MARKER, page=int(marker.group(2)), line=number)
            else:  # ■下转第N版 at a line's start: recorded, never spoken
                furniture.append(Furniture(FurnitureKind.JUMP, marker.group(0).strip(), number))
                jump = jump or Segment(SegmentKind.JUMP, page=int(marker.group(2)), line=number)
            line = line[marker.end() :].strip()
            hard = True
        elif line.replace(" ", "") in SECTION_WORDS:
            yield Segment(SegmentKind.SECTION, text=line.replace(" ", ""), line=number)
            hard = True
            blank = False
            continue
        if line:
            yield TextLine(
                line, visual_width(line), blank_before=blank, hard_break_before=hard, number=number
            )
            blank = hard = False
        if jump is not None:
            yield jump
            hard = True
    if caption:
        furniture.append(Furniture(FurnitureKind.CAPTION, "".join(respace(c) for c in caption), caption_line))


def _credited_run(lines: list[str], start: int) -> bool:
    """Whether the few lines from ``start`` to the next blank line are a caption not opening with
    图为 (8月6日，那达慕… / …。（呼 / 伦贝尔市委宣传部供图）): a sentence closed by a photo
    credit, bracketed or set off by a space (…。 本报 / 记者 李华 摄)."""
    run: list[str] = []
    for line in lines[start : start + _CAPTION_LINES + 1]:
        if not line:
            break
        run.append(line)
    if len(run) > _CAPTION_LINES:
        return False  # longer than a caption
    # A caption is a sentence and its credit: what follows its last sentence end is the credit,
    # bracketed or not (a column's text broken off after …年拍摄 ends no sentence before it).
    *sentences, tail = _SENTENCE_STOP.split("".join(run))
    return bool(sentences) and bool(CREDIT_LINE.match(tail.strip()))


_CAPTION_LINES = 6  # lines a caption between two articles runs to, at most
_SENTENCE_STOP = re.compile(r"[。！？]")


def _ends_caption(caption: list[str], following: str) -> bool:
    """Whether a caption's last line so far is its last: it ends with the credit (bracketed, or
    set off by a space with no bracket left open), or with a full stop and the credit does not
    follow on a line of its own."""
    line = caption[-1]
    if CREDIT_BRACKETED.search(line.replace(" ", "")):
        return True
    if CREDIT_AT_END.search(line):
        text = "".join(caption)
        if text.count("（") + text.count("(") == text.count("）") + text.count(")"):
            return True
    return ends_sentence(line) and not CREDIT_LINE.match(following)


# （下转第3版） closing a line, or ■下转第3版 on a line of its own.
_JUMP_AT_END = re.compile(r"(?:■\s*)?[（(]?\s*下\s*转\s*第\s*(\d+)\s*版\s*[）)]?$")
_PUNCTUATION = re.compile(r"[，。；！？]")  # in a line, which is then text, not a folio or credit


def furniture_line(line: str) -> FurnitureKind | None:
    """What furniture a whole line is, if it is any."""
    if len(line) <= 48 and not _PUNCTUATION.search(line):
        if FOLIO_DATE.search(line) and ("报" in line or FOLIO_NUMBER.search(line)):
            return FurnitureKind.FOLIO
        if FOLIO_ALONE.match(line):
            return FurnitureKind.FOLIO
        if CREDIT_LINE.match(line):
            return FurnitureKind.CAPTION
    if is_editor_line(line):
        return FurnitureKind.EDITOR
    return None


def folio_number(furniture: tuple[Furniture, ...] | list[Furniture]) -> int | None:
    """The page number a folio prints (``… 要闻 3``, ``第3版``), if any folio prints one."""
    for piece in furniture:
        if piece.kind is FurnitureKind.FOLIO:
            found = FOLIO_NUMBER.search(FOLIO_DATE.sub(" ", piece.text).strip())
            if found:
                return int(next(g for g in found.groups() if g))
    return None


def _is_caption(text: str) -> bool:
    bare = text.replace(" ", "")
    # A caption opens with 图为 or closes with a credit's bracket: most segments do neither, and
    # this spares them the pattern's scan of their whole text.
    return (bare.startswith(CAPTION_OPENING) or bare.endswith(("）", ")"))) and bool(CAPTION.search(bare))


def measure_columns(items: Iterator[TextLine | Segment]) -> list[TextLine | Segment]:
    """Attach to every line the width of the column it stands in, read off its neighbours."""
    seq = list(items)
    lines = [item for item in seq if isinstance(item, TextLine)]
    spans = [_full_span(line, after) for line, after in zip(lines, [*lines[1:], None])]
    # The window of spans around each line, kept sorted as it slides (see _column_width).
    lows = sorted(low for low, _ in spans[: _WINDOW + 1])
    highs = sorted(high for _, high in spans[: _WINDOW + 1])
    for n, line in enumerate(lines):
        line.narrowest = spans[n][0]
        if n > _WINDOW:
            low, high = spans[n - _WINDOW - 1]
            del lows[bisect_left(lows, low)]
            del highs[bisect_left(highs, high)]
        if n and n + _WINDOW < len(spans):
            low, high = spans[n + _WINDOW]
            insort(lows, low)
            insort(highs, high)
        line.column = _column_width(lows, highs)
        # A dateline may run on into the next line, even across a column break.
        after = lines[n + 1] if n + 1 < len(lines) and not lines[n + 1].hard_break_before else None
        joined = line.text + (after.text if after else "")
        line.dateline = dateline_at_start(joined) is not None or (
            _under_a_paragraph_end(lines[n - 1] if n else None, line)
            and _dateline_off_lines(joined) is not None
        )
    return seq


def _under_a_paragraph_end(before: TextLine | None, line: TextLine) -> bool:
    """Whether ``line`` opens a paragraph for all its text tells: the page's first, after a blank
    line or a marker, or under a line ending a sentence. Only there is a dateline of a form some
    papers print (本报遵义讯) taken off an extraction's lines: in run-on lines it may be text."""
    return before is None or line.blank_before or line.hard_break_before or before.sentence_end


def _full_span(line: TextLine, after: TextLine | None) -> tuple[float, float]:
    """The column widths of which ``line`` could be a full line: its content fits (closing
    punctuation may hang past the edge; an opening one may pull the next character up) and
    the first character of the next line would not have."""
    text = line.text.rstrip(_CLOSING)
    if len(text) >= 2 and text[-2] in _OPENING:
        text = text[:-1]
    following = after.text[:1] if after is not None else ""  # lines are stripped: never a space
    # Widths add up character by character: the content's is the line's less what hangs.
    return line.width - visual_width(line.text[len(text) :]), line.width + max(
        visual_width(following), 0.5
    ) - 0.5


def tucked_quote(last: TextLine, line: TextLine, column: float) -> bool:
    """Whether a line ending on punctuation and the next, opening with a quote, are one printed
    line of a column ``column`` wide: a typesetter tucks an opening quote under the full stop
    before it (``吨。“饭``, both marks set half wide), and an extractor, finding the quote's box
    left of the full stop's end, starts a new line there. Together they fill about a column; a
    paragraph's last line and the next one's indented first line are wider than one column."""
    joined = last.width + line.width
    return (
        not line.blank_before
        and line.text[:1] in "“‘"
        and last.text[-1:] in "。！？；，、：”’"
        and not last.byline_only
        and column - 1.6 < joined <= column + 1.0
    )


def _column_width(lows: list[float], highs: list[float]) -> float:
    """The width that the most lines could be full lines of (the wider on a tie): in a run of
    paragraphs most lines are full; first lines (indented), last lines and headlines are not.

    ``lows`` and ``highs`` are the window's spans' ends, sorted. The spans holding a width w are
    those starting at or before it less those ending before it (a span's low <= its high): one
    bisection per candidate instead of a pass over every span. Candidates are tried from the
    widest down, and no more once fewer spans start at or below one than the best holds: full
    lines are the widest, so the narrower candidates are rarely looked at."""
    best, best_count = 0.0, 0  # a low's own span holds it: every candidate counts at least 1
    i = len(lows) - 1  # the last copy of the widest candidate: i + 1 spans start at or below it
    while i >= best_count:  # else at most i + 1 <= best_count spans hold lows[i]: none beats the best
        w = lows[i]
        count = i + 1 - bisect_left(highs, w)
        if count > best_count:  # strictly: on a tie the wider, tried first, stays
            best, best_count = w, count
        i = bisect_left(lows, w) - 1  # the last copy of the next narrower candidate
    return best


def _segments(seq: list[TextLine | Segment]) -> Iterator[Segment]:
    current: list[TextLine] = []  # lines of the paragraph or block being built
    candidate = False  # no line so far rules out a block (a sentence end, a dateline)
    standalone = False  # the current lines are a block that ends here
    for index, item in enumerate(seq):
        if isinstance(item, Segment):
            if current:
                yield _finish(current, standalone)
                current = []
            yield item
            continue
        following = seq[index + 1] if index + 1 < len(seq) else None
        if current and _breaks(current, item, standalone, following):
            yield _finish(current, standalone)
            current = []
        # A block may run over a column break (目标——兜牢民生“基本盘”绘就 / 共同富裕新图景).
        candidate = _could_stand_alone(item) and (candidate or not current)
        current.append(item)
        standalone = candidate
        if candidate and _ends_chunk(following):
            if len(current) > 1 and _ends_sentence_joined(current):
                # Not a block after all: a paragraph none of whose lines ends a sentence, though
                # the whole does (…民生！（记 / 者 薛来）).
                standalone = False
            elif isinstance(following, TextLine) and not _starts_article_next(following):
                # A block is short lines that close what they open (a quote, a book title), and
                # is followed by a paragraph's indented first line or by a line set apart:
                # otherwise the blank after it is a column break, and a full line follows. Before
                # an indented line the block's lines must be clearly short (a paragraph's first
                # line, indented, may be cut off by a column break too); no column break comes
                # before a line set apart, so lines short of full will do (a kicker nearly as
                # wide as the column, over a headline set wide). Nor before a short line that ends
                # no sentence: no paragraph carries on with one (a subhead nearly as wide as the
                # column, 准备——热企陆续启动设备, over a paragraph's indented first line).
                # Such a subhead may stand a character short of the column: nothing but a
                # justified full line is as wide.
                after = seq[index + 2] if index + 2 < len(seq) else None
                if following.text.startswith("—"):
                    fits = _any_width  # no column carries on with a dash: a subtitle follows
                elif _set_apart(following):
                    fits = _short_of_full
                elif _opens_paragraph(following, after):
                    fits = _short_of_column
                else:
                    fits = _short
                standalone = (
                    _balanced("".join(line.text for line in current))
                    and all(fits(line) or _display(line) for line in current)
                    and not _continues_column(following)
                )
    if current:
        yield _finish(current, standalone)


def _breaks(
    current: list[TextLine], line: TextLine, standalone: bool, following: TextLine | Segment | None
) -> bool:
    """Whether ``line`` starts a new segment after the lines in ``current``."""
    last = current[-1]
    if line.hard_break_before or line.dateline:
        return True
    if last.byline_only and len(current) > 1:
        return True  # a byline on its own line ends the article's text: a headline may follow
    if _ends_sentence_joined(current):
        if line.byline_only and not line.blank_before:
            return False  # a byline pushed onto a line of its own: （郝园园）, （记者 王明）
        if line.blank_before:
            return True
        # No blank line: a paragraph ends on a short line, or before an indented one. A
        # segment's first line is short by its own indent, so only the next line tells there.
        if len(current) > 1 and _short_of_full(last):
            return True
        if not _short_of_full(line):
            return False
        # A short line that itself ends a sentence may be this paragraph's last line instead:
        # it begins a new paragraph only if a full line of that paragraph follows it. A byline on
        # a line of its own is no paragraph's line, however wide (（记者 郝园园 通讯员 薛来）
        # nearly fills a column): the short line before it ends the article's last paragraph.
        return not line.sentence_end or (
            isinstance(following, TextLine)
            and not following.blank_before
            and not following.byline_only
            and not _short_of_full(following)
        )
    if line.blank_before:
        return standalone  # after a standalone block, not a column break
    return False


def _continues_column(line: TextLine) -> bool:
    """Whether ``line``, after a blank, could carry on a column's text: a full line, not one
    wider than the column or letter-spaced (a headline), nor one opening with a dash, which
    print never puts at a line's start (a subtitle: ——全区能源结构持续优化)."""
    return not _short_of_full(line) and not _display(line) and not line.text.startswith("—")


def _opens_paragraph(line: TextLine, after: TextLine | Segment | None) -> bool:
    """Whether ``line``, after a blank, can only open a paragraph (or a block): short of full, so
    no column's text carries on with it, and no paragraph's last line either: it ends no sentence
    (with the line after it neither: a byline broken after its bracket, …民生！（记 / 者 薛来）,
    ends one), or a full line of its paragraph follows it."""
    if not _short_of_full(line) or line.dateline:
        return False
    if not (isinstance(after, TextLine) and not after.blank_before and not after.hard_break_before):
        return not line.sentence_end
    broken_byline = "）" in after.text and "（" not in after.text and ends_sentence(line.text + after.text)
    if not line.sentence_end and not broken_byline:
        return True
    # It ends a sentence: a paragraph's last line, unless a full line of that paragraph follows.
    return not _short_of_full(after) and not _display(after)


def _set_apart(line: TextLine) -> bool:
    """Whether ``line`` is no column's running text at all: letter-spaced, opening with a dash,
    or wider than the column though no punctuation hangs past its edge (a headline set wide).
    Stricter than not ``_continues_column``: a full line whose closing ……” hangs out is wide."""
    return is_letter_spaced(line.text) or line.text.startswith("—") or line.narrowest > line.column + 1.5


def _ends_sentence_joined(lines: list[TextLine]) -> bool:
    """Whether the lines so far end a sentence, a byline broken over two lines included
    (…民生！（记 / 者 薛来）)."""
    if lines[-1].sentence_end:
        return True
    last = lines[-1].text
    return len(lines) > 1 and "）" in last and "（" not in last and ends_sentence(lines[-2].text + last)


def _could_stand_alone(line: TextLine) -> bool:
    return not line.sentence_end and not line.dateline


def _ends_chunk(following: TextLine | Segment | None) -> bool:
    """Whether a line followed by ``following`` ends a chunk of lines standing together."""
    return following is None or isinstance(following, Segment) or following.blank_before


def _starts_article_next(following: TextLine | Segment | None) -> bool:
    """A headline is followed by the next article: a marker, a section word, a dateline or the end."""
    if following is None or isinstance(following, Segment):
        return True
    return following.hard_break_before or following.dateline


def _short(line: TextLine) -> bool:
    """Clearly shorter than the column: well more than an indent short."""
    return line.width <= line.column - 4


def _any_width(line: TextLine) -> bool:
    """Any line: what stands before a line opening with a dash cannot run on into it."""
    return True


def _short_of_column(line: TextLine) -> bool:
    """At least a character short of the column: a full line is justified to its edge (a digit or
    quote, half width, may leave half a character)."""
    return line.width <= line.column - 1


def _short_of_full(line: TextLine) -> bool:
    """Not a full line: a paragraph's last line, or a first line shortened by its indent."""
    return line.width <= line.column - 1.5


def _display(line: TextLine) -> bool:
    return is_letter_spaced(line.text) or line.width > line.column + 1.5


_PAIRS = ("“”", "‘’", "《》", "（）", "「」", "『』")


def _balanced(text: str) -> bool:
    return all(text.count(pair[0]) == text.count(pair[1]) for pair in _PAIRS)


def _finish(lines: list[TextLine], standalone: bool) -> Segment:
    text = "".join(respace(line.text) for line in lines)
    if standalone and len(lines) > 1 and _ends_sentence_joined(lines):
        standalone = False  # see _segments: a block never ends a sentence
    if standalone:
        return Segment(
            SegmentKind.BLOCK, text, display=any(_display(line) for line in lines), line=lines[0].number
        )
    return Segment(SegmentKind.PARAGRAPH, text, line=lines[0].number)


# Papers close a dated dateline with 电 (wired) or 讯 (本报成都1月9日讯: the paper's own report).
# Within the month a dateline may give the day alone (新华社北京6日电, 本报沧州3日讯), and a wire
# story reprinted may name its agency alone (据新华社电). The day alone is not taken before a
# word 电 opens (…3日电话, 电视): running text may start so.
OUTLETS = "本报|新华社|中新社|中新网|人民网|央视网|央广网|光明网|新华网|中国日报网|中国新闻网|人民日报|光明日报|经济日报"
"""The outlets a dateline names (as a regular expression's alternatives): the paper itself, the agencies, the news sites."""
_NOT_WIRED = "话视脑影力网梯器池动缆线站价费台报"  # what follows 电 opening a word (电话, 电视)
_WIRED = f"电(?![{_NOT_WIRED}])"  # 电 closing a dateline, not opening a word
_DATELINE = re.compile(
    rf"^(?:据)?(?:(?:{OUTLETS})[^，。：、“”（）\d]{{0,12}}?\s*"
    rf"(?:\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*[电讯]|\d{{1,2}}\s*日\s*(?:{_WIRED}|讯))"
    rf"|本报讯|(?:新华社|中新社){_WIRED}"
    # A news site's report (央视网消息, 某某网消息): a site's name ends in 网, whatever it is, but
    # for words that end so (互联网消息传得快); the text may run on with no space (央视网消息据…),
    # while 消息 followed by a comma or 称 is running text's attribution (据澎湃网消息，…).
    rf"|(?:{OUTLETS}|(?!互联网|物联网|电网|因特网)[\u4e00-\u9fff]{{1,5}}网)消息(?![，,称])"
    ")"
)


def dateline_at_start(text: str) -> re.Match[str] | None:
    """Match a dateline (``本报巴彦淖尔12月24日电``, ``新华社北京1月28日电``, ``本报成都1月9日讯``,
    ``新华社北京6日电``, ``本报讯``, ``据新华社电``, ``央视网消息``) at the start, or an outlet no
    list names in a sure form (``某某网北京4月24日讯``, ``某某网讯（记者…）``)."""
    return _DATELINE.match(text) or _SURE_SHAPE.match(text)


# Forms of a dateline some papers print besides those above, read where the page shows where a
# paragraph starts (the PDF route). A regional paper's own report names its town and no date
# (本报遵义讯, 新华社拉萨电): a few characters of a place between the outlet and 讯/电, none of them a
# role's (本报记者, 本报通讯员) and 电 not opening a word (电子, 电商).
_WIRED_CLOSE = f"电(?![{_NOT_WIRED}子商竞信量源压路气流])"
_PLACE_ONLY = (
    rf"(?:{OUTLETS})(?:(?!记者|通讯|编辑)[\u4e00-\u9fff]){{1,6}}?(?:讯(?![员息号录])|{_WIRED_CLOSE})"
)
# A broadcaster's report reprinted names it after 据, and runs on with no comma (据某某新闻（记者…）…):
# an attribution in running text goes on 报道/消息/称 or a comma, or names a channel (频道, 联播).
_AFTER_NEWS = r"据[\u4e00-\u9fff]{1,4}新闻(?![报消称频联网客道播，,：:、。])"
# An outlet not named above is known by its shape where the rest of the dateline is sure: a name
# ending as outlets' names end (某某网, 某某社, 某某日报, 某某台, 某某新闻), maybe after 据, then a
# place and a date closed by 讯/电 (某某网北京4月24日讯), or 讯/电 at once before a byline's
# bracket (某某网讯（记者…）) or, after 讯, running text. The name holds no word of running text's
# (该报社…, 通过某网…) nor a listed outlet (a head run on into 本报讯: 秋粮归仓本报讯), and 电 opens
# no word (合作社3日电商…).
_NAME_CHAR = rf"(?:(?![该此这那其各每的了是在从向对把被将为]|{OUTLETS})[\u4e00-\u9fff])"
_OUTLET_SHAPE = rf"(?:{_NAME_CHAR}{{1,7}}(?:网|社|报|台)|{_NAME_CHAR}{{1,6}}新闻)"
# The sure closes: a place and a date closed by 讯/电, or 讯/电 before a byline's bracket. After a
# month and a day 电 closes the dateline even where the body runs on with a word 电 would open
# (…5月18日电商务部门…), but for the words running text puts after a date (4月2日电脑销量, 电视);
# after a day alone it opens no word at all.
_DATED_CLOSE = (
    rf"(?:(?!记者|通讯|编辑){_NAME_CHAR}){{0,6}}?\s*"
    rf"(?:\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*(?:讯|{_WIRED})|\d{{1,2}}\s*日\s*(?:讯|{_WIRED_CLOSE}))"
)
_BYLINE_CLOSE = rf"(?:讯|{_WIRED_CLOSE})(?=\s*[（(])"
_SHAPED = rf"(?:据)?{_OUTLET_SHAPE}(?:{_DATED_CLOSE}|{_BYLINE_CLOSE}|讯(?![员息号录]))"
# More forms a dateline takes where a paragraph's start is known, each closed surely:
# - an outlet of a name's shape and its town, no date (某某报临川讯), or a bureau (本报驻某地记者站讯);
# - a town's own report, no outlet (某某区讯): a place's few characters and 讯, none of the words
#   running text opens on 讯 with (通讯, 资讯, 喜讯, 简讯…);
# - a report named 消息 after a date or an app (某某新闻客户端消息, 某某网某地5月2日消息) or 专电 (某社某地2日体育专电),
#   the date maybe with its weekday (5月2日（周日）电);
# - a report reprinted or gathered (据某某新闻报道, 综合某社、某某新闻报道) run on with no comma.
_TOWN = r"[\u4e00-\u9fff]{1,6}?"
REPORT_XUN = "(?<![通资喜简快电音审传闻短死凶噩佳捷警问初质侦提刑])讯(?![员息号录问])"
"""讯 closing a report's dateline (某某区讯), not running text's words (通讯, 喜讯, 闻讯; 讯息, 讯问)."""
_NEWS_CLOSE = r"(?:讯(?![员息号录问])|[\u4e00-\u9fff]{0,2}专电)"
_NEWS_AS_MESSAGE = (
    r"消息(?![称，,：:、。])"  # only after a date or a 客户端: 某某网消息传得快 is running text
)
_WEEKDAY = r"[（(](?:周|星期)[一二三四五六日天][）)]"
_MORE_FORMS = (
    rf"(?:(?:{OUTLETS}|{_OUTLET_SHAPE})(?:客户端)?(?:(?!记者|通讯|编辑){_TOWN})?"
    rf"(?:\d{{1,2}}\s*月\s*)?(?:\d{{1,2}}\s*日\s*(?:{_WEEKDAY})?)?{_NEWS_CLOSE}"
    rf"|(?:{OUTLETS}|{_OUTLET_SHAPE})(?:客户端|(?:(?!记者|通讯|编辑){_TOWN})?\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)"
    rf"\s*{_NEWS_AS_MESSAGE}"
    rf"|(?:{OUTLETS}|{_OUTLET_SHAPE})驻{_TOWN}记者站讯"
    rf"|(?:{OUTLETS})(?:(?!记者|通讯|编辑)[\u4e00-\u9fff]){{1,6}}?\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*{_WEEKDAY}\s*[电讯]"
    rf"|{_NAME_CHAR}{{2,5}}?{REPORT_XUN}"
    rf"|(?:据|综合)[\u4e00-\u9fff、]{{2,14}}?报道(?![称，,：:、。])"
    r")"
)
_ANY_FORM = rf"(?:{_DATELINE.pattern.removeprefix('^')}|{_PLACE_ONLY}|{_AFTER_NEWS}|{_SHAPED}|{_MORE_FORMS})"
# In an extraction's run-on lines, only the shapes whose close is sure.
_SURE_SHAPE = re.compile(rf"^(?:据)?{_OUTLET_SHAPE}(?:{_DATED_CLOSE}|{_BYLINE_CLOSE})")
# Some papers set the dateline off in lenticular brackets (【新华社北京6日电】).
_ANY_DATELINE = re.compile(rf"^(?:【\s*{_ANY_FORM}\s*】|{_ANY_FORM})")


def dateline_in_any_form(text: str) -> re.Match[str] | None:
    """Match a dateline at the start in any of dateline_at_start's forms, or the town without a date
    (``本报遵义讯``, ``新华社拉萨电``), a broadcaster's report (``据某某新闻``), any of them in 【】
    (``【新华社北京6日电】``). For text whose paragraph starts are known (a PDF's lines, the
    segments an extraction's lines were joined into): in run-on lines these forms would start
    stories where none starts."""
    return _ANY_DATELINE.match(text)


def _dateline_off_lines(text: str) -> re.Match[str] | None:
    """Match a dateline in any form (dateline_in_any_form) at the start of text an extractor
    printed, where a paragraph is known to start: a broadcaster's name after 据 only with its
    byline's bracket after it (据某某新闻（记者…）), as running text's 据市新闻中心介绍 never has."""
    found = dateline_in_any_form(text)
    if found is None or not found.group(0).startswith("据") or dateline_at_start(text):
        return found
    if found.group(0).endswith(("讯", "电")):  # an outlet's shape: its dateline is closed
        return found
    return found if text[found.end() : found.end() + 1] in ("（", "(", "") else None


def ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence: 。！？ or ……, maybe with closing quotes or a byline."""
    return bool(_SENTENCE_END.search(text.replace(" ", "")))


def visual_width(text: str) -> float:
    """Width in columns of full-width characters.

    ASCII and curly quotes count half (the paper sets quotes proportionally), spaces nothing.
    """
    return len(text) - text.count(" ") - 0.5 * len(_HALF_WIDTH.findall(text))


# Below U+2E80 (CJK) every character but the space (no width), — and … (full) is half width.
_HALF_WIDTH = re.compile("[\x00-\x1f\x21-\u2013\u2015-\u2025\u2027-\u2e7f]")


FIGURES_RUN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,%:/\-]*")  # a run of figures or Latin letters
_CHINESE_BESIDE = re.compile(r"[\u2e80-\u9fff\uff00-\uffef]")
_SQUEEZABLE_MARKS = re.compile("[，。、；：！？（）《》「」]")


def figures_allowance(text: str) -> float:
    """How much wider than they count (half a character each) a line's runs of figures or Latin
    letters may be set: a little wider each, and a thin space where a run meets Chinese."""
    bare = text.replace(" ", "")
    extra = 0.0
    for run in FIGURES_RUN.finditer(bare):
        extra += 0.08 * len(run.group())
        extra += 0.25 * sum(
            1
            for at in (run.start() - 1, run.end())
            if 0 <= at < len(bare) and _CHINESE_BESIDE.match(bare[at])
        )
    return extra


def counted_as_set(line: TextLine) -> float:
    """The line's width as a typesetter that justifies by squeezing marks sets it: its marks half
    wide, its figures a little wider than half a character (``figures_allowance``)."""
    return line.width - 0.5 * len(_SQUEEZABLE_MARKS.findall(line.text)) + figures_allowance(line.text)


def is_letter_spaced(text: str) -> bool:
    """A headline set with a space between its characters (``基 础 实 战 演 练``)."""
    if " " not in text:
        return False  # most lines: the split below would find one token
    # Spaces around digits are extraction's, not letter-spacing: 新华社包头 9 月9 日电 （记者 郝
    tokens = _ASCII_SPACE.sub("", text).split(" ")
    # A spaced letter may carry a quote or a bracket (下“, ”); two characters set solid are a word,
    # as in a byline's names (者 薛来 王明）…: a byline broken after its first character).
    singles = sum(1 for t in tokens if len(t) <= 2 and len(IDEOGRAPH.findall(t)) <= 1)
    return len(tokens) >= 3 and singles >= 0.6 * len(tokens) and bool(IDEOGRAPH.search(text))


def respace(text: str) -> str:
    """Remove the spaces extraction left: all of them in a letter-spaced line, otherwise every
    space not standing between two Chinese characters (those may be real: ``大地欢歌 魅力``)."""
    if " " not in text:
        return text
    if is_letter_spaced(text):
        return text.replace(" ", "")
    return _EXTRACTION_SPACE.sub("", text)


# A space with no Chinese character before it, or none after it (the text's ends count as none).
_EXTRACTION_SPACE = re.compile(rf"(?<!{IDEOGRAPH.pattern}) | (?!{IDEOGRAPH.pattern})")
