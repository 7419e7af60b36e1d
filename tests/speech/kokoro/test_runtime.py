"""Where Kokoro runs: the plain whole-model path beside the cut one, as its fallback and its oracle.

``whole_model_runner`` runs the pinned int8 model as shipped, in one call, on onnxruntime alone:
the cut and rewritten parts (``onnxruntime_runner``, the OpenVINO parts in ``test_float_model``)
must speak as it does, and the engine runs on it where ``onnx`` cannot cut the model.
"""

from __future__ import annotations

import io
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from audio_edition.errors import ConfigError
from audio_edition.speech.engine import Voice
from audio_edition.speech.kokoro import KokoroEngine, install_kokoro, runtime
from audio_edition.speech.kokoro.assets import kokoro_dir
from audio_edition.speech.kokoro.engine import pieces_for
from audio_edition.speech.kokoro.float_model import CHECK_DISTANCE_DB, CHECK_TOKENS, RECORD_NAME, spectral_distance
from audio_edition.speech.kokoro.runtime import ModelPart, choose_runtime, onnxruntime_runner, whole_model_runner
from audio_edition.speech.kokoro.windows import FRAMES_PER_SECOND, REACH, WIDTH
from tests.speech.kokoro.installed import installed_kokoro

LONG = "今天天气很好，我们一起去公园散步，然后到河边看看风景，再回家吃晚饭，晚上还要读一会儿书。"
"""Longer than one window (``WIDTH + REACH`` frames): the cut path speaks it in two or more."""


def _style(folder: Path, voice: str = "zf_xiaoxiao") -> np.ndarray:
    return np.fromfile(folder / "voices" / f"{voice}.bin", dtype=np.float32).reshape(-1, 1, 256)


def _samples(audio: bytes) -> np.ndarray:
    with wave.open(io.BytesIO(audio)) as wav:
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float32) / 32768


def test_without_onnx_the_runtime_is_the_whole_model_and_openvino_says_why_not(monkeypatch: pytest.MonkeyPatch) -> None:
    model = (Path("int8.onnx"), "int8digest")
    parts = (ModelPart(Path("generator.xml"), in_windows=True),)
    monkeypatch.setattr(runtime, "openvino_installed", lambda: True)
    assert not choose_runtime("auto", *model, lambda: (parts, "floatdigest")).whole  # onnx is there
    monkeypatch.setitem(sys.modules, "onnx", None)  # what ``import onnx`` meets where it is not installed
    assert not runtime.can_cut_graph()
    for asked in ("auto", "onnxruntime"):
        choice = choose_runtime(asked, *model, lambda: (parts, "floatdigest"))
        assert (choice.name, choice.precision, choice.whole, choice.parts) == ("onnxruntime", "int8", True, ())
    with pytest.raises(ConfigError, match=r"needs the onnx package to cut its model: pip install 'onnx>=1\.16'"):
        choose_runtime("openvino", *model, lambda: (parts, "floatdigest"))


def test_without_onnx_install_makes_no_float_model_and_says_why_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runtime, "openvino_installed", lambda: True)
    monkeypatch.setattr(runtime, "can_cut_graph", lambda: False)
    source = installed_kokoro().folder
    install_kokoro(source=source, cache_dir=tmp_path, openvino=None)  # by default: nothing to make it with
    assert not (kokoro_dir(tmp_path) / RECORD_NAME).exists()
    with pytest.raises(ConfigError, match="made with the onnx package"):
        install_kokoro(cache_dir=tmp_path, openvino=True)


@pytest.mark.model
def test_the_cut_model_speaks_as_the_whole_one_does() -> None:
    """The oracle: the whole model as shipped. One window's piece differs from it only in where the
    harmonics' phase is summed (frame rate, not sample rate: rounding); a piece in windows, in how
    each window is normalized, and no more than the float model differs from the int8 one."""
    assets = installed_kokoro()
    style = _style(assets.folder)
    whole = whole_model_runner(assets.model, 1)
    cut = onnxruntime_runner(assets.model, 1)
    short_whole, short_cut = whole.speak(CHECK_TOKENS, style, 1.0).result(), cut.speak(CHECK_TOKENS, style, 1.0).result()
    assert short_whole.ndim == 1 and short_whole.shape == short_cut.shape and short_whole.size > 24_000
    assert spectral_distance(short_cut, short_whole) < 1.0  # another voice is ~9 dB away

    (piece,) = pieces_for(KokoroEngine(workers=1).phonemes(LONG))
    long_whole, long_cut = whole.speak(piece.tokens, style, 1.0).result(), cut.speak(piece.tokens, style, 1.0).result()
    assert long_whole.shape == long_cut.shape and long_whole.size > 300 * (WIDTH + REACH)  # two windows at least
    assert spectral_distance(long_cut, long_whole) < CHECK_DISTANCE_DB / 2


@pytest.mark.model
def test_without_onnx_the_engine_speaks_the_whole_model_under_its_own_version(monkeypatch: pytest.MonkeyPatch) -> None:
    installed_kokoro()
    voice = Voice("kokoro", "zm_yunyang")
    cut = KokoroEngine(runtime="onnxruntime", workers=1)
    reference = cut.synthesize([LONG], voice)
    monkeypatch.setitem(sys.modules, "onnx", None)  # any use of onnx on this path would raise
    plain = KokoroEngine(runtime="auto", workers=2)
    assert plain.runtime.whole and plain.runtime.name == "onnxruntime"
    assert plain.version != cut.version and plain.version.startswith("kokoro-v1.0-onnxruntime-int8+")  # never mixed
    spoken = plain.synthesize([LONG], voice)
    assert spoken.duration > (WIDTH + REACH) / FRAMES_PER_SECOND
    assert spoken.audio == KokoroEngine(runtime="onnxruntime", workers=1).synthesize([LONG], voice).audio  # deterministic
    assert abs(spoken.duration - reference.duration) < 0.01 * reference.duration
    assert spectral_distance(_samples(spoken.audio), _samples(reference.audio)) < CHECK_DISTANCE_DB / 2
