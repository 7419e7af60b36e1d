"""The listening page, in Debian's real headless chromium, served by `audio-edition serve`."""

from __future__ import annotations

import asyncio
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from audio_edition.audio.manifest import EditionManifest
from audio_edition.publish import Show, publish_edition
from audio_edition.publish.serve import EditionServer
from audio_edition.publish.site import clock

from .cdp import CHROMIUM, Chromium

# Screenshots are kept here when set, to look at them (e.g. PUB_SCREENSHOTS=/tmp/shots).
SHOTS = os.environ.get("PUB_SCREENSHOTS")


@pytest.fixture
def page_site(server: EditionServer, output_dir: Path,
              two_editions: tuple[EditionManifest, EditionManifest], show_for: Show) -> Path:
    for manifest in two_editions:
        publish_edition(output_dir, manifest, show_for)
    return output_dir


def test_the_page_is_well_formed_and_lists_editions_newest_first(page_site: Path) -> None:
    ids: list[str] = []

    class Sections(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            if tag == "section":
                ids.append(found.get("id") or "")

    Sections().feed((page_site / "index.html").read_text(encoding="utf-8"))
    assert ids == ["2023-12-26", "2023-12-25"]


def test_clock() -> None:
    assert [clock(s) for s in (0, 7.9, 65, 3600, 3725)] == \
        ["0:00", "0:07", "1:05", "1:00:00", "1:02:05"]


def test_in_chromium_a_chapter_click_moves_the_player(server: EditionServer, page_site: Path,
                                                      tmp_path: Path) -> None:
    assert Path(CHROMIUM).is_file(), "install Debian's chromium (make system-deps)"
    shots = Path(SHOTS) if SHOTS else tmp_path

    async def drive() -> None:
        async with Chromium() as page:
            await page.goto(server.url)
            assert await page.evaluate("document.title") == "有声日报"
            sections = await page.evaluate(
                "[...document.querySelectorAll('section.edition')].map(s => s.id)")
            assert sections == ["2023-12-26", "2023-12-25"]
            # The player reads the MP3's metadata through the server (ranges and all).
            duration = await page.wait_for(
                "(() => { const a = document.querySelector('#2023-12-25 audio.episode'"
                .replace("#2023-12-25", "[id=\"2023-12-25\"]")
                + "); return a.readyState >= 1 && a.duration; })()")
            assert 6.5 < duration < 8
            await page.click('[id="2023-12-25"] button.chapter[data-start="4.000"]')
            now = await page.evaluate(
                "document.querySelector('[id=\"2023-12-25\"] audio.episode').currentTime")
            assert now >= 4.0
            other = await page.evaluate(
                "document.querySelector('[id=\"2023-12-26\"] audio.episode').currentTime")
            assert other == 0
            # The article list opens, with a player per article and its transcript.
            await page.click('[id="2023-12-25"] > details > summary')
            players = await page.evaluate(
                "[...document.querySelectorAll('[id=\"2023-12-25\"] article audio')]"
                ".map(a => a.getAttribute('src'))")
            assert len(players) == 2 and all("/articles/" in p for p in players)
            await page.click('[id="2023-12-25-01"] details > summary')
            text = await page.evaluate(
                "document.querySelector('[id=\"2023-12-25-01\"] details').innerText")
            assert "第一段正文" in text
            await page.screenshot(shots / "desktop.png")
            # A phone: nothing wider than the screen, chapter buttons big enough to tap.
            await page.set_viewport(390, 844, mobile=True)
            await page.goto(server.url)
            widths = await page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth,"
                " document.querySelector('button.chapter').getBoundingClientRect().height]")
            assert widths[0] <= widths[1]
            assert widths[2] >= 40
            await page.screenshot(shots / "phone.png")

    asyncio.run(asyncio.wait_for(drive(), timeout=120))
    for name, width in (("desktop.png", 1280), ("phone.png", 390 * 2)):
        with Image.open(shots / name) as image:
            assert image.width == width
            assert len(image.convert("L").getcolors(maxcolors=1 << 16) or []) > 20  # not blank
