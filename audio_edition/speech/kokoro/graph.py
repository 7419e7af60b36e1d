"""Kokoro's ONNX graph cut into parts at named tensors, each part a model of its own.

The pinned model (``assets``) runs in one call (``runtime.whole_model_runner``), but the engine runs
it in parts: what works at the sample rate runs in windows (``windows``), and the float model for
OpenVINO runs each part in its own precision (``float_model``). Both cut at the tensors named
here; a model without them is not the pinned one. The pipeline: this folder's README.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from audio_edition.errors import SpeechError

F0 = "/encoder/Reshape_output_0"
"""The predicted pitch, 80 frames a second."""
ENERGY = "/encoder/Reshape_1_output_0"
"""The predicted energy, 80 frames a second: low where the voice pauses."""
PHASE = "/decoder/decoder/generator/m_source/l_sin_gen/Mul_4_output_0"
"""The harmonic source's phase for each of its 9 harmonics, 80 frames a second: a running sum over
the whole piece, which the source interpolates to the sample rate before taking its sine. Computed
at the frame rate only once ``rewrites.phase_at_frame_rate`` has rewritten the model."""
SOURCE = (
    "/decoder/decoder/generator/noise_convs.0/Conv_output_0",
    "/decoder/decoder/generator/noise_convs.1/Conv_output_0",
)
"""The harmonic source made from F0, as the generator's two upsampling stages take it (10 and
60 columns per frame; the second has one more, at its start)."""
GENERATOR_INPUT = "/decoder/decoder/decode.3/Div_4_output_0"
"""What the decoder's blocks hand the generator: 512 channels, 80 frames a second."""
BEFORE_POST = "/decoder/decoder/generator/LeakyRelu_2_output_0"
"""The generator's last features (60 columns per frame, plus one), before its last convolution
and the inverse STFT."""

_SHAPES: dict[str, list[int | str]] = {
    SOURCE[0]: [1, 256, "source"],
    SOURCE[1]: [1, 128, "samples"],
    BEFORE_POST: [1, 128, "samples"],
}
"""Shapes ONNX's shape inference leaves unknown at the cuts (OpenVINO needs at least the rank)."""


def not_the_pinned_model(why: str) -> SpeechError:
    """The one error for a model whose graph is not the pinned one's, saying ``why``."""
    return SpeechError(f"the Kokoro model is not the expected one: {why}")


@dataclass(frozen=True)
class Cut:
    """Where the graph is cut for one part of the model: the tensors the part takes and gives, and
    how it runs. (A part's file on disk is a ``runtime.ModelPart``.)"""

    name: str
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]
    float32: bool = False
    """Must not run in bfloat16: the float model (``float_model``) makes it for onnxruntime, not OpenVINO."""
    in_windows: bool = False
    """Run window by window (``windows``), not over the whole piece at once."""


def cut_graph(model: Any, cuts: tuple[Cut, ...]) -> list[Any]:
    """``model`` (an ``onnx.ModelProto``) cut into one model per cut of ``cuts``, in order.

    Each cut's model computes its outputs from its inputs alone; a model that does not hold
    those tensors, or would need others, raises ``SpeechError``: it is not the pinned model.
    """
    from onnx import helper
    from onnx.utils import Extractor

    try:
        extractor = Extractor(model)
    except Exception as error:  # onnx's shape inference raises several kinds
        raise not_the_pinned_model(str(error)) from error
    parts = []
    for cut in cuts:
        try:
            part = extractor.extract_model(list(cut.inputs), list(cut.outputs))
        except ValueError as error:  # a tensor it does not have
            raise not_the_pinned_model(str(error)) from error
        known = {i.name for i in part.graph.input} | {i.name for i in part.graph.initializer}
        known |= {output for node in part.graph.node for output in node.output}
        missing = sorted(
            {name for node in part.graph.node for name in node.input if name and name not in known}
        )
        if missing:
            raise not_the_pinned_model(f"its {cut.name} needs {', '.join(missing)}")
        for values in (part.graph.input, part.graph.output):
            for index, value in enumerate(list(values)):
                if value.name in _SHAPES and not value.type.tensor_type.HasField("shape"):
                    shaped = helper.make_tensor_value_info(
                        value.name, value.type.tensor_type.elem_type, _SHAPES[value.name]
                    )
                    del values[index]
                    values.insert(index, shaped)
        parts.append(part)
    return parts
