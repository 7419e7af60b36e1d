"""Nothing published is lost, nothing private goes public: ``--keep`` counts intact editions
only, a broken edition's published copy is neither overwritten nor deleted, and ``publish --to``
reads the output folder holding its lock, uploading exactly the bytes it planned."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import podcastparser
import pytest
from botocore.exceptions import ClientError
from click.testing import CliRunner

from audio_edition.cli import main
from audio_edition.errors import BusyError, PublishError
from audio_edition.fsutil import sole_writer
from audio_edition.places import default_state_for
from audio_edition.publish import Show, publish_catalog
from audio_edition.publish.bucket import BucketDestination, bucket_client
from audio_edition.publish.sync import BucketTarget, FolderDestination, LocalFile, RemoteFile, Upload

from .fixture_editions import make_edition
from .s3_standin import DigestChecker, standin_bucket, stored_under

PUBLIC = "https://podcast.example.org/daily/"
DATES = ("2023-12-22", "2023-12-23", "2023-12-24", "2023-12-25")
BUCKET = "newsroom"


def feed_dates(out: Path) -> list[str]:
    feed = podcastparser.parse(PUBLIC + "feed.xml", io.BytesIO((out / "feed.xml").read_bytes()))
    # The edition's date wherever its address puts it (<date>/… or media/<date>/…).
    return sorted(
        re.search(r"\d{4}-\d{2}-\d{2}", e["enclosures"][0]["url"]).group() for e in feed["episodes"]
    )  # type: ignore[union-attr]


def four_editions(tmp_path: Path) -> tuple[Path, Path]:
    settings = tmp_path / "audio-edition.toml"
    settings.write_text(
        f'[show]\nbase_url = "{PUBLIC}"\nauthor = "晚报编辑部"\nowner_name = "晚报编辑部"\nowner_email = "desk@podcast.example.org"\n',
        encoding="utf-8",
    )
    out = tmp_path / "output"
    for date in DATES:
        make_edition(out, date)
    publish_catalog(out, Show(base_url=PUBLIC))
    return settings, out


def break_edition(out: Path, date: str, how: str) -> None:
    if how == "folder deleted":
        for path in sorted((out / date).rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        (out / date).rmdir()
    else:  # an MP3 cut short: the size edition.json records no longer holds
        episode = out / date / "episode.mp3"
        episode.write_bytes(episode.read_bytes()[:1000])


@pytest.mark.parametrize("how", ["folder deleted", "audio cut short"])
@pytest.mark.parametrize("broken", [DATES[-1], DATES[1]])
def test_keep_counts_intact_editions_and_leaves_a_broken_one_alone(
    tmp_path: Path, how: str, broken: str
) -> None:
    _, out = four_editions(tmp_path)
    break_edition(out, broken, how)
    intact = [d for d in DATES if d != broken]
    result = publish_catalog(out, Show(base_url=PUBLIC), keep=2)
    assert result.editions == tuple(reversed(intact[-2:]))
    assert set(result.pruned) == {intact[0]} and result.broken == (broken,)
    assert feed_dates(out) == intact[-2:]
    assert not (out / intact[0]).exists()
    assert (out / broken).exists() == (how != "folder deleted")  # whatever is left of it stays


def test_keep_one_with_the_newest_folder_deleted_keeps_the_newest_intact(tmp_path: Path) -> None:
    settings, out = four_editions(tmp_path)
    break_edition(out, DATES[-1], "folder deleted")
    result = CliRunner().invoke(main, ["publish", "--config", str(settings), "--keep", "1"])
    assert result.exit_code == 0, result.output
    assert feed_dates(out) == [DATES[2]] and (out / DATES[2] / "episode.mp3").is_file()
    assert f"{DATES[-1]}: its folder" in result.stderr


@pytest.fixture
def standin(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, DigestChecker]]:
    with standin_bucket(monkeypatch, BUCKET) as pair:
        yield pair


def stored(client: Any) -> dict[str, bytes]:
    return stored_under(client, BUCKET, "daily/")


def test_the_standin_rejects_a_wrong_content_md5(standin: tuple[Any, DigestChecker]) -> None:
    client, checker = standin
    with pytest.raises(ClientError, match="BadDigest"):
        client.put_object(Bucket=BUCKET, Key="x", Body=b"abc", ContentMD5="AAAAAAAAAAAAAAAAAAAAAA==")
    assert checker.rejected == 1


@pytest.mark.parametrize("how", ["folder deleted", "audio cut short"])
def test_a_broken_edition_published_before_is_neither_overwritten_nor_deleted_there(
    tmp_path: Path, standin: tuple[Any, DigestChecker], how: str
) -> None:
    client, checker = standin
    settings, out = four_editions(tmp_path)
    target = f"s3://{BUCKET}/daily"
    runner = CliRunner()
    first = runner.invoke(main, ["publish", "--config", str(settings), "--to", target])
    assert first.exit_code == 0, first.output
    assert checker.checked > 0 and checker.rejected == 0
    before = stored(client)
    break_edition(out, DATES[-1], how)
    pruned = runner.invoke(
        main, ["publish", "--config", str(settings), "--keep", "1", "--to", target, "--delete"]
    )
    assert pruned.exit_code == 0, pruned.output
    after = stored(client)
    newest = {k: v for k, v in before.items() if k.startswith(DATES[-1] + "/")}
    assert newest and {k: after.get(k) for k in newest} == newest  # the published copy is intact
    assert [k for k in after if k.startswith(DATES[2] + "/")]
    assert not [k for k in after if k.startswith((DATES[0] + "/", DATES[1] + "/"))]
    assert after["feed.xml"] == (out / "feed.xml").read_bytes()


class _Hooked:
    """A destination that runs ``during`` before its first upload, then uploads as ``inner``."""

    def __init__(self, inner: Any, during: Any) -> None:
        self.inner, self.during, self.description = inner, during, inner.description
        self.calls = 0

    def existing(self) -> dict[str, RemoteFile]:
        found: dict[str, RemoteFile] = self.inner.existing()
        return found

    def same(self, local: LocalFile, remote: RemoteFile) -> bool:
        return bool(self.inner.same(local, remote))

    def put(self, upload: Upload) -> None:
        self.calls += 1
        if self.calls == 1:
            self.during()
        self.inner.put(upload)

    def delete(self, keys: Any) -> None:
        self.inner.delete(keys)

    def clear_leftovers(self) -> None:
        self.inner.clear_leftovers()


def test_publish_to_holds_the_lock_while_it_uploads(tmp_path: Path) -> None:
    _, out = four_editions(tmp_path)
    turned_away: list[str] = []

    def another_writer() -> None:  # what a build started during the upload meets
        try:
            with sole_writer(default_state_for(out), "build"):
                pass
        except BusyError as error:
            turned_away.append(str(error))

    destination = _Hooked(FolderDestination(tmp_path / "www", out), another_writer)
    result = publish_catalog(out, Show(base_url=PUBLIC), to=destination)
    assert turned_away and "in use by audio-edition publish" in turned_away[0]
    assert result.sync is not None and len(result.sync.uploads) == destination.calls


def test_a_file_changed_during_the_upload_is_never_sent_with_other_bytes(
    tmp_path: Path, standin: tuple[Any, DigestChecker]
) -> None:
    client, checker = standin
    _, out = four_editions(tmp_path)
    victim = out / DATES[0] / "episode.mp3"

    def changed_by_hand() -> None:  # same name, same size, other bytes
        data = bytearray(victim.read_bytes())
        data[-1] ^= 0xFF
        victim.write_bytes(bytes(data))

    destination = _Hooked(BucketDestination(BucketTarget(BUCKET, "daily"), bucket_client()), changed_by_hand)
    with pytest.raises(PublishError, match="changed while it was being published"):
        publish_catalog(out, Show(base_url=PUBLIC), to=destination)
    there = stored(client)
    assert "feed.xml" not in there and f"{DATES[0]}/episode.mp3" not in there
    assert checker.rejected == 0


def test_folder_destination_refuses_a_changed_file_too(tmp_path: Path) -> None:
    _, out = four_editions(tmp_path)
    victim = out / DATES[1] / "episode.vtt"
    destination = _Hooked(
        FolderDestination(tmp_path / "www", out),
        lambda: victim.write_text(victim.read_text(encoding="utf-8") + "x", encoding="utf-8"),
    )
    with pytest.raises(PublishError, match="changed while"):
        publish_catalog(out, Show(base_url=PUBLIC), to=destination)
    assert not (tmp_path / "www" / "feed.xml").exists()


def dead_pid() -> int:
    """The pid of a process that has ended (a killed writer's)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.parametrize(
    "command",
    [
        ["publish"],
        ["publish", "--keep", "3"],
        ["remove", DATES[0]],
        ["catalog", "rebuild"],
        ["publish", "--to", "WWW"],
    ],
)
def test_every_command_that_writes_clears_what_killed_ones_left(tmp_path: Path, command: list[str]) -> None:
    settings, out = four_editions(tmp_path)
    www = tmp_path / "www"
    assert CliRunner().invoke(main, ["publish", "--config", str(settings), "--to", str(www)]).exit_code == 0
    pid = dead_pid()
    leftovers = [
        out / f".staging-{DATES[-1]}" / "episode.mp3",
        out / f".feed.xml.pid{pid}.x1.part",
        out / DATES[1] / f".episode.vtt.pid{pid}.x2.part",
        www / f".feed.xml.pid{pid}.x3.part",
        www / DATES[1] / f".episode.mp3.pid{pid}.x4.part",
    ]
    for path in leftovers:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
    # A build killed between its two renames: the live folder gone, the previous one beside it.
    (out / DATES[2]).rename(out / f".previous-{DATES[2]}")
    line = [str(www) if word == "WWW" else word for word in command]
    result = CliRunner().invoke(main, [*line, "--config", str(settings)])
    assert result.exit_code == 0, result.output
    touched_www = "--to" in command
    for path in leftovers:
        assert path.exists() == (path.is_relative_to(www) and not touched_www), path
    assert (out / DATES[2] / "episode.mp3").is_file() and not (out / f".previous-{DATES[2]}").exists()
    assert DATES[2] in feed_dates(out)
