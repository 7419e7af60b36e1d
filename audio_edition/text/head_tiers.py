"""A story's head lines told apart as tiers (引题 kicker, headline, 副题 subtitle), as an
extractor printed them (``extraction``: a run of head lines standing together is one block).

Type size would tell which line is which tier; an extractor's text has none, so the lines'
widths, dashes, blank lines and the marks an extractor leaves on a heavier or spread line tell:

- A run of head lines is one block, a tier to a line; a short remainder joins the line above it,
  and past three lines a narrower line does (a wrapped tier). Not under a line opening on a
  label (一线调研：…, ``labelled_over_a_line``) where the lower is a phrase, not a few
  characters: a labelled kicker longer than its headline. A remainder as long as a headline, or
  a phrase under parallel phrases set apart by a space (a kicker's shape), is joined but
  doubted (``head_shape_doubts``).
- Of two tiers, one struck twice alone (a bold faked so, ``bold_tier``) or printed letter-spaced
  alone (a character at a time, as PDFium prints a headline set with tracking:
  ``letter_spaced_tier``) is the headline.
- A subtitle printed on its headline's line after a space (PDFium joins text whose boxes
  overlap: ``…嘎查 ——来自…``) is a tier of its own (``subtitles_off_head_lines``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from audio_edition.text.articles import (
    KICKER_JOINED_DOUBT,
    as_long_as_a_headline,
    labelled_over_a_line,
    phrases_over_a_line,
)
from audio_edition.text.extraction_tidy import BODY_PUNCTUATION
from audio_edition.text.layout import TextLine, dateline_in_any_form, is_letter_spaced, visual_width


def bold_tier(groups: Sequence[Sequence[TextLine]], doubled: Collection[int]) -> int | None:
    """Which of a story's head tiers alone was struck twice (a bold faked so): the headline, set
    heavier than its kicker or subtitle. None where none is, or several are."""
    bold = [n for n, group in enumerate(groups) if all(line.number in doubled for line in group)]
    return bold[0] if len(groups) >= 2 and len(bold) == 1 else None


# A head line's subtitle printed on its line: text, a space, a dash, more text (…嘎查 ——来自…).
_SUBTITLE_ON_LINE = re.compile(r"^(\S.*?\S) +(——+\s*[^\s—].*)$")


def subtitles_off_head_lines(heads: list[TextLine]) -> list[TextLine]:
    """``heads`` with a subtitle printed on its headline's line set on a line of its own.
    PDFium joins text whose boxes overlap up and down into one line: a subtitle (副题) set tight
    under a large headline runs into the headline's box and comes out on its line after a space
    (``文化惠民演出走进百个嘎查 ——来自基层一线的调查``). A subtitle opens on a dash, and print sets
    none after a space inside a headline: the dash there opens the next tier. Only on a story's
    heads' last line (the subtitle is the last tier), under a kicker at most and over no
    subtitle of its own: a longer run of head lines is more often two stories' heads printed
    side by side (pdfplumber), whose one line may hold one story's headline and another's subtitle."""
    last = heads[-1] if heads else None
    found = _SUBTITLE_ON_LINE.match(last.text) if last is not None else None
    if last is None or found is None or len(heads) > 2 or any(x.text.startswith("—") for x in heads):
        return heads
    parts = []
    for text, blank in ((found.group(1), last.blank_before), (found.group(2), False)):
        part = TextLine(text, visual_width(text), blank_before=blank, number=last.number)
        part.column, part.narrowest = last.column, last.narrowest
        parts.append(part)
    return [*heads[:-1], *parts]


def letter_spaced_tier(groups: Sequence[Sequence[TextLine]]) -> int | None:
    """Which of a story's head tiers alone is printed letter-spaced (``打 好 防 沙 治 沙 攻 坚 战``,
    a character at a time, no marks of running text): the headline, spread to fill its measure
    as papers set a short headline, over or under a kicker or subtitle set solid. None where
    no tier is, or several are."""
    spaced = [
        n
        for n, group in enumerate(groups)
        if all(is_letter_spaced(line.text) and not BODY_PUNCTUATION.search(line.text) for line in group)
    ]
    return spaced[0] if len(groups) >= 2 and len(spaced) == 1 else None


def head_shape_doubts(groups: Sequence[Sequence[TextLine]], doubled: Collection[int]) -> list[str]:
    """What a story's head lines (``groups``, from ``tiers``) leave in doubt by their shape: a
    line as long as a headline read as the wrapped rest of the line above (a kicker longer than
    its headline). (A label read as the kicker over a line that would otherwise read as its
    subtitle is doubted with the other kickers read so, weighed against the page's stories:
    ``extraction_doubts``, where a series' kicker over several stories is not.)"""
    found: list[str] = []
    if sum(len(group) for group in groups) <= 3 and _kicker_joined(groups, doubled):
        found.append(KICKER_JOINED_DOUBT)
    return found


def _kicker_joined(groups: Sequence[Sequence[TextLine]], doubled: Collection[int]) -> bool:
    """Whether a tier of ``groups`` (from ``tiers``) joins a line to the line above it as its
    remainder where the lower line is as long as a headline: the two may be a kicker (引题)
    longer than its headline, read as one headline longer than either line. A headline wrapped
    so would be over twenty characters, longer than headlines run. So too where the upper is
    parallel phrases set apart by a space over a phrase (``phrases_over_a_line``): a kicker's
    shape, whose headline may be shorter than a headline usually runs. Not a bold headline
    struck twice on both lines: the strike says they are one tier."""
    return any(
        (as_long_as_a_headline(lower.text) or phrases_over_a_line(upper.text, lower.text))
        and not (upper.number in doubled and lower.number in doubled)
        for group in groups
        for upper, lower in zip(group, group[1:], strict=False)
        if not upper.text.startswith("—")
    )


def tiers(heads: list[TextLine], doubled: Collection[int] = ()) -> list[list[TextLine]]:
    """A run of standalone lines as tiers: each line its own, except a remainder of a few
    characters, and past three lines a line narrower than the one above it (and not dash-led),
    which are the line above's wrapped rest. Never a line after a blank: an extractor prints a
    wrapped line in the block of the line it wraps, a blank between two blocks. Lines drawn
    twice one after the other (``doubled``: a bold headline's) are one tier wrapped."""
    groups: list[list[TextLine]] = []
    for line in heads:
        # A line of a few characters, or under half again as wide, under a wider one is that
        # line's remainder (冰雪旅游带火北疆 / 小城): a tier below is rarely so much shorter.
        above = groups[-1][-1].width if groups else 0.0
        bold_run = bool(groups) and line.number in doubled and groups[-1][-1].number in doubled
        if (
            groups
            and not line.blank_before
            and not line.text.startswith("—")
            and ((line.width <= 3 or line.width <= 0.6 * above) and above > line.width or bold_run)
            # A labelled kicker longer than its headline (一线调研：工业转型升级观察 / 老街新生):
            # the label says the line is a tier of its own; a wrapped rest is a few characters.
            and not (
                len(groups[-1]) == 1 and labelled_over_a_line(groups[-1][0].text, line.text) and not bold_run
            )
        ):
            groups[-1].append(line)
        else:
            groups.append([line])
    while len(groups) > 3:
        # A subtitle opens with a dash: a line after it without one is its wrapped rest.
        dashed = [
            n
            for n in range(1, len(groups))
            if groups[n - 1][0].text.startswith("—")
            and not groups[n][0].text.startswith("—")
            and not groups[n][0].blank_before
        ]
        if dashed:
            n = dashed[0]
            groups[n - 1 : n + 1] = [groups[n - 1] + groups[n]]
            continue
        best = None
        for n in range(1, len(groups)):
            upper, lower = groups[n - 1][-1], groups[n][0]
            if lower.text.startswith("——") or lower.width >= upper.width or lower.blank_before:
                continue
            drop = upper.width - lower.width
            if best is None or drop > best[1]:
                best = (n, drop)
        if best is None:
            break
        n = best[0]
        groups[n - 1 : n + 1] = [groups[n - 1] + groups[n]]
    return _wrapped_twice(groups)


def _wrapped_twice(groups: list[list[TextLine]]) -> list[list[TextLine]]:
    """``groups`` with a headline wrapped twice at its column's measure made one tier: two lines
    as wide as each other, the second ending on a remainder of a character or two (沪指四连阳 两市成
    / 交额重回1.2万亿 / 元). The remainder shows the measure the headline filled; a kicker over
    it fills that measure to the half character only by chance."""
    if len(groups) != 2 or len(groups[0]) != 1 or len(groups[1]) != 2:
        return groups
    upper, (lower, rest) = groups[0][0], groups[1]
    if (
        abs(upper.width - lower.width) <= _SAME_MEASURE
        and rest.width <= 2
        and not lower.blank_before
        and not upper.text.startswith("—")
        and not lower.text.startswith("—")
        and not re.search(r"[：:·，、。？！\s]$", upper.text)
        # A dateline a column broke (【新华社都匀12 月3 日 / 电】) is no headline's rest.
        and not dateline_in_any_form((lower.text + rest.text).replace(" ", ""))
    ):
        return [[upper, lower, rest]]
    return groups


_SAME_MEASURE = 0.5  # characters: two lines a headline filled at one measure
