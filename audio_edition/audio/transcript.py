"""Transcripts: WebVTT and SubRip with one cue per sentence.

Cue times come from the engine's sentence timings shifted to where each piece of speech sits in the
file; a cue ends where the next begins (or where its speech ends), so the cues cover the speech
without overlapping.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
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


def _blocks(cues: Iterable[Cue], decimal: str, escape: Callable[[str], str]) -> list[str]:
    """One numbered block per cue; the formats differ in the timestamps' decimal mark and escaping."""
    return [
        f"{n}\n{_timestamp(cue.start, decimal)} --> {_timestamp(cue.end, decimal)}\n{escape(_one_line(cue.text))}\n"
        for n, cue in enumerate(cues, start=1)
    ]


def render_vtt(cues: Iterable[Cue]) -> str:
    """The cues as a WebVTT file (``&``, ``<`` and ``>`` escaped: in a cue they start markup)."""
    return "\n".join(["WEBVTT\n", *_blocks(cues, ".", _vtt_escape)])


def render_srt(cues: Iterable[Cue]) -> str:
    """The cues as a SubRip (.srt) file."""
    return "\n".join(_blocks(cues, ",", lambda text: text))


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s+-->\s+{_TIME}")


def _seconds(hours: str | None, minutes: str, secs: str, millis: str) -> float:
    # Whole milliseconds first, one division: the exact float render_vtt's value rounds to.
    return (int(hours or 0) * 3_600_000 + int(minutes) * 60_000 + int(secs) * 1000 + int(millis)) / 1000


def parse_vtt(text: str) -> list[Cue]:
    """The cues of a WebVTT (or SubRip) file, such as ``render_vtt`` writes: the inverse of it.

    Cue settings, notes and styles are ignored; a cue's lines are joined with a space and its
    character references (``&amp;``, ``&lt;``…) read back as the characters.
    """
    cues: list[Cue] = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = block.split("\n")
        for i, line in enumerate(lines):
            timing = _TIMING.match(line)
            if timing:
                words = html.unescape(" ".join(part.strip() for part in lines[i + 1 :] if part.strip()))
                cues.append(
                    Cue(_seconds(*timing.group(1, 2, 3, 4)), _seconds(*timing.group(5, 6, 7, 8)), words)
                )
                break
    return cues
