"""Kokoro's ONNX graph rewritten for OpenVINO: the same arithmetic, in operations it runs fast.

Each rewrite replaces a pattern of the pinned model with operations that compute the same values
(to float32 rounding), and returns how many it replaced. Why, measured with OpenVINO 2026.4's
per-node counters on one thread (the generator on a 6.75 s window, the prosody part on the
sample's longest piece):

- ``dequantize_weights``: the int8 model quantizes its convolutions' and matrix products'
  activations on the fly (ConvInteger, MatMulInteger), which no CPU runtime has fast kernels for.
  Written back as float operations with the int8 weights dequantized, they run in bfloat16; and
  OpenVINO's fusing (``runtime.FUSED``) fails on a part with integer matrix products.
- ``snake_as_polynomial``: the generator's 48 Snake activations, ``x + sin²(αx)/α``. OpenVINO runs
  Sin with a scalar reference kernel: 32% of the generator's time, and 21% more in the layout
  reorders around it. As a polynomial (``sin²`` has period π: reduced to ±π/2, then degree 11),
  the activation is plain arithmetic that OpenVINO fuses into one vectorized kernel per Snake.
- ``upsampling_as_convolution``: the generator's two upsampling transposed convolutions (stride 10
  and 6) fell back to a float32 GEMM, 16% of its time. Each is a convolution of three taps to
  ``stride`` times the channels, interleaved: one convolution per output phase.
- ``stft_as_convolution``: the harmonic source's STFT, a reference kernel: 22% of the prosody
  part. A convolution with the windowed DFT basis, stride the hop, computes the same sums.
- ``phase_at_frame_rate``: the harmonic source computed its phase increments at the sample rate
  only to bring them back to the frame rate; computed there, the part before the windows holds
  nothing at the sample rate (``windows`` applies it to the int8 model too).

What they gain together, and the runtimes' figures: this folder's README.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from audio_edition.speech.kokoro.graph import not_the_pinned_model

QUANTIZED = {"ConvInteger": "Conv", "MatMulInteger": "MatMul"}
"""Dynamically quantized operations and the float ones they stand for."""


class _Graph:
    """Lookups over an ``onnx.GraphProto``, and the edits the rewrites make to it."""

    def __init__(self, graph: Any) -> None:
        self.graph = graph
        self.producer = {output: node for node in graph.node for output in node.output}
        self.consumers: dict[str, list[Any]] = {}
        for node in graph.node:
            for name in node.input:
                self.consumers.setdefault(name, []).append(node)
        self.initializers = {i.name: i for i in graph.initializer}
        self._replacements: dict[int, list[Any]] = {}

    def constant(self, name: str) -> np.ndarray:
        from onnx import numpy_helper

        if name not in self.initializers:
            raise not_the_pinned_model(f"{name} is not a constant")
        return np.asarray(numpy_helper.to_array(self.initializers[name]))

    def add_constant(self, name: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        self.graph.initializer.append(numpy_helper.from_array(value, name))
        self.initializers[name] = self.graph.initializer[-1]
        return name

    def only_consumer(self, name: str, op_type: str) -> Any:
        found = self.consumers.get(name, [])
        if len(found) != 1 or found[0].op_type != op_type:
            raise not_the_pinned_model(f"{name} does not feed one {op_type}")
        return found[0]

    def replace(self, node: Any, nodes: list[Any]) -> None:
        """Put ``nodes`` where ``node`` is; nodes left without a consumer go when ``commit`` runs."""
        self._replacements[id(node)] = nodes

    def commit(self) -> int:
        """Apply the replacements, drop what no output needs; how many nodes were replaced."""
        nodes = [new for node in self.graph.node for new in self._replacements.get(id(node), [node])]
        needed = {output.name for output in self.graph.output}
        kept = []
        for node in reversed(nodes):
            if any(output in needed for output in node.output):
                kept.append(node)
                needed.update(name for name in node.input if name)
        kept.reverse()
        del self.graph.node[:]
        self.graph.node.extend(kept)
        live = [i for i in self.graph.initializer if i.name in needed]
        del self.graph.initializer[:]
        self.graph.initializer.extend(live)
        return len(self._replacements)


def dequantize_weights(model: Any) -> int:
    """Rewrite every dynamically quantized convolution and matrix product of ``model`` (an
    ``onnx.ModelProto``) as a float one, in place; the number rewritten.

    The pattern, as onnxruntime's quantizer writes it: DynamicQuantizeLinear(x) → ConvInteger or
    MatMulInteger(xq, Wq, x_zp, W_zp) → [Add(bias / (x_scale × W_scale), floored)] → Cast(float)
    → Mul(x_scale × W_scale). It becomes Conv(x, (Wq − W_zp) × W_scale, bias) or MatMul(x, (Wq −
    W_zp) × W_scale). A pattern that does not match raises ``SpeechError``: not the pinned model.
    """
    from onnx import helper

    graph = _Graph(model.graph)
    for node in [n for n in model.graph.node if n.op_type in QUANTIZED]:
        quantize = graph.producer.get(node.input[0])
        if quantize is None or quantize.op_type != "DynamicQuantizeLinear":
            raise not_the_pinned_model(f"{node.name} has no dynamic quantization")
        weights = graph.constant(node.input[1]).astype(np.float32)
        zero_point = (
            graph.constant(node.input[3]).astype(np.float32) if len(node.input) > 3 and node.input[3] else 0.0
        )
        bias: str | None = None
        after = graph.consumers.get(node.output[0], [])
        if node.op_type == "ConvInteger" and len(after) == 1 and after[0].op_type == "Add":
            # the bias, quantized with the scales: use the float one
            add = after[0]
            other = add.input[1] if add.input[0] == node.output[0] else add.input[0]
            chain = [graph.producer.get(other)]
            for _ in range(3):  # Reshape ← Cast ← Floor ← Div(bias, scale)
                link = chain[-1]
                chain.append(graph.producer.get(link.input[0]) if link is not None else None)
            kinds = tuple(n.op_type if n is not None else "" for n in chain)
            divide = chain[-1]
            if (
                kinds != ("Reshape", "Cast", "Floor", "Div")
                or divide is None
                or divide.input[0] not in graph.initializers
            ):
                raise not_the_pinned_model(f"{node.name}'s bias is {kinds}")
            bias = divide.input[0]
            cast = graph.only_consumer(add.output[0], "Cast")
        else:
            cast = graph.only_consumer(node.output[0], "Cast")
        scale_mul = graph.only_consumer(cast.output[0], "Mul")
        scales = graph.producer.get(next(i for i in scale_mul.input if i != cast.output[0]))
        weight_scales = [i for i in scales.input if i in graph.initializers] if scales is not None else []
        if scales is None or scales.op_type != "Mul" or len(weight_scales) != 1:
            raise not_the_pinned_model(f"{node.name}'s scale is not x_scale × W_scale")
        float_weights = graph.add_constant(
            f"{node.input[1]}_float",
            (weights - zero_point) * graph.constant(weight_scales[0]).astype(np.float32),
        )
        float_node = helper.make_node(
            QUANTIZED[node.op_type],
            [quantize.input[0], float_weights, *([bias] if bias else [])],
            [scale_mul.output[0]],
            name=f"{node.name}_float",
        )
        float_node.attribute.extend(node.attribute)
        graph.replace(scale_mul, [float_node])
    return graph.commit()


SINE_TERMS = tuple((-1) ** k / math.factorial(2 * k + 1) for k in range(1, 6))
"""sin(r) = r + r·Σ c_k r^2k for k = 1..5 (Taylor): within 6e-8 for |r| ≤ π/2, float32's own rounding."""
PI_HIGH = round(math.pi * 2**10) / 2**10
PI_LOW = math.pi - PI_HIGH
"""π split in two (Cody and Waite): k × ``PI_HIGH`` is exact in float32 for k < 2¹², so y − kπ keeps
its digits for |y| up to ~12,000."""


def snake_as_polynomial(model: Any) -> int:
    """Rewrite every ``Pow(Sin(y), 2)`` of ``model`` as arithmetic: sin²(y) = sin²(y − kπ), k the
    nearest whole number to y/π, and sin of that by its Taylor polynomial; the number rewritten."""
    from onnx import helper

    graph = _Graph(model.graph)
    names = {
        "inverse_pi": np.float32(1 / math.pi),
        "half": np.float32(0.5),
        "pi_high": np.float32(PI_HIGH),
        "pi_low": np.float32(PI_LOW),
        **{f"term{k}": np.float32(c) for k, c in enumerate(SINE_TERMS, start=1)},
    }
    constants: dict[str, str] = {}
    rewritten = 0
    for sine in [n for n in model.graph.node if n.op_type == "Sin"]:
        users = graph.consumers.get(sine.output[0], [])
        if len(users) != 1 or users[0].op_type != "Pow" or users[0].input[0] != sine.output[0]:
            continue
        square = users[0]
        if square.input[1] not in graph.initializers or float(graph.constant(square.input[1])) != 2.0:
            continue
        if not constants:
            constants = {
                key: graph.add_constant(f"snake/{key}", np.array(value)) for key, value in names.items()
            }
        nodes: list[Any] = []
        prefix = f"{sine.name}/polynomial"

        # op is called only in this iteration, so it may read this iteration's nodes and prefix.
        def op(kind: str, *inputs: str, output: str | None = None) -> str:
            name = output or f"{prefix}/{len(nodes)}"  # noqa: B023
            nodes.append(helper.make_node(kind, list(inputs), [name], name=f"{prefix}/{len(nodes)}"))  # noqa: B023
            return name

        y = sine.input[0]
        turns = op("Floor", op("Add", op("Mul", y, constants["inverse_pi"]), constants["half"]))
        reduced = op(
            "Sub", op("Sub", y, op("Mul", turns, constants["pi_high"])), op("Mul", turns, constants["pi_low"])
        )
        squared = op("Mul", reduced, reduced)
        series = constants[f"term{len(SINE_TERMS)}"]
        for k in range(len(SINE_TERMS) - 1, 0, -1):  # Horner's rule
            series = op("Add", op("Mul", series, squared), constants[f"term{k}"])
        sin = op("Add", op("Mul", op("Mul", series, squared), reduced), reduced)
        op("Mul", sin, sin, output=square.output[0])
        graph.replace(sine, nodes)
        graph.replace(square, [])
        rewritten += 1
    graph.commit()
    return rewritten


def upsampling_as_convolution(model: Any) -> int:
    """Rewrite each transposed convolution of ``model`` that upsamples by its stride s (kernel 2s,
    padding s/2 each side, one group) as a convolution of three taps to s × the output channels,
    interleaved; the number rewritten.

    Output column m·s + φ of the transposed convolution sums input columns m − 1, m and m + 1
    through kernel taps (1 − tap)·s + φ + padding: so output phase φ is an ordinary convolution.
    """
    from onnx import helper

    graph = _Graph(model.graph)
    for node in [n for n in model.graph.node if n.op_type == "ConvTranspose"]:
        attributes = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        if (
            attributes.get("group", 1) != 1
            or node.input[1] not in graph.initializers
            or attributes.get("output_padding")
        ):
            continue
        strides, kernels, pads = (
            attributes.get("strides", []),
            attributes.get("kernel_shape", []),
            attributes.get("pads", []),
        )
        if len(strides) != 1 or len(kernels) != 1 or len(pads) != 2 or pads[0] != pads[1]:
            continue  # not one-dimensional, or padded unevenly
        (stride,), (kernel,), pad = strides, kernels, pads[0]
        if kernel != 2 * stride or kernel - 2 * pad != stride:
            continue
        weights = graph.constant(node.input[1]).astype(np.float32)  # (in, out, kernel)
        channels_in, channels_out, _ = weights.shape
        phases = np.zeros((stride, channels_out, channels_in, 3), dtype=np.float32)
        for phase in range(stride):
            for tap in range(3):
                at = (1 - tap) * stride + phase + pad
                if 0 <= at < kernel:
                    phases[phase, :, :, tap] = weights[:, :, at].T
        prefix = f"{node.name}/phases"
        inputs = [
            node.input[0],
            graph.add_constant(f"{prefix}/weights", phases.reshape(stride * channels_out, channels_in, 3)),
        ]
        if len(node.input) > 2 and node.input[2]:
            inputs.append(
                graph.add_constant(
                    f"{prefix}/bias", np.tile(graph.constant(node.input[2]).astype(np.float32), stride)
                )
            )
        by_phase = graph.add_constant(
            f"{prefix}/by_phase", np.array([1, stride, channels_out, -1], dtype=np.int64)
        )
        joined = graph.add_constant(f"{prefix}/joined", np.array([1, channels_out, -1], dtype=np.int64))
        graph.replace(
            node,
            [
                helper.make_node(
                    "Conv", inputs, [f"{prefix}/conv"], name=f"{prefix}/conv", kernel_shape=[3], pads=[1, 1]
                ),
                helper.make_node(
                    "Reshape", [f"{prefix}/conv", by_phase], [f"{prefix}/split"], name=f"{prefix}/split"
                ),
                helper.make_node(
                    "Transpose",
                    [f"{prefix}/split"],
                    [f"{prefix}/interleaved"],
                    name=f"{prefix}/interleave",
                    perm=[0, 2, 3, 1],
                ),
                helper.make_node(
                    "Reshape", [f"{prefix}/interleaved", joined], [node.output[0]], name=f"{prefix}/join"
                ),
            ],
        )
    return graph.commit()


def stft_as_convolution(model: Any) -> int:
    """Rewrite each one-sided STFT of a real signal in ``model`` with a constant hop, window and
    length as a convolution with the windowed DFT basis; the number rewritten."""
    from onnx import helper

    graph = _Graph(model.graph)
    for node in [n for n in model.graph.node if n.op_type == "STFT"]:
        attributes = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        if (
            attributes.get("onesided", 1) != 1
            or len(node.input) < 3
            or not all(i in graph.initializers for i in node.input[1:3])
        ):
            continue
        hop = int(graph.constant(node.input[1]))
        window = graph.constant(node.input[2]).astype(np.float64)
        length = len(window)
        if len(node.input) > 3 and node.input[3] and int(graph.constant(node.input[3])) != length:
            continue
        bins = length // 2 + 1
        angle = 2 * np.pi * np.outer(np.arange(bins), np.arange(length)) / length
        basis = np.concatenate([window * np.cos(angle), -window * np.sin(angle)])  # real rows, then imaginary
        basis = np.where(np.abs(basis) < 1e-9, 0.0, basis).astype(np.float32)  # sin(πn) is 1e-16, not 0
        # The DC and Nyquist bins have no imaginary part. Kokoro was trained on torch.angle, which
        # reads +0 there as a phase of 0 or +π; its exported graph takes a phase of −π for 0, and
        # onnxruntime's STFT leaves ±1e-7 of rounding, so either sign. A tiny positive imaginary
        # part gives what the model was trained on, every time.
        positive_zero = np.zeros(2 * bins, dtype=np.float32)
        positive_zero[[bins, 2 * bins - 1]] = np.float32(1e-30)
        prefix = f"{node.name}/convolution"
        as_channel = graph.add_constant(f"{prefix}/as_channel", np.array([1, 1, -1], dtype=np.int64))
        by_part = graph.add_constant(f"{prefix}/by_part", np.array([1, 2, bins, -1], dtype=np.int64))
        graph.replace(
            node,
            [
                helper.make_node(
                    "Reshape", [node.input[0], as_channel], [f"{prefix}/signal"], name=f"{prefix}/signal"
                ),
                helper.make_node(
                    "Conv",
                    [
                        f"{prefix}/signal",
                        graph.add_constant(f"{prefix}/basis", basis.reshape(2 * bins, 1, length)),
                        graph.add_constant(f"{prefix}/positive_zero", positive_zero),
                    ],
                    [f"{prefix}/sums"],
                    name=f"{prefix}/sums",
                    kernel_shape=[length],
                    strides=[hop],
                ),
                helper.make_node(
                    "Reshape", [f"{prefix}/sums", by_part], [f"{prefix}/parts"], name=f"{prefix}/parts"
                ),
                # ONNX's STFT gives (batch, frames, bins, real/imaginary)
                helper.make_node(
                    "Transpose",
                    [f"{prefix}/parts"],
                    [node.output[0]],
                    name=f"{prefix}/frames",
                    perm=[0, 3, 2, 1],
                ),
            ],
        )
    return graph.commit()


POINTWISE = frozenset({"Add", "Sub", "Mul", "Div", "Floor"})
"""Operations that act on each value alone (``phase_at_frame_rate`` moves them between rates)."""


def phase_at_frame_rate(model: Any) -> int:
    """Rewrite each pointwise computation that a nearest Resize upsamples by s and a linear Resize
    brings back down by s as the same computation at the lower rate; the number rewritten.

    Kokoro's harmonic source does this to its phase increments: F0, 80 frames a second, is repeated
    300 times to the sample rate, multiplied by the harmonics, taken modulo 1, and brought back to
    the frame rate for its cumulative sum. The linear Resize (half-pixel) reads samples s·i + s/2
    − 1 and s·i + s/2, both copies of frame i: so the values are frame i's, computed without
    nine channels of 300 copies (17 MB for each of five tensors on a 20 s piece).
    """
    from onnx import helper

    graph = _Graph(model.graph)

    def attributes(node: Any) -> dict[str, Any]:
        return {a.name: helper.get_attribute_value(a) for a in node.attribute}

    def scales(node: Any) -> np.ndarray | None:
        if (
            len(node.input) < 3
            or node.input[2] not in graph.initializers
            or (len(node.input) > 3 and node.input[3])
        ):
            return None
        return graph.constant(node.input[2]).astype(np.float64)

    def per_frame(name: str) -> bool:
        """A constant that is the same along the resized (last) axis."""
        return name in graph.initializers and (
            graph.constant(name).ndim == 0 or graph.constant(name).shape[-1] == 1
        )

    rewritten = 0
    for down in [n for n in model.graph.node if n.op_type == "Resize"]:
        found = attributes(down)
        factors = scales(down)
        if (
            found.get("mode") != b"linear"
            or found.get("coordinate_transformation_mode") != b"half_pixel"
            or factors is None
        ):
            continue
        chain: dict[str, Any] = {}  # output name → pointwise node, from ``down`` back to the upsampling
        pending, up, other = [down.input[0]], None, False
        while pending and not other:
            node = graph.producer.get(pending.pop())
            if node is not None and node.op_type == "Resize" and (up is None or up is node):
                up = node
            elif node is not None and node.op_type in POINTWISE:
                if node.output[0] not in chain:
                    chain[node.output[0]] = node
                    pending.extend(i for i in node.input if not per_frame(i))
            else:
                other = True  # an input, or an operation that is not pointwise
        if other or up is None or not chain:
            continue
        upsampling = scales(up)
        found_up = attributes(up)
        if (
            found_up.get("mode", b"nearest"),
            found_up.get("coordinate_transformation_mode"),
            found_up.get("nearest_mode"),
        ) != (
            b"nearest",
            b"asymmetric",
            b"floor",
        ):
            continue  # sample j is not a copy of frame ⌊j / s⌋
        if (
            upsampling is None
            or upsampling.shape != factors.shape
            or np.any(upsampling[:-1] != 1)
            or np.any(factors[:-1] != 1)
        ):
            continue
        factor = upsampling[-1]
        if factor != round(factor) or factor < 1 or abs(factors[-1] * factor - 1) > 1e-6:
            continue
        given = {output.name for output in model.graph.output}
        if any(
            name in given
            or any(c is not down and c.output[0] not in chain for c in graph.consumers.get(name, []))
            for name in chain
        ):
            continue  # a value of the chain is used at the higher rate too
        for node in chain.values():
            at_frame_rate = helper.make_node(
                node.op_type,
                [up.input[0] if i == up.output[0] else i for i in node.input],
                list(node.output),
                name=node.name,
            )
            at_frame_rate.attribute.extend(node.attribute)
            graph.replace(node, [at_frame_rate])
        graph.replace(
            down,
            [
                helper.make_node(
                    "Identity", [down.input[0]], [down.output[0]], name=f"{down.name}/at_frame_rate"
                )
            ],
        )
        rewritten += 1
    graph.commit()
    return rewritten


REWRITES: tuple[Callable[[Any], int], ...] = (
    dequantize_weights,
    snake_as_polynomial,
    upsampling_as_convolution,
    stft_as_convolution,
    phase_at_frame_rate,
)
"""What ``rewrite_for_openvino`` applies, in order."""


def rewrite_for_openvino(model: Any) -> None:
    """Apply every rewrite to ``model`` (the pinned int8 model, as an ``onnx.ModelProto``), in place.

    Each must find its pattern: a model where one finds none is not the pinned one (``SpeechError``).
    """
    for rewrite in REWRITES:
        if rewrite(model) == 0:
            raise not_the_pinned_model(f"{rewrite.__name__} found nothing to rewrite")
