"""What the published feeds say about identity, read back when the catalog is lost.

The feeds in the output folder are public and durable (copied to every server); the catalog is
private and can be lost. Every guid a subscriber holds is in them: the show's podcast:guid,
each edition's guid (``feed.xml``) and each story's (``articles.xml``, with its text as the
description, so a rebuilt edition's stories are matched to them by content). ``catalog
rebuild`` and a publish that finds editions the catalog lacks take their guids from here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from audio_edition.publish.identity import Story

_PODCAST_URIS = (
    "https://podcastindex.org/namespace/1.0",
    "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",
)
_DATE = re.compile(r"/(\d{4}-\d{2}-\d{2})/")
_NOTE = re.compile(r"^【更正 (\d{4}-\d{2}-\d{2} \d{2}:\d{2})】[^\n]*\n?")


@dataclass(frozen=True)
class Published:
    """The identities the feeds in an output folder carry."""

    show_guid: str | None = None
    editions: dict[str, str] = field(default_factory=dict)
    """Edition guid by date."""
    stories: dict[str, tuple[Story, ...]] = field(default_factory=dict)
    """Stories by date, in the feed's order, with the text the feed gives."""


def _items(path: Path) -> tuple[ET.Element | None, list[ET.Element]]:
    try:
        channel = ET.parse(path).getroot().find("channel")
    except (OSError, ET.ParseError):
        return None, []
    return channel, [] if channel is None else channel.findall("item")


def _date_of(item: ET.Element) -> str | None:
    enclosure = item.find("enclosure")
    for text in (item.findtext("link") or "", "" if enclosure is None else enclosure.get("url", "")):
        found = _DATE.search(text)
        if found:
            return found.group(1)
    return None


def read_published(out: Path, feed_name: str, articles_name: str, zone: ZoneInfo) -> Published:
    """The guids in ``out``'s feeds (nothing where a feed is missing or unreadable); a
    correction note's time is read in the show's time ``zone``."""
    channel, items = _items(out / feed_name)
    show_guid = None
    if channel is not None:
        for uri in _PODCAST_URIS:
            show_guid = show_guid or (channel.findtext(f"{{{uri}}}guid") or "").strip() or None
    editions = {}
    for item in items:
        date, guid = _date_of(item), (item.findtext("guid") or "").strip()
        if date and guid:
            editions[date] = guid
    stories: dict[str, list[Story]] = {}
    for item in _items(out / articles_name)[1]:
        date, guid = _date_of(item), (item.findtext("guid") or "").strip()
        if not (date and guid):
            continue
        text = item.findtext("description") or ""
        note = _NOTE.match(text)
        corrected = None
        if note:
            corrected = datetime.strptime(note.group(1), "%Y-%m-%d %H:%M").replace(tzinfo=zone).isoformat()
            text = text[note.end() :]
        found = stories.setdefault(date, [])
        found.append(Story(len(found) + 1, guid, item.findtext("title") or "", text, corrected))
    return Published(show_guid, editions, {d: tuple(s) for d, s in stories.items()})
