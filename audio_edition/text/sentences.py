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
    for match in _SENTENCE.finditer(text):
        if _inside_title(text, match.start()):
            continue
        piece = text[start : match.end()].strip()
        if piece:
            pieces.append(piece)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def _inside_title(text: str, index: int) -> bool:
    """Whether ``index`` falls inside an unclosed 《…》 (a book or document title)."""
    return text.count("《", 0, index) > text.count("》", 0, index)


def _fit(sentence: str, max_chars: int) -> list[str]:
    if len(sentence) <= max_chars:
        return [sentence]
    for breaks in _CLAUSE_BREAKS:
        cuts = [i + 1 for i, c in enumerate(sentence[:-1]) if c in breaks and not _inside_title(sentence, i)]
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
    while len(sentence) > max_chars:
        cut = max_chars
        while cut > 1 and _joins(sentence[cut - 1], sentence[cut]):
            cut -= 1
        if cut == 1:  # one unbroken number or word longer than the limit: cut it anyway
            cut = max_chars
        chunks.append(sentence[:cut])
        sentence = sentence[cut:]
    chunks.append(sentence)
    return chunks


def _joins(left: str, right: str) -> bool:
    return bool(re.match(r"[0-9A-Za-z.%]", left) and re.match(r"[0-9A-Za-z.%]", right))
