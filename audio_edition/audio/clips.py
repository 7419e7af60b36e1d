"""Speaking the scripts: every line's speech from the build's speech session, as a clip file.

The session (``speech.SpeechSession``) yields each track's audio as soon as it is spoken; it is
written to the build's work folder at once, where assembly reads it, and let go. So an edition's
audio (~350 MB of 24 kHz WAV for two hours offline) is never all in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from audio_edition.audio.assemble import Clip
from audio_edition.audio.script import TrackScript
from audio_edition.speech import ArticleRequest, PartRequest, SpeechSession, SpeechSummary
from audio_edition.speech.engine import AudioFormat


@dataclass(frozen=True)
class SpokenTrack:
    """A track's speech on disk: one clip per line, with the pause after each."""

    script: TrackScript
    clips: tuple[tuple[Clip, float], ...]
    audio_sha256: tuple[str, ...] = ()
    """One per clip: what the fingerprint of the build is made of."""


def track_requests(scripts: Sequence[TrackScript]) -> list[ArticleRequest]:
    """What the speech session is asked to say: one article per track, one part per line."""
    return [
        ArticleRequest(s.key, s.title, tuple(PartRequest(line.kind, line.spoken) for line in s.lines))
        for s in scripts
    ]


def speak_tracks(
    scripts: Sequence[TrackScript],
    session: SpeechSession,
    work: Path,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[SpokenTrack], SpeechSummary]:
    """Speak every track and write each line's audio to a clip file in ``work``, as each track
    finishes. ``progress(done, total)`` counts speech requests, cache hits included."""
    (work / "clips").mkdir(parents=True, exist_ok=True)
    spoken: dict[int, SpokenTrack] = {}
    for article in session.speak(track_requests(scripts), progress):
        script = scripts[article.index]
        clips = []
        hashes = []
        for i, (line, part) in enumerate(zip(script.lines, article.parts)):
            hashes.append(hashlib.sha256(part.speech.audio).hexdigest())
            suffix = ".mp3" if part.speech.format is AudioFormat.MP3 else ".wav"
            path = work / "clips" / f"{script.key}-{i:03d}{suffix}"
            path.write_bytes(part.speech.audio)  # scratch file in the work folder
            clips.append((Clip(path, line.printed, part.speech.sentence_starts), line.pause_after))
        spoken[article.index] = SpokenTrack(script, tuple(clips), tuple(hashes))
    return [spoken[i] for i in range(len(scripts))], session.summary()
