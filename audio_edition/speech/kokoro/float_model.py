"""Kokoro's generator rewritten in float operations for OpenVINO, made once from the verified int8 model.

The int8 model (``assets``) quantizes its convolutions dynamically (ConvInteger), and no CPU
runtime has a fast kernel for them: onnxruntime spends most of Kokoro's time in the generator,
most of it in those. Written back as float convolutions, with weights ``(Wq − zero point) ×
scale`` (exactly the values the int8 model multiplies by), OpenVINO runs them in bfloat16 on CPUs
that have it. The other operations OpenVINO ran slowly are rewritten as arithmetic it runs fast
(``rewrites``).

bfloat16 keeps 8 significant bits, and Kokoro's pitch does not survive that everywhere: run wholly
in bfloat16, Mandarin's tones blur (the prosody predictor's F0 and the harmonic source), so only
the generator runs in it. The parts made here (``FLOAT_CUTS``) run window by window (``windows``)
after the int8 model's front: the harmonic source, float32 on onnxruntime; the generator on
OpenVINO; the last convolution and the inverse STFT, float32 on onnxruntime. onnxruntime gives a
run's buffers back; OpenVINO keeps every part's, so it gets only the part that pays for it. The
measurements behind each choice: this folder's README.md.

Nothing is downloaded: ``voices install kokoro --openvino`` makes the parts from the verified int8
file (~20 s, ~45 MB: the generator in OpenVINO's IR, weights stored as float16; the other two as
ONNX), checks they speak as the int8 model does, and records the SHA-256 of what it wrote in a
small JSON file beside them, written last. A build uses the parts only while that record names
the pinned int8 model and every file matches it. Needs the ``openvino`` package (the
``[openvino]`` extra) and ``onnx``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from audio_edition.errors import SpeechError
from audio_edition.fsutil import atomic_path, sha256_file
from audio_edition.speech.kokoro.graph import BEFORE_POST, F0, GENERATOR_INPUT, PHASE, SOURCE, Cut, cut_graph
from audio_edition.speech.kokoro.rewrites import rewrite_for_openvino
from audio_edition.speech.kokoro.runtime import ModelPart, import_openvino

STEM = "kokoro-v1.0-openvino"
RECORD_NAME = f"{STEM}.json"
REWRITE_VERSION = 5
"""Bump when the rewrite changes: a model made by an older one is made again (its record's ``recipe``)."""


FLOAT_CUTS = (
    # The harmonic source made from F0 and the phase, its STFT and the two convolutions that hand
    # it to the generator: float32, on onnxruntime.
    Cut("source", (F0, PHASE), SOURCE, float32=True, in_windows=True),
    # The generator's upsampling and residual convolutions, most of the time: on OpenVINO.
    Cut("generator", (GENERATOR_INPUT, "style", *SOURCE), (BEFORE_POST,), in_windows=True),
    # The last convolution, whose output is a phase, and the inverse STFT: float32, on onnxruntime.
    Cut("waveform", (BEFORE_POST,), ("audio",), float32=True, in_windows=True),
)
"""Names are the pinned model's tensors (``graph``); a model without them is refused by ``cut_graph``."""


@dataclass(frozen=True)
class FloatModel:
    """The OpenVINO model's parts, in order, verified against their record."""

    parts: tuple[ModelPart, ...]
    digest: str
    """SHA-256 over the parts' files: part of the engine's version, so of the speech cache key."""


def _files(folder: Path, cut: Cut) -> tuple[Path, ...]:
    """A float32 part is an ONNX model for onnxruntime; the others OpenVINO's IR, weights and graph."""
    if cut.float32:
        return (folder / f"{STEM}-{cut.name}.onnx",)
    return folder / f"{STEM}-{cut.name}.xml", folder / f"{STEM}-{cut.name}.bin"


def _part(path: Path, cut: Cut) -> ModelPart:
    return ModelPart(path, "onnxruntime" if cut.float32 else "openvino", cut.in_windows)


def locate_float_model(folder: Path, int8_sha256: str, *, verify: bool = True) -> FloatModel | None:
    """The float model in ``folder`` if its record names ``int8_sha256`` and every file matches it."""
    record_path = folder / RECORD_NAME
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (
        not isinstance(record, dict)
        or record.get("from") != int8_sha256
        or record.get("recipe") != REWRITE_VERSION
    ):
        return None
    written = record.get("files")
    if not isinstance(written, dict):
        return None
    parts = []
    for cut in FLOAT_CUTS:
        files = _files(folder, cut)
        for path in files:
            expected = written.get(path.name)
            if (
                not isinstance(expected, dict)
                or not path.is_file()
                or path.stat().st_size != expected.get("size")
            ):
                return None
            if verify and sha256_file(path) != expected.get("sha256"):
                return None
        parts.append(_part(files[0], cut))
    digest = hashlib.sha256(json.dumps(written, sort_keys=True).encode()).hexdigest()
    return FloatModel(tuple(parts), digest)


CHECK_TOKENS = (
    21, 51, 171, 56, 62, 162, 52, 86, 171, 56, 62, 162, 52, 86, 171, 56, 21, 162, 51, 173, 16, 66, 83, 172, 56, 16,
    66, 43, 63, 169, 3, 16, 65, 57, 169, 55, 83, 56, 16, 51, 173, 21, 162, 51, 169, 16, 21, 162, 67, 173, 16, 53, 135,
    171, 112, 99, 86, 172, 56, 16, 61, 43, 173, 56, 58, 63, 173, 4,
)  # fmt: skip
"""今天天气很好，我们一起去公园散步。 in Kokoro's tokens: what a newly made model must say as the int8 one does."""
CHECK_DISTANCE_DB = 8.0
"""Largest mean log-spectral difference from the int8 model's audio a made model may show. Measured
on ``CHECK_TOKENS`` against the int8 model: this model 1.5 dB (its front is the int8 model's; with
a float32 front 3.2, wholly in bf16 5.7, wholly in f32 5.6: what the int8 model's quantized
activations change); the int8 model itself with another female
voice 9.2, 5% faster 11.5, tokens rotated 13.1; noise 38. Band energies do not judge pitch: a
model wholly in bfloat16, whose tones are blurred, passes too. That is why the cuts' precisions
are fixed by ``FLOAT_CUTS`` and measured with Whisper (``benchmarks/intelligibility.py``), not here."""


def spectral_distance(a: npt.NDArray[np.float32], b: npt.NDArray[np.float32]) -> float:
    """Mean absolute difference (dB) of two recordings' log band energies, over their loud frames.

    Waveforms cannot be compared sample by sample: Kokoro's harmonic source starts at another
    phase for a tiny difference in its input, so two equally good renderings cancel no better than
    noise. Band energies in 20 ms frames are what a listener hears.
    """
    frames = min(len(a), len(b)) // 256 - 3
    if frames < 10:
        return float("inf")
    window = np.hanning(1024)
    edges = np.unique(np.geomspace(2, 513, 41).astype(int))

    def bands(x: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
        spectrum = np.abs(
            np.fft.rfft(np.stack([x[i * 256 : i * 256 + 1024] * window for i in range(frames)]), axis=1)
        )
        energy = np.stack([spectrum[:, lo:hi].mean(axis=1) for lo, hi in zip(edges[:-1], edges[1:])], axis=1)
        return np.asarray(20 * np.log10(energy + 1e-5), dtype=np.float64)

    left, right = bands(a), bands(b)
    loud = left > left.max() - 60
    return float(np.abs(left - right)[loud].mean())


def check_float_model(
    parts: tuple[ModelPart, ...], int8_model: Path, style: npt.NDArray[np.float32]
) -> float:
    """Speak ``CHECK_TOKENS`` with both models; the spectral distance. ``style``: a voice's table."""
    from audio_edition.speech.kokoro.runtime import onnxruntime_runner, openvino_precision, openvino_runner

    made = (
        openvino_runner(int8_model, parts, 1, openvino_precision()).speak(CHECK_TOKENS, style, 1.0).result()
    )
    reference = onnxruntime_runner(int8_model, 1).speak(CHECK_TOKENS, style, 1.0).result()
    if not 0.9 < len(made) / max(1, len(reference)) < 1.1:
        return float("inf")
    return spectral_distance(made, reference)


def make_float_model(
    int8_model: Path, int8_sha256: str, folder: Path, style: npt.NDArray[np.float32]
) -> FloatModel:
    """Make the OpenVINO model's parts from the verified ``int8_model`` into ``folder``; them, verified.

    The made model must say ``CHECK_TOKENS`` (in voice ``style``) as the int8 model does, or it is
    refused (``SpeechError``) and nothing counts as made. The files are written under temporary
    names and renamed; the record goes last, so a model interrupted half-way is never used (and
    is made again by the next install). Files an older recipe wrote are removed.
    """
    import onnx

    ov = import_openvino()

    folder.mkdir(parents=True, exist_ok=True)
    (folder / RECORD_NAME).unlink(missing_ok=True)  # from here until the end, no model counts as made
    model = onnx.load(str(int8_model))
    rewrite_for_openvino(model)
    protos = cut_graph(model, FLOAT_CUTS)
    del model
    with tempfile.TemporaryDirectory(prefix=".kokoro-float-", dir=folder) as scratch:
        parts = []
        for cut, part in zip(FLOAT_CUTS, protos):
            files = _files(Path(scratch), cut)
            if cut.float32:
                onnx.save(part, str(files[0]))
            else:
                onnx_path = Path(scratch) / f"{cut.name}.onnx"
                onnx.save(part, str(onnx_path))
                # read_model, not convert_model: the latter also folds the int8 matrix weights to float16,
                # and the model it writes says nothing (seen with OpenVINO 2026.4).
                ov.save_model(ov.Core().read_model(str(onnx_path)), str(files[0]), compress_to_fp16=True)
            parts.append(_part(files[0], cut))
        del protos
        distance = check_float_model(tuple(parts), int8_model, style)
        if not distance <= CHECK_DISTANCE_DB:
            raise SpeechError(
                f"the float model OpenVINO {ov.get_version()} made does not speak as the int8 one "
                f"({distance:.1f} dB apart, at most {CHECK_DISTANCE_DB} allowed): Kokoro stays on onnxruntime"
            )
        record: dict[str, Any] = {
            "from": int8_sha256,
            "recipe": REWRITE_VERSION,
            "openvino": ov.get_version(),
        }
        record["check_distance_db"] = round(distance, 2)
        record["files"] = {}
        for cut in FLOAT_CUTS:
            for made in _files(Path(scratch), cut):
                record["files"][made.name] = {"sha256": sha256_file(made), "size": made.stat().st_size}
                shutil.move(made, folder / made.name)  # same folder: a rename
    with atomic_path(folder / RECORD_NAME) as tmp:
        tmp.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    for stale in [*folder.glob(f"{STEM}*.xml"), *folder.glob(f"{STEM}*.bin"), *folder.glob(f"{STEM}*.onnx")]:
        if stale.name not in record["files"]:
            stale.unlink()
    found = locate_float_model(folder, int8_sha256)
    if found is None:
        raise SpeechError(f"the OpenVINO model written to {folder} does not read back as written")
    return found
