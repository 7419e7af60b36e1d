"""Write failures as users meet them: a file in the way, no permission, a read-only filesystem,
a full disk. Each is one line naming the path and the reason, exit 73 (EX_CANTCREAT) or 74
(EX_IOERR), and the edition published before is left exactly as it was.

The read-only and full filesystems are real: a small tmpfs mounted by the test (skipped where
the test may not mount). The permission test runs the command in a folder without write
permission, as root with the power to override permissions dropped (root may write anywhere).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from audio_edition.cli import main
from tests.test_cli_build import TWO_BRIEFS
from tests.test_crash_safety import EDITED, check_agrees, snapshot


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def assert_one_line(result: Result, code: int, message: str) -> None:
    assert result.exit_code == code, result.output
    assert result.stderr == f"audio-edition: {message}\n"
    assert "Traceback" not in result.output


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "2023-12-26.txt"
    path.write_text(TWO_BRIEFS, encoding="utf-8")
    return path


def build(page: Path, out: Path) -> Result:
    # The fast offline voice: what these tests check is the files, not the voice.
    return run(
        "build", str(page), "--out", str(out), "--engine", "offline", "--voice", "offline-fast", "--quiet"
    )


@pytest.mark.parametrize("command", ["build", "publish"])
def test_a_file_in_the_way_of_the_output_folder(page: Path, tmp_path: Path, command: str) -> None:
    in_the_way = tmp_path / "output"
    in_the_way.write_text("notes", encoding="utf-8")
    purpose = "--out" if command == "build" else "the output folder"
    args = [str(page), "--out", str(in_the_way)] if command == "build" else [str(in_the_way)]
    result = run(command, *args)
    assert_one_line(
        result,
        73,
        f"cannot write {in_the_way}: not a folder ({purpose} must name a folder, and a file is in the way)",
    )
    assert in_the_way.read_text(encoding="utf-8") == "notes"


def test_dev_null_as_the_output_folder(page: Path) -> None:
    result = run("build", str(page), "--out", "/dev/null", "--engine", "offline")
    assert_one_line(
        result,
        73,
        "cannot write /dev/null: not a folder (--out must name a folder, and a file is in the way)",
    )


def test_init_onto_something_that_is_not_a_file(tmp_path: Path) -> None:
    result = run("init", "--force", "/dev/null")
    assert_one_line(result, 73, "cannot write /dev/null: not a regular file")
    folder = tmp_path / "audio-edition.toml"
    folder.mkdir()
    result = run("init", "--force", str(folder))
    assert_one_line(result, 73, f"cannot write {folder}: not a regular file")


# --- no permission ---------------------------------------------------------------------------


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder outside pytest's private tmp (0700) that another user can read."""
    folder = Path(tempfile.mkdtemp(prefix="audio-edition-perm-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


def without_override(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command in a real process that file permissions bind: as root, with the powers to
    override them dropped (``setpriv``: the interpreter may live in root's home, where
    ``nobody`` could not run it); as anyone else, as is."""
    drop = (
        ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"] if os.geteuid() == 0 else []
    )
    return subprocess.run(
        [*drop, sys.executable, "-m", "audio_edition", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_a_folder_without_write_permission(shared_folder: Path) -> None:
    page = shared_folder / "2023-12-26.txt"
    page.write_text(TWO_BRIEFS, encoding="utf-8")
    page.chmod(0o644)
    closed = shared_folder / "output"
    closed.mkdir(mode=0o555)
    closed.chmod(0o555)  # not writable by its owner either, when we are not root
    for args, target in (
        (["build", str(page), "--out", str(closed), "--engine", "offline", "--quiet"], closed),
        (
            ["build", str(page), "--out", str(closed / "sub"), "--engine", "offline", "--quiet"],
            closed / "sub",
        ),
        (["publish", str(closed)], closed),
        (["init", str(closed / "audio-edition.toml")], closed / "audio-edition.toml"),
    ):
        done = without_override(*args, cwd=shared_folder)
        assert done.returncode == 73, done.stderr
        assert (
            done.stderr.startswith(f"audio-edition: cannot write {target}")
            and "Permission denied" in done.stderr
        )
        assert done.stderr.count("\n") == 1, done.stderr
    assert list(closed.iterdir()) == []


# --- a real read-only and a real full filesystem ---------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 48 MB tmpfs, unmounted after the test."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=48m,mode=0755", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(
            f"cannot mount a tmpfs here ({done.stderr.strip()}); the permission test covers what it can"
        )
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def test_a_read_only_filesystem_leaves_the_edition_as_it_was(
    page: Path, small_disk: Path, warm_speech: Callable[[Path], None]
) -> None:
    out = small_disk / "output"
    warm_speech(out)  # what is tested is the files: no need to wait for speech
    assert build(page, out).exit_code == 0
    before = snapshot(out)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    page.write_text(EDITED, encoding="utf-8")
    result = build(page, out)
    assert result.exit_code == 73, result.output
    assert result.stderr == f"audio-edition: cannot write {out}: Read-only file system\n"
    publish = run("publish", str(out))
    assert (
        publish.exit_code == 73
        and publish.stderr == f"audio-edition: cannot write {out}: Read-only file system\n"
    )
    assert snapshot(out) == before


def test_a_full_disk_leaves_the_edition_as_it_was(
    page: Path, small_disk: Path, warm_speech: Callable[[Path], None]
) -> None:
    out = small_disk / "output"
    warm_speech(out)  # the edit's speech too: the build below fails writing its files, not speaking
    assert build(page, out).exit_code == 0
    before = snapshot(out)
    filler = small_disk / "filler"
    free = shutil.disk_usage(small_disk).free
    with open(filler, "wb") as f:  # leave 100 kB: less than one article's MP3
        f.write(bytes(free - 100_000))
    page.write_text(EDITED, encoding="utf-8")
    result = build(page, out)
    assert result.exit_code == 74, result.output
    assert result.stderr.startswith("audio-edition: ") and "No space left on device" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".staging-")]
    filler.unlink()  # room again: the same build now goes through
    assert build(page, out).exit_code == 0
    assert snapshot(out) != before


@pytest.fixture
def immutable() -> Iterator[Callable[[Path], None]]:
    """``immutable(path)``: a file even root cannot delete (chattr +i), made deletable again after."""
    made: list[Path] = []

    def make(path: Path) -> None:
        done = subprocess.run(["chattr", "+i", str(path)], check=False, capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"chattr +i is not allowed here: {done.stderr.decode().strip()}")
        made.append(path)

    yield make
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=False, capture_output=True)


def test_a_file_that_cannot_be_deleted_does_not_stop_every_later_build(
    page: Path, tmp_path: Path, warm_speech: Callable[[Path], None], immutable: Callable[[Path], None]
) -> None:
    out = tmp_path / "output"
    warm_speech(out)
    assert build(page, out).exit_code == 0
    stuck = out / "2023-12-26" / "episode.vtt"
    immutable(stuck)
    page.write_text(EDITED, encoding="utf-8")
    first = build(page, out)
    assert first.exit_code == 0, first.output  # the new edition is published: that is a success
    published = snapshot(out)
    page.write_text(TWO_BRIEFS, encoding="utf-8")
    second = build(page, out)
    assert second.exit_code == 0, second.output
    assert snapshot(out) != published
    check_agrees(out)  # the edition whole, the feeds describing it
