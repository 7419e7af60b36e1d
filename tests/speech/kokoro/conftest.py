"""Kokoro's expensive results that several test modules check from different sides, made once."""

from __future__ import annotations

import numpy as np
import pytest

from audio_edition.speech.kokoro.float_model import CHECK_TOKENS
from audio_edition.speech.kokoro.runtime import onnxruntime_runner
from tests.speech.kokoro.installed import installed_kokoro


@pytest.fixture(scope="session")
def int8_check_speech() -> np.ndarray:
    """``CHECK_TOKENS`` in zf_xiaoxiao at speed 1, as the engine's int8 model speaks them, cut
    (``onnxruntime_runner``, one worker): test_windows holds it to the sample against the model
    rewritten whole, test_runtime against the model as shipped. One window, spoken once a run;
    the runner is not kept, only its audio."""
    folder = installed_kokoro().folder
    style = np.fromfile(folder / "voices" / "zf_xiaoxiao.bin", dtype=np.float32).reshape(-1, 1, 256)
    audio = onnxruntime_runner(folder / "kokoro-v1.0.int8.onnx", 1).speak(CHECK_TOKENS, style, 1.0).result()
    audio.setflags(write=False)  # shared: a test that changed it would change what the others check
    return audio
