"""The pipeline: one Edition in, one built episode out.

::

    script_tracks      articles → what each track says (opening, articles, closing)   audio/script.py
    speak_tracks       → speech through the engines' cache, as clip files              audio/clips.py
    make_audio         → per-article MP3s (normalized, tagged, .vtt) and, overlapping
                         them, episode.mp3 with chapters, transcripts, chapters JSON  audio/episode.py
    write_manifest     → edition.json, what publishing reads

``build_edition`` composes them; ``run_build`` adds reading the pages and publishing. Options
are a frozen dataclass; progress goes through a callback, so the terminal (``cli.py``) decides
how to show it. Intermediate audio lives in a work folder inside the edition folder, removed at the
end; every published file is written through a temporary file and a rename. A rebuild whose
fingerprint (speech, scripts, settings) matches the previous build's keeps its files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from audio_edition.audio import ffmpeg
from audio_edition.audio.clips import SpeechReport, speak_tracks
from audio_edition.audio.episode import (
    EPISODE_CHAPTERS_NAME,
    EPISODE_NAME,
    EPISODE_SRT_NAME,
    EPISODE_VTT_NAME,
    MadeEpisode,
    MadeTrack,
    Production,
    fingerprint_build,
    make_audio,
)
from audio_edition.audio.manifest import MANIFEST_NAME, ArticleFile, EditionManifest, SourceFile, read_manifest
from audio_edition.audio.script import (
    TrackScript,
    episode_title,
    script_articles,
    script_closing,
    script_opening,
)
from audio_edition.errors import InputError
from audio_edition.fsutil import remove_partial_writes, sha256_file, sole_writer, write_text_atomic
from audio_edition.publish import Show, publish_edition
from audio_edition.publish.publisher import PublishResult
from audio_edition.speech import EngineDecision, EngineFactory, EngineSettings, choose_engine
from audio_edition.speech.presets import DEFAULT_PRESET, OFFLINE_ENGINE
from audio_edition.text import read_edition
from audio_edition.text.articles import Edition
from audio_edition.text.spoken import LatinReading, SpokenReader

CHARS_PER_SECOND = 4.6
"""How fast the voices read Chinese news, measured on the sample edition: for ``--dry-run``."""


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
    production: Production = field(default_factory=Production)
    """Show name, pauses, loudness, MP3 settings, chime, cover, and ``jobs``: how many speech
    requests and tracks are worked on at once."""
    cache_dir: Path | None = None
    """None: ``<out>/.cache/speech``."""
    engine_settings: EngineSettings = field(default_factory=EngineSettings)
    engines: Mapping[str, EngineFactory] | None = None
    """Replaces the engine registry (tests)."""


@dataclass(frozen=True)
class BuildResult:
    """What a build did, for the CLI's summary."""

    folder: Path
    manifest: EditionManifest
    files: tuple[Path, ...]
    decision: EngineDecision
    speech: SpeechReport
    """Requests, cache hits, fallbacks and the voice preset, as the speaking went."""
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

    articles = script_articles(edition.articles, speak, options.production.pauses)
    if not articles:
        raise InputError(f"{', '.join(edition.sources)}: the articles have nothing to say")
    return [
        script_opening(options.production.show_name, date, articles, speak),
        *articles,
        script_closing(options.production.show_name, date, speak),
    ]


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
        chapters_json=EPISODE_CHAPTERS_NAME,
        transcript_vtt=EPISODE_VTT_NAME,
        transcript_srt=EPISODE_SRT_NAME,
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
        sources=tuple(SourceFile(s, sha256_file(Path(s))) for s in sources if Path(s).is_file()),
        built_at=dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds"),
        fingerprint=fingerprint,
    )
    write_text_atomic(folder / MANIFEST_NAME, manifest.to_json() + "\n")
    return manifest


def reusable_manifest(folder: Path, fingerprint: str) -> EditionManifest | None:
    """The manifest of a previous build with the same fingerprint whose files are all in place."""
    try:
        previous = read_manifest(folder)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if previous.fingerprint != fingerprint:
        return None
    return previous if all((folder / name).is_file() for name in previous.files()) else None



def remove_stale_articles(folder: Path, manifest: EditionManifest) -> None:
    """Delete article files a previous build of this date left that this build no longer has
    (an article removed or renamed), so the folder holds what the manifest lists."""
    keep = {a.audio for a in manifest.articles} | {a.transcript for a in manifest.articles}
    for path in (folder / "articles").glob("*"):
        if path.suffix in (".mp3", ".vtt") and f"articles/{path.name}" not in keep:
            path.unlink(missing_ok=True)


# --- composition -----------------------------------------------------------------------------


WORK_PREFIX = ".build-"


@contextmanager
def work_folder(folder: Path) -> Iterator[Path]:
    """A scratch folder inside the edition folder (same disk, so renames stay cheap), removed after."""
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=folder))
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def remove_leftovers(out: Path) -> None:
    """Delete what killed builds left under ``out``: scratch folders of tracks (hundreds of MB
    of PCM each) and temporary files of unfinished writes. Call holding ``sole_writer(out)``."""
    for work in out.glob(f"*/{WORK_PREFIX}*"):
        if work.is_dir():
            shutil.rmtree(work, ignore_errors=True)
    remove_partial_writes(out)


def _for(progress: Progress | None, stage: Stage) -> Callable[[int, int], None] | None:
    """A stage's ``progress(done, total)`` that reports to the build's ``progress(stage, …)``."""
    if progress is None:
        return None
    report = progress
    return lambda done, total: report(stage, done, total)


def _decide(options: BuildOptions) -> EngineDecision:
    return choose_engine(options.engine, settings=options.engine_settings, engines=options.engines)


def _latin(decision: EngineDecision) -> LatinReading:
    # The offline model cannot say Latin letters; the online voices can.
    return LatinReading.CHINESE if decision.engine == OFFLINE_ENGINE else LatinReading.LETTERS


def plan_build(edition: Edition, options: BuildOptions) -> BuildPlan:
    """A dry run: what would be spoken and for about how long; nothing is synthesized."""
    date = edition_date(edition.sources, options.date)
    decision = _decide(options)
    scripts = script_tracks(edition, date, options, _latin(decision))
    planned = []
    for script in scripts:
        pauses = options.production.pauses
        pause = sum(line.pause_after for line in script.lines) + pauses.lead_in + pauses.tail
        spoken = tuple(s for line in script.lines for s in line.spoken)
        planned.append(PlannedTrack(script.key, script.title, spoken, script.characters / CHARS_PER_SECOND + pause))
    return BuildPlan(date, decision, tuple(planned))


def build_edition(edition: Edition, options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """Build one edition into ``<out>/<date>/``: article MP3s, the episode, transcripts, manifest.

    Raises ``BusyError`` at once if another build or publish is writing to ``options.out``.
    """
    ffmpeg.require_tools()
    date = edition_date(edition.sources, options.date)
    with sole_writer(options.out, f"build of {date.isoformat()}"):
        remove_leftovers(options.out)
        return _build(edition, options, date, progress)


def _build(edition: Edition, options: BuildOptions, date: dt.date, progress: Progress | None) -> BuildResult:
    folder = options.out / date.isoformat()
    title = episode_title(options.production.show_name, date)
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
        spoken, report = speak_tracks(
            scripts, decision, work, voice=options.voice, jobs=options.production.jobs,
            cache_dir=options.cache_dir or options.out / ".cache" / "speech",
            settings=options.engine_settings, engines=options.engines, progress=_for(progress, Stage.SPEAK),
        )  # fmt: skip
        preset = report.preset
        lap(Stage.SPEAK.value)
        fingerprint = fingerprint_build(spoken, date, options.production, edition.sources, preset)
        reused = reusable_manifest(folder, fingerprint)
        if reused is None:
            # Tracks and episode together: the episode's encoding overlaps the tracks' work.
            tracks, episode = make_audio(
                spoken, date, folder, work, options.production, title, _for(progress, Stage.TRACKS)
            )
            lap("audio")
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
            folder, date, title, episode, tracks, edition.sources, engine,
            f"{preset} ({', '.join(report.voices)})" if report.voices else preset, fingerprint
        )
        remove_stale_articles(folder, manifest)
    files = [folder / name for name in (*manifest.files(), MANIFEST_NAME)]
    return BuildResult(
        folder=folder,
        manifest=manifest,
        files=tuple(files),
        decision=decision,
        speech=report,
        stage_seconds=tuple(seconds),
        reused=reused is not None,
    )


def options_for_show(show: Show, options: BuildOptions) -> BuildOptions:
    """``options`` with the show's name and configured cover art."""
    production = dataclasses.replace(
        options.production, show_name=show.title, cover=show.cover or options.production.cover
    )
    return dataclasses.replace(options, production=production)


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
