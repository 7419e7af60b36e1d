"""Which settings, output folder and state folder a command works on.

``build`` (and ``publish`` without a folder) read ``--config`` or ``./audio-edition.toml``; the
output folder is ``--out``, else ``[build] out``, else ``output`` beside the settings file; the
state folder is ``--state``, else ``$AUDIO_EDITION_STATE``, else ``[build] state``, else
``.audio-edition`` beside the settings file — without a settings file, beside the output folder
(for the default ``output`` that is the current folder either way).

``publish OUT`` and ``serve OUT`` work on the show that built OUT, from any directory: the
state folder beside OUT records the settings file that built it (``places.py``), and those
settings are read, not whatever ``./audio-edition.toml`` happens to be where the command runs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from audio_edition.errors import ConfigError
from audio_edition.places import (
    CATALOG_NAME,
    STATE_DIR_NAME,
    STATE_ENV,
    Places,
    default_state_for,
    find_state,
    read_record,
    resolved,
)
from audio_edition.publish.sync import Destination, FolderDestination, parse_target
from audio_edition.settings import Settings, find_settings, load_settings
from audio_edition.show import Show, check_publishable

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "0.0.0.0"})


@dataclass(frozen=True)
class Workspace:
    """The settings a command runs with and the folders it works on."""

    settings: Settings
    places: Places


def _given_state(state: Path | None, env: Mapping[str, str]) -> Path | None:
    if state is not None:
        return state
    named = env.get(STATE_ENV, "").strip()
    return Path(named) if named else None


def _state_for(settings: Settings, out: Path, given: Path | None) -> Path:
    if given is not None:
        return given
    if settings.build.state is not None:
        return settings.build.state
    if settings.path is not None:
        return settings.folder / STATE_DIR_NAME
    return default_state_for(out)


def open_workspace(
    *,
    config: Path | None = None,
    out: Path | None = None,
    state: Path | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Workspace:
    """The workspace of ``build``: settings from ``config`` or ``./audio-edition.toml``; ``out`` and
    ``state`` (flags) override the settings' folders."""
    env = os.environ if env is None else env
    settings = load_settings(find_settings(config, cwd))
    out = out or settings.build.out or settings.folder / "output"
    return Workspace(settings, Places(out, _state_for(settings, out, _given_state(state, env))))


def workspace_of_output(
    out: Path | None,
    *,
    config: Path | None = None,
    state: Path | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Workspace:
    """The workspace of ``publish [OUT]`` and ``serve [OUT]``: the settings that built ``out``.

    ``config`` (``--config``) wins. Else the state folder (``state``, ``$AUDIO_EDITION_STATE``, or
    the one recorded beside ``out``) names the settings file. An output folder with no record
    is read with ``./audio-edition.toml`` only when that file builds into it (or the folder is
    from an earlier version, its catalog inside); otherwise ``ConfigError`` asks for ``--config``.
    """
    env = os.environ if env is None else env
    if out is None or config is not None:
        return open_workspace(config=config, out=out, state=state, env=env, cwd=cwd)
    given = _given_state(state, env)
    found = given or find_state(out)
    record = read_record(found) if found is not None else None
    if found is not None and record is not None:
        if record.settings is not None and not record.settings.is_file():
            raise ConfigError(
                f"{out} was built with the settings file {record.settings}, which is gone; pass --config FILE"
            )
        settings = load_settings(record.settings)
        return Workspace(settings, Places(out, found))
    local = find_settings(None, cwd)
    if local is None:
        settings = Settings()
        return Workspace(settings, Places(out, _state_for(settings, out, given)))
    settings = load_settings(local)
    builds_into = settings.build.out or settings.folder / "output"
    if resolved(builds_into) == resolved(out) or (out / CATALOG_NAME).is_file():
        return Workspace(settings, Places(out, _state_for(settings, out, given)))
    raise ConfigError(
        f"{out}: no state folder records which settings built it, and {local} builds "
        f"{builds_into}; pass --config FILE (or --state DIR) for {out}"
    )


def is_local_url(url: str) -> bool:
    """True when ``url`` points at this machine (podcast apps elsewhere cannot reach it)."""
    host = (urlsplit(url).hostname or "").lower()
    return host in LOCAL_HOSTS or host.startswith("127.")


def refuse_placeholders(show: Show, target: str | None = None) -> None:
    """Refuse to publish to ``target`` or a public base_url with the starter file's placeholder
    owner or author (``ConfigError`` naming the setting); a local preview is fine."""
    where = target or (None if is_local_url(show.base_url) else show.base_url)
    if where is not None:
        check_publishable(show, where)


def local_links_warning(settings: Settings) -> str | None:
    """A warning when the feed's links are local, naming the setting to change; else None."""
    if not is_local_url(settings.show.base_url):
        return None
    where = (
        f"in {settings.path}" if settings.path is not None else "in a settings file (`audio-edition init`)"
    )
    return (
        f"warning: the feed's links point at {settings.show.base_url}, which podcast apps on other "
        f"machines cannot reach; set show.base_url {where} to the public address"
    )


def open_destination(target: str, settings: Settings, out: Path) -> Destination:
    """Where ``publish --to TARGET`` copies ``out``: a bucket or a folder, checked before
    anything is published. Raises ``ConfigError`` while the feed's links are local (they would
    point listeners at this machine) or for a target that is neither."""
    parsed = parse_target(target)
    if is_local_url(settings.show.base_url):
        where = (
            f"in {settings.path}"
            if settings.path is not None
            else "in a settings file (`audio-edition init`)"
        )
        raise ConfigError(
            f"show.base_url is {settings.show.base_url}, a local address; set it {where} to "
            f"where {target} is served before publishing there"
        )
    if isinstance(parsed, Path):
        return FolderDestination(parsed, out)
    from audio_edition.publish.bucket import BucketDestination, bucket_client  # boto3 only when needed

    return BucketDestination(parsed, bucket_client(settings.publish.endpoint_url))
