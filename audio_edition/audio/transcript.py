"""Transcripts: WebVTT and SubRip with one cue per sentence.

Cue times come from the engine's sentence timings shifted to where each piece of speech sits in the
file; a cue ends where the next begins (or where its speech ends), so the cues cover the speech
without overlapping.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    """One sentence on screen from ``start`` to ``end`` (seconds)."""

    start: float
    end: float
    text: str


def cues_for_sentences(
    sentences: Sequence[str], starts: Sequence[float], duration: float, offset: float = 0.0
) -> list[Cue]:
    """One cue per sentence of a piece of speech that begins ``offset`` seconds into the file.

    ``starts`` are the engine's sentence starts within the piece, ``duration`` its length. A
    sentence with no printed text (nothing to show) gets no cue.
    """
    if len(sentences) != len(starts):
        raise ValueError(f"{len(sentences)} sentences but {len(starts)} sentence starts")
    cues: list[Cue] = []
    for i, (text, start) in enumerate(zip(sentences, starts)):
        end = starts[i + 1] if i + 1 < len(starts) else duration
        end = max(end, start)  # an engine's rounding must never give a cue negative length
        if text.strip():
            cues.append(Cue(start=offset + start, end=offset + end, text=text.strip()))
    return cues


def shift_cues(cues: Iterable[Cue], offset: float) -> list[Cue]:
    """The same cues ``offset`` seconds later (a track placed inside the episode)."""
    return [Cue(start=c.start + offset, end=c.end + offset, text=c.text) for c in cues]


def _timestamp(seconds: float, separator: str) -> str:
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def _one_line(text: str) -> str:
    # A blank line ends a cue in both formats, and "-->" would read as a timing line.
    return " ".join(text.split()).replace("-->", "→")


def _blocks(cues: Iterable[Cue], decimal: str) -> list[str]:
    """One numbered block per cue; the formats differ only in the timestamps' decimal mark."""
    return [
        f"{n}\n{_timestamp(cue.start, decimal)} --> {_timestamp(cue.end, decimal)}\n{_one_line(cue.text)}\n"
        for n, cue in enumerate(cues, start=1)
    ]


def render_vtt(cues: Iterable[Cue]) -> str:
    """The cues as a WebVTT file."""
    return "\n".join(["WEBVTT\n", *_blocks(cues, ".")])


def render_srt(cues: Iterable[Cue]) -> str:
    """The cues as a SubRip (.srt) file."""
    return "\n".join(_blocks(cues, ","))
