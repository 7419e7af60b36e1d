"""publish --to: the output folder into a real S3 API (moto's standalone server, over HTTP on
127.0.0.1) and into a folder, as a podcast app then reads it."""

from __future__ import annotations

import http.client
import io
import json
import shutil
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import podcastparser
import pytest
from click.testing import CliRunner

from audio_edition.cli import main
from audio_edition.errors import PublishError
from audio_edition.publish import Show, publish_catalog
from audio_edition.publish.bucket import BucketDestination, bucket_client
from audio_edition.publish.feed import PODCAST
from audio_edition.publish.sync import BucketTarget, sync_output

from .fixture_editions import make_edition

PUBLIC = "https://podcast.example.org/daily/"
BUCKET = "newsroom"

OWNER = 'author = "某某日报社"\nowner_name = "某某日报社"\nowner_email = "podcast@paper.cn"\n'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """moto's standalone S3 server, a real HTTP server in its own process."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("moto's server did not start")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def s3(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[Any]:
    """Credentials and endpoint the standard AWS ways, and a fresh bucket for this test."""
    for name, value in (
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_DEFAULT_REGION", "us-east-1"),
        ("AWS_ENDPOINT_URL", s3_endpoint),
    ):
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    client = bucket_client()
    # Listeners read anonymously, as from any podcast host's public bucket.
    client.create_bucket(Bucket=BUCKET, ACL="public-read")
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def http_get(
    endpoint: str, path: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> tuple[int, dict[str, str], bytes]:
    """A plain HTTP request to the object store, as a podcast app makes it."""
    parts = urlsplit(endpoint)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def show_folder(
    tmp_path: Path, *, dates: tuple[str, ...] = ("2023-12-25", "2023-12-26")
) -> tuple[Path, Path]:
    """A show's settings (public base_url) and its output with ``dates`` built."""
    settings = tmp_path / "audio-edition.toml"
    settings.write_text(f'[show]\nbase_url = "{PUBLIC}"\n{OWNER}', encoding="utf-8")
    out = tmp_path / "output"
    for date in dates:
        make_edition(out, date)
    return settings, out


def keys(client: Any, prefix: str = "daily/") -> dict[str, int]:
    return {
        i["Key"][len(prefix) :]: i["Size"]
        for i in client.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])
    }


def test_publish_to_a_bucket_uploads_the_public_files_with_their_types_then_nothing(
    tmp_path: Path, s3: Any, s3_endpoint: str
) -> None:
    settings, out = show_folder(tmp_path)
    runner = CliRunner()
    first = runner.invoke(
        main, ["publish", "--config", str(settings), "--to", f"s3://{BUCKET}/daily", "--json"]
    )
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)["sync"]
    stored = keys(s3)
    public = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert set(stored) == public and report["uploaded"] == len(public) and report["unchanged"] == 0
    assert not [k for k in stored if any(part.startswith(".") for part in k.split("/"))]
    assert (tmp_path / ".audio-edition" / "catalog.sqlite3").name not in " ".join(stored)

    feed = podcastparser.parse(PUBLIC + "feed.xml", io.BytesIO((out / "feed.xml").read_bytes()))
    for episode in feed["episodes"]:
        enclosure = episode["enclosures"][0]
        path = "/" + BUCKET + "/daily/" + enclosure["url"].removeprefix(PUBLIC)
        status, headers, _ = http_get(s3_endpoint, path, method="HEAD")
        assert status == 200 and headers["content-type"] == "audio/mpeg"
        assert int(headers["content-length"]) == enclosure["file_size"]
        # Content-versioned: cached for a year; the feed names new bytes by a new name.
        assert headers["cache-control"] == "public, max-age=31536000, immutable"
        assert "/media/" in enclosure["url"]
    for key, wanted, cache in (
        ("feed.xml", "application/rss+xml; charset=utf-8", "public, max-age=300"),
        ("index.html", "text/html; charset=utf-8", "public, max-age=300"),
        ("2023-12-25/episode.vtt", "text/vtt; charset=utf-8", "public, max-age=300"),
        ("2023-12-25/episode.mp3", "audio/mpeg", "public, max-age=300"),
        ("2023-12-25/episode.chapters.json", "application/json+chapters", "public, max-age=300"),
    ):
        head = s3.head_object(Bucket=BUCKET, Key=f"daily/{key}")
        assert (head["ContentType"], head["CacheControl"]) == (wanted, cache), key

    again = runner.invoke(
        main, ["publish", "--config", str(settings), "--to", f"s3://{BUCKET}/daily", "--json"]
    )
    assert again.exit_code == 0, again.output
    second = json.loads(again.stdout)["sync"]
    assert second["uploaded"] == 0 and second["bytes"] == 0 and second["unchanged"] == len(public)


def test_a_podcast_app_walks_the_bucket_feed_enclosure_range_chapters_transcript(
    tmp_path: Path, s3: Any, s3_endpoint: str
) -> None:
    settings, out = show_folder(tmp_path, dates=("2023-12-25",))
    result = CliRunner().invoke(main, ["publish", "--config", str(settings), "--to", f"s3://{BUCKET}/daily"])
    assert result.exit_code == 0, result.output

    def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        # The public address is a CDN or website endpoint in front of the bucket: map it back.
        assert url.startswith(PUBLIC), url
        return http_get(s3_endpoint, f"/{BUCKET}/daily/{url.removeprefix(PUBLIC)}", headers)

    status, _, body = fetch(PUBLIC + "feed.xml")
    assert status == 200
    feed = podcastparser.parse(PUBLIC + "feed.xml", io.BytesIO(body))
    enclosure = feed["episodes"][0]["enclosures"][0]
    status, headers, part = fetch(enclosure["url"], {"Range": "bytes=0-99"})
    assert status == 206 and len(part) == 100 and part[:3] == b"ID3"
    assert headers["content-range"] == f"bytes 0-99/{enclosure['file_size']}"
    item = ET.fromstring(body).find("channel/item")
    assert item is not None
    chapters = item.find(f"{{{PODCAST}}}chapters")
    transcript = item.findall(f"{{{PODCAST}}}transcript")[-1]  # the WebVTT one
    assert chapters is not None and transcript is not None
    status, headers, data = fetch(chapters.attrib["url"])
    assert status == 200 and headers["content-type"] == chapters.attrib["type"] == "application/json+chapters"
    assert json.loads(data)["version"] == "1.2.0"
    status, headers, data = fetch(transcript.attrib["url"])
    assert status == 200 and headers["content-type"].startswith("text/vtt") and data.startswith(b"WEBVTT")


def test_a_failure_mid_upload_leaves_the_old_feed_and_a_rerun_completes(tmp_path: Path, s3: Any) -> None:
    settings, out = show_folder(tmp_path, dates=("2023-12-25",))
    target = BucketTarget(BUCKET, "daily")
    show = Show(base_url=PUBLIC)
    publish_catalog(out, show)
    sync_output(out, BucketDestination(target, bucket_client()))
    old_feed = s3.get_object(Bucket=BUCKET, Key="daily/feed.xml")["Body"].read()

    make_edition(out, "2023-12-26")
    publish_catalog(out, show)
    client = bucket_client()
    puts: list[str] = []

    def network_drops_after_three(params: dict[str, Any], **_: Any) -> None:
        puts.append(params["Key"])
        if len(puts) > 3:
            raise ConnectionResetError("connection reset by peer")

    client.meta.events.register("before-parameter-build.s3.PutObject", network_drops_after_three)
    with pytest.raises((PublishError, ConnectionResetError)):
        sync_output(out, BucketDestination(target, client))
    assert all(not key.endswith((".html", ".xml")) for key in puts)  # media goes first
    assert s3.get_object(Bucket=BUCKET, Key="daily/feed.xml")["Body"].read() == old_feed

    order: list[str] = []
    rerun = bucket_client()
    rerun.meta.events.register(
        "before-parameter-build.s3.PutObject",
        lambda params, **_: order.append(params["Key"].removeprefix("daily/")),
    )
    plan = sync_output(out, BucketDestination(target, rerun))
    assert [u.file.key for u in plan.uploads] == order
    assert order[-2:] == ["articles.xml", "feed.xml"] or order[-2:] == ["feed.xml", "articles.xml"]
    assert not set(puts[:3]) & {f"daily/{k}" for k in order}  # the three that made it are not sent again
    assert (
        s3.get_object(Bucket=BUCKET, Key="daily/feed.xml")["Body"].read() == (out / "feed.xml").read_bytes()
    )


def test_delete_removes_pruned_editions_and_nothing_else(tmp_path: Path, s3: Any) -> None:
    settings, out = show_folder(tmp_path)
    runner = CliRunner()
    target = f"s3://{BUCKET}/daily"
    assert runner.invoke(main, ["publish", "--config", str(settings), "--to", target]).exit_code == 0
    s3.put_object(Bucket=BUCKET, Key="daily/robots.txt", Body=b"User-agent: *\n")
    pruned = runner.invoke(
        main, ["publish", "--config", str(settings), "--keep", "1", "--to", target, "--delete"]
    )
    assert pruned.exit_code == 0, pruned.output
    stored = keys(s3)
    assert not [k for k in stored if k.startswith("2023-12-25/")]
    assert "robots.txt" in stored and "2023-12-26/episode.mp3" in stored


def test_dry_run_lists_and_uploads_nothing(tmp_path: Path, s3: Any) -> None:
    settings, out = show_folder(tmp_path, dates=("2023-12-25",))
    publish_catalog(out, Show(base_url=PUBLIC))
    result = CliRunner().invoke(
        main, ["publish", "--config", str(settings), "--to", f"s3://{BUCKET}/daily", "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    assert "would upload 2023-12-25/episode.mp3" in result.stdout
    assert result.stdout.strip().splitlines()[-2:][-1].startswith("would upload")
    assert keys(s3) == {}


def test_publish_to_a_folder_copies_atomically_then_nothing(tmp_path: Path) -> None:
    settings, out = show_folder(tmp_path)
    www = tmp_path / "www" / "daily"
    runner = CliRunner()
    first = runner.invoke(main, ["publish", "--config", str(settings), "--to", str(www), "--json"])
    assert first.exit_code == 0, first.output
    public = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    copied = {p.relative_to(www).as_posix(): p.read_bytes() for p in www.rglob("*") if p.is_file()}
    assert copied == public and not [k for k in copied if "/." in k or k.startswith(".")]
    again = runner.invoke(main, ["publish", "--config", str(settings), "--to", str(www), "--json"])
    assert json.loads(again.stdout)["sync"]["uploaded"] == 0
    pruned = runner.invoke(
        main, ["publish", "--config", str(settings), "--keep", "1", "--to", str(www), "--delete"]
    )
    assert pruned.exit_code == 0, pruned.output
    assert not (www / "2023-12-25").exists() and (www / "2023-12-26" / "episode.mp3").is_file()


def test_publishing_elsewhere_needs_a_public_base_url(tmp_path: Path) -> None:
    out = tmp_path / "output"
    make_edition(out, "2023-12-25")
    result = CliRunner().invoke(main, ["publish", str(out), "--to", str(tmp_path / "www")])
    assert result.exit_code == 2
    assert "show.base_url" in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "www").exists()
    bad = CliRunner().invoke(main, ["publish", str(out), "--to", "ftp://example.org/x"])
    assert bad.exit_code == 2 and "s3://BUCKET/PREFIX" in bad.stderr


def test_a_dry_run_says_exactly_what_the_real_run_then_does(tmp_path: Path) -> None:
    settings, out = show_folder(tmp_path, dates=("2023-12-24", "2023-12-25", "2023-12-26"))
    www = tmp_path / "www"
    runner = CliRunner()
    first = runner.invoke(main, ["publish", "--config", str(settings), "--to", str(www)])
    assert first.exit_code == 0, first.output
    before = sorted(p.relative_to(www).as_posix() for p in www.rglob("*") if p.is_file())
    command = ["publish", "--config", str(settings), "--keep", "1", "--to", str(www), "--delete", "--json"]
    dry = runner.invoke(main, [*command, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    planned = json.loads(dry.stdout)
    assert planned["would_remove"] == ["2023-12-25", "2023-12-24"]
    # Nothing changed, here or there.
    assert sorted(p.relative_to(www).as_posix() for p in www.rglob("*") if p.is_file()) == before
    assert (out / "2023-12-24").is_dir()
    real = json.loads(runner.invoke(main, command).stdout)
    assert real["pruned"] == planned["would_remove"]
    assert real["sync"]["deleted"] == planned["sync"]["deleted"] and real["sync"]["deleted"]
    assert sorted(real["sync"]["files"]) == sorted(planned["sync"]["files"]), (
        real["sync"]["files"],
        planned["sync"]["files"],
    )
    text = runner.invoke(main, [*command[:-1], "--dry-run", "--keep", "1"])
    assert text.exit_code == 0 and "would remove edition" not in text.stdout  # nothing left to remove


def test_a_dry_run_counts_the_audio_versions_the_real_run_would_add(tmp_path: Path) -> None:
    settings, out = show_folder(tmp_path)
    www = tmp_path / "www"
    runner = CliRunner()
    assert runner.invoke(main, ["publish", "--config", str(settings), "--to", str(www)]).exit_code == 0
    # As an earlier version left it: no versioned audio yet, and an edition rebuilt since.
    shutil.rmtree(out / "media")
    (tmp_path / ".audio-edition" / "media.json").unlink()
    make_edition(out, "2023-12-26", article_seconds=2.0, frequency=523)
    command = ["publish", "--config", str(settings), "--to", str(www), "--delete", "--json"]
    planned = json.loads(runner.invoke(main, [*command, "--dry-run"]).stdout)["sync"]
    assert not (out / "media").exists()  # the dry run added nothing
    real = json.loads(runner.invoke(main, command).stdout)["sync"]
    assert sorted(real["files"]) == sorted(planned["files"]) and real["deleted"] == planned["deleted"]
    assert any(key.startswith("media/2023-12-26/") for key in real["files"])
