"""Kokoro's sample-rate parts run in windows of a few seconds, so a piece's memory stops growing with its length.

Most of what a piece needs while it is spoken is at the sample rate: the harmonic source's sines,
the generator, which upsamples the decoder's frames 60 times, and the inverse STFT. So the model
runs in parts (``INT8_CUTS``, cut by ``graph``): the front over the whole piece, the rest window by
window, each window's audio copied into the piece's. Pieces of up to 6.5 s (``WIDTH + REACH``
frames) are one window: they are spoken exactly as the whole model speaks them once its phase is
computed at the frame rate (``rewrites.phase_at_frame_rate``).

What a window changes: the generator's AdaIN layers normalize each channel over their input's
whole length, and in a window that length is the window's. Windows therefore meet where the
voice pauses: at the frame of least predicted energy within ``REACH`` of ``WIDTH`` frames after
the previous seam, and none is shorter than ``SHORTEST``. Each window is computed with
``CONTEXT`` frames more on both sides (what the convolutions and the source's interpolation
reach), then dropped. The harmonic source's phase is a running sum over the whole piece: the
front computes it, so every window starts at the phase the whole piece has there. What the
windows save and what they change in the sound, measured: this folder's README.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import numpy.typing as npt

from audio_edition.errors import SpeechError
from audio_edition.speech.kokoro.graph import (
    ENERGY,
    F0,
    GENERATOR_INPUT,
    PHASE,
    Cut,
    cut_graph,
    not_the_pinned_model,
)
from audio_edition.speech.kokoro.rewrites import phase_at_frame_rate

Tensor = npt.NDArray[np.float32]

WINDOW_INPUTS = (GENERATOR_INPUT, F0, PHASE)
"""What the parts run in windows take from the piece, each 80 frames a second on its last axis:
the decoder's features, the pitch (which the harmonic source voices) and the harmonics' phase."""
INT8_CUTS = (
    Cut("front", ("tokens", "style", "speed"), (*WINDOW_INPUTS, ENERGY)),
    Cut("window", (GENERATOR_INPUT, "style", F0, PHASE), ("audio",), in_windows=True),
)
"""The int8 model's parts on onnxruntime: the front over the whole piece, then the rest window by window."""

FRAMES_PER_SECOND = 80
"""The decoder's frames, and the front's outputs'."""
SAMPLES_PER_FRAME = 300
"""24 kHz audio: what a window gives for each of its frames."""
WIDTH = 400
"""A window's frames (5 s), before its seam is moved to a pause."""
REACH = 120
"""How far (1.5 s) a seam may move from ``WIDTH`` to find a pause."""
SHORTEST = 240
"""The shortest window (3 s). A window that is mostly pause is normalized as if it were speech:
a last window of 0.5 s, nearly all the trailing silence, came out as loud noise."""
CONTEXT = 10
"""Frames computed on each side of a window and dropped: the generator's convolutions reach ~10."""
WINDOWS_VERSION = f"windows {WIDTH}~{REACH}>{SHORTEST}+{CONTEXT} from the source"
"""Part of the engine's version: other windows, other samples, another speech cache key. (Its text
is part of the cache key as it stands: reword it and every cached sentence is spoken again.)"""


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


def speak_in_windows(
    front: Mapping[str, Tensor],
    speak_window: Callable[[dict[str, Tensor]], Tensor],
    width: int = WIDTH,
    reach: int = REACH,
    shortest: int = SHORTEST,
) -> Tensor:
    """The piece's audio, window by window: ``SAMPLES_PER_FRAME`` samples for each frame.

    ``front``: what the parts over the whole piece gave (``WINDOW_INPUTS`` and ``ENERGY``, with
    ``style``); ``speak_window``: runs the windowed parts on a window's inputs and returns its
    audio. Windows as ``seams`` places them, each with ``CONTEXT`` frames more on both sides; a
    piece that fits in one window is spoken whole. The audio is a new array.
    """
    frames = front[GENERATOR_INPUT].shape[-1]
    edges = (0, *seams(front[ENERGY].reshape(-1), width, reach, shortest), frames)
    audio = np.empty(SAMPLES_PER_FRAME * frames, dtype=np.float32)
    for start, end in zip(edges, edges[1:]):
        low, high = max(0, start - CONTEXT), min(frames, end + CONTEXT)
        inputs = {name: np.ascontiguousarray(front[name][..., low:high]) for name in WINDOW_INPUTS}
        window = speak_window({**inputs, "style": front["style"]}).reshape(-1)
        if window.size != SAMPLES_PER_FRAME * (high - low):
            raise not_the_pinned_model(f"it gave {window.size} samples for {high - low} frames")
        audio[SAMPLES_PER_FRAME * start : SAMPLES_PER_FRAME * end] = window[
            SAMPLES_PER_FRAME * (start - low) : SAMPLES_PER_FRAME * (end - low)
        ]
    return audio


def windowed_parts(int8_model: Path, cuts: tuple[Cut, ...] = INT8_CUTS) -> list[bytes]:
    """The verified int8 model cut into ``cuts``' models (``INT8_CUTS`` or the first of them),
    serialized for onnxruntime (~1 s)."""
    import onnx

    try:
        model = onnx.load(str(int8_model))
    except Exception as error:  # protobuf's decode errors and OSError alike
        raise SpeechError(f"cannot read the Kokoro model {int8_model}: {error}") from error
    if phase_at_frame_rate(model) != 1:
        raise not_the_pinned_model("its harmonic source has another shape")
    return [part.SerializeToString() for part in cut_graph(model, cuts)]
