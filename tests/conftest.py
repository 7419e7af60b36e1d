"""Test-wide settings and fixtures.

Hypothesis profiles: ``default`` for every run (fixed examples); ``thorough``
(HYPOTHESIS_PROFILE=thorough) checks thousands of new examples, and the crash test kills 40
builds at new moments instead of three seeded ones; ``explore`` the same without shrinking, to
hunt quickly.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import Phase, settings

from audio_edition.places import Places
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


@pytest.fixture(scope="session")
def warm_speech(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], None]:
    """``warm_speech(out)`` gives the output folder ``out`` a speech cache that already holds the
    two-brief page (tests/test_cli_build.py) and its edit (tests/test_crash_safety.py) as the fast
    offline voice says them: for tests about what a build does with its files, which then need
    not wait for the same speech to be synthesized again. Spoken once per test run."""
    from click.testing import CliRunner

    from audio_edition.cli import main
    from tests.test_cli_build import TWO_BRIEFS
    from tests.test_crash_safety import EDITED

    folder = tmp_path_factory.mktemp("spoken")
    page, out = folder / "2023-12-26.txt", folder / "output"
    for text in (TWO_BRIEFS, EDITED):
        page.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(main, ["build", str(page), "--out", str(out), "--engine", "offline",
                                           "--voice", "offline-fast", "--quiet"])  # fmt: skip
        assert result.exit_code == 0, result.output
    spoken = Places.beside(out).speech_cache

    def warm(into: Path) -> None:
        shutil.copytree(spoken, Places.beside(into).speech_cache)

    return warm
