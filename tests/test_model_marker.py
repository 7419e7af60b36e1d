"""The ``model`` marker is kept honest: tests/conftest.py fails a test that runs a real model unmarked.

Run on a small pytest project of its own (in a subprocess), with this suite's conftest and a
generated ONNX model just over the size that counts as real.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from tests.conftest import REAL_MODEL_BYTES

pytest_plugins = ["pytester"]

SUITE = """
from pathlib import Path

import numpy as np
import onnxruntime
import pytest

HERE = Path(__file__).parent


def speak(name: str) -> None:
    session = onnxruntime.InferenceSession(str(HERE / name), providers=["CPUExecutionProvider"])
    session.run(None, {"x": np.ones((1, 4), dtype=np.float32)})


def test_unmarked_small() -> None:
    speak("small.onnx")


def test_unmarked_real() -> None:
    speak("real.onnx")


@pytest.mark.model
def test_marked_real() -> None:
    speak("real.onnx")


@pytest.fixture(scope="module")
def spoken() -> None:
    speak("real.onnx")


MODEL_FIXTURES = {"spoken"}


def test_uses_a_fixture_that_speaks(spoken: None) -> None:
    pass
"""


def _model(path: Path, weights: int) -> None:
    """y = x + the sum of ``weights`` float32 constants: a model of about ``4 × weights`` bytes."""
    bias = numpy_helper.from_array(np.zeros((weights // 4, 4), dtype=np.float32), "w")
    graph = helper.make_graph(
        [
            helper.make_node("ReduceSum", ["w", "axes"], ["s"], keepdims=1),
            helper.make_node("Add", ["x", "s"], ["y"]),
        ],
        "sized",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])],
        [bias, numpy_helper.from_array(np.array([0], dtype=np.int64), "axes")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, str(path))


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeconftest((Path(__file__).parent / "conftest.py").read_text(encoding="utf-8"))
    pytester.makeini(
        "[pytest]\naddopts = --strict-markers -p no:cacheprovider\nmarkers =\n    model: runs a real model\n"
    )
    pytester.makepyfile(test_suite=SUITE)
    _model(pytester.path / "small.onnx", 1_000)
    _model(pytester.path / "real.onnx", REAL_MODEL_BYTES // 4 + 1_000)
    assert (
        (pytester.path / "real.onnx").stat().st_size
        > REAL_MODEL_BYTES
        > (pytester.path / "small.onnx").stat().st_size
    )
    return pytester


def test_the_fast_run_leaves_out_what_is_marked_and_fails_what_runs_a_model_unmarked(
    project: pytest.Pytester,
) -> None:
    result = project.runpytest_subprocess("-m", "not model", "-rA")
    # Left out: the marked test and the user of a fixture that speaks; caught: the unmarked one.
    result.assert_outcomes(passed=1, failed=1, deselected=2)
    result.stdout.fnmatch_lines(
        ["*test_unmarked_real ran an ONNX model of * bytes but is not marked: add @pytest.mark.model*"]
    )
    assert "test_unmarked_small ran" not in result.stdout.str()
