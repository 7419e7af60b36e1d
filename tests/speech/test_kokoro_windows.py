"""Kokoro's generator in windows: where they meet, that they join without a gap or an overlap,
and that the real model speaks through them as it does whole."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from audio_edition.errors import SpeechError
from audio_edition.speech.kokoro_float import CHECK_DISTANCE_DB, CHECK_TOKENS, spectral_distance
from audio_edition.speech.kokoro_graph import BEFORE_POST, ENERGY, GENERATOR_INPUT, SOURCE
from audio_edition.speech.kokoro_runtime import model_inputs, onnxruntime_runner
from audio_edition.speech.kokoro_windows import COLUMNS, CONTEXT, FRONT_OUTPUTS, generate_in_windows, seams, windowed_parts
from tests.speech.kokoro_files import installed_kokoro

energies = arrays(np.float32, st.integers(1, 3000), elements=st.floats(-20, 10, width=32))


@given(energies, st.integers(40, 500), st.integers(0, 20), st.integers(1, 20))
def test_windows_are_bounded_and_meet_at_the_quietest_frame(energy: np.ndarray, width: int, reach: int, shortest: int) -> None:
    found = seams(energy, width, reach, shortest)
    frames = len(energy)
    edges = (0, *found, frames)
    assert bool(found) == (frames > width + reach)
    for before, seam, after in zip(edges, edges[1:], edges[2:]):
        assert shortest <= seam - before <= width + reach and after - seam >= shortest
        allowed = (before + width - reach, min(before + width + reach, frames - shortest))
        if allowed[0] <= allowed[1]:
            assert allowed[0] <= seam <= allowed[1] and energy[seam] == energy[allowed[0] : allowed[1] + 1].min()
    assert edges[-1] - edges[-2] <= width + reach


def test_a_seam_finds_the_pause() -> None:
    energy = np.full(900, 7.0, dtype=np.float32)
    energy[452:458] = -12.0  # a comma's pause, 52 frames after where the window would end
    assert seams(energy, 400, 120, 240) == (452,)
    assert seams(energy, 400, 40, 240) == (360, 600)  # out of reach: the first of the quietest frames in reach
    assert seams(energy[:590], 400, 120, 240) == (280,)  # not 452: it would leave a last window of 138 frames


def _front(frames: int) -> dict[str, np.ndarray]:
    """Front outputs of the real shapes for ``frames`` frames, every column numbered by where it is."""
    near, far = COLUMNS
    columns = lambda count, channels: np.tile(np.arange(count, dtype=np.float32), (1, channels, 1))  # noqa: E731
    energy = np.sin(np.arange(frames, dtype=np.float32) / 37).reshape(1, -1)
    return {
        GENERATOR_INPUT: columns(frames, 2),
        SOURCE[0]: columns(near * frames, 2),
        SOURCE[1]: columns(far * frames + 1, 3),
        ENERGY: energy,
    }


def test_the_windows_join_into_the_whole_piece_column_for_column() -> None:
    """A generator that only looks at each column gives, in windows, exactly what it gives whole:
    the windows' inputs and outputs line up with the piece's, with nothing missing or doubled."""
    front = _front(1234)
    style = np.zeros((1, 256), dtype=np.float32)
    calls: list[int] = []

    def generate(inputs: dict[str, np.ndarray]) -> np.ndarray:
        x, near, far = inputs[GENERATOR_INPUT], inputs[SOURCE[0]], inputs[SOURCE[1]]
        assert near.shape[2] == COLUMNS[0] * x.shape[2] and far.shape[2] == COLUMNS[1] * x.shape[2] + 1
        assert np.array_equal(far[0, 0, : -1 : COLUMNS[1]], x[0, 0] * COLUMNS[1])  # the same frames
        calls.append(x.shape[2])
        return far[:, :2] * 2 + 1

    whole = generate_in_windows(front, style, generate, width=10_000, reach=0, shortest=1)
    assert calls == [1234]
    windowed = generate_in_windows(front, style, generate, width=300, reach=60, shortest=100)
    assert len(calls) > 3 and max(calls[1:]) <= 300 + 60 + 2 * CONTEXT
    assert windowed.shape == whole.shape and np.array_equal(windowed, whole)


def test_the_real_model_in_windows_speaks_as_it_does_whole() -> None:
    folder = installed_kokoro().folder
    style = np.fromfile(folder / "voices" / "zf_xiaoxiao.bin", dtype=np.float32).reshape(-1, 1, 256)
    feed = model_inputs(CHECK_TOKENS, style, 1.0)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    whole = ort.InferenceSession(str(folder / "kokoro-v1.0.int8.onnx"), options).run(["audio"], feed)[0].reshape(-1)

    # A piece that fits one window (this one, 4.5 s) is spoken exactly as by the whole model.
    runner = onnxruntime_runner(folder / "kokoro-v1.0.int8.onnx", 1)
    assert np.array_equal(runner.speak(CHECK_TOKENS, style, 1.0).result(), whole)

    # In windows of about 2 s (the engine's are 5 s), it sounds the same: as close as the float
    # model is to the int8 one (3.2 dB), far from another voice (9.2 dB; CHECK_DISTANCE_DB).
    front, generator, waveform = (ort.InferenceSession(part, options) for part in windowed_parts(folder / "kokoro-v1.0.int8.onnx"))
    made = dict(zip(FRONT_OUTPUTS, front.run(list(FRONT_OUTPUTS), feed)))
    seen: list[int] = []

    def generate(inputs: dict[str, np.ndarray]) -> np.ndarray:
        seen.append(inputs[GENERATOR_INPUT].shape[2])
        return generator.run(None, inputs)[0]

    features = generate_in_windows(made, feed["style"], generate, width=160, reach=40, shortest=80)
    windowed = waveform.run(["audio"], {BEFORE_POST: features})[0].reshape(-1)
    assert len(seen) == 2
    assert windowed.shape == whole.shape
    assert spectral_distance(windowed, whole) < CHECK_DISTANCE_DB / 2


def test_a_model_file_that_is_not_onnx_is_one_clear_error(tmp_path: Path) -> None:
    damaged = tmp_path / "kokoro-v1.0.int8.onnx"
    damaged.write_bytes(b"\x08\x07not a model at all" * 100)
    with pytest.raises(SpeechError, match="cannot read the Kokoro model"):
        onnxruntime_runner(damaged, 1)
