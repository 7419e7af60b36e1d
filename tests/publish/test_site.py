"""The listening site: pages per edition and article, a paged archive, cards, escaping.

The browser tests drive Debian's real headless chromium (``cdp.py``) against the pages served by
`audio-edition serve`; the others read the HTML the way a crawler or a chat app's card fetcher
would (``html.parser``).
"""

from __future__ import annotations

import asyncio
import json
import os
import urllib.request
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from PIL import Image

from audio_edition.publish import Show, publish_catalog, publish_edition
from audio_edition.publish.catalog import list_editions
from audio_edition.publish.serve import EditionServer
from audio_edition.publish.site import clock, write_site
from audio_edition.publish.templates import html_lang, og_locale, subscribe_links

from .cdp import CHROMIUM, Chromium
from .fixture_editions import HEADLINES, make_edition

# Screenshots are kept here when set, to look at them (e.g. PUB_SCREENSHOTS=/tmp/shots).
SHOTS = os.environ.get("PUB_SCREENSHOTS")
ARTICLE_1 = "articles/01-黄河.html"  # on disk; its URL is quoted


class Page(HTMLParser):
    """What a card fetcher reads of a page: tags with their attributes, and the text."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str, **wanted: str) -> list[dict[str, str | None]]:
        return [
            a
            for t, a in self.tags
            if t == tag and all(a.get(k.rstrip("_").replace("_", "-")) == v for k, v in wanted.items())
        ]

    def meta(self, key: str) -> str | None:
        found = self.all("meta", property=key) or self.all("meta", name=key)
        return found[0]["content"] if found else None

    def ids(self, tag: str, **wanted: str) -> list[str]:
        return [a.get("id") or "" for a in self.all(tag, **wanted)]


def dates(count: int) -> list[str]:
    return [f"2023-{11 + day // 30:02d}-{day % 30 + 1:02d}" for day in range(count)]


@pytest.fixture
def archive(server: EditionServer, output_dir: Path, show_for: Show) -> Path:
    """23 editions published: three archive pages."""
    for date in dates(23):
        make_edition(output_dir, date)
    publish_catalog(output_dir, show_for)
    return output_dir


def test_language_codes_as_html_and_open_graph_write_them() -> None:
    assert [html_lang(c) for c in ("zh-cn", "zh-hans-cn", "en")] == ["zh-CN", "zh-Hans-CN", "en"]
    assert [og_locale(c) for c in ("zh-cn", "zh-hans-cn", "en")] == ["zh_CN", "zh_CN", "en"]


def test_clock() -> None:
    assert [clock(s) for s in (0, 7.9, 65, 3600, 3725)] == ["0:00", "0:07", "1:05", "1:00:00", "1:02:05"]


def test_the_archive_is_paged_ten_editions_a_page_newest_first(archive: Path) -> None:
    newest_first = dates(23)[::-1]
    pages = {name: Page(archive / name) for name in ("index.html", "page/2.html", "page/3.html")}
    assert pages["index.html"].ids("section", class_="edition") == newest_first[:10]
    assert pages["page/2.html"].ids("section", class_="edition") == newest_first[10:20]
    assert pages["page/3.html"].ids("section", class_="edition") == newest_first[20:]
    assert not (archive / "page/4.html").exists()
    links = {
        name: ([a["href"] for a in p.all("a", rel="prev")], [a["href"] for a in p.all("a", rel="next")])
        for name, p in pages.items()
    }
    assert links == {
        "index.html": ([], ["page/2.html"]),
        "page/2.html": (["../index.html"], ["../page/3.html"]),
        "page/3.html": (["../page/2.html"], []),
    }
    # Each card links to its edition's own page, which exists.
    for name, page in pages.items():
        for href in (a["href"] for a in page.all("a") if (a["href"] or "").endswith("/index.html")):
            assert ((archive / name).parent / (href or "")).resolve().is_file()


def test_every_edition_and_article_has_its_own_page(archive: Path, show_for: Show) -> None:
    for date in dates(23):
        edition = Page(archive / date / "index.html")
        assert edition.ids("article") == ["a01", "a02"]
        assert [a["src"] for a in edition.all("audio", class_="article")] == [
            f"../{date}/articles/{quote(n)}.mp3" for n in ("01-黄河", "02-为天")
        ]
        for number, headline in enumerate(HEADLINES, start=1):
            page = archive / date / "articles" / f"{number:02d}-{headline[:2]}.html"
            assert headline in Page(page).text
    # Editions link to their neighbours: the newest has no newer one.
    newest = Page(archive / dates(23)[-1] / "index.html")
    assert [a["href"] for a in newest.all("a", rel="next")] == [f"../{dates(23)[-2]}/index.html"]
    assert newest.all("a", rel="prev") == []


def test_an_article_page_carries_a_share_card_with_absolute_urls(archive: Path, show_for: Show) -> None:
    base = show_for.base_url
    date = dates(23)[-1]
    page = Page(archive / date / ARTICLE_1)
    url = f"{base}{date}/{quote(ARTICLE_1)}"
    assert page.meta("og:title") == page.meta("twitter:title") == HEADLINES[0]
    assert page.meta("og:url") == url
    assert page.all("link", rel="canonical")[0]["href"] == url
    assert page.meta("og:audio") == f"{base}{date}/articles/{quote('01-黄河')}.mp3"
    assert page.meta("og:audio:type") == "audio/mpeg"
    assert page.meta("og:image") == page.meta("twitter:image") == base + "cover.jpg"
    assert page.meta("og:description") == f"本报{date}电 第一段正文。 第二段正文。"
    assert page.meta("twitter:card") == "summary" and page.meta("og:locale") == "zh_CN"
    assert page.all("button", data_share=url)
    # What the card points at is really there, over HTTP.
    for key in ("og:audio", "og:image", "og:url"):
        with urllib.request.urlopen(page.meta(key) or "", timeout=10) as response:
            assert response.status == 200


def test_plain_listening_works_without_the_script(archive: Path) -> None:
    for path in (
        archive / "index.html",
        archive / dates(23)[0] / "index.html",
        archive / dates(23)[0] / ARTICLE_1,
    ):
        page = Page(path)
        assert page.all("html")[0]["lang"] == "zh-CN"
        audios = page.all("audio")
        assert audios and all("controls" in a and a["src"] for a in audios)
        # The controls that need the script stay hidden without it.
        for tag in ("button", "div"):
            for element in page.all(tag):
                if "data-share" in element or "data-copy" in element or element.get("id") == "player":
                    assert "hidden" in element
        # Every button says what it does.
        for button in page.all("button"):
            assert button.get("aria-label") or button.get("data-share") or button.get("data-copy")


def test_subscribe_links_for_podcast_apps(archive: Path, show_for: Show) -> None:
    feed = show_for.base_url + "feed.xml"
    bare = feed.removeprefix("http://")
    links = dict(subscribe_links(feed))
    assert links["Apple 播客"] == f"podcast://{bare}"
    assert links["Pocket Casts"] == f"pktc://subscribe/{bare}"
    assert links["Overcast"] == f"overcast://x-callback-url/add?url={quote(feed, safe='')}"
    hrefs = [a["href"] for a in Page(archive / "index.html").all("a")]
    assert all(link in hrefs for link in links.values())
    assert feed in hrefs and show_for.base_url + "articles.xml" in hrefs
    assert Page(archive / "index.html").all("button", data_copy=feed)


NASTY = "</title><script>alert(\"x\")</script> & 'q' <i>"


def test_every_printed_text_is_escaped(server: EditionServer, output_dir: Path, show_for: Show) -> None:
    m = make_edition(output_dir, "2023-12-25", title="标题" + NASTY)
    nasty = replace(
        m,
        articles=tuple(
            replace(a, headline=a.headline + NASTY, text=f"{a.headline}{NASTY}\n正文{NASTY}")
            for a in m.articles
        ),
        chapters=tuple(replace(c, title=c.title + NASTY) for c in m.chapters),
    )
    (output_dir / "2023-12-25/edition.json").write_text(nasty.to_json(), encoding="utf-8")
    show = replace(show_for, title="报" + NASTY, description="说明" + NASTY)
    publish_edition(output_dir, nasty, show)
    for path in (
        output_dir / "index.html",
        output_dir / "2023-12-25/index.html",
        output_dir / "2023-12-25" / ARTICLE_1,
    ):
        page = Page(path)
        # Our one script, and no tag the printed text smuggled in.
        assert len(page.all("script")) == 1 and not page.all("i")
        text = "".join(page.text)
        assert NASTY in text
        if "articles" in path.parts:
            assert page.meta("og:title") == HEADLINES[0] + NASTY
            assert "正文" + NASTY in text
        assert page.meta("og:site_name") == "报" + NASTY


def test_a_publish_that_changes_nothing_writes_nothing_and_old_pages_go(
    server: EditionServer, output_dir: Path, show_for: Show
) -> None:
    for date in dates(12):
        make_edition(output_dir, date)
    publish_catalog(output_dir, show_for)
    entries = list_editions(output_dir.parent / ".audio-edition")
    assert write_site(output_dir, show_for, entries, "cover.jpg").written == ()
    assert (output_dir / "page/2.html").is_file()
    stray = output_dir / dates(12)[0] / "articles/09-gone.html"  # an article a rebuild renamed
    stray.write_text("old", encoding="utf-8")
    result = publish_catalog(output_dir, show_for, keep=5)
    assert len(result.pruned) == 7
    assert not (output_dir / "page/2.html").exists()
    assert Page(output_dir / "index.html").ids("section", class_="edition") == dates(12)[::-1][:5]
    site = write_site(output_dir, show_for, list_editions(output_dir.parent / ".audio-edition"), "cover.jpg")
    assert site.written == () and site.removed == ()
    assert all(not (output_dir / p).exists() for p in ("page/2.html", stray.name))


def _run(coroutine: object) -> None:
    assert Path(CHROMIUM).is_file(), "install Debian's chromium (make system-deps)"
    asyncio.run(asyncio.wait_for(coroutine, timeout=150))  # type: ignore[arg-type]


def test_in_chromium_the_players_work_together(server: EditionServer, archive: Path) -> None:
    date = dates(23)[-1]

    async def drive() -> None:
        async with Chromium() as page:
            await page.goto(f"{server.url}{date}/index.html")
            q = "document.querySelector"
            art = [f"{q}('#a01 audio')", f"{q}('#a02 audio')"]
            episode = f"{q}('audio.episode')"
            assert await page.evaluate(f"{q}('#player').hidden") is True
            # A chapter click moves the episode's player and starts it.
            await page.click('button.chapter[data-start="4.000"]')
            await page.wait_for(f"{episode}.currentTime >= 4 && !{episode}.paused")
            # The bar shows on the play event, dispatched a moment after paused turns false.
            assert await page.wait_for(f"!{q}('#player').hidden") is True
            # The keyboard works too: Enter on a chapter.
            await page.evaluate(f"{episode}.pause()")
            await page.press_enter('button.chapter[data-start="1.000"]')
            await page.wait_for(f"!{episode}.paused && {episode}.currentTime < 4")
            # One player at a time: an article starting pauses the episode (well before the
            # episode's own end, 7 s: from 0 it must be paused, not over).
            await page.evaluate(f"{episode}.currentTime = 0")
            await page.evaluate(f"{art[0]}.play()")
            await asyncio.sleep(0.3)
            assert await page.evaluate(f"[{episode}.paused, {episode}.currentTime < 3, {art[0]}.paused]") == [
                True,
                True,
                False,
            ]
            session = await page.evaluate(
                "[navigator.mediaSession.metadata.title, navigator.mediaSession.metadata.artist,"
                " navigator.mediaSession.metadata.album]"
            )
            assert session == [HEADLINES[0], "有声日报", f"有声日报 {date}"]
            # The next article starts when one ends.
            await page.evaluate(f"{art[0]}.currentTime = {art[0]}.duration - 0.3")
            await page.wait_for(f"{art[0]}.ended && !{art[1]}.paused")
            await page.evaluate(f"{art[1]}.pause()")
            # Speed: chosen once, for every player, remembered.
            await page.evaluate(
                f"(s => {{ s.value = '1.5'; s.dispatchEvent(new Event('change')); }})({q}('#player select'))"
            )
            rates = "[...document.querySelectorAll('audio')].map(a => a.playbackRate)"
            assert set(await page.evaluate(rates)) == {1.5}
            # Autoplay-next off, remembered across a reload.
            await page.click("#player input[type=checkbox]")
            await page.goto(f"{server.url}{date}/index.html")
            assert set(await page.evaluate(rates)) == {1.5}
            assert await page.evaluate(f"{q}('#player select').value") == "1.5"
            assert await page.evaluate(f"{q}('#player input[type=checkbox]').checked") is False
            await page.evaluate(f"{art[0]}.play()")
            await page.evaluate(f"{art[0]}.currentTime = {art[0]}.duration - 0.3")
            await page.wait_for(f"{art[0]}.ended")
            await asyncio.sleep(0.5)
            assert await page.evaluate(f"{art[1]}.paused && {art[1]}.currentTime === 0")
            # Skip back 15 s and forward 30 s act on the player in use, within the file.
            await page.evaluate(f"{episode}.play()")
            await page.evaluate(f"{episode}.pause(); {episode}.currentTime = 5")
            await page.click('#player button[data-part="back"]')
            assert await page.evaluate(f"{episode}.currentTime") == 0
            await page.click('#player button[data-part="forward"]')
            assert await page.evaluate(f"{episode}.currentTime === {episode}.duration")
            # The place in the episode is remembered.
            await page.evaluate(f"{episode}.currentTime = 4.2; {episode}.play()")
            await page.evaluate(f"{episode}.pause()")
            await page.goto(f"{server.url}{date}/index.html")
            place = await page.wait_for(f"{episode}.readyState >= 1 && {episode}.currentTime")
            assert abs(place - 4.2) < 0.3
            # The sentence being heard is highlighted, in the article's player …
            await page.click("#a01 summary")
            await page.evaluate(f"{art[0]}.play()")
            await page.evaluate(f"{art[0]}.pause(); {art[0]}.currentTime = 1.5")
            lit = await page.wait_for(f"{q}('.s.now') && {q}('.s.now').textContent")
            assert lit == f"本报{date}电 第一段正文。"
            # … and in the whole episode, in the article being heard.
            chapter = await page.evaluate(f"{q}('#a02').dataset.offset")
            await page.evaluate(f"{episode}.play()")
            await page.evaluate(f"{episode}.pause(); {episode}.currentTime = {chapter} + 2.5")
            lit = await page.wait_for(f"{q}('#a02 .s.now') && {q}('#a02 .s.now').textContent")
            assert lit == "第二段正文。"
            # A click on a sentence plays from there.
            await page.click("#a01 .s[data-start='2.000']")
            # (1 s of the file is left from there: under load it may be over by the next look.)
            await page.wait_for(f"{art[0]}.currentTime >= 2 && ({art[0]}.ended || !{art[0]}.paused)")
            assert await page.evaluate(f"{episode}.paused")

    _run(drive())


def test_in_chromium_an_article_page_goes_on_to_the_next_article(
    server: EditionServer, archive: Path
) -> None:
    date = dates(23)[-1]

    async def drive() -> None:
        async with Chromium() as page:
            await page.goto(f"{server.url}{date}/{quote(ARTICLE_1)}")
            audio = "document.querySelector('audio.article')"
            await page.wait_for(f"{audio}.readyState >= 1")
            await page.evaluate(f"{audio}.currentTime = {audio}.duration - 0.3; {audio}.play()")
            await page.wait_for(
                "location.pathname.includes('/articles/02-') && document.readyState === 'complete'"
            )
            await page.wait_for(f"!{audio}.paused")
            assert await page.evaluate("document.querySelector('h1').textContent") == HEADLINES[1]
            assert await page.evaluate("location.hash") == ""  # the hand-over mark is cleared
            # The last article has nowhere to go: it just ends.
            await page.evaluate(f"{audio}.currentTime = {audio}.duration - 0.3")
            await page.wait_for(f"{audio}.ended")
            await asyncio.sleep(0.5)
            assert "/articles/02-" in await page.evaluate("location.pathname")
            # While it plays, the sentence being heard is kept on screen.
            await page.goto(f"{server.url}{date}/{quote(ARTICLE_1)}")
            await page.evaluate(
                "document.querySelector('.transcript p:last-child').style.marginTop = '3000px'"
            )
            await page.wait_for(f"{audio}.readyState >= 1")
            await page.evaluate(f"{audio}.currentTime = 2.2; {audio}.play()")
            await page.wait_for(
                "(e => e && e.textContent === '第二段正文。')(document.querySelector('.s.now'))", timeout=5
            )
            await page.evaluate(f"{audio}.pause()")  # before it ends: the sentence stays lit
            await page.wait_for(
                "(r => r.top >= 0 && r.bottom <= innerHeight)(document"
                ".querySelector('.s.now').getBoundingClientRect())",
                timeout=3,
            )

    _run(drive())


def test_in_chromium_pages_links_cards_and_nothing_external(
    server: EditionServer, archive: Path, tmp_path: Path
) -> None:
    shots = Path(SHOTS) if SHOTS else tmp_path
    newest = dates(23)[::-1]

    async def drive() -> None:
        async with Chromium() as page:
            await page.send("Network.enable")
            await page.send(
                "Browser.grantPermissions",
                origin=server.url.rstrip("/"),
                permissions=["clipboardReadWrite", "clipboardSanitizedWrite"],
            )
            await page.goto(server.url)
            requests = [
                e["params"]["request"]["url"]
                for e in page.events
                if e.get("method") == "Network.requestWillBeSent"
            ]
            # The feed's address is copied for the reader's podcast app.
            await page.click("button[data-copy]")
            status = await page.wait_for("document.querySelector('.subscribe .status').textContent")
            assert status == f"已复制：{server.url}feed.xml"
            # The archive's pages, through their links.
            await page.click("a[rel=next]")
            await page.wait_for("location.pathname === '/page/2.html' && document.readyState === 'complete'")
            ids = "[...document.querySelectorAll('section.edition')].map(s => s.id)"
            assert await page.evaluate(ids) == newest[10:20]
            await page.click("a[rel=prev]")
            await page.wait_for("location.pathname === '/index.html' && document.readyState === 'complete'")
            assert await page.evaluate(ids) == newest[:10]
            await page.screenshot(shots / "desktop.png")
            # An edition's page, then an article's, by their links.
            await page.click(f'[id="{newest[0]}"] h2 a')
            await page.wait_for(
                f"location.pathname === '/{newest[0]}/index.html' && document.readyState === 'complete'"
            )
            await page.click("#a01 h3 a")
            await page.wait_for(
                "location.pathname.endsWith('.html') && "
                "location.pathname.includes('/articles/') && "
                "document.readyState === 'complete'"
            )
            card = await page.evaluate(
                "Object.fromEntries([...document.querySelectorAll('meta[property^=\"og:\"]')]"
                ".map(m => [m.getAttribute('property'), m.content]))"
            )
            assert card["og:title"] == HEADLINES[0]
            assert card["og:url"] == await page.evaluate("location.href")
            # Share: no Web Share API on desktop Linux, so the link is copied.
            await page.click("button[data-share]")
            status = await page.wait_for("document.querySelector('.actions .status').textContent")
            assert status == "已复制：" + card["og:url"]
            requests += [
                e["params"]["request"]["url"]
                for e in page.events
                if e.get("method") == "Network.requestWillBeSent"
            ]
            # A phone: nothing wider than the screen on any kind of page.
            await page.set_viewport(390, 844, mobile=True)
            for url in (
                server.url,
                f"{server.url}{newest[0]}/index.html",
                f"{server.url}{newest[0]}/{quote(ARTICLE_1)}",
            ):
                await page.goto(url)
                requests += [
                    e["params"]["request"]["url"]
                    for e in page.events
                    if e.get("method") == "Network.requestWillBeSent"
                ]
                widths = await page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
                assert widths[0] <= widths[1], url
            await page.goto(server.url)
            await page.click("button.chapter")  # the bar shows, and must fit too
            assert await page.evaluate("document.documentElement.scrollWidth <= innerWidth")
            assert (
                await page.evaluate("document.querySelector('button.chapter').getBoundingClientRect().height")
                >= 40
            )
            await page.screenshot(shots / "phone.png")
            # (data: URLs are the browser's own player icons, not requests over the network.)
            assert requests and all(url.startswith((server.url, "data:")) for url in requests), json.dumps(
                sorted(set(requests)), ensure_ascii=False
            )

    _run(drive())
    for name, width in (("desktop.png", 1280), ("phone.png", 390 * 2)):
        with Image.open(shots / name) as image:
            assert image.width == width
            assert len(image.convert("L").getcolors(maxcolors=1 << 16) or []) > 20  # not blank
