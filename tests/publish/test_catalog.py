"""The catalog: editions accumulate, a rebuild replaces only its date, pruning is on purpose."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from audio_edition.audio.manifest import EditionManifest
from audio_edition.errors import PublishError
from audio_edition.publish.catalog import (
    article_guid,
    catalog_path,
    dates_beyond,
    edition_dates,
    finish_removal,
    list_editions,
    mark_removed,
    record_edition,
    removals_pending,
    removed_dates,
)

from .fixture_editions import make_edition, rebuilt


def test_editions_accumulate_newest_first(
    output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest]
) -> None:
    first, second = two_editions
    record_edition(output_dir, first)
    record_edition(output_dir, second)
    entries = list_editions(output_dir)
    assert [e.date for e in entries] == ["2023-12-26", "2023-12-25"]
    assert entries[1].manifest == first
    assert len({e.guid for e in entries}) == 2


def test_a_rebuild_replaces_its_entry_and_keeps_guid_and_first_published(
    output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest]
) -> None:
    first, second = two_editions
    early = datetime(2024, 1, 1, tzinfo=UTC)
    original = record_edition(output_dir, first, now=early)
    record_edition(output_dir, second)
    again = rebuilt(first, output_dir, title="重新生成")
    replaced = record_edition(output_dir, again)
    entries = {e.date: e for e in list_editions(output_dir)}
    assert len(entries) == 2
    assert entries["2023-12-25"].manifest.title == "重新生成"
    assert replaced.guid == original.guid == entries["2023-12-25"].guid
    assert entries["2023-12-25"].first_published == early
    assert entries["2023-12-25"].updated > early
    assert entries["2023-12-26"].manifest == second


def test_article_guids_are_distinct_and_stable(
    output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest]
) -> None:
    entry = record_edition(output_dir, two_editions[0])
    guids = {article_guid(entry, n) for n in (1, 2)}
    assert len(guids) == 2
    assert article_guid(record_edition(output_dir, two_editions[0]), 1) in guids


def test_guids_differ_between_catalogs(tmp_path: Path) -> None:
    a = record_edition(tmp_path / "a", make_edition(tmp_path / "a", "2023-12-25"))
    b = record_edition(tmp_path / "b", make_edition(tmp_path / "b", "2023-12-25"))
    assert a.guid != b.guid


def test_removing_is_marked_first_and_forgotten_last(output_dir: Path) -> None:
    for day in ("2023-12-24", "2023-12-25", "2023-12-26"):
        record_edition(output_dir, make_edition(output_dir, day))
    assert dates_beyond(output_dir, 2) == ("2023-12-24",)
    assert dates_beyond(output_dir, 5) == ()
    mark_removed(output_dir, ["2023-12-24"])
    # Marked: no longer listed (so no feed names it), but not forgotten until finished.
    assert [e.date for e in list_editions(output_dir)] == ["2023-12-26", "2023-12-25"]
    assert removals_pending(output_dir) == ("2023-12-24",)
    mark_removed(output_dir, ["2023-12-24"])  # idempotent: a resumed removal marks again
    finish_removal(output_dir, ["2023-12-24"])
    finish_removal(output_dir, ["2023-12-24"])
    assert removals_pending(output_dir) == () and removed_dates(output_dir) == {"2023-12-24"}
    assert edition_dates(output_dir) == {"2023-12-25", "2023-12-26"}
    # Building the date again brings it back.
    record_edition(output_dir, make_edition(output_dir, "2023-12-24"))
    assert removed_dates(output_dir) == frozenset() and len(list_editions(output_dir)) == 3


def test_keep_refuses_zero(output_dir: Path, two_editions: tuple[EditionManifest, ...]) -> None:
    record_edition(output_dir, two_editions[0])
    with pytest.raises(PublishError, match="at least 1"):
        dates_beyond(output_dir, 0)
    assert len(list_editions(output_dir)) == 1


def test_a_given_guid_is_kept_for_good(output_dir: Path, two_editions: tuple[EditionManifest, ...]) -> None:
    first = record_edition(output_dir, two_editions[0], guid="7d9f0d55-5d4e-5b0e-9a43-0d7f6c1f2e01")
    again = record_edition(output_dir, two_editions[0], guid="00000000-0000-0000-0000-000000000000")
    assert first.guid == again.guid == "7d9f0d55-5d4e-5b0e-9a43-0d7f6c1f2e01"


def test_an_empty_output_has_no_editions_and_a_corrupt_catalog_is_named(tmp_path: Path) -> None:
    assert list_editions(tmp_path) == ()
    catalog_path(tmp_path).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(PublishError, match="catalog.sqlite3"):
        list_editions(tmp_path)


def test_the_catalog_is_plain_sqlite(output_dir: Path, two_editions: tuple[EditionManifest, ...]) -> None:
    record_edition(output_dir, two_editions[0])
    with sqlite3.connect(catalog_path(output_dir)) as db:
        assert db.execute("SELECT date FROM editions").fetchall() == [("2023-12-25",)]
