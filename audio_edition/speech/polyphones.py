"""Which reading a polyphone takes in its sentence: g2pM's BiLSTM, run here in numpy.

pypinyin knows a polyphone's reading only inside the words of its phrase table. g2pM (Kakao
Brain, Interspeech 2020; Apache-2.0) is a one-layer BiLSTM trained on the CPP set's train split;
its weights ship inside its PyPI wheel (1.6 MB), so nothing downloads at run time. pypinyin-g2pW
scores higher on CPP, but its model and bert-base-chinese come from a hub at run time, which this
project may not do. (Accuracy and speed: ``benchmarks/polyphones.py``, the README's table.)

We load g2pM's pickled arrays ourselves rather than through its class: each file is checked
against the sha256 of the 0.1.2.5 wheel before it is unpickled (pickle runs code), the forward
pass runs in float32 with both directions stepped together (its own code: float64, two loops),
and the choice is limited to the character's own readings (its class table has all 876). Its
``digest_cedict.pkl`` (which readings a character has) is derived from CC-CEDICT (CC BY-SA 4.0).
"""

from __future__ import annotations

import hashlib
import importlib.util
import pickle
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from audio_edition.errors import ConfigError

Array = npt.NDArray[np.float32]

MODEL_VERSION = "g2pM-0.1.2.5"
"""Names the model in the offline engines' versions: another model re-speaks what it reads."""

_FILES = {
    "np_ckpt.pkl": "5b38c21cbaeb5f9b2f5d0bf872487de0fc22f91a3b26189b7d998136d2c8d3ae",
    "char2idx.pkl": "e41861f3af2debb342d3555d970db47b22e5d35c8e0190722dfb9b39c941988c",
    "class2idx.pkl": "b17a497ee9618e6d5c2f7814ab7f847d80a3cb757e92423774781e4d3dc56c49",
    "digest_cedict.pkl": "71e727a041a1d7023a1fbe32bbc23d5f4aa85a9d67fe4d6502fc398ef30b875c",
}
_UNKNOWN, _START, _END = "<UNK>", "시", "끝"  # g2pM's own marks (its authors' Korean)


@dataclass(frozen=True)
class Guess:
    """The model's reading for one polyphone: TONE3 with ``v`` for ü, and its share of belief."""

    reading: str
    confidence: float
    """Softmax over the character's own readings, 0-1."""


def _tone3(reading: str) -> str:
    return reading.replace("u:", "v")  # CC-CEDICT writes ü as u:


def _sigmoid(x: Array) -> Array:
    result: Array = (1.0 / (1.0 + np.exp(-x))).astype(np.float32, copy=False)
    return result


class PolyphoneModel:
    """g2pM's readings of the polyphones in a sentence; loads once, safe to share between threads."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder  # found on first use: importing this module needs no model
        self._lock = threading.Lock()
        self._loaded = False

    def _load(self) -> None:
        if self._loaded:  # the common case, without the lock
            return
        with self._lock:
            if self._loaded:
                return
            folder = self._folder if self._folder is not None else _installed_folder()
            data = {name: _verified(folder / name, digest) for name, digest in _FILES.items()}
            weights: dict[str, Array] = {
                k: np.asarray(v, dtype=np.float32) for k, v in data["np_ckpt.pkl"].items()
            }
            self._embeddings = weights["embedding.weight"]
            self._lstm = _BiLSTM(weights)
            self._hidden_w, self._hidden_b = weights["logit_layer.0.weight"].T, weights["logit_layer.0.bias"]
            self._out_w, self._out_b = weights["logit_layer.2.weight"], weights["logit_layer.2.bias"]
            self._char_ids: dict[str, int] = data["char2idx.pkl"]
            classes: dict[str, int] = data["class2idx.pkl"]
            self._class_names = {index: _tone3(name) for name, index in classes.items()}
            self._candidates: dict[str, npt.NDArray[np.int64]] = {}
            for char, readings in data["digest_cedict.pkl"].items():
                ids = sorted({classes[r] for r in readings if r in classes})
                if len(ids) > 1:  # a polyphone the model can choose for
                    self._candidates[char] = np.array(ids, dtype=np.int64)
            self._loaded = True

    def is_polyphone(self, char: str) -> bool:
        """Whether the model chooses between readings for ``char``."""
        self._load()
        return char in self._candidates

    def guesses(self, sentence: str) -> dict[int, Guess]:
        """The reading of each polyphone in ``sentence``, by its index there (the whole line is context)."""
        self._load()
        where = [i for i, char in enumerate(sentence) if char in self._candidates]
        if not where:
            return {}
        unknown = self._char_ids[_UNKNOWN]
        ids = [
            self._char_ids[_START],
            *(self._char_ids.get(c, unknown) for c in sentence),
            self._char_ids[_END],
        ]
        inputs = self._embeddings[np.array(ids)]
        states = self._lstm.run(inputs)
        picked = states[[i + 1 for i in where]]  # +1: the start mark
        hidden = np.maximum(picked @ self._hidden_w + self._hidden_b, 0.0)
        result: dict[int, Guess] = {}
        for row, index in zip(hidden, where, strict=True):
            candidates = self._candidates[sentence[index]]
            logits = self._out_w[candidates] @ row + self._out_b[candidates]
            shares = np.exp(logits - logits.max())
            shares /= shares.sum()
            best = int(np.argmax(shares))
            result[index] = Guess(self._class_names[int(candidates[best])], float(shares[best]))
        return result


class _BiLSTM:
    """Both directions of the LSTM stepped together (PyTorch's gate order: input, forget, cell, output).

    The two directions' gates are interleaved gate by gate, so one product with a block-diagonal
    matrix and one sigmoid per time step serve both: half the numpy calls of two loops.
    """

    def __init__(self, weights: dict[str, Array]) -> None:
        self.size = size = weights["lstm.weight_hh_l0"].shape[1]
        self.w_in = [weights[f"lstm.weight_ih_l0{d}"].T for d in ("", "_reverse")]
        self.bias = [
            weights[f"lstm.bias_ih_l0{d}"] + weights[f"lstm.bias_hh_l0{d}"] for d in ("", "_reverse")
        ]
        block = np.zeros((2 * size, 8 * size), dtype=np.float32)
        for d, suffix in enumerate(("", "_reverse")):
            w_hidden = weights[f"lstm.weight_hh_l0{suffix}"].T  # [size, 4 * size]
            for gate in range(4):
                column = (2 * gate + d) * size
                block[d * size : (d + 1) * size, column : column + size] = w_hidden[
                    :, gate * size : (gate + 1) * size
                ]
        self.w_hidden = block

    def run(self, inputs: Array) -> Array:
        """Hidden states [time, forward + backward] for ``inputs`` [time, features]."""
        size, steps = self.size, len(inputs)
        forward = (inputs @ self.w_in[0] + self.bias[0]).reshape(steps, 4, 1, size)
        backward = (inputs[::-1] @ self.w_in[1] + self.bias[1]).reshape(steps, 4, 1, size)
        projected = np.concatenate([forward, backward], axis=2).reshape(steps, 8 * size)
        h = np.zeros(2 * size, dtype=np.float32)
        c = np.zeros(2 * size, dtype=np.float32)
        out = np.empty((steps, 2 * size), dtype=np.float32)
        for t in range(steps):
            gates = projected[t] + h @ self.w_hidden
            shares = _sigmoid(gates)
            c = shares[2 * size : 4 * size] * c + shares[: 2 * size] * np.tanh(gates[4 * size : 6 * size])
            h = shares[6 * size :] * np.tanh(c)
            out[t] = h
        return np.concatenate([out[:, :size], out[::-1, size:]], axis=1)


def _installed_folder() -> Path:
    spec = importlib.util.find_spec("g2pM")
    if spec is None or spec.origin is None:
        raise ConfigError("the polyphone model is not installed; run: pip install 'g2pM==0.1.2.5'")
    return Path(spec.origin).parent


def _verified(path: Path, digest: str) -> dict:  # type: ignore[type-arg]
    """Unpickle ``path`` only if it is the file the pinned wheel ships (pickle can run code)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(
            f"{path}: cannot read the polyphone model ({error.strerror}); "
            "run: pip install --force-reinstall 'g2pM==0.1.2.5'"
        ) from None
    if hashlib.sha256(raw).hexdigest() != digest:
        raise ConfigError(
            f"{path}: not the file g2pM 0.1.2.5 ships (sha256 differs); "
            "run: pip install --force-reinstall 'g2pM==0.1.2.5'"
        )
    loaded: dict = pickle.loads(raw)  # type: ignore[type-arg]  # noqa: S301 - verified above
    return loaded
