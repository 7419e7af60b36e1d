"""Content-versioned audio addresses: what the feeds' enclosures point at.

A corrected story's MP3 must not keep its address: a CDN or an app's cache may hold the old
bytes under it for as long as they are allowed to, while the feed already states the new length.
So every MP3 a feed names is published under ``media/<date>/<version>/<download name>``, the
version being the first 12 hex digits of the SHA-256 of its bytes:

- changed audio gets a new address, unchanged audio keeps its own (the same bytes, the same
  name), so apps fetch again exactly what changed, and versioned files can be cached for a year;
- the last part is the name a listener's download gets, never colliding across editions:
  ``2023-12-25-01-<slug>.mp3`` for a story, ``2023-12-25-edition.mp3`` for the edition;
- the file is a hard link to the edition folder's (a copy where links are not possible), so it
  costs no disk; a rebuild replaces the edition folder's file, the link keeps the old bytes;
- a version no feed names any more (a correction, ``--keep``) is *superseded*: it stays for a
  grace period (an app that read yesterday's feed still finds it), and a later publish removes it.

What is known of each version (its source's size and time, so unchanged files are not hashed
again; when it was superseded) is kept in ``media.json`` in the state folder, relative paths only.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath

from audio_edition.audio.manifest import EditionManifest
from audio_edition.fsutil import atomic_path, write_text_atomic

MEDIA_DIR = "media"
RECORD = "media.json"
GRACE = timedelta(days=7)
"""How long a superseded version stays unless ``[publish] media_grace_days`` says otherwise:
longer than any app waits between reading a feed and fetching what it names (most poll daily),
and than the feeds' own cache lifetime."""
VERSION_DIGITS = 12


@dataclass(frozen=True)
class Version:
    """One published version of an audio file."""

    key: str
    """Its path under the output folder (``media/2023-12-25/<version>/<name>``)."""
    date: str
    source: str
    """The file it was published from, in the edition folder (``articles/01-x.mp3``)."""
    size: int
    mtime_ns: int
    superseded: str | None = None
    """ISO time since when no feed names it; None while one does."""


@dataclass(frozen=True)
class MediaResult:
    """The addresses for the feeds, and what this publish removed."""

    addresses: dict[tuple[str, str], str]
    """(date, path in the edition folder) → path under the output folder."""
    removed: tuple[str, ...]


def download_name(date: str, source: str, episode: str) -> str:
    """What a listener's download is called: the date first, so no two editions collide."""
    if source == episode:
        return f"{date}-edition.mp3"
    return f"{date}-{PurePosixPath(source).name}"


def _version_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()[:VERSION_DIGITS]


def _read(state: Path) -> dict[str, Version]:
    try:
        rows = json.loads((state / RECORD).read_text(encoding="utf-8"))
        return {row["key"]: Version(**row) for row in rows}
    except (OSError, ValueError, TypeError, KeyError):
        return {}  # lost or damaged: every version is found again from the folders


def _write(state: Path, versions: Iterable[Version]) -> None:
    rows = [asdict(v) for v in sorted(versions, key=lambda v: v.key)]
    write_text_atomic(state / RECORD, json.dumps(rows, ensure_ascii=False, indent=1))


def _link(source: Path, target: Path) -> None:
    with atomic_path(target) as tmp:
        tmp.unlink()
        try:
            os.link(source, tmp)
        except OSError:
            shutil.copy2(source, tmp)  # a file system without hard links


def plan_media(
    out: Path, state: Path, manifests: Iterable[EditionManifest]
) -> tuple[dict[str, Version], dict[str, Path]]:
    """Every MP3 of ``manifests`` with its versioned address (reading only the files that
    changed since they were last published); and the addresses not yet in ``out``, with the
    file each would link to."""
    by_source = {(v.date, v.source): v for v in _read(state).values() if v.superseded is None}
    current: dict[str, Version] = {}
    missing: dict[str, Path] = {}
    for manifest in manifests:
        for source in (manifest.episode, *(a.audio for a in manifest.articles)):
            path = out / manifest.date / source
            stat = path.stat()
            was = by_source.get((manifest.date, source))
            if (
                was is not None
                and (was.size, was.mtime_ns) == (stat.st_size, stat.st_mtime_ns)
                and (out / was.key).is_file()
            ):
                key = was.key  # the same file as last time: not read again
            else:
                name = download_name(manifest.date, source, manifest.episode)
                key = f"{MEDIA_DIR}/{manifest.date}/{_version_of(path)}/{name}"
                if not (out / key).is_file():
                    missing[key] = path
            current[key] = Version(key, manifest.date, source, stat.st_size, stat.st_mtime_ns)
    return current, missing


def addresses_of(versions: dict[str, Version]) -> dict[tuple[str, str], str]:
    """(date, path in the edition folder) → versioned path, for the feeds."""
    return {(v.date, v.source): v.key for v in versions.values()}


def publish_media(
    out: Path,
    state: Path,
    manifests: Iterable[EditionManifest],
    now: datetime,
    grace: timedelta = GRACE,
    *,
    held: frozenset[str] = frozenset(),
) -> MediaResult:
    """Put every MP3 of ``manifests`` under its versioned address in ``out``; mark versions
    no manifest names as superseded and remove those superseded longer than ``grace``. The
    versions of the editions ``held`` (dates whose own files are broken: the versioned copy may
    be the only one left) are neither superseded nor removed."""
    current, missing = plan_media(out, state, manifests)
    for key, path in missing.items():
        _link(path, out / key)
    removed, kept = plan_removal(out, state, current, now, grace, held=held)
    for key in removed:
        _remove(out, key)
    _write(state, [*current.values(), *kept.values()])
    return MediaResult(addresses_of(current), removed)


def plan_removal(
    out: Path,
    state: Path,
    current: dict[str, Version],
    now: datetime,
    grace: timedelta = GRACE,
    *,
    held: frozenset[str] = frozenset(),
) -> tuple[tuple[str, ...], dict[str, Version]]:
    """Which versions in ``out`` that no feed names (not in ``current``, ``plan_media``'s first
    answer) a publish at ``now`` removes, and those it keeps with the time they were superseded
    (known ones keep theirs, ones found on disk start now). Reads only: ``publish_media`` and
    ``publish --dry-run`` both decide by it."""
    known = _read(state)
    folder = out / MEDIA_DIR
    on_disk = (
        {
            p.relative_to(out).as_posix()
            for p in folder.rglob("*")
            if p.is_file() and not p.name.startswith(".")
        }
        if folder.is_dir()
        else set()
    )
    kept: dict[str, Version] = {}
    removed = []
    for key in sorted(on_disk - set(current)):
        version = known.get(key) or Version(key, key.split("/")[1], "", 0, 0)
        if version.date in held:
            kept[key] = version  # as it was, until its edition is rebuilt or removed
            continue
        if version.superseded is None:
            version = replace(version, superseded=now.isoformat())
        if now - datetime.fromisoformat(version.superseded or now.isoformat()) >= grace:
            removed.append(key)
        else:
            kept[key] = version
    return tuple(removed), kept


def superseded_due(state: Path, now: datetime, grace: timedelta = GRACE) -> tuple[str, ...]:
    """The versions a publish at ``now`` would remove (for ``publish --dry-run``)."""
    return tuple(
        sorted(
            v.key
            for v in _read(state).values()
            if v.superseded is not None and now - datetime.fromisoformat(v.superseded) >= grace
        )
    )


def _remove(out: Path, key: str) -> None:
    path = out / key
    path.unlink(missing_ok=True)
    parent = path.parent
    while parent != out and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent
