"""Speech speed on the sample edition, in one run (tests never assert timings; this prints them).

1. edge, cold cache, against a local server answering like the real service (first audio after
   0.3 s, audio streamed at 10x real time): wall time at --jobs 1 and at the default jobs, and
   the ratio (target >= 3.5x).
2. A warm-cache rebuild at the default jobs, as a fraction of the cold build (target <= 2%).
3. The offline engine's real-time factor on the same sentences, through the registry (target
   <= 0.05), or a note when it is not available.

Run: .venv/bin/python benchmarks/speech.py [--articles N] [--skip-offline]
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

from audio_edition.errors import AudioEditionError  # noqa: E402
from audio_edition.speech import (  # noqa: E402
    ENGINES,
    ArticleRequest,
    EngineSettings,
    PartKind,
    PartRequest,
    create_engine,
    load_preset,
    speak_articles,
)
from audio_edition.speech.batch import DEFAULT_JOBS  # noqa: E402
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


def timed_edge(requests: list[ArticleRequest], jobs: int, cache: Path, settings: EngineSettings) -> tuple[float, int]:
    began = time.perf_counter()
    edition = speak_articles(requests, "edge", "xiaoxiao", jobs=jobs, cache_dir=cache, settings=settings)
    return time.perf_counter() - began, edition.synthesized


def offline_rtf(requests: list[ArticleRequest]) -> str:
    if "offline" not in ENGINES:
        return "offline RTF: skipped, the offline engine is not registered yet"
    try:
        began = time.perf_counter()
        engine = create_engine("offline")
        voice = load_preset("offline").body
        engine.synthesize(["你好。"], voice)  # loading the models is not speaking
        load = time.perf_counter() - began
        speaking = audio = 0.0
        for article in requests:
            for part in article.parts:
                began = time.perf_counter()
                speech = engine.synthesize(part.sentences, voice)
                speaking += time.perf_counter() - began
                audio += speech.duration
    except AudioEditionError as error:
        return f"offline RTF: skipped, the offline engine cannot run here: {error}"
    return (
        f"offline: {audio:.0f} s of audio in {speaking:.1f} s (models ready in {load:.1f} s): "
        f"RTF {speaking / audio:.3f}  (target <= 0.05)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=None, help="Use only the first N articles (quick runs).")
    parser.add_argument("--skip-offline", action="store_true", help="Leave out the offline engine's RTF.")
    args = parser.parse_args()

    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1"
    requests = sample_requests(args.articles)
    characters = sum(len(s) for a in requests for p in a.parts for s in p.sentences)
    print(f"sample edition: {len(requests)} articles, {sum(len(a.parts) for a in requests)} parts, {characters} characters")

    with running_edge_server(first_audio_delay=0.3, speed=10.0) as server, tempfile.TemporaryDirectory() as folder:
        settings = EngineSettings(edge_url=server.url)
        one, spoken = timed_edge(requests, 1, Path(folder) / "one", settings)
        print(f"edge --jobs 1: {one:.1f} s for {spoken} requests")
        many, spoken = timed_edge(requests, DEFAULT_JOBS, Path(folder) / "many", settings)
        print(f"edge --jobs {DEFAULT_JOBS}: {many:.1f} s (at most {server.max_concurrent} connections at once)")
        print(f"concurrency speed-up: {one / many:.2f}x  (target >= 3.5x)")
        warm, spoken = timed_edge(requests, DEFAULT_JOBS, Path(folder) / "many", settings)
        assert spoken == 0, "a warm rebuild must synthesize nothing"
        print(f"warm-cache rebuild: {warm:.2f} s = {100 * warm / many:.2f}% of cold  (target <= 2%)")

    print("offline RTF: skipped (--skip-offline)" if args.skip_offline else offline_rtf(requests))


if __name__ == "__main__":
    main()
