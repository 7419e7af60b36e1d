"""Boxes' titles and labels known by their shape on an extractor's lines, whatever their words.

``extraction_furniture`` takes a box's lines by its title's words (今日导读, 广告) and, without
them, takes the lines whose shape no story's line has (an index item ending on its page, a phone
number). What it leaves is the title or label of a box it does not know by name (本期提要, 今日关注,
商讯, 推广, 公益宣传), which the reader would speak as a head. Here the box's own lines, taken
already or told by their shape, tell it, as the PDF route tells such boxes (``pdf.regions``:
``_index_by_items``, ``_ad_by_shape``):

- an index's title: a short line with no mark (``furniture.BOX_TITLE``) just over its run of items
  (or at the end of the line over them, a space between, as PDFium prints a title beside a head);
  where the extractor printed it apart from them (pdftotext prints a box's title among the heads
  of the page's top row), the one such line on the page standing alone between blank lines;
- an ad's label: a short line with no mark next to the ad's lines (a phone number taken already)
  or its slogan (short phrases set apart by spaces, ``furniture.SLOGAN_PHRASES``), in either
  order; the slogan is the ad's too.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator

from audio_edition.text.extraction_furniture import BYLINE_LINE, filled_line
from audio_edition.text.furniture import (
    BOX_TITLE,
    CHART_SOURCE,
    CHART_TITLE_PLAIN,
    INDEX_TITLE,
    PAGE_REF_LINE,
    SLOGAN_PHRASES,
    is_editor_line,
)
from audio_edition.text.layout import (
    SECTION_WORDS,
    Furniture,
    FurnitureKind,
    Segment,
    SegmentKind,
    TextLine,
    dateline_at_start,
    ends_sentence,
    furniture_line,
)

_LABEL_MOST = 4  # characters at most in an ad's label (公益宣传) or an index's title far from its items
_NEAR = 3  # lines (blank ones among them) between a box's title and its first or last line
_SENTENCE_MARK = re.compile(r"[，。；！？]")  # a head carries none (a colon it may)
_IDEOGRAPH_END = re.compile(r"[\u4e00-\u9fff%]$")  # a head may end on its figure's % (增长5.3%)
_RUN_GAP = 3  # lines from one item of an index to the next within one run


def _bare(line: str) -> str:
    return re.sub(r"[\s　]+", "", line)


def _label(line: str) -> bool:
    """A line shaped as a box's title or label: a few characters, no mark, no dateline, none of
    the section names a box of briefs is read under, nothing ``layout`` takes as furniture."""
    bare = _bare(line)
    return (
        bool(BOX_TITLE.match(bare))
        and bare not in SECTION_WORDS
        and dateline_at_start(bare) is None
        and furniture_line(line.strip()) is None
    )


def _runs(furniture: list[Furniture], kind: FurnitureKind) -> list[tuple[int, int]]:
    """The runs of lines taken as one kind of box's (0-based first and last line), two lines or
    more each: an index holds several items."""
    taken = sorted({f.line - 1 for f in furniture if f.kind is kind and f.line is not None})
    runs: list[list[int]] = []
    for n in taken:
        if runs and n - runs[-1][-1] <= _RUN_GAP:
            runs[-1].append(n)
        else:
            runs.append([n])
    return [(run[0], run[-1]) for run in runs if len(run) >= 2]


def _near(lines: list[str], start: int, step: int, taken: Collection[int] = ()) -> int | None:
    """The first line with text from ``start`` on, going ``step`` (1 or -1), within ``_NEAR``; or
    one of the lines ``taken`` (blank in ``lines``, a box's taken already)."""
    n = start
    while 0 <= n < len(lines) and abs(n - start) < _NEAR:
        if lines[n].strip() or n in taken:
            return n
        n += step
    return None


def _text_from(lines: list[str], n: int, step: int) -> str:
    """The text of the nearest line from ``lines[n]`` on (``step`` 1 down, -1 up) that is not
    blank; empty at the page's edge."""
    k = filled_line(lines, n, step)
    return "" if k is None else lines[k].strip()


def _alone(lines: list[str], n: int) -> bool:
    """Whether line ``n`` is a block of its own: blank lines (or the page's edge) around it."""
    return (n == 0 or not lines[n - 1].strip()) and (n + 1 == len(lines) or not lines[n + 1].strip())


def index_titles_by_shape(lines: list[str], furniture: list[Furniture]) -> list[str]:
    """An index's title of any words (今日关注, 本期提要), by the run of items ``extraction_furniture``
    took (see the module doc); taken off ``lines`` (the page's lines, furniture blank in them) and
    recorded. A page whose index has a title by its words is left as it is."""
    if any(f.kind is FurnitureKind.INDEX and INDEX_TITLE.search(_bare(f.text)) for f in furniture):
        return lines
    kept = list(lines)
    runs = _runs(furniture, FurnitureKind.INDEX)
    # A run opening on its title taken already (``take_furniture``) has it: no second one over
    # it, nor one printed apart.
    titled = [first for first, _ in runs if _opens_on_its_title(kept, furniture, first)]
    for first, _last in runs:
        if first in titled:
            continue
        over = _near(kept, first - 1, -1)
        if over is None:
            continue
        line = kept[over].strip()
        if _label(line) and not ends_sentence(line):
            furniture.append(Furniture(FurnitureKind.INDEX, line, over + 1))
            kept[over] = ""
            return kept
        head, _, tail = line.rpartition(" ")
        if head.strip() and over == first - 1 and _label(tail) and not ends_sentence(head):
            # The title at the end of the line just over the items, a space between (PDFium
            # joins a box's title with the head beside it on one baseline): the head is kept.
            furniture.append(Furniture(FurnitureKind.INDEX, tail.strip(), over + 1))
            kept[over] = head.rstrip()
            return kept
        # Over the head printed between (pdftotext prints the title, then the head of the story
        # beside the box, then the items): a title of a few characters, a block of its own.
        second = _near(kept, over - 1, -1)
        if (
            second is not None
            and _label(kept[second])
            and len(_bare(kept[second])) <= _LABEL_MOST
            and (not _SENTENCE_MARK.search(line) or _head_alone(kept, over) or _head_over(kept, over, first))
        ):
            furniture.append(Furniture(FurnitureKind.INDEX, kept[second].strip(), second + 1))
            kept[second] = ""
            return kept
    if not runs or titled:
        return kept
    # Printed apart from its items: the one short line alone on the page that no paragraph
    # ends over (a subhead stands between two paragraphs) and no story's dateline follows.
    apart: list[int] = []
    for n, line in enumerate(kept):
        if not (line.strip() and _label(line) and len(_bare(line)) <= _LABEL_MOST and _alone(kept, n)):
            continue
        before, after = _text_from(kept, n, -1), _text_from(kept, n, 1)
        if ends_sentence(before) or _inside_a_sentence(before, after) or dateline_at_start(_bare(after)):
            continue
        apart.append(n)
    if len(apart) == 1:
        furniture.append(Furniture(FurnitureKind.INDEX, kept[apart[0]].strip(), apart[0] + 1))
        kept[apart[0]] = ""
    return kept


def _head_alone(lines: list[str], n: int) -> bool:
    """Whether line ``n`` is a head of its own between blank lines, a question or a head of two
    clauses (银行业净息差再创新低，中小银行如何破局？): no full stop, no semicolon, as no paragraph's
    last line standing alone has (it ends on 。)."""
    return _alone(lines, n) and not re.search("[。；]", lines[n])


_HEAD_MOST = 24  # characters at most in a head printed between an index's title and its items


def _head_over(lines: list[str], n: int, first: int) -> bool:
    """Whether line ``n``, right over an index's first item ``first``, is a head of the story beside
    the box printed between the box's title and its items (pdfplumber: 市场视点 / 储能出口量价齐升？ /
    items): short, no full stop, semicolon or list's pause; a comma only in a head of two clauses
    closing on a question's or exclamation's mark (存款利率再下调，储户怎么办？)."""
    line = _bare(lines[n])
    comma_ok = not re.search("[，,]", line) or line.endswith(("？", "！", "?", "!"))
    return n == first - 1 and len(line) <= _HEAD_MOST and not re.search("[。；、]", line) and comma_ok


def _opens_on_its_title(lines: list[str], furniture: list[Furniture], first: int) -> bool:
    """Whether a run of an index's lines taken (its first, 0-based, ``first``) opens on the box's
    title ``take_furniture`` took over its first item: a title's shape alone on its line (blank
    in ``lines`` now; a title cut off the end of a line may be a line's last words, 50 万元), an
    item right under it (not the page of an item broken before it, 秋茶开采 / C11)."""
    taken = {f.line - 1: f.text.strip() for f in furniture if f.kind is FurnitureKind.INDEX and f.line}
    under = taken.get(first + 1)
    return (
        first in taken
        and not lines[first].strip()
        and _label(taken[first])
        and under is not None
        and not PAGE_REF_LINE.match(under)
        and _bare(under) != "版"
    )


def _inside_a_sentence(before: str, after: str) -> bool:
    """Whether a line stands between the halves of a paragraph broken mid-sentence: the line
    ``before`` it ends no sentence, and it or the line ``after`` it is running text (a pause mark
    in it): a box's piece printed inside a column, as pdftotext prints one."""
    if not before or ends_sentence(before):
        return False
    return bool(re.search("[，、；]", before) or re.search("[，、；。]", after))


def ad_labels_by_shape(lines: list[str], furniture: list[Furniture]) -> list[str]:
    """An ad's label of any words (商讯, 推广, 公益宣传) by the ad's lines next to it: a line taken
    already as an ad's (its phone number), or a slogan of short phrases set apart by spaces, which
    is the ad's too (see the module doc). The label may end the line of a head beside the box (a
    space between, as PDFium prints it): the head is kept."""
    kept = list(lines)
    ads = {f.line - 1 for f in furniture if f.kind is FurnitureKind.AD and f.line is not None}
    for n, raw in enumerate(kept):
        line = raw.strip()
        if not line:
            continue
        head, _, tail = line.rpartition(" ")
        # At a line's end, after a head (no mark, ending on a character, not a number: a line of
        # text printed in layout mode breaks anywhere, 由 21:30 延长至).
        beside = bool(head.strip()) and _label(tail) and _IDEOGRAPH_END.search(head) is not None
        label = line if _label(line) else tail if beside and not _SENTENCE_MARK.search(head) else None
        if label is None or len(_bare(label)) > _LABEL_MOST or (label is not line and ends_sentence(head)):
            continue
        if (label is line and _rest_of_a_dateline(kept, n)) or _in_a_chart(furniture, n):
            continue
        for step in (1, -1):
            other = _near(kept, n + step, step, ads)
            # Over its ad's lines taken already (a phone number), or next to its slogan either
            # way: a short line right under an ad's is as often a fragment of the text beside.
            if other is not None and ((other in ads and step == 1) or _slogan(kept, other, step)):
                if other not in ads:
                    furniture.append(Furniture(FurnitureKind.AD, kept[other].strip(), other + 1))
                    kept[other] = ""
                    ads.add(other)
                furniture.append(Furniture(FurnitureKind.AD, label.strip(), n + 1))
                kept[n] = head.rstrip() if label is not line else ""
                ads.add(n)
                break
    return _label_and_slogan_apart(kept, furniture)


_APART_REACH = 12  # lines between a label printed inside a paragraph and its slogan printed apart


def _label_and_slogan_apart(lines: list[str], furniture: list[Furniture]) -> list[str]:
    """A public-service ad's label and slogan that pdftotext prints apart, each a block of its own:
    the label between the halves of a sentence another column's box broke (no story's head
    stands inside a sentence), the slogan a few lines on where no story's heads go on under it
    (the page's foot, or running text). Taken where the page holds one such slogan only and one
    such label near it."""
    labels = [
        n
        for n, line in enumerate(lines)
        if line.strip()
        and _label(line)
        and len(_bare(line)) <= _LABEL_MOST
        and _alone(lines, n)
        and _inside_a_sentence(_text_from(lines, n, -1), _text_from(lines, n, 1))
    ]
    slogans = [
        n
        for n, line in enumerate(lines)
        if SLOGAN_PHRASES.match(line.strip())
        and not BYLINE_LINE.match(line.strip())
        and _alone(lines, n)
        and not _heads_under(lines, n)
    ]
    if len(slogans) != 1:
        return lines
    labels = [n for n in labels if abs(n - slogans[0]) <= _APART_REACH]
    if len(labels) != 1:
        return lines
    kept = list(lines)
    for n in (labels[0], slogans[0]):
        furniture.append(Furniture(FurnitureKind.AD, lines[n].strip(), n + 1))
        kept[n] = ""
    return kept


def _heads_under(lines: list[str], n: int) -> bool:
    """Whether a head or a dateline follows line ``n``: the next line with text holds no mark of
    running text (a head) or opens on a dateline; not the page's furniture (its editors' line)."""
    after = _text_from(lines, n, 1)
    if not after or furniture_line(after) is not None or is_editor_line(after):
        return False
    return dateline_at_start(_bare(after)) is not None or not re.search("[，。、；！？]", after)


_CHART_REACH = 8  # lines under a chart's title or unit line where its axis labels stand


def _in_a_chart(furniture: list[Furniture], n: int) -> bool:
    """Whether line ``n`` stands among a chart's labels (小麦 玉米 大豆): its title or unit line,
    taken already, a few lines over it."""
    return any(
        f.kind is FurnitureKind.CHART
        and f.line is not None
        and 0 < n + 1 - f.line <= _CHART_REACH
        # Narrower than CHART_TITLE: an ad's label a few lines under a 图解/图表N title (pdftotext
        # prints boxes in any order) is the ad's; axis labels stand right under the older forms.
        and (CHART_TITLE_PLAIN.match(_bare(f.text)) or CHART_SOURCE.search(_bare(f.text)))
        for f in furniture
    )


def _rest_of_a_dateline(lines: list[str], n: int) -> bool:
    """Whether line ``n`` ends a dateline broken over two lines (本报包头 3 月 1 / 日电)."""
    return dateline_at_start(_bare(_text_from(lines, n, -1) + lines[n])) is not None


def _slogan(lines: list[str], n: int, step: int) -> bool:
    """Whether line ``n`` (the line next to a label, going ``step``) is an ad's slogan: short
    phrases set apart by spaces, no mark; where it is under the label, no story's dateline or
    byline-less text follows it as it would a kicker over its headline and story."""
    if not SLOGAN_PHRASES.match(lines[n].strip()) or BYLINE_LINE.match(lines[n].strip()):
        return False
    if step == -1:
        # Over its label a slogan stands a block of its own (pdfminer.six): a line right over a
        # short one is a head wrapped onto it (绿色发展 守护一方碧水 / 蓝天).
        return not lines[n + 1].strip()
    if step == 1:
        after = _near(lines, n + 1, 1)
        return after is None or not _heads_a_story(lines, after)
    return True


def _heads_a_story(lines: list[str], n: int) -> bool:
    """Whether line ``n`` is a story's dateline, or a head with a dateline right under it."""
    if dateline_at_start(_bare(lines[n])):
        return True
    under = _near(lines, n + 1, 1)
    return under is not None and dateline_at_start(_bare(lines[under])) is not None


_BRIEF_REACH = 12  # lines under a box of briefs' title in which its items tell it
_CREDIT_CLOSE = re.compile(r"[。！？”]（[\u4e00-\u9fff]{2,8}）")  # …。（卓然）


def brief_titles_by_shape(items: Iterable[TextLine | Segment]) -> Iterator[TextLine | Segment]:
    """A box of briefs' title of any words (城事速递, 一周城事), read as the section its items
    stand in, as a title by its words (简讯) is: a short line alone with no mark, over items of
    which one after the first opens on a dateline and one closes on a writer's name in brackets
    (…。（卓然）), or two close so, before any head line (as the PDF route's ``_briefs_by_items``).
    A story's dateline opens its first paragraph only and its credit closes its last."""
    # Not folded into ``extraction._box_titles_over_briefs`` (a title joined to a headline's
    # line, a dateline right under it): this one weighs its items' signs up to a head line.
    seq = list(items)
    hard = False
    for k, item in enumerate(seq):
        if isinstance(item, TextLine):
            item.hard_break_before = item.hard_break_before or hard
            hard = False
            if _brief_title(seq, k):
                yield Segment(SegmentKind.SECTION, text=_bare(item.text), line=item.number)
                hard = True  # as after a section word on a line of its own
                continue
        yield item


def rest_of_a_broken_line(before: TextLine | Segment | None, line: TextLine) -> bool:
    """Whether ``line`` is the rest of the line ``before`` it, broken mid-phrase (一份判决书，让拖欠三年
    的工钱有 / 了着落): no blank line between, and the line before holds a pause mark and ends no
    sentence. Short and markless as a box's title is, it is no title."""
    return (
        isinstance(before, TextLine)
        and not line.blank_before
        and re.search("[，、；]", before.text) is not None
        and not ends_sentence(before.text)
    )


def _brief_title(seq: list[TextLine | Segment], k: int) -> bool:
    item = seq[k]
    if not isinstance(item, TextLine) or not _label(item.text) or len(_bare(item.text)) > _LABEL_MOST:
        return False
    if rest_of_a_broken_line(seq[k - 1] if k else None, item):
        return False
    lines: list[TextLine] = []
    window = seq[k + 1 : k + 1 + _BRIEF_REACH]
    for n, other in enumerate(window):
        if not isinstance(other, TextLine):
            break
        if not _BODY_MARK.search(other.text) and not dateline_at_start(_bare(other.text)):
            # A head line: the box ends before it (right under the line, it is a kicker's). An
            # item's first line may hold no mark: running text goes on under it, no dateline.
            under = window[n + 1] if n + 1 < len(window) else None
            runs_on = (
                isinstance(under, TextLine)
                and _BODY_MARK.search(under.text) is not None
                and not dateline_at_start(_bare(under.text))
            )
            if lines or not runs_on:
                break
        lines.append(other)
    if len(lines) < 2:
        return False
    later = [
        line
        for before, line in zip(lines, lines[1:], strict=False)
        if ends_sentence(before.text) and dateline_at_start(_bare(line.text))
    ]
    credits = _CREDIT_CLOSE.findall("".join(_bare(line.text) for line in lines))
    # Two signs at least: an extractor that sets every paragraph apart (pdfminer.six) shows a
    # story's own dateline after a paragraph's end as well, where its heads were printed elsewhere.
    return len(later) + len(credits) >= 2


_BODY_MARK = re.compile(r"[，。、；：！？“”（）]")  # running text's marks: a head line has few or none
