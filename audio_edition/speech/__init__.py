"""Speech: one engine interface, the online (edge) and offline engines, and a cache under both.

Engines are created by name from ``ENGINES`` (``registry.py``), an explicit registry of
factories that import their engine only when called. What an engine offers, including its
capabilities (``max_jobs``, ``voices``, ``reads_latin``, ``probe``), is the ``SpeechEngine``
protocol in ``engine.py``.
"""

from __future__ import annotations

from audio_edition.speech.batch import (
    ArticleRequest,
    EngineDecision,
    PartKind,
    PartRequest,
    SpokenArticle,
    SpokenEdition,
    SpokenPart,
)
from audio_edition.speech.engine import AudioFormat, Speech, SpeechEngine, Voice
from audio_edition.speech.presets import VoicePreset, load_preset, load_presets
from audio_edition.speech.registry import ENGINE_CHOICES, ENGINES, EngineFactory, create_engine
from audio_edition.speech.session import (
    SpeechSession,
    SpeechSummary,
    choose_engine,
    speak_articles,
    speech_policy,
)
from audio_edition.speech.settings import EngineSettings, Fallback, RetryPolicy, SpeechPolicy

__all__ = [
    "ENGINES",
    "ENGINE_CHOICES",
    "ArticleRequest",
    "AudioFormat",
    "EngineDecision",
    "EngineFactory",
    "EngineSettings",
    "Fallback",
    "PartKind",
    "PartRequest",
    "RetryPolicy",
    "Speech",
    "SpeechPolicy",
    "SpeechSession",
    "SpeechSummary",
    "SpeechEngine",
    "SpokenArticle",
    "SpokenEdition",
    "SpokenPart",
    "Voice",
    "VoicePreset",
    "choose_engine",
    "create_engine",
    "load_preset",
    "load_presets",
    "speak_articles",
    "speech_policy",
]
