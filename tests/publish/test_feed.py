"""The feeds, read the way podcast apps read them: gPodder's podcastparser and feedparser."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import podcastparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audio_edition.audio.manifest import EditionManifest
from audio_edition.errors import PublishError
from audio_edition.publish.config import Show
from audio_edition.publish.feed import (
    CONTENT,
    ITUNES,
    PODCAST,
    Enclosure,
    FeedChannel,
    FeedItem,
    Transcript,
    render_rss,
    xml_safe,
)
from audio_edition.publish.publisher import publish_catalog, publish_edition

from .fixture_editions import make_edition, rebuilt

BASE = "https://podcast.example.org/daily/"
NS = {"itunes": ITUNES, "podcast": PODCAST, "content": CONTENT}


def local_file(output_dir: Path, url: str) -> Path:
    """The file under output/ that a feed URL points at."""
    assert url.startswith(BASE), url
    return output_dir / unquote(urlsplit(url).path.removeprefix(urlsplit(BASE).path))


@pytest.fixture
def show() -> Show:
    return Show(base_url=BASE)


@pytest.fixture
def published(output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest], show: Show) -> Path:
    for manifest in two_editions:
        publish_edition(output_dir, manifest, show)
    return output_dir


def test_podcastparser_reads_every_required_channel_and_item_value(published: Path) -> None:
    feed = podcastparser.parse(BASE + "feed.xml", io.BytesIO((published / "feed.xml").read_bytes()))
    assert feed["title"] == "有声日报"
    assert feed["description"].startswith("每天的报纸")
    assert feed["language"] == "zh-cn"
    assert feed["cover_url"] == BASE + "cover.jpg"
    assert local_file(published, feed["cover_url"]).is_file()
    assert feed["itunes_categories"] == [["News", "Daily News"]]
    assert feed["explicit"] is False
    assert feed["itunes_owner"] == {"name": "audio-edition", "email": "podcast@example.com"}
    episodes = feed["episodes"]
    assert [e["title"] for e in episodes] == ["有声日报 2023-12-26", "有声日报 2023-12-25"]
    for episode in episodes:
        assert episode["guid"] and episode["published"] > 0 and episode["total_time"] == 7
        (enclosure,) = episode["enclosures"]
        assert enclosure["mime_type"] == "audio/mpeg"
        assert enclosure["file_size"] == local_file(published, enclosure["url"]).stat().st_size
        assert local_file(published, episode["chapters_json_url"]).name == "episode.chapters.json"
        assert episode["transcript_url"].endswith("/episode.vtt")
        assert local_file(published, episode["transcript_url"]).is_file()
        assert "黄河岸边的“幸福路”" in episode["description"]
        for href in ("/articles/01-", "/articles/02-"):
            assert href in episode["description_html"]


def test_feedparser_reads_it_without_complaint(published: Path) -> None:
    parsed = feedparser.parse((published / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.image.href == BASE + "cover.jpg"
    # feedparser knows only yes/clean; Apple's current spec asks for true/false.
    assert parsed.feed.itunes_explicit is not True
    assert len(parsed.entries) == 2
    for entry in parsed.entries:
        assert entry.podcast_chapters["type"] == "application/json+chapters"
        assert entry.podcast_transcript["type"] == "text/vtt"
        assert entry.itunes_duration == "00:00:07"
        assert entry.content[0].value.count("<li>") == 2


def test_every_apple_tag_is_present(published: Path) -> None:
    channel = ET.parse(published / "feed.xml").getroot().find("channel")
    assert channel is not None
    for path in (
        "title",
        "description",
        "language",
        "link",
        "itunes:image",
        "itunes:category",
        "itunes:explicit",
        "itunes:author",
        "itunes:owner/itunes:email",
    ):
        assert channel.find(path, NS) is not None, path
    assert channel.find("itunes:image", NS).get("href") == BASE + "cover.jpg"  # type: ignore[union-attr]
    for item in channel.findall("item"):
        for path in (
            "title",
            "enclosure",
            "guid",
            "pubDate",
            "itunes:duration",
            "content:encoded",
            "podcast:chapters",
            "podcast:transcript",
        ):
            assert item.find(path, NS) is not None, path
        enclosure = item.find("enclosure")
        assert enclosure is not None
        assert (
            int(enclosure.get("length", "0"))
            == local_file(published, enclosure.get("url", "")).stat().st_size
        )
        assert item.find("guid").get("isPermaLink") == "false"  # type: ignore[union-attr]


def test_pubdate_is_rfc2822_in_the_shows_time_zone(
    output_dir: Path, two_editions: tuple[EditionManifest, ...]
) -> None:
    publish_edition(output_dir, two_editions[0], Show(base_url=BASE))
    text = ET.parse(output_dir / "feed.xml").findtext("channel/item/pubDate")
    assert text == "Mon, 25 Dec 2023 06:00:00 +0800"
    publish_edition(output_dir, two_editions[0], Show(base_url=BASE, timezone="America/New_York"))
    text = ET.parse(output_dir / "feed.xml").findtext("channel/item/pubDate")
    assert text is not None
    when = parsedate_to_datetime(text)
    assert when.utcoffset() == timedelta(hours=-5)
    assert when == datetime(2023, 12, 25, 11, 0, tzinfo=UTC)


def test_two_dates_then_a_rebuild_of_the_first_keeps_two_items_and_their_guids(
    published: Path, two_editions: tuple[EditionManifest, EditionManifest], show: Show
) -> None:
    def items() -> dict[str, tuple[str, int]]:
        feed = podcastparser.parse(BASE, io.BytesIO((published / "feed.xml").read_bytes()))
        return {e["title"]: (e["guid"], e["enclosures"][0]["file_size"]) for e in feed["episodes"]}

    before = items()
    again = rebuilt(two_editions[0], published, title="有声日报 2023-12-25（修订）")
    publish_edition(published, again, show)
    after = items()
    assert len(after) == 2
    assert after["有声日报 2023-12-25（修订）"][0] == before["有声日报 2023-12-25"][0]
    assert after["有声日报 2023-12-26"] == before["有声日报 2023-12-26"]
    new_size = (published / "2023-12-25" / "episode.mp3").stat().st_size
    assert after["有声日报 2023-12-25（修订）"][1] == new_size != before["有声日报 2023-12-25"][1]


def test_the_articles_feed_has_one_item_per_article(published: Path) -> None:
    data = (published / "articles.xml").read_bytes()
    assert not feedparser.parse(data).bozo
    feed = podcastparser.parse(BASE + "articles.xml", io.BytesIO(data))
    episodes = feed["episodes"]
    assert len(episodes) == 4
    assert len({e["guid"] for e in episodes}) == 4
    for episode in episodes:
        (enclosure,) = episode["enclosures"]
        assert enclosure["file_size"] == local_file(published, enclosure["url"]).stat().st_size
        # Content-versioned, named for the date and the story (media.py).
        assert re.search(r"/media/(2023-12-2[56])/[0-9a-f]{12}/\1-0[12]-[^/]+\.mp3$", enclosure["url"])
        assert episode["transcript_url"].endswith(".vtt")
    assert {e["title"] for e in episodes} == {"黄河岸边的“幸福路”", "为天下“储”为国家强"}


def test_a_missing_file_fails_the_publish_and_keeps_the_previous_feed(published: Path, show: Show) -> None:
    before = (published / "feed.xml").read_bytes()
    manifest = make_edition(published, "2023-12-27")
    (published / "2023-12-27" / manifest.articles[1].audio).unlink()
    with pytest.raises(PublishError, match="02-.*mp3.*missing"):
        publish_edition(published, manifest, show)
    assert (published / "feed.xml").read_bytes() == before


_ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(title=_ANY_TEXT, description=_ANY_TEXT)
def test_any_text_makes_a_well_formed_feed(title: str, description: str) -> None:
    when = datetime(2023, 12, 25, 6, tzinfo=UTC)
    channel = FeedChannel(
        title,
        BASE,
        BASE + "feed.xml",
        description,
        "zh-cn",
        "a",
        "a",
        "a@b.cn",
        BASE + "c.jpg",
        "News",
        None,
        False,
        when,
        "0f9c3a2e-7d1b-4c55-9e0a-3b6f1d2c4e5f",
    )
    item = FeedItem(
        title,
        "g",
        when,
        description,
        f"<p>{description}</p>",
        BASE,
        Enclosure(BASE + "e.mp3", 1),
        1.0,
        None,
        (Transcript(BASE, "text/vtt", "zh"),),
    )
    root = ET.fromstring(render_rss(channel, [item]))
    assert root.findtext("channel/title") == xml_safe(title)
    assert root.findtext("channel/item/description") == xml_safe(description)


def test_the_feeds_keep_only_the_newest_items_the_page_keeps_the_rest(output_dir: Path) -> None:
    for day in range(1, 5):
        make_edition(output_dir, f"2023-12-{day:02d}")
    publish_catalog(output_dir, Show(base_url=BASE, feed_items=3))
    feed = podcastparser.parse(BASE + "feed.xml", io.BytesIO((output_dir / "feed.xml").read_bytes()))
    assert [e["title"] for e in feed["episodes"]] == [
        "有声日报 2023-12-04",
        "有声日报 2023-12-03",
        "有声日报 2023-12-02",
    ]
    articles = feedparser.parse((output_dir / "articles.xml").read_bytes()).entries
    # Two articles an edition: the newest edition's two, then the first of the next.
    assert [(a.link.split("/")[-3], a.title) for a in articles] == [
        ("2023-12-04", "黄河岸边的“幸福路”"),
        ("2023-12-04", "为天下“储”为国家强"),
        ("2023-12-03", "黄河岸边的“幸福路”"),
    ]
    # Every edition is still on the listening page and has its own page.
    page = (output_dir / "index.html").read_text(encoding="utf-8")
    assert all(f'id="2023-12-0{day}"' in page for day in range(1, 5))


def test_items_link_to_their_own_pages(published: Path) -> None:
    feed = feedparser.parse((published / "feed.xml").read_bytes())
    assert [e.link for e in feed.entries] == [BASE + "2023-12-26/index.html", BASE + "2023-12-25/index.html"]
    for entry in feedparser.parse((published / "articles.xml").read_bytes()).entries:
        assert entry.link.endswith(".html") and local_file(published, entry.link).is_file()


def test_the_shows_own_settings_reach_the_channel(
    output_dir: Path, two_editions: tuple[EditionManifest, EditionManifest]
) -> None:
    show = Show(
        base_url=BASE,
        id="0f9c3a2e-7d1b-4c55-9e0a-3b6f1d2c4e5f",
        copyright="© 2024 某某日报社",
        new_feed_url="https://new.example.net/feed.xml",
        locked=True,
        keywords=("新闻", "内蒙古"),
        update_frequency="weekdays",
        owner_email="podcast@paper.cn",
    )
    publish_catalog(output_dir, show)
    podcast = "{https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md}"
    itunes = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
    channel = ET.parse(output_dir / "feed.xml").getroot().find("channel")
    assert channel is not None
    assert channel.findtext("copyright") == "© 2024 某某日报社"
    assert channel.findtext(f"{itunes}new-feed-url") == "https://new.example.net/feed.xml"
    locked = channel.find(f"{podcast}locked")
    assert locked is not None and (locked.text, locked.get("owner")) == ("yes", "podcast@paper.cn")
    frequency = channel.find(f"{podcast}updateFrequency")
    assert frequency is not None and frequency.get("rrule") == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    assert channel.findtext(f"{itunes}keywords") == "新闻,内蒙古"
    assert channel.findtext(f"{podcast}guid") == "0f9c3a2e-7d1b-4c55-9e0a-3b6f1d2c4e5f"
    # The per-article feed lives at its own address: it does not move with new_feed_url.
    articles = ET.parse(output_dir / "articles.xml").getroot().find("channel")
    assert articles is not None and articles.find(f"{itunes}new-feed-url") is None
    parsed = feedparser.parse((output_dir / "feed.xml").read_bytes())
    assert not parsed.bozo and parsed.feed.rights == "© 2024 某某日报社"


def test_the_lead_story_comes_first_in_newest_first_listings(published: Path) -> None:
    feed = podcastparser.parse(BASE + "articles.xml", io.BytesIO((published / "articles.xml").read_bytes()))
    assert [e["title"] for e in feed["episodes"]][:2] == ["黄河岸边的“幸福路”", "为天下“储”为国家强"]
