"""Splitting paragraphs into sentences for speech."""

from __future__ import annotations

import re

DEFAULT_MAX_CHARS = 120

# A sentence ends at 。！？ or …… and keeps its closing quotes and brackets (。” stays together).
_SENTENCE = re.compile(r"(?:[。！？!?]+|…{1,2}|\.{3,})[”’」』）)\]】]*")
_OPENERS = {"《": "》", "“": "”", "（": "）", "「": "」", "『": "』"}
# Where an over-long sentence may be cut, best first.
_CLAUSE_BREAKS = ("；;", "，,", "、：:")


def split_sentences(paragraph: str, max_chars: int = DEFAULT_MAX_CHARS) -> list[str]:
    """Split a paragraph into sentences no longer than ``max_chars``.

    Splits after 。！？ and ……, keeping closing quotes and brackets with their sentence; never
    inside 《》 or a number. A sentence longer than ``max_chars`` is cut at ；, then at ，、：, and
    as a last resort between characters (never inside a run of digits or Latin letters).
    """
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    sentences: list[str] = []
    for sentence in _sentences(paragraph):
        sentences.extend(_fit(sentence, max_chars))
    return sentences


def _sentences(paragraph: str) -> list[str]:
    text = paragraph.strip()
    pieces: list[str] = []
    start = 0
    titles = _TitleDepth(text)
    for match in _SENTENCE.finditer(text):
        if titles.inside(match.start()):
            continue
        piece = text[start : match.end()].strip()
        if piece:
            pieces.append(piece)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


class _TitleDepth:
    """Whether a position falls inside an unclosed 《…》 (a book or document title).

    Counts 《 and 》 before the position, as one running tally: asked at increasing positions
    (as every caller does), the whole text is walked once. Counting from the start at each
    question made a 4 MB run of commas take minutes.
    """

    def __init__(self, text: str) -> None:
        self.text, self.at, self.depth = text, 0, 0

    def inside(self, index: int) -> bool:
        if index < self.at:  # asked out of order: start again (never happens in this module)
            self.at, self.depth = 0, 0
        segment = self.text[self.at : index]
        self.depth += segment.count("《") - segment.count("》")
        self.at = index
        return self.depth > 0


def _fit(sentence: str, max_chars: int) -> list[str]:
    if len(sentence) <= max_chars:
        return [sentence]
    for breaks in _CLAUSE_BREAKS:
        titles = _TitleDepth(sentence)
        cuts = [i + 1 for i, c in enumerate(sentence[:-1]) if c in breaks and not titles.inside(i)]
        if cuts:
            return _pack(sentence, cuts, max_chars)
    return _hard_cut(sentence, max_chars)


def _pack(sentence: str, cuts: list[int], max_chars: int) -> list[str]:
    """Cut at the allowed places so each chunk is as long as possible within the limit."""
    chunks: list[str] = []
    start = 0
    last_cut = 0
    for cut in [*cuts, len(sentence)]:
        if cut - start > max_chars and last_cut > start:
            chunks.append(sentence[start:last_cut])
            start = last_cut
        last_cut = cut
    chunks.append(sentence[start:])
    # A chunk that is still too long had no allowed cut inside: try the next kind of break.
    result: list[str] = []
    for chunk in chunks:
        result.extend(_fit(chunk, max_chars) if len(chunk) > max_chars else [chunk])
    return result


def _hard_cut(sentence: str, max_chars: int) -> list[str]:
    chunks: list[str] = []
    start = 0  # an index, not a shrinking copy: slicing the rest off each time is quadratic
    while len(sentence) - start > max_chars:
        cut = start + max_chars
        while cut > start + 1 and _joins(sentence[cut - 1], sentence[cut]):
            cut -= 1
        if cut == start + 1:  # one unbroken number or word longer than the limit: cut it anyway
            cut = start + max_chars
        chunks.append(sentence[start:cut])
        start = cut
    chunks.append(sentence[start:])
    return chunks


_JOINING = re.compile(r"[0-9A-Za-z.%]")


def _joins(left: str, right: str) -> bool:
    return bool(_JOINING.match(left) and _JOINING.match(right))
