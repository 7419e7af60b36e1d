"""Shared fixtures for the speech tests: the local service, and never a real proxy or service."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from audio_edition.speech.settings import EDGE_URL_ENV, EDGE_VOICES_URL_ENV
from tests.speech.edge_server import EdgeServer, running_edge_server


@pytest.fixture(autouse=True)
def _local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # edge-tts opens sessions with trust_env: a proxy in the environment must not catch 127.0.0.1.
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    monkeypatch.delenv(EDGE_URL_ENV, raising=False)
    monkeypatch.delenv(EDGE_VOICES_URL_ENV, raising=False)


@pytest.fixture
def edge_server() -> Iterator[EdgeServer]:
    with running_edge_server() as server:
        yield server
