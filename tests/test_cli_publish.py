"""The publishing commands as users meet them: init, publish, serve."""

from __future__ import annotations

import http.client
import io
import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import podcastparser
import pytest
from click.testing import CliRunner

from audio_edition.cli import main
from audio_edition.publish.config import CONFIG_NAME, DEFAULT_BASE_URL, DEFAULT_HOST, DEFAULT_PORT
from tests.interruptible import default_sigint
from tests.lock_holder import lock_held_elsewhere
from tests.publish.fixture_editions import make_edition

# The installed console script, as users run it.
CLI = [str(Path(sys.executable).with_name("audio-edition"))]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_every_publishing_command_has_help_with_an_example(runner: CliRunner) -> None:
    for command in ("init", "publish", "serve"):
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output and f"audio-edition {command}" in result.output


def test_init_writes_a_starter_file_once(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["init"])
    assert result.exit_code == 0, result.output
    assert Path(CONFIG_NAME).is_file()
    again = runner.invoke(main, ["init"])
    assert again.exit_code == 2
    assert again.stderr.strip().count("\n") == 0
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert runner.invoke(main, ["init", "--force"]).exit_code == 0


def test_publish_from_built_editions_with_defaults(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = Path("output")
    make_edition(out, "2023-12-25")
    make_edition(out, "2023-12-26")
    result = runner.invoke(main, ["publish", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["editions"] == ["2023-12-26", "2023-12-25"]
    assert report["feed_url"] == DEFAULT_BASE_URL + "feed.xml"
    feed = podcastparser.parse(report["feed_url"], io.BytesIO((out / "feed.xml").read_bytes()))
    for episode in feed["episodes"]:
        assert episode["enclosures"][0]["url"].startswith(DEFAULT_BASE_URL)
    quiet = runner.invoke(main, ["publish", "-q", "--keep", "1"])
    assert (quiet.exit_code, quiet.output) == (0, "")
    assert not (out / "2023-12-25").exists()
    plain = runner.invoke(main, ["publish"])
    assert plain.stdout == f"published 1 edition: {Path('output', 'feed.xml')} → {DEFAULT_BASE_URL}feed.xml\n"
    assert plain.stderr == (
        f"audio-edition: warning: the feed's links point at {DEFAULT_BASE_URL}, which podcast "
        "apps on other machines cannot reach; set show.base_url in a settings file "
        "(`audio-edition init`) to the public address\n"
    )


def test_publish_while_a_build_writes_to_the_folder_stops_at_once(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "output"
    make_edition(out, "2023-12-25")
    with lock_held_elsewhere(tmp_path / ".audio-edition", "build of 2023-12-26") as holder:
        busy = runner.invoke(main, ["publish", "-q", str(out)])
    assert busy.exit_code == 75
    assert f"in use by audio-edition build of 2023-12-26 (pid {holder.pid})" in busy.stderr
    assert busy.stderr.count("\n") == 1 and not (out / "feed.xml").exists()
    assert runner.invoke(main, ["publish", str(out)]).exit_code == 0


def test_publish_errors_are_one_line(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(CONFIG_NAME).write_text('[show]\nbase_url = "nowhere"\n', encoding="utf-8")
    Path("output").mkdir()
    result = runner.invoke(main, ["publish"])
    assert result.exit_code == 2
    assert result.stderr.startswith("audio-edition: ") and "show.base_url" in result.stderr
    assert result.stderr.count("\n") == 1
    missing = runner.invoke(main, ["publish", "elsewhere", "--config", "none.toml"])
    assert missing.exit_code == 2 and "none.toml" in missing.stderr
    Path(CONFIG_NAME).unlink()
    nowhere = runner.invoke(main, ["publish", "elsewhere"])
    assert nowhere.exit_code == 1 and "no such folder" in nowhere.stderr
    assert "Traceback" not in nowhere.output + nowhere.stderr


@contextmanager
def serving(args: list[str], cwd: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = subprocess.Popen(
        [*CLI, "serve", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=default_sigint,  # it is stopped with SIGINT, as a user's Ctrl-C
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        yield process, line
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=10)


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.request("GET", parts.path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((DEFAULT_HOST, port))
        except OSError:
            return False
    return True


def test_serve_defaults_match_the_feed_defaults(runner: CliRunner) -> None:
    text = runner.invoke(main, ["serve", "--help"]).output
    assert f"default: {DEFAULT_HOST}" in text and f"default: {DEFAULT_PORT}" in text
    assert DEFAULT_BASE_URL == f"http://{DEFAULT_HOST}:{DEFAULT_PORT}/"


def test_demo_defaults_a_feed_serve_serves_at_its_default_address(tmp_path: Path) -> None:
    """No settings file: publish, then `audio-edition serve` with no options; follow the URLs."""
    if not port_is_free(DEFAULT_PORT):
        pytest.skip(f"port {DEFAULT_PORT} is taken on this machine")
    make_edition(tmp_path / "output", "2023-12-25")
    env = {**os.environ, "NO_PROXY": "127.0.0.1"}
    subprocess.run([*CLI, "publish", "-q"], cwd=tmp_path, check=True, env=env)
    with serving([], tmp_path) as (process, line):
        assert line.startswith(f"serving output at {DEFAULT_BASE_URL}")
        status, body = get(DEFAULT_BASE_URL + "feed.xml")
        assert status == 200
        feed = podcastparser.parse(DEFAULT_BASE_URL + "feed.xml", io.BytesIO(body))
        episode = feed["episodes"][0]
        enclosure = episode["enclosures"][0]
        status, audio = get(enclosure["url"], {"Range": "bytes=0-99"})
        assert (status, len(audio)) == (206, 100)
        assert get(episode["chapters_json_url"])[0] == 200
        assert get(episode["transcript_url"])[1].startswith(b"WEBVTT")
        assert get(feed["cover_url"])[0] == 200
        assert get(DEFAULT_BASE_URL)[0] == 200
        process.send_signal(signal.SIGINT)  # Ctrl-C: a clean stop, no traceback
        assert process.wait(timeout=10) == 0
        assert process.stderr is not None and "Traceback" not in process.stderr.read()


def test_serve_errors_are_one_line(tmp_path: Path) -> None:
    with serving(["missing"], tmp_path) as (process, _):
        assert process.wait(timeout=10) == 1
        assert process.stderr is not None
        message = process.stderr.read()
        assert message.startswith("audio-edition: missing: no such folder") and message.count("\n") == 1
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with serving([str(tmp_path), "--port", str(port)], tmp_path) as (process, _):
            assert process.wait(timeout=10) == 1
            assert process.stderr is not None
            assert f"cannot listen on 127.0.0.1:{port}" in process.stderr.read()


@pytest.mark.parametrize(
    "owner", ["", 'owner_email = "news@paper.cn"\n', 'owner_email = "news@paper.cn"\nauthor = "某某日报社"\n']
)
def test_publishing_in_public_with_a_placeholder_owner_is_refused(tmp_path: Path, owner: str) -> None:
    settings = tmp_path / CONFIG_NAME
    settings.write_text(f'[show]\nbase_url = "https://podcast.paper.cn/"\n{owner}', encoding="utf-8")
    make_edition(tmp_path / "output", "2023-12-25")
    result = CliRunner().invoke(main, ["publish", "--config", str(settings)])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    key = "owner_email" if not owner else "author" if "author" not in owner else "owner_name"
    assert result.stderr.startswith(f"audio-edition: show.{key}: ") and "placeholder" in result.stderr
    assert not (tmp_path / "output" / "feed.xml").exists()


def test_a_local_preview_may_keep_the_placeholders(tmp_path: Path) -> None:
    settings = tmp_path / CONFIG_NAME
    settings.write_text("[show]\n", encoding="utf-8")
    make_edition(tmp_path / "output", "2023-12-25")
    result = CliRunner().invoke(main, ["publish", "--config", str(settings)])
    assert result.exit_code == 0, result.output


def test_serve_on_another_port_previews_feeds_that_link_to_itself(tmp_path: Path) -> None:
    make_edition(tmp_path / "output", "2023-12-25")
    env = {**os.environ, "NO_PROXY": "127.0.0.1"}
    subprocess.run([*CLI, "publish", "-q"], cwd=tmp_path, check=True, env=env)  # base_url :8000
    published = (tmp_path / "output" / "feed.xml").read_bytes()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    with serving(["--port", str(port)], tmp_path) as (process, line):
        assert line.startswith(f"serving output at {url}"), line
        assert process.stdout is not None and "preview" in process.stdout.readline()
        for name in ("feed.xml", "articles.xml"):
            status, body = get(url + name)
            feed = podcastparser.parse(url + name, io.BytesIO(body))
            for episode in feed["episodes"]:
                enclosure = episode["enclosures"][0]
                assert enclosure["url"].startswith(url)
                status, audio = get(enclosure["url"], {"Range": "bytes=0-9"})
                assert (status, len(audio)) == (206, 10)
        assert url.encode() in get(url)[1] or b"http://127.0.0.1:8000/" not in get(url)[1]
    # The output folder itself still says what will be published.
    assert (tmp_path / "output" / "feed.xml").read_bytes() == published
    with serving(["--port", str(port), "--no-preview"], tmp_path) as (process, _):
        status, body = get(url + "feed.xml")
        assert body == published
