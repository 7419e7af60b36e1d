"""The pipeline: one Edition in, one built episode out.

::

    script_tracks      articles → what each track says (opening, articles, closing)
    speak_tracks       → speech, through the engine cache, written to clip files
    make_tracks        → per-article MP3s (normalized, tagged, with .vtt) and normalized PCM
    make_episode       → episode.mp3 with chapters, its transcripts and chapters JSON
    write_manifest     → edition.json, what publishing reads

Every stage is a function named for what it does; ``build_edition`` composes them. Options are a
frozen dataclass; progress is reported through a callback, so the terminal (``cli.py``) decides how
to show it. Intermediate audio lives in a work folder inside the edition folder, removed at the end;
every published file is written through a temporary file and a rename.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

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
    render_track,
)
from audio_edition.audio.chapters import TrackSpan, place_chapters, render_chapters_json
from audio_edition.audio.loudness import LoudnessTarget
from audio_edition.audio.manifest import (
    MANIFEST_NAME,
    ArticleFile,
    Chapter,
    EditionManifest,
    SourceFile,
    read_manifest,
)
from audio_edition.audio.script import (
    DEFAULT_SHOW_NAME,
    Pauses,
    TrackScript,
    printed_date,
    script_articles,
    script_closing,
    script_opening,
)
from audio_edition.audio.tags import Cover, Tags, write_tags
from audio_edition.audio.transcript import Cue, render_srt, render_vtt, shift_cues
from audio_edition.errors import ConfigError, InputError
from audio_edition.fsutil import atomic_path, write_text_atomic
from audio_edition.speech import (
    ENGINES,
    ArticleRequest,
    EngineDecision,
    EngineFactory,
    EngineSettings,
    PartRequest,
    SpeechEngine,
    SpokenEdition,
    choose_engine,
    speak_articles,
)
from audio_edition.speech.chunks import plan_chunks
from audio_edition.speech.engine import AudioFormat
from audio_edition.speech.presets import DEFAULT_PRESET, OFFLINE_ENGINE
from audio_edition.publish import Show, publish_edition
from audio_edition.publish.publisher import PublishResult
from audio_edition.text import read_edition
from audio_edition.text.articles import Edition
from audio_edition.text.spoken import LatinReading, SpokenReader

EPISODE_NAME = "episode.mp3"
CHARS_PER_SECOND = 4.6
"""How fast the voices read Chinese news, measured on the sample edition: for ``--dry-run``."""
SPEAK_GROUP = 6
"""Tracks spoken per ``speak_articles`` call: the batch layer returns its audio in memory, so a
two-hour edition is spoken a few articles at a time and written to disk as it goes."""


class Stage(enum.Enum):
    """The long-running stages, for progress bars."""

    SPEAK = "speak"
    TRACKS = "tracks"
    EPISODE = "episode"


Progress = Callable[[Stage, int, int], None]
"""``progress(stage, done, total)``."""


@dataclass(frozen=True)
class BuildOptions:
    """Everything a build can be told. The CLI fills it from its options."""

    out: Path = Path("output")
    date: dt.date | None = None
    """None: from the first source's file name (``2023-12-25.txt``), else today."""
    voice: str = DEFAULT_PRESET
    engine: str = "auto"
    jobs: int = 4
    show_name: str = DEFAULT_SHOW_NAME
    pauses: Pauses = field(default_factory=Pauses)
    loudness: LoudnessTarget = field(default_factory=LoudnessTarget)
    mp3: Mp3Settings = field(default_factory=Mp3Settings)
    chime: Path | None = None
    """An audio file played between tracks instead of a plain gap."""
    cover: Path | None = None
    """A JPEG or PNG embedded in every MP3."""
    cache_dir: Path | None = None
    """None: ``<out>/.cache/speech``."""
    engine_settings: EngineSettings = field(default_factory=EngineSettings)
    engines: Mapping[str, EngineFactory] | None = None
    """Replaces the engine registry (tests)."""

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise ConfigError(f"--jobs must be at least 1, not {self.jobs}")
        if self.chime is not None and not self.chime.is_file():
            raise ConfigError(f"chime {self.chime}: no such file")
        if self.cover is not None and self.cover.suffix.lower() not in (".jpg", ".jpeg", ".png"):
            raise ConfigError(f"cover {self.cover}: must be a .jpg or .png image")


@dataclass(frozen=True)
class BuildResult:
    """What a build did, for the CLI's summary."""

    folder: Path
    manifest: EditionManifest
    files: tuple[Path, ...]
    decision: EngineDecision
    preset: str
    requests: int
    cache_hits: int
    fallbacks: tuple[str, ...]
    """Titles of articles spoken offline after the online engine failed them."""
    stage_seconds: tuple[tuple[str, float], ...]
    published: PublishResult | None = None
    """The feed and page this build was published to (``run_build``), None if not published."""
    reused: bool = False
    """True when a previous build's files already matched (same fingerprint) and were kept."""


@dataclass(frozen=True)
class PlannedTrack:
    """One track of a dry run: what it says and about how long it takes."""

    key: str
    title: str
    spoken: tuple[str, ...]
    estimated_seconds: float


@dataclass(frozen=True)
class BuildPlan:
    """A dry run: what would be spoken, by which engine, for about how long."""

    date: dt.date
    decision: EngineDecision
    tracks: tuple[PlannedTrack, ...]

    @property
    def estimated_seconds(self) -> float:
        return sum(t.estimated_seconds for t in self.tracks)


# --- stages ----------------------------------------------------------------------------------


def edition_date(sources: Sequence[str], given: dt.date | None = None) -> dt.date:
    """The edition's date: ``given``, else the first ``YYYY-MM-DD`` in a source's file name, else today."""
    if given is not None:
        return given
    for source in sources:
        found = re.search(r"(\d{4})-(\d{2})-(\d{2})", Path(source).name)
        if found:
            try:
                return dt.date(*(int(g) for g in found.groups()))
            except ValueError:
                continue
    return dt.date.today()


def script_tracks(edition: Edition, date: dt.date, options: BuildOptions, latin: LatinReading) -> list[TrackScript]:
    """What every track says: the opening, each article, the closing."""
    if not edition.articles:
        raise InputError(f"{', '.join(edition.sources) or 'the edition'}: no articles to read")
    reader = SpokenReader()

    def speak(text: str) -> str:
        return reader.speak(text, latin=latin)

    articles = script_articles(edition.articles, speak, options.pauses)
    if not articles:
        raise InputError(f"{', '.join(edition.sources)}: the articles have nothing to say")
    return [
        script_opening(options.show_name, date, articles, speak),
        *articles,
        script_closing(options.show_name, date, speak),
    ]


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
    requests: int
    cache_hits: int
    fallbacks: tuple[str, ...]


def speak_tracks(
    scripts: Sequence[TrackScript],
    decision: EngineDecision,
    options: BuildOptions,
    work: Path,
    progress: Progress | None = None,
) -> tuple[list[SpokenTrack], SpeechReport, str]:
    """Speak every track (a few at a time) and write each line's audio to a clip file in ``work``."""
    registry = _reusing(options.engines if options.engines is not None else ENGINES)
    cache_dir = options.cache_dir or options.out / ".cache" / "speech"
    total = sum(len(plan_chunks(line.spoken)) for s in scripts for line in s.lines)
    done_before = 0
    spoken: list[SpokenTrack] = []
    requests = hits = 0
    fallbacks: list[str] = []
    preset = options.voice
    for first in range(0, len(scripts), SPEAK_GROUP):
        group = scripts[first : first + SPEAK_GROUP]
        asks = [
            ArticleRequest(s.key, s.title, tuple(PartRequest(line.kind, line.spoken) for line in s.lines))
            for s in group
        ]

        def tick(done: int, _total: int, base: int = done_before) -> None:
            if progress is not None:
                progress(Stage.SPEAK, min(total, base + done), total)

        result: SpokenEdition = speak_articles(
            asks, decision.choice, options.voice, jobs=options.jobs, cache_dir=cache_dir,
            progress=tick, settings=options.engine_settings, engines=registry, decision=decision,
        )  # fmt: skip
        done_before += sum(len(plan_chunks(line.spoken)) for s in group for line in s.lines)
        requests += result.requests
        hits += result.cache_hits
        fallbacks += [a.title for a in result.fallbacks]
        preset = result.preset
        for script, article in zip(group, result.articles):
            clips = []
            hashes = []
            for i, (line, part) in enumerate(zip(script.lines, article.parts)):
                hashes.append(hashlib.sha256(part.speech.audio).hexdigest())
                suffix = ".mp3" if part.speech.format is AudioFormat.MP3 else ".wav"
                path = work / "clips" / f"{script.key}-{i:03d}{suffix}"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(part.speech.audio)  # scratch file in the work folder
                clips.append((Clip(path, line.printed, part.speech.sentence_starts), line.pause_after))
            spoken.append(SpokenTrack(script, tuple(clips), tuple(hashes)))
        del result  # the group's audio is on disk now; let it go before the next group
    return spoken, SpeechReport(requests, hits, tuple(fallbacks)), preset


FINGERPRINT_VERSION = 1
"""Bump when the same inputs would now build different files."""


def fingerprint_build(
    spoken: Sequence[SpokenTrack], date: dt.date, options: BuildOptions, sources: Sequence[str] = (), preset: str = ""
) -> str:
    """SHA-256 of everything that decides the built files: the speech audio and its timings, the
    scripts, pauses, loudness, encoding, show name, chime, cover, the sources and the preset."""
    digest = hashlib.sha256()

    def add(value: object) -> None:
        digest.update(repr(value).encode("utf-8"))
        digest.update(b"\0")

    add((FINGERPRINT_VERSION, date.isoformat(), options.show_name, options.pauses, options.loudness, options.mp3))
    for extra in (options.chime, options.cover):
        add(_sha256(extra) if extra is not None else None)
    add((preset, [(s, _sha256(Path(s)) if Path(s).is_file() else None) for s in sources]))
    for track in spoken:
        add((track.script, track.audio_sha256, [clip.sentence_starts for clip, _ in track.clips]))
    return digest.hexdigest()


def reusable_manifest(folder: Path, fingerprint: str) -> EditionManifest | None:
    """The manifest of a previous build with the same fingerprint whose files are all in place."""
    try:
        previous = read_manifest(folder)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if previous.fingerprint != fingerprint:
        return None
    needed = [previous.episode, previous.chapters_json, previous.transcript_vtt, previous.transcript_srt]
    for article in previous.articles:
        needed += [article.audio, article.transcript]
    return previous if all((folder / name).is_file() for name in needed) else None


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


def _cover(options: BuildOptions) -> Cover | None:
    if options.cover is None:
        return None
    try:
        data = options.cover.read_bytes()
    except OSError as error:
        raise ConfigError(f"cover {options.cover}: {error.strerror}") from error
    mime = "image/png" if options.cover.suffix.lower() == ".png" else "image/jpeg"
    return Cover(data, mime)


def make_tracks(
    spoken: Sequence[SpokenTrack],
    date: dt.date,
    folder: Path,
    work: Path,
    options: BuildOptions,
    progress: Progress | None = None,
) -> list[MadeTrack]:
    """Render and normalize every track; write each article's tagged MP3 and ``.vtt`` atomically.

    Tracks run in parallel (``options.jobs`` threads): each is ffmpeg work in its own process.
    """
    pcm = options.mp3.track_pcm
    n_articles = sum(1 for t in spoken if t.script.article is not None)
    cover = _cover(options)
    done = 0
    lock = threading.Lock()

    def make(track: SpokenTrack) -> MadeTrack:
        nonlocal done
        key = track.script.key
        rendered = render_track(Track(key, track_pieces(track, options.pauses)), work / f"{key}.pcm", pcm)
        result: MadeTrack
        if track.script.article is None:
            encoded = encode_track(rendered, work / f"{key}.mp3", work / f"{key}.norm", options.loudness, options.mp3)
            rendered.pcm_path.unlink()
            result = MadeTrack(track.script, encoded)
        else:
            audio = f"articles/{key}.mp3"
            transcript = f"articles/{key}.vtt"
            with atomic_path(folder / audio) as tmp:
                encoded = encode_track(rendered, tmp, work / f"{key}.norm", options.loudness, options.mp3)
                rendered.pcm_path.unlink()  # free the disk early: two hours is ~600 MB of PCM
                probe = ffmpeg.probe(tmp)
                write_tags(
                    tmp,
                    Tags(
                        title=track.script.title,
                        album=f"{options.show_name} {printed_date(date)}",
                        artist=options.show_name,
                        date=date.isoformat(),
                        track=(track.script.article or 0, n_articles),
                        lyrics=track.script.text,
                        cover=cover,
                    ),
                )
            write_text_atomic(folder / transcript, render_vtt(shift_cues(rendered.cues, probe.start_time)))
            result = MadeTrack(
                track.script, encoded, audio, transcript, round(probe.duration, 3), (folder / audio).stat().st_size
            )
        with lock:
            done += 1
            if progress is not None:
                progress(Stage.TRACKS, done, len(spoken))
        return result

    with ThreadPoolExecutor(max(1, options.jobs), thread_name_prefix="track") as pool:
        return list(pool.map(make, spoken))


@dataclass(frozen=True)
class MadeEpisode:
    """The episode's files and chapters."""

    chapters: tuple[Chapter, ...]
    duration: float
    size: int


def _chime(options: BuildOptions, work: Path) -> Path | None:
    """The chime as normalized PCM, or None for a plain gap."""
    if options.chime is None:
        return None
    rendered = render_track(Track("chime", (Clip(options.chime),)), work / "chime.pcm", options.mp3.track_pcm)
    encode_track(rendered, work / "chime.mp3", work / "chime.norm", options.loudness, options.mp3)
    return work / "chime.norm"


def make_episode(
    tracks: Sequence[MadeTrack], date: dt.date, folder: Path, work: Path, options: BuildOptions, title: str
) -> MadeEpisode:
    """Join the normalized tracks with gaps (or the chime) into ``episode.mp3``, with chapters,
    and write ``episode.vtt``, ``episode.srt`` and ``episode.chapters.json``."""
    chime = _chime(options, work)
    gap = options.pauses.between_tracks
    parts: list[EpisodePart] = []
    track_part: list[int] = []
    for i, track in enumerate(tracks):
        if i:
            parts += [Silence(gap / 2), chime, Silence(gap / 2)] if chime is not None else [Silence(gap)]
        track_part.append(len(parts))
        parts.append(track.encoded.normalized_pcm)
    target = folder / EPISODE_NAME
    with atomic_path(target) as tmp:
        audio = assemble_episode(parts, tmp, options.mp3)
        probe = ffmpeg.probe(tmp)
        spans = [
            TrackSpan(
                t.script.title,
                audio.part_starts[p],
                audio.part_starts[p] + t.encoded.rendered.duration,
                t.script.article,
            )
            for t, p in zip(tracks, track_part)
        ]
        chapters = place_chapters(spans, probe.start_time, probe.duration)
        write_tags(
            tmp,
            Tags(
                title=title,
                album=f"{options.show_name} {printed_date(date)}",
                artist=options.show_name,
                date=date.isoformat(),
                lyrics="\n\n".join(t.script.text for t in tracks),
                cover=_cover(options),
                chapters=chapters,
            ),
        )
    cues: list[Cue] = []
    for track, p in zip(tracks, track_part):
        cues += shift_cues(track.encoded.rendered.cues, audio.part_starts[p] + probe.start_time)
    write_text_atomic(folder / "episode.vtt", render_vtt(cues))
    write_text_atomic(folder / "episode.srt", render_srt(cues))
    write_text_atomic(folder / "episode.chapters.json", render_chapters_json(chapters))
    return MadeEpisode(chapters, round(probe.duration, 3), target.stat().st_size)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(
    folder: Path,
    date: dt.date,
    title: str,
    episode: MadeEpisode,
    tracks: Sequence[MadeTrack],
    sources: Sequence[str],
    engine: str,
    voice: str,
    fingerprint: str = "",
) -> EditionManifest:
    """Write ``edition.json``: what publishing needs to know about this build."""
    manifest = EditionManifest(
        date=date.isoformat(),
        title=title,
        episode=EPISODE_NAME,
        episode_size=episode.size,
        duration=episode.duration,
        chapters_json="episode.chapters.json",
        transcript_vtt="episode.vtt",
        transcript_srt="episode.srt",
        chapters=episode.chapters,
        articles=tuple(
            ArticleFile(
                number=t.script.article,
                headline=t.script.title,
                audio=t.audio,
                transcript=t.transcript,
                duration=t.duration,
                size=t.size,
                text=t.script.text,
            )
            for t in tracks
            if t.script.article is not None and t.audio is not None and t.transcript is not None
        ),
        engine=engine,
        voice=voice,
        sources=tuple(SourceFile(s, _sha256(Path(s))) for s in sources if Path(s).is_file()),
        built_at=dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds"),
        fingerprint=fingerprint,
    )
    write_text_atomic(folder / MANIFEST_NAME, manifest.to_json() + "\n")
    return manifest


# --- composition -----------------------------------------------------------------------------


@contextmanager
def work_folder(folder: Path) -> Iterator[Path]:
    """A scratch folder inside the edition folder (same disk, so renames stay cheap), removed after."""
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".build-", dir=folder))
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _decide(options: BuildOptions) -> EngineDecision:
    return choose_engine(options.engine, settings=options.engine_settings, engines=options.engines)


def _latin(decision: EngineDecision) -> LatinReading:
    # The offline model cannot say Latin letters; the online voices can.
    return LatinReading.CHINESE if decision.engine == OFFLINE_ENGINE else LatinReading.LETTERS


def episode_title(show_name: str, date: dt.date) -> str:
    """The episode's title: show name and printed date."""
    return f"{show_name} {printed_date(date)}"


def plan_build(edition: Edition, options: BuildOptions) -> BuildPlan:
    """A dry run: what would be spoken and for about how long; nothing is synthesized."""
    date = edition_date(edition.sources, options.date)
    decision = _decide(options)
    scripts = script_tracks(edition, date, options, _latin(decision))
    planned = []
    for script in scripts:
        pause = sum(line.pause_after for line in script.lines) + options.pauses.lead_in + options.pauses.tail
        spoken = tuple(s for line in script.lines for s in line.spoken)
        planned.append(PlannedTrack(script.key, script.title, spoken, script.characters / CHARS_PER_SECOND + pause))
    return BuildPlan(date, decision, tuple(planned))


def build_edition(edition: Edition, options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """Build one edition into ``<out>/<date>/``: article MP3s, the episode, transcripts, manifest."""
    ffmpeg.require_tools()
    date = edition_date(edition.sources, options.date)
    folder = options.out / date.isoformat()
    title = episode_title(options.show_name, date)
    seconds: list[tuple[str, float]] = []
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds.append((stage, now - clock))
        clock = now

    decision = _decide(options)
    scripts = script_tracks(edition, date, options, _latin(decision))
    lap("script")
    reused: EditionManifest | None = None
    with work_folder(folder) as work:
        spoken, report, preset = speak_tracks(scripts, decision, options, work, progress)
        lap(Stage.SPEAK.value)
        fingerprint = fingerprint_build(spoken, date, options, edition.sources, preset)
        reused = reusable_manifest(folder, fingerprint)
        if reused is None:
            tracks = make_tracks(spoken, date, folder, work, options, progress)
            lap(Stage.TRACKS.value)
            if progress is not None:
                progress(Stage.EPISODE, 0, 1)
            episode = make_episode(tracks, date, folder, work, options, title)
            lap(Stage.EPISODE.value)
        elif progress is not None:
            progress(Stage.TRACKS, len(spoken), len(spoken))
        if progress is not None:
            progress(Stage.EPISODE, 1, 1)
    engine = decision.engine if not report.fallbacks else f"{decision.engine} (+{OFFLINE_ENGINE} fallback)"
    if reused is not None:
        # Same speech, same settings: the files on disk are what this build would write.
        manifest = reused
    else:
        manifest = write_manifest(
            folder, date, title, episode, tracks, edition.sources, engine, preset, fingerprint
        )
    files = [folder / EPISODE_NAME, folder / "episode.vtt", folder / "episode.srt", folder / "episode.chapters.json"]
    for article in manifest.articles:
        files += [folder / article.audio, folder / article.transcript]
    files.append(folder / MANIFEST_NAME)
    return BuildResult(
        folder=folder,
        manifest=manifest,
        files=tuple(files),
        decision=decision,
        preset=preset,
        requests=report.requests,
        cache_hits=report.cache_hits,
        fallbacks=report.fallbacks,
        stage_seconds=tuple(seconds),
        reused=reused is not None,
    )


def options_for_show(show: Show, options: BuildOptions) -> BuildOptions:
    """``options`` with the show's name and configured cover art."""
    return dataclasses.replace(options, show_name=show.title, cover=show.cover or options.cover)


def run_build(
    paths: Sequence[Path],
    options: BuildOptions,
    show: Show,
    progress: Progress | None = None,
    *,
    encoding: str | None = None,
) -> BuildResult:
    """The whole pipeline for the ``build`` command: read and clean the pages, build the
    edition, and publish it (feed, page) into ``options.out``."""
    edition = read_edition(paths, encoding)
    result = build_edition(edition, options_for_show(show, options), progress)
    published = publish_edition(options.out, result.manifest, show)
    return dataclasses.replace(result, published=published)


def run_plan(paths: Sequence[Path], options: BuildOptions, show: Show, *, encoding: str | None = None) -> BuildPlan:
    """``build --dry-run``: read and clean the pages and plan the build; nothing is synthesized."""
    return plan_build(read_edition(paths, encoding), options_for_show(show, options))
