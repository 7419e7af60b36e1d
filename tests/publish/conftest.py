"""Fixtures for the publishing tests: real editions on disk and a real server on 127.0.0.1."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from audio_edition.audio.manifest import EditionManifest
from audio_edition.publish.config import Show
from audio_edition.publish.serve import EditionServer, ServeLimits, make_server

from .fixture_editions import make_edition


@pytest.fixture
def output_dir(tmp_path: Path) -> Path:
    return tmp_path / "output"


@pytest.fixture
def two_editions(output_dir: Path) -> tuple[EditionManifest, EditionManifest]:
    """Two dates built into ``output_dir``, not yet published."""
    return make_edition(output_dir, "2023-12-25"), make_edition(output_dir, "2023-12-26")


SERVE_WITH = "ours"
"""Which server the serve tests run against: ours, or the aiohttp variant of the trial
(``pytest --serve-with=aiohttp``, issue 27; the code is in benchmarks/serve_aiohttp.py)."""


def pytest_configure(config: pytest.Config) -> None:
    global SERVE_WITH
    SERVE_WITH = config.getoption("--serve-with", default="ours")


def serve_command(folder: Path, *options: str) -> list[str]:
    """The command that serves ``folder`` in its own process (prints its URL once listening)."""
    if SERVE_WITH == "aiohttp":
        trial = Path(__file__).resolve().parents[2] / "benchmarks" / "serve_aiohttp.py"
        return [sys.executable, str(trial), str(folder), *options]
    return [sys.executable, "-m", "audio_edition", "serve", str(folder), *options]


def serving_module() -> str:
    """The module whose ``make_server`` a launcher script imports."""
    return "benchmarks.serve_aiohttp" if SERVE_WITH == "aiohttp" else "audio_edition.publish.serve"


def start_server(
    folder: Path, limits: ServeLimits = ServeLimits(), verbose: bool = False
) -> Iterator[EditionServer]:
    if SERVE_WITH == "aiohttp":
        from benchmarks.serve_aiohttp import make_server as make_trial

        server: EditionServer = make_trial(  # type: ignore[assignment]
            folder, "127.0.0.1", 0, limits=limits, verbose=verbose
        )
    else:
        server = make_server(folder, "127.0.0.1", 0, limits=limits, verbose=verbose)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def server(output_dir: Path) -> Iterator[EditionServer]:
    """``audio-edition serve`` on a free port, serving ``output_dir``."""
    output_dir.mkdir(parents=True, exist_ok=True)
    yield from start_server(output_dir)


@pytest.fixture
def show_for(server: EditionServer) -> Show:
    """The default show, with base_url pointing at the test server."""
    return Show(base_url=server.url)
