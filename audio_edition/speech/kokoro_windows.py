"""Kokoro's generator run in windows of a few seconds, so a piece's memory stops growing with its length.

Most of what a piece needs while it is spoken is the generator's: it upsamples the decoder's
frames 60 times before the inverse STFT, and onnxruntime keeps many such tensors at once. On the
sample's longest piece (495 tokens, 20 s) one worker needed 436 MB beyond the loaded model, and
the two workers are usually both on a long piece. So onnxruntime runs the pinned int8 model in
three parts (``STAGES``, cut by ``kokoro_graph``): the front (text encoder, durations, pitch and
energy, the decoder's blocks, the harmonic source) over the whole piece; the generator window by
window; the last convolution and the inverse STFT over the windows' features joined, so the
waveform has no seam of its own. Pieces of up to 6.5 s (``WIDTH + REACH`` frames) are one window:
they are spoken exactly as before.

What a window changes: the generator's AdaIN layers normalize each channel over their input's
whole length, and in a window that length is the window's. Windows therefore meet where the
voice pauses: at the frame of least predicted energy within ``REACH`` of ``WIDTH`` frames after
the previous seam, and none is shorter than ``SHORTEST``. Each window is computed with
``CONTEXT`` frames more on both sides (what the generator's convolutions reach), then dropped.

Measured on the sample's 8 longest sentences, one worker (``benchmarks/kokoro_windows.py``):
memory above the loaded model 304 MB against 435, computing 1.03x; the audio 3.20 dB from the
whole piece's (``kokoro_float.spectral_distance``), where the float model's is 2.46 dB, and no
further within 0.25 s of a seam (3.28); Whisper's character error rate 0.136 against 0.129. On
the whole edition, two workers (``benchmarks/speech.py``): peak RSS 1.27 GB against 1.77 GB.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import numpy.typing as npt

from audio_edition.errors import SpeechError
from audio_edition.speech.kokoro_graph import BEFORE_POST, ENERGY, GENERATOR_INPUT, SOURCE, Stage, split_stages

Tensor = npt.NDArray[np.float32]

FRONT_OUTPUTS = (GENERATOR_INPUT, *SOURCE, ENERGY)
STAGES = (
    Stage("front", ("tokens", "style", "speed"), FRONT_OUTPUTS),
    Stage("generator", (GENERATOR_INPUT, "style", *SOURCE), (BEFORE_POST,), in_windows=True),
    Stage("waveform", (BEFORE_POST,), ("audio",)),
)
"""The int8 model's parts on onnxruntime, run in this order; only the generator in windows."""

FRAMES_PER_SECOND = 80
"""The decoder's frames: 24 kHz audio, 300 samples a frame."""
WIDTH = 400
"""A window's frames (5 s), before its seam is moved to a pause."""
REACH = 120
"""How far (1.5 s) a seam may move from ``WIDTH`` to find a pause."""
SHORTEST = 240
"""The shortest window (3 s). A window that is mostly pause is normalized as if it were speech:
a last window of 0.5 s, nearly all the trailing silence, came out as loud noise."""
CONTEXT = 10
"""Frames computed on each side of a window and dropped: the generator's convolutions reach ~10."""
COLUMNS = (10, 60)
"""Columns per frame of the two harmonic-source tensors (``SOURCE``); the second and the
generator's output have one more, at the start."""
RECIPE = f"windows {WIDTH}~{REACH}>{SHORTEST}+{CONTEXT}"
"""Part of the engine's version: other windows, other samples, another speech cache key."""


def seams(
    energy: npt.NDArray[np.float32], width: int = WIDTH, reach: int = REACH, shortest: int = SHORTEST
) -> tuple[int, ...]:
    """Frames where one window ends and the next begins, for a piece of ``len(energy)`` frames.

    Each seam is the quietest frame ``width - reach`` to ``width + reach`` frames after the
    previous one (the first window starts at 0), or nearer when that would leave a last window
    shorter than ``shortest``. None when the piece fits in one window. Every window is then
    ``shortest`` to ``width + reach`` frames long (``width + reach >= 2 * shortest``).
    """
    frames = len(energy)
    found: list[int] = []
    at = 0
    while frames - at > width + reach:
        low, high = at + width - reach, min(at + width + reach, frames - shortest)
        if high < low:  # a full window would leave too little for the last one: share what is left
            low = at + shortest
        at = low + int(np.argmin(energy[low : high + 1]))
        found.append(at)
    return tuple(found)


def generate_in_windows(
    front: Mapping[str, Tensor],
    style: Tensor,
    generate: Callable[[dict[str, Tensor]], Tensor],
    width: int = WIDTH,
    reach: int = REACH,
    shortest: int = SHORTEST,
) -> Tensor:
    """The generator's output (``BEFORE_POST``) for the whole piece, window by window.

    ``front``: the front part's outputs (``FRONT_OUTPUTS``); ``generate``: runs the generator part
    on its inputs and returns its one output. Windows as ``seams`` places them; a piece that fits
    in one window is generated whole.
    """
    features, energy = front[GENERATOR_INPUT], front[ENERGY].reshape(-1)
    frames = features.shape[2]
    edges = (0, *seams(energy, width, reach, shortest), frames)

    def inputs(low: int, high: int) -> dict[str, Tensor]:
        """The generator's inputs for frames ``low`` to ``high``."""
        near, far = COLUMNS
        return {
            GENERATOR_INPUT: np.ascontiguousarray(features[:, :, low:high]),
            "style": style,
            SOURCE[0]: np.ascontiguousarray(front[SOURCE[0]][:, :, near * low : near * high]),
            SOURCE[1]: np.ascontiguousarray(front[SOURCE[1]][:, :, far * low : far * high + 1]),
        }

    if len(edges) == 2:
        return generate(inputs(0, frames))
    far = COLUMNS[1]
    joined: Tensor | None = None
    for start, end in zip(edges, edges[1:]):
        low, high = max(0, start - CONTEXT), min(frames, end + CONTEXT)
        window = generate(inputs(low, high))
        if joined is None:
            joined = np.empty((*window.shape[:2], far * frames + 1), dtype=window.dtype)
        last = 1 if end == frames else 0  # a piece has far × frames + 1 columns: the last window gives the final one
        joined[:, :, far * start : far * end + last] = window[:, :, far * (start - low) : far * (end - low) + last]
    assert joined is not None  # edges has at least three entries here
    return joined


def windowed_parts(int8_model: Path) -> list[bytes]:
    """The verified int8 model cut into ``STAGES``' models, serialized for onnxruntime (~1 s)."""
    import onnx

    try:
        model = onnx.load(str(int8_model))
    except Exception as error:  # protobuf's decode errors and OSError alike
        raise SpeechError(f"cannot read the Kokoro model {int8_model}: {error}") from error
    return [part.SerializeToString() for part in split_stages(model, STAGES)]
