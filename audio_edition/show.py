"""The show: the ``[show]`` table of ``audio-edition.toml``, its defaults and its checks.

The whole file (every table, unknown keys refused) is read by ``audio_edition/settings.py``;
this module validates the show's values. It sits below both ``settings.py`` and ``publish/``
(and imports neither) so that the settings schema has no import cycle; ``publish/config.py``
re-exports it with the starter file ``init`` writes. With no file at all the defaults publish a feed that
``audio-edition serve`` serves correctly at its default address, so ``make demo`` works with no
setup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from audio_edition.errors import ConfigError

CONFIG_NAME = "audio-edition.toml"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_BASE_URL = f"http://{DEFAULT_HOST}:{DEFAULT_PORT}/"

# Apple Podcasts' categories and subcategories: a closed set, a typo would get the show rejected.
APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": ("Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": (
        "Alternative Health",
        "Fitness",
        "Medicine",
        "Mental Health",
        "Nutrition",
        "Sexuality",
    ),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": (
        "Animation & Manga",
        "Automotive",
        "Aviation",
        "Crafts",
        "Games",
        "Hobbies",
        "Home & Garden",
        "Video Games",
    ),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": (
        "Business News",
        "Daily News",
        "Entertainment News",
        "News Commentary",
        "Politics",
        "Sports News",
        "Tech News",
    ),
    "Religion & Spirituality": (
        "Buddhism",
        "Christianity",
        "Hinduism",
        "Islam",
        "Judaism",
        "Religion",
        "Spirituality",
    ),
    "Science": (
        "Astronomy",
        "Chemistry",
        "Earth Sciences",
        "Life Sciences",
        "Mathematics",
        "Natural Sciences",
        "Nature",
        "Physics",
        "Social Sciences",
    ),
    "Society & Culture": (
        "Documentary",
        "Personal Journals",
        "Philosophy",
        "Places & Travel",
        "Relationships",
    ),
    "Sports": (
        "Baseball",
        "Basketball",
        "Cricket",
        "Fantasy Sports",
        "Football",
        "Golf",
        "Hockey",
        "Rugby",
        "Running",
        "Soccer",
        "Swimming",
        "Tennis",
        "Volleyball",
        "Wilderness",
        "Wrestling",
    ),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"),
}


@dataclass(frozen=True)
class Show:
    """The podcast as listeners see it: what goes into the feed's channel and the page's header."""

    title: str = "有声日报"
    description: str = "每天的报纸，读给你听：逐篇朗读当日版面，附章节与文字稿。"
    author: str = "audio-edition"
    owner_name: str = "audio-edition"
    owner_email: str = "podcast@example.com"
    language: str = "zh-cn"
    category: str = "News"
    subcategory: str | None = "Daily News"
    explicit: bool = False
    commercial: bool = False
    """The show is published commercially: ``build`` warns when a voice's licence forbids that."""
    cover: Path | None = None
    """A configured cover image (absolute path), or None to generate one."""
    base_url: str = DEFAULT_BASE_URL
    """Where ``output/`` is served; always ends with ``/``."""
    timezone: str = "Asia/Shanghai"
    link: str | None = None
    """The show's web page; None means the listening page at ``base_url``."""
    id: str | None = None
    """A fixed id for the show, from which guids derive (written once by ``init``)."""
    feed_items: int = 100
    """How many items each feed lists, newest first; older editions stay on the page's archive."""
    copyright: str | None = None
    """The channel's ``<copyright>``, e.g. "© 2024 某某日报社"."""
    new_feed_url: str | None = None
    """Moving host: the feed's new address (``itunes:new-feed-url``); apps resubscribe there."""
    locked: bool = False
    """``podcast:locked``: other platforms may not import the show without the owner's e-mail."""
    keywords: tuple[str, ...] = ()
    """``itunes:keywords``, for directories that still search them."""
    update_frequency: str = "daily"
    """``podcast:updateFrequency``: daily, weekdays, weekly, or an iCalendar RRULE."""

    @property
    def update_rule(self) -> str:
        """The RRULE of ``update_frequency``."""
        return UPDATE_FREQUENCIES.get(self.update_frequency, self.update_frequency)

    @property
    def zone(self) -> ZoneInfo:
        """The show's time zone (validated when the show was loaded)."""
        return ZoneInfo(self.timezone)

    @property
    def website(self) -> str:
        """The channel's ``<link>``: the configured link or the listening page."""
        return self.link or self.base_url


UPDATE_FREQUENCIES = {
    "daily": "FREQ=DAILY",
    "weekdays": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "weekly": "FREQ=WEEKLY",
}
_RRULE = re.compile(r"^FREQ=(YEARLY|MONTHLY|WEEKLY|DAILY|HOURLY)(;[A-Z]+=[A-Z0-9,+-]+)*$")

_STRING_KEYS = (
    "title",
    "description",
    "author",
    "owner_name",
    "owner_email",
    "language",
    "category",
    "base_url",
    "timezone",
    "update_frequency",
)
_OPTIONAL_STRING_KEYS = ("subcategory", "cover", "link", "id", "copyright", "new_feed_url")
_BOOL_KEYS = ("explicit", "commercial", "locked")
KNOWN_KEYS = frozenset(_STRING_KEYS + _OPTIONAL_STRING_KEYS + _BOOL_KEYS + ("feed_items", "keywords"))

_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def show_from_table(table: dict[str, Any], *, base_dir: Path, source: str = CONFIG_NAME) -> Show:
    """Validate one ``[show]`` table into a ``Show``; relative paths resolve against ``base_dir``."""

    def fail(key: str, why: str) -> ConfigError:
        return ConfigError(f"{source}: show.{key}: {why}")

    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown setting; known settings: {', '.join(sorted(KNOWN_KEYS))}")
    values: dict[str, Any] = {}
    for key in _STRING_KEYS + _OPTIONAL_STRING_KEYS:
        if key not in table:
            continue
        value = table[key]
        if not isinstance(value, str):
            raise fail(key, f"must be a string in quotes, not {type(value).__name__}")
        value = value.strip()
        if not value and key in _STRING_KEYS:
            raise fail(key, "must not be empty")
        values[key] = value or None
    for key in _BOOL_KEYS:
        if key in table:
            if not isinstance(table[key], bool):
                raise fail(key, "must be true or false (no quotes)")
            values[key] = table[key]
    if "feed_items" in table:
        items = table["feed_items"]
        # bool is an int in Python: `feed_items = true` must not mean one item.
        if isinstance(items, bool) or not isinstance(items, int) or items < 1:
            raise fail("feed_items", f"must be a whole number of at least 1 (no quotes), not {items!r}")
        values["feed_items"] = items

    if "keywords" in table:
        keywords = table["keywords"]
        if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
            raise fail("keywords", 'must be a list of words in quotes, like ["新闻", "内蒙古"]')
        values["keywords"] = tuple(k.strip() for k in keywords)
    show = Show(**values)
    if show.update_frequency not in UPDATE_FREQUENCIES and not _RRULE.match(show.update_frequency):
        raise fail(
            "update_frequency",
            f"{show.update_frequency!r} is not one of "
            f'{", ".join(UPDATE_FREQUENCIES)} or an RRULE like "FREQ=DAILY"',
        )
    if show.new_feed_url is not None:
        check_url(show.new_feed_url, lambda why: fail("new_feed_url", why))
    language = show.language.lower()
    if not _LANGUAGE.match(language):
        raise fail("language", f'{show.language!r} is not a language code like "zh-cn"')
    if not _EMAIL.match(show.owner_email):
        raise fail("owner_email", f"{show.owner_email!r} is not an e-mail address")
    if show.category not in APPLE_CATEGORIES:
        raise fail(
            "category",
            f"{show.category!r} is not an Apple Podcasts category; "
            f"choose one of: {', '.join(APPLE_CATEGORIES)}",
        )
    subcategories = APPLE_CATEGORIES[show.category]
    subcategory = show.subcategory
    if "category" in table and "subcategory" not in table and subcategory not in subcategories:
        subcategory = None  # the default "Daily News" belongs to News only
    if subcategory is not None and subcategory not in subcategories:
        allowed = ", ".join(subcategories) or "none (leave it out)"
        raise fail("subcategory", f"{subcategory!r} is not under {show.category!r}; choose one of: {allowed}")
    base_url = check_url(show.base_url, lambda why: fail("base_url", why))
    if not base_url.endswith("/"):
        base_url += "/"  # feed URLs are joined onto it
    if show.link is not None:
        check_url(show.link, lambda why: fail("link", why))
    try:
        ZoneInfo(show.timezone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise fail("timezone", f'{show.timezone!r} is not a time zone like "Asia/Shanghai"') from error
    cover = None
    if show.cover is not None:
        cover = (base_dir / show.cover).resolve()
        if not cover.is_file():
            raise fail("cover", f"{cover}: no such image file")
    return replace(show, language=language, subcategory=subcategory, base_url=base_url, cover=cover)


PLACEHOLDERS = {"owner_email": Show.owner_email, "author": Show.author, "owner_name": Show.owner_name}
"""The starter file's values that only the show's owner can replace: Spotify and Apple mail the
owner's address to verify the show, and directories list the author."""


def placeholder_setting(show: Show) -> str | None:
    """The first ``[show]`` setting still holding the starter file's placeholder, or None."""
    for key, placeholder in PLACEHOLDERS.items():
        value = getattr(show, key)
        if value == placeholder or (
            key == "owner_email" and value.lower().rsplit("@", 1)[-1] in ("example.com", "example.org")
        ):
            return key
    return None


def check_publishable(show: Show, where: str) -> None:
    """Refuse (``ConfigError``, one line naming the setting) to publish to ``where``, a public
    address, with the starter file's placeholder owner or author."""
    key = placeholder_setting(show)
    if key is not None:
        raise ConfigError(
            f"show.{key}: {getattr(show, key)!r} is the starter file's placeholder; "
            f"set your own before publishing to {where}"
        )


_URL_UNSAFE = re.compile(r"[\s\"'<>\\`{}|^\x00-\x1f\x7f]")


def check_url(url: str, fail: Callable[[str], ConfigError], *, query: bool = False) -> str:
    """``url`` if it is a plain http(s) URL that can be written into a feed or handed to a
    client as it is: a host, an optional port, no spaces, quotes or control characters, no
    ``user:password@`` (it would be published in every link) and (unless ``query``) no query or
    fragment. Else ``fail(why)`` is raised."""
    example = 'like "https://example.org/podcast/"'
    if _URL_UNSAFE.search(url):
        raise fail(f"{url!r} has a space, quote or other character a URL cannot hold; write it {example}")
    try:
        parts = urlsplit(url)
        port = parts.port  # a port that is not a number in 0-65535 raises ValueError
    except ValueError:
        raise fail(f"{url!r} is not an http(s) URL {example}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise fail(f"{url!r} is not an http(s) URL {example}")
    if "@" in parts.netloc:
        raise fail(f"{url!r} holds a user name or password; leave them out of the URL")
    if port == 0:
        raise fail(f"{url!r}: port 0 is not a port")
    if not query and (parts.query or parts.fragment or url.rstrip().endswith(("?", "#"))):
        raise fail(f"{url!r} must not have a query or fragment")
    return url
