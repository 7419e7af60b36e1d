"""The pipeline: one Edition in, one built episode out.

::

    script_tracks      articles → what each track says (opening, articles, closing)   audio/script.py
    speak_tracks       → speech from the build's one SpeechSession, as clip files     audio/clips.py
    make_audio         → per-article MP3s (normalized, tagged, .vtt) and, overlapping
                         them, episode.mp3 with chapters, transcripts, chapters JSON  audio/episode.py
    write_manifest     → edition.json, what publishing reads

``build_edition`` composes them; ``run_build`` adds reading the pages and publishing. Options
are a frozen dataclass; progress goes through a callback, so the terminal (``cli.py``) decides
how to show it. A build that writes makes the whole new edition in a staging folder beside the
live one (``<out>/.staging-<date>``; intermediate audio in a work folder in the state folder's
``scratch/``) and then
replaces the live folder in one step (``fsutil.replace_folder``): a kill at any moment leaves the
previous edition whole, and the next build clears what was left. A rebuild whose fingerprint
(speech, scripts, settings) matches the previous build's, with every file in place at the size
its manifest records, keeps its files. The speech cache, the catalog and the lock live in the
state folder (``places.py``), so the output folder holds only what listeners get.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import functools
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from audio_edition.audio import ffmpeg
from audio_edition.audio.clips import speak_tracks
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
from audio_edition.audio.manifest import (
    EDITION_YEARS,
    MANIFEST_NAME,
    ArticleFile,
    EditionManifest,
    SourceFile,
    read_manifest,
)
from audio_edition.audio.script import (
    TrackScript,
    Wording,
    episode_title,
    script_articles,
    script_closing,
    script_opening,
)
from audio_edition.errors import InputError
from audio_edition.fsutil import (
    PID_MARK,
    prepare_folder,
    replace_folder,
    reporting_write_errors,
    sha256_file,
    sole_writer,
    write_text_atomic,
)
from audio_edition.places import (
    STAGING_PREFIX,
    WORK_PREFIX,
    Places,
    claim_state,
    default_state_for,
    migrate_output,
    remove_leftovers,
)
from audio_edition.publish import Show
from audio_edition.publish.cover import check_cover
from audio_edition.publish.media import GRACE as MEDIA_GRACE
from audio_edition.publish.publisher import PublishResult, publish_held
from audio_edition.speech import (
    EngineDecision,
    EngineFactory,
    EngineSettings,
    SpeechPolicy,
    SpeechSession,
    SpeechSummary,
)
from audio_edition.speech.cluster import ClusterLink
from audio_edition.speech.presets import DEFAULT_PRESET, load_preset
from audio_edition.text import read_edition
from audio_edition.text.articles import Edition
from audio_edition.text.lexicon import DEFAULT_LEXICON_PATH, Lexicon, load_lexicons
from audio_edition.text.spoken import LatinReading, SpokenReader
from audio_edition.voices import SHIPPED

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
    """Show name, pauses, loudness, MP3 settings, chime, intro, outro, cover, and ``jobs``: how
    many speech requests and tracks are worked on at once."""
    wording: Wording = field(default_factory=Wording)
    """The opening and closing words (``[script]`` in the settings)."""
    voice_folders: tuple[Path, ...] = (SHIPPED,)
    """Where voice presets are read, a later folder's preset replacing an earlier one of the same
    name (the CLI adds ``voices/`` beside the settings file: ``voices.voice_folders``)."""
    lexicons: tuple[Path, ...] = (DEFAULT_LEXICON_PATH,)
    """The pronunciation lexicons, a later file's entry winning for its word (``lexicon_files``)."""
    state: Path | None = None
    """The private state folder (cache, catalog, lock, scratch); None: ``<out>/../.audio-edition``."""
    settings_file: Path | None = None
    """The settings file the show and these options came from, recorded in the state folder so
    ``publish`` and ``serve`` of ``out`` read the same settings; None: the defaults."""
    cache_dir: Path | None = None
    """None: the state folder's ``cache/speech``."""
    engine_settings: EngineSettings = field(default_factory=EngineSettings)
    speech_policy: SpeechPolicy = field(default_factory=SpeechPolicy)
    """``[speech]``: the order ``auto`` tries engines in, and whether another voice may stand in."""
    engines: Mapping[str, EngineFactory] | None = None
    """Replaces the engine registry (tests)."""
    zone: dt.tzinfo | None = None
    """The show's time zone, for the default date (today there); None: the machine's."""
    cluster: str | None = None
    """A Dask scheduler's address (``--cluster``): the engines that compute speak the requests the
    cache lacks there (``speech/cluster.py``); None: on this machine."""
    media_grace: dt.timedelta = MEDIA_GRACE
    """How long the publish after the build keeps audio no feed names any more (``[publish]
    media_grace_days``; ``publish/media.py``)."""

    @functools.cached_property
    def lexicon(self) -> Lexicon:
        """The layered lexicon the text and the offline engines read (``ConfigError`` if a file is
        bad); read once, though both the script and the speech session ask for it."""
        return load_lexicons(self.lexicons)

    @property
    def places(self) -> Places:
        """The output folder and its state folder."""
        return Places(self.out, self.state or default_state_for(self.out))


@dataclass(frozen=True)
class BuildResult:
    """What a build did, for the CLI's summary."""

    folder: Path
    manifest: EditionManifest
    files: tuple[Path, ...]
    decision: EngineDecision
    speech: SpeechSummary
    """Requests, cache hits, fallbacks and the voice preset, as the speaking went."""
    stage_seconds: tuple[tuple[str, float], ...]
    published: PublishResult | None = None
    """The feed and page this build was published to (``run_build``), None if not published."""
    reused: bool = False
    """True when a previous build's files already matched (same fingerprint) and were kept."""
    migrated: tuple[str, ...] = ()
    """What was moved out of an output folder of an earlier version into the state folder."""


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


def edition_date(
    sources: Sequence[str], given: dt.date | None = None, zone: dt.tzinfo | None = None
) -> dt.date:
    """The edition's date: ``given``, else the first ``YYYY-MM-DD`` in a source's file name, else
    today in ``zone`` (the show's time zone: a server on UTC before 08:00 Beijing time must not
    date today's paper yesterday; None: the machine's).

    Raises ``InputError`` for a date outside ``EDITION_YEARS`` or a file name's date that is no date.
    """
    if given is not None:
        return check_edition_date(given, "--date")
    for source in sources:
        found = re.search(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", Path(source).name)
        if found:
            try:
                day = dt.date(*(int(g) for g in found.groups()))
            except ValueError:
                # Never today instead: the edition would be published under the wrong date.
                raise InputError(
                    f"{source}: {found.group()} in the file name is not a date; rename the "
                    f"file, or pass --date YYYY-MM-DD"
                ) from None
            return check_edition_date(day, f"{source}: the date in the file name")
    return dt.datetime.now(zone).date()


def check_edition_date(day: dt.date, named: str) -> dt.date:
    """``day`` if it is within ``EDITION_YEARS``, else ``InputError`` naming where it came from."""
    if day.year not in EDITION_YEARS:
        raise InputError(
            f"{named} {day.isoformat()} is not a plausible edition date; "
            f"editions are dated {EDITION_YEARS[0]}–{EDITION_YEARS[-1]}"
        )
    return day


def script_tracks(
    edition: Edition, date: dt.date, options: BuildOptions, latin: LatinReading
) -> list[TrackScript]:
    """What every track says: the opening, each article, the closing."""
    if not edition.articles:
        raise InputError(f"{', '.join(edition.sources) or 'the edition'}: no articles to read")
    reader = SpokenReader(options.lexicon)

    def speak(text: str) -> str:
        return reader.speak(text, latin=latin)

    articles = script_articles(edition.articles, speak, options.production.pauses)
    if not articles:
        raise InputError(f"{', '.join(edition.sources)}: the articles have nothing to say")
    return [
        script_opening(options.production.show_name, date, articles, speak, options.wording),
        *articles,
        script_closing(options.production.show_name, date, speak, options.wording),
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
        # File names only: edition.json is public, and a path would tell the world the newsroom's disk.
        sources=tuple(SourceFile(Path(s).name, sha256_file(Path(s))) for s in sources if Path(s).is_file()),
        built_at=dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds"),
        fingerprint=fingerprint,
    )
    write_text_atomic(folder / MANIFEST_NAME, manifest.to_json() + "\n")
    return manifest


def reusable_manifest(folder: Path, fingerprint: str) -> EditionManifest | None:
    """The manifest of a previous build with the same fingerprint whose files are all in place,
    each audio file of the size the manifest records."""
    try:
        previous = read_manifest(folder)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if previous.fingerprint != fingerprint:
        return None
    sizes = {previous.episode: previous.episode_size, **{a.audio: a.size for a in previous.articles}}
    for name in previous.files():
        path = folder / name
        if not path.is_file() or (name in sizes and path.stat().st_size != sizes[name]):
            return None
    return previous


# --- composition -----------------------------------------------------------------------------


@contextmanager
def work_folder(scratch: Path, date: dt.date) -> Iterator[Path]:
    """A scratch folder for one build in the state folder's ``scratch/``, removed after. Nothing
    is renamed from it into the output (published files are written beside their targets)."""
    scratch.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{date.isoformat()}-", dir=scratch))
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


@contextmanager
def staging_folder(out: Path, date: dt.date) -> Iterator[Path]:
    """Where a build writes the new edition before it replaces the live one whole
    (``<out>/.staging-<date>``, the same disk, so the swap is a rename); removed after."""
    staging = out / f"{STAGING_PREFIX}{date.isoformat()}"
    shutil.rmtree(staging, ignore_errors=True)  # only a killed build, holding the lock, left one
    if staging.exists():
        # A file in it cannot be deleted (see replace_folder): build beside it, not never again.
        staging = out / f"{STAGING_PREFIX}{date.isoformat()}.{PID_MARK}{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def carry_over(live: Path, staging: Path) -> None:
    """Hard-link into ``staging`` the files of ``live`` a build does not make (e.g. a page
    publishing wrote into the edition folder), so replacing the folder does not drop them."""
    owned = {MANIFEST_NAME}
    try:
        owned.update(read_manifest(live).files())
    except (OSError, ValueError, KeyError, TypeError):
        pass
    for path in live.rglob("*"):
        relative = path.relative_to(live)
        built = relative.parts[0] == "articles" and path.suffix in (".mp3", ".vtt")
        if (
            not path.is_file()
            or path.is_symlink()
            or relative.as_posix() in owned
            or built
            or any(part.startswith(".") for part in relative.parts)
        ):
            continue
        target = staging / relative
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target)


def _for(progress: Progress | None, stage: Stage) -> Callable[[int, int], None] | None:
    """A stage's ``progress(done, total)`` that reports to the build's ``progress(stage, …)``."""
    if progress is None:
        return None
    report = progress
    return lambda done, total: report(stage, done, total)


def speech_session(options: BuildOptions, cluster: ClusterLink | None = None) -> SpeechSession:
    """The build's one speech session: the engine decided (``auto`` probes), the preset read;
    with ``cluster``, the engines that compute speak there."""
    # The offline engines read pinned pinyin from the same lexicon the text was spoken with.
    settings = dataclasses.replace(options.engine_settings, lexicon=options.lexicon)
    return SpeechSession(
        options.engine, load_preset(options.voice, options.voice_folders),
        cache_dir=options.cache_dir or options.places.speech_cache, jobs=options.production.jobs,
        settings=settings, policy=options.speech_policy, engines=options.engines, cluster=cluster,
    )  # fmt: skip


def plan_build(edition: Edition, options: BuildOptions) -> BuildPlan:
    """A dry run: what would be spoken and for about how long; nothing is synthesized."""
    date = edition_date(edition.sources, options.date, options.zone)
    session = speech_session(options)
    decision = session.decision
    # Scripts keep Latin letters; the session spells them for an engine that cannot say them.
    scripts = script_tracks(edition, date, options, LatinReading.LETTERS)
    planned = []
    for script in scripts:
        pauses = options.production.pauses
        pause = sum(line.pause_after for line in script.lines) + pauses.lead_in + pauses.tail
        spoken = session.spoken_for(decision.engine, [s for line in script.lines for s in line.spoken])
        planned.append(
            PlannedTrack(script.key, script.title, spoken, script.characters / CHARS_PER_SECOND + pause)
        )
    return BuildPlan(date, decision, tuple(planned))


def build_edition(
    edition: Edition,
    options: BuildOptions,
    progress: Progress | None = None,
    *,
    show: Show | None = None,
    notice: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build one edition into ``<out>/<date>/``: article MP3s, the episode, transcripts, manifest;
    with ``show``, publish it too (catalog, feeds, page) before letting go of the folder.

    Raises ``BusyError`` at once if another build or publish is writing to ``options.out``;
    ``WriteError`` (naming the path and the reason) when ``options.out`` cannot be written or
    the disk fills up, the previous edition left as it was. ``notice(text)`` is told where the
    speech runs when that is a cluster (the terminal shows it above the progress bars).
    """
    ffmpeg.require_tools()
    date = edition_date(edition.sources, options.date, options.zone)
    places = options.places
    prepare_folder(places.out)
    with (
        reporting_write_errors(places.out),
        sole_writer(places.state, f"build of {date.isoformat()}", subject=places.out),
    ):
        claim_state(places, options.settings_file)
        migrated = migrate_output(places)
        remove_leftovers(places)
        with _cluster(options) as cluster:
            result = dataclasses.replace(
                _build(edition, options, date, progress, cluster, notice), migrated=migrated
            )
        if show is None:
            return result
        # In the same hold of the lock: the feeds follow the swapped-in files at once.
        published = publish_held(places, result.manifest, show, media_grace=options.media_grace)
        return dataclasses.replace(result, published=published)


def _cluster(options: BuildOptions) -> contextlib.AbstractContextManager[ClusterLink | None]:
    """The build's link to its cluster, or nothing when it speaks on this machine."""
    if options.cluster is None:
        return contextlib.nullcontext()
    return ClusterLink(options.cluster)


def _build(
    edition: Edition,
    options: BuildOptions,
    date: dt.date,
    progress: Progress | None,
    cluster: ClusterLink | None,
    notice: Callable[[str], None] | None = None,
) -> BuildResult:
    folder = options.out / date.isoformat()
    title = episode_title(options.production.show_name, date)
    seconds: list[tuple[str, float]] = []
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds.append((stage, now - clock))
        clock = now

    session = speech_session(options, cluster)
    if cluster is not None and cluster.connected and notice is not None:  # connected: its engine speaks there
        notice(f"speaking on the cluster at {cluster.address}: {cluster.connected} workers")
    decision = session.decision
    # Scripts keep Latin letters; the session spells them for an engine that cannot say them.
    scripts = script_tracks(edition, date, options, LatinReading.LETTERS)
    lap("script")
    reused: EditionManifest | None = None
    # The new edition is made beside the live one and replaces it whole: a build killed at any
    # moment leaves the previous edition as it was, never some of its files rewritten.
    with staging_folder(options.out, date) as staging:
        with work_folder(options.places.scratch, date) as work:
            spoken, report = speak_tracks(scripts, session, work, _for(progress, Stage.SPEAK))
            preset = report.preset
            lap(Stage.SPEAK.value)
            fingerprint = fingerprint_build(spoken, date, options.production, edition.sources, preset)
            reused = reusable_manifest(folder, fingerprint)
            if reused is None:
                # Tracks and episode together: the episode's encoding overlaps the tracks' work.
                tracks, episode = make_audio(
                    spoken, date, staging, work, options.production, title, _for(progress, Stage.TRACKS)
                )
                lap("audio")
            elif progress is not None:
                progress(Stage.TRACKS, len(spoken), len(spoken))
            if progress is not None:
                progress(Stage.EPISODE, 1, 1)
        others = [e for e in report.engines if e != decision.engine]
        engine = f"{decision.engine} (+{', '.join(others)} fallback)" if others else decision.engine
        if reused is not None:
            # Same speech, same settings: the files on disk are what this build would write.
            manifest = reused
        else:
            manifest = write_manifest(
                staging,
                date,
                title,
                episode,
                tracks,
                edition.sources,
                engine,
                f"{preset} ({', '.join(report.voices)})" if report.voices else preset,
                fingerprint,
            )
            if folder.is_dir():
                carry_over(folder, staging)
            replace_folder(staging, folder)
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
    """``options`` with the show's name, configured cover art and time zone.

    Checks the cover first: a broken one would otherwise go into every MP3 before publishing
    turned it away.
    """
    if show.cover is not None:
        check_cover(show.cover)
    production = dataclasses.replace(
        options.production, show_name=show.title, cover=show.cover or options.production.cover
    )
    return dataclasses.replace(options, production=production, zone=show.zone)


def run_build(
    source: Sequence[Path] | Edition,
    options: BuildOptions,
    show: Show,
    progress: Progress | None = None,
    *,
    encoding: str | None = None,
    notice: Callable[[str], None] | None = None,
) -> BuildResult:
    """The whole pipeline for the ``build`` command: read and clean the pages (or take the
    edition already read), build the edition, and publish it (feed, page) into ``options.out``."""
    edition = source if isinstance(source, Edition) else read_edition(source, encoding)
    return build_edition(edition, options_for_show(show, options), progress, show=show, notice=notice)


def run_plan(
    source: Sequence[Path] | Edition, options: BuildOptions, show: Show, *, encoding: str | None = None
) -> BuildPlan:
    """``build --dry-run``: read and clean the pages (or take the edition already read) and plan
    the build; nothing is synthesized."""
    edition = source if isinstance(source, Edition) else read_edition(source, encoding)
    return plan_build(edition, options_for_show(show, options))
