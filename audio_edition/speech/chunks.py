"""Splitting a part's sentences into service requests: whole sentences, well under the size limit.

edge-tts splits long text only at whitespace, which Chinese has none of, so we cut at sentence
ends ourselves. Each request stays under ``MAX_REQUEST_BYTES`` of XML-escaped UTF-8 (the service
limit is 4096 including SSML); a single sentence longer than that is cut at clause marks
(，；：、) and, failing those, between characters, and its pieces after the first are marked as
continuations so sentence timings still come out one per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

MAX_REQUEST_BYTES = 1500
"""About 500 Chinese characters, two minutes of speech: a third of the service's limit, so a
retry repeats little and a stall loses little."""

_CLAUSE_END = re.compile(r"(?<=[，；：、,;:])")


@dataclass(frozen=True)
class Chunk:
    """One request: pieces of text spoken in order, and which pieces begin a sentence."""

    pieces: tuple[str, ...]
    starts_sentence: tuple[bool, ...]

    @property
    def sentence_count(self) -> int:
        return sum(self.starts_sentence)


def escaped_size(text: str) -> int:
    """Bytes ``text`` takes in the SSML sent to the service."""
    return len(escape(text).encode("utf-8"))


def _cut_long(sentence: str, limit: int) -> list[str]:
    """Cut one over-long sentence into pieces under ``limit``, at clause marks where possible."""
    pieces: list[str] = []
    current = ""
    for clause in (c for c in _CLAUSE_END.split(sentence) if c):
        while escaped_size(clause) > limit:  # no clause mark for ~500 characters: cut anywhere
            cut = len(clause)
            while escaped_size(clause[:cut]) > limit:
                cut = cut * 3 // 4 or 1
            if current:
                pieces.append(current)
                current = ""
            pieces.append(clause[:cut])
            clause = clause[cut:]
        if current and escaped_size(current + clause) > limit:
            pieces.append(current)
            current = ""
        current += clause
    if current:
        pieces.append(current)
    return pieces


def plan_chunks(
    sentences: Sequence[str], limit: int = MAX_REQUEST_BYTES, *, max_pieces: int | None = None
) -> tuple[Chunk, ...]:
    """Group ``sentences`` greedily into requests of at most ``limit`` escaped bytes each (and at
    most ``max_pieces`` pieces: 1 for an engine that cannot time sentences within a request).

    Every chunk's ``sentence_count`` adds up to ``len(sentences)`` minus blank sentences; blank
    sentences are dropped (there is nothing to say).
    """
    chunks: list[Chunk] = []
    pieces: list[str] = []
    starts: list[bool] = []
    size = 0

    def flush() -> None:
        nonlocal size
        if pieces:
            chunks.append(Chunk(tuple(pieces), tuple(starts)))
            pieces.clear()
            starts.clear()
            size = 0

    for sentence in (s.strip() for s in sentences):
        if not sentence:
            continue
        for index, piece in enumerate(_cut_long(sentence, limit)):
            piece_size = escaped_size(piece)
            if size + piece_size > limit or (max_pieces is not None and len(pieces) >= max_pieces):
                flush()
            pieces.append(piece)
            starts.append(index == 0)
            size += piece_size
    flush()
    return tuple(chunks)
