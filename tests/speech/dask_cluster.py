"""A real Dask cluster on 127.0.0.1, started as an operator starts one: ``dask scheduler`` and
``dask worker`` processes, each its own process group so a test can kill one outright."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DASK = str(Path(sys.executable).with_name("dask"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _environment(extra: Mapping[str, str] | None, python_path: tuple[Path, ...] = ()) -> dict[str, str]:
    env = dict(os.environ)
    # The workers import this worktree's package, as an installed project would be imported.
    env["PYTHONPATH"] = os.pathsep.join([*map(str, python_path), str(REPO), env.get("PYTHONPATH", "")])
    env.update(extra or {})
    return env


@dataclass
class LocalCluster:
    """A scheduler and its worker processes; ``add_worker`` starts one more."""

    address: str
    scheduler: subprocess.Popen[bytes]
    logs: Path
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def add_worker(
        self, *, nthreads: int = 1, python_path: tuple[Path, ...] = (), name: str | None = None
    ) -> subprocess.Popen[bytes]:
        """``dask worker ADDRESS --nthreads N`` (no nanny: killing it kills the worker itself)."""
        number = len(self.workers)
        log = (self.logs / f"worker-{number}.log").open("wb")
        worker = subprocess.Popen(
            [DASK, "worker", self.address, "--nthreads", str(nthreads), "--no-nanny", "--host", "127.0.0.1",
             "--dashboard-address", ":0", "--name", name or f"w{number}"],
            env=_environment(None, python_path), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        self.workers.append(worker)
        return worker

    def wait_for_workers(self, count: int, timeout: float = 60.0) -> None:
        """Until the scheduler has ``count`` workers."""
        from distributed import Client

        with Client(self.address, timeout=timeout, set_as_default=False) as client:
            client.wait_for_workers(count, timeout=timeout)

    def kill_scheduler(self) -> None:
        os.killpg(self.scheduler.pid, signal.SIGKILL)
        self.scheduler.wait()


def kill(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL, as a crashed machine or the OOM killer would."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@contextmanager
def running_cluster(logs: Path, workers: int = 2, nthreads: int = 1) -> Iterator[LocalCluster]:
    """A scheduler on a free port of 127.0.0.1 and ``workers`` workers, all stopped at the end."""
    logs.mkdir(parents=True, exist_ok=True)
    port = free_port()
    scheduler = subprocess.Popen(
        [DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--dashboard-address", ":0", "--no-show"],
        env=_environment(None), stdout=(logs / "scheduler.log").open("wb"), stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    cluster = LocalCluster(f"tcp://127.0.0.1:{port}", scheduler, logs)
    try:
        for _ in range(workers):
            cluster.add_worker(nthreads=nthreads)
        if workers:
            cluster.wait_for_workers(workers)
        yield cluster
    finally:
        for worker in cluster.workers:
            kill(worker)
        kill(scheduler)


def wait_until(condition: object, timeout: float = 60.0, step: float = 0.05) -> None:
    """Poll ``condition()`` until true; AssertionError after ``timeout`` seconds."""
    assert callable(condition)
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(step)
