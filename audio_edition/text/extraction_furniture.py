"""Page furniture taken off an extractor's lines (``extraction``) before the page is segmented.

An extractor prints a page's furniture among its stories' lines, with nothing to set it apart but
its words and where it stands. Each piece is recorded (``layout.Furniture``) and its line blanked,
as the layout reads blank lines on these pages as block breaks:

- the running head and folio at the top (date and weekday, the section's name, 第N版, the
  masthead), the 今日导读 index and its items (its title at the end of a line beside it, as
  PDFium prints it);
- ads (a 广告 line and the box's lines, phone numbers; a slogan printed in a block of its own
  over its 公益广告, or alone away from it, doubted where it stands over a story's heads; one
  set solid under its title, or one that pdftotext prints far from it inside a paragraph it
  splits, ``slogan_far_from_its_title``);
- chart labels (图表：…, 单位：…, 数据来源：…, bare years; axis labels in any words, told by the
  chart's frame: short lines with no mark between its title and its source line, or labels
  holding a figure right after its title or right over its source line, ``_axis_labels``; a
  label printed apart as a block of its own, shaped as the chart's others, or a row of labels
  of one shape, ``_stray_axis_labels``, doubted over a story's dateline);
- also on a line of the columns beside the chart (pdfplumber prints a page row by row), and an
  ad's letter-spaced words, phone number or slogan at the start or end of such a line.

The words themselves are ``furniture``'s vocabulary, shared with the PDF route.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from audio_edition.text.decode import IDEOGRAPH
from audio_edition.text.extraction_charts import figure_ends_line_above
from audio_edition.text.furniture import (
    AD_TITLE_LINE,
    AD_TITLES,
    BOX_TITLE_AT_END,
    CAPTION_OPENING,
    CHART_LABEL,
    CHART_SOURCES,
    CHART_TITLE,
    CHART_TITLE_PLAIN,
    CHART_TITLE_SHAPE,
    CREDIT_CLOSE,
    CREDIT_MARKS,
    FOLIO_IN_LINE,
    FOLIO_LINE,
    INDEX_ITEM,
    INDEX_ITEM_CODE_FIRST,
    INDEX_TITLE_LINE,
    INDEX_TITLES,
    LABEL_ANYWHERE,
    MASTHEAD,
    PAGE_CODE,
    PAGE_REF_LINE,
    PHONE,
    PHONE_ALONE,
    POINTED,
    POINTED_END,
    POINTER_FIRST,
    RUNNING_DATE,
    WEEKDAY_LINE,
)
from audio_edition.text.layout import (
    SECTION_WORDS,
    SPACE_BETWEEN_CHINESE,
    Furniture,
    FurnitureKind,
    dateline_at_start,
    ends_sentence,
    furniture_line,
    visual_width,
)

# A byline standing on its own line under a story's heads: its writers' roles (本报记者, 晚报记者,
# 实习生) and a credit for words and pictures (文/…  图/…, 文/图 …), each before one to five
# names; nothing else, so a line of running text (记者注意到，…) never reads as one. A role run
# into its name (记者王明) counts only beside another writer: alone it reads as a column's label
# (记者蹲点) as well.
_BYLINE_ROLE = r"(?:[\u4e00-\u9fff]{0,4}?(?:特约记者|见习记者|首席记者|摄影记者|记者)|通讯员|实习生)"
_BYLINE_CREDIT = r"(?:[文图][/／](?:[文图](?=[\s　]))?)"
_BYLINE_NAME = r"[\u4e00-\u9fff·]{2,5}"
_BYLINE_APART = rf"(?:{_BYLINE_CREDIT}[\s　]*{_BYLINE_ROLE}?[\s　]*|{_BYLINE_ROLE}[\s　]+){_BYLINE_NAME}"
_BYLINE_PART = rf"(?:{_BYLINE_CREDIT}[\s　]*{_BYLINE_ROLE}?|{_BYLINE_ROLE})[\s　]*{_BYLINE_NAME}"
_BYLINE_MORE = rf"[\s　、]+(?:{_BYLINE_PART}|{_BYLINE_NAME})"
# A mark a paper sets before its bylines (◎记者 王明, □本报记者 李华): the paper's house style.
_BYLINE_MARK = rf"(?:{CREDIT_MARKS}[\s　]*)?"
BYLINE_LINE = re.compile(
    rf"^{_BYLINE_MARK}(?:{_BYLINE_APART}(?:{_BYLINE_MORE}){{0,5}}|{_BYLINE_PART}(?:{_BYLINE_MORE}){{1,5}})$"
)
_TOP_LINES = 8  # lines at the head of a page where a lone section name or masthead is furniture
_INDEX_TITLE_AT_END = re.compile(rf"^(.*\S)[ 　]+({'|'.join(INDEX_TITLES)})$")
_AD_TITLE_AT_END = re.compile(rf"^(.*\S)[ 　]+({'|'.join(AD_TITLES)})$")
_CODE_FIRST = INDEX_ITEM_CODE_FIRST  # an index item whose page comes first (A05  夜市回来了)
_PAGE_REST = re.compile(r"^\d{1,2}版$")  # an index item's page number broken after 第 (第 / 4版)


def is_caption_text(text: str) -> bool:
    """A picture's caption or credit: its opening word, or a short text closing on a credit."""
    return text.startswith(CAPTION_OPENING) or bool(
        CREDIT_CLOSE.search(text) and len(text) < 80 and not ends_sentence(text)
    )


def take_furniture(lines: list[str], furniture: list[Furniture]) -> list[str]:
    """Lines that are furniture only where they stand: the head of the page, boxes under a title.
    Each is recorded and blanked (the layout reads blank lines on these pages as block breaks)."""
    kept = list(lines)
    seen_text = 0
    box: FurnitureKind | None = None
    # Lines whose index title (printed beside them) was taken off before: the box opens there.
    titled = {f.line for f in furniture if f.kind is FurnitureKind.INDEX}
    # Found once per page: the labels and the chart's unit line read them (the page is long).
    chart_titles = _chart_titles(lines)
    axis_labels = _axis_labels(lines, chart_titles)
    # Plain forms only, as measured: with 图解/图表N too, a headline over a unit line printed
    # apart from its chart (pdftotext, pool F) was read away from its story, unwarned.
    chart_titled = any(CHART_TITLE_PLAIN.match(re.sub(r"[\s　]+", "", line)) for line in lines)
    for n, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if n + 1 in titled:
            box = FurnitureKind.INDEX
        box_before = box
        bare = line.replace(" ", "").replace("　", "")
        kind: FurnitureKind | None = None
        following = next((x.strip() for x in lines[n + 1 :] if x.strip()), "")
        if (
            box is FurnitureKind.INDEX
            and not ends_sentence(bare)
            and (
                PAGE_REF_LINE.match(line)
                or PAGE_REF_LINE.match(following)
                or INDEX_ITEM.search(line)
                or bare == "版"
                or (re.search(r"(?:第|[\s　])\s*\d{1,2}$", line) and following == "版")
                or _index_item_wrapped(line, following)
                or (bare.endswith("第") and _PAGE_REST.match(following.replace(" ", "")))
                or _PAGE_REST.match(bare)
                or _CODE_FIRST.match(line)
                or _code_first_wrapped(lines, n)
            )
        ):
            # An index item, its page number printed on the line below it (PyMuPDF) or after it,
            # or broken after its figure (县医院能做心脏搭桥了！  5 / 版: a narrow box's line).
            furniture.append(Furniture(FurnitureKind.INDEX, line, n + 1))
            kept[n] = ""
            seen_text += 1
            continue
        title_at_end = _box_title_at_end(line, lines, n)
        if title_at_end is not None:
            # A box's title (今日导读, 广告) printed on the line of the headline beside the box
            # (PDFium joins what shares a baseline): the title is furniture, the headline stays.
            box, head, title = title_at_end
            furniture.append(Furniture(box, title, n + 1))
            kept[n] = head
            seen_text += 1
            continue
        if furniture_line(line) is not None:
            box = None  # the layout records it (an editors' line, a folio, a credit)
            seen_text += 1
            continue
        if RUNNING_DATE.match(line) or WEEKDAY_LINE.match(bare):
            kind = FurnitureKind.FOLIO
        elif INDEX_TITLE_LINE.match(bare):
            kind, box = FurnitureKind.INDEX, FurnitureKind.INDEX
        elif (
            seen_text < _TOP_LINES
            and len(bare) <= 6
            and not ends_sentence(bare)
            and IDEOGRAPH.search(bare)
            and (MASTHEAD.match(bare) or _is_section_name(bare, lines, n))
        ):
            kind = FurnitureKind.FOLIO
        elif (
            (INDEX_ITEM.search(line) and not ends_sentence(line) and _page_sure(line, lines, n))
            or (
                _CODE_FIRST.match(line)
                and not ends_sentence(bare)
                and (_code_first_opens_box(lines, n) or _pointer_near(lines, n))
            )
            or (POINTER_FIRST.match(line) and not ends_sentence(bare))
            or (len(POINTED.findall(bare)) >= 2 and not ends_sentence(bare))
        ):
            # (the last: items glued on one line by an extractor, 见A5→B3, two pointers in it)
            kind, box = FurnitureKind.INDEX, FurnitureKind.INDEX
        elif seen_text >= _TOP_LINES and _index_item_over_its_page(bare, following, lines, n):
            # An index item with its page number on the line below it, away from the page's
            # head (where a section name stands over the folio): the box's title may be far.
            kind, box = FurnitureKind.INDEX, FurnitureKind.INDEX
        elif _index_items_under_title(bare, following, lines, n, furniture):
            # At the page's head too, under the box's title printed over a story's heads (layout
            # mode cuts the box beside them into their column): a run of items, each over its page.
            kind, box = FurnitureKind.INDEX, FurnitureKind.INDEX
        elif AD_TITLE_LINE.match(bare):
            kind, box = FurnitureKind.AD, FurnitureKind.AD
            for before in _ad_lines_over_title(kept, n):
                furniture.append(Furniture(FurnitureKind.AD, kept[before].strip(), before + 1))
                kept[before] = ""
        elif _ad_line(line, in_ad=box is FurnitureKind.AD) and not _dateline_after_ad(line, following):
            kind = FurnitureKind.AD
        elif (
            box is FurnitureKind.AD
            and bare.endswith(("：", ":"))
            and PHONE_ALONE.match(
                next((x.strip() for x in lines[n + 1 :] if x.strip() not in ("", line)), "")
            )
        ):
            # The label of the phone number under it (订奶热线：), maybe drawn twice for bold.
            kind = FurnitureKind.AD
        elif n in chart_titles:
            kind, box = FurnitureKind.CHART, FurnitureKind.CHART
        elif (CHART_LABEL.match(line) and not ends_sentence(bare) and box is FurnitureKind.CHART) or (
            LABEL_ANYWHERE.match(bare) and not figure_ends_line_above(lines, n)
        ):
            kind = FurnitureKind.CHART
            if bare.startswith(("单位：", "单位:")):
                # A chart prints its unit right under its title, over its labels: the figures
                # under it are the chart's, and so is the title over it, whatever its word.
                box = FurnitureKind.CHART
                chart_title = _chart_title_over_unit(kept, n, lines, chart_titled)
                if chart_title is not None:
                    furniture.append(
                        Furniture(FurnitureKind.CHART, kept[chart_title].strip(), chart_title + 1)
                    )
                    kept[chart_title] = ""
        elif n in axis_labels:
            kind = FurnitureKind.CHART
        else:
            chart_goes_on = box is FurnitureKind.CHART and CHART_LABEL.match(line)
            # An index box's items go on past a line the extractor printed into it from beside
            # the box (a headline's subtitle): the next line is an item, its page number after it.
            index_goes_on = box is FurnitureKind.INDEX and _index_item_next(lines, n)
            box = box if chart_goes_on or index_goes_on else None
            seen_text += 1
            continue
        seen_text += 1
        furniture.append(Furniture(kind, line, n + 1))
        kept[n] = ""
        if (
            kind is FurnitureKind.INDEX
            and box_before is not FurnitureKind.INDEX
            and n > 0
            and not INDEX_TITLE_LINE.match(bare)
            and not BYLINE_LINE.match(kept[n - 1].strip())
        ):
            # An index box opened by its first item: the box's title is right over it, in
            # whatever words a paper names it (今日关注, 本期提要).
            box_title = _index_title_over(kept[n - 1])
            if _item_opened_over(kept[n - 1], line):
                # The item's first half, broken over its page's line (公募基金规模突破 / 三十万亿元
                # 见A5): the item's too; its box's title is looked for over it later.
                furniture.append(Furniture(FurnitureKind.INDEX, kept[n - 1].strip(), n))
                kept[n - 1] = ""
            elif box_title is not None:
                furniture.append(Furniture(FurnitureKind.INDEX, box_title, n))
                kept[n - 1] = kept[n - 1][: kept[n - 1].rstrip().rfind(box_title)].rstrip()
    return kept


def _item_opened_over(over: str, line: str) -> bool:
    """Whether ``over``, the line right over an index's first item ``line`` (closing on its page),
    is that item's first half: the rest before the page a word or two (元 见A5), at most half as
    wide, and no mark of running text over it. A whole item's title (夜市回来了  第3版) is longer
    than a broken item's rest: a head over it stays."""
    over = over.strip()
    found = INDEX_ITEM.search(line)
    return (
        found is not None
        and bool(over)
        and visual_width(line[: found.start() + 1]) <= _REST_MOST
        and not ends_sentence(over)
        and not re.search("[，。；、：]", over)
        and _index_item_broken(over, line)
    )


_REST_MOST = 3  # characters at most of an item's rest broken onto its page's line


def _index_title_over(line: str) -> str | None:
    """The title of an index box printed on the line right over its first item: two to four
    characters with no mark, alone on the line or at its end after a space (PDFium joins a
    line of the column beside on its baseline). A headline is longer, or holds a mark."""
    match = BOX_TITLE_AT_END.match(line.strip())
    return match.group(2) if match else None


_CHART_TITLE_LONGEST = 16  # characters: a chart's title is a short phrase, never a column's line


def _chart_title_over_unit(
    lines: Sequence[str], n: int, printed: Sequence[str], chart_titled: bool
) -> int | None:
    """The line of a chart's title over its unit line ``lines[n]`` (数说：二手房挂牌均价 over
    单位：元/平方米, maybe a block apart), the chart's labels next under the unit: short, no mark
    of running text, standing alone (the line over it ends a sentence or a block). None where
    the line over the unit is a column's text, or the unit has no label under it (an extractor
    may print another story's head over a unit it printed out of place, its source next), or
    the page has the chart's own title (图表：…) in ``printed`` (the page as printed;
    ``chart_titled``): a line over the unit is then another story's, printed into the chart; nor
    a byline or dateline."""
    title = filled_line(printed, n, -1)
    under = filled_line(lines, n, 1)
    if title is None or under is None or not lines[title].strip():
        return None  # nothing over the unit, or furniture taken already (the chart's 图表：…)
    label = lines[under].strip()
    if not (
        _axis_label(label) or (CHART_LABEL.match(label) and not LABEL_ANYWHERE.match(label.replace(" ", "")))
    ):
        return None
    if chart_titled:
        return None  # the chart's title is one of a chart's words, printed there
    if BYLINE_LINE.match(lines[title].strip()) or dateline_at_start(re.sub(r"[\s　]+", "", lines[title])):
        return None
    bare = re.sub(r"[\s　]+", "", lines[title])
    if len(bare) > _CHART_TITLE_LONGEST or ends_sentence(bare) or re.search(r"[，、；。！？]", bare):
        return None
    above = filled_line(lines, title, -1)
    if above is not None and above == title - 1 and not ends_sentence(re.sub(r"[\s　]+", "", lines[above])):
        return None  # a paragraph's line runs on into it
    return title


def filled_line(lines: Sequence[str], n: int, step: int) -> int | None:
    """The nearest line from ``lines[n]`` on (``step`` 1 down, -1 up) that is not blank."""
    k = n + step
    while 0 <= k < len(lines):
        if lines[k].strip():
            return k
        k += step
    return None


_AXIS_MARKS = re.compile(r"[，。；！？、：:“”‘’《》（）()「」『』…,;!?]")
_AXIS_LABEL = 8  # characters at most in a chart's axis label (1—3月, 第一季度, 内蒙古), alone on a line
_AXIS_ROW_PIECE = 6  # characters at most between the spaces of a row of labels on one line
_AXIS_SOURCE = re.compile(r"^(?:数据来源|资料来源|来源|注)[：:]")  # the line that closes a chart
_AXIS_SPREAD = 2  # characters an open chart's labels differ by at most (1—3月, 1—12月)


def _chart_titles(lines: Sequence[str]) -> set[int]:
    """The lines that are a chart's title: by its words (图表：…), or by its shape whatever its
    words (数说：二手房挂牌均价, a short line ending on a colon) where the chart's own lines follow it
    (``_over_figures``). A headline so made (记者手记：…) stands over a story's text, never over
    figures; a line of running text ending on a colon is a paragraph's, not one set apart."""
    titles: set[int] = set()
    for n, raw in enumerate(lines):
        bare = re.sub(r"[\s　]+", "", raw)
        # Every form a title takes (图表1：, 图解：): taking the title is safe; only the axis-label
        # guard (``extraction_boxes._in_a_chart``) keeps to CHART_TITLE_PLAIN, ads standing near.
        if CHART_TITLE.match(bare):
            titles.add(n)
        elif (
            CHART_TITLE_SHAPE.match(bare)
            and not _chart_piece(raw)  # its unit or source line (单位：万元) is no title
            and dateline_at_start(bare) is None
            and _set_apart_above(lines, n)
            and not _opens_story(lines, n)  # a headline over its dateline (本报某地 6 月 2 日 / 电)
            and _over_figures(lines, n)
        ):
            titles.add(n)
    return titles


def _set_apart_above(lines: Sequence[str], n: int) -> bool:
    """Whether nothing runs into line ``n`` from above: a blank line or a sentence's end over it,
    or a line with no pause mark (a head, a label), not a paragraph broken mid-sentence."""
    above = lines[n - 1].strip() if n > 0 else ""
    return not above or ends_sentence(above) or not re.search("[，、；]", above)


def _over_figures(lines: Sequence[str], n: int) -> bool:
    """Whether the first line with text under line ``n`` is a chart's: its unit or source line, a
    bare figure or year, a row of labels, or a short label holding a number (1月) set apart by a
    blank line or followed by another of its shape (1月 / 2月)."""
    ahead = [k for k in range(n + 1, min(len(lines), n + 4)) if lines[k].strip()]
    if not ahead:
        return False
    k = ahead[0]
    line = lines[k].strip()
    if _chart_piece(line) or _label_row(line):
        return True
    if not _axis_label(line) or not re.search(r"\d", line):
        return False
    following = lines[k + 1].strip() if k + 1 < len(lines) else ""
    return not following or _axis_shape(following) == _axis_shape(line)


def _axis_label(line: str) -> bool:
    """Whether a line could be a chart's axis label as an extractor prints it: a few characters
    with no mark (1—3月, 三季度, 杭州), or a row of such set apart by spaces (1—3 月 1—6 月) —
    not a box's or an ad's title, a byline or a dateline, which stand as short."""
    bare = re.sub(r"[\s　]+", "", line)
    if (
        not bare
        or _AXIS_MARKS.search(bare)
        or bare in SECTION_WORDS
        or AD_TITLE_LINE.match(bare)
        or INDEX_TITLE_LINE.match(bare)
        or BYLINE_LINE.match(line.strip())
        or dateline_at_start(bare)
    ):
        return False
    pieces = line.split()
    return len(bare) <= _AXIS_LABEL or (
        len(pieces) >= 3 and all(len(piece) <= _AXIS_ROW_PIECE for piece in pieces)
    )


def _chart_piece(line: str) -> bool:
    """A line ``take_furniture`` takes as a chart's anyway: its unit or source, a bare figure."""
    bare = re.sub(r"[\s　]+", "", line)
    return bool(bare) and bool(CHART_LABEL.match(line.strip()) or LABEL_ANYWHERE.match(bare))


def _axis_labels(lines: Sequence[str], titles: set[int]) -> set[int]:
    """The lines of a chart's axis labels (``_framed_axis_labels``), and those printed apart from
    them (``_stray_axis_labels``); ``titles`` the page's chart titles (``_chart_titles``)."""
    taken = _framed_axis_labels(lines, titles)
    charted = bool(titles)
    # A row of labels (1—3月 1—6月 1—9月) is the chart's wherever it stands on a page with one:
    # pdfplumber prints it as a line among a column's, with no blank line around.
    rows = {n for n, line in enumerate(lines) if charted and _label_row(line)}
    return taken | rows | set(_stray_axis_labels(lines, taken, titles))


def _framed_axis_labels(lines: Sequence[str], titles: set[int]) -> set[int]:
    """The lines of a chart's axis labels that are not years or figures (1—3月, 一季度, place
    names), told by the chart's frame rather than their words: they follow its title or unit line.

    Where the labels run on to the chart's source line (数据来源：…), every short line without a
    mark between is the chart's: no story prints a head between a chart's title and its source.
    Where the extractor printed the source elsewhere, a kicker or a short headline may follow the
    labels, set as they are (pdftotext prints each a block of its own); only labels holding a
    figure are taken then, of like length, and not the last one if a line follows it without a
    blank between (a kicker over its headline)."""
    taken: set[int] = set()
    for start, raw in enumerate(lines):
        bare = re.sub(r"[\s　]+", "", raw)
        if not (start in titles or bare.startswith(("单位：", "单位:"))):
            continue
        run: list[int] = []
        closed = False
        for n in range(start + 1, len(lines)):
            line = lines[n].strip()
            if not line:
                continue
            if _AXIS_SOURCE.match(re.sub(r"[\s　]+", "", line)):
                closed = True
                break
            if _chart_piece(line):
                if re.sub(r"[\s　]+", "", line).startswith(("单位：", "单位:")):
                    # A chart prints its unit right under its title: lines between the two are
                    # another story's, printed there by the extractor (pdfminer.six), but for
                    # a row of labels (1—3月 1—6月: layout mode prints the unit under them).
                    run = [k for k in run if _label_row(lines[k])]
                continue
            if not _axis_label(line):
                break
            run.append(n)
        if closed:
            taken.update(run)
            continue
        taken.update(_open_axis(lines, run))
    for end, raw in enumerate(lines):
        if _AXIS_SOURCE.match(re.sub(r"[\s　]+", "", raw)):
            taken.update(_axis_over_source(lines, end))
    return taken


_NUMBER = re.compile(r"[\d一二三四五六七八九十〇零]+")
_STRAY_REACH = 40  # lines: how far past a chart's title its labels may be printed apart


def _axis_shape(line: str) -> str:
    """A label's shape with its numbers as 0: the labels of one axis share it (1—3月, 1—9月 are
    0—0月; 一季度, 三季度 are 0季度), whatever words a chart uses."""
    return _NUMBER.sub("0", re.sub(r"[\s　]+", "", line))


def _label_pieces(line: str) -> list[str]:
    """A line's pieces set apart by spaces, a number's unit kept with it (1—3 月 is one piece:
    extractors print spaces around digits)."""
    return re.sub(r"(\d) (?=[\u4e00-\u9fff])", r"\1", line.strip()).split()


def _label_row(line: str) -> bool:
    """A row of a chart's labels on one line: two pieces or more set apart by spaces, all of one
    shape holding a number (1—3月 1—6月, 一季度 二季度). No line of a story is so made."""
    shapes = {_axis_shape(piece) for piece in _label_pieces(line)}
    return len(_label_pieces(line)) >= 2 and len(shapes) == 1 and "0" in shapes.pop() and _axis_label(line)


def _stray_axis_labels(lines: Sequence[str], taken: set[int], titles: set[int]) -> list[int]:
    """A chart's labels that pdftotext prints apart from the others, each a block of its own
    inside a column's text near the chart (``1—3 月`` and ``1—6 月`` under the title, ``1—9 月``
    twenty lines on, between two halves of a paragraph): a line alone between blank lines, shaped
    as one of the chart's labels taken already, a number in it, or a row of labels of one such
    shape (pypdf's layout mode). A story's line of text is never one alone with a label's shape,
    and a subhead (一季度) would need a label of its shape near."""
    strays: list[int] = []
    for title in sorted(titles):
        reach = range(title + 1, min(len(lines), title + _STRAY_REACH + 1))
        shapes = {_axis_shape(piece) for k in taken if k in reach for piece in _label_pieces(lines[k])}
        shapes = {shape for shape in shapes if "0" in shape}
        for n in reach:
            line = lines[n].strip()
            alone = not lines[n - 1].strip() and (n + 1 == len(lines) or not lines[n + 1].strip())
            if n in taken or n in strays or not alone or not _axis_label(line):
                continue
            if _axis_shape(line) in shapes or _label_row(line):
                strays.append(n)
    return strays


def _axis_over_source(lines: Sequence[str], end: int) -> list[int]:
    """The labels printed right over a chart's source line (``lines[end]``) with its title
    elsewhere (pdftotext and pdfminer.six may print a chart's pieces apart): lines holding a
    figure, of like length, with nothing but the chart's own lines between them and the source."""
    labels: list[int] = []
    nearest = 0
    for n in range(end - 1, -1, -1):
        line = lines[n].strip()
        if not line or _chart_piece(line):
            continue
        bare = re.sub(r"[\s　]+", "", line)
        if (
            not _axis_label(line)
            or not re.search(r"\d", bare)
            or (labels and abs(len(bare) - nearest) > _AXIS_SPREAD)
        ):
            break
        nearest = nearest or len(bare)
        labels.append(n)
    return labels


def _open_axis(lines: Sequence[str], run: list[int]) -> list[int]:
    """Of the short lines after a chart's title with no source line closing them (``_axis_labels``),
    those that are its labels: holding a figure, of like length, the last not over a line
    that follows it unbroken."""
    labels: list[int] = []
    first = 0
    for n in run:
        bare = re.sub(r"[\s　]+", "", lines[n])
        if not re.search(r"\d", bare) or (labels and abs(len(bare) - first) > _AXIS_SPREAD):
            break
        first = first or len(bare)
        labels.append(n)
    if labels:
        last = labels[-1]
        following = lines[last + 1].strip() if last + 1 < len(lines) else ""
        if following and not _chart_piece(following) and last + 1 not in labels:
            labels.pop()
    return labels


def _box_title_at_end(line: str, lines: list[str], n: int) -> tuple[FurnitureKind, str, str] | None:
    """An ad's title after a head line, a space between (``乡村学校用上“空中课堂” 广告``): the
    box's kind, the line without it and the title; only where the ad's lines follow (its spaced
    phrases or phone number). (An index box's title so printed is taken off before, wherever it
    stands: ``index_titles_beside``.)"""
    found = _AD_TITLE_AT_END.match(line)
    if found is None or ends_sentence(found.group(1)):
        return None
    following = next((x for x in lines[n + 1 :] if x.strip()), "")
    if _ad_line(following.strip(), in_ad=True):
        return FurnitureKind.AD, found.group(1), found.group(2)
    return None


def _dateline_after_ad(line: str, following: str) -> bool:
    """Whether a spaced line after an ad opens a story's dateline broken before 电 (PDFium
    spaces its digits: ``新华社通辽 3 月 3 日`` / ``电（记者 李红）路通了，牧``), which no ad's
    phrase does. (A whole dateline on the line is left to the ad's reading: it may be two
    columns' lines merged.)"""
    return dateline_at_start(line) is None and dateline_at_start(line + following) is not None


def _index_item_wrapped(line: str, following: str) -> bool:
    """Whether ``line`` is the first line of an index item wrapped in a narrow box, its rest and
    page number on the next line (``全区粮食产量再创历史新`` / ``高  第2版``): the rest shorter."""
    found = INDEX_ITEM.search(following)
    if found is None or INDEX_ITEM.search(line):
        return False
    rest = following[: found.start() + 1].strip()
    return visual_width(rest) < visual_width(line)


def _page_sure(line: str, lines: list[str], n: int) -> bool:
    """Whether the page a line ends on is surely an index item's: any form with 版 is, a bare page
    code (A2) only with another item after it (a line of text may end on 峰会 G20, no index
    holds a single item)."""
    return not PAGE_CODE.search(line) or _index_item_next(lines, n) or _pointer_near(lines, n)


_POINTER_REACH = 4  # lines with text around an item where another item's pointer shows an index


def _filled_from(lines: list[str], steps: range) -> list[int]:
    """The first ``_POINTER_REACH`` indices along ``steps`` whose lines carry text."""
    found: list[int] = []
    for k in steps:
        if len(found) == _POINTER_REACH:
            break
        if lines[k].strip():
            found.append(k)
    return found


def _pointer_near(lines: list[str], n: int) -> bool:
    """Whether another line within ``_POINTER_REACH`` lines with text of ``lines[n]`` (a line
    closing on a page) carries a pointer led by 见 or an arrow (见A5, →B3) and no sentence's end:
    two such pointers close together are an index's, a story tells of another page once (an
    extractor may print a head or a byline from beside the box between two items)."""
    if not lines[n].strip():
        return False
    # walk outward from n rather than list the page's lines with text: this runs once a line
    around = _filled_from(lines, range(n - 1, -1, -1)) + _filled_from(lines, range(n + 1, len(lines)))
    return any(
        (POINTER_FIRST.match(lines[k].strip()) or POINTED_END.search(lines[k].strip()))
        and not ends_sentence(lines[k].strip())
        for k in around
    )


def _index_item_over_its_page(bare: str, following: str, lines: list[str], n: int) -> bool:
    """Whether a line (spaces removed) is a story's title in an index, its page number on the
    next line: ``第2版`` alone, or ``版`` alone after a title ending on ``第 3``. A title with a
    comma or colon in it (赛事：主队险胜), or a page code alone (A2), only where another item
    follows: a line of text may stand over a page's folio."""
    if ends_sentence(bare) or len(bare) <= 6:
        return False
    over_page = bool(PAGE_REF_LINE.match(following) or (re.search(r"第\d{1,2}$", bare) and following == "版"))
    if not over_page:
        return False
    if re.search("[，、；：]", bare) or not FOLIO_LINE.match(following):
        after = next((k for k in range(n + 1, len(lines)) if lines[k].strip() == following), n)
        return _index_item_next(lines, after)
    return True


def _index_items_under_title(
    bare: str, following: str, lines: list[str], n: int, furniture: Sequence[Furniture]
) -> bool:
    """Whether a line is the first of a run of index items, each a title over its page number,
    under an index's title taken above it: the page's head holds no such run but an index's."""
    titled = any(f.kind is FurnitureKind.INDEX and (f.line or 0) <= n for f in furniture)
    if (
        not titled
        or BYLINE_LINE.match(lines[n].strip())
        or not _index_item_over_its_page(bare, following, lines, n)
    ):
        return False
    after = next((k for k in range(n + 1, len(lines)) if lines[k].strip() == following), n)
    return _index_item_next(lines, after)


def _index_item_next(lines: list[str], n: int) -> bool:
    """Whether the next line after ``lines[n]`` is an index item: ending on its page number
    (``… 第3版``) or with the page number on the line after it."""
    ahead = [x.strip() for x in lines[n + 1 : n + 6] if x.strip()]
    if not ahead:
        return False
    item = ahead[0]
    following = ahead[1] if len(ahead) > 1 else ""
    return not ends_sentence(item) and bool(
        INDEX_ITEM.search(item)
        or _CODE_FIRST.match(item)
        or PAGE_REF_LINE.match(following)
        or re.search(r"第\s*\d{1,2}$", item)
        or _index_item_broken(item, following)
    )


def _code_first_opens_box(lines: list[str], n: int) -> bool:
    """Whether an index item whose page comes first (``lines[n]``) has another item after it,
    next or after its rest broken onto the line under it (``A08  芯片公司招人：年薪开`` / ``到50万元``)."""
    if _index_item_next(lines, n):
        return True
    rest = next((k for k in range(n + 1, min(len(lines), n + 4)) if lines[k].strip()), None)
    return rest is not None and _code_first_wrapped(lines, rest) and _index_item_next(lines, rest)


def _code_first_wrapped(lines: list[str], n: int) -> bool:
    """Whether ``lines[n]`` is the rest of an index item whose page comes first, broken over two
    lines (``A08  芯片公司招人：年薪开`` / ``到50万元``): under it, no wider, no sentence's end."""
    before = next((x.strip() for x in reversed(lines[:n]) if x.strip()), "")
    line = lines[n].strip()
    return (
        bool(_CODE_FIRST.match(before))
        and not ends_sentence(line)
        and not _CODE_FIRST.match(line)
        and not INDEX_ITEM.search(line)
        and visual_width(line) <= visual_width(before)
        # the story beside the box opens under the last item: its dateline is no item's rest
        and dateline_at_start(line.replace(" ", "")) is None
    )


def _index_item_broken(line: str, following: str) -> bool:
    """Whether ``line`` is an index item broken before its last few characters, the rest and its
    page number on the next line (``女排联赛：主场三比一逆转`` / ``取胜 第 7 版``): a rest at most half
    as wide (a whole item over another is not one broken)."""
    found = INDEX_ITEM.search(following)
    if found is None or INDEX_ITEM.search(line):
        return False
    rest = following[: found.start() + 1].strip()
    return 2 * visual_width(rest) <= visual_width(line)


def _ad_lines_over_title(lines: list[str], n: int) -> list[int]:
    """The lines of an ad's box printed before its title (pdfminer.six prints the box's slogan,
    节约用水 从我做起, then the 公益广告 under it): a block of its own (blank lines around it)
    just over the title, every line of it an ad's. None where the block holds any other line."""
    end = n
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    if end == n:
        return []  # no blank line between: the title opens its box
    start = end
    while start > 0 and lines[start - 1].strip():
        start -= 1
    block = range(start, end)
    if not 0 < len(block) <= 3 or not all(_slogan_line(lines[k].strip()) for k in block):
        return []
    return list(block)


def index_titles_beside(lines: list[str], furniture: list[Furniture]) -> list[str]:
    """An index box's title printed at the end of a line of the column beside it (PDFium:
    乡村学校用上“空中课堂” 今日导读): the title is furniture, the line's text before it is kept."""
    kept = list(lines)
    for n, raw in enumerate(lines):
        match = _INDEX_TITLE_AT_END.match(raw.strip())
        if match and IDEOGRAPH.search(match[1]):
            furniture.append(Furniture(FurnitureKind.INDEX, match[2], n + 1))
            kept[n] = match[1]
    return kept


_LABEL_PIECE = re.compile(rf"^(?:{'|'.join(CHART_SOURCES)})[：:][^\s，。；！？]{{1,20}}$")  # 单位：万吨
_YEAR_PIECE = re.compile(
    r"^\d{4}年$"
)  # a chart's year on its axis, printed without the spaces running text has
_GAPS = re.compile(r"([ 　]+)")


def chart_labels_beside(lines: list[str], furniture: list[Furniture]) -> list[str]:
    """A chart's labels printed on a line of the columns beside it (pdfplumber prints a page row
    by row: ``2021年 2022年 2023年 区持续开展河道清理``, ``数据来源：市统计局 溉。``): its unit or
    source (单位：…, 数据来源：…), or two years or more in a row, set apart from the rest by
    spaces, are the chart's; on a page with a chart's title, so are two labels or more in a row
    of one shape, a number and a unit (1—3月 1—6月 1—9月 户”专项服务…). The rest of the line is
    kept. A year in running text is printed with spaces around its digits (2023 年), and a line
    that is all labels is left to ``take_furniture``."""
    kept = list(lines)
    charted = bool(_chart_titles(lines))
    for n, raw in enumerate(lines):
        pieces = _GAPS.split(raw.strip())
        words = pieces[::2]  # the text between the gaps
        if len(words) < 2:
            continue
        labels = [bool(_LABEL_PIECE.match(w)) for w in words]
        years = [bool(_YEAR_PIECE.match(w)) for w in words]
        for i, year in enumerate(years):
            beside = (i > 0 and years[i - 1]) or (i + 1 < len(years) and years[i + 1])
            labels[i] = labels[i] or (year and beside)
        if charted:
            # Labels of any words alike in shape, a number and a unit (1—3月 1—6月), in a row.
            shapes = [
                _axis_shape(w) if _axis_label(w) and re.search(r"\D", _axis_shape(w)) else "" for w in words
            ]
            for i, shape in enumerate(shapes):
                beside = (i > 0 and shapes[i - 1] == shape) or (
                    i + 1 < len(shapes) and shapes[i + 1] == shape
                )
                labels[i] = labels[i] or bool(shape and "0" in shape and beside)
        if not any(labels) or all(labels):
            continue
        runs: list[list[str]] = [[]]
        rest = ""
        for i, word in enumerate(words):
            if labels[i]:
                runs[-1].append(word)
                continue
            if runs[-1]:
                runs.append([])
            rest += (pieces[2 * i - 1] if rest else "") + word  # the gap as printed before it
        furniture += [Furniture(FurnitureKind.CHART, " ".join(run), n + 1) for run in runs if run]
        kept[n] = rest
    return kept


_SPACED_LETTER = re.compile(r"^(?:[\u4e00-\u9fff][：:，、]?|[：:，、])$")  # 草 原 鲜 奶, 订 奶 热 线 ：
_COLUMN_LINE = re.compile(r"[^\x00-\x7f\s]{9,}")  # nine characters unbroken: running text, no ad's phrase
_PHRASE = re.compile(r"^[\u4e00-\u9fff]{2,6}$")  # a slogan's phrase: 节约用水, 共建美丽家园
_CHINESE_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
_SLOGAN_UNDER_TITLE = 3  # lines: a slogan printed row by row under its 公益广告
_SOLID = re.compile(r"^[^\x00-\x7f\s]{4,}")  # a column's text beside: four characters set solid
_PHONE_PIECE = re.compile(r"^(?:\d{3,4}[-‑]?)?\d{3,4}[-‑]\d{4}$")  # 400-812-3456, 0471-6612345


def ad_pieces_beside(lines: list[str], furniture: list[Furniture]) -> list[str]:
    """On a page with an ad (a 广告 line), an ad box's lines printed at the start or end of a line
    of the columns beside it (pdfplumber prints a page row by row): its letter-spaced words
    (草 原 鲜 奶 每) or its phone number are the ad's, never spoken; the rest of the line is kept.
    The rest must hold a column's text set solid: pdfminer.six prints some justified lines
    letter-spaced as a whole (本 报 赤 峰 3 月 4 日 电), and they are left alone."""
    titles = [n for n, line in enumerate(lines) if AD_TITLE_LINE.match(re.sub(r"[\s　]+", "", line))]
    # A 公益广告 at the end of a line of the column beside it (港口吞吐量… 公益广告): its title
    # once its slogan's phrases are found under it.
    public_at_end = [n for n, line in enumerate(lines) if _public_title_at_end(line) is not None]
    titles += public_at_end
    if not titles:
        return lines
    kept = list(lines)
    found: list[int] = []  # the lines an ad's piece was taken from
    slogans: list[int] = []  # those of them a slogan's phrases ended
    for n, raw in enumerate(lines):
        pieces = _GAPS.split(raw.strip())
        words = pieces[::2]
        ad = [bool(_PHONE_PIECE.match(w)) for w in words]
        if any(0 < n - t <= _SLOGAN_UNDER_TITLE for t in titles):
            # A public-service ad's slogan under its 公益广告: short phrases ending the line
            # (节约用水 从我做), where a column's text has a line's worth or a sentence's end.
            phrases = len(words) - next(
                (k + 1 for k in range(len(words) - 1, -1, -1) if not _PHRASE.match(words[k])), 0
            )
            if phrases >= 2:
                ad[len(words) - phrases :] = [True] * phrases
                slogans.append(n)
        for i in range(len(words)):  # a run of three spaced letters or more, two of them Chinese
            for j in range(len(words), i + 2, -1):
                run = words[i:j]
                if all(_SPACED_LETTER.match(w) for w in run) and sum(w[0] not in "：:，、" for w in run) >= 2:
                    ad[i:j] = [True] * (j - i)
                    break
        at_edge = [k for k in range(len(words)) if ad[k]]
        lead = next((k for k in range(len(words)) if not ad[k]), len(words))
        trail = next((k for k in range(len(words) - 1, -1, -1) if not ad[k]), -1) + 1
        if not at_edge or lead == len(words) or (lead == 0 and trail == len(words)):
            continue  # no ad piece, a line all the ad's (left to take_furniture), or one inside
        if not any(_SOLID.match(w) for w in words[lead:trail]):
            continue  # a line letter-spaced as a whole (pdfminer.six spaces some justified lines)
        if lead:
            furniture.append(Furniture(FurnitureKind.AD, " ".join(words[:lead]), n + 1))
        if trail < len(words):
            furniture.append(Furniture(FurnitureKind.AD, " ".join(words[trail:]), n + 1))
        kept[n] = "".join(pieces[2 * lead : 2 * trail - 1])
        found.append(n)
    # The box's first or last line may stand alone (no column beside it): a line all spaced
    # letters next to one whose edge was the ad's is the ad's too (alone, it may be a headline).
    # A slogan's wrapped rest comes a line or two under (起 共建美丽家园): short phrases alone.
    for n in found:
        for m in (n - 1, n + 1, *((n + 2,) if n in slogans else ())):
            rest = m in (n + 1, n + 2) and n in slogans and _slogans_rest(lines[m])
            if 0 <= m < len(lines) and m not in found and (_all_spaced_letters(lines[m]) or rest):
                furniture.append(Furniture(FurnitureKind.AD, lines[m].strip(), m + 1))
                kept[m] = ""
    for t in public_at_end:
        head = _public_title_at_end(kept[t])
        if head is not None and any(0 < n - t <= _SLOGAN_UNDER_TITLE and n in slogans for n in found):
            furniture.append(Furniture(FurnitureKind.AD, _PUBLIC_AD, t + 1))
            kept[t] = head
    return kept


def _public_title_at_end(line: str) -> str | None:
    """The line before a 公益广告 ending it, a space between (a head or text of the column beside
    the box: pdfplumber prints a page row by row), or None."""
    found = _AD_TITLE_AT_END.match(line.strip())
    if found is None or found.group(2) != _PUBLIC_AD or ends_sentence(found.group(1)):
        return None
    return found.group(1)


def _slogans_rest(line: str) -> bool:
    """Short phrases alone on a line, no punctuation, a few characters in all (起 共建美丽家园)."""
    words = _GAPS.split(line.strip())[::2]
    return len(words) >= 2 and all(_CHINESE_ONLY.match(w) for w in words) and len("".join(words)) <= 8


def _all_spaced_letters(line: str) -> bool:
    words = _GAPS.split(line.strip())[::2]
    return len(words) >= 3 and all(_SPACED_LETTER.match(w) for w in words)


_SLOGAN = re.compile(
    r"^[\u4e00-\u9fff]{2,}(?:[ 　]+[\u4e00-\u9fff]{2,}){2,}$"
)  # 节约用水 从我做起 共建美丽家园


def ad_slogans_apart(lines: list[str], furniture: list[Furniture]) -> list[str]:
    """On a page with an ad, a slogan printed as a block of its own away from the ad's title
    (pdftotext prints the 公益广告 where the box starts, its slogan after the column beside it):
    a line alone between blank lines of three phrases or more set apart by spaces, with no
    punctuation, is the ad's (a story's heads have one or two; a byline is told apart). A slogan
    set in bold faked by striking twice comes out as that line printed twice running (pdfminer.six):
    the pair stands alone as one line does."""
    if not any(f.kind is FurnitureKind.AD for f in furniture):
        return lines
    kept = list(lines)
    titles = _public_ad_titles(furniture)
    for n, raw in enumerate(lines):
        line = raw.strip()
        twice = n + 1 < len(lines) and lines[n + 1].strip() == line
        end = n + 1 if twice else n  # the block's last line: the copy, where the line is printed twice
        alone = (n == 0 or not lines[n - 1].strip()) and (end + 1 == len(lines) or not lines[end + 1].strip())
        # Right under its 公益广告, the slogan may be printed among a column's lines (layout mode
        # cuts the box's lines into the column beside it): there it needs no blank lines around.
        under_title = any(0 < n - t <= _SLOGAN_UNDER_TITLE for t in titles)
        if (alone or under_title) and _SLOGAN.match(line) and not BYLINE_LINE.match(line):
            furniture.append(Furniture(FurnitureKind.AD, line, n + 1))
            kept[n] = ""
            if twice:
                kept[end] = ""
    return kept


_PUBLIC_AD = "公益广告"  # a public-service ad: a slogan is what it prints, with a picture


def _public_ad_titles(furniture: Sequence[Furniture]) -> list[int]:
    """The lines (0-based) of the page's 公益广告 taken as an ad's furniture: the titles whose
    slogans are looked for by them."""
    return [
        f.line - 1
        for f in furniture
        if f.kind is FurnitureKind.AD and f.line is not None and f.text.replace(" ", "") == _PUBLIC_AD
    ]


_SLOGAN_MOST = 24  # characters at most in a slogan printed as one line (a sentence runs longer)
_SLOGAN_MARKS = re.compile(r"[。；？?;“”‘’《》（）()：:]")  # marks a story's text or heads carry, no slogan


def slogan_by_its_title(
    raw: list[str], lines: list[str], furniture: list[Furniture]
) -> tuple[list[str], list[tuple[int, str]]]:
    """A public-service ad's slogan printed as one line set solid, by its 公益广告 (the line after
    the title, or a block of its own just over it as pdfminer.six prints the box): the ad's,
    whatever its words. ``raw`` are the page's lines before furniture was taken, ``lines`` after
    (the title blank in them). Where the ad's slogan was taken already (phrases set apart by
    spaces), the line after it is left alone: one slogan to a box. With the lines kept, the
    doubts where a slogan so taken may be a story's kicker."""
    kept = list(lines)
    doubts: list[tuple[int, str]] = []
    ads = [f.line - 1 for f in furniture if f.kind is FurnitureKind.AD and f.line is not None]
    titles = _public_ad_titles(furniture)
    for t in titles:
        if any(0 < abs(a - t) <= _SLOGAN_UNDER_TITLE for a in ads):
            continue  # the box's slogan was taken already (phrases set apart by spaces)
        after = next((k for k in range(t + 1, len(raw)) if raw[k].strip()), None)
        before = next((k for k in range(t - 1, -1, -1) if raw[k].strip()), None)
        # A line followed by a story's dateline or byline is that story's headline, no slogan.
        heads_a_story = after is not None and _opens_story(raw, after)
        # A title printed inside a column (pdftotext) splits a paragraph: the line after it is
        # the rest of the line before, which broke off mid-sentence.
        splits_text = before is not None and _broken_text(raw[before]) and not _set_apart(raw, before, after)
        if (
            after is not None
            and not heads_a_story
            and not splits_text
            and not _wraps_on(raw, after)
            and _slogan_alone(raw, lines, after)
        ):
            kept[after] = ""
            furniture.append(Furniture(FurnitureKind.AD, raw[after].strip(), after + 1))
        elif (
            before is not None
            and (after is None or not _opens_story(raw, after - 1))
            and before + 1 < t  # a blank line between: a block of its own (pdfminer.six)
            and (before == 0 or not raw[before - 1].strip())
            and _slogan_alone(raw, lines, before)
        ):
            kept[before] = ""
            furniture.append(Furniture(FurnitureKind.AD, raw[before].strip(), before + 1))
            if heads_a_story and after is not None:
                # Over a story's heads under the title the block may as well be that story's
                # kicker, printed apart from them (pdftotext): the text cannot tell.
                doubts.append((after + 1, _KICKER_OR_SLOGAN.format(raw[before].strip())))
    return kept, doubts


def slogan_far_from_its_title(raw: list[str], lines: list[str], furniture: list[Furniture]) -> list[str]:
    """A public-service ad's slogan that pdftotext prints far from its 公益广告, as a block of its
    own between the two halves of a paragraph another column's box broke (…掌声持续了五分 / the
    slogan / 多钟。…): the ad's, whatever its words, where the title has no slogan by it and the
    page holds one such line only. A story's head never stands inside a sentence: the text before
    the line broke off mid-sentence and the text after it opens a full line of running text.
    ``raw`` are the page's lines before furniture was taken, ``lines`` after (taken ones blank)."""
    ads = [f.line - 1 for f in furniture if f.kind is FurnitureKind.AD and f.line is not None]
    titles = _public_ad_titles(furniture)
    bare_titles = [t for t in titles if not any(0 < abs(a - t) <= _SLOGAN_UNDER_TITLE for a in ads)]
    if len(bare_titles) != 1:
        return lines  # no box short of its slogan, or two: which slogan is whose cannot be told
    found = [
        n
        for n in range(len(raw))
        if abs(n - bare_titles[0]) > _SLOGAN_UNDER_TITLE
        and (n == 0 or not raw[n - 1].strip())
        and (n + 1 == len(raw) or not raw[n + 1].strip())
        and _slogan_alone(raw, lines, n)
        and _inside_a_sentence(lines, n)
    ]
    if len(found) != 1:
        return lines
    kept = list(lines)
    kept[found[0]] = ""
    furniture.append(Furniture(FurnitureKind.AD, raw[found[0]].strip(), found[0] + 1))
    return kept


def _inside_a_sentence(lines: list[str], n: int) -> bool:
    """Whether line ``n`` stands between a paragraph broken off mid-sentence (its last line, past
    blank lines and furniture taken) and its rest: running text opening on a full line, as wide as
    the line under it (a paragraph's first line is indented)."""
    before = next((k for k in range(n - 1, -1, -1) if lines[k].strip()), None)
    after = next((k for k in range(n + 1, len(lines)) if lines[k].strip()), None)
    if before is None or after is None or not _broken_text(lines[before]):
        return False
    opening = lines[after].strip()
    under = lines[after + 1].strip() if after + 1 < len(lines) else ""
    return (
        bool(under)
        and bool(re.search("[，。、；！？]", opening))
        and dateline_at_start(opening.replace(" ", "")) is None
        and visual_width(opening) >= visual_width(under)
    )


def labels_over_datelines(raw: list[str], kept: list[str]) -> list[tuple[int, str]]:
    """Doubts where a chart's label printed apart from the others (``_stray_axis_labels``) stands
    right over a story's dateline: a head line stands there too, and the story under it may have lost its
    headline, or a box's title over it (简讯) may now open the box at the story's text."""
    doubts: list[tuple[int, str]] = []
    titles = _chart_titles(raw)
    for n in _stray_axis_labels(raw, _framed_axis_labels(raw, titles), titles):
        if _chart_piece(raw[n]):
            continue  # a chart's by its words wherever it stands (2023年): no head is so made
        after = next((k for k in range(n + 1, len(kept)) if kept[k].strip()), None)
        if after is not None and _opens_story(kept, after - 1):
            doubts.append((after + 1, _LABEL_OVER_DATELINE.format(raw[n].strip())))
    return doubts


_LABEL_OVER_DATELINE = (
    "the line “{}” right over this story's dateline is read as a chart's label: if it is the "
    "story's headline, or the story's headline is elsewhere, correct it (read the PDF for this page)"
)


_KICKER_OR_SLOGAN = (
    "the line “{}” over an ad's 公益广告 is read as its slogan: it may be the kicker (引题) of "
    "the story under it, printed apart from its headline (read the PDF for this page)"
)


_OFF_MEASURE = 1.5  # characters a line differs from its column's to be no line of it


def _set_apart(raw: list[str], before: int, after: int | None) -> bool:
    """Whether the line ``after`` a 公益广告 printed inside a paragraph (its line ``before`` broke
    off mid-sentence) is no line of that paragraph though running text goes on right under it:
    narrower or wider than the column's lines on either side, with no sentence ending in it. A
    paragraph's line between two full ones is full (layout mode cuts the box's lines into the
    column: …五分 / 公益广告 / a slogan / 多钟。…)."""
    if after is None or after + 1 >= len(raw) or not re.search("[，。、；！？]", raw[after + 1]):
        return False  # no running text right under it
    width = visual_width(raw[after].strip())
    around = (visual_width(raw[before].strip()), visual_width(raw[after + 1].strip()))
    return all(abs(width - column) >= _OFF_MEASURE for column in around)


def _wraps_on(raw: list[str], n: int) -> bool:
    """Whether line ``n`` goes on on the next line, no blank between, with a short rest and no
    mark (…突破 3000 万 / 吨): a head wrapped over two lines, not a slogan set as one."""
    if n + 1 >= len(raw):
        return False
    rest = re.sub(r"[\s　]+", "", raw[n + 1])
    return (
        bool(rest)
        and not _SLOGAN_MARKS.search(rest)
        and not re.search("[，。、；！？]", rest)
        and (visual_width(rest) * 2 < visual_width(re.sub(r"[\s　]+", "", raw[n])))
    )


def _broken_text(line: str) -> bool:
    """A line of running text broken off mid-sentence: a pause mark in it, no sentence's end."""
    bare = re.sub(r"[\s　]+", "", line)
    return bool(re.search("[，、；]", bare)) and not ends_sentence(bare)


def _opens_story(raw: Sequence[str], n: int) -> bool:
    """Whether the next line with text after line ``n`` opens a story: a dateline (maybe broken
    over two lines in a narrow column: 新华社呼和浩特 3 月 2 / 日电) or a byline."""
    following, second = ([x.strip() for x in raw[n + 1 :] if x.strip()] + ["", ""])[:2]
    opening = re.sub(r"\s+", "", following + second)
    return bool(dateline_at_start(opening) or BYLINE_LINE.match(following))


def _slogan_alone(raw: list[str], lines: list[str], n: int) -> bool:
    """Whether line ``n`` could be an ad's slogan set solid: text not taken as furniture, short,
    no sentence in it (a closing ！ only), no dateline, byline, subtitle (——…) or quote."""
    line = raw[n].strip()
    bare = re.sub(r"[\s　]+", "", line)
    return (
        bool(lines[n].strip())
        and IDEOGRAPH.search(bare) is not None
        and 4 <= len(bare) <= _SLOGAN_MOST
        and not _SLOGAN_MARKS.search(bare)
        and not ends_sentence(bare.rstrip("！!"))
        and not bare.startswith(("—", "－"))
        and dateline_at_start(bare) is None
        and not BYLINE_LINE.match(line)
        and not is_caption_text(line)
        and furniture_line(line) is None
    )


_NEAR = 4  # lines: how far from a slogan a story's heads and dateline stand to be its own


def slogans_over_stories(lines: list[str], kept: list[str]) -> list[tuple[int, str]]:
    """Doubts for the slogans ``ad_slogans_apart`` took from ``lines`` (blank in ``kept``) that
    stand between a head line (no punctuation) and a story's dateline (captions skipped): a
    headline or subtitle of three phrases set apart by spaces (稳外贸 促消费 扩内需) is shaped
    as an ad's slogan, and only where it stands tells them apart."""
    doubts: list[tuple[int, str]] = []
    for n, line in enumerate(lines):
        if not line.strip() or kept[n].strip():
            continue
        above = [x.strip() for x in kept[max(0, n - _NEAR) : n] if x.strip()]
        below = [
            x.strip() for x in kept[n + 1 : n + 1 + _NEAR] if x.strip() and not is_caption_text(x.strip())
        ]
        if (
            above
            and not re.search("[，。、；：！？]", above[-1])
            and not furniture_line(above[-1])
            and below
            and dateline_at_start(below[0].replace(" ", ""))
        ):
            doubts.append(
                (
                    n + 1,
                    (
                        "a line read as an ad's slogan (phrases set apart by spaces) stands between "
                        "a story's heads and its dateline: it may be the headline or one of its "
                        "tiers (read the PDF for this page)"
                    ),
                )
            )
    return doubts


def _slogan_line(line: str) -> bool:
    """An ad's line by itself: Chinese phrases set apart by spaces (not a byline's 本报记者 王明,
    nor a chart's 2022 年), or a phone number, and no sentence."""
    return (
        _ad_line(line, in_ad=True)
        and not BYLINE_LINE.match(line)
        and bool(SPACE_BETWEEN_CHINESE.search(line) or PHONE.search(line))
    )


def _ad_line(line: str, *, in_ad: bool) -> bool:
    """An ad's line: phrases set apart by spaces, or a phone number, with no sentence in it."""
    bare = line.replace(" ", "").replace("　", "")
    if ends_sentence(bare):
        return False
    if PHONE_ALONE.match(line):
        return True
    # Phrases set apart by spaces; not a column's line of text set solid beside another's
    # (pdfplumber prints a page row by row, so every line of it holds spaces).
    spaced = (" " in line or "　" in line) and not _COLUMN_LINE.search(line)
    return (in_ad and (spaced or bool(PHONE.search(line)))) or (
        bool(PHONE.search(line)) and len(bare) < 40 and spaced
    )


def _is_section_name(bare: str, lines: list[str], n: int) -> bool:
    """A short word inside the running head: after the date (and weekday) or before the date or
    folio. Not one merely after the folio: that is where a kicker (记者蹲点) may stand."""
    before = next((x.strip() for x in reversed(lines[:n]) if x.strip()), "")
    after = next((x.strip() for x in lines[n + 1 :] if x.strip()), "")
    head = (
        RUNNING_DATE.match(before) or WEEKDAY_LINE.match(before.replace(" ", "")),
        RUNNING_DATE.match(after) or WEEKDAY_LINE.match(after.replace(" ", "")) or FOLIO_LINE.match(after),
    )
    if "·" in bare:
        # A section named by two words joined with a dot (公司·市场, 国际·视野) is as short a
        # name, but a kicker takes that shape too (聚焦·楼市, under the running head): only
        # inside the head, over its folio or date, or under a date the folio is not on yet.
        inside = head[1] or (head[0] and not FOLIO_IN_LINE.search(before))
        return len(bare.replace("·", "")) <= 4 and bool(inside)
    return len(bare) <= 4 and any(head)
