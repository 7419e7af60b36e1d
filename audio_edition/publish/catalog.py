"""The catalog: every published edition, kept in SQLite in the state folder so editions accumulate.

Every function takes the folder holding ``catalog.sqlite3`` (``Places.state``); the catalog is
private, never in the public output folder.

Building a new date adds an entry; rebuilding a date replaces only that entry and keeps its guid;
nothing is removed except by ``prune`` (``--keep N``), which is only ever called on purpose.
Each change is one SQLite transaction, so a killed publish leaves the catalog as it was before.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from audio_edition.audio.manifest import EditionManifest
from audio_edition.errors import PublishError, WriteError
from audio_edition.fsutil import EX_CANTCREAT, EX_IOERR
from audio_edition.places import CATALOG_NAME

_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class CatalogEntry:
    """One published edition."""

    manifest: EditionManifest
    guid: str
    """Never changes for a date, however often the edition is rebuilt."""
    first_published: datetime
    updated: datetime

    @property
    def date(self) -> str:
        return self.manifest.date


def catalog_path(state_dir: Path) -> Path:
    """Where the catalog in the state folder ``state_dir`` lives."""
    return state_dir / CATALOG_NAME


@contextmanager
def _connect(state_dir: Path) -> Iterator[sqlite3.Connection]:
    state_dir.mkdir(parents=True, exist_ok=True)
    path = catalog_path(state_dir)
    try:
        with closing(sqlite3.connect(path, timeout=30)) as db:
            # The default rollback journal (not WAL) keeps the catalog one file, and a killed
            # process's half transaction is rolled back on the next open.
            with db:
                db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS editions ("
                    " date TEXT PRIMARY KEY, guid TEXT NOT NULL UNIQUE, manifest TEXT NOT NULL,"
                    " first_published TEXT NOT NULL, updated TEXT NOT NULL)"
                )
                db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (_SCHEMA_VERSION,))
                # Guids derive from a random id made once per catalog: stable across rebuilds,
                # and never colliding with another show's items in a listener's app.
                db.execute("INSERT OR IGNORE INTO meta VALUES ('namespace', ?)",
                           (str(uuid.uuid4()),))
            yield db
    except sqlite3.DatabaseError as error:
        name = getattr(error, "sqlite_errorname", "")
        if name.startswith(("SQLITE_FULL", "SQLITE_IOERR")):
            raise WriteError(f"{path}: {error}", EX_IOERR) from error
        if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
            raise WriteError(f"cannot write {path}: {error}", EX_CANTCREAT) from error
        raise PublishError(f"{path}: catalog cannot be read or written: {error}") from error


def _namespace(db: sqlite3.Connection) -> uuid.UUID:
    row = db.execute("SELECT value FROM meta WHERE key = 'namespace'").fetchone()
    return uuid.UUID(row[0])


def edition_guid(namespace: uuid.UUID, date: str) -> str:
    """The guid of the edition of ``date``: a UUID derived from the catalog and the date."""
    return str(uuid.uuid5(namespace, f"edition/{date}"))


def article_guid(entry: CatalogEntry, number: int) -> str:
    """The guid of article ``number`` of an edition, derived from the edition's guid."""
    return str(uuid.uuid5(uuid.UUID(entry.guid), f"article/{number}"))


def record_edition(state_dir: Path, manifest: EditionManifest,
                   now: datetime | None = None) -> CatalogEntry:
    """Add the edition to the catalog, or replace the entry of the same date (same guid)."""
    now = now or datetime.now(timezone.utc)
    with _connect(state_dir) as db, db:
        guid = edition_guid(_namespace(db), manifest.date)
        row = db.execute("SELECT first_published FROM editions WHERE date = ?",
                         (manifest.date,)).fetchone()
        first = row[0] if row else now.isoformat()
        db.execute(
            "INSERT INTO editions VALUES (?, ?, ?, ?, ?) ON CONFLICT(date) DO UPDATE SET"
            " manifest = excluded.manifest, updated = excluded.updated",
            (manifest.date, guid, manifest.to_json(), first, now.isoformat()),
        )
    return CatalogEntry(manifest, guid, datetime.fromisoformat(first), now)


def list_editions(state_dir: Path) -> tuple[CatalogEntry, ...]:
    """Every edition in the catalog, newest date first."""
    if not catalog_path(state_dir).exists():
        return ()
    with _connect(state_dir) as db:
        rows = db.execute("SELECT manifest, guid, first_published, updated FROM editions"
                          " ORDER BY date DESC").fetchall()
    return tuple(
        CatalogEntry(EditionManifest.from_json(m), g, datetime.fromisoformat(f),
                     datetime.fromisoformat(u))
        for m, g, f, u in rows
    )


def edition_dates(state_dir: Path) -> frozenset[str]:
    """The dates in the catalog (without reading their manifests)."""
    if not catalog_path(state_dir).exists():
        return frozenset()
    with _connect(state_dir) as db:
        return frozenset(row[0] for row in db.execute("SELECT date FROM editions"))


def prune(state_dir: Path, keep: int, output_dir: Path) -> tuple[str, ...]:
    """Remove all but the newest ``keep`` editions: their catalog entries and their folders.

    Returns the dates removed. Only ever called on purpose (``--keep N``).
    """
    if keep < 1:
        raise PublishError(f"--keep must be at least 1 (got {keep}); nothing was removed")
    with _connect(state_dir) as db, db:
        dates = [r[0] for r in db.execute("SELECT date FROM editions ORDER BY date DESC"
                                           " LIMIT -1 OFFSET ?", (keep,))]
        db.executemany("DELETE FROM editions WHERE date = ?", [(d,) for d in dates])
    for date in dates:
        # Catalog first, files second: a kill in between leaves stray files, never a feed
        # item whose audio is gone.
        folder = output_dir / date
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder)
    return tuple(dates)
