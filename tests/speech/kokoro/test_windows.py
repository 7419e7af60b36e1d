"""Kokoro's sample-rate parts in windows: where they meet, that they join without a gap or an
overlap, and that the real model speaks through them as it does whole."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from audio_edition.errors import SpeechError
from audio_edition.speech.kokoro.float_model import CHECK_DISTANCE_DB, CHECK_TOKENS, spectral_distance
from audio_edition.speech.kokoro.graph import ENERGY, F0, GENERATOR_INPUT, PHASE
from audio_edition.speech.kokoro.rewrites import phase_at_frame_rate
from audio_edition.speech.kokoro.runtime import model_inputs, onnxruntime_runner
from audio_edition.speech.kokoro.windows import (
    CONTEXT,
    INT8_CUTS,
    SAMPLES_PER_FRAME,
    seams,
    speak_in_windows,
    windowed_parts,
)
from tests.speech.kokoro.installed import installed_kokoro

energies = arrays(np.float32, st.integers(1, 3000), elements=st.floats(-20, 10, width=32))


@given(energies, st.integers(40, 500), st.integers(0, 20), st.integers(1, 20))
def test_windows_are_bounded_and_meet_at_the_quietest_frame(
    energy: np.ndarray, width: int, reach: int, shortest: int
) -> None:
    found = seams(energy, width, reach, shortest)
    frames = len(energy)
    edges = (0, *found, frames)
    assert bool(found) == (frames > width + reach)
    for before, seam, after in zip(edges, edges[1:], edges[2:]):
        assert shortest <= seam - before <= width + reach and after - seam >= shortest
        allowed = (before + width - reach, min(before + width + reach, frames - shortest))
        if allowed[0] <= allowed[1]:
            assert (
                allowed[0] <= seam <= allowed[1] and energy[seam] == energy[allowed[0] : allowed[1] + 1].min()
            )
    assert edges[-1] - edges[-2] <= width + reach


def test_a_seam_finds_the_pause() -> None:
    energy = np.full(900, 7.0, dtype=np.float32)
    energy[452:458] = -12.0  # a comma's pause, 52 frames after where the window would end
    assert seams(energy, 400, 120, 240) == (452,)
    assert seams(energy, 400, 40, 240) == (
        360,
        600,
    )  # out of reach: the first of the quietest frames in reach
    assert seams(energy[:590], 400, 120, 240) == (280,)  # not 452: it would leave a last window of 138 frames


def _front(frames: int) -> dict[str, np.ndarray]:
    """Front outputs of the real shapes for ``frames`` frames, every column numbered by its frame."""

    def numbered(channels: int) -> np.ndarray:
        return np.tile(np.arange(frames, dtype=np.float32), (1, channels, 1))

    energy = np.sin(np.arange(frames, dtype=np.float32) / 37).reshape(1, -1)
    return {
        GENERATOR_INPUT: numbered(2),
        F0: numbered(1).reshape(1, -1),
        PHASE: numbered(9),
        ENERGY: energy,
        "style": np.zeros((1, 256), dtype=np.float32),
    }


def test_the_windows_join_into_the_whole_piece_sample_for_sample() -> None:
    """Parts that give each frame's samples from that frame alone speak, in windows, exactly what
    they speak whole: the windows' inputs and audio line up with the piece's, nothing missing or
    doubled."""
    front = _front(1234)
    calls: list[int] = []

    def speak_window(inputs: dict[str, np.ndarray]) -> np.ndarray:
        frames = inputs[GENERATOR_INPUT][0, 0]
        assert np.array_equal(inputs[F0][0], frames) and np.array_equal(
            inputs[PHASE][0, 8], frames
        )  # the same frames
        assert inputs["style"] is front["style"]
        calls.append(frames.size)
        return (
            np.repeat(frames, SAMPLES_PER_FRAME) * SAMPLES_PER_FRAME
            + np.tile(np.arange(SAMPLES_PER_FRAME), frames.size)
        ).reshape(1, 1, -1)

    whole = speak_in_windows(front, speak_window, width=10_000, reach=0, shortest=1)
    assert calls == [1234]
    assert np.array_equal(whole, np.arange(1234 * SAMPLES_PER_FRAME))  # each sample where it belongs
    windowed = speak_in_windows(front, speak_window, width=300, reach=60, shortest=100)
    assert len(calls) > 3 and max(calls[1:]) <= 300 + 60 + 2 * CONTEXT
    assert np.array_equal(windowed, whole)


def test_a_window_that_gives_the_wrong_length_is_refused() -> None:
    with pytest.raises(SpeechError, match="not the expected one"):
        speak_in_windows(_front(100), lambda inputs: np.zeros(100 * SAMPLES_PER_FRAME - 1, dtype=np.float32))


@pytest.mark.model
def test_the_real_model_in_windows_speaks_as_it_does_whole(int8_check_speech: np.ndarray) -> None:
    folder = installed_kokoro().folder
    style = np.fromfile(folder / "voices" / "zf_xiaoxiao.bin", dtype=np.float32).reshape(-1, 1, 256)
    feed = model_inputs(CHECK_TOKENS, style, 1.0)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.log_severity_level = 3
    model = onnx.load(str(folder / "kokoro-v1.0.int8.onnx"))
    assert phase_at_frame_rate(model) == 1
    whole = ort.InferenceSession(model.SerializeToString(), options).run(["audio"], feed)[0].reshape(-1)

    # A piece that fits one window (this one, 4.5 s) is spoken exactly as by the whole model:
    # the engine's cut parts (onnxruntime_runner, in the fixture shared with test_runtime).
    assert np.array_equal(int8_check_speech, whole)

    # In windows of about 2 s (the engine's are 5 s), it sounds the same: as close as the float
    # model is to the int8 one (3.2 dB), far from another voice (9.2 dB; CHECK_DISTANCE_DB).
    front, window = (
        ort.InferenceSession(part, options) for part in windowed_parts(folder / "kokoro-v1.0.int8.onnx")
    )
    made = dict(zip(INT8_CUTS[0].outputs, front.run(list(INT8_CUTS[0].outputs), feed)))
    seen: list[int] = []

    def speak_window(inputs: dict[str, np.ndarray]) -> np.ndarray:
        seen.append(inputs[GENERATOR_INPUT].shape[-1])
        return np.asarray(window.run(None, inputs)[0])

    windowed = speak_in_windows(
        {**made, "style": feed["style"]}, speak_window, width=160, reach=40, shortest=80
    )
    assert len(seen) == 2
    assert windowed.shape == whole.shape
    assert spectral_distance(windowed, whole) < CHECK_DISTANCE_DB / 2


def test_a_model_file_that_is_not_onnx_is_one_clear_error(tmp_path: Path) -> None:
    damaged = tmp_path / "kokoro-v1.0.int8.onnx"
    damaged.write_bytes(b"\x08\x07not a model at all" * 100)
    with pytest.raises(SpeechError, match="cannot read the Kokoro model"):
        onnxruntime_runner(damaged, 1)
