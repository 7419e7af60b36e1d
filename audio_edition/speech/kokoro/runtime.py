"""Where Kokoro's model runs: onnxruntime on the int8 model, or OpenVINO for the generator, or the whole model uncut.

``choose_runtime`` decides once per engine (``auto``, ``onnxruntime`` or ``openvino``, and the
plain whole-model path where the model cannot be cut); ``start_runner`` starts its workers. Which
part runs where, why, and what each choice measured: this folder's README.md.

Either way each worker runs its pieces on one thread with the same kernels, so the samples never
depend on how many workers there are, and the same text and voice give the same bytes every time
on the same runtime. The runtime and its precision are part of the engine's version, so the speech
cache never mixes them.
"""

from __future__ import annotations

import ctypes
import functools
import importlib
import importlib.util
import os
import queue
import sys
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

from audio_edition.errors import ConfigError, SpeechError
from audio_edition.speech.kokoro.windows import INT8_CUTS, speak_in_windows, windowed_parts

Audio = npt.NDArray[np.float32]

Runtime = Literal["onnxruntime", "openvino"]
"""What runs a model part."""
Precision = Literal["int8", "bf16", "f32"]
"""What the kernels compute in: the int8 model's, or OpenVINO's bfloat16 or float32."""

RUNTIMES = ("auto", "onnxruntime", "openvino")
"""What ``[speech] kokoro_runtime`` and ``AUDIO_EDITION_KOKORO_RUNTIME`` accept; the first is the
default: ``openvino`` where OpenVINO is installed and its model made, else ``onnxruntime``."""

MEMORY: dict[Runtime, tuple[int, int]] = {
    "onnxruntime": (400 * 1024**2, 300 * 1024**2),
    "openvino": (400 * 1024**2, 450 * 1024**2),
}
"""Runtime → (bytes the loaded model needs, bytes each worker adds at its peak), measured on the
sample edition (``benchmarks/speech.py``): they bound the workers to what the free memory holds."""


class Runner(Protocol):
    """Speaks token sequences on a fixed set of workers."""

    def speak(self, tokens: tuple[int, ...], style: npt.NDArray[np.float32], speed: float) -> Future[Audio]:
        """The model's audio for ``tokens`` (without the pads), spoken on the next free worker."""
        ...


@dataclass(frozen=True)
class ModelPart:
    """One model file; a model made in parts runs them in order, each one's outputs feeding the next."""

    path: Path
    runtime: Runtime = "openvino"
    """What runs it: ``openvino`` (in the fast precision) or ``onnxruntime`` (float32, or int8 weights)."""
    in_windows: bool = False
    """Run window by window (``windows``): a part working at the sample rate, whose memory
    would grow with a piece."""


@dataclass(frozen=True)
class RuntimeChoice:
    """The runtime a Kokoro engine uses, in which precision, on which model files."""

    name: Runtime
    precision: Precision
    """``int8``, ``bf16`` or ``f32``: with the runtime, the part of the engine's version that names the kernels."""
    int8_model: Path
    """The pinned model: its front always runs on onnxruntime, and on ``onnxruntime`` the rest too."""
    parts: tuple[ModelPart, ...]
    """On ``openvino``, the float model's parts that run in windows after the int8 model's front."""
    model_digest: str
    whole: bool = False
    """The int8 model in one call (``whole_model_runner``), not cut: where it cannot be (``can_cut_graph``)."""


def worker_count(runtime: Runtime, requested: int | None = None) -> int:
    """Workers to run at once: one per core, as many as the free memory holds, at least one."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    available = _available_memory()
    model, worker = MEMORY[runtime]
    by_memory = max(1, (available - model) // worker) if available else cores
    return max(1, min(requested or cores, cores, by_memory))


def _available_memory() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def import_openvino() -> ModuleType:
    """The ``openvino`` package, imported without its telemetry (``ImportError`` where it is not installed).

    Importing openvino starts its converter's telemetry (``openvino_telemetry``), which forks a
    process to send usage events to Google Analytics: a network call this tool never makes, from a
    child that inherits every open file, the output folder's lock included (a second build in the
    same process then found the folder in use). Where that package cannot be imported, openvino
    uses its own stub, which sends nothing: so it is hidden, for this process, before openvino loads.
    """
    if "openvino" not in sys.modules:
        sys.modules.setdefault("openvino_telemetry", None)  # type: ignore[arg-type]  # None: "not importable"
    return importlib.import_module("openvino")


@functools.cache
def bfloat16_cpu() -> bool:
    """True when OpenVINO is installed and finds bfloat16 instructions on this CPU."""
    try:
        ov = import_openvino()
    except ImportError:
        return False
    try:
        return "BF16" in ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES")
    except Exception:  # OpenVINO's errors are untyped; no CPU plugin means no bfloat16
        return False


def can_cut_graph() -> bool:
    """True when the ``onnx`` package imports, which cutting and rewriting the model need; the
    whole model needs only onnxruntime."""
    try:
        import onnx  # noqa: F401
    except Exception:  # a broken install raises more than ImportError
        return False
    return True


def openvino_installed() -> bool:
    """True when the ``openvino`` package can be imported (found, not loaded: that takes a second)."""
    return importlib.util.find_spec("openvino") is not None


def openvino_precision() -> Precision:
    """What OpenVINO runs Kokoro in here: ``bf16`` where the CPU has it, else ``f32``."""
    return "bf16" if bfloat16_cpu() else "f32"


def model_inputs(tokens: tuple[int, ...], style: npt.NDArray[np.float32], speed: float) -> dict[str, Any]:
    """The model's inputs: the tokens between two pads, the style row for their count, the speed."""
    return {
        "tokens": np.array([[0, *tokens, 0]], dtype=np.int64),
        "style": style[len(tokens)],
        "speed": np.array([speed], dtype=np.float32),
    }


class _Pool:
    """One thread per worker, each worker with its own loaded parts (sessions, infer requests)."""

    def __init__(self, workers: list[list[tuple[PartRun, bool]]]) -> None:
        self._idle: queue.SimpleQueue[list[tuple[PartRun, bool]]] = queue.SimpleQueue()
        for parts in workers:
            self._idle.put(parts)
        self._pool = ThreadPoolExecutor(max_workers=len(workers), thread_name_prefix="kokoro-voice")

    def speak(self, tokens: tuple[int, ...], style: npt.NDArray[np.float32], speed: float) -> Future[Audio]:
        return self._pool.submit(self._speak, model_inputs(tokens, style, speed))

    def _speak(self, feed: dict[str, Any]) -> Audio:
        parts = self._idle.get()  # never waits: there are as many workers as pool threads
        try:
            return speak_in_parts(parts, feed)
        finally:
            self._idle.put(parts)


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
"""glibc's ``mallopt`` parameters (malloc.h)."""


def _return_large_blocks() -> None:
    """Have glibc hand blocks of 4 MB and more straight back to the system when freed.

    What an onnxruntime arena gives back after a run is freed to malloc; glibc's threshold for
    mapping blocks on their own rises to the largest one ever freed, so from then on tensors of
    tens of MB come from the heap, and the heap keeps them, fragmented: on the whole sample
    edition the peak RSS was 1.61 GB, with a fixed 4 MB threshold 1.27 GB, at RTF 0.447 and
    0.473 (within the 10% two runs differ by; ``benchmarks/speech.py``). A no-op where the C
    library is not glibc.
    """
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(_M_MMAP_THRESHOLD, 4 * 1024**2)  # setting it also stops it from rising
    mallopt(_M_TRIM_THRESHOLD, 8 * 1024**2)


PartRun = Callable[[Mapping[str, Any]], dict[str, Any]]
"""One loaded part of the model: takes the tensors it needs from those given, returns its outputs by name."""


def speak_in_parts(parts: Sequence[tuple[PartRun, bool]], feed: dict[str, Any]) -> Audio:
    """One piece's audio from the model's ``parts``, each loaded and whether it runs in windows:
    those over the whole piece in order, then the others, in order, window by window
    (``windows``)."""
    tensors = dict(feed)
    for run, in_windows in parts:
        if not in_windows:
            tensors.update(run(tensors))
    windowed = [run for run, in_windows in parts if in_windows]
    if not windowed:  # the whole model: its audio is already there
        return np.asarray(tensors["audio"], dtype=np.float32).reshape(-1)

    def speak_window(inputs: dict[str, Any]) -> Any:
        for run in windowed:
            inputs.update(run(inputs))
        return inputs["audio"]

    return speak_in_windows(tensors, speak_window)


def onnxruntime_runner(model: Path, count: int) -> Runner:
    """``count`` workers of one thread each on the int8 ``model``, cut into ``windows``'
    parts: what works at the sample rate runs in windows of ~5 s, so a long piece needs no more
    memory than a short one."""
    return _runner(model, (), count, "int8")


def whole_model_runner(model: Path, count: int) -> Runner:
    """``count`` workers of one thread each on the int8 ``model`` run whole, as shipped: no cut,
    no rewrite, no ``onnx`` import (what kokoro-onnx does). The engine's path where the model cannot
    be cut, and what the cut and rewritten parts are tested against. A piece's memory grows with its
    length here (the windows are what bound it)."""
    _return_large_blocks()
    runs = _onnxruntime_loader(count)(model, model)
    return _Pool([[(run, False)] for run in runs])


def openvino_runner(
    int8_model: Path, parts: tuple[ModelPart, ...], count: int, precision: Precision
) -> Runner:
    """``count`` workers of one thread each: the int8 model's front on onnxruntime, then the float
    model's ``parts`` in windows, each on its runtime (OpenVINO's in ``precision``)."""
    return _runner(int8_model, parts, count, precision)


def _runner(int8_model: Path, parts: tuple[ModelPart, ...], count: int, precision: Precision) -> Runner:
    _return_large_blocks()  # before the model is read and cut: those buffers are given back too
    # The int8 model's front always; the rest of it only when no float parts take its place.
    serialized = windowed_parts(int8_model, INT8_CUTS if not parts else INT8_CUTS[:1])
    loaders: dict[Runtime, Callable[[Any, Path], list[PartRun]]] = {"onnxruntime": _onnxruntime_loader(count)}
    if any(part.runtime == "openvino" for part in parts):
        loaders["openvino"] = _openvino_loader(count, precision)
    loaded = [
        (loaders["onnxruntime"](model, int8_model), cut.in_windows)
        for model, cut in zip(serialized, INT8_CUTS)
    ]
    del serialized
    for part in parts:
        loaded.append((loaders[part.runtime](part.path, part.path), part.in_windows))
    workers = [[(runs[worker], in_windows) for runs, in_windows in loaded] for worker in range(count)]
    return _Pool(workers)


def _onnxruntime_loader(count: int) -> Callable[[bytes | Path, Path], list[PartRun]]:
    """Loads a model for onnxruntime: one session of one thread per worker."""
    import onnxruntime as ort  # loaded with the first Kokoro build, not with the package

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1  # fixed: the kernels (and so the samples) never vary
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3  # its warnings about unused initializers are not ours
    # Each session's arena would keep what its longest run needed, long after. Given back after
    # every run, the peak is what runs at once (benchmarks/speech.py).
    after_each = ort.RunOptions()
    after_each.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")

    def load(model: bytes | Path, named: Path) -> list[PartRun]:
        try:
            sessions = [
                ort.InferenceSession(
                    model if isinstance(model, bytes) else str(model),
                    options,
                    providers=["CPUExecutionProvider"],
                )
                for _ in range(count)
            ]
        except Exception as error:  # onnxruntime raises its own (untyped) exceptions
            raise SpeechError(f"cannot load the Kokoro model {named}: {error}") from error
        return [_session_run(session, after_each) for session in sessions]

    return load


def _session_run(session: Any, options: Any) -> PartRun:
    takes = [port.name for port in session.get_inputs()]
    gives = [port.name for port in session.get_outputs()]
    return lambda tensors: dict(
        zip(gives, session.run(gives, {name: tensors[name] for name in takes}, options))
    )


def _openvino_loader(count: int, precision: Precision) -> Callable[[Path, Path], list[PartRun]]:
    """Compiles a model for OpenVINO in ``precision``: ``count`` streams of one thread, one per worker."""
    # Every piece gives a part new shapes, and OpenVINO keeps the kernels and buffers it made for
    # each one: on the sample edition that grew to 8.9 GB. Nothing is reused across pieces anyway,
    # so keep none (OpenVINO's shape cache) or few (oneDNN's, read from the environment when the
    # plugin first builds a kernel). Same kernels: same samples.
    os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "16")
    ov = import_openvino()

    config = {
        "NUM_STREAMS": count,
        "INFERENCE_NUM_THREADS": count,
        "CPU_RUNTIME_CACHE_CAPACITY": 0,
        "INFERENCE_PRECISION_HINT": precision,
    }
    core = ov.Core()

    def load(model: Path, named: Path) -> list[PartRun]:
        try:
            compiled = _compile(core, model, config, fused=True)
            requests = [compiled.create_infer_request() for _ in range(count)]
        except Exception as error:  # OpenVINO's errors are untyped
            raise SpeechError(f"cannot load the Kokoro model {named} on OpenVINO: {error}") from error
        takes = [port.get_any_name() for port in compiled.inputs]
        gives = [port.get_names() for port in compiled.outputs]
        return [_request_run(request, takes, gives) for request in requests]

    return load


def _request_run(request: Any, takes: list[str], gives: list[set[str]]) -> PartRun:
    def run(tensors: Mapping[str, Any]) -> dict[str, Any]:
        request.infer({name: tensors[name] for name in takes})  # copies them in
        # The request's own buffers, overwritten by its next run: read before then.
        return {
            name: request.get_output_tensor(index).data for index, names in enumerate(gives) for name in names
        }

    return run


FUSED = {"SNIPPETS_MODE": "IGNORE_CALLBACK"}
"""OpenVINO's CPU plugin fuses runs of arithmetic into one vectorized kernel ("snippets"), but on
dynamic shapes only when told to. Kokoro's Snake activations are such runs (``rewrites``):
unfused, each of their ~20 operations is a pass of its own, rounded to bfloat16; fused, one pass
in float32, and the generator's window took 1.11 s by OpenVINO's counters instead of 1.59 s
(measured before the upsampling was rewritten)."""


def _compile(core: Any, path: Path, config: dict[str, Any], *, fused: bool) -> Any:
    """``path`` compiled for the CPU; ``fused``: with ``FUSED``, where this OpenVINO takes it."""
    if fused:
        try:
            return core.compile_model(str(path), "CPU", {**config, **FUSED})
        except (
            Exception
        ):  # an OpenVINO without the setting, or that cannot fuse this part: compile it plainly
            pass
    return core.compile_model(str(path), "CPU", config)


def choose_runtime(
    asked: str,
    int8_model: Path,
    int8_digest: str,
    float_model: Callable[[], tuple[tuple[ModelPart, ...], str] | None],
) -> RuntimeChoice:
    """The runtime ``asked`` for (one of ``RUNTIMES``).

    ``openvino`` needs the float model made and verified (``float_model`` returns its parts and
    digest, or None: then a ``SpeechError`` naming the install command); it runs in bfloat16
    where the CPU has it, else in float32. ``auto`` is ``openvino`` where that would work, else
    ``onnxruntime``. Where the model cannot be cut (``can_cut_graph``), ``onnxruntime`` and ``auto``
    run it whole (``whole_model_runner``) and ``openvino`` is a ``ConfigError``.
    """
    if asked not in RUNTIMES:
        raise ConfigError(f"unknown Kokoro runtime {asked!r}; choose one of: {', '.join(RUNTIMES)}")
    if asked == "openvino" and not openvino_installed():
        raise ConfigError(
            "Kokoro on OpenVINO needs the openvino package: pip install 'audio-edition[openvino]'"
        )
    if not can_cut_graph():  # the plain path: still speaks, in more memory on long pieces
        if asked == "openvino":
            raise ConfigError(
                "Kokoro on OpenVINO needs the onnx package to cut its model: pip install 'onnx>=1.16'"
            )
        return RuntimeChoice("onnxruntime", "int8", int8_model, (), int8_digest, whole=True)
    found = float_model() if asked == "openvino" or (asked == "auto" and openvino_installed()) else None
    if found is not None:
        return RuntimeChoice("openvino", openvino_precision(), int8_model, *found)
    if asked == "openvino":
        raise SpeechError(
            "the Kokoro model for OpenVINO is not made or is damaged; run: audio-edition voices install kokoro --openvino"
        )
    return RuntimeChoice("onnxruntime", "int8", int8_model, (), int8_digest)


def start_runner(choice: RuntimeChoice, count: int) -> Runner:
    """The workers for ``choice``."""
    if choice.whole:
        return whole_model_runner(choice.int8_model, count)
    return _runner(choice.int8_model, choice.parts, count, choice.precision)
