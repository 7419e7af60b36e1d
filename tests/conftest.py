"""Test-wide settings and fixtures.

Hypothesis profiles: ``default`` for every run (fixed examples); ``thorough``
(HYPOTHESIS_PROFILE=thorough) checks thousands of new examples; ``explore`` the same without
shrinking, to hunt quickly.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import Phase, settings

from audio_edition.speech.settings import (
    AZURE_KEY_ENV,
    AZURE_REGION_ENV,
    AZURE_URL_ENV,
    EDGE_URL_ENV,
    EDGE_VOICES_URL_ENV,
)

# The everyday run is derandomized so that CI is repeatable; the others explore anew each time.
# They say derandomize=False outright: a profile inherits the settings active when it is
# registered, and registering "default" (the active profile's name) makes it active, so they
# would otherwise replay the everyday run's fixed examples, only more of them.
settings.register_profile("default", max_examples=300, derandomize=True)
settings.register_profile("thorough", max_examples=3000, derandomize=False)
# ``explore``: many pages, no shrinking; for hunting layouts the cleaner misreads.
settings.register_profile("explore", max_examples=3000, derandomize=False, phases=[Phase.explicit, Phase.generate])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reaches the online service or goes through a proxy: edge-tts opens its sessions
    with trust_env, so a proxy in the environment must not catch 127.0.0.1."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    monkeypatch.delenv(EDGE_URL_ENV, raising=False)
    monkeypatch.delenv(EDGE_VOICES_URL_ENV, raising=False)
    for name in (AZURE_KEY_ENV, AZURE_REGION_ENV, AZURE_URL_ENV):  # a developer's real key stays unused
        monkeypatch.delenv(name, raising=False)
