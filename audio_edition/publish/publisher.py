"""Publishing, composed: catalog → cover → feeds → page. The pipeline calls ``publish_edition``.

Usage from the build (``audio_edition/edition.py``)::

    show = load_show(config_path)            # None: ./audio-edition.toml or the defaults
    manifest = ...                           # written to output/<date>/edition.json
    result = publish_edition(Path("output"), manifest, show)
    print(result.feed_url)

Each published file (``feed.xml``, ``articles.xml``, the pages (``site.py``), the cover) is written
atomically, after the catalog's transaction: a killed publish leaves the previous feed intact,
and the next publish catches up. The catalog and the lock live in the state folder (``places.py``;
default ``output/../.audio-edition``), never in the public output folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from audio_edition.audio.manifest import EDITION_YEARS, MANIFEST_NAME, EditionManifest, read_manifest
from audio_edition.errors import PublishError
from audio_edition.fsutil import prepare_folder, reporting_write_errors, sole_writer, write_bytes_atomic
from audio_edition.places import Places, claim_state, default_state_for, migrate_output, read_record
from audio_edition.publish.catalog import list_editions, prune, record_edition
from audio_edition.publish.config import Show
from audio_edition.publish.cover import publish_cover
from audio_edition.publish.feed import (
    ARTICLES_FEED_NAME,
    FEED_NAME,
    PAGE_NAME,
    articles_feed,
    edition_feed,
    media_url,
)
from audio_edition.publish.site import write_site

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class PublishResult:
    """What a publish wrote, for the CLI to print."""

    feed: Path
    articles_feed: Path
    page: Path
    cover: Path
    editions: tuple[str, ...]
    """Dates in the catalog, newest first."""
    added: tuple[str, ...]
    """Dates recorded (new or rebuilt) by this publish."""
    pruned: tuple[str, ...]
    """Dates removed by ``keep``."""
    feed_url: str
    page_url: str
    migrated: tuple[str, ...] = ()
    """What was moved out of an output folder of an earlier version into the state folder."""


def publish_edition(output_dir: Path, manifest: EditionManifest, show: Show, *,
                    keep: int | None = None, state: Path | None = None) -> PublishResult:
    """Record one built edition (``output_dir/<date>/``) and rewrite the feeds and the page.

    A new date adds an item; a rebuilt date replaces its item and keeps its guid; nothing else
    changes unless ``keep`` is given, which removes all but the newest ``keep`` editions and
    their folders. ``state`` is the state folder (None: beside ``output_dir``). Raises
    ``PublishError`` if the edition's files are not in place, ``BusyError`` if another build or
    publish is writing to ``output_dir``.
    """
    places = Places(output_dir, state or default_state_for(output_dir))
    with reporting_write_errors(output_dir), sole_writer(places.state, f"publish of {manifest.date}",
                                                         subject=places.out):
        record = read_record(places.state)
        claim_state(places, record.settings if record else None)
        migrated = migrate_output(places)
        return publish_held(places, manifest, show, keep=keep, migrated=migrated)


def publish_held(places: Places, manifest: EditionManifest, show: Show, *,
                 keep: int | None = None, migrated: tuple[str, ...] = ()) -> PublishResult:
    """``publish_edition`` for a caller that already holds ``sole_writer(places.state)``: the
    build, so that the feeds follow its new files at once, with no other writer between."""
    _check_edition(places.out, manifest)
    record_edition(places.state, manifest)
    return _publish(places, show, keep=keep, added=(manifest.date,), migrated=migrated)


def publish_catalog(output_dir: Path, show: Show, *, keep: int | None = None,
                    state: Path | None = None, settings: Path | None = None) -> PublishResult:
    """Rewrite the feeds, page and cover from the catalog (``audio-edition publish``).

    Edition folders in ``output_dir`` whose ``edition.json`` the catalog does not hold as it
    is are recorded first: one not yet in the catalog (e.g. after the catalog was deleted by
    hand), or one a build swapped in but was killed before recording. ``state`` is the state
    folder (None: beside ``output_dir``), ``settings`` the settings file ``show`` came from
    (recorded there). Raises ``BusyError`` if another build or publish is writing to ``output_dir``.
    """
    if not output_dir.exists():
        raise PublishError(f"{output_dir}: no such folder; build an edition first")
    prepare_folder(output_dir, "the output folder")
    places = Places(output_dir, state or default_state_for(output_dir))
    with reporting_write_errors(output_dir), sole_writer(places.state, "publish", subject=places.out):
        claim_state(places, settings)
        migrated = migrate_output(places)
        added: list[str] = []
        known = {entry.date: entry.manifest for entry in list_editions(places.state)}
        for folder in sorted(output_dir.iterdir()):
            if _DATE.match(folder.name) and (folder / MANIFEST_NAME).is_file():
                manifest = _read(folder)
                if known.get(manifest.date) == manifest:
                    continue
                _check_edition(output_dir, manifest)
                record_edition(places.state, manifest)
                added.append(manifest.date)
        return _publish(places, show, keep=keep, added=tuple(added), migrated=migrated)


def _read(folder: Path) -> EditionManifest:
    try:
        return read_manifest(folder)
    except (ValueError, KeyError, TypeError) as error:
        raise PublishError(f"{folder / MANIFEST_NAME}: not a valid edition manifest ({error})") \
            from error


def _check_edition(output_dir: Path, manifest: EditionManifest) -> None:
    if not _DATE.match(manifest.date):
        raise PublishError(f"edition date {manifest.date!r} is not an ISO date like 2023-12-25")
    if int(manifest.date[:4]) not in EDITION_YEARS:
        raise PublishError(f"edition date {manifest.date} is not plausible; editions are dated "
                           f"{EDITION_YEARS[0]}–{EDITION_YEARS[-1]}")
    folder = output_dir / manifest.date
    for relative in manifest.files():
        if not (folder / relative).is_file():
            raise PublishError(f"{folder / relative}: listed in {MANIFEST_NAME} but missing")


_BUILD_DATE = re.compile(rb"<lastBuildDate>[^<]*</lastBuildDate>")


def _write_feed(path: Path, feed: bytes) -> None:
    """Write ``feed`` unless the file already says the same apart from its lastBuildDate: an
    unchanged feed keeps its bytes, so podcast apps and ``publish --to`` see nothing new."""
    try:
        if _BUILD_DATE.sub(b"", path.read_bytes()) == _BUILD_DATE.sub(b"", feed):
            return
    except OSError:
        pass
    write_bytes_atomic(path, feed)


def _publish(places: Places, show: Show, *, keep: int | None,
             added: tuple[str, ...], migrated: tuple[str, ...]) -> PublishResult:
    output_dir = places.out
    pruned = prune(places.state, keep, output_dir) if keep is not None else ()
    entries = list_editions(places.state)
    now = datetime.now(timezone.utc)
    cover = publish_cover(show.cover, show.title, output_dir)
    # Everything is rendered before anything is written, so a bad edition fails the publish
    # without leaving one feed new and the other old.
    feed = edition_feed(show, entries, output_dir, cover.name, now)
    single = articles_feed(show, entries, output_dir, cover.name, now)
    # The pages first, the feeds last: a feed never links to a page that is not there yet.
    write_site(output_dir, show, entries, cover.name)
    _write_feed(output_dir / FEED_NAME, feed)
    _write_feed(output_dir / ARTICLES_FEED_NAME, single)
    return PublishResult(
        feed=output_dir / FEED_NAME, articles_feed=output_dir / ARTICLES_FEED_NAME,
        page=output_dir / PAGE_NAME, cover=output_dir / cover.name,
        editions=tuple(e.date for e in entries), added=added, pruned=pruned,
        feed_url=media_url(show, FEED_NAME), page_url=show.base_url, migrated=migrated,
    )
