"""Speaking the scripts: every line's speech, from the batch layer and its cache, as a clip file.

The batch layer (``speech.speak_articles``) returns an edition's audio in memory; a two-hour
edition is ~350 MB of 24 kHz WAV. So tracks are spoken ``SPEAK_GROUP`` at a time and each part is
written to the build's work folder at once, where assembly reads it.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from audio_edition.audio.assemble import Clip
from audio_edition.audio.script import TrackScript
from audio_edition.speech import (
    ENGINES,
    ArticleRequest,
    EngineDecision,
    EngineFactory,
    EngineSettings,
    PartRequest,
    SpeechEngine,
    SpokenEdition,
    load_preset,
    speak_articles,
)
from audio_edition.speech.chunks import plan_chunks
from audio_edition.speech.engine import AudioFormat

SPEAK_GROUP = 6
"""Tracks spoken per ``speak_articles`` call."""


def _reusing(registry: Mapping[str, EngineFactory]) -> dict[str, EngineFactory]:
    """The registry with each engine built once: the offline model loads once per build, not per group."""
    made: dict[str, SpeechEngine] = {}
    lock = threading.Lock()

    def once(name: str, factory: EngineFactory) -> EngineFactory:
        def make(settings: EngineSettings) -> SpeechEngine:
            with lock:
                if name not in made:
                    made[name] = factory(settings)
                return made[name]

        return make

    return {name: once(name, factory) for name, factory in registry.items()}


@dataclass(frozen=True)
class SpokenTrack:
    """A track's speech on disk: one clip per line, with the pause after each."""

    script: TrackScript
    clips: tuple[tuple[Clip, float], ...]
    audio_sha256: tuple[str, ...] = ()
    """One per clip: what the fingerprint of the build is made of."""


@dataclass(frozen=True)
class SpeechReport:
    """How the speaking went, for the build's summary."""

    requests: int
    cache_hits: int
    fallbacks: tuple[str, ...]
    """Titles of tracks spoken offline after the online engine failed them."""
    preset: str
    voices: tuple[str, ...] = ()
    """The voice ids that actually spoke (a preset's offline voice when it fell back)."""


def speak_tracks(
    scripts: Sequence[TrackScript],
    decision: EngineDecision,
    work: Path,
    *,
    voice: str,
    jobs: int,
    cache_dir: Path,
    settings: EngineSettings,
    engines: Mapping[str, EngineFactory] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[SpokenTrack], SpeechReport]:
    """Speak every track (``SPEAK_GROUP`` at a time) and write each line's audio to a clip file
    in ``work``. ``progress(done, total)`` counts speech requests, cache hits included."""
    registry = _reusing(engines if engines is not None else ENGINES)
    preset = load_preset(voice)  # once, not once a group
    # Progress counts requests: a line is as many as the speech layer will cut it into.
    requests_per_track = [sum(len(plan_chunks(line.spoken)) for line in s.lines) for s in scripts]
    total = sum(requests_per_track)
    done_before = 0
    spoken: list[SpokenTrack] = []
    requests = hits = 0
    fallbacks: list[str] = []
    voices: set[str] = set()
    (work / "clips").mkdir(parents=True, exist_ok=True)
    for first in range(0, len(scripts), SPEAK_GROUP):
        group = scripts[first : first + SPEAK_GROUP]
        asks = [
            ArticleRequest(s.key, s.title, tuple(PartRequest(line.kind, line.spoken) for line in s.lines))
            for s in group
        ]

        def tick(done: int, _total: int, base: int = done_before) -> None:
            if progress is not None:
                progress(min(total, base + done), total)

        result: SpokenEdition = speak_articles(
            asks, decision.choice, preset, jobs=jobs, cache_dir=cache_dir,
            progress=tick, settings=settings, engines=registry, decision=decision,
        )  # fmt: skip
        done_before += sum(requests_per_track[first : first + SPEAK_GROUP])
        requests += result.requests
        hits += result.cache_hits
        fallbacks += [a.title for a in result.fallbacks]
        voices.update(a.voice for a in result.articles)
        for script, article in zip(group, result.articles):
            clips = []
            hashes = []
            for i, (line, part) in enumerate(zip(script.lines, article.parts)):
                hashes.append(hashlib.sha256(part.speech.audio).hexdigest())
                suffix = ".mp3" if part.speech.format is AudioFormat.MP3 else ".wav"
                path = work / "clips" / f"{script.key}-{i:03d}{suffix}"
                path.write_bytes(part.speech.audio)  # scratch file in the work folder
                clips.append((Clip(path, line.printed, part.speech.sentence_starts), line.pause_after))
            spoken.append(SpokenTrack(script, tuple(clips), tuple(hashes)))
        del result  # the group's audio is on disk now; let it go before the next group
    return spoken, SpeechReport(requests, hits, tuple(fallbacks), preset.name, tuple(sorted(voices)))
