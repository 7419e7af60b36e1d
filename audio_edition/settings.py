"""The settings file, ``audio-edition.toml``: every table and key it may hold, in one place.

``SCHEMA`` lists each table's keys with their kind; adding a setting is one line there (and a
field where it is used). ``load_settings`` checks the whole file against it before anything is
built, so a misspelled table (``[shows]``) or key (``[build] voices``) is one error naming it
(exit 2), never silently ignored. Command-line flags override the file; the file overrides the
defaults. Relative paths in the file are relative to the file's folder.

The tables: ``[show]`` (the podcast as listeners see it; validated in ``show.py``),
``[build]`` (voice, engine, jobs, lexicon, chime, intro/outro audio, output and state folders),
``[script]`` (the opening and closing words, the pauses), ``[publish]`` (where ``publish`` puts
the output), ``[speech]`` (the engines' order and fallback).
"""

from __future__ import annotations

import enum
import json
import math
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import timedelta
from pathlib import Path
from typing import Any

from audio_edition.audio.script import PLACEHOLDERS, Pauses, Wording
from audio_edition.errors import ConfigError
from audio_edition.show import CONFIG_NAME, Show, check_url, show_from_table
from audio_edition.speech.registry import ENGINE_CHOICES


class Kind(enum.Enum):
    """What a setting's value must be."""

    TEXT = "a string in quotes"
    PATH = "a file or folder path in quotes"
    BOOL = "true or false (no quotes)"
    COUNT = "a whole number of at least 1"
    SECONDS = "a number of seconds, 0 or more"
    DAYS = "a number of days, 0 or more"
    TEXTS = 'a list of strings, like ["a", "b"]'


@dataclass(frozen=True)
class Setting:
    kind: Kind
    choices: tuple[str, ...] = ()
    """For TEXT and TEXTS: the allowed values (empty: any non-empty string)."""


MAX_DAYS = 3650
"""The longest a ``Kind.DAYS`` setting may say: ten years is "keep it", and bounds the date sums."""

PAUSE_KEYS = {f"pause_{f.name}": f.name for f in fields(Pauses)}
"""``[script] pause_after_headline`` … : one key per field of ``Pauses``."""


SCHEMA: dict[str, dict[str, Setting]] = {
    "show": {
        **{
            key: Setting(Kind.TEXT)
            for key in (
                "title",
                "description",
                "author",
                "owner_name",
                "owner_email",
                "language",
                "category",
                "subcategory",
                "base_url",
                "timezone",
                "link",
                "id",
                "copyright",
                "new_feed_url",
                "update_frequency",
            )
        },
        "cover": Setting(Kind.PATH),
        "explicit": Setting(Kind.BOOL),
        "commercial": Setting(Kind.BOOL),
        "locked": Setting(Kind.BOOL),
        "feed_items": Setting(Kind.COUNT),
        "keywords": Setting(Kind.TEXTS),
    },
    "build": {
        "voice": Setting(Kind.TEXT),
        "engine": Setting(Kind.TEXT, ENGINE_CHOICES),
        "jobs": Setting(Kind.COUNT),
        "lexicon": Setting(Kind.PATH),
        "chime": Setting(Kind.PATH),
        "intro": Setting(Kind.PATH),
        "outro": Setting(Kind.PATH),
        "out": Setting(Kind.PATH),
        "state": Setting(Kind.PATH),
        "cluster": Setting(Kind.TEXT),
    },
    "script": {
        "opening": Setting(Kind.TEXT),
        "closing": Setting(Kind.TEXT),
        "rundown": Setting(Kind.BOOL),
        **{key: Setting(Kind.SECONDS) for key in PAUSE_KEYS},
    },
    "publish": {
        "to": Setting(Kind.TEXT),
        "endpoint_url": Setting(Kind.TEXT),
        "delete": Setting(Kind.BOOL),
        "media_grace_days": Setting(Kind.DAYS),
    },
    "speech": {
        "engines": Setting(Kind.TEXTS),
        "fallback": Setting(Kind.TEXT, ("offline", "fail")),
        "azure_region": Setting(Kind.TEXT),
        "kokoro_runtime": Setting(Kind.TEXT, ("auto", "onnxruntime", "openvino")),
    },
}


@dataclass(frozen=True)
class BuildSettings:
    """``[build]``: what ``build`` would otherwise be told by flags every day. None: not set."""

    voice: str | None = None
    engine: str | None = None
    jobs: int | None = None
    lexicon: Path | None = None
    chime: Path | None = None
    intro: Path | None = None
    outro: Path | None = None
    out: Path | None = None
    state: Path | None = None
    cluster: str | None = None
    """A Dask scheduler's address: the offline engines speak there (``AUDIO_EDITION_CLUSTER``, ``--cluster``)."""


@dataclass(frozen=True)
class ScriptSettings:
    """``[script]``: the programme's own words (``{show}``, ``{date}``, ``{weekday}`` and
    ``{count}`` filled in) and its pauses."""

    wording: Wording = field(default_factory=Wording)
    pauses: Pauses = field(default_factory=Pauses)


@dataclass(frozen=True)
class PublishSettings:
    """``[publish]``: where ``publish --to`` puts the output when no ``--to`` is given."""

    to: str | None = None
    endpoint_url: str | None = None
    delete: bool = False
    media_grace: timedelta | None = None
    """``media_grace_days``: how long audio no feed names any more stays published; None: the
    default (``publish.media.GRACE``)."""


@dataclass(frozen=True)
class SpeechSettings:
    """``[speech]``: the engines' order for ``--engine auto`` and what happens when one fails."""

    engines: tuple[str, ...] | None = None
    fallback: str | None = None
    azure_region: str | None = None
    kokoro_runtime: str | None = None


@dataclass(frozen=True)
class Settings:
    """The whole settings file, checked."""

    show: Show = field(default_factory=Show)
    build: BuildSettings = field(default_factory=BuildSettings)
    script: ScriptSettings = field(default_factory=ScriptSettings)
    publish: PublishSettings = field(default_factory=PublishSettings)
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    path: Path | None = None
    """The file read; None when there was none (the defaults)."""

    @property
    def folder(self) -> Path:
        """Where relative paths and the default output and state folders are: the file's folder,
        or the current folder when there is no file."""
        return self.path.parent if self.path is not None else Path(".")


def find_settings(config: Path | None, cwd: Path | None = None) -> Path | None:
    """The settings file to read: ``config``, else ``./audio-edition.toml`` if present, else None."""
    if config is not None:
        return config
    candidate = (cwd or Path(".")) / CONFIG_NAME
    return candidate if candidate.is_file() else None


def load_settings(path: Path | None) -> Settings:
    """Read and check the settings file ``path`` (None: the defaults).

    Raises ``ConfigError`` naming the file and the setting (``build.jobs: …``) for a missing
    file, invalid TOML, an unknown table or key anywhere, or a value of the wrong kind.
    """
    if path is None:
        return Settings()
    if not path.is_file():
        raise ConfigError(f"{path}: no such settings file; create one with `audio-edition init`")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from error
    return settings_from_data(data, path)


def settings_from_data(data: Mapping[str, Any], path: Path) -> Settings:
    """Check parsed TOML against ``SCHEMA`` and build the ``Settings``."""
    checked = check_schema(data, str(path))
    base = path.parent

    def resolve(value: Any) -> Path | None:
        return (base / value).resolve() if value is not None else None

    build = checked.get("build", {})
    script = checked.get("script", {})
    for key in ("opening", "closing"):
        if key in script:
            _check_placeholders(script[key], f"{path}: script.{key}")
    pauses = Pauses(**{PAUSE_KEYS[k]: float(v) for k, v in script.items() if k in PAUSE_KEYS})
    publish = checked.get("publish", {})
    if "endpoint_url" in publish:
        check_url(
            publish["endpoint_url"],
            lambda why: ConfigError(f"{path}: publish.endpoint_url: {why}"),
            query=False,
        )
    speech = checked.get("speech", {})
    return Settings(
        show=show_from_table(checked.get("show", {}), base_dir=base, source=str(path)),
        build=BuildSettings(
            voice=build.get("voice"),
            engine=build.get("engine"),
            jobs=build.get("jobs"),
            cluster=build.get("cluster"),
            **{
                key: resolve(build.get(key)) for key in ("lexicon", "chime", "intro", "outro", "out", "state")
            },
        ),
        script=ScriptSettings(
            Wording(**{key: script[key] for key in ("opening", "closing", "rundown") if key in script}),
            pauses,
        ),
        publish=PublishSettings(
            to=publish.get("to"),
            endpoint_url=publish.get("endpoint_url"),
            delete=publish.get("delete", False),
            media_grace=timedelta(days=publish["media_grace_days"])
            if "media_grace_days" in publish
            else None,
        ),
        speech=SpeechSettings(
            engines=tuple(speech["engines"]) if "engines" in speech else None,
            fallback=speech.get("fallback"),
            azure_region=speech.get("azure_region"),
            kokoro_runtime=speech.get("kokoro_runtime"),
        ),
        path=path,
    )


def check_schema(data: Mapping[str, Any], source: str) -> dict[str, dict[str, Any]]:
    """Every table and key of ``data`` known and of its kind; returns ``data`` as tables.

    Strings are stripped; the first problem found is raised as ``ConfigError``.
    """
    tables = ", ".join(f"[{name}]" for name in SCHEMA)
    checked: dict[str, dict[str, Any]] = {}
    for raw_name, table in data.items():
        name = _shown(raw_name)
        if name not in SCHEMA:
            if isinstance(table, dict):
                raise ConfigError(f"{source}: unknown table [{name}]; the tables are {tables}")
            raise ConfigError(
                f"{source}: {name}: unknown setting outside any table; settings go in one of {tables}"
            )
        if not isinstance(table, dict):
            raise ConfigError(f"{source}: {name}: must be a table ([{name}])")
        known = SCHEMA[name]
        checked[name] = {}
        for raw_key, value in table.items():
            key = _shown(raw_key)
            where = f"{source}: {name}.{key}"
            if key not in known:
                raise ConfigError(f"{where}: unknown setting; [{name}] takes: {', '.join(known)}")
            checked[name][key] = _check_value(value, known[key], where)
    return checked


def _shown(name: str) -> str:
    """A table or key name as an error line can show it: a quoted TOML name may hold a line
    break or another control character, written escaped."""
    return name if name.isprintable() else json.dumps(name, ensure_ascii=False)[1:-1]


def _check_value(value: Any, setting: Setting, where: str) -> Any:
    kind = setting.kind
    if isinstance(value, dict):
        raise ConfigError(f"{where}: must be {kind.value}, not a table")
    if kind in (Kind.TEXT, Kind.PATH):
        if not isinstance(value, str):
            raise ConfigError(f"{where}: must be {kind.value}, not {type(value).__name__}")
        value = value.strip()
        if kind is Kind.PATH and not value:
            raise ConfigError(f"{where}: must not be empty (delete the line for the default)")
    elif kind is Kind.BOOL:
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: must be {kind.value}")
    elif kind is Kind.COUNT:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"{where}: must be {kind.value}, not {value!r}")
    elif kind is Kind.SECONDS:
        # NaN passes every comparison, so it is refused by name (as is infinity).
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or value < 0
            or value > 60
        ):
            raise ConfigError(f"{where}: must be {kind.value} (at most 60), not {value!r}")
    elif kind is Kind.DAYS:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or value < 0
            or value > MAX_DAYS
        ):
            raise ConfigError(f"{where}: must be {kind.value} (at most {MAX_DAYS}), not {value!r}")
    elif kind is Kind.TEXTS:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(f"{where}: must be {kind.value}")
        value = [v.strip() for v in value]
    values = value if isinstance(value, list) else [value]
    if setting.choices and kind in (Kind.TEXT, Kind.TEXTS):
        for one in values:
            if one not in setting.choices:
                raise ConfigError(f"{where}: {one!r} is not one of: {', '.join(setting.choices)}")
    return value


def _check_placeholders(template: str, where: str) -> None:
    try:
        names = [name for _, name, spec, conv in string.Formatter().parse(template) if name is not None]
    except ValueError as error:
        raise ConfigError(f"{where}: {error}; write a literal brace as {{{{ or }}}}") from error
    for name in names:
        if name not in PLACEHOLDERS:
            raise ConfigError(
                f"{where}: unknown placeholder {{{name}}}; use "
                f"{', '.join('{' + p + '}' for p in PLACEHOLDERS)}"
            )
