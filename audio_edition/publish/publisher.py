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
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from audio_edition.audio.manifest import EDITION_YEARS, MANIFEST_NAME, EditionManifest, read_manifest
from audio_edition.errors import PublishError
from audio_edition.fsutil import (
    PREVIOUS_PREFIX,
    prepare_folder,
    reporting_write_errors,
    sole_writer,
    write_bytes_atomic,
)
from audio_edition.places import (
    Places,
    claim_state,
    default_state_for,
    migrate_output,
    read_record,
    remove_leftovers,
)
from audio_edition.publish.catalog import (
    CatalogEntry,
    catalog_namespace,
    edition_dates,
    edition_guid,
    finish_removal,
    list_editions,
    mark_removed,
    meta_value,
    record_edition,
    removals_pending,
    removed_dates,
    replace_catalog,
    set_meta_value,
)
from audio_edition.publish.cover import other_covers, plan_cover, publish_cover
from audio_edition.publish.feed import (
    ARTICLES_FEED_NAME,
    FEED_NAME,
    PAGE_NAME,
    Addresses,
    articles_feed,
    edition_feed,
    media_url,
    show_namespace,
)
from audio_edition.publish.identity import match_stories
from audio_edition.publish.media import GRACE, addresses_of, plan_media, plan_removal, publish_media
from audio_edition.publish.recovery import Published, read_published
from audio_edition.publish.site import plan_site, stale_pages, write_site
from audio_edition.publish.sync import Destination, SyncPlan, sync_output
from audio_edition.show import Show

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
    """Dates removed by ``keep`` or ``remove`` (and removals a killed publish left unfinished)."""
    feed_url: str
    page_url: str
    migrated: tuple[str, ...] = ()
    """What was moved out of an output folder of an earlier version into the state folder."""
    skipped: tuple[str, ...] = ()
    """One line per edition left out of the feeds and page, saying why (its files are missing,
    or it was removed on purpose), for the CLI to print as warnings."""
    superseded_removed: tuple[str, ...] = ()
    """Audio versions no feed has named for the grace period, removed (``media.py``)."""
    broken: tuple[str, ...] = ()
    """Dates in the catalog left out because their files are missing or not as recorded: not
    removed, and (``to``) neither uploaded nor deleted, so a published copy elsewhere stays."""
    sync: SyncPlan | None = None
    """What ``to`` uploaded and deleted, when it was given."""


def _published(places: Places, show: Show) -> Published:
    return read_published(places.out, FEED_NAME, ARTICLES_FEED_NAME, show.zone)


def show_identity(places: Places, show: Show) -> uuid.UUID:
    """The show's permanent id: ``[show] id``; without one, the id the catalog keeps — the
    podcast:guid of the feed already published, if any (so subscribers' apps see the same
    show), else the catalog's own random id. Never derived from base_url."""
    namespace = show_namespace(show)
    if namespace is not None:
        return namespace
    kept = meta_value(places.state, "show_guid")
    if kept:
        return uuid.UUID(kept)
    found = _published(places, show).show_guid
    try:
        namespace = uuid.UUID(found) if found else catalog_namespace(places.state)
    except ValueError:
        namespace = catalog_namespace(places.state)
    set_meta_value(places.state, "show_guid", str(namespace))
    return namespace


def publish_edition(
    output_dir: Path,
    manifest: EditionManifest,
    show: Show,
    *,
    keep: int | None = None,
    state: Path | None = None,
    media_grace: timedelta = GRACE,
) -> PublishResult:
    """Record one built edition (``output_dir/<date>/``) and rewrite the feeds and the page.

    A new date adds an item; a rebuilt date replaces its item and keeps its guid; nothing else
    changes unless ``keep`` is given, which removes all but the newest ``keep`` editions and
    their folders. ``state`` is the state folder (None: beside ``output_dir``); superseded
    audio is removed ``media_grace`` after no feed names it (``media.py``). Raises
    ``PublishError`` if the edition's files are not in place, ``BusyError`` if another build or
    publish is writing to ``output_dir``.
    """
    places = Places(output_dir, state or default_state_for(output_dir))
    with (
        reporting_write_errors(output_dir),
        sole_writer(places.state, f"publish of {manifest.date}", subject=places.out),
    ):
        record = read_record(places.state)
        claim_state(places, record.settings if record else None)
        migrated = migrate_output(places)
        remove_leftovers(places)
        return publish_held(places, manifest, show, keep=keep, migrated=migrated, media_grace=media_grace)


def publish_held(
    places: Places,
    manifest: EditionManifest,
    show: Show,
    *,
    keep: int | None = None,
    migrated: tuple[str, ...] = (),
    media_grace: timedelta = GRACE,
) -> PublishResult:
    """``publish_edition`` for a caller that already holds ``sole_writer(places.state)``: the
    build, so that the feeds follow its new files at once, with no other writer between."""
    _check_edition(places.out, manifest)
    record_edition(places.state, manifest, guid=edition_guid(show_identity(places, show), manifest.date))
    return _publish(
        places, show, keep=keep, added=(manifest.date,), migrated=migrated, media_grace=media_grace
    )


def publish_catalog(
    output_dir: Path,
    show: Show,
    *,
    keep: int | None = None,
    state: Path | None = None,
    settings: Path | None = None,
    to: Destination | None = None,
    delete: bool = False,
    progress: Callable[[int, int], None] | None = None,
    media_grace: timedelta = GRACE,
) -> PublishResult:
    """Rewrite the feeds, page and cover from the catalog (``audio-edition publish``); with
    ``to``, then copy the output folder there (``sync_output``; ``delete``, ``progress`` as
    there) still holding the lock, so no build changes a file between its checksum and its
    upload, and the feeds uploaded describe the audio uploaded.

    Edition folders in ``output_dir`` whose ``edition.json`` the catalog does not hold as it
    is are recorded first: one not yet in the catalog (e.g. after the catalog was deleted by
    hand), or one a build swapped in but was killed before recording. ``state`` is the state
    folder (None: beside ``output_dir``), ``settings`` the settings file ``show`` came from
    (recorded there); ``media_grace`` as in ``publish_edition``. Raises ``BusyError`` if another
    build or publish is writing to ``output_dir``.
    """
    if not output_dir.exists():
        raise PublishError(f"{output_dir}: no such folder; build an edition first")
    prepare_folder(output_dir, "the output folder")
    places = Places(output_dir, state or default_state_for(output_dir))
    with reporting_write_errors(output_dir), sole_writer(places.state, "publish", subject=places.out):
        claim_state(places, settings)
        migrated = migrate_output(places)
        remove_leftovers(places)
        added, skipped = _discover(places, show)
        result = _publish(
            places, show, keep=keep, added=added, migrated=migrated, skipped=skipped, media_grace=media_grace
        )
        if to is None:
            return result
        plan = sync_output(places.out, to, delete=delete, progress=progress, held=frozenset(result.broken))
        return replace(result, sync=plan)


@dataclass(frozen=True)
class PublishPlan:
    """What ``publish_catalog`` would do to the output folder (``publish --dry-run``)."""

    removed: tuple[str, ...]
    """Edition dates it would remove (``keep``, and removals a killed publish left)."""
    superseded: tuple[str, ...]
    """Audio versions past their grace period it would remove (``media.py``)."""
    rewritten: tuple[str, ...]
    """Files it would write, new or with other bytes: the cover, the pages, the feeds."""
    linked: tuple[tuple[str, Path], ...] = ()
    """Versioned audio it would add (``media.py``): each key and the file it is."""
    written: tuple[tuple[str, bytes], ...] = ()
    """The files of ``rewritten``, each with the bytes it would hold."""
    dropped: tuple[str, ...] = ()
    """Other files it would remove: pages no longer part of the site, a cover of the other format."""
    broken: tuple[str, ...] = ()
    """Dates it would leave out because their files are missing or not as recorded (as
    ``PublishResult.broken``: their files neither uploaded nor deleted by ``--to``)."""
    skipped: tuple[str, ...] = ()
    """The warnings the real run would print, one line per edition left out."""

    @property
    def leaving(self) -> frozenset[str]:
        """The keys and folders (``2023-12-25/``) that would be gone from the output folder."""
        return frozenset({*(f"{d}/" for d in self.removed), *self.superseded, *self.dropped})


_UNKNOWN_SHOW_GUID = str(uuid.UUID(int=0))
"""Stands in for the show's id a first publish would make at random: the same length, so a dry
run counts the feeds' bytes as the real run writes them."""


def plan_publish(
    output_dir: Path,
    show: Show,
    *,
    keep: int | None = None,
    state: Path | None = None,
    media_grace: timedelta = GRACE,
) -> PublishPlan:
    """What ``publish_catalog`` with ``keep`` and ``media_grace`` would remove and write; changes
    nothing.

    Decided as the real run decides, step by step: editions found in the output folder and not
    yet in the catalog recorded (in memory), broken ones left out, ``keep`` counting intact ones;
    the cover, the versioned audio, the pages and the feeds rendered as the real run would render
    them and compared with the files in place (a feed by all but its lastBuildDate)."""
    if not output_dir.exists():  # the same line the real run says
        raise PublishError(f"{output_dir}: no such folder; build an edition first")
    if keep is not None and keep < 1:
        raise PublishError(f"--keep must be at least 1 (got {keep}); nothing was removed")
    places = Places(output_dir, state or default_state_for(output_dir))
    found, skipped = _unrecorded(places) if output_dir.is_dir() else ([], [])
    for previous in sorted(output_dir.glob(f"{PREVIOUS_PREFIX}*")):
        live = previous.with_name(previous.name.removeprefix(PREVIOUS_PREFIX))
        if previous.is_dir() and not live.exists():
            # The real run puts it back first (``remove_leftovers``); a dry run moves nothing.
            skipped.append(
                f"{live.name}: a build of it was cut short; the real run first puts its previous "
                f"folder back and publishes that, which this dry run does not show"
            )
    intact: list[CatalogEntry] = []
    broken: list[str] = []
    for entry in _as_recorded(places, show, list_editions(places.state), found):
        missing = _missing(output_dir, entry.manifest)
        if missing is None:
            intact.append(entry)
        else:
            skipped.append(missing)
            broken.append(entry.date)
    beyond = (e.date for e in intact[keep:]) if keep is not None else ()
    removed = tuple(sorted({*removals_pending(places.state), *beyond}, reverse=True))
    entries = tuple(e for e in intact if e.date not in removed)
    cover, cover_bytes = plan_cover(show.cover, show.title)
    versions, linked = plan_media(output_dir, places.state, [e.manifest for e in entries])
    superseded, _ = plan_removal(
        output_dir, places.state, versions, datetime.now(UTC), media_grace, held=frozenset(broken)
    )
    written: dict[str, bytes] = {}
    if _bytes_of(output_dir / cover.name) != cover_bytes:
        written[cover.name] = cover_bytes
    dropped = other_covers(output_dir, cover.name)
    site = plan_site(output_dir, show, list(entries), cover.name)
    written.update({k: data for k, data in site.items() if _bytes_of(output_dir / k) != data})
    dropped += [p.relative_to(output_dir).as_posix() for p in stale_pages(output_dir, site)]
    feeds = _render_feeds(places, show, entries, addresses_of(versions), cover.name, _UNKNOWN_SHOW_GUID)
    for name, data in feeds.items():
        there = _bytes_of(output_dir / name)
        if there is None or _BUILD_DATE.sub(b"", there) != _BUILD_DATE.sub(b"", data):
            written[name] = data
    return PublishPlan(
        removed,
        superseded,
        tuple(sorted(written)),
        tuple(sorted(linked.items())),
        tuple(sorted(written.items())),
        tuple(sorted(dropped)),
        tuple(broken),
        tuple(skipped),
    )


def _bytes_of(path: Path) -> bytes | None:
    """The bytes of a file in place, None when there is none (or it cannot be read: the real
    run writes it then)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def _listed(places: Places, leaving: tuple[str, ...] = ()) -> tuple[CatalogEntry, ...]:
    """The editions a publish would list: all but those ``leaving`` and those with files gone."""
    return tuple(
        e
        for e in list_editions(places.state)
        if e.date not in leaving and _missing(places.out, e.manifest) is None
    )


def _render_feeds(
    places: Places,
    show: Show,
    entries: tuple[CatalogEntry, ...],
    addresses: Addresses,
    cover: str,
    unknown_guid: str = "",
) -> dict[str, bytes]:
    """The two feeds as a publish would write them (name → bytes); reads only. The show's id
    as ``show_identity`` finds it without making one (``unknown_guid`` when there is none yet)."""
    built = max((_built_at(e.manifest) for e in entries), default=datetime.now(UTC))
    kept_guid = show_namespace(show) or meta_value(places.state, "show_guid")
    show_guid = str(kept_guid or _published(places, show).show_guid or unknown_guid)
    return {
        FEED_NAME: edition_feed(
            show, entries, places.out, cover, built, show_guid=show_guid, addresses=addresses
        ),
        ARTICLES_FEED_NAME: articles_feed(
            show, entries, places.out, cover, built, show_guid=show_guid, addresses=addresses
        ),
    }


def _render(
    places: Places, show: Show, entries: tuple[CatalogEntry, ...], addresses: Addresses
) -> dict[str, bytes]:
    """The feeds and pages as a publish would write them (path under ``output/`` → bytes);
    reads only (the catalog, the feeds)."""
    output_dir = places.out
    cover = next((name for name in ("cover.jpg", "cover.png") if (output_dir / name).is_file()), "cover.jpg")
    files = dict(plan_site(output_dir, show, list(entries), cover))
    files.update(_render_feeds(places, show, entries, addresses, cover))
    return files


def render_preview(
    output_dir: Path, show: Show, base_url: str, into: Path, *, state: Path | None = None
) -> int:
    """Write into ``into`` the feeds and pages of ``output_dir`` as they would be with
    ``base_url`` for the show's address (``serve``'s local preview on another port), leaving
    the output folder as it is; returns how many files were written: none for a folder with
    no catalog (not one that publishing wrote, so served as it is)."""
    places = Places(output_dir, state or default_state_for(output_dir))
    entries = _listed(places)
    if not entries:
        return 0
    versions, _ = plan_media(output_dir, places.state, [e.manifest for e in entries])
    files = _render(places, replace(show, base_url=base_url), entries, addresses_of(versions))
    for relative, data in files.items():
        (into / relative).parent.mkdir(parents=True, exist_ok=True)
        (into / relative).write_bytes(data)
    return len(files)


def remove_editions(
    output_dir: Path,
    dates: tuple[str, ...],
    show: Show,
    *,
    state: Path | None = None,
    media_grace: timedelta = GRACE,
) -> PublishResult:
    """Remove the editions of ``dates`` on purpose (``audio-edition remove``): feeds and page
    first, then their files, then their catalog entries; a kill anywhere is finished by the
    next publish. A date neither in the catalog nor in ``output_dir`` is a ``PublishError``."""
    places = Places(output_dir, state or default_state_for(output_dir))
    with reporting_write_errors(output_dir), sole_writer(places.state, "remove", subject=places.out):
        remove_leftovers(places)
        known = edition_dates(places.state)
        for date in dates:
            if date not in known and not (output_dir / date).exists():
                raise PublishError(f"no edition dated {date} in {output_dir}; nothing was removed")
        return _publish(places, show, keep=None, added=(), migrated=(), remove=dates, media_grace=media_grace)


def rebuild_catalog(output_dir: Path, show: Show, *, state: Path | None = None) -> tuple[str, ...]:
    """Recreate the catalog from the editions' manifests (``audio-edition catalog rebuild``),
    e.g. after it was lost; returns the dates recorded.

    Guids come out as they were: an entry of the old catalog, when it can still be read, keeps
    its own; every other is derived from the show's id and the date, as when it was first
    published. Dates removed on purpose stay removed.
    """
    places = Places(output_dir, state or default_state_for(output_dir))
    with (
        reporting_write_errors(places.state),
        sole_writer(places.state, "catalog rebuild", subject=places.out),
    ):
        try:
            old = {e.date: e for e in list_editions(places.state)}
            kept_guid = meta_value(places.state, "show_guid")
        except PublishError:
            old, kept_guid = {}, None  # unreadable: that is why it is being rebuilt
        remove_leftovers(places)
        try:
            removed = removed_dates(places.state)
        except PublishError:
            removed = frozenset()
        published = _published(places, show)  # what subscribers hold, when the catalog is lost
        namespace = show_namespace(show) or uuid.UUID(kept_guid or published.show_guid or str(uuid.uuid4()))
        entries = []
        for folder in sorted(output_dir.iterdir()) if output_dir.is_dir() else ():
            if (
                not (_DATE.match(folder.name) and (folder / MANIFEST_NAME).is_file())
                or folder.name in removed
            ):
                continue
            manifest = _read(folder)
            at = _built_at(manifest)
            was = old.get(manifest.date)
            if was is not None:
                stories = match_stories(was.stories, manifest.articles, was.guid, at)
                guid = was.guid
            else:
                guid = published.editions.get(manifest.date) or edition_guid(namespace, manifest.date)
                stories = match_stories(
                    published.stories.get(manifest.date, ()), manifest.articles, guid, at, flag_changes=False
                )
            entries.append((manifest, guid, at, stories))
        meta = {} if show.id else {"show_guid": str(namespace)}
        replace_catalog(places.state, entries, removed, meta)
        return tuple(m.date for m, _, _, _ in entries)


def _unrecorded(places: Places) -> tuple[list[EditionManifest], list[str]]:
    """Edition folders whose ``edition.json`` the catalog does not hold as it is, and (one line
    each, saying why) those skipped: removed on purpose, or with files missing. Reads only."""
    found: list[EditionManifest] = []
    skipped: list[str] = []
    known = {entry.date: entry.manifest for entry in list_editions(places.state)}
    removed = removed_dates(places.state)
    pending = removals_pending(places.state)  # being removed: _publish finishes them, silently
    for folder in sorted(places.out.iterdir()):
        if not (_DATE.match(folder.name) and (folder / MANIFEST_NAME).is_file()):
            continue
        if folder.name in removed:
            if folder.name not in pending:
                skipped.append(
                    f"{folder.name}: removed on purpose earlier, not brought back; "
                    f"build it again to publish it"
                )
            continue
        manifest = _read(folder)
        if known.get(manifest.date) == manifest:
            continue
        missing = _missing(places.out, manifest)
        if missing is not None:
            skipped.append(missing)
            continue
        _check_edition(places.out, manifest)
        found.append(manifest)
    return found, skipped


def _discover(places: Places, show: Show) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Record edition folders whose ``edition.json`` the catalog does not hold as it is; skip
    (and say why) those removed on purpose and those whose files are missing."""
    found, skipped = _unrecorded(places)
    known = edition_dates(places.state)
    namespace = show_identity(places, show) if found else None
    published: Published | None = None
    for manifest in found:
        assert namespace is not None
        if manifest.date not in known:  # the catalog lost it: the feeds say what it was
            published = published or _published(places, show)
            record_edition(
                places.state,
                manifest,
                known=published.stories.get(manifest.date, ()),
                guid=published.editions.get(manifest.date) or edition_guid(namespace, manifest.date),
            )
        else:
            record_edition(places.state, manifest, guid=edition_guid(namespace, manifest.date))
    return tuple(m.date for m in found), tuple(skipped)


def _as_recorded(
    places: Places, show: Show, entries: tuple[CatalogEntry, ...], found: list[EditionManifest]
) -> tuple[CatalogEntry, ...]:
    """``entries`` with the editions ``_discover`` would record (``found``, from ``_unrecorded``)
    as it would record them, in memory only (``publish --dry-run``)."""
    if not found:
        return entries
    now = datetime.now(UTC)
    published = _published(places, show)
    by_date = {e.date: e for e in entries}
    catalog = {e.date: e for e in list_editions(places.state)}
    kept = meta_value(places.state, "show_guid") or published.show_guid
    namespace = show_namespace(show) or (uuid.UUID(kept) if kept else uuid.NAMESPACE_URL)
    for manifest in found:
        was = catalog.get(manifest.date)
        if was is not None:
            stories = match_stories(was.stories, manifest.articles, was.guid, now)
            by_date[manifest.date] = CatalogEntry(manifest, was.guid, was.first_published, now, stories)
        else:
            guid = published.editions.get(manifest.date) or edition_guid(namespace, manifest.date)
            stories = match_stories(
                published.stories.get(manifest.date, ()), manifest.articles, guid, now, flag_changes=False
            )
            by_date[manifest.date] = CatalogEntry(manifest, guid, now, now, stories)
    return tuple(by_date[d] for d in sorted(by_date, reverse=True))


def _built_at(manifest: EditionManifest) -> datetime:
    try:
        when = datetime.fromisoformat(manifest.built_at)
    except ValueError:
        return datetime.now(UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _missing(output_dir: Path, manifest: EditionManifest) -> str | None:
    """Why an edition cannot be published as its manifest says (a file gone), or None."""
    folder = output_dir / manifest.date
    if not folder.is_dir():
        return (
            f"{manifest.date}: its folder {folder} is missing; left out of the feeds — rebuild it, "
            f"or `audio-edition remove {manifest.date}`"
        )
    sizes = {manifest.episode: manifest.episode_size, **{a.audio: a.size for a in manifest.articles}}
    for relative in manifest.files():
        path = folder / relative
        if not path.is_file() or (relative in sizes and path.stat().st_size != sizes[relative]):
            return (
                f"{manifest.date}: {path} is missing or not the size {MANIFEST_NAME} says; left out "
                f"of the feeds — rebuild it, or `audio-edition remove {manifest.date}`"
            )
    return None


def _read(folder: Path) -> EditionManifest:
    try:
        return read_manifest(folder)
    except (ValueError, KeyError, TypeError) as error:
        raise PublishError(f"{folder / MANIFEST_NAME}: not a valid edition manifest ({error})") from error


def _check_edition(output_dir: Path, manifest: EditionManifest) -> None:
    if not _DATE.match(manifest.date):
        raise PublishError(f"edition date {manifest.date!r} is not an ISO date like 2023-12-25")
    if int(manifest.date[:4]) not in EDITION_YEARS:
        raise PublishError(
            f"edition date {manifest.date} is not plausible; editions are dated "
            f"{EDITION_YEARS[0]}–{EDITION_YEARS[-1]}"
        )
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


def _publish(
    places: Places,
    show: Show,
    *,
    keep: int | None,
    added: tuple[str, ...],
    migrated: tuple[str, ...],
    skipped: tuple[str, ...] = (),
    remove: tuple[str, ...] = (),
    media_grace: timedelta = GRACE,
) -> PublishResult:
    output_dir = places.out
    # Removing is resumable and in this order: mark (the catalog lists them no more), feeds and
    # page without them, their files, and last their entries. Removals a killed publish left
    # are finished here too.
    entries = []
    broken: list[str] = []
    for entry in list_editions(places.state):
        missing = _missing(output_dir, entry.manifest)
        if missing is None:
            entries.append(entry)
        elif entry.date not in remove:
            skipped += (missing,)  # one lost folder must not stop every other edition
            broken.append(entry.date)
    # --keep counts intact editions only: a broken one (its folder or a file gone) is neither
    # kept nor removed, so it never costs an intact older edition its place.
    beyond = tuple(e.date for e in entries[keep:]) if keep is not None else ()
    if keep is not None and keep < 1:
        raise PublishError(f"--keep must be at least 1 (got {keep}); nothing was removed")
    doomed = tuple(
        sorted({*removals_pending(places.state), *remove, *beyond}, reverse=True)
    )  # newest first, as everything else is listed
    mark_removed(places.state, doomed)
    entries = [e for e in entries if e.date not in doomed]
    # The feeds change when an edition does, not at every publish: the newest build's time.
    now = max((_built_at(e.manifest) for e in entries), default=datetime.now(UTC))
    cover = publish_cover(show.cover, show.title, output_dir)
    show_guid = str(show_identity(places, show))
    # The audio under its versioned addresses before any feed names them.
    media = publish_media(
        output_dir,
        places.state,
        [e.manifest for e in entries],
        datetime.now(UTC),
        media_grace,
        held=frozenset(broken),
    )
    # Everything is rendered before anything is written, so a bad edition fails the publish
    # without leaving one feed new and the other old.
    feed = edition_feed(
        show, tuple(entries), output_dir, cover.name, now, show_guid=show_guid, addresses=media.addresses
    )
    single = articles_feed(
        show, tuple(entries), output_dir, cover.name, now, show_guid=show_guid, addresses=media.addresses
    )
    # The pages first, the feeds last: a feed never links to a page that is not there yet.
    write_site(output_dir, show, entries, cover.name)
    _write_feed(output_dir / FEED_NAME, feed)
    _write_feed(output_dir / ARTICLES_FEED_NAME, single)
    for date in doomed:
        folder = output_dir / date
        if folder.is_symlink():
            folder.unlink()
        elif folder.exists():
            shutil.rmtree(folder)  # a failure leaves the date marked: the next publish retries
    finish_removal(places.state, doomed)
    pruned = doomed
    return PublishResult(
        feed=output_dir / FEED_NAME,
        articles_feed=output_dir / ARTICLES_FEED_NAME,
        page=output_dir / PAGE_NAME,
        cover=output_dir / cover.name,
        editions=tuple(e.date for e in entries),
        added=added,
        pruned=pruned,
        skipped=skipped,
        broken=tuple(broken),
        feed_url=media_url(show, FEED_NAME),
        page_url=show.base_url,
        migrated=migrated,
        superseded_removed=media.removed,
    )
