"""Nothing lost, nothing wrong in publishing: guids that survive a lost catalog, removals that a
kill cannot leave half done, and one missing edition that does not stop the rest.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import podcastparser
import pytest
from click.testing import CliRunner

from audio_edition.audio.manifest import EditionManifest
from audio_edition.cli import main
from audio_edition.publish import Show, publish_catalog, publish_edition
from audio_edition.publish.catalog import catalog_path, list_editions, removed_dates
from audio_edition.publish.feed import show_namespace
from audio_edition.publish.publisher import rebuild_catalog, remove_editions

from .fixture_editions import make_edition

BASE = "https://podcast.example.org/"
SHOW = Show(base_url=BASE)


def parsed(output_dir: Path, name: str = "feed.xml") -> list[dict[str, object]]:
    feed = podcastparser.parse(BASE + name, io.BytesIO((output_dir / name).read_bytes()))
    episodes: list[dict[str, object]] = feed["episodes"]
    return episodes


def feeds(output_dir: Path) -> tuple[bytes, bytes]:
    return (output_dir / "feed.xml").read_bytes(), (output_dir / "articles.xml").read_bytes()


def every_enclosure_is_there(output_dir: Path) -> None:
    """What a podcast app would download exists, with the length the feed says."""
    for name in ("feed.xml", "articles.xml"):
        for episode in parsed(output_dir, name):
            enclosure = episode["enclosures"][0]  # type: ignore[index]
            path = output_dir / unquote(urlsplit(enclosure["url"]).path.lstrip("/"))
            assert path.is_file(), f"{name} names {path}, which is gone"
            assert path.stat().st_size == enclosure["file_size"]


def state(output_dir: Path) -> Path:
    return output_dir.parent / ".audio-edition"


# --- 3: guids ----------------------------------------------------------------------------------


def test_a_lost_catalog_rebuilt_from_the_manifests_changes_no_byte_of_the_feeds(
    output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest]
) -> None:
    for manifest in two_editions:
        publish_edition(output_dir, manifest, SHOW)
    before = feeds(output_dir)
    catalog_path(state(output_dir)).unlink()
    assert rebuild_catalog(output_dir, SHOW) == ("2023-12-25", "2023-12-26")
    publish_catalog(output_dir, SHOW)
    assert feeds(output_dir) == before
    # And without the rebuild: a publish that finds the editions again gives them the same guids.
    catalog_path(state(output_dir)).unlink()
    publish_catalog(output_dir, SHOW)
    assert feeds(output_dir) == before


def podcast_guid(output_dir: Path, name: str = "feed.xml") -> str:
    feed = podcastparser.parse(BASE + name, io.BytesIO((output_dir / name).read_bytes()))
    return str(feed.get("podcast_guid") or "") or _podcast_guid_by_hand(output_dir / name)


def _podcast_guid_by_hand(path: Path) -> str:
    import xml.etree.ElementTree as ET

    channel = ET.parse(path).getroot().find("channel")
    assert channel is not None
    uri = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
    return channel.findtext(f"{{{uri}}}guid") or ""


def test_guids_derive_from_the_shows_id_never_from_the_feed_url(
    output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest]
) -> None:
    show_id = "0f9c3a2e-7d1b-4c55-9e0a-3b6f1d2c4e5f"
    assert show_namespace(Show(id=show_id)) == show_namespace(Show(id=show_id, base_url=BASE))
    assert show_namespace(Show()) is None  # no id: the catalog keeps one, the URL never decides
    publish_edition(output_dir, two_editions[0], Show(base_url=BASE, id=show_id))
    assert podcast_guid(output_dir) == show_id
    other = output_dir.parent.parent / "other" / "output"
    publish_edition(
        other,
        make_edition(other, "2023-12-25"),
        Show(base_url=BASE, id="5d6b0f5e-0000-4000-8000-000000000001"),
    )
    assert list_editions(state(output_dir))[0].guid != list_editions(state(other))[0].guid


def test_a_show_without_id_keeps_its_guids_when_base_url_changes(
    output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest]
) -> None:
    publish_edition(output_dir, two_editions[0], Show())  # the starter's local address
    show_guid = podcast_guid(output_dir)
    guids = {n: {str(e["guid"]) for e in parsed(output_dir, n)} for n in ("feed.xml", "articles.xml")}
    publish_catalog(output_dir, SHOW)  # going public: another base_url (and the 26th found)
    assert podcast_guid(output_dir) == show_guid
    assert podcast_guid(output_dir, "articles.xml") == show_guid
    for name, before in guids.items():
        after = {str(e["guid"]) for e in parsed(output_dir, name)}
        assert before < after


def test_article_guids_follow_the_article_not_its_place(output_dir: Path) -> None:
    publish_edition(output_dir, make_edition(output_dir, "2023-12-25", headlines=("甲文", "乙文")), SHOW)
    before = {e["title"]: e["guid"] for e in parsed(output_dir, "articles.xml")}
    shutil.rmtree(output_dir / "2023-12-25")
    # Rebuilt with a story added in front: the two stories keep their guids.
    publish_edition(
        output_dir, make_edition(output_dir, "2023-12-25", headlines=("丙文", "甲文", "乙文")), SHOW
    )
    after = {e["title"]: e["guid"] for e in parsed(output_dir, "articles.xml")}
    assert after["甲文"] == before["甲文"] and after["乙文"] == before["乙文"]
    assert len(set(after.values())) == 3


def test_catalog_rebuild_command(
    output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest]
) -> None:
    for manifest in two_editions:
        publish_edition(output_dir, manifest, Show())  # the settings the command finds: none
    guids = [e.guid for e in list_editions(state(output_dir))]
    before = feeds(output_dir)
    catalog_path(state(output_dir)).write_bytes(b"not a catalog any more" * 100)
    result = CliRunner().invoke(
        main, ["catalog", "rebuild", str(output_dir), "--state", str(state(output_dir))]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("catalog rebuilt from 2 editions; published ")
    assert [e.guid for e in list_editions(state(output_dir))] == guids
    assert feeds(output_dir) == before


# --- 4: --keep N, crash-safe and resumable ------------------------------------------------------


def test_a_publish_killed_while_deleting_a_pruned_edition(output_dir: Path) -> None:
    for day in ("2023-12-24", "2023-12-25"):
        publish_edition(output_dir, make_edition(output_dir, day), SHOW)
    # Many files, so that deleting the old edition takes long enough to be killed inside.
    bulk = output_dir / "2023-12-24" / "articles" / "bulk"
    bulk.mkdir()
    for n in range(20000):
        (bulk / f"{n}.txt").write_bytes(b"x")
    command = [sys.executable, "-m", "audio_edition", "publish", str(output_dir), "--keep", "1", "--quiet"]
    process = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": os.getcwd()})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if len(os.listdir(bulk)) < 19000:  # the deletion is under way
                break
        except FileNotFoundError:
            break
        time.sleep(0.001)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    if process.returncode != -signal.SIGKILL:
        pytest.skip("the publish finished before it could be killed")
    assert (output_dir / "2023-12-24").exists(), "killed too late to test a half-deleted edition"
    # The feeds were rewritten before anything was deleted: none names the half-deleted edition.
    assert [e["title"] for e in parsed(output_dir)] == ["有声日报 2023-12-25"]
    every_enclosure_is_there(output_dir)
    # The next publish (no --keep) finishes the removal and does not bring the edition back.
    result = publish_catalog(output_dir, SHOW)
    assert result.pruned == ("2023-12-24",) and result.editions == ("2023-12-25",)
    assert not (output_dir / "2023-12-24").exists()
    assert publish_catalog(output_dir, SHOW).pruned == ()
    assert [e["title"] for e in parsed(output_dir)] == ["有声日报 2023-12-25"]


def test_a_pruned_edition_found_again_is_not_brought_back(output_dir: Path, tmp_path: Path) -> None:
    for day in ("2023-12-24", "2023-12-25"):
        publish_edition(output_dir, make_edition(output_dir, day), SHOW)
    shutil.copytree(output_dir / "2023-12-24", tmp_path / "saved")
    assert publish_catalog(output_dir, SHOW, keep=1).pruned == ("2023-12-24",)
    shutil.copytree(tmp_path / "saved", output_dir / "2023-12-24")  # e.g. a failed delete, a restore
    result = publish_catalog(output_dir, SHOW)
    assert result.editions == ("2023-12-25",) and result.added == ()
    assert result.skipped == (
        "2023-12-24: removed on purpose earlier, not brought back; build it again to publish it",
    )
    # Building (recording) that date again on purpose does bring it back.
    publish_edition(output_dir, make_edition(output_dir, "2023-12-24"), SHOW)
    assert removed_dates(state(output_dir)) == frozenset()


# --- 2: one missing edition, and `remove DATE` ---------------------------------------------------


def test_a_deleted_edition_folder_is_skipped_with_a_warning_not_a_refusal(
    output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest]
) -> None:
    for manifest in two_editions:
        publish_edition(output_dir, manifest, SHOW)
    shutil.rmtree(output_dir / "2023-12-25")
    publish_edition(output_dir, make_edition(output_dir, "2023-12-27"), SHOW)  # a build still publishes
    result = CliRunner().invoke(main, ["publish", str(output_dir), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("audio-edition: warning: 2023-12-25: its folder ")
    assert "rebuild it, or `audio-edition remove 2023-12-25`" in result.stderr
    assert [e["title"] for e in parsed(output_dir)] == ["有声日报 2023-12-27", "有声日报 2023-12-26"]
    every_enclosure_is_there(output_dir)


def test_remove_takes_one_date_out_of_catalog_files_feeds_and_page(
    output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest]
) -> None:
    for manifest in two_editions:
        publish_edition(output_dir, manifest, SHOW)
    shutil.rmtree(output_dir / "2023-12-25" / "articles")  # half gone already: still removable
    result = CliRunner().invoke(main, ["remove", "2023-12-25", "--out", str(output_dir)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("removed 2023-12-25\npublished 1 editions: ")
    assert result.stderr == ""
    assert not (output_dir / "2023-12-25").exists()
    assert [e.date for e in list_editions(state(output_dir))] == ["2023-12-26"]
    assert [e["title"] for e in parsed(output_dir)] == ["有声日报 2023-12-26"]
    assert "2023-12-25" not in (output_dir / "index.html").read_text(encoding="utf-8")
    every_enclosure_is_there(output_dir)
    again = CliRunner().invoke(main, ["remove", "2023-12-25", "--out", str(output_dir)])
    assert again.exit_code == 1
    assert (
        again.stderr == f"audio-edition: no edition dated 2023-12-25 in {output_dir}; nothing was removed\n"
    )
    bad = CliRunner().invoke(main, ["remove", "25/12/2023", "--out", str(output_dir)])
    assert (
        bad.exit_code == 2
        and bad.stderr == "audio-edition: '25/12/2023' is not a date; write it like 2023-12-25\n"
    )


def test_remove_editions_from_python(
    output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest]
) -> None:
    for manifest in two_editions:
        publish_edition(output_dir, manifest, SHOW)
    result = remove_editions(output_dir, ("2023-12-26", "2023-12-25"), SHOW)
    assert result.pruned == ("2023-12-26", "2023-12-25") and result.editions == ()
    assert parsed(output_dir) == []
