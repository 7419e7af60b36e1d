"""The rewrites that make Kokoro's float model fast on OpenVINO compute what the graph computed.

Each is checked on a small model run by onnxruntime before and after: the pinned model's patterns,
built here, and one it must leave alone. The whole pinned model, rewritten and split, is checked
in ``test_float_model``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from onnx import TensorProto, helper, numpy_helper
from onnxruntime.quantization import QuantType, quantize_dynamic

from audio_edition.errors import SpeechError
from audio_edition.speech.kokoro.rewrites import (
    dequantize_weights,
    phase_at_frame_rate,
    rewrite_for_openvino,
    snake_as_polynomial,
    stft_as_convolution,
    upsampling_as_convolution,
)


def _model(
    nodes: list[onnx.NodeProto], inputs: list[onnx.ValueInfoProto], initializers: list[onnx.TensorProto]
) -> onnx.ModelProto:
    graph = helper.make_graph(
        nodes, "part", inputs, [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)], initializers
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model


def _outputs(model: onnx.ModelProto | Path, **feed: np.ndarray) -> list[np.ndarray]:
    source = str(model) if isinstance(model, Path) else model.SerializeToString()
    options = ort.SessionOptions()
    options.log_severity_level = 3
    return [
        np.asarray(output)
        for output in ort.InferenceSession(source, options, providers=["CPUExecutionProvider"]).run(
            None, feed
        )
    ]


def _run(model: onnx.ModelProto | Path, **feed: np.ndarray) -> np.ndarray:
    return _outputs(model, **feed)[0]


def _kinds(model: onnx.ModelProto) -> list[str]:
    return [node.op_type for node in model.graph.node]


def _quantized(
    folder: Path, nodes: list[onnx.NodeProto], x_shape: list[int | None], initializers: list[onnx.TensorProto]
) -> tuple[Path, Path]:
    """A float model and onnxruntime's dynamically quantized copy of it (as Kokoro's was made)."""
    model = _model(nodes, [helper.make_tensor_value_info("x", TensorProto.FLOAT, x_shape)], initializers)
    plain, quantized = folder / "float.onnx", folder / "int8.onnx"
    onnx.save(model, str(plain))
    quantize_dynamic(
        str(plain), str(quantized), op_types_to_quantize=["Conv", "MatMul"], weight_type=QuantType.QUInt8
    )
    return plain, quantized


def test_quantized_convolutions_become_float_ones_with_the_int8_weights(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    weights = rng.normal(size=(8, 4, 3)).astype(np.float32)
    plain, quantized = _quantized(
        tmp_path,
        [
            helper.make_node("Conv", ["x", "W", "B"], ["c"], pads=[2, 2], dilations=[2]),
            helper.make_node("LeakyRelu", ["c"], ["y"]),
        ],
        [1, 4, None],
        [
            numpy_helper.from_array(weights, "W"),
            numpy_helper.from_array(rng.normal(size=8).astype(np.float32), "B"),
        ],
    )
    model = onnx.load(str(quantized))
    assert dequantize_weights(model) == 1
    kinds = _kinds(model)
    assert "ConvInteger" not in kinds and "DynamicQuantizeLinear" not in kinds and kinds.count("Conv") == 1
    # The float weights are the int8 ones dequantized: within half a quantization step of the originals.
    (float_weights,) = [
        numpy_helper.to_array(i) for i in model.graph.initializer if i.name.endswith("_float")
    ]
    step = (weights.max() - min(0.0, weights.min())) / 255
    assert np.abs(float_weights - weights).max() <= step / 2 + 1e-6
    x = rng.normal(size=(1, 4, 50)).astype(np.float32)
    exact, int8, rewritten = _run(plain, x=x), _run(quantized, x=x), _run(model, x=x)
    assert rewritten.shape == exact.shape
    # Only the activations' quantization is gone: nearer the float model than the int8 model is.
    assert np.abs(rewritten - exact).mean() < np.abs(int8 - exact).mean()


def test_quantized_matrix_products_become_float_ones(tmp_path: Path) -> None:
    rng = np.random.default_rng(9)
    plain, quantized = _quantized(
        tmp_path,
        [helper.make_node("MatMul", ["x", "W"], ["m"]), helper.make_node("Add", ["m", "B"], ["y"])],
        [1, 16],
        [
            numpy_helper.from_array(rng.normal(size=(16, 32)).astype(np.float32), "W"),
            numpy_helper.from_array(rng.normal(size=32).astype(np.float32), "B"),
        ],
    )
    model = onnx.load(str(quantized))
    assert "MatMulInteger" in _kinds(model)
    assert dequantize_weights(model) == 1
    assert "MatMulInteger" not in _kinds(model) and _kinds(model).count("MatMul") == 1
    x = rng.normal(size=(1, 16)).astype(np.float32)
    exact, int8, rewritten = _run(plain, x=x), _run(quantized, x=x), _run(model, x=x)
    assert np.abs(rewritten - exact).mean() < np.abs(int8 - exact).mean()


def test_a_quantized_model_of_another_shape_is_refused_in_one_line(tmp_path: Path) -> None:
    _, quantized = _quantized(
        tmp_path,
        [helper.make_node("Conv", ["x", "W"], ["y"])],
        [1, 4, None],
        [numpy_helper.from_array(np.ones((8, 4, 3), dtype=np.float32), "W")],
    )
    model = onnx.load(str(quantized))
    scale = next(
        n for n in model.graph.node if n.op_type == "Mul" and any(i.endswith("scale") for i in n.input)
    )
    scale.op_type = "Div"  # no longer x_scale × W_scale
    with pytest.raises(SpeechError, match="not the expected one"):
        dequantize_weights(model)


def _snake() -> onnx.ModelProto:
    """Kokoro's Snake activation on y = αx: x + sin²(y) / α, here with α = 1."""
    return _model(
        [
            helper.make_node("Sin", ["x"], ["s"]),
            helper.make_node("Pow", ["s", "two"], ["y"]),
        ],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [None])],
        [numpy_helper.from_array(np.array(2.0, dtype=np.float32), "two")],
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-12_000, 12_000, width=32), min_size=1, max_size=50))
def test_the_snake_polynomial_is_sine_squared_to_float32s_rounding(values: list[float]) -> None:
    model = _snake()
    assert snake_as_polynomial(model) == 1
    assert "Sin" not in _kinds(model)
    x = np.array(values, dtype=np.float32)
    truth = np.sin(x.astype(np.float64)) ** 2
    assert np.abs(_run(model, x=x) - truth).max() < 2e-6


def test_the_snake_polynomial_holds_over_every_phase() -> None:
    model = _snake()
    snake_as_polynomial(model)
    x = np.linspace(-200, 200, 400_001, dtype=np.float32)
    assert np.abs(_run(model, x=x) - np.sin(x.astype(np.float64)) ** 2).max() < 2e-6


def test_a_sine_not_squared_is_left_alone() -> None:
    model = _model(
        [helper.make_node("Sin", ["x"], ["s"]), helper.make_node("Pow", ["s", "three"], ["y"])],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [None])],
        [numpy_helper.from_array(np.array(3.0, dtype=np.float32), "three")],
    )
    assert snake_as_polynomial(model) == 0
    assert _kinds(model) == ["Sin", "Pow"]


@pytest.mark.parametrize(("stride", "channels_in", "channels_out"), [(10, 12, 6), (6, 8, 5)])
def test_upsampling_is_a_convolution_per_phase(stride: int, channels_in: int, channels_out: int) -> None:
    """Kokoro's two upsamplers: kernel 2s, padding s/2 on each side, with a bias."""
    rng = np.random.default_rng(stride)
    model = _model(
        [
            helper.make_node(
                "ConvTranspose",
                ["x", "W", "B"],
                ["y"],
                strides=[stride],
                kernel_shape=[2 * stride],
                pads=[stride // 2] * 2,
            )
        ],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, channels_in, None])],
        [
            numpy_helper.from_array(
                rng.normal(size=(channels_in, channels_out, 2 * stride)).astype(np.float32), "W"
            ),
            numpy_helper.from_array(rng.normal(size=channels_out).astype(np.float32), "B"),
        ],
    )
    x = rng.normal(size=(1, channels_in, 37)).astype(np.float32)
    before = _run(model, x=x)
    assert upsampling_as_convolution(model) == 1
    assert "ConvTranspose" not in _kinds(model)
    after = _run(model, x=x)
    assert after.shape == before.shape == (1, channels_out, 37 * stride)
    assert np.abs(after - before).max() < 1e-4 * np.abs(before).max()


@pytest.mark.parametrize(
    ("attributes", "weights", "x_shape"),
    [
        # Kokoro's F0 and energy pools: grouped, with output padding
        (
            {"strides": [2], "kernel_shape": [3], "pads": [1, 1], "output_padding": [1], "group": 4},
            (4, 1, 3),
            [1, 4, None],
        ),
        (
            {"strides": [2, 2], "kernel_shape": [4, 4], "pads": [1, 1, 1, 1]},
            (4, 2, 4, 4),
            [1, 4, None, None],
        ),  # two-dimensional
        ({"strides": [4], "kernel_shape": [8], "pads": [1, 3]}, (4, 2, 8), [1, 4, None]),  # padded unevenly
    ],
)
def test_other_transposed_convolutions_are_left_alone(
    attributes: dict[str, Any], weights: tuple[int, ...], x_shape: list[int | None]
) -> None:
    model = _model(
        [helper.make_node("ConvTranspose", ["x", "W"], ["y"], **attributes)],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, x_shape)],
        [numpy_helper.from_array(np.ones(weights, dtype=np.float32), "W")],
    )
    assert upsampling_as_convolution(model) == 0
    assert _kinds(model) == ["ConvTranspose"]


def test_the_stft_is_a_convolution_with_the_dft_basis() -> None:
    """Kokoro's harmonic source: a 20-sample Hann window, hop 5, one-sided."""
    window = np.hanning(21)[:20].astype(np.float32)
    model = _model(
        [helper.make_node("STFT", ["x", "hop", "window", "length"], ["y"], onesided=1)],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, None, 1])],
        [
            numpy_helper.from_array(np.array(5, dtype=np.int64), "hop"),
            numpy_helper.from_array(window, "window"),
            numpy_helper.from_array(np.array(20, dtype=np.int64), "length"),
        ],
    )
    x = np.random.default_rng(3).normal(size=(1, 2403, 1)).astype(np.float32)
    before = _run(model, x=x)
    assert stft_as_convolution(model) == 1
    assert "STFT" not in _kinds(model)
    after = _run(model, x=x)
    assert after.shape == before.shape == (1, 477, 11, 2)
    assert np.abs(after - before).max() < 1e-4 * np.abs(before).max()


def _harmonic_increments(
    up: int, down: float, *, also_at_sample_rate: bool = False, nearest: str = "floor"
) -> onnx.ModelProto:
    """Kokoro's harmonic source: F0 repeated ``up`` times, × 9 harmonics / 24 kHz, modulo 1,
    then linearly resized by ``down``; the repeated F0's voicing is used at the sample rate."""
    nodes = [
        helper.make_node(
            "Resize",
            ["f0", "", "up"],
            ["samples"],
            mode="nearest",
            coordinate_transformation_mode="asymmetric",
            nearest_mode=nearest,
        ),
        helper.make_node("Mul", ["samples", "harmonics"], ["scaled"]),
        helper.make_node("Div", ["scaled", "rate"], ["turns"]),
        helper.make_node("Floor", ["turns"], ["whole"]),
        helper.make_node("Sub", ["turns", "whole"], ["fraction"]),
        helper.make_node(
            "Resize",
            ["fraction", "", "down"],
            ["y"],
            mode="linear",
            coordinate_transformation_mode="half_pixel",
        ),
        helper.make_node("Greater", ["samples", "threshold"], ["voiced"]),
    ]
    outputs = [helper.make_tensor_value_info(name, TensorProto.FLOAT, None) for name in ("y",)]
    outputs.append(helper.make_tensor_value_info("voiced", TensorProto.BOOL, None))
    if also_at_sample_rate:
        outputs.append(helper.make_tensor_value_info("turns", TensorProto.FLOAT, None))
    graph = helper.make_graph(
        nodes,
        "source",
        [helper.make_tensor_value_info("f0", TensorProto.FLOAT, [1, 1, None])],
        outputs,
        [
            numpy_helper.from_array(np.array([1, 1, up], dtype=np.float32), "up"),
            numpy_helper.from_array(np.array([1, 1, down], dtype=np.float32), "down"),
            numpy_helper.from_array(np.arange(1, 10, dtype=np.float32).reshape(1, 9, 1), "harmonics"),
            numpy_helper.from_array(np.array(24_000, dtype=np.float32), "rate"),
            numpy_helper.from_array(np.array(10, dtype=np.float32), "threshold"),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([2, 3, 300]), st.lists(st.floats(0, 600, width=32), min_size=1, max_size=1700))
def test_the_harmonics_phase_is_computed_at_the_frame_rate(factor: int, pitch: list[float]) -> None:
    f0 = np.array(pitch, dtype=np.float32).reshape(1, 1, -1)
    model = _harmonic_increments(factor, float(np.float32(1 / factor)))
    before = _outputs(model, f0=f0)
    assert phase_at_frame_rate(model) == 1
    after = _outputs(model, f0=f0)
    assert after[0].shape == before[0].shape == (1, 9, f0.shape[2])
    assert np.abs(after[0] - before[0]).max() <= 1e-6  # fractions of a turn: float32's rounding
    assert np.array_equal(after[1], before[1])  # the voicing still at the sample rate
    resized = [node for node in model.graph.node if node.op_type == "Resize"]
    assert len(resized) == 1 and resized[0].output[0] == "samples"  # only what the voicing needs


@pytest.mark.parametrize(
    ("up", "down", "also_at_sample_rate", "nearest"),
    [
        (300, np.float32(1 / 300), True, "floor"),  # needed at the sample rate too
        (3, np.float32(1 / 2), False, "floor"),  # brought down by another factor
        (2, np.float32(1 / 4), False, "floor"),
        (2, np.float32(1 / 2), False, "round_prefer_ceil"),  # samples are not copies of the frame before
    ],
)
def test_a_computation_needed_at_the_sample_rate_or_resized_otherwise_is_left_alone(
    up: int, down: float, also_at_sample_rate: bool, nearest: str
) -> None:
    model = _harmonic_increments(up, down, also_at_sample_rate=also_at_sample_rate, nearest=nearest)
    kinds = _kinds(model)
    assert phase_at_frame_rate(model) == 0
    assert _kinds(model) == kinds


def test_a_model_without_kokoros_patterns_is_refused_in_one_line() -> None:
    with pytest.raises(SpeechError, match="not the expected one: dequantize_weights found nothing"):
        rewrite_for_openvino(_snake())
