"""The catalog: every published edition, kept in SQLite in the state folder so editions accumulate.

Every function takes the folder holding ``catalog.sqlite3`` (``Places.state``); the catalog is
private, never in the public output folder.

Building a new date adds an entry; rebuilding a date replaces only that entry and keeps its guid;
nothing is removed except on purpose (``remove DATE``, ``--keep N``). Each change is one SQLite
transaction, so a killed publish leaves the catalog as it was before.

Removing is resumable, in steps a kill may cut anywhere: ``mark_removed`` records the intent
(the edition leaves ``list_editions`` at once, so feeds and page drop it), the publisher then
rewrites the feeds and deletes the files, and ``finish_removal`` forgets the entry last. A date
marked and not finished is finished by the next publish (``removals_pending``); a finished one
stays marked, so finding its folder again (a copy restored by hand, a failed delete) never
brings it back — only building that date again does.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from audio_edition.audio.manifest import EditionManifest
from audio_edition.errors import PublishError, WriteError
from audio_edition.fsutil import EX_CANTCREAT, EX_IOERR
from audio_edition.places import CATALOG_NAME
from audio_edition.publish.identity import Story, match_stories

_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class CatalogEntry:
    """One published edition."""

    manifest: EditionManifest
    guid: str
    """Never changes for a date, however often the edition is rebuilt."""
    first_published: datetime
    updated: datetime
    stories: tuple[Story, ...] = ()
    """Each article's identity, in the manifest's order (``story``)."""

    @property
    def date(self) -> str:
        return self.manifest.date

    def story(self, number: int) -> Story:
        """The story of article ``number``: its guid and when it was last corrected."""
        for story in self.stories:
            if story.number == number:
                return story
        raise PublishError(f"{self.date}: article {number} has no story in the catalog")


def catalog_path(state_dir: Path) -> Path:
    """Where the catalog in the state folder ``state_dir`` lives."""
    return state_dir / CATALOG_NAME


@contextmanager
def _connect(state_dir: Path, path: Path | None = None) -> Iterator[sqlite3.Connection]:
    state_dir.mkdir(parents=True, exist_ok=True)
    path = path or catalog_path(state_dir)
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
                # Dates removed on purpose: done 0 while the removal is under way, 1 after.
                db.execute(
                    "CREATE TABLE IF NOT EXISTS removed ("
                    " date TEXT PRIMARY KEY, at TEXT NOT NULL, done INTEGER NOT NULL)"
                )
                # Each story's guid, assigned once and matched by content on every rebuild
                # (identity.py); an edition recorded before this table has none until then.
                db.execute(
                    "CREATE TABLE IF NOT EXISTS stories ("
                    " date TEXT NOT NULL, number INTEGER NOT NULL, guid TEXT NOT NULL UNIQUE,"
                    " headline TEXT NOT NULL, text TEXT NOT NULL, corrected TEXT,"
                    " PRIMARY KEY (date, number))"
                )
                db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (_SCHEMA_VERSION,))
                # Guids derive from a random id made once per catalog: stable across rebuilds,
                # and never colliding with another show's items in a listener's app.
                db.execute("INSERT OR IGNORE INTO meta VALUES ('namespace', ?)", (str(uuid.uuid4()),))
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


def meta_value(state_dir: Path, key: str) -> str | None:
    """A value the catalog keeps for the show (e.g. ``show_guid``), or None."""
    if not catalog_path(state_dir).exists():
        return None
    with _connect(state_dir) as db:
        row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta_value(state_dir: Path, key: str, value: str) -> None:
    """Keep ``value`` under ``key`` in the catalog."""
    with _connect(state_dir) as db, db:
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def catalog_namespace(state_dir: Path) -> uuid.UUID:
    """The random id made once per catalog (what guids derive from when the show has none)."""
    with _connect(state_dir) as db:
        return _namespace(db)


def edition_guid(namespace: uuid.UUID, date: str) -> str:
    """The guid of the edition of ``date``: a UUID derived from a namespace and the date."""
    return str(uuid.uuid5(namespace, f"edition/{date}"))


def article_guid(entry: CatalogEntry, number: int) -> str:
    """The guid of article ``number`` of an edition: its story's, kept in the catalog."""
    return entry.story(number).guid


def legacy_stories(guid: str, manifest: EditionManifest) -> tuple[Story, ...]:
    """The stories of an edition recorded before stories were kept, with the guids feeds gave
    them then (from file slugs), so that matching by content keeps what subscribers have."""
    guids = legacy_article_guids(guid, manifest)
    return tuple(Story(a.number, guids[a.number], a.headline, a.text) for a in manifest.articles)


def legacy_article_guids(guid: str, manifest: EditionManifest) -> dict[int, str]:
    """Earlier versions' guids: ``uuid5(edition guid, "article/<slug>")``, the slug being the
    file name without the number; a slug met again in the edition gets ``#2``, ``#3``."""
    seen: dict[str, int] = {}
    guids = {}
    for article in manifest.articles:
        slug = Path(article.audio).stem.split("-", 1)[-1]
        seen[slug] = seen.get(slug, 0) + 1
        name = slug if seen[slug] == 1 else f"{slug}#{seen[slug]}"
        guids[article.number] = str(uuid.uuid5(uuid.UUID(guid), f"article/{name}"))
    return guids


def record_edition(
    state_dir: Path,
    manifest: EditionManifest,
    now: datetime | None = None,
    *,
    guid: str | None = None,
    known: tuple[Story, ...] = (),
) -> CatalogEntry:
    """Add the edition to the catalog, or replace the entry of the same date (same guid).

    ``guid`` is the edition's guid when it is new (the publisher derives it from the show's
    id); an entry already there keeps its own. None: derived from a random namespace kept in
    the catalog (earlier versions' rule). Recording a removed date brings it back.
    Each story keeps the guid of the story it matches by content (``identity.py``): the
    catalog's, else one of ``known`` (stories read back from a published feed).
    """
    now = now or datetime.now(UTC)
    with _connect(state_dir) as db, db:
        row = db.execute(
            "SELECT first_published, guid, manifest FROM editions WHERE date = ?", (manifest.date,)
        ).fetchone()
        first = row[0] if row else now.isoformat()
        guid = row[1] if row else guid or edition_guid(_namespace(db), manifest.date)
        old = _stories(db, manifest.date) or (
            legacy_stories(guid, EditionManifest.from_json(row[2])) if row else ()
        )
        if old:
            stories = match_stories(old, manifest.articles, guid, now)
        else:
            stories = match_stories(known, manifest.articles, guid, now, flag_changes=False)
        db.execute(
            "INSERT INTO editions VALUES (?, ?, ?, ?, ?) ON CONFLICT(date) DO UPDATE SET"
            " manifest = excluded.manifest, updated = excluded.updated",
            (manifest.date, guid, manifest.to_json(), first, now.isoformat()),
        )
        _put_stories(db, manifest.date, stories)
        db.execute("DELETE FROM removed WHERE date = ?", (manifest.date,))
    return CatalogEntry(manifest, guid, datetime.fromisoformat(first), now, stories)


def _stories(db: sqlite3.Connection, date: str) -> tuple[Story, ...]:
    return tuple(
        Story(*r)
        for r in db.execute(
            "SELECT number, guid, headline, text, corrected FROM stories WHERE date = ? ORDER BY number",
            (date,),
        )
    )


def _put_stories(db: sqlite3.Connection, date: str, stories: Iterable[Story]) -> None:
    db.execute("DELETE FROM stories WHERE date = ?", (date,))
    db.executemany(
        "INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?)",
        [(date, s.number, s.guid, s.headline, s.text, s.corrected) for s in stories],
    )


def stories_by_date(state_dir: Path) -> dict[str, tuple[Story, ...]]:
    """Every edition's stories as the catalog keeps them (for ``catalog rebuild``)."""
    entries = list_editions(state_dir)
    return {e.date: e.stories for e in entries}


def list_editions(state_dir: Path) -> tuple[CatalogEntry, ...]:
    """Every edition in the catalog, newest date first."""
    if not catalog_path(state_dir).exists():
        return ()
    with _connect(state_dir) as db:
        rows = db.execute(
            "SELECT manifest, guid, first_published, updated FROM editions"
            " WHERE date NOT IN (SELECT date FROM removed) ORDER BY date DESC"
        ).fetchall()
        entries = []
        for m, g, f, u in rows:
            manifest = EditionManifest.from_json(m)
            stories = _stories(db, manifest.date) or legacy_stories(g, manifest)
            entries.append(
                CatalogEntry(manifest, g, datetime.fromisoformat(f), datetime.fromisoformat(u), stories)
            )
    return tuple(entries)


def edition_dates(state_dir: Path) -> frozenset[str]:
    """The dates in the catalog (without reading their manifests)."""
    if not catalog_path(state_dir).exists():
        return frozenset()
    with _connect(state_dir) as db:
        return frozenset(row[0] for row in db.execute("SELECT date FROM editions"))


def dates_beyond(state_dir: Path, keep: int) -> tuple[str, ...]:
    """The dates of all but the newest ``keep`` editions listed, for ``--keep N``."""
    if keep < 1:
        raise PublishError(f"--keep must be at least 1 (got {keep}); nothing was removed")
    return tuple(entry.date for entry in list_editions(state_dir)[keep:])


def mark_removed(state_dir: Path, dates: Iterable[str], now: datetime | None = None) -> None:
    """Step one of removing editions: they leave ``list_editions`` (so feeds and page drop
    them) and stay marked until ``finish_removal``. Idempotent."""
    at = (now or datetime.now(UTC)).isoformat()
    with _connect(state_dir) as db, db:
        db.executemany(
            "INSERT INTO removed VALUES (?, ?, 0) ON CONFLICT(date) DO UPDATE SET done = 0",
            [(d, at) for d in dates],
        )


def removals_pending(state_dir: Path) -> tuple[str, ...]:
    """Dates marked for removal whose removal has not finished (a killed or failed publish)."""
    if not catalog_path(state_dir).exists():
        return ()
    with _connect(state_dir) as db:
        return tuple(r[0] for r in db.execute("SELECT date FROM removed WHERE done = 0 ORDER BY date"))


def removed_dates(state_dir: Path) -> frozenset[str]:
    """Every date removed on purpose (finished or not) and not built again since."""
    if not catalog_path(state_dir).exists():
        return frozenset()
    with _connect(state_dir) as db:
        return frozenset(r[0] for r in db.execute("SELECT date FROM removed"))


def finish_removal(state_dir: Path, dates: Iterable[str]) -> None:
    """The last step of removing editions, once feeds and files are gone: forget their entries
    (the marks stay, so a publish never brings them back). Idempotent."""
    dates = list(dates)
    with _connect(state_dir) as db, db:
        db.executemany("DELETE FROM editions WHERE date = ?", [(d,) for d in dates])
        db.executemany("DELETE FROM stories WHERE date = ?", [(d,) for d in dates])
        db.executemany("UPDATE removed SET done = 1 WHERE date = ?", [(d,) for d in dates])


def replace_catalog(
    state_dir: Path,
    entries: Iterable[tuple[EditionManifest, str, datetime, tuple[Story, ...]]],
    removed: Iterable[str] = (),
    meta: dict[str, str] | None = None,
) -> None:
    """Make the catalog hold exactly ``entries`` (manifest, guid, when built, the stories known
    of it, matched by content: ``identity.match_stories``), the marks of the ``removed`` dates and the ``meta``
    values kept before, written beside it and renamed into place: a kill leaves the old
    catalog or the new one."""
    state_dir.mkdir(parents=True, exist_ok=True)
    new = state_dir / f".{CATALOG_NAME}.new"
    new.unlink(missing_ok=True)
    with _connect(state_dir, new) as db, db:
        db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list((meta or {}).items()))
        for m, guid, at, stories in entries:
            db.execute(
                "INSERT INTO editions VALUES (?, ?, ?, ?, ?)",
                (m.date, guid, m.to_json(), at.isoformat(), at.isoformat()),
            )
            _put_stories(db, m.date, stories)
        db.executemany(
            "INSERT INTO removed VALUES (?, ?, 1)", [(d, datetime.now(UTC).isoformat()) for d in removed]
        )
    os.replace(new, catalog_path(state_dir))
