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
from collections.abc import Collection

from audio_edition.text.extraction_furniture import BYLINE_LINE
from audio_edition.text.furniture import BOX_TITLE, INDEX_TITLE, SLOGAN_PHRASES
from audio_edition.text.layout import (
    SECTION_WORDS,
    Furniture,
    FurnitureKind,
    dateline_at_start,
    ends_sentence,
    furniture_line,
)

_LABEL_MOST = 4  # characters at most in an ad's label (公益宣传) or an index's title far from its items
_NEAR = 3  # lines (blank ones among them) between a box's title and its first or last line
_SENTENCE_MARK = re.compile(r"[，。；！？]")  # a head carries none (a colon it may)
_IDEOGRAPH_END = re.compile(r"[\u4e00-\u9fff]$")
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
    for first, _last in _runs(furniture, FurnitureKind.INDEX):
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
            and _alone(kept, second)
            and not _SENTENCE_MARK.search(line)
        ):
            furniture.append(Furniture(FurnitureKind.INDEX, kept[second].strip(), second + 1))
            kept[second] = ""
            return kept
    if not _runs(furniture, FurnitureKind.INDEX):
        return kept
    # Printed apart from its items: the one short line alone on the page that no paragraph
    # ends over (a subhead stands between two paragraphs) and no story's dateline follows.
    apart = [
        n
        for n, line in enumerate(kept)
        if line.strip()
        and _label(line)
        and len(_bare(line)) <= _LABEL_MOST
        and _alone(kept, n)
        and not _after_a_sentence(kept, n)
        and not _inside_a_sentence(kept, n)
        and not _before_a_dateline(kept, n)
    ]
    if len(apart) == 1:
        furniture.append(Furniture(FurnitureKind.INDEX, kept[apart[0]].strip(), apart[0] + 1))
        kept[apart[0]] = ""
    return kept


def _inside_a_sentence(lines: list[str], n: int) -> bool:
    """Whether line ``n`` stands between the halves of a paragraph broken mid-sentence: the line
    over it ends no sentence, and it or the line under it is running text (a pause mark in it):
    a box's piece printed inside a column, as pdftotext prints one."""
    before = next((x.strip() for x in reversed(lines[:n]) if x.strip()), "")
    after = next((x.strip() for x in lines[n + 1 :] if x.strip()), "")
    if not before or ends_sentence(before):
        return False
    return bool(re.search("[，、；]", before) or re.search("[，、；。]", after))


def _after_a_sentence(lines: list[str], n: int) -> bool:
    before = next((x.strip() for x in reversed(lines[:n]) if x.strip()), "")
    return ends_sentence(before)


def _before_a_dateline(lines: list[str], n: int) -> bool:
    after = next((x.strip() for x in lines[n + 1 :] if x.strip()), "")
    return dateline_at_start(_bare(after)) is not None


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
        if label is line and _rest_of_a_dateline(kept, n):
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
    return kept


def _rest_of_a_dateline(lines: list[str], n: int) -> bool:
    """Whether line ``n`` ends a dateline broken over two lines (本报包头 3 月 1 / 日电)."""
    before = next((x.strip() for x in reversed(lines[:n]) if x.strip()), "")
    return dateline_at_start(_bare(before + lines[n])) is not None


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
