"""Atomic file writes, whole-folder replacement, and one writer per output folder: nothing
already published is lost or left half-written, and two processes never interleave their writes."""

from __future__ import annotations

import ctypes
import errno
import fcntl
import hashlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from audio_edition.errors import BusyError, WriteError

LOCK_NAME = ".lock"
PART_SUFFIX = ".part"


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success rename it over ``target``.

    On any error the temporary file is removed and ``target`` is left as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    # The writer's pid in the name: a later cleaner can tell a dead writer's leftover from a
    # write in progress (``remove_partial_writes``).
    prefix = f".{target.name}.{PID_MARK}{os.getpid()}."
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=PART_SUFFIX, dir=target.parent)
    except OSError as error:
        error.filename = str(target)  # the file the user knows of, not our temporary name
        raise
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; published files are read by web servers
        os.replace(tmp, target)
    except OSError as error:
        if error.filename == str(tmp):
            error.filename = str(target)
        raise
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


# A failed write: what could not be created (73), and what failed while writing (74).
_CANNOT_CREATE = frozenset(
    {
        errno.EACCES,
        errno.EPERM,
        errno.EROFS,
        errno.ENOTDIR,
        errno.EEXIST,
        errno.EISDIR,
        errno.ENAMETOOLONG,
        errno.EXDEV,
        errno.EMLINK,
    }
)
_IO_FAILED = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG})
EX_CANTCREAT = 73
EX_IOERR = 74


def write_error(error: BaseException, path: Path | str | None = None) -> WriteError | None:
    """The ``WriteError`` for an ``OSError`` (or an error caused by one, as mutagen's are) that
    says a write failed, naming its file (else ``path``); None for any other error."""
    seen: BaseException | None = error
    while seen is not None and not isinstance(seen, OSError):
        seen = seen.__cause__ or seen.__context__
    if seen is None or seen.errno not in _CANNOT_CREATE | _IO_FAILED:
        return None
    where = seen.filename if seen.filename is not None else path
    reason = seen.strerror or os.strerror(seen.errno)
    if seen.errno in _IO_FAILED:
        return WriteError(f"{where}: {reason}", EX_IOERR)
    return WriteError(f"cannot write {where}: {reason}", EX_CANTCREAT)


@contextmanager
def reporting_write_errors(path: Path) -> Iterator[None]:
    """Raise a failed write inside the block as one ``WriteError`` (exit 73 or 74) naming the
    file and the reason; anything else passes through unchanged."""
    try:
        yield
    except WriteError:
        raise
    except Exception as error:
        found = write_error(error, path)
        if found is None:
            raise
        raise found from error


def prepare_folder(folder: Path, purpose: str = "--out") -> None:
    """Make ``folder`` if needed and check that a file can be created in it, so a build that
    cannot write its output stops in a second rather than after minutes of speech.

    Raises ``WriteError`` (73) naming the folder: a file in the way (``/dev/null`` included),
    no permission, a read-only filesystem.
    """
    if folder.exists() and not folder.is_dir():
        raise WriteError(
            f"cannot write {folder}: not a folder ({purpose} must name a folder, and a file is in the way)",
            EX_CANTCREAT,
        )
    with reporting_write_errors(folder):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, probe = tempfile.mkstemp(
                prefix=f".probe.{PID_MARK}{os.getpid()}.", suffix=PART_SUFFIX, dir=folder
            )
        except OSError as error:
            error.filename = str(folder)  # the folder the user named, not our probe's name
            if write_error(error) is None:  # e.g. ENOENT under /proc: still a folder we cannot make
                raise WriteError(f"cannot write {folder}: {error.strerror or error}", EX_CANTCREAT) from None
            raise
        os.close(fd)
        os.unlink(probe)


PREVIOUS_PREFIX = ".previous-"


def replace_folder(new: Path, live: Path) -> None:
    """Put the folder ``new`` in the place of ``live`` (which need not exist), whole.

    On Linux ``renameat2(RENAME_EXCHANGE)`` swaps the two names in one step: a reader sees the
    old folder or the new one, never a mix and never neither; the old folder, now under
    ``new``'s name, is then removed (a kill before that leaves it for the next build's
    ``remove_leftovers``). Where the kernel or the filesystem cannot exchange, two renames:
    ``live`` → ``.previous-<name>``, ``new`` → ``live``. A kill between them leaves no
    ``live``; ``restore_previous`` (the next build, holding the lock) puts the previous
    folder back, which is what the feed still describes.
    """
    if live.exists() and _exchange(new, live):
        # The new edition is live: a file of the old one that cannot be deleted (immutable, a
        # read-only mount) must not fail the build that published it; the next command's
        # remove_leftovers tries again.
        shutil.rmtree(new, ignore_errors=True)
        return
    previous = live.with_name(PREVIOUS_PREFIX + live.name)
    shutil.rmtree(previous, ignore_errors=True)
    if live.exists():
        os.rename(live, previous)
    os.rename(new, live)
    _sync_folder(live.parent)
    shutil.rmtree(previous, ignore_errors=True)


def restore_previous(folder: Path) -> list[Path]:
    """Finish what a killed ``replace_folder`` left in ``folder``: a previous folder whose live
    one is missing goes back into place; one whose live folder is there is removed. Returns
    the folders put back. Call it holding ``sole_writer``."""
    restored = []
    for previous in folder.glob(f"{PREVIOUS_PREFIX}*"):
        live = previous.with_name(previous.name.removeprefix(PREVIOUS_PREFIX))
        if not previous.is_dir():
            continue
        if live.exists():
            shutil.rmtree(previous, ignore_errors=True)
        else:
            os.rename(previous, live)
            restored.append(live)
    return restored


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``, glibc 2.28+).

    False where the platform or the filesystem cannot; any other failure is raised.
    """
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        _sync_folder(b.parent)
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a power cut must not bring the old name back)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sha256_file(path: Path) -> str:
    """The hex SHA-256 of a file, read a MiB at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


@contextmanager
def sole_writer(folder: Path, doing: str, *, subject: Path | None = None) -> Iterator[None]:
    """Hold ``folder``'s lock while the block runs; raise ``BusyError`` at once if another
    process holds it. The error names ``subject`` (what the lock guards; default ``folder``).

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
            raise BusyError(
                f"{subject or folder} is in use by {holder}; run again when it has finished"
            ) from None
        lock.truncate(0)
        lock.write(f"audio-edition {doing} (pid {os.getpid()})")
        lock.flush()
        try:
            yield
        finally:
            lock.truncate(0)


def remove_partial_writes(folder: Path, older_than: float = 24 * 3600.0) -> list[Path]:
    """Delete the temporary files of atomic writes that never finished anywhere under
    ``folder``; returns what was removed.

    A temporary file carries its writer's pid: it is a leftover when that process is gone, so
    a killed build's files go at the next build, while a live writer's (a build of another
    output folder sharing a speech cache takes another lock) stay. A pid can be reused by an
    unrelated process, and files of older versions carry none: those go once they are
    ``older_than`` seconds old, which no write takes.
    """
    removed = []
    cutoff = time.time() - older_than
    for path in folder.rglob(f".*{PART_SUFFIX}"):
        try:
            writer = writer_pid(path)
            gone = writer is not None and writer != os.getpid() and not process_alive(writer)
            if path.is_file() and (gone or path.stat().st_mtime < cutoff):
                path.unlink()
                removed.append(path)
        except FileNotFoundError:  # another cleaner or the writer's own rename got there first
            continue
    return removed


PID_MARK = "pid"
_WRITER = re.compile(rf"\.{PID_MARK}(\d+)\.")


def writer_pid(path: Path) -> int | None:
    """The pid of the process that made the scratch file or folder ``path``, if it says."""
    found = _WRITER.search(path.name)
    return int(found.group(1)) if found else None


def process_alive(pid: int) -> bool:
    """Whether a process with this pid exists (on this machine, in this pid namespace)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True
