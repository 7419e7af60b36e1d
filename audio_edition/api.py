"""The Python API the ``audio-edition`` command is a shell over.

Each command is three steps here: options made by one function from the settings plus the
caller's overrides (``build_options``), one call that does the work (``plan``, ``build``,
``publish``), and a result whose ``to_json()`` is what ``--json`` prints. ``cli.py`` only parses
flags into overrides and prints results; a script does the same without click::

    from pathlib import Path

    from audio_edition import api

    ws = api.open_workspace(config=None)
    options = api.build_options(ws, engine="offline")
    edition = api.read_edition([Path("articles/2023-12-25.txt")])
    report = api.build(edition, options, ws.settings.show)
    print(report.to_json()["feed_url"])

Settings precedence is decided in ``build_options`` only: an override (a flag), else the
settings file, else the library's default.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audio_edition.audio.episode import Production
from audio_edition.edition import (
    BuildOptions,
    BuildPlan,
    BuildResult,
    Progress,
    run_build,
    run_plan,
)
from audio_edition.errors import ConfigError
from audio_edition.publish import PublishResult, publish_catalog
from audio_edition.publish.config import Show
from audio_edition.publish.media import GRACE as MEDIA_GRACE
from audio_edition.publish.publisher import (
    PublishPlan,
    plan_publish,
    rebuild_catalog,
    remove_editions,
)
from audio_edition.publish.sync import SyncPlan, sync_output
from audio_edition.settings import Settings
from audio_edition.speech.cluster import cluster_choice
from audio_edition.speech.presets import (
    DEFAULT_PRESET,
    commercial_use_warning,
    load_preset,
)
from audio_edition.speech.session import speech_policy
from audio_edition.speech.settings import DEFAULT_JOBS, engine_settings
from audio_edition.text import Edition, read_edition
from audio_edition.text.lexicon import lexicon_files
from audio_edition.text.review import warning_record
from audio_edition.voices import voice_folders
from audio_edition.workspace import (
    Workspace,
    open_destination,
    open_workspace,
    refuse_placeholders,
    workspace_of_output,
)

__all__ = [
    "BuildReport",
    "PlanReport",
    "PublishOptions",
    "PublishReport",
    "build",
    "build_options",
    "check_dates",
    "open_workspace",
    "parse_date",
    "plan",
    "publish",
    "publish_options",
    "read_edition",
    "rebuild",
    "remove",
    "warnings_json",
    "workspace_of_output",
]


def parse_date(text: str | None, flag: str = "--date") -> dt.date | None:
    """``text`` (``YYYY-MM-DD``) as a date, None for None; ``ConfigError`` naming ``flag`` else."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        raise ConfigError(f"{flag} {text!r} is not a date; write it like 2023-12-25") from None


def build_options(
    ws: Workspace,
    *,
    date: dt.date | None = None,
    voice: str | None = None,
    engine: str | None = None,
    jobs: int | None = None,
    cluster: str | None = None,
    lexicon: Path | None = None,
    chime: Path | None = None,
    intro: Path | None = None,
    outro: Path | None = None,
) -> BuildOptions:
    """The build's options: each override (None: not given) wins over the workspace's settings
    file (``[build]``, ``[script]``, ``[speech]``), which wins over the library's defaults."""
    settings, places = ws.settings, ws.places
    production = Production(
        chime=chime or settings.build.chime,
        intro=intro or settings.build.intro,
        outro=outro or settings.build.outro,
        jobs=jobs or settings.build.jobs or DEFAULT_JOBS,
        pauses=settings.script.pauses,
    )
    return BuildOptions(
        out=places.out,
        state=places.state,
        settings_file=settings.path,
        date=date,
        voice=voice or settings.build.voice or DEFAULT_PRESET,
        engine=engine or settings.build.engine or "auto",
        production=production,
        wording=settings.script.wording,
        voice_folders=voice_folders(settings.folder),
        lexicons=lexicon_files(settings.folder, lexicon or settings.build.lexicon),
        speech_policy=speech_policy(settings.speech.engines, settings.speech.fallback),
        engine_settings=engine_settings(
            azure_region=settings.speech.azure_region, kokoro_runtime=settings.speech.kokoro_runtime
        ),
        cluster=cluster_choice(cluster, settings.build.cluster),
        media_grace=_media_grace(settings),
    )


def warnings_json(edition: Edition) -> list[dict[str, Any]]:
    """The edition's uncertain readings as ``--json`` prints them."""
    return [warning_record(w) for w in edition.warnings]


@dataclass(frozen=True)
class PlanReport:
    """``build --dry-run``: what would be spoken, for how long, by which engine."""

    plan: BuildPlan
    edition: Edition

    def to_json(self) -> dict[str, Any]:
        """The plan as ``build --dry-run --json`` prints it."""
        plan = self.plan
        return {
            "date": plan.date.isoformat(),
            "engine": plan.decision.engine,
            "engine_reason": plan.decision.reason,
            "estimated_seconds": round(plan.estimated_seconds, 1),
            "tracks": [
                {
                    "key": t.key,
                    "title": t.title,
                    "spoken": list(t.spoken),
                    "estimated_seconds": round(t.estimated_seconds, 1),
                }
                for t in plan.tracks
            ],
            "warnings": warnings_json(self.edition),
        }


def plan(edition: Edition, options: BuildOptions, show: Show) -> PlanReport:
    """Plan the build of ``edition``; nothing is synthesized or written."""
    return PlanReport(run_plan(edition, options, show), edition)


@dataclass(frozen=True)
class BuildReport:
    """A finished build: the pipeline's result, the edition it read, and the licence warnings a
    commercial show gets for voices it may not publish."""

    result: BuildResult
    edition: Edition
    licence_warnings: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The summary ``build --json`` prints."""
        result = self.result
        manifest, speech = result.manifest, result.speech
        return {
            "date": manifest.date,
            "folder": str(result.folder),
            "articles": len(manifest.articles),
            "duration": manifest.duration,
            "engine": manifest.engine,
            "engine_reason": result.decision.reason,
            "voice": speech.preset,
            "voices": list(speech.voices),
            "runs_on": dict(zip(speech.engines, speech.runs_on)),
            "voice_change": speech.voice_change,
            "requests": speech.requests,
            "cache_hits": speech.cache_hits,
            "fallbacks": list(speech.fallbacks),
            "fallback_reasons": list(speech.fallback_reasons),
            "reused": result.reused,
            "files": [str(f) for f in result.files],
            "feed_url": result.published.feed_url if result.published else None,
            "cluster": speech.cluster.to_json() if speech.cluster else None,
            "seconds": {stage: round(s, 2) for stage, s in result.stage_seconds},
            "warnings": warnings_json(self.edition),
            "licence_warnings": list(self.licence_warnings),
        }


def build(
    edition: Edition,
    options: BuildOptions,
    show: Show,
    progress: Progress | None = None,
    *,
    notice: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build ``edition`` (article MP3s, the chaptered episode, transcripts) and publish it to the
    feed and the listening page in ``options.out``."""
    result = run_build(edition, options, show, progress, notice=notice)
    warnings: tuple[str, ...] = ()
    if show.commercial:
        warning = commercial_use_warning(
            load_preset(result.speech.preset, options.voice_folders), result.speech.engines
        )
        warnings = (warning,) if warning else ()
    return BuildReport(result, edition, warnings)


@dataclass(frozen=True)
class PublishOptions:
    """What ``publish`` does: the workspace whose output folder it publishes, ``keep`` (delete all
    but the newest N editions), and ``to`` (a target to copy the folder to, ``delete`` there what
    the folder no longer has)."""

    ws: Workspace
    keep: int | None = None
    to: str | None = None
    delete: bool = False


def _media_grace(settings: Settings) -> dt.timedelta:
    """How long superseded audio stays published: ``[publish] media_grace_days``, else 7 days."""
    chosen = settings.publish.media_grace
    return MEDIA_GRACE if chosen is None else chosen


def publish_options(
    ws: Workspace, *, keep: int | None = None, to: str | None = None, delete: bool | None = None
) -> PublishOptions:
    """``publish``'s options: each override (None: not given) wins over ``[publish]``."""
    publishing = ws.settings.publish
    return PublishOptions(
        ws, keep=keep, to=to or publishing.to, delete=publishing.delete if delete is None else delete
    )


@dataclass(frozen=True)
class PublishReport:
    """A publish: what was written (``result``; None for a dry run), what a dry run would remove
    (``preview``), and the copy to the target (``sync``; None without one)."""

    result: PublishResult | None
    preview: PublishPlan | None
    sync: SyncPlan | None
    dry_run: bool

    def to_json(self) -> dict[str, Any]:
        """The report ``publish --json`` prints."""
        report: dict[str, Any] = {}
        result, preview, plan = self.result, self.preview, self.sync
        if result is not None:
            report.update(
                {
                    "feed": str(result.feed),
                    "articles_feed": str(result.articles_feed),
                    "page": str(result.page),
                    "cover": str(result.cover),
                    "feed_url": result.feed_url,
                    "page_url": result.page_url,
                    "editions": list(result.editions),
                    "added": list(result.added),
                    "pruned": list(result.pruned),
                    "broken": list(result.broken),
                }
            )
        if preview is not None:
            report["would_remove"] = list(preview.removed)
            report["would_remove_superseded"] = list(preview.superseded)
            report["broken"] = list(preview.broken)
        if plan is not None:
            report["sync"] = {
                "to": plan.destination,
                "dry_run": self.dry_run,
                "uploaded": len(plan.uploads),
                "bytes": plan.upload_bytes,
                "unchanged": plan.unchanged,
                "deleted": list(plan.deletes),
                "files": [u.file.key for u in plan.uploads],
            }
        return report


def publish(
    options: PublishOptions, *, dry_run: bool = False, progress: Callable[[int, int], None] | None = None
) -> PublishReport:
    """Rewrite the feeds, the page and the cover from the output folder's catalog, then copy the
    folder to ``options.to``; with ``dry_run``, say what that would do and change nothing.

    The target is checked, and the starter file's placeholders refused for it, before anything
    is written. ``progress(done, total)`` counts uploaded bytes."""
    ws = options.ws
    out, show, state = ws.places.out, ws.settings.show, ws.places.state
    grace = _media_grace(ws.settings)
    destination = open_destination(options.to, ws.settings, out) if options.to else None  # checks first
    refuse_placeholders(show, options.to)
    if not dry_run:
        # The upload runs inside publish_catalog, under the output folder's lock.
        result = publish_catalog(
            out,
            show,
            keep=options.keep,
            state=state,
            settings=ws.settings.path,
            to=destination,
            delete=options.delete,
            progress=progress,
            media_grace=grace,
        )
        return PublishReport(result, None, result.sync, dry_run)
    preview = plan_publish(out, show, keep=options.keep, state=state, media_grace=grace)
    plan = None
    if destination is not None:
        # The copy as it would be after the preview changed the output folder, a broken
        # edition's files held as the real run holds them.
        plan = sync_output(
            out,
            destination,
            delete=options.delete,
            dry_run=True,
            leaving=preview.leaving,
            writing=preview.written,
            adding=preview.linked,
            held=frozenset(preview.broken),
        )
    return PublishReport(None, preview, plan, dry_run)


def check_dates(dates: Sequence[str]) -> None:
    """``ConfigError`` naming the first of ``dates`` that is not ``YYYY-MM-DD``."""
    for date in dates:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise ConfigError(f"{date!r} is not a date; write it like 2023-12-25") from None


def remove(ws: Workspace, dates: Sequence[str]) -> PublishResult:
    """Remove the editions of ``dates`` (``YYYY-MM-DD``) from the feeds and the page, then their
    files, then the catalog; ``ConfigError`` for one that is not a date, before anything."""
    check_dates(dates)
    return remove_editions(
        ws.places.out,
        tuple(dates),
        ws.settings.show,
        state=ws.places.state,
        media_grace=_media_grace(ws.settings),
    )


def rebuild(ws: Workspace) -> tuple[tuple[str, ...], PublishResult]:
    """Recreate the catalog from the editions' manifests in the output folder, then publish;
    returns the dates recorded and what was published."""
    dates = rebuild_catalog(ws.places.out, ws.settings.show, state=ws.places.state)
    result = publish_catalog(
        ws.places.out,
        ws.settings.show,
        state=ws.places.state,
        settings=ws.settings.path,
        media_grace=_media_grace(ws.settings),
    )
    return dates, result
