"""``publish --to``: the output folder copied where listeners fetch it — an S3-compatible bucket or
a web server's folder — changing only what changed, in an order no listener can trip over.

::

    plan_sync        the output folder's public files vs. what the destination holds (size + MD5)
    sync_output      uploads in three waves: media and data first, then the pages, the feeds last;
                     then (``delete``) the objects of editions no longer in the output folder

Why this order: a feed is the only thing a podcast app polls. Uploading it last means that when
an app sees a new item, the audio, transcript and chapters it names are already there; a publish
that fails half-way leaves the previous feed, whose files are all still in place, and a rerun
uploads only what is missing. Deleting comes after the feeds stopped naming what is deleted.

Only public files go, by the one rule ``serve`` follows too (``public.py``): no dot names (a
build's staging folder, temporary files), databases, locks, ``.part`` files or state records;
the catalog, cache and lock are not in the output folder at all (``places.py``).

What "changed" means: S3 gives each object an ETag that is the MD5 of its bytes when it was put
in one piece, which is how we upload (editions are far below the 5 GB single-put limit); the MD5
is also stored as ``x-amz-meta-md5`` for stores whose ETag is something else (e.g. encrypted
buckets), read with a HEAD only in that case. A local folder compares size and modification time
(copies keep the source's), then MD5 when those differ.
"""

from __future__ import annotations

import enum
import hashlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from audio_edition.errors import ConfigError, PublishError
from audio_edition.fsutil import atomic_path, remove_partial_writes
from audio_edition.publish.feed import ARTICLES_FEED_NAME, FEED_NAME
from audio_edition.publish.media import MEDIA_DIR
from audio_edition.publish.mime import RSS_TYPE, type_by_suffix
from audio_edition.publish.public import is_private, public_path

SHORT_CACHE = "public, max-age=300"
"""Everything whose bytes may change under the same name (feeds, pages, manifests, an edition
folder's own files, the cover): apps and browsers see a change within five minutes."""
LONG_CACHE = "public, max-age=31536000, immutable"
"""The audio the feeds name, under content-versioned names (``media.py``): changed audio gets a
new name, so these bytes never change and may be cached for a year."""

FEEDS = (FEED_NAME, ARTICLES_FEED_NAME)
_DATE_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Wave(enum.IntEnum):
    """When a file goes up: everything a page or feed points at first, the feeds last."""

    MEDIA = 1
    PAGES = 2
    FEEDS = 3


@dataclass(frozen=True)
class LocalFile:
    """One public file of the output folder."""

    key: str
    """Its path relative to the output folder, with ``/``."""
    path: Path
    size: int
    md5: str
    mtime_ns: int


@dataclass(frozen=True)
class RemoteFile:
    """What the destination holds under a key."""

    key: str
    size: int
    md5: str | None
    """The MD5 when the listing tells it (an S3 ETag of a one-piece upload); None: ask ``same``."""
    mtime_ns: int | None = None


@dataclass(frozen=True)
class Upload:
    file: LocalFile
    content_type: str
    cache_control: str
    wave: Wave


@dataclass(frozen=True)
class SyncPlan:
    """What a sync does: uploads in order, then deletes."""

    destination: str
    uploads: tuple[Upload, ...]
    deletes: tuple[str, ...]
    unchanged: int

    @property
    def upload_bytes(self) -> int:
        return sum(u.file.size for u in self.uploads)


def content_type(key: str) -> str:
    """The Content-Type a podcast app or browser expects for ``key``."""
    name = key.rsplit("/", 1)[-1]
    return RSS_TYPE if name in FEEDS else type_by_suffix(name)


def wave_of(key: str) -> Wave:
    name = key.rsplit("/", 1)[-1]
    if name in FEEDS and "/" not in key:
        return Wave.FEEDS
    if name.endswith(".html"):
        return Wave.PAGES
    return Wave.MEDIA


def cache_control(key: str) -> str:
    """Long for content-versioned audio (``media/``), short for everything else."""
    return LONG_CACHE if key.startswith(f"{MEDIA_DIR}/") else SHORT_CACHE


def file_md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def read_planned(file: LocalFile) -> bytes:
    """``file``'s bytes, checked against the size and MD5 it was planned with; a file changed
    or gone since is a ``PublishError`` (publish again), never an upload of other bytes."""
    try:
        data = file.path.read_bytes()
    except OSError as error:
        raise PublishError(
            f"{file.path}: cannot be read for upload ({error.strerror or error}); publish again"
        ) from None
    if len(data) != file.size or hashlib.md5(data, usedforsecurity=False).hexdigest() != file.md5:
        raise PublishError(
            f"{file.path} changed while it was being published; nothing of it was uploaded, publish again"
        )
    return data


def public_files(out: Path) -> list[LocalFile]:
    """Every file listeners get from ``out``, by the rule ``serve`` follows too
    (``public.public_path``: no private name, before or after symlinks, nothing outside ``out``).
    Folders reached only through a symlink are not walked (one could loop)."""
    if not out.is_dir():
        raise PublishError(f"{out}: no such folder; build an edition first")
    root = os.path.realpath(out)
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not is_private(d) and not os.path.islink(os.path.join(folder, d)))
        for name in sorted(files):
            real = public_path(root, os.path.join(folder, name))
            if real is None or not os.path.isfile(real):
                continue
            stat = os.stat(real)
            key = Path(os.path.relpath(os.path.join(folder, name), root)).as_posix()
            found.append(LocalFile(key, Path(real), stat.st_size, file_md5(Path(real)), stat.st_mtime_ns))
    return found


def is_ours(key: str) -> bool:
    """A destination key audio-edition publishes, so ``--delete`` may remove it when the output
    no longer has it: edition folders, archive pages, the page's assets, covers, feeds, pages.
    Anything else under the prefix (a robots.txt, another tool's files) is left alone."""
    first, _, rest = key.partition("/")
    if _DATE_FOLDER.match(first) and rest:
        return True
    if first in ("page", "assets", MEDIA_DIR) and rest:
        return True
    return not rest and (
        first in FEEDS or first == "index.html" or re.fullmatch(r"cover\.(jpg|png)", first) is not None
    )


class Destination(Protocol):
    """Where the output folder goes: a bucket or a folder."""

    description: str

    def existing(self) -> dict[str, RemoteFile]:
        """Every key the destination holds (under its prefix), with what is known of it."""
        ...

    def same(self, local: LocalFile, remote: RemoteFile) -> bool:
        """Whether ``remote`` already holds ``local``'s bytes."""
        ...

    def put(self, upload: Upload) -> None:
        """Store one file so that readers see the old bytes or the new, never a part."""
        ...

    def delete(self, keys: Sequence[str]) -> None: ...

    def clear_leftovers(self) -> None:
        """Remove what a killed sync left there (a folder's ``.part`` files); before any upload."""
        ...


def _edition_of(key: str) -> str:
    """The date of the edition a key belongs to (``<date>/…`` or ``media/<date>/…``), else its
    first part."""
    parts = key.split("/")
    return parts[1] if parts[0] == MEDIA_DIR and len(parts) > 2 else parts[0]


def _walk_order(key: str) -> tuple[tuple[int, str], ...]:
    """Sorts keys as ``public_files`` finds them: in each folder its files by name, then its
    folders by name; so a dry run lists the uploads of each wave in the real run's order."""
    parts = key.split("/")
    return (*((1, p) for p in parts[:-1]), (0, parts[-1]))


def plan_sync(
    out: Path,
    destination: Destination,
    *,
    delete: bool = False,
    leaving: frozenset[str] = frozenset(),
    writing: Sequence[tuple[str, bytes]] = (),
    adding: Sequence[tuple[str, Path]] = (),
    held: frozenset[str] = frozenset(),
) -> SyncPlan:
    """Compare ``out``'s public files with the destination: what to upload, in which order, and
    (``delete``) which of our keys the output no longer has. Keys of the editions ``held``
    (dates whose local files are broken: ``<date>/…`` and ``media/<date>/…``) are neither
    uploaded nor deleted: the copy there may be the only intact one.

    For a dry run of a publish that would first change ``out``: ``leaving`` are the keys and
    folders (``2023-12-25/``) it would remove, ``writing`` the files it would write (new or
    with other bytes), each with the bytes it would hold, ``adding`` the keys it would link,
    each with the file it would be. A file of ``writing`` exists only in the plan: such a plan
    is for showing, never for carrying out."""
    written = {key for key, _ in writing}
    local = [
        f
        for f in public_files(out)
        if f.key not in leaving
        and f.key not in written
        and not any(f.key.startswith(p) for p in leaving if p.endswith("/"))
    ]
    for key, path in adding:
        stat = path.stat()
        local.append(LocalFile(key, path, stat.st_size, file_md5(path), stat.st_mtime_ns))
    for key, data in writing:
        # Written now, so its time is no copy's: the destination compares the bytes (mtime -1).
        md5 = hashlib.md5(data, usedforsecurity=False).hexdigest()
        local.append(LocalFile(key, out / key, len(data), md5, -1))
    local = sorted((f for f in local if _edition_of(f.key) not in held), key=lambda f: _walk_order(f.key))
    remote = destination.existing()
    uploads = []
    unchanged = 0
    for file in local:
        there = remote.get(file.key)
        if there is not None and there.size == file.size and destination.same(file, there):
            unchanged += 1
            continue
        uploads.append(Upload(file, content_type(file.key), cache_control(file.key), wave_of(file.key)))
    uploads.sort(key=lambda u: u.wave)  # stable: within a wave, the folder's order
    keys = {f.key for f in local}
    deletes = (
        tuple(sorted(k for k in remote if k not in keys and is_ours(k) and _edition_of(k) not in held))
        if delete
        else ()
    )
    return SyncPlan(destination.description, tuple(uploads), deletes, unchanged)


def sync_output(
    out: Path,
    destination: Destination,
    *,
    delete: bool = False,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    leaving: frozenset[str] = frozenset(),
    writing: Sequence[tuple[str, bytes]] = (),
    adding: Sequence[tuple[str, Path]] = (),
    held: frozenset[str] = frozenset(),
) -> SyncPlan:
    """Bring the destination up to date with ``out``; returns the plan it carried out (with
    ``dry_run``, only planned, ``leaving``, ``writing`` and ``adding`` as ``plan_sync`` takes them).
    ``progress(bytes_done, bytes_total)`` follows the uploads; ``held`` as in ``plan_sync``. Call
    it holding the output folder's lock (``publish_catalog(to=…)`` does), so no build changes a
    file while it is read.

    A failure raises ``PublishError`` naming the file; what was uploaded stays, the feeds are
    not replaced until everything they name is there, and a rerun uploads only the rest.
    """
    if not dry_run and (leaving or writing or adding):
        raise ValueError("leaving, writing and adding describe a change not made: only for a dry run")
    if not dry_run:
        destination.clear_leftovers()
    plan = plan_sync(
        out, destination, delete=delete, leaving=leaving, writing=writing, adding=adding, held=held
    )
    if dry_run:
        return plan
    done, total = 0, plan.upload_bytes
    for upload in plan.uploads:
        destination.put(upload)
        done += upload.file.size
        if progress is not None:
            progress(done, total)
    if plan.deletes:
        destination.delete(plan.deletes)
    return plan


class FolderDestination:
    """A web server's document root: each file copied to a temporary name and renamed, so a
    reader gets the old file or the new one; the copy keeps the source's modification time, so
    the next sync compares size and time and reads nothing."""

    def __init__(self, root: Path, out: Path) -> None:
        root_abs, out_abs = root.resolve(), out.resolve()
        if root_abs == out_abs or out_abs in root_abs.parents or root_abs in out_abs.parents:
            raise ConfigError(f"--to {root}: must be a folder outside {out} (and not holding it)")
        if root.exists() and not root.is_dir():
            raise ConfigError(f"--to {root}: a file is in the way; name a folder")
        self.root = root
        self.description = str(root)

    def existing(self) -> dict[str, RemoteFile]:
        found: dict[str, RemoteFile] = {}
        if not self.root.is_dir():
            return found
        for root, dirs, files in os.walk(self.root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                path = Path(root) / name
                if name.startswith(".") or path.is_symlink():
                    continue
                stat = path.stat()
                key = path.relative_to(self.root).as_posix()
                found[key] = RemoteFile(key, stat.st_size, None, stat.st_mtime_ns)
        return found

    def same(self, local: LocalFile, remote: RemoteFile) -> bool:
        return remote.mtime_ns == local.mtime_ns or file_md5(self.root / remote.key) == local.md5

    def put(self, upload: Upload) -> None:
        target = self.root / upload.file.key
        data = read_planned(upload.file)
        try:
            with atomic_path(target) as tmp:
                tmp.write_bytes(data)
                os.utime(tmp, ns=(upload.file.mtime_ns, upload.file.mtime_ns))
        except OSError as error:
            raise PublishError(f"cannot write {target}: {error.strerror or error}") from error

    def clear_leftovers(self) -> None:
        # A killed copy leaves its temporary file (named with its pid) in the web root for good
        # otherwise; a live writer's stays.
        if self.root.is_dir():
            remove_partial_writes(self.root)

    def delete(self, keys: Sequence[str]) -> None:
        for key in keys:
            path = self.root / key
            path.unlink(missing_ok=True)
            parent = path.parent
            while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent


@dataclass(frozen=True)
class BucketTarget:
    bucket: str
    prefix: str
    """Without leading or trailing ``/``; empty for the bucket's root."""

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}" if self.prefix else f"s3://{self.bucket}"


def parse_target(to: str) -> BucketTarget | Path:
    """``s3://BUCKET/PREFIX`` or a folder; anything else with a scheme is a ``ConfigError``."""
    found = re.fullmatch(r"s3://([^/]+)/*(.*?)/*", to.strip())
    if found:
        bucket, prefix = found.groups()
        if not re.fullmatch(r"[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]", bucket):
            raise ConfigError(
                f"--to {to}: {bucket!r} is not a bucket name (3–63 lower-case letters, digits, . and -)"
            )
        return BucketTarget(bucket, prefix)
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", to):
        raise ConfigError(f"--to {to}: publish to s3://BUCKET/PREFIX (any S3-compatible store) or a folder")
    return Path(to)
