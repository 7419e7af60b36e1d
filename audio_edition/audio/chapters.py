"""Chapter times and the Podcasting 2.0 JSON chapters file.

A chapter starts where its track's first sample lands in the encoded episode. The assembly stage
knows each track's sample offset exactly; the MP3 encoder then puts its delay (LAME: 1105 samples,
ffprobe's ``start_time``) in front of the first sample, so every chapter after the first moves by
that delay. The first chapter always starts at 0: the file's beginning.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from audio_edition.audio.manifest import Chapter

CHAPTERS_VERSION = "1.2.0"


@dataclass(frozen=True)
class TrackSpan:
    """Where a track sits in the assembled (not yet encoded) audio, in seconds."""

    title: str
    start: float
    end: float
    article: int | None = None


def place_chapters(spans: Sequence[TrackSpan], encoder_delay: float, total: float) -> tuple[Chapter, ...]:
    """Chapters for ``spans`` in an encoded file whose audio starts ``encoder_delay`` seconds in.

    ``total`` is the encoded file's duration; no chapter ends after it.
    """
    chapters: list[Chapter] = []
    for i, span in enumerate(spans):
        start = 0.0 if i == 0 else span.start + encoder_delay
        end = min(total, span.end + encoder_delay) if i + 1 < len(spans) else total
        chapters.append(
            Chapter(
                title=span.title, start=round(start, 3), end=round(max(end, start), 3), article=span.article
            )
        )
    return tuple(chapters)


def render_chapters_json(chapters: Sequence[Chapter]) -> str:
    """The chapters in the Podcasting 2.0 JSON chapters format (version 1.2.0)."""
    body = {
        "version": CHAPTERS_VERSION,
        "chapters": [{"startTime": c.start, "endTime": c.end, "title": c.title} for c in chapters],
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
