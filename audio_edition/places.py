"""Where things live: the public output folder and the private state folder beside it.

The output folder holds only what listeners get (feeds, page, cover, editions), so it can be
copied to a web server or an object store as it is. Everything else a build needs — the speech
cache, the catalog of editions, the one-writer lock, scratch audio — lives in the state folder:

::

    .audio-edition/           (default: beside the settings file; without one, the current folder)
      state.json              which output folder and settings file this state belongs to
      catalog.sqlite3         every published edition (guids, manifests)
      cache/speech/           synthesized speech, content-addressed (``cache size`` / ``cache prune``)
      scratch/                a build's intermediate audio, removed when it ends
      .lock                   one writer at a time

One state folder serves one output folder: ``state.json`` records it, and a state folder asked to
serve another output is an error (two shows sharing one catalog would mix their editions).
``publish OUT`` and ``serve OUT`` find the state of OUT through that record (``OUT/../.audio-edition``),
and from it the settings file that built OUT, so they work from any directory.

Output folders of earlier versions held the catalog, the cache and the lock themselves;
``migrate_output`` moves them into the state folder, once.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from audio_edition.errors import ConfigError
from audio_edition.fsutil import remove_partial_writes, restore_previous, write_text_atomic

STATE_DIR_NAME = ".audio-edition"
STATE_ENV = "AUDIO_EDITION_STATE"
"""The environment variable naming the state folder (``--state`` wins over it)."""
RECORD_NAME = "state.json"
CATALOG_NAME = "catalog.sqlite3"
LEGACY_CACHE = Path(".cache") / "speech"
"""Where earlier versions kept the speech cache, inside the output folder."""
LEGACY_LOCK = ".lock"
WORK_PREFIX = ".build-"
"""A build's scratch folder (in ``scratch/``; inside edition folders in earlier versions)."""
STAGING_PREFIX = ".staging-"
"""Where a build makes the new edition, beside the live one in the output folder."""


@dataclass(frozen=True)
class Places:
    """The public output folder and its private state folder."""

    out: Path
    state: Path

    def __post_init__(self) -> None:
        # Compared resolved (through "..", symlinks): the output folder is published as it is,
        # so a state folder anywhere inside it would publish the catalog, the speech cache and
        # state.json. Refused here, where every command's folders are named.
        out, state = resolved(self.out), resolved(self.state)
        if state == out or out in state.parents:
            raise ConfigError(
                f"state folder {self.state} is inside the output folder {self.out}, which is published "
                f"as it is (its catalog and speech cache would go public); name a state folder outside "
                f"it (--state, {STATE_ENV} or [build] state), e.g. {default_state_for(self.out)}"
            )

    @classmethod
    def beside(cls, out: Path) -> Places:
        """``out`` with the default state folder next to it (``out/../.audio-edition``)."""
        return cls(out, default_state_for(out))

    @property
    def catalog(self) -> Path:
        return self.state / CATALOG_NAME

    @property
    def speech_cache(self) -> Path:
        return self.state / "cache" / "speech"

    @property
    def scratch(self) -> Path:
        return self.state / "scratch"


def resolved(path: Path) -> Path:
    """``path`` made absolute with ``..`` and symlinks resolved, as far as they exist (a loop
    leaves it merely absolute): two names of one folder compare equal."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def default_state_for(out: Path) -> Path:
    """The state folder an output folder gets when nothing else is said: beside it."""
    return out.absolute().parent / STATE_DIR_NAME


@dataclass(frozen=True)
class StateRecord:
    """What ``state.json`` says: the output folder and the settings file (None: defaults)."""

    out: Path
    settings: Path | None


def _normal(path: Path) -> Path:
    return Path(os.path.normpath(path.absolute()))


def read_record(state: Path) -> StateRecord | None:
    """The record of ``state``, or None when it has none (new, or unreadable). Paths in it are
    relative to the state folder. Earlier versions wrote absolute ones; when the project folder
    has moved since (the recorded output folder's name is beside the state folder, under
    another parent), they are read as moved with it."""
    try:
        data = json.loads((state / RECORD_NAME).read_text(encoding="utf-8"))
        out, settings = Path(data["out"]), Path(data["settings"]) if data.get("settings") else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    here = _normal(state).parent
    if out.is_absolute() and out.parent != here and (here / out.name).is_dir():
        old = out.parent
        out = here / out.name
        if settings is not None and settings.is_relative_to(old):
            settings = here / settings.relative_to(old)
    return StateRecord(_normal(state / out), _normal(state / settings) if settings else None)


def claim_state(places: Places, settings: Path | None) -> None:
    """Record that ``places.state`` serves ``places.out``, built with ``settings``.

    The record holds paths relative to the state folder, so a project folder moved, copied or
    restored elsewhere (state, output and settings together) is still the same project.
    Raises ``ConfigError`` when the state folder already serves another output folder.
    """
    out = _normal(places.out)
    record = read_record(places.state)
    if record is not None and resolved(record.out) != resolved(places.out):
        raise ConfigError(
            f"state folder {places.state} belongs to output folder {record.out}, not {out}; give each "
            f"output folder its own state folder (--state, or [build] state in the settings), or "
            f"delete {places.state / RECORD_NAME} if {record.out} was moved"
        )
    wanted = StateRecord(out, _normal(settings) if settings else None)
    state = _normal(places.state)
    text = (
        json.dumps(
            {
                "out": os.path.relpath(wanted.out, state),
                "settings": os.path.relpath(wanted.settings, state) if wanted.settings else None,
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )
    try:
        unchanged = (places.state / RECORD_NAME).read_text(encoding="utf-8") == text
    except OSError:
        unchanged = False
    if not unchanged:
        write_text_atomic(places.state / RECORD_NAME, text)


def find_state(out: Path) -> Path | None:
    """The state folder that records serving ``out`` in its default place, if there is one:
    beside ``out`` as named, else beside the folder it resolves to (``out`` named through a
    symlink)."""
    for candidate in dict.fromkeys((default_state_for(out), default_state_for(resolved(out)))):
        record = read_record(candidate)
        if record is not None and resolved(record.out) == resolved(out):
            return candidate
    return None


def migrate_output(places: Places) -> tuple[str, ...]:
    """Move what earlier versions kept in the output folder into the state folder, once.

    Returns the names moved (empty when there was nothing to move). The catalog is moved only
    when the state folder has none yet; the speech cache's entries are merged in. Call holding
    the state folder's lock.
    """
    moved: list[str] = []
    out, state = places.out, places.state
    legacy_catalog = out / CATALOG_NAME
    if legacy_catalog.is_file():
        state.mkdir(parents=True, exist_ok=True)
        if places.catalog.exists():
            # Both exist: the state's is the newer one; keep the old as evidence, out of public view.
            _move(legacy_catalog, state / f"{CATALOG_NAME}.from-output")
        else:
            _move(legacy_catalog, places.catalog)
        for sidecar in (out / f"{CATALOG_NAME}-journal",):
            sidecar.unlink(missing_ok=True)
        moved.append(CATALOG_NAME)
    legacy_cache = out / LEGACY_CACHE
    if legacy_cache.is_dir():
        _merge_tree(legacy_cache, places.speech_cache)
        moved.append("speech cache")
    if (out / LEGACY_CACHE.parent).is_dir() and not any((out / LEGACY_CACHE.parent).iterdir()):
        (out / LEGACY_CACHE.parent).rmdir()
    if (out / LEGACY_LOCK).is_file():
        (out / LEGACY_LOCK).unlink()
        moved.append("lock")
    return tuple(moved)


def _move(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(os.fspath(source), os.fspath(target))  # a rename on one disk, a copy across disks


def _merge_tree(source: Path, target: Path) -> None:
    """Move every file under ``source`` to the same place under ``target``, then remove ``source``."""
    if not target.exists():
        _move(source, target)
        return
    for path in sorted(source.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(source)
            if destination.exists():
                path.unlink()  # content-addressed: the same name holds the same speech
            else:
                _move(path, destination)
    shutil.rmtree(source, ignore_errors=True)


def remove_leftovers(places: Places) -> None:
    """Repair and clear what killed commands left under ``places.out``: an edition swap cut
    between its two renames is undone (the previous edition goes back, as the feed describes
    it); staging folders of unfinished editions, scratch folders of tracks (hundreds of MB of
    PCM each) and temporary files of unfinished writes are deleted. Every command that writes
    the output folder (build, publish, remove, catalog rebuild) calls it first, holding
    ``sole_writer(places.state)``."""
    out = places.out
    if not out.is_dir():
        return
    restore_previous(out)
    for scratch in (
        *out.glob(f"{STAGING_PREFIX}*"),
        *out.glob(f"*/{WORK_PREFIX}*"),
        *places.scratch.glob(f"{WORK_PREFIX}*"),
    ):
        if scratch.is_dir() and not scratch.is_symlink():
            shutil.rmtree(scratch, ignore_errors=True)
    remove_partial_writes(out)
