"""A content-addressed cache of synthesized speech that a killed build cannot corrupt.

An entry's name is the SHA-256 of what decides the audio: engine (its first name) and version, voice and
prosody, and the exact spoken text of the request. An entry is written to a temporary file and
renamed into place (``fsutil``), so a crash leaves either the whole entry or none; on read the
header's length and the audio's SHA-256 are checked, and anything that does not match is deleted
and treated as a miss, so it is synthesized again.

An entry's modification time is its last use (a hit touches it), so ``prune_cache`` can drop
what no build has asked for in a while: ``audio-edition cache prune --older-than 30d``.

Entry layout: ``MAGIC``, a 4-byte big-endian header length, a UTF-8 JSON header
(``format``, ``duration``, ``sentence_starts``, ``size``, ``sha256``), then the audio bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audio_edition.fsutil import write_bytes_atomic
from audio_edition.speech.engine import AudioFormat, Speech, Voice, cache_identity

MAGIC = b"AESPEECH1\n"
KEY_VERSION = 1
"""Bump when the key's recipe changes."""


def cache_key(engine: str, engine_version: str, voice: Voice, pieces: Sequence[str]) -> str:
    """The hex SHA-256 naming the entry for ``pieces`` spoken by ``engine`` in ``voice``."""
    recipe = [
        KEY_VERSION,
        cache_identity(engine),  # a renamed engine keeps its first name here: its cache stays found
        engine_version,
        voice.voice_id,
        voice.rate,
        voice.pitch,
        voice.volume,
        list(pieces),
    ]
    return hashlib.sha256(json.dumps(recipe, ensure_ascii=False).encode("utf-8")).hexdigest()


def encode_entry(speech: Speech) -> bytes:
    """The bytes of a cache entry holding ``speech``."""
    header = json.dumps(
        {
            "format": speech.format.value,
            "duration": speech.duration,
            "sentence_starts": list(speech.sentence_starts),
            "size": len(speech.audio),
            "sha256": hashlib.sha256(speech.audio).hexdigest(),
        }
    ).encode("utf-8")
    return MAGIC + len(header).to_bytes(4, "big") + header + speech.audio


def decode_entry(data: bytes) -> Speech | None:
    """The speech in a cache entry, or None when the entry is truncated or corrupt."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
        return None
    start = len(MAGIC) + 4
    header_len = int.from_bytes(data[len(MAGIC) : start], "big")
    try:
        header: dict[str, Any] = json.loads(data[start : start + header_len].decode("utf-8"))
        audio = data[start + header_len :]
        if len(audio) != header["size"] or hashlib.sha256(audio).hexdigest() != header["sha256"]:
            return None
        return Speech(
            audio=audio,
            format=AudioFormat(header["format"]),
            duration=float(header["duration"]),
            sentence_starts=tuple(float(s) for s in header["sentence_starts"]),
        )
    except (ValueError, KeyError, TypeError):  # JSONDecodeError and UnicodeDecodeError included
        return None


class SpeechCache:
    """Entries under one folder (the build uses the state folder's ``cache/speech``), safe to share between
    threads and processes: writers never expose a partial file, readers verify what they read."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        """Where the entry ``key`` lives (fanned out by its first two hex digits)."""
        return self.folder / key[:2] / f"{key}.speech"

    def get(self, key: str) -> Speech | None:
        """The entry's speech, or None if absent or corrupt (a corrupt entry is removed)."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        speech = decode_entry(data)
        if speech is None:
            path.unlink(missing_ok=True)
        else:
            try:
                os.utime(path)  # last used now: pruning by age keeps what builds still ask for
            except OSError:
                pass  # a read-only cache still serves
        return speech

    def put(self, key: str, speech: Speech) -> None:
        """Store ``speech`` under ``key`` atomically (temporary file, fsync, rename)."""
        write_bytes_atomic(self.path(key), encode_entry(speech))


@dataclass(frozen=True)
class CacheUsage:
    """How many entries and bytes (of a cache, or removed from it)."""

    entries: int
    bytes: int

    def to_json(self) -> dict[str, int]:
        """``{"entries": …, "bytes": …}``."""
        return {"entries": self.entries, "bytes": self.bytes}


def _entries(folder: Path) -> list[Path]:
    return [p for p in folder.glob("??/*.speech") if p.is_file()] if folder.is_dir() else []


def cache_usage(folder: Path) -> CacheUsage:
    """The entries and bytes in the speech cache at ``folder`` (zero when there is none)."""
    sizes = []
    for path in _entries(folder):
        try:
            sizes.append(path.stat().st_size)
        except FileNotFoundError:  # pruned meanwhile
            continue
    return CacheUsage(len(sizes), sum(sizes))


def prune_cache(folder: Path, older_than: float, *, now: float | None = None) -> CacheUsage:
    """Delete entries not used for ``older_than`` seconds; returns what was removed.

    Safe while a build runs: an entry it is about to read is either still there (a hit) or gone
    (a miss, so it is synthesized again); nothing half-deleted is ever read.
    """
    cutoff = (time.time() if now is None else now) - older_than
    entries = size = 0
    for path in _entries(folder):
        try:
            stat = path.stat()
            if stat.st_mtime < cutoff:
                path.unlink()
                entries, size = entries + 1, size + stat.st_size
        except FileNotFoundError:
            continue
    for fan in folder.glob("??") if folder.is_dir() else ():
        try:
            fan.rmdir()  # only when empty
        except OSError:
            pass
    return CacheUsage(entries, size)
