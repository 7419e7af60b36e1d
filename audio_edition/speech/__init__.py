"""Speech: one engine interface, the online (edge) and offline engines, and a cache under both.

Engines are created by name from ``ENGINES``, an explicit registry of factories. A factory
imports its engine's module only when called, so importing this package loads no model and no
network library. Adding an engine is one module and one line here.

Besides the ``SpeechEngine`` protocol (``engine.py``), an engine may offer:

- ``max_jobs: int`` — how many requests it takes at once (default 1; edge takes many, the
  batch layer's ``jobs`` caps them);
- ``voices: Sequence[str]`` — its voice ids, so an unknown voice is refused up front;
- ``probe(timeout: float) -> float`` — one short request, seconds it took, ``SpeechError`` if the
  engine cannot answer (``auto`` uses it to choose).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module

from audio_edition.errors import ConfigError
from audio_edition.speech.engine import AudioFormat, Speech, SpeechEngine, Voice
from audio_edition.speech.settings import EngineSettings, RetryPolicy

EngineFactory = Callable[[EngineSettings], SpeechEngine]


def _lazy(module: str, name: str, *, takes_settings: bool = False) -> EngineFactory:
    """A factory that imports ``module`` and builds ``name`` only when an engine is needed."""

    def factory(settings: EngineSettings) -> SpeechEngine:
        engine_class = getattr(import_module(module), name)
        engine: SpeechEngine = engine_class(settings) if takes_settings else engine_class()
        return engine

    return factory


ENGINES: dict[str, EngineFactory] = {
    "edge": _lazy("audio_edition.speech.edge", "EdgeEngine", takes_settings=True),
    "offline": _lazy("audio_edition.speech.offline", "OfflineEngine"),
}


def create_engine(
    name: str,
    settings: EngineSettings | None = None,
    *,
    engines: Mapping[str, EngineFactory] | None = None,
) -> SpeechEngine:
    """The engine registered as ``name``; an unknown name is a ``ConfigError`` listing the valid ones."""
    registry = ENGINES if engines is None else engines
    if name not in registry:
        raise ConfigError(f"unknown speech engine {name!r}; choose one of: {', '.join(registry)}")
    return registry[name](settings or EngineSettings())


# The batch layer imports the registry above lazily, so these imports come after it.
from audio_edition.speech.batch import (  # noqa: E402
    ENGINE_CHOICES,
    ArticleRequest,
    EngineChoice,
    EngineDecision,
    PartKind,
    PartRequest,
    SpokenArticle,
    SpokenEdition,
    SpokenPart,
    choose_engine,
    speak_articles,
)
from audio_edition.speech.presets import VoicePreset, load_preset, load_presets  # noqa: E402

__all__ = [
    "ENGINES",
    "ENGINE_CHOICES",
    "ArticleRequest",
    "AudioFormat",
    "EngineChoice",
    "EngineDecision",
    "EngineFactory",
    "EngineSettings",
    "PartKind",
    "PartRequest",
    "RetryPolicy",
    "Speech",
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
]
