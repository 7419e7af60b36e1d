"""Atomic file writes and one writer per output folder: nothing already published is lost or
left half-written, and two processes never interleave their writes."""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from audio_edition.errors import BusyError

LOCK_NAME = ".lock"
PART_SUFFIX = ".part"


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success rename it over ``target``.

    On any error the temporary file is removed and ``target`` is left as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=PART_SUFFIX, dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; published files are read by web servers
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_bytes_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file and a rename."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text_atomic(target: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``target`` through a temporary file and a rename."""
    write_bytes_atomic(target, text.encode("utf-8"))


def sha256_file(path: Path) -> str:
    """The hex SHA-256 of a file, read a MiB at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


@contextmanager
def sole_writer(folder: Path, doing: str) -> Iterator[None]:
    """Hold ``folder``'s lock while the block runs; raise ``BusyError`` at once if another
    process holds it.

    Two builds or publishes into one output folder would each rewrite the feed from what they
    saw, and the later could drop the other's edition; so the second is turned away. The
    lock is ``flock`` on ``folder/.lock``, so the kernel lets go of it when its holder dies,
    however it dies. The file names the holder (pid and ``doing``) for the error message. Not
    re-entrant: do not nest two of these on one folder in one process.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK_NAME, "a+", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            raise BusyError(f"{folder} is in use by {holder}; run again when it has finished") from None
        lock.truncate(0)
        lock.write(f"audio-edition {doing} (pid {os.getpid()})")
        lock.flush()
        try:
            yield
        finally:
            lock.truncate(0)


def remove_partial_writes(folder: Path, older_than: float = 3600.0) -> list[Path]:
    """Delete the temporary files of atomic writes that never finished (their process was
    killed) anywhere under ``folder``; returns what was removed.

    Call it holding ``sole_writer``: then no other audio-edition is writing there. Files
    younger than ``older_than`` seconds are left, for writers that do not take the lock.
    """
    removed = []
    cutoff = time.time() - older_than
    for path in folder.rglob(f".*{PART_SUFFIX}"):
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:  # another cleaner or the writer's own rename got there first
            continue
    return removed
