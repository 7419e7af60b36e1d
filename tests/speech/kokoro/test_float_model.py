"""Kokoro on OpenVINO: the float model made from the int8 one, verified, used only when asked for.

One real model is made here (~20 s); the engine tests use the one ``make test`` installed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper

from audio_edition.errors import ConfigError, SpeechError
from audio_edition.speech.kokoro import float_model, runtime
from audio_edition.speech.kokoro.assets import MODEL_SHA256, install_kokoro, kokoro_dir
from audio_edition.speech.kokoro.engine import KokoroEngine
from audio_edition.speech.kokoro.float_model import (
    CHECK_DISTANCE_DB,
    CHECK_TOKENS,
    FLOAT_CUTS,
    RECORD_NAME,
    locate_float_model,
    spectral_distance,
)
from audio_edition.speech.kokoro.graph import cut_graph
from audio_edition.speech.kokoro.rewrites import REWRITES, dequantize_weights
from audio_edition.speech.kokoro.runtime import model_inputs
from audio_edition.speech.kokoro.windows import INT8_CUTS
from tests.speech.kokoro.installed import installed_kokoro


def test_a_model_without_kokoros_tensors_is_not_split() -> None:
    graph = helper.make_graph(
        [helper.make_node("Relu", ["x"], ["y"])],
        "other",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])],
    )
    with pytest.raises(SpeechError, match="not the expected one"):
        cut_graph(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), FLOAT_CUTS)


@pytest.mark.model
def test_the_rewritten_stages_in_turn_speak_as_the_whole_model_does() -> None:
    """Rewritten for OpenVINO and cut, the front then the float model's cuts run one after the
    other (here on onnxruntime, in float32) speak as the whole model with only its weights made
    float: so only the precision each cut runs in can differ."""
    folder = installed_kokoro().folder
    model = onnx.load(str(folder / "kokoro-v1.0.int8.onnx"))
    dequantize_weights(model)
    style = np.fromfile(folder / "voices" / "zf_xiaoxiao.bin", dtype=np.float32).reshape(-1, 1, 256)
    feed = model_inputs(CHECK_TOKENS, style, 1.0)
    options = ort.SessionOptions()
    # One thread, as the engine runs: a second one spins waiting for work that the other test
    # worker (make test runs two) needs the core for, and the distances do not depend on it.
    options.intra_op_num_threads = 1
    options.log_severity_level = 3

    def session(proto: onnx.ModelProto) -> ort.InferenceSession:
        return ort.InferenceSession(proto.SerializeToString(), options, providers=["CPUExecutionProvider"])

    whole = session(model).run(["audio"], feed)[0].reshape(-1)
    for rewrite in REWRITES[1:]:
        assert rewrite(model) > 0
    tensors = dict(feed)
    front = INT8_CUTS[0]
    for cut, proto in zip((front, *FLOAT_CUTS), cut_graph(model, (front, *FLOAT_CUTS))):
        part = session(proto)
        assert [i.name for i in part.get_inputs()] == list(cut.inputs)
        tensors.update(
            zip(cut.outputs, part.run(list(cut.outputs), {name: tensors[name] for name in cut.inputs}))
        )
    staged = tensors["audio"].reshape(-1)
    assert staged.shape == whole.shape and whole.size > 24_000
    # The rewrites are the same arithmetic, and cutting computes the same tensors (test_windows
    # checks the int8 model's cut to the byte). Only the STFT's DC and Nyquist phases may differ:
    # onnxruntime's are rounding noise (rewrites.stft_as_convolution). Measured 0.84 dB;
    # another voice is 9 dB away (CHECK_DISTANCE_DB).
    assert spectral_distance(staged, whole) < 1.5


def test_spectral_distance_tells_a_rendering_from_another_sound() -> None:
    rate = 24_000
    t = np.arange(rate * 2) / rate
    tone = (0.3 * np.sin(2 * np.pi * 220 * t) * (1 + np.sin(2 * np.pi * 3 * t))).astype(np.float32)
    shifted = np.roll(tone, 37)  # same sound, another phase: the waveforms differ everywhere
    assert spectral_distance(tone, shifted) < 1.0 < CHECK_DISTANCE_DB
    other = (0.3 * np.sin(2 * np.pi * 330 * t) * (1 + np.sin(2 * np.pi * 3 * t))).astype(np.float32)
    assert spectral_distance(tone, other) > CHECK_DISTANCE_DB
    assert spectral_distance(tone[:100], tone[:100]) == float("inf")  # too short to judge


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding a copy of the installed int8 files, and the float model made from them."""
    cache = tmp_path_factory.mktemp("cache")
    source = installed_kokoro().folder
    target = kokoro_dir(cache)
    (target / "voices").mkdir(parents=True)
    shutil.copy(source / "kokoro-v1.0.int8.onnx", target)
    for voice in (source / "voices").iterdir():
        shutil.copy(voice, target / "voices")
    (target / "kokoro-v1.0-openvino.bin").write_bytes(b"weights an older recipe wrote")
    said: list[str] = []
    install_kokoro(cache_dir=cache, openvino=True, say=said.append)
    assert any("speaks as the int8 model does" in line for line in said), said
    return cache


@pytest.mark.model
def test_install_makes_the_float_model_and_records_what_it_wrote(made: Path) -> None:
    folder = kokoro_dir(made)
    record = json.loads((folder / RECORD_NAME).read_text())
    assert record["from"] == MODEL_SHA256 and record["check_distance_db"] <= CHECK_DISTANCE_DB
    found = locate_float_model(folder, MODEL_SHA256)
    assert found is not None
    assert [part.runtime for part in found.parts] == [
        "onnxruntime" if cut.float32 else "openvino" for cut in FLOAT_CUTS
    ]
    for part in found.parts:  # each part's model (and OpenVINO's weights), as recorded
        paths = (part.path, part.path.with_suffix(".bin")) if part.runtime == "openvino" else (part.path,)
        for path in paths:
            assert path.stat().st_size == record["files"][path.name]["size"]
    assert sorted(p.name for p in folder.glob("kokoro-v1.0-openvino*")) == sorted(
        [*record["files"], RECORD_NAME]
    )
    assert locate_float_model(folder, "0" * 64) is None  # made from another int8 model: not this one's


@pytest.mark.model
def test_the_float_model_is_made_by_default_only_where_openvino_is_installed(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = kokoro_dir(made)
    record = (folder / RECORD_NAME).read_bytes()
    (folder / RECORD_NAME).unlink()
    made_again: list[Path] = []

    def make(int8_model: Path, int8_sha256: str, into: Path, style: np.ndarray) -> float_model.FloatModel:
        made_again.append(into)  # as make_float_model would (test_install_makes... makes one for real)
        (into / RECORD_NAME).write_bytes(record)
        found = locate_float_model(into, int8_sha256)
        assert found is not None
        return found

    monkeypatch.setattr(float_model, "make_float_model", make)
    monkeypatch.setattr(runtime, "openvino_installed", lambda: False)
    install_kokoro(cache_dir=made)  # nothing to make it with: not an error
    with pytest.raises(ConfigError, match="pip install 'audio-edition\\[openvino\\]'"):
        install_kokoro(cache_dir=made, openvino=True)
    monkeypatch.setattr(runtime, "openvino_installed", lambda: True)
    install_kokoro(cache_dir=made, openvino=False)
    assert made_again == [] and KokoroEngine(cache_dir=made).runtime.name == "onnxruntime"
    install_kokoro(cache_dir=made)
    assert made_again == [folder]
    assert KokoroEngine(cache_dir=made).runtime.name == "openvino"  # the default runs on it


@pytest.mark.model
def test_a_damaged_float_model_is_not_used(made: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = kokoro_dir(made)
    weights = folder / "kokoro-v1.0-openvino-generator.bin"
    with weights.open("r+b") as f:  # one byte flipped, same size
        f.seek(1_000_000)
        byte = f.read(1)
        f.seek(1_000_000)
        f.write(bytes([byte[0] ^ 0xFF]))
    assert locate_float_model(folder, MODEL_SHA256) is None
    with pytest.raises(SpeechError, match="run: audio-edition voices install kokoro --openvino"):
        KokoroEngine(cache_dir=made, runtime="openvino")
    assert KokoroEngine(cache_dir=made).runtime.name == "onnxruntime"  # by default: on onnxruntime instead
    # The next install makes it again (as the fixture did where there was none), and refuses a
    # made model that does not speak as the int8 one: then nothing counts as made. Asked for, that
    # is an error; by default it is said, and Kokoro stays on onnxruntime.
    monkeypatch.setattr(float_model, "check_float_model", lambda *args: 12.5)
    with pytest.raises(SpeechError, match="12.5 dB apart"):
        install_kokoro(cache_dir=made, openvino=True)
    assert not (folder / RECORD_NAME).exists() and locate_float_model(folder, MODEL_SHA256) is None

    def refused(*args: object) -> None:
        raise SpeechError("the float model OpenVINO made does not speak as the int8 one (12.5 dB apart)")

    monkeypatch.setattr(float_model, "make_float_model", refused)  # as above, without making it again
    said: list[str] = []
    install_kokoro(cache_dir=made, say=said.append)
    assert any("12.5 dB apart" in line for line in said), said
    assert (
        locate_float_model(folder, MODEL_SHA256) is None
        and KokoroEngine(cache_dir=made).runtime.name == "onnxruntime"
    )
