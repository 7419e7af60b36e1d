"""The podcast feeds: ``feed.xml`` (one item per edition) and ``articles.xml`` (one per article).

Values are gathered as plain frozen data (``FeedChannel``, ``FeedItem``) by ``edition_feed`` and
``articles_feed``; ``render_rss`` is the one place XML is produced. Meets Apple Podcasts' feed
requirements and uses Podcasting 2.0's ``podcast:chapters`` and ``podcast:transcript``.
"""

from __future__ import annotations

import html
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime, time, timedelta
from email.utils import format_datetime
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from audio_edition import __version__
from audio_edition.audio.manifest import ArticleFile
from audio_edition.errors import PublishError
from audio_edition.publish.catalog import CatalogEntry
from audio_edition.show import Show

FEED_NAME = "feed.xml"
ARTICLES_FEED_NAME = "articles.xml"
PAGE_NAME = "index.html"
RSS_TYPE = "application/rss+xml"
CHAPTERS_TYPE = "application/json+chapters"
VTT_TYPE = "text/vtt"
SRT_TYPE = "application/x-subrip"
AUDIO_TYPE = "audio/mpeg"

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
# The Podcasting 2.0 spec names https://podcastindex.org/namespace/1.0 and tells clients to treat
# this older URI as identical; gPodder's podcastparser (0.6.11) knows only the older one, so it is
# the one every client reads.
PODCAST = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
ATOM = "http://www.w3.org/2005/Atom"
# Podcasting 2.0's namespace for show guids: a show id that is not a UUID is one under it.
_PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")

# A daily paper is out in the morning: an edition is dated 06:00 on its day in the show's time
# zone, so pubDate never moves when an edition is rebuilt and sorts editions by their date.
PUBLISH_TIME = time(6, 0)
_DESCRIPTION_LIMIT = 4000  # Apple truncates longer descriptions


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    """Exact bytes of the file (Apple checks it)."""
    type: str = AUDIO_TYPE


@dataclass(frozen=True)
class Transcript:
    url: str
    type: str
    language: str


@dataclass(frozen=True)
class FeedItem:
    """One episode, as plain values."""

    title: str
    guid: str
    pub_date: datetime
    description: str
    content_html: str
    link: str
    enclosure: Enclosure
    duration: float
    chapters_url: str | None
    transcripts: tuple[Transcript, ...]


@dataclass(frozen=True)
class FeedChannel:
    """The show, as plain values."""

    title: str
    link: str
    self_url: str
    description: str
    language: str
    author: str
    owner_name: str
    owner_email: str
    image_url: str
    category: str
    subcategory: str | None
    explicit: bool
    last_build: datetime
    podcast_guid: str
    """Podcasting 2.0's show guid: the show's permanent id, never derived from an address."""
    copyright: str | None = None
    new_feed_url: str | None = None
    locked: bool = False
    keywords: tuple[str, ...] = ()
    update_rule: str | None = None
    """``podcast:updateFrequency``'s RRULE."""


def url_path(*parts: str) -> str:
    """A path under ``output/`` as a URL path: each segment percent-encoded, joined by ``/``."""
    return "/".join(quote(segment) for part in parts for segment in part.split("/"))


def media_url(show: Show, *parts: str) -> str:
    """The public URL of a file under ``output/``: ``base_url`` + percent-encoded path."""
    return show.base_url + url_path(*parts)


def edition_page(date: str) -> str:
    """Where an edition's own page is, under ``output/``: ``2023-12-25/index.html``."""
    return f"{date}/{PAGE_NAME}"


def article_page(date: str, article: ArticleFile) -> str:
    """Where an article's page is, under ``output/``: beside its audio, ``.html`` for ``.mp3``."""
    return f"{date}/{PurePosixPath(article.audio).with_suffix('.html')}"


def publication_time(show: Show, iso_date: str) -> datetime:
    """When an edition is dated in the feed: its day at ``PUBLISH_TIME`` in the show's zone."""
    try:
        day = Date.fromisoformat(iso_date)
    except ValueError as error:
        raise PublishError(f"edition date {iso_date!r} is not an ISO date like 2023-12-25") from error
    return datetime.combine(day, PUBLISH_TIME, tzinfo=show.zone)


def _size(output_dir: Path, date: str, relative: str) -> int:
    path = output_dir / date / relative
    try:
        return path.stat().st_size
    except OSError as error:
        raise PublishError(
            f"{path}: missing from the published edition ({error.strerror}); "
            f"rebuild {date} or remove it with --keep"
        ) from error


Addresses = Mapping[tuple[str, str], str]
"""Where each audio file is published: (date, path in the edition folder) → path under
``output/`` (``media.py``'s content-versioned names). A file not in it is linked where it lies."""


def _audio_url(show: Show, addresses: Addresses, date: str, relative: str) -> str:
    return media_url(show, addresses.get((date, relative), f"{date}/{relative}"))


def _when(show: Show, iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone(show.zone).strftime("%Y-%m-%d %H:%M")


def correction_note(show: Show, corrected: str) -> str:
    """The line a corrected story's description opens with: 更正 and when, in the show's zone."""
    return f"【更正 {_when(show, corrected)}】本条已更正，音频与文字为更正后版本。"


def channel_for(
    show: Show,
    feed_name: str,
    image_name: str,
    now: datetime,
    title_suffix: str = "",
    show_guid: str | None = None,
) -> FeedChannel:
    """The channel values of one of the show's feeds; ``show_guid`` is the show's permanent
    id (None: ``[show] id``, which must then be set)."""
    if show_guid is None:
        namespace = show_namespace(show)
        if namespace is None:
            raise PublishError("the show has no id: set [show] id (`audio-edition init` writes one)")
        show_guid = str(namespace)
    return FeedChannel(
        title=show.title + title_suffix,
        link=show.website,
        self_url=media_url(show, feed_name),
        description=show.description,
        language=show.language,
        author=show.author,
        owner_name=show.owner_name,
        owner_email=show.owner_email,
        image_url=media_url(show, image_name),
        category=show.category,
        subcategory=show.subcategory,
        explicit=show.explicit,
        last_build=now.astimezone(show.zone),
        podcast_guid=show_guid,
        copyright=show.copyright,
        locked=show.locked,
        keywords=show.keywords,
        update_rule=show.update_rule,
        # Only the edition feed moves with new_feed_url: it is the address the setting names.
        new_feed_url=show.new_feed_url if feed_name == FEED_NAME else None,
    )


def edition_item(
    show: Show, entry: CatalogEntry, output_dir: Path, addresses: Addresses | None = None
) -> FeedItem:
    """The feed item of one edition: the whole episode with chapters and transcripts."""
    m = entry.manifest
    rundown = [f"{a.number}. {a.headline}" for a in m.articles]
    corrected = sorted((s.corrected, s.headline) for s in entry.stories if s.corrected)
    notes = [f"【更正 {_when(show, at)}】{headline}" for at, headline in corrected]
    description = "\n".join([*notes, f"{m.title}（{len(m.articles)} 篇）", *rundown])
    links = "".join(
        f'<li><a href="{html.escape(media_url(show, m.date, a.audio))}">{html.escape(a.headline)}</a></li>'
        for a in m.articles
    )
    page = media_url(show, edition_page(m.date))
    content = (
        "".join(f"<p>{html.escape(n)}</p>" for n in notes) + f"<p>{html.escape(m.title)}</p><ol>{links}</ol>"
        f'<p><a href="{html.escape(page)}">收听页面与文字稿</a></p>'
    )
    return FeedItem(
        title=m.title,
        guid=entry.guid,
        pub_date=publication_time(show, m.date),
        description=description[:_DESCRIPTION_LIMIT],
        content_html=content,
        link=page,
        enclosure=Enclosure(
            _audio_url(show, addresses or {}, m.date, m.episode), _size(output_dir, m.date, m.episode)
        ),
        duration=m.duration,
        chapters_url=media_url(show, m.date, m.chapters_json),
        # WebVTT last: clients that keep one transcript (podcastparser, feedparser) keep the last.
        transcripts=(
            Transcript(media_url(show, m.date, m.transcript_srt), SRT_TYPE, show.language),
            Transcript(media_url(show, m.date, m.transcript_vtt), VTT_TYPE, show.language),
        ),
    )


def article_items(
    show: Show, entry: CatalogEntry, output_dir: Path, addresses: Addresses | None = None
) -> list[FeedItem]:
    """One feed item per article of an edition, in reading order, the lead story dated last."""
    m = entry.manifest
    base = publication_time(show, m.date)
    items = []
    for a in m.articles:
        story = entry.story(a.number)
        note = correction_note(show, story.corrected) + "\n" if story.corrected else ""
        text = (note + a.text)[:_DESCRIPTION_LIMIT]
        items.append(
            FeedItem(
                title=a.headline,
                guid=story.guid,
                # Apps list newest first: the lead story gets the edition's time and each next
                # story a minute less, so the paper's order reads top down. (An app set to play
                # oldest first plays an edition from its last story up; the edition feed, one
                # episode in the paper's order, is for listening straight through.)
                pub_date=base - timedelta(minutes=a.number - 1),
                description=text,
                content_html="".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p),
                link=media_url(show, article_page(m.date, a)),
                enclosure=Enclosure(
                    _audio_url(show, addresses or {}, m.date, a.audio), _size(output_dir, m.date, a.audio)
                ),
                duration=a.duration,
                chapters_url=None,
                transcripts=(Transcript(media_url(show, m.date, a.transcript), VTT_TYPE, show.language),),
            )
        )
    return items


def show_namespace(show: Show) -> uuid.UUID | None:
    """The show's permanent id, from ``[show] id`` (``init`` writes a random one, once): the
    feed's podcast:guid and what edition guids derive from (with the date). None without an
    id: the catalog then keeps one (``publisher.show_identity``). Never the feed's address,
    which every show changes before it goes public."""
    if show.id:
        try:
            return uuid.UUID(show.id)
        except ValueError:
            return uuid.uuid5(_PODCAST_GUID_NAMESPACE, show.id)
    return None


def _hms(seconds: float) -> str:
    total = max(0, round(seconds))
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"


# Characters XML 1.0 cannot carry at all; a page's stray control character must not break
# the feed for every subscriber.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids, line ends as ``\\n``.

    (A parser turns a raw CR into LF anyway; normalising here keeps what we write what is read.)
    """
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


_FREQUENCY_TEXT = {
    "FREQ=DAILY": "Daily",
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR": "Weekdays",
    "FREQ=WEEKLY": "Weekly",
}


def render_rss(channel: FeedChannel, items: list[FeedItem]) -> bytes:
    """The feed document: RSS 2.0 with the itunes, podcast, content and atom namespaces."""
    for prefix, uri in (("itunes", ITUNES), ("podcast", PODCAST), ("content", CONTENT), ("atom", ATOM)):
        ET.register_namespace(prefix, uri)
    rss = ET.Element("rss", {"version": "2.0"})
    ch = ET.SubElement(rss, "channel")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, tag, {k: xml_safe(v) for k, v in attrs.items()})
        element.text = None if text is None else xml_safe(text)
        return element

    sub(ch, f"{{{ATOM}}}link", href=channel.self_url, rel="self", type=RSS_TYPE)
    sub(ch, "title", channel.title)
    sub(ch, "link", channel.link)
    sub(ch, "description", channel.description)
    sub(ch, "language", channel.language)
    if channel.copyright:
        sub(ch, "copyright", channel.copyright)
    sub(ch, "generator", f"audio-edition {__version__}")
    sub(ch, "lastBuildDate", format_datetime(channel.last_build))
    image = sub(ch, "image")
    sub(image, "url", channel.image_url)
    sub(image, "title", channel.title)
    sub(image, "link", channel.link)
    sub(ch, f"{{{ITUNES}}}image", href=channel.image_url)
    sub(ch, f"{{{ITUNES}}}author", channel.author)
    sub(ch, f"{{{ITUNES}}}summary", channel.description)
    owner = sub(ch, f"{{{ITUNES}}}owner")
    sub(owner, f"{{{ITUNES}}}name", channel.owner_name)
    sub(owner, f"{{{ITUNES}}}email", channel.owner_email)
    # itunes:category carries its name in a "text" attribute, not as element text.
    category = ET.SubElement(ch, f"{{{ITUNES}}}category", {"text": channel.category})
    if channel.subcategory:
        ET.SubElement(category, f"{{{ITUNES}}}category", {"text": channel.subcategory})
    sub(ch, f"{{{ITUNES}}}explicit", "true" if channel.explicit else "false")
    sub(ch, f"{{{ITUNES}}}type", "episodic")
    sub(ch, f"{{{PODCAST}}}guid", channel.podcast_guid)
    sub(ch, f"{{{PODCAST}}}locked", "yes" if channel.locked else "no", owner=channel.owner_email)
    if channel.update_rule:
        sub(
            ch,
            f"{{{PODCAST}}}updateFrequency",
            _FREQUENCY_TEXT.get(channel.update_rule, "Scheduled"),
            rrule=channel.update_rule,
        )
    if channel.keywords:
        sub(ch, f"{{{ITUNES}}}keywords", ",".join(channel.keywords))
    if channel.new_feed_url:
        sub(ch, f"{{{ITUNES}}}new-feed-url", channel.new_feed_url)

    for item in items:
        it = sub(ch, "item")
        sub(it, "title", item.title)
        sub(it, f"{{{ITUNES}}}title", item.title)
        sub(it, "description", item.description)
        sub(it, f"{{{CONTENT}}}encoded", item.content_html)
        sub(it, "link", item.link)
        sub(it, "guid", item.guid, isPermaLink="false")
        sub(it, "pubDate", format_datetime(item.pub_date))
        sub(
            it,
            "enclosure",
            url=item.enclosure.url,
            length=str(item.enclosure.length),
            type=item.enclosure.type,
        )
        sub(it, f"{{{ITUNES}}}duration", _hms(item.duration))
        sub(it, f"{{{ITUNES}}}episodeType", "full")
        sub(it, f"{{{ITUNES}}}explicit", "true" if channel.explicit else "false")
        if item.chapters_url:
            sub(it, f"{{{PODCAST}}}chapters", url=item.chapters_url, type=CHAPTERS_TYPE)
        for t in item.transcripts:
            sub(it, f"{{{PODCAST}}}transcript", url=t.url, type=t.type, language=t.language)

    ET.indent(rss, space="  ")
    document: bytes = ET.tostring(rss, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def edition_feed(
    show: Show,
    entries: tuple[CatalogEntry, ...],
    output_dir: Path,
    image_name: str,
    now: datetime,
    *,
    show_guid: str | None = None,
    addresses: Addresses | None = None,
) -> bytes:
    """``feed.xml``: one item per edition, the newest ``show.feed_items`` first."""
    channel = channel_for(show, FEED_NAME, image_name, now, show_guid=show_guid)
    return render_rss(
        channel, [edition_item(show, e, output_dir, addresses) for e in entries[: show.feed_items]]
    )


def articles_feed(
    show: Show,
    entries: tuple[CatalogEntry, ...],
    output_dir: Path,
    image_name: str,
    now: datetime,
    *,
    show_guid: str | None = None,
    addresses: Addresses | None = None,
) -> bytes:
    """``articles.xml``: one item per article, newest edition first, in reading order; the
    newest ``show.feed_items`` articles (the edition that crosses the limit is cut there)."""
    channel = channel_for(
        show, ARTICLES_FEED_NAME, image_name, now, title_suffix="（单篇）", show_guid=show_guid
    )
    items: list[FeedItem] = []
    for entry in entries:
        if len(items) >= show.feed_items:
            break  # older editions' files are not even looked at
        items += article_items(show, entry, output_dir, addresses)
    return render_rss(channel, items[: show.feed_items])
