"""publish_edition / publish_catalog: what the build calls, and what `publish` re-runs."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import feedparser
import podcastparser
import pytest

from audio_edition.audio.manifest import EditionManifest
from audio_edition.errors import PublishError
from audio_edition.publish import Show, publish_catalog, publish_edition
from audio_edition.publish.catalog import catalog_path

from .fixture_editions import make_edition

BASE = "https://podcast.example.org/"


def titles(output_dir: Path) -> list[str]:
    feed = podcastparser.parse(BASE, io.BytesIO((output_dir / "feed.xml").read_bytes()))
    return [e["title"] for e in feed["episodes"]]


def test_publish_edition_writes_feeds_page_and_cover(
    output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest]
) -> None:
    result = publish_edition(output_dir, two_editions[0], Show(base_url=BASE))
    assert result.editions == ("2023-12-25",) and result.added == ("2023-12-25",)
    assert result.feed_url == BASE + "feed.xml" and result.page_url == BASE
    for path in (result.feed, result.articles_feed, result.page, result.cover):
        assert path.is_file() and path.parent == output_dir
    assert oct(result.feed.stat().st_mode & 0o777) == "0o644"
    assert not list(output_dir.glob(".*.part"))


def test_a_killed_publish_leaves_the_previous_feed_intact(
    output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest]
) -> None:
    publish_edition(output_dir, two_editions[0], Show(base_url=BASE))
    before = (output_dir / "feed.xml").read_bytes()
    # A real process, stopped by SIGKILL after writing the new feed but before the rename.
    child = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        from audio_edition.audio.manifest import read_manifest
        from audio_edition.publish import Show, publish_edition
        real_replace = os.replace
        def stalled(src, dst):
            if str(dst).endswith("feed.xml"):
                print("renaming", flush=True)
                time.sleep(60)
            real_replace(src, dst)
        os.replace = stalled
        out = Path({str(output_dir)!r})
        publish_edition(out, read_manifest(out / "2023-12-26"), Show(base_url={BASE!r}))
    """)
    process = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "renaming"
        (partial,) = output_dir.glob(".feed.xml.*.part")
        assert b"2023-12-26" in partial.read_bytes()  # the new feed was fully written…
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    assert (output_dir / "feed.xml").read_bytes() == before  # …and never replaced the old one
    assert not feedparser.parse(before).bozo
    assert titles(output_dir) == ["有声日报 2023-12-25"]
    # The catalog had committed the new edition: the next publish catches up.
    result = publish_catalog(output_dir, Show(base_url=BASE))
    assert result.editions == ("2023-12-26", "2023-12-25")
    assert titles(output_dir) == ["有声日报 2023-12-26", "有声日报 2023-12-25"]


def test_keep_prunes_old_editions_only_when_asked(output_dir: Path) -> None:
    show = Show(base_url=BASE)
    for day in ("2023-12-23", "2023-12-24", "2023-12-25"):
        publish_edition(output_dir, make_edition(output_dir, day), show)
    assert len(titles(output_dir)) == 3
    result = publish_edition(output_dir, make_edition(output_dir, "2023-12-26"), show, keep=2)
    assert result.pruned == ("2023-12-24", "2023-12-23")
    assert titles(output_dir) == ["有声日报 2023-12-26", "有声日报 2023-12-25"]
    assert not (output_dir / "2023-12-23").exists()
    assert "2023-12-24" not in (output_dir / "index.html").read_text(encoding="utf-8")


def test_publish_catalog_discovers_built_editions_missing_from_the_catalog(
    output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest]
) -> None:
    publish_edition(output_dir, two_editions[0], Show(base_url=BASE))
    catalog_path(
        output_dir.parent / ".audio-edition"
    ).unlink()  # lost by hand; edition.json files are still there
    result = publish_catalog(output_dir, Show(base_url=BASE))
    assert set(result.added) == {"2023-12-25", "2023-12-26"}
    assert len(titles(output_dir)) == 2
    assert publish_catalog(output_dir, Show(base_url=BASE)).added == ()


def test_bad_editions_are_named_errors(output_dir: Path, two_editions: tuple[EditionManifest, ...]) -> None:
    from dataclasses import replace

    with pytest.raises(PublishError, match="not an ISO date"):
        publish_edition(output_dir, replace(two_editions[0], date="../etc"), Show())
    with pytest.raises(PublishError, match="no such folder"):
        publish_catalog(output_dir / "nowhere", Show())
    (output_dir / "2023-12-24").mkdir()
    (output_dir / "2023-12-24" / "edition.json").write_text("{}", encoding="utf-8")
    with pytest.raises(PublishError, match="2023-12-24.*not a valid edition manifest"):
        publish_catalog(output_dir, Show())
