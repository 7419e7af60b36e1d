"""Where Kokoro runs: the runtime chosen, its workers, and the plain whole-model path beside the cut one.

``whole_model_runner`` runs the pinned int8 model as shipped, in one call, on onnxruntime alone:
the cut and rewritten parts (``onnxruntime_runner``, the OpenVINO parts in ``test_float_model``)
must speak as it does, and the engine runs on it where ``onnx`` cannot cut the model.
"""

from __future__ import annotations

import io
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper

from audio_edition.errors import ConfigError, SpeechError
from audio_edition.speech.engine import Voice
from audio_edition.speech.kokoro import KokoroEngine, install_kokoro, runtime
from audio_edition.speech.kokoro.assets import kokoro_dir
from audio_edition.speech.kokoro.engine import pieces_for
from audio_edition.speech.kokoro.float_model import (
    CHECK_DISTANCE_DB,
    CHECK_TOKENS,
    RECORD_NAME,
    spectral_distance,
)
from audio_edition.speech.kokoro.runtime import (
    ModelPart,
    choose_runtime,
    onnxruntime_runner,
    whole_model_runner,
    worker_count,
)
from audio_edition.speech.kokoro.windows import FRAMES_PER_SECOND, REACH, WIDTH
from audio_edition.speech.registry import create_engine
from audio_edition.speech.settings import KOKORO_RUNTIME_ENV, EngineSettings, engine_settings
from tests.speech.kokoro.installed import installed_kokoro

LONG = "今天天气很好，我们一起去公园散步，然后到河边看看风景，再回家吃晚饭，晚上还要读一会儿书。"
"""Longer than one window (``WIDTH + REACH`` frames): the cut path speaks it in two or more."""


@pytest.fixture(scope="module")
def onnxruntime_engine() -> KokoroEngine:
    """The engine on onnxruntime, one worker: the reference the other paths are held to, loaded once
    for the module's tests (it speaks the same whatever spoke before: test_engine)."""
    installed_kokoro()
    return KokoroEngine(runtime="onnxruntime", workers=1)


def _style(folder: Path, voice: str = "zf_xiaoxiao") -> np.ndarray:
    return np.fromfile(folder / "voices" / f"{voice}.bin", dtype=np.float32).reshape(-1, 1, 256)


def _samples(audio: bytes) -> np.ndarray:
    with wave.open(io.BytesIO(audio)) as wav:
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float32) / 32768


def test_without_onnx_the_runtime_is_the_whole_model_and_openvino_says_why_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = (Path("int8.onnx"), "int8digest")
    parts = (ModelPart(Path("generator.xml"), in_windows=True),)
    monkeypatch.setattr(runtime, "openvino_installed", lambda: True)
    assert not choose_runtime("auto", *model, lambda: (parts, "floatdigest")).whole  # onnx is there
    monkeypatch.setitem(sys.modules, "onnx", None)  # what ``import onnx`` meets where it is not installed
    assert not runtime.can_cut_graph()
    for asked in ("auto", "onnxruntime"):
        choice = choose_runtime(asked, *model, lambda: (parts, "floatdigest"))
        assert (choice.name, choice.precision, choice.whole, choice.parts) == (
            "onnxruntime",
            "int8",
            True,
            (),
        )
    with pytest.raises(
        ConfigError, match=r"needs the onnx package to cut its model: pip install 'onnx>=1\.16'"
    ):
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
def test_the_cut_model_speaks_as_the_whole_one_does(int8_check_speech: np.ndarray) -> None:
    """The oracle: the whole model as shipped. One window's piece differs from it only in where the
    harmonics' phase is summed (frame rate, not sample rate: rounding, which moves the source's
    phase, so compared by band energies); a piece in windows, also in how each window is
    normalized, and no more than the float model differs from the int8 one."""
    assets = installed_kokoro()
    style = _style(assets.folder)
    whole = whole_model_runner(assets.model, 1)
    cut = onnxruntime_runner(assets.model, 1)
    short_whole = whole.speak(CHECK_TOKENS, style, 1.0).result()
    short_cut = int8_check_speech  # the cut model's, one worker, as ``cut`` speaks (conftest.py)
    assert short_whole.ndim == 1 and short_whole.shape == short_cut.shape and short_whole.size > 24_000
    assert (
        spectral_distance(short_cut, short_whole) < CHECK_DISTANCE_DB / 4
    )  # measured 0.99 dB; another voice 9.2

    (piece,) = pieces_for(KokoroEngine(workers=1).phonemes(LONG))
    long_whole, long_cut = (
        whole.speak(piece.tokens, style, 1.0).result(),
        cut.speak(piece.tokens, style, 1.0).result(),
    )
    assert long_whole.shape == long_cut.shape and long_whole.size > 300 * (
        WIDTH + REACH
    )  # two windows at least
    assert spectral_distance(long_cut, long_whole) < CHECK_DISTANCE_DB / 2


@pytest.mark.model
def test_without_onnx_the_engine_speaks_the_whole_model_under_its_own_version(
    monkeypatch: pytest.MonkeyPatch, onnxruntime_engine: KokoroEngine
) -> None:
    voice, sentences = (
        Voice("kokoro", "zm_yunyang"),
        ["今天天气很好。", "我们一起去公园散步。"],
    )  # short: the oracle test has the long one
    cut = onnxruntime_engine  # made (and its model cut) while onnx is there
    reference = cut.synthesize(sentences, voice)
    monkeypatch.setitem(sys.modules, "onnx", None)  # any use of onnx on this path would raise
    plain = KokoroEngine(runtime="auto", workers=2)
    assert plain.runtime.whole and plain.runtime.name == "onnxruntime"
    assert plain.version != cut.version and plain.version.startswith(
        "kokoro-v1.0-onnxruntime-int8+"
    )  # never mixed
    spoken = plain.synthesize(sentences, voice)
    assert (
        spoken.audio == KokoroEngine(runtime="onnxruntime", workers=1).synthesize(sentences, voice).audio
    )  # deterministic
    assert spoken.duration == reference.duration and spoken.sentence_starts == reference.sentence_starts
    assert spectral_distance(_samples(spoken.audio), _samples(reference.audio)) < CHECK_DISTANCE_DB / 4


def test_openvino_by_default_where_it_can_run_in_bfloat16_where_the_cpu_has_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = (Path("int8.onnx"), "int8digest")

    parts = (
        ModelPart(Path("source.onnx"), "onnxruntime", in_windows=True),
        ModelPart(Path("generator.xml"), in_windows=True),
    )

    def choose(
        asked: str, float_model: tuple[tuple[ModelPart, ...], str] | None = (parts, "floatdigest")
    ) -> str:
        choice = choose_runtime(asked, *model, lambda: float_model)
        return f"{choice.name}-{choice.precision}"

    monkeypatch.setattr(runtime, "bfloat16_cpu", lambda: True)
    monkeypatch.setattr(runtime, "openvino_installed", lambda: True)
    assert choose("onnxruntime") == "onnxruntime-int8"
    assert choose("openvino") == choose("auto") == "openvino-bf16"
    with pytest.raises(SpeechError, match="voices install kokoro --openvino"):
        choose("openvino", None)
    assert choose("auto", None) == "onnxruntime-int8"  # its model is not made
    monkeypatch.setattr(runtime, "bfloat16_cpu", lambda: False)
    assert choose("openvino") == choose("auto") == "openvino-f32"
    monkeypatch.setattr(runtime, "openvino_installed", lambda: False)
    assert choose("auto") == "onnxruntime-int8"
    with pytest.raises(ConfigError, match="needs the openvino package"):
        choose("openvino")
    with pytest.raises(ConfigError, match="unknown Kokoro runtime 'fastest'"):
        choose("fastest")


def test_workers_are_as_many_as_the_free_memory_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runtime, "_available_memory", lambda: 16 * 1024**3)
    assert (
        worker_count("onnxruntime", 2) == worker_count("openvino", 2) == min(2, worker_count("onnxruntime"))
    )
    model, onnxruntime_worker = runtime.MEMORY["onnxruntime"]
    openvino_model, openvino_worker = runtime.MEMORY["openvino"]
    assert (
        openvino_model == model and openvino_worker > onnxruntime_worker
    )  # OpenVINO keeps its generator's buffers
    monkeypatch.setattr(runtime, "_available_memory", lambda: model + 2 * onnxruntime_worker)
    assert worker_count("onnxruntime", 2) == min(2, worker_count("onnxruntime", 8))
    assert worker_count("openvino", 2) == 1  # a second worker's peak would not fit
    monkeypatch.setattr(runtime, "_available_memory", lambda: 100 * 1024**2)
    assert worker_count("openvino", 2) == worker_count("onnxruntime", 2) == 1  # at least one


@pytest.mark.model
def test_openvino_speaks_deterministically_and_as_onnxruntime_does(onnxruntime_engine: KokoroEngine) -> None:
    installed_kokoro()
    sentences = ["今天天气很好，我们一起去公园散步，然后到河边看看风景，再回家吃晚饭。"]
    voice = Voice("kokoro", "zm_yunyang")
    openvino = KokoroEngine(runtime="openvino", workers=2)
    assert openvino.runtime.name == "openvino"
    fast = openvino.synthesize(sentences, voice)
    assert fast.duration > (WIDTH + REACH) / FRAMES_PER_SECOND  # long enough for two windows
    assert KokoroEngine(runtime="openvino", workers=1).synthesize(sentences, voice).audio == fast.audio
    onnx_engine = onnxruntime_engine
    assert onnx_engine.version != openvino.version  # the speech cache never mixes the two
    reference = onnx_engine.synthesize(sentences, voice)
    assert abs(fast.duration - reference.duration) < 0.1 * reference.duration

    def samples(audio: bytes) -> np.ndarray:
        with wave.open(io.BytesIO(audio)) as wav:
            return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float32) / 32768

    assert spectral_distance(samples(fast.audio), samples(reference.audio)) < CHECK_DISTANCE_DB


def test_a_part_openvino_will_not_fuse_is_compiled_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ov = runtime.import_openvino()

    graph = helper.make_graph(
        [helper.make_node("Mul", ["x", "x"], ["y"])],
        "square",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, None])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, None])],
    )
    path = tmp_path / "square.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))
    core = ov.Core()
    config = {"INFERENCE_NUM_THREADS": 1}
    x = np.array([[1.5, -2.0, 3.0]], dtype=np.float32)
    fused = runtime._compile(core, path, config, fused=True)
    assert np.array_equal(fused({"x": x})[0], x * x)
    monkeypatch.setattr(
        runtime, "FUSED", {"SNIPPETS_MODE": "NO_SUCH_MODE"}
    )  # as an OpenVINO without it would refuse
    with pytest.raises(RuntimeError):
        core.compile_model(str(path), "CPU", {**config, **runtime.FUSED})
    plain = runtime._compile(core, path, config, fused=True)
    assert np.array_equal(plain({"x": x})[0], x * x)


def test_the_runtime_is_the_environments_then_the_settings_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KOKORO_RUNTIME_ENV, raising=False)
    assert engine_settings().kokoro_runtime == "auto"
    assert engine_settings(kokoro_runtime="openvino").kokoro_runtime == "openvino"
    monkeypatch.setenv(KOKORO_RUNTIME_ENV, "onnxruntime")
    assert engine_settings(kokoro_runtime="openvino").kokoro_runtime == "onnxruntime"
    installed_kokoro()
    engine = create_engine("kokoro", EngineSettings(kokoro_runtime="openvino"))  # the registry passes it on
    assert isinstance(engine, KokoroEngine) and engine.runtime.name == "openvino"


def test_openvino_loads_without_its_telemetry_forking_a_sender() -> None:
    """``import openvino`` starts a process that sends usage events over the network, holding our
    open files (a second build in one process found its folder locked): ``import_openvino`` not."""
    probe = (
        "import os, time\n"
        "from audio_edition.speech.kokoro.runtime import import_openvino\n"
        "ov = import_openvino(); ov.Core().available_devices; time.sleep(0.5)\n"
        "children = [c for t in os.listdir('/proc/self/task') for c in open(f'/proc/self/task/{t}/children').read().split()]\n"
        "import sys; print(children, sys.modules.get('openvino_telemetry'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["[]", "None"], done.stdout + done.stderr
