"""Where Kokoro's model runs: onnxruntime on the int8 model, or OpenVINO on the float model.

Measured on the whole sample edition, 2 workers on 2 cores (``benchmarks/speech.py``) and on 40
of its sentences transcribed by Whisper (``benchmarks/intelligibility.py``):

- ``onnxruntime`` (the default): the pinned int8 model in three parts, its generator in windows
  of about 5 s (``kokoro_windows``). RTF 0.473, peak RSS 1.27 GB (run whole: 0.483 and 1.77 GB;
  0.51 and 1.38 GB on a slower day), character error rate 0.158 (these sentences fit one
  window, so they are spoken as whole).
- ``openvino``, asked for by name: the float model (``kokoro_float``) in four parts, the
  decoder's and generator's convolutions in bfloat16 where the CPU has it (AMX or AVX-512 BF16),
  the prosody, the harmonic source and the waveform in float32, the generator in the same windows;
  the operations OpenVINO ran slowly rewritten as ones it runs fast (``kokoro_rewrites``). RTF
  0.25 (2.0x faster: int8 was 0.51 on that slower day), character error rate 0.157 (0.167 for
  int8 in the same run), but a peak RSS of 3.3 GB: on dynamic shapes each part keeps a buffer
  for every tensor, sized to the longest piece it saw. Wholly in bfloat16 it misheard 28% of the
  characters: the pitch, so the tones.

Either way each worker runs its pieces on one thread with the same kernels, so the samples never
depend on how many workers there are, and the same text and voice give the same bytes every time
on the same runtime. The runtime and its precision are part of the engine's version, so the speech
cache never mixes them.
"""

from __future__ import annotations

import ctypes
import functools
import os
import queue
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from audio_edition.errors import ConfigError, SpeechError
from audio_edition.speech.kokoro_graph import BEFORE_POST
from audio_edition.speech.kokoro_windows import FRONT_OUTPUTS, generate_in_windows, windowed_parts

Audio = npt.NDArray[np.float32]

RUNTIMES = ("onnxruntime", "openvino")
"""What ``[speech] kokoro_runtime`` and ``AUDIO_EDITION_KOKORO_RUNTIME`` accept; the first is the default."""

MEMORY: dict[str, tuple[int, int]] = {"onnxruntime": (400 * 1024**2, 500 * 1024**2), "openvino": (400 * 1024**2, 1500 * 1024**2)}
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
    float32: bool = False
    """Run in float32 whatever the runtime's precision: a part whose numbers bfloat16 would blur."""
    in_windows: bool = False
    """Run window by window (``kokoro_windows``): the generator, whose memory grows with a piece."""


@dataclass(frozen=True)
class RuntimeChoice:
    """The runtime a Kokoro engine uses, in which precision, on which model files."""

    name: str
    """``onnxruntime`` or ``openvino``."""
    precision: str
    """``int8``, ``bf16`` or ``f32``: with the runtime, the part of the engine's version that names the kernels."""
    parts: tuple[ModelPart, ...]
    model_digest: str


def worker_count(runtime: str, requested: int | None = None) -> int:
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


@functools.cache
def bfloat16_cpu() -> bool:
    """True when OpenVINO is installed and finds bfloat16 instructions on this CPU."""
    try:
        import openvino as ov
    except ImportError:
        return False
    try:
        return "BF16" in ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES")
    except Exception:  # OpenVINO's errors are untyped; no CPU plugin means no bfloat16
        return False


def openvino_precision() -> str:
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
    """``count`` workers, each with a handle of its own (a session, an infer request)."""

    def __init__(self, handles: list[Any], run: Callable[[Any, dict[str, Any]], Audio]) -> None:
        self._idle: queue.SimpleQueue[Any] = queue.SimpleQueue()
        for handle in handles:
            self._idle.put(handle)
        self._run = run
        self._pool = ThreadPoolExecutor(max_workers=len(handles), thread_name_prefix="kokoro-voice")

    def speak(self, tokens: tuple[int, ...], style: npt.NDArray[np.float32], speed: float) -> Future[Audio]:
        return self._pool.submit(self._speak, model_inputs(tokens, style, speed))

    def _speak(self, feed: dict[str, Any]) -> Audio:
        handle = self._idle.get()  # never waits: there are as many handles as pool threads
        try:
            return self._run(handle, feed)
        finally:
            self._idle.put(handle)


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


def onnxruntime_runner(model: Path, count: int) -> Runner:
    """``count`` workers of one thread each, on the int8 ``model`` cut into ``kokoro_windows``' parts:
    the generator runs in windows of ~5 s, so a long piece needs no more memory than a short one."""
    import onnxruntime as ort  # loaded with the first Kokoro build, not with the package

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1  # fixed: the kernels (and so the samples) never vary
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3  # its warnings about unused initializers are not ours
    _return_large_blocks()  # before the model is read and cut: those buffers are given back too
    parts = windowed_parts(model)
    try:
        workers = [
            [ort.InferenceSession(part, options, providers=["CPUExecutionProvider"]) for part in parts] for _ in range(count)
        ]
    except Exception as error:  # onnxruntime raises its own (untyped) exceptions
        raise SpeechError(f"cannot load the Kokoro model {model}: {error}") from error
    del parts

    # Each session's arena would keep what its longest run needed, long after. Given back after
    # every run, the peak is what runs at once (benchmarks/speech.py).
    after_each = ort.RunOptions()
    after_each.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")

    def run(sessions: list[Any], feed: dict[str, Any]) -> Audio:
        front, generator, waveform = sessions
        made = dict(zip(FRONT_OUTPUTS, front.run(list(FRONT_OUTPUTS), feed, after_each)))
        features = generate_in_windows(made, feed["style"], lambda inputs: generator.run(None, inputs, after_each)[0])
        del made
        audio: Audio = waveform.run(None, {BEFORE_POST: features}, after_each)[0].reshape(-1).astype(np.float32)
        return audio

    return _Pool(workers, run)


def openvino_runner(parts: tuple[ModelPart, ...], count: int, precision: str) -> Runner:
    """The model's ``parts`` compiled for ``count`` streams of one thread each, in ``precision``
    (float32 for the parts that must stay so); each worker runs every part in turn."""
    # Every piece gives the decoder new shapes, and OpenVINO keeps the kernels and buffers it
    # made for each one: on the sample edition that grew to 8.9 GB. Nothing is reused across
    # pieces anyway, so keep none (OpenVINO's shape cache) or few (oneDNN's, read from the
    # environment when the plugin first builds a kernel). Same kernels: same samples.
    os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "16")
    import openvino as ov

    config = {"NUM_STREAMS": count, "INFERENCE_NUM_THREADS": count, "CPU_RUNTIME_CACHE_CAPACITY": 0}
    try:
        core = ov.Core()
        compiled = [
            _compile(
                core, part.path, {**config, "INFERENCE_PRECISION_HINT": "f32" if part.float32 else precision}, fused=not part.float32
            )
            for part in parts
        ]
        workers = [[model.create_infer_request() for model in compiled] for _ in range(count)]
    except Exception as error:  # OpenVINO's errors are untyped
        raise SpeechError(f"cannot load the Kokoro model {parts[0].path} on OpenVINO: {error}") from error
    takes = [[port.get_any_name() for port in model.inputs] for model in compiled]
    gives = [[port.get_names() for port in model.outputs] for model in compiled]

    def run(requests: list[Any], feed: dict[str, Any]) -> Audio:
        tensors = dict(feed)
        for part, request, inputs, outputs in zip(parts, requests, takes, gives):
            if part.in_windows:
                (names,) = outputs
                tensors.update(dict.fromkeys(names, generate_in_windows(tensors, feed["style"], functools.partial(_infer, request))))
                continue
            request.infer({name: tensors[name] for name in inputs})  # copies them in
            for index, names in enumerate(outputs):
                tensors.update(dict.fromkeys(names, request.get_output_tensor(index).data))
        audio: Audio = requests[-1].get_output_tensor(0).data.reshape(-1).astype(np.float32)  # a copy: the buffer is reused
        return audio

    return _Pool(workers, run)


FUSED = {"SNIPPETS_MODE": "IGNORE_CALLBACK"}
"""OpenVINO's CPU plugin fuses runs of arithmetic into one vectorized kernel ("snippets"), but on
dynamic shapes only when told to. Kokoro's Snake activations are such runs (``kokoro_rewrites``):
unfused, each of their ~20 operations is a pass of its own, rounded to bfloat16; fused, one pass
in float32, and the generator's window took 1.11 s by OpenVINO's counters instead of 1.59 s
(measured before the upsampling was rewritten)."""


def _compile(core: Any, path: Path, config: dict[str, Any], *, fused: bool) -> Any:
    """``path`` compiled for the CPU; ``fused``: with ``FUSED``, where this OpenVINO takes it."""
    if fused:
        try:
            return core.compile_model(str(path), "CPU", {**config, **FUSED})
        except Exception:  # an OpenVINO without the setting, or that cannot fuse this part: compile it plainly
            pass
    return core.compile_model(str(path), "CPU", config)


def _infer(request: Any, inputs: dict[str, Any]) -> Any:
    """An OpenVINO request's one output for ``inputs``, copied: the next window reuses its buffer."""
    request.infer(inputs)
    return request.get_output_tensor(0).data.copy()


def choose_runtime(
    asked: str, int8_model: Path, int8_digest: str, float_model: Callable[[], tuple[tuple[ModelPart, ...], str] | None]
) -> RuntimeChoice:
    """The runtime ``asked`` for (one of ``RUNTIMES``).

    ``openvino`` needs the float model made and verified (``float_model`` returns its parts and
    digest, or None: then a ``SpeechError`` naming the install command); it runs in bfloat16
    where the CPU has it, else in float32.
    """
    if asked not in RUNTIMES:
        raise ConfigError(f"unknown Kokoro runtime {asked!r}; choose one of: {', '.join(RUNTIMES)}")
    if asked == "onnxruntime":
        return RuntimeChoice("onnxruntime", "int8", (ModelPart(int8_model),), int8_digest)
    found = float_model()
    if found is None:
        raise SpeechError(
            "the Kokoro model for OpenVINO is not made or is damaged; run: audio-edition voices install kokoro --openvino"
        )
    return RuntimeChoice("openvino", openvino_precision(), *found)


def start_runner(choice: RuntimeChoice, count: int) -> Runner:
    """The workers for ``choice``."""
    if choice.name == "openvino":
        return openvino_runner(choice.parts, count, choice.precision)
    (whole,) = choice.parts
    return onnxruntime_runner(whole.path, count)
