"""Undoing an extractor's marks on a page's raw text, line for line, before it is read.

A PDF text extractor prints a typeset page's text with marks of its own, which say nothing of the
page's layout and would mislead every later stage (``extraction``: lines into segments), so they
are undone first, and the line count never changes (doubts and warnings name a page's lines):

- U+2011 (non-breaking hyphen) for "-", ⋯⋯ for ……, punctuation alone on a line (！ ”) joined to
  the line before it.
- Letter-spaced justified lines: a body line letter-spaced by its justification (pdfminer.six),
  with a comma or stop inside, set solid; a headline set letter-spaced carries no such mark and
  keeps its spaces.
- Text printed twice where the PDF fakes bold by striking it twice (简讯简讯, a head line twice
  running, or each of its characters twice running, 简简讯讯, as pypdf's layout mode prints a page
  drawn a glyph at a time), kept once.
- A wrapped headline's last characters printed on its dateline's line (one baseline: 儿了 人民网
  绵阳 9 月 1 日) go back to the headline.
"""

from __future__ import annotations

import re

from audio_edition.text.decode import IDEOGRAPH
from audio_edition.text.extraction_furniture import BYLINE_LINE
from audio_edition.text.layout import SECTION_WORDS, dateline_at_start, ends_sentence, is_letter_spaced

_LONE_PUNCTUATION = re.compile(r"^[\s　]*[！？。，；：、”’）》」』!?]+[\s　]*$")
_SUB = str.maketrans({"\u2011": "-", "\u2010": "-"})


def tidy_extraction(text: str) -> str:
    """Undo the extractors' character artefacts, line for line (the line count never changes):
    U+2011 for "-", ⋯⋯ for ……, punctuation alone on a line joined to the line before it, text
    printed twice (a bold faked by double striking), a body line letter-spaced by justification."""
    text = text.translate(_SUB).replace("⋯", "…")
    lines = [_justified_body_line(_once(line)) for line in text.split("\n")]
    for n in range(1, len(lines)):
        if _LONE_PUNCTUATION.match(lines[n]):
            back = n - 1
            while back > 0 and not lines[back].strip():
                back -= 1
            lines[back] = lines[back].rstrip() + lines[n].strip()
            lines[n] = ""
    return "\n".join(_head_rest_off_datelines(lines))


_HEAD_REST = re.compile(r"^([^\s，。、；：！？…（）]{1,4}) +(\S.*)$")  # 儿了 人民网绵阳 9 月 1 日


def _head_rest_off_datelines(lines: list[str]) -> list[str]:
    """``lines`` with a wrapped head line's rest printed on its dateline's line (pypdfium2 joins
    text on one baseline: ``儿了 人民网绵阳 9 月 1 日``) put back on the head line above it. A few
    characters with no mark, a space, then a dateline (carried on by the next line, where it
    breaks), under a line ending no sentence: running text has its marks, a dateline opens its
    own line, and only a head's last line stops mid-phrase over one."""
    for n in range(1, len(lines)):
        rest = _HEAD_REST.match(lines[n].strip())
        # A byline's credit (文/图 本报记者 王明) is no head's rest: its role reads as a dateline.
        if rest is None or rest.group(1) in SECTION_WORDS or BYLINE_LINE.match(lines[n].strip()):
            continue
        following = lines[n + 1].strip() if n + 1 < len(lines) else ""
        opening = (rest.group(2) + following).replace(" ", "")
        above = lines[n - 1].rstrip()
        if not above.strip() or ends_sentence(above) or "。" in above or not dateline_at_start(opening):
            continue
        lines[n - 1] = above + rest.group(1)
        lines[n] = rest.group(2)
    return lines


_TWICE = re.compile(r"^(\S.+)\1$")  # a short line printed twice over itself (简讯简讯)
BODY_PUNCTUATION = re.compile(r"[，、；。！？]")


def _once(line: str) -> str:
    twice = _TWICE.match(line.strip())
    if twice and not BODY_PUNCTUATION.search(line):
        return twice.group(1)
    return _each_character_once(line)


_EACH_TWICE_LEAST = 3  # characters of the line kept: an AABB word alone (明明白白) is printed so


def _each_character_once(line: str) -> str:
    """A head line with each character printed twice running (``打打好好防防沙沙``) kept once:
    a bold faked by striking each character twice a hair apart, each glyph drawn on its own,
    comes out of pypdf's layout mode (and pdfplumber) with the two strikes of each character
    side by side. Running text (a comma or stop inside) is never struck twice, and a line of
    two characters each doubled may be a word of its own (明明白白) but for a box's word (简讯)."""
    words = line.split()
    if not words or BODY_PUNCTUATION.search(line):
        return line
    if not all(len(w) % 2 == 0 and w[0::2] == w[1::2] for w in words):
        return line
    kept = [w[0::2] for w in words]
    letters = sum(len(w) for w in kept)
    if len(set("".join(kept))) < 2 or (letters < _EACH_TWICE_LEAST and " ".join(kept) not in SECTION_WORDS):
        return line
    return " ".join(kept)


def _justified_body_line(line: str) -> str:
    """A body line the extractor letter-spaced (pdfminer.six, where a line is justified by
    character spacing: ``近 期 ， 县 消 防 救 援 大``) set solid: letter-spaced, every character on
    its own, and running text (a comma or stop inside, or a dateline). A headline set
    letter-spaced carries no such mark and keeps its spaces (read as a display line)."""
    if " " not in line or "  " in line.strip() or not is_letter_spaced(line):
        return line
    bare = line.replace(" ", "")
    tokens = line.split()
    if any(len(IDEOGRAPH.findall(t)) > 1 for t in tokens):
        return line  # two columns' text merged with a letter-spaced one: the space tells
    if BODY_PUNCTUATION.search(bare) or dateline_at_start(bare):
        return bare
    return line
