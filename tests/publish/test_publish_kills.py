"""Publishing commands killed with SIGKILL at random moments, each round compared with an
uninterrupted run: ``publish --to DIR``, ``publish --to s3://``, ``--keep`` (with ``--delete``),
``remove`` and ``catalog rebuild``.

After every kill, what listeners see holds together: every enclosure of the output's feed and of
the destination's feed is there at the length the feed says. After the command (or, for
``remove``, the next ``publish``) runs again, the output folder and the destination are byte for
byte what the uninterrupted run left (feeds' lastBuildDate aside), with no ``.part`` file or
staging folder anywhere.

Everyday: one kill per command at a seeded moment; ``HYPOTHESIS_PROFILE=thorough`` kills more.
"""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import podcastparser
import pytest
from click.testing import CliRunner

from audio_edition.cli import main
from audio_edition.fsutil import LOCK_NAME
from tests.test_crash_safety import THOROUGH, kill, snapshot

from .fixture_editions import make_edition
from .s3_standin import checking_s3

PUBLIC = "https://podcast.example.org/daily/"
DATES = ("2023-12-22", "2023-12-23", "2023-12-24", "2023-12-25")
BUCKET = "newsroom"
S3 = f"s3://{BUCKET}/daily"
ROUNDS = 12 if THOROUGH else 1


class Store:
    """The bucket of the S3 stand-in: read, emptied, filled."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def files(self) -> dict[str, bytes]:
        listed = self.client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
        return {
            i["Key"].removeprefix("daily/"): self.client.get_object(Bucket=BUCKET, Key=i["Key"])[
                "Body"
            ].read()
            for i in listed
        }

    def replace(self, files: dict[str, bytes]) -> None:
        for item in self.client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
            self.client.delete_object(Bucket=BUCKET, Key=item["Key"])
        for key, data in files.items():
            self.client.put_object(Bucket=BUCKET, Key=f"daily/{key}", Body=data)


@pytest.fixture(scope="module")
def store() -> Iterator[tuple[Store, dict[str, str]]]:
    with checking_s3() as (endpoint, checker):
        environment = {
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": endpoint,
            "NO_PROXY": "127.0.0.1",
        }
        saved = {k: os.environ.get(k) for k in environment}
        os.environ.update(environment)
        try:
            from audio_edition.publish.bucket import bucket_client

            client = bucket_client()
            client.create_bucket(Bucket=BUCKET)
            yield Store(client), environment
            assert checker.rejected == 0  # no upload ever claimed an MD5 its bytes did not have
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def run(project: Path, line: list[str], environment: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "audio_edition", *line, "--quiet"],
        cwd=project,
        env={**os.environ, **environment},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def finish(process: subprocess.Popen[bytes], allowed: tuple[int, ...] = (0,)) -> None:
    _, err = process.communicate(timeout=120)
    assert process.returncode in allowed, err.decode()


def holding_the_lock(process: subprocess.Popen[bytes], lock: Path) -> float | None:
    """Wait until ``process`` holds the lock; the moment, or None if it ended first."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if f"(pid {process.pid})" in lock.read_text(encoding="utf-8"):
                return time.monotonic()
        except FileNotFoundError:
            pass
        if process.poll() is not None:
            return None
        time.sleep(0.001)
    pytest.fail("the command never took the lock")


def feed_holds_together(files: dict[str, bytes], where: str) -> None:
    """Every enclosure the feed in ``files`` names is in ``files`` at the feed's length."""
    for name in ("feed.xml", "articles.xml"):
        if name not in files:
            continue
        parsed = podcastparser.parse(PUBLIC + name, io.BytesIO(files[name]))
        for episode in parsed["episodes"]:
            enclosure = episode["enclosures"][0]
            key = unquote(enclosure["url"].removeprefix(PUBLIC))
            assert key in files and len(files[key]) == enclosure["file_size"], f"{where}/{name}: {key}"


def folder_files(folder: Path) -> dict[str, bytes]:
    return (
        {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
        if folder.is_dir()
        else {}
    )


def leftovers(folder: Path) -> list[str]:
    return [
        p.name
        for p in folder.rglob("*")
        if p.name.endswith(".part") or p.name.startswith((".staging-", ".previous-"))
    ]


COMMANDS: dict[str, tuple[list[str], list[tuple[list[str], tuple[int, ...]]]]] = {
    # name: (the command, what runs after it: command and the exit statuses it may end with)
    "publish --to DIR": (["publish", "--to", "WWW"], [(["publish", "--to", "WWW"], (0,))]),
    "publish --to s3://": (["publish", "--to", S3], [(["publish", "--to", S3], (0,))]),
    "--keep 2 --to DIR --delete": (
        ["publish", "--keep", "2", "--to", "WWW", "--delete"],
        [(["publish", "--keep", "2", "--to", "WWW", "--delete"], (0,))],
    ),
    "--keep 2 --to s3:// --delete": (
        ["publish", "--keep", "2", "--to", S3, "--delete"],
        [(["publish", "--keep", "2", "--to", S3, "--delete"], (0,))],
    ),
    # Once removed, the date is unknown ("nothing was removed", 1): the next publish finishes.
    "remove": (["remove", DATES[1]], [(["remove", DATES[1]], (0, 1)), (["publish"], (0,))]),
    "catalog rebuild": (["catalog", "rebuild"], [(["catalog", "rebuild"], (0,))]),
}


@pytest.mark.timeout(900 if THOROUGH else 300)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_random_kills_of_publishing_commands_never_lose_or_garble_a_byte(
    tmp_path: Path, store: tuple[Store, dict[str, str]], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    bucket, environment = store
    seed = random.randrange(2**32) if THOROUGH else 20231225
    print(f"seed {seed}")
    rng = random.Random(seed)
    project, www = tmp_path / "proj", tmp_path / "www"
    project.mkdir()
    (project / "audio-edition.toml").write_text(
        f'[show]\nbase_url = "{PUBLIC}"\nauthor = "晚报编辑部"\nowner_name = "晚报编辑部"\nowner_email = "desk@podcast.example.org"\n',
        encoding="utf-8",
    )
    out, lock = project / "output", project / ".audio-edition" / LOCK_NAME
    # The start of every round: three editions online, a fourth built since. Everything but
    # the killed command runs in this process (CliRunner): a Python start-up each is slow here.
    monkeypatch.chdir(project)

    def invoke(words: list[str], allowed: tuple[int, ...] = (0,)) -> None:
        result = CliRunner().invoke(main, [*line(words), "--quiet"])
        assert result.exit_code in allowed, result.output

    def line(words: list[str]) -> list[str]:
        return [str(www) if word == "WWW" else word for word in words]

    for date in DATES[:3]:
        make_edition(out, date)
    command, then = COMMANDS[name]
    invoke(["publish", "--to", "WWW"])
    if S3 in command:
        bucket.replace({})
        invoke(["publish", "--to", S3])
    make_edition(out, DATES[3])
    invoke(["publish"])
    template = tmp_path / "template"
    shutil.copytree(project, template / "proj", symlinks=True)
    shutil.copytree(www, template / "www", symlinks=True)
    online = bucket.files() if S3 in command else {}

    def restore() -> None:
        for folder in (project, www):
            shutil.rmtree(folder)
            shutil.copytree(template / folder.name, folder, symlinks=True)
        monkeypatch.chdir(project)  # the folder this process stood in was replaced
        if S3 in command:
            bucket.replace(online)

    def state() -> tuple[dict[str, bytes], dict[str, bytes], dict[str, bytes]]:
        return snapshot(out), snapshot(www), snapshot_of(bucket.files()) if S3 in command else {}

    def recover() -> None:
        for words, allowed in then:
            invoke(words, allowed)

    started = time.monotonic()
    invoke(command)
    seconds = time.monotonic() - started  # the kills fall within what the command takes
    recover()
    wanted = state()

    kills = 0
    for _ in range(ROUNDS * 3):
        if kills >= ROUNDS:
            break
        restore()
        process = run(project, line(command), environment)
        started = holding_the_lock(process, lock)
        if started is None:
            finish(process)
            continue
        moment = started + rng.uniform(0.0, 1.0) * seconds
        while time.monotonic() < moment and process.poll() is None:
            time.sleep(0.001)
        if process.poll() is not None:
            finish(process)
            continue
        kill(process)
        kills += 1
        online_now = bucket.files() if S3 in command else {}
        for files, where in ((folder_files(out), "output"), (folder_files(www), "www"), (online_now, "s3")):
            feed_holds_together(files, where)
        recover()
        assert state() == wanted, f"killed {moment - started:.3f} s after taking the lock"
        assert not leftovers(out) and not leftovers(www)
    assert kills >= 1, "every run finished before its kill"
    print(f"{name}: {kills} kills")


def snapshot_of(files: dict[str, bytes]) -> dict[str, bytes]:
    """``snapshot``'s blanking for a bucket's files."""
    blanked = {}
    for key, data in files.items():
        if key.endswith(".xml"):
            data = re.sub(rb"<lastBuildDate>[^<]*</lastBuildDate>", b"<lastBuildDate/>", data)
        elif key.endswith("edition.json"):
            data = re.sub(rb'"built_at": "[^"]*"', b'"built_at": ""', data)
        blanked[key] = data
    return blanked
