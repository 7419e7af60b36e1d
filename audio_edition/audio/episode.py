"""From spoken tracks to what listeners get.

Each article becomes its own tagged MP3 with a ``.vtt``; every track (opening, articles, closing)
leaves normalized PCM behind, and the episode is those joined with gaps or a chime: one MP3 with
ID3 chapters, ``episode.vtt``/``.srt`` and ``episode.chapters.json``. Every published file is
written through a temporary file and a rename.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from audio_edition import __version__
from audio_edition.audio import ffmpeg
from audio_edition.audio.assemble import (
    Clip,
    EncodedTrack,
    EpisodePart,
    Mp3Settings,
    Piece,
    Silence,
    Track,
    assemble_episode,
    encode_track,
    encoder_gain_db,
    render_track,
)
from audio_edition.audio.chapters import TrackSpan, place_chapters, render_chapters_json
from audio_edition.audio.clips import SpokenTrack
from audio_edition.audio.loudness import LoudnessTarget
from audio_edition.audio.manifest import Chapter
from audio_edition.audio.script import DEFAULT_SHOW_NAME, Pauses, TrackScript, episode_title
from audio_edition.audio.tags import Cover, Tags, write_tags
from audio_edition.audio.transcript import Cue, render_srt, render_vtt, shift_cues
from audio_edition.errors import ConfigError
from audio_edition.fsutil import atomic_path, sha256_file, write_text_atomic
from audio_edition.publish.cover import generate_cover
from audio_edition.speech.settings import DEFAULT_JOBS

EPISODE_NAME = "episode.mp3"
EPISODE_VTT_NAME = "episode.vtt"
EPISODE_SRT_NAME = "episode.srt"
EPISODE_CHAPTERS_NAME = "episode.chapters.json"


@dataclass(frozen=True)
class Production:
    """How the audio is produced: the part of the build's options this module needs."""

    show_name: str = DEFAULT_SHOW_NAME
    pauses: Pauses = field(default_factory=Pauses)
    loudness: LoudnessTarget = field(default_factory=LoudnessTarget)
    mp3: Mp3Settings = field(default_factory=Mp3Settings)
    chime: Path | None = None
    """An audio file played between tracks instead of a plain gap."""
    intro: Path | None = None
    """An audio file (a signature tune) played before the opening words, in the opening chapter."""
    outro: Path | None = None
    """An audio file played after the closing words, in the closing chapter."""
    cover: Path | None = None
    """A JPEG or PNG embedded in every MP3."""
    jobs: int = DEFAULT_JOBS

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise ConfigError(f"--jobs must be at least 1, not {self.jobs}")
        for name, path in (("chime", self.chime), ("intro", self.intro), ("outro", self.outro)):
            if path is not None and not path.is_file():
                raise ConfigError(f"{name} {path}: no such file")
        if self.cover is not None and self.cover.suffix.lower() not in (".jpg", ".jpeg", ".png"):
            raise ConfigError(f"cover {self.cover}: must be a .jpg or .png image")


def track_pieces(track: SpokenTrack, pauses: Pauses) -> tuple[Piece, ...]:
    """Lead-in, each clip with its pause after (the last one's replaced by the tail)."""
    pieces: list[Piece] = [Silence(pauses.lead_in)]
    for i, (clip, pause) in enumerate(track.clips):
        pieces.append(clip)
        pieces.append(Silence(pauses.tail if i == len(track.clips) - 1 else pause))
    return tuple(pieces)


@dataclass(frozen=True)
class MadeTrack:
    """A track after encoding: its normalized PCM for the episode and, for articles, its file."""

    script: TrackScript
    encoded: EncodedTrack
    audio: str | None = None
    """Relative path of the article's MP3 (None for opening/closing)."""
    transcript: str | None = None
    duration: float = 0.0
    size: int = 0


@functools.lru_cache(maxsize=4)
def _generated_cover(show_name: str) -> Cover:
    return Cover(generate_cover(show_name), "image/jpeg")


def cover_art(options: Production) -> Cover:
    """The art embedded in every MP3: the configured cover, else the one publishing generates
    from the show's name (so a file copied to a car's USB stick still shows the show)."""
    return load_cover(options.cover) or _generated_cover(options.show_name)


def load_cover(path: Path | None) -> Cover | None:
    """The cover image at ``path`` for the tags, or None when no cover is configured."""
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"cover {path}: {error.strerror}") from error
    mime = "image/png" if path.suffix.lower() == ".png" else "image/jpeg"
    return Cover(data, mime)


class _Counter:
    """Counts finished tracks for ``progress(done, total)`` from the worker threads."""

    def __init__(self, total: int, progress: Callable[[int, int], None] | None) -> None:
        self.total, self.progress, self.done, self.lock = total, progress, 0, threading.Lock()

    def tick(self) -> None:
        with self.lock:
            self.done += 1
            if self.progress is not None:
                self.progress(self.done, self.total)


def normalized_path(work: Path, key: str) -> Path:
    """Where a track's normalized PCM (the episode's material) is written."""
    return work / f"{key}.norm"


def make_track(
    track: SpokenTrack,
    date: dt.date,
    folder: Path,
    work: Path,
    options: Production,
    n_articles: int,
    cover: Cover | None,
) -> MadeTrack:
    """Render and normalize one track; for an article, write its tagged MP3 and ``.vtt`` atomically."""
    key = track.script.key
    rendered = render_track(
        Track(key, track_pieces(track, options.pauses)), work / f"{key}.pcm", options.mp3.track_pcm
    )
    if track.script.article is None:
        encoded = encode_track(rendered, None, normalized_path(work, key), options.loudness, options.mp3)
        rendered.pcm_path.unlink()
        return MadeTrack(track.script, encoded)
    audio = f"articles/{key}.mp3"
    transcript = f"articles/{key}.vtt"
    with atomic_path(folder / audio) as tmp:
        encoded = encode_track(rendered, tmp, normalized_path(work, key), options.loudness, options.mp3)
        rendered.pcm_path.unlink()  # free the disk early: two hours is ~600 MB of PCM
        probe = ffmpeg.probe(tmp)
        write_tags(
            tmp,
            Tags(
                title=track.script.title,
                album=episode_title(options.show_name, date),
                artist=options.show_name,
                date=date.isoformat(),
                track=(track.script.article, n_articles),
                lyrics=track.script.text,
                cover=cover,
            ),
        )
    write_text_atomic(folder / transcript, render_vtt(shift_cues(rendered.cues, probe.start_time)))
    size = (folder / audio).stat().st_size
    return MadeTrack(track.script, encoded, audio, transcript, round(probe.duration, 3), size)


@dataclass(frozen=True)
class MadeEpisode:
    """The episode's files and chapters."""

    chapters: tuple[Chapter, ...]
    duration: float
    size: int


def _jingle(name: str, source: Path | None, options: Production, work: Path) -> Path | None:
    """A chime, intro or outro as normalized PCM (at the programme's loudness), or None."""
    if source is None:
        return None
    rendered = render_track(Track(name, (Clip(source),)), work / f"{name}.pcm", options.mp3.track_pcm)
    encode_track(rendered, None, work / f"{name}.norm", options.loudness, options.mp3)
    return work / f"{name}.norm"


def make_audio(
    spoken: Sequence[SpokenTrack],
    date: dt.date,
    folder: Path,
    work: Path,
    options: Production,
    title: str,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[MadeTrack], MadeEpisode]:
    """Every track and the episode, at once.

    The tracks run ``options.jobs`` at a time; the episode's encoder, one process that cannot be
    split, starts at once and takes each track's normalized PCM as soon as it is ready, so its
    work overlaps theirs instead of following it. ``progress(done, total)`` counts tracks.
    """
    encoder_gain_db(options.mp3)  # calibrate once, before the threads would each do it
    n_articles = sum(1 for t in spoken if t.script.article is not None)
    cover = cover_art(options)
    counter = _Counter(len(spoken), progress)

    def one(track: SpokenTrack) -> MadeTrack:
        made = make_track(track, date, folder, work, options, n_articles, cover)
        counter.tick()
        return made

    with ThreadPoolExecutor(options.jobs, thread_name_prefix="track") as pool:
        futures = [pool.submit(one, track) for track in spoken]
        try:
            scripts = [t.script for t in spoken]
            episode = _encode_episode(
                scripts, lambda i: futures[i].result(), date, folder, work, options, title, cover
            )
            return [f.result() for f in futures], episode
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def _encode_episode(
    scripts: Sequence[TrackScript],
    track: Callable[[int], MadeTrack],
    date: dt.date,
    folder: Path,
    work: Path,
    options: Production,
    title: str,
    cover: Cover | None,
) -> MadeEpisode:
    """The episode from tracks that ``track(i)`` returns, waiting for each when it is needed."""
    chime = _jingle("chime", options.chime, options, work)
    intro = _jingle("intro", options.intro, options, work)
    outro = _jingle("outro", options.outro, options, work)
    gap = options.pauses.between_tracks
    parts: list[EpisodePart] = [intro, Silence(gap / 2)] if intro is not None else []
    track_part: dict[int, int] = {}
    for i, script in enumerate(scripts):
        if i:
            parts += [Silence(gap / 2), chime, Silence(gap / 2)] if chime is not None else [Silence(gap)]
        track_part[len(parts)] = i
        parts.append(normalized_path(work, script.key))
    if outro is not None:
        # The first chapter starts at 0 and the last ends with the file (place_chapters), so the
        # intro belongs to the opening chapter and the outro to the closing one.
        parts += [Silence(gap / 2), outro]

    def wait_for(part: int) -> None:
        if part in track_part:
            track(track_part[part])

    target = folder / EPISODE_NAME
    with atomic_path(target) as tmp:
        audio = assemble_episode(parts, tmp, options.mp3, wait_for)
        tracks = [track(i) for i in range(len(scripts))]
        starts = {i: audio.part_starts[p] for p, i in track_part.items()}
        probe = ffmpeg.probe(tmp)
        spans = [
            TrackSpan(t.script.title, starts[i], starts[i] + t.encoded.rendered.duration, t.script.article)
            for i, t in enumerate(tracks)
        ]
        chapters = place_chapters(spans, probe.start_time, probe.duration)
        write_tags(
            tmp,
            Tags(
                title=title,
                album=episode_title(options.show_name, date),
                artist=options.show_name,
                date=date.isoformat(),
                lyrics="\n\n".join(t.script.text for t in tracks),
                cover=cover,
                chapters=chapters,
            ),
        )
    cues: list[Cue] = []
    for i, t in enumerate(tracks):
        cues += shift_cues(t.encoded.rendered.cues, starts[i] + probe.start_time)
    write_text_atomic(folder / EPISODE_VTT_NAME, render_vtt(cues))
    write_text_atomic(folder / EPISODE_SRT_NAME, render_srt(cues))
    write_text_atomic(folder / EPISODE_CHAPTERS_NAME, render_chapters_json(chapters))
    return MadeEpisode(chapters, round(probe.duration, 3), target.stat().st_size)


FINGERPRINT_VERSION = 1
"""Bump when the same inputs would now build different files."""


@functools.cache
def _code_digest() -> str:
    """SHA-256 of the audio stages' source: changed code never reuses files the old code built."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint_build(
    spoken: Sequence[SpokenTrack],
    date: dt.date,
    options: Production,
    sources: Sequence[str] = (),
    preset: str = "",
) -> str:
    """SHA-256 of everything that decides the built files: the speech audio and its timings, the
    scripts, pauses, loudness, encoding, show name, chime, cover, the sources and the preset."""
    digest = hashlib.sha256()

    def add(value: object) -> None:
        digest.update(repr(value).encode("utf-8"))
        digest.update(b"\0")

    add(
        (
            FINGERPRINT_VERSION,
            __version__,
            _code_digest(),
            date.isoformat(),
            options.show_name,
            options.pauses,
            options.loudness,
            options.mp3,
        )
    )
    for extra in (options.chime, options.cover, options.intro, options.outro):
        add(sha256_file(extra) if extra is not None else None)
    add((preset, [(s, sha256_file(Path(s)) if Path(s).is_file() else None) for s in sources]))
    for track in spoken:
        add((track.script, track.audio_sha256, [clip.sentence_starts for clip, _ in track.clips]))
    return digest.hexdigest()
