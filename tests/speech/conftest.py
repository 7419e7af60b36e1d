"""Shared fixtures for the speech tests: the local service, and never a real proxy or service."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.speech.azure_server import AzureServer, running_azure_server
from tests.speech.edge_server import EdgeServer, running_edge_server


@pytest.fixture
def edge_server() -> Iterator[EdgeServer]:
    with running_edge_server() as server:
        yield server


@pytest.fixture
def azure_server() -> Iterator[AzureServer]:
    with running_azure_server() as server:
        yield server
