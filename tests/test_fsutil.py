"""Atomic writes and one writer per output folder (``audio_edition/fsutil.py``)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from audio_edition.errors import BusyError
from audio_edition.fsutil import remove_partial_writes, sole_writer, write_text_atomic
from tests.lock_holder import lock_held_elsewhere


def test_a_second_writer_is_turned_away_at_once_naming_the_first(tmp_path: Path) -> None:
    with lock_held_elsewhere(tmp_path, "build of 2023-12-25") as holder:
        started = time.monotonic()
        with pytest.raises(BusyError, match=rf"in use by audio-edition build of 2023-12-25 \(pid {holder.pid}\)"):
            with sole_writer(tmp_path, "publish"):
                pytest.fail("two writers at once")
        assert time.monotonic() - started < 1  # no waiting: a cron job learns at once
    with sole_writer(tmp_path, "publish"):  # free again once the holder is done
        write_text_atomic(tmp_path / "feed.xml", "ok")
    assert BusyError("").exit_code == 75


def test_the_lock_dies_with_its_holder(tmp_path: Path) -> None:
    with lock_held_elsewhere(tmp_path) as holder:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
        with sole_writer(tmp_path, "build of 2023-12-26"):
            assert "build of 2023-12-26" in (tmp_path / ".lock").read_text(encoding="utf-8")
    assert (tmp_path / ".lock").read_text(encoding="utf-8") == ""  # nobody holds it now


def test_only_old_temporary_files_of_unfinished_writes_are_removed(tmp_path: Path) -> None:
    an_hour_and_more_ago = time.time() - 3700
    killed = tmp_path / "2023-12-25" / ".episode.mp3.k2j4h1.part"
    in_progress = tmp_path / ".feed.xml.x8c0q1.part"
    published = tmp_path / "notes.part"  # not one of ours: not hidden
    for path in (killed, in_progress, published):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
    for path in (killed, published):
        os.utime(path, (an_hour_and_more_ago, an_hour_and_more_ago))
    assert remove_partial_writes(tmp_path) == [killed]
    assert in_progress.exists() and published.exists()
