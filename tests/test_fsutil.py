"""Atomic writes and one writer per output folder (``audio_edition/fsutil.py``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from audio_edition import fsutil
from audio_edition.errors import BusyError
from audio_edition.fsutil import (
    atomic_path,
    remove_partial_writes,
    replace_folder,
    restore_previous,
    sole_writer,
    write_text_atomic,
    writer_pid,
)
from tests.lock_holder import lock_held_elsewhere


def test_a_second_writer_is_turned_away_at_once_naming_the_first(tmp_path: Path) -> None:
    with lock_held_elsewhere(tmp_path, "build of 2023-12-25") as holder:
        started = time.monotonic()
        with pytest.raises(
            BusyError, match=rf"in use by audio-edition build of 2023-12-25 \(pid {holder.pid}\)"
        ):
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


def test_a_dead_writers_temporary_files_go_at_once_a_live_writers_stay(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait(timeout=30)
    alive = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        killed = tmp_path / "2023-12-25" / f".episode.mp3.pid{dead.pid}.k2j4h1.part"
        in_progress = tmp_path / f".feed.xml.pid{alive.pid}.x8c0q1.part"
        legacy_old = tmp_path / ".articles.xml.q1w2e3.part"  # no pid: an older version's
        legacy_new = tmp_path / ".index.html.r4t5y6.part"
        published = tmp_path / "notes.part"  # not one of ours: not hidden
        for path in (killed, in_progress, legacy_old, legacy_new, published):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"half")
        a_day_and_more_ago = time.time() - 25 * 3600
        for path in (legacy_old, published):
            os.utime(path, (a_day_and_more_ago, a_day_and_more_ago))
        assert sorted(remove_partial_writes(tmp_path)) == sorted([killed, legacy_old])
        assert in_progress.exists() and legacy_new.exists() and published.exists()
    finally:
        alive.communicate(b"", timeout=30)


def test_atomic_writes_name_their_writer(tmp_path: Path) -> None:
    seen: list[Path] = []
    with atomic_path(tmp_path / "feed.xml") as tmp:
        seen.append(tmp)
        tmp.write_text("ok", encoding="utf-8")
    assert writer_pid(seen[0]) == os.getpid()
    assert (tmp_path / "feed.xml").read_text(encoding="utf-8") == "ok"
    assert not seen[0].exists()


def edition(folder: Path, words: str) -> Path:
    (folder / "articles").mkdir(parents=True)
    (folder / "episode.mp3").write_text(words, encoding="utf-8")
    (folder / "articles" / "01-a.mp3").write_text(words * 2, encoding="utf-8")
    return folder


def contents(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2-exchange", "two-renames"])
def test_a_folder_is_replaced_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool) -> None:
    if not exchange:
        monkeypatch.setattr(fsutil, "_exchange", lambda a, b: False)  # a filesystem that cannot
    live = edition(tmp_path / "2023-12-25", "old")
    new = edition(tmp_path / ".staging-2023-12-25", "new")
    (new / "articles" / "02-b.mp3").write_text("added", encoding="utf-8")
    replace_folder(new, live)
    assert contents(live) == {
        "episode.mp3": "new",
        "articles/01-a.mp3": "newnew",
        "articles/02-b.mp3": "added",
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2023-12-25"]
    first = edition(tmp_path / ".staging-2023-12-26", "first")
    replace_folder(first, tmp_path / "2023-12-26")  # nothing to replace yet
    assert contents(tmp_path / "2023-12-26")["episode.mp3"] == "first"


def test_the_exchange_is_used_where_the_kernel_has_it(tmp_path: Path) -> None:
    a, b = edition(tmp_path / "a", "A"), edition(tmp_path / "b", "B")
    if not fsutil._exchange(a, b):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here; the two-rename path is tested above")
    assert contents(a)["episode.mp3"] == "B" and contents(b)["episode.mp3"] == "A"


def test_a_swap_cut_between_its_two_renames_is_undone(tmp_path: Path) -> None:
    # What a kill between "live → .previous-" and "staging → live" leaves: no live folder.
    previous = edition(tmp_path / ".previous-2023-12-25", "old")
    edition(tmp_path / ".staging-2023-12-25", "new")
    assert restore_previous(tmp_path) == [tmp_path / "2023-12-25"]
    assert contents(tmp_path / "2023-12-25")["episode.mp3"] == "old" and not previous.exists()
    # ... and between the second rename and removing the previous folder: the new one stays.
    edition(tmp_path / ".previous-2023-12-25", "older")
    assert restore_previous(tmp_path) == []
    assert contents(tmp_path / "2023-12-25")["episode.mp3"] == "old"
    assert not (tmp_path / ".previous-2023-12-25").exists()
