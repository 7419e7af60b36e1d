"""Where each of our sentences starts, from the service's sentence boundary events.

The service reports ``SentenceBoundary`` events with the text it considers one sentence, an
offset and a duration. For Chinese its sentences need not be ours: it may merge two of ours, split
one at a comma, or drop punctuation. So we do not pair events with sentences one to one; we place
each event's text in our request text (ignoring punctuation and spacing), which gives anchors
"character position → time", and read each sentence's start off the piecewise-linear line through
them. Events whose text cannot be placed are ignored; with none placed, time is shared out by
characters. The first sentence starts at 0 (the lead-in silence belongs to it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

_NOT_SPOKEN = re.compile(r"[\W_]+")
MAX_SKIP = 40
"""Characters an event's text may start after the previous one's end and still be placed there."""


@dataclass(frozen=True)
class Boundary:
    """One boundary event: the text the service spoke, and when (seconds)."""

    text: str
    offset: float
    duration: float


def spoken_chars(text: str) -> str:
    """``text`` without punctuation and spacing, case-folded: what can be matched across tools."""
    return _NOT_SPOKEN.sub("", text).casefold()


def _anchors(sentences: Sequence[str], boundaries: Sequence[Boundary]) -> tuple[list[int], list[float], int]:
    joined = "".join(spoken_chars(s) for s in sentences)
    xs: list[int] = []
    ts: list[float] = []
    cursor = 0
    for event in boundaries:
        said = spoken_chars(event.text)
        if not said:
            continue
        at = joined.find(said, cursor)
        if at < 0 or at - cursor > MAX_SKIP:
            continue
        xs += [at, at + len(said)]
        ts += [event.offset, event.offset + event.duration]
        cursor = at + len(said)
    return xs, ts, len(joined)


def sentence_starts(
    sentences: Sequence[str], boundaries: Sequence[Boundary], duration: float
) -> tuple[float, ...]:
    """One start time (seconds, non-decreasing, within ``[0, duration]``) per sentence."""
    if not sentences:
        return ()
    xs, ts, total_chars = _anchors(sentences, boundaries)
    xs = [0, *xs, total_chars]
    ts = [0.0, *ts, duration]
    for i in range(1, len(ts)):  # the service's offsets may overlap; time never runs backwards
        ts[i] = max(ts[i], ts[i - 1])
    starts: list[float] = []
    position = 0
    for index, sentence in enumerate(sentences):
        if index == 0:
            starts.append(0.0)
        else:
            # The last anchor at or before ``position``: at a boundary's own start this is that
            # boundary (speech begins there), not the end of the pause before it.
            right = bisect.bisect_right(xs, position) - 1
            if xs[right] == position or right + 1 >= len(xs):
                start = ts[right]
            else:
                span = xs[right + 1] - xs[right]
                start = ts[right] + (ts[right + 1] - ts[right]) * (position - xs[right]) / span
            starts.append(min(max(start, starts[-1]), duration))
        position += len(spoken_chars(sentence))
    return tuple(starts)


def incomplete(sentences: Sequence[str], boundaries: Sequence[Boundary], duration: float) -> str | None:
    """Why a stream looks cut short, or None when it looks whole.

    edge-tts returns whatever audio arrived when the connection closes early, so a dropped
    stream must be caught here: the audio must reach the end of the last boundary event, and the
    events must reach (near) the end of the text. Lenient on purpose: the service's sentence
    texts differ from ours a little.
    """
    xs, ts, total_chars = _anchors(sentences, boundaries)
    if not xs:
        return None  # nothing to check against (the service sent no events we could place)
    if ts[-1] - duration > 0.5:
        return f"audio stops at {duration:.1f} s but speech runs to {ts[-1]:.1f} s"
    if total_chars - xs[-1] > max(4, total_chars // 10):
        return f"speech stops {total_chars - xs[-1]} characters before the end of the text"
    return None
