"""The listening page's HTML: the home and archive pages, one page per edition, one per article.

Plain functions from frozen views to strings; ``site.py`` decides which pages exist and writes
them. Every text that comes from a printed page or the settings goes through ``_e`` (HTML
escaping, quotes included, so it is safe in attributes too). Links between pages are relative
(the site works from any folder, even from disk); links meant to leave the site (share links,
Open Graph, subscribe links) are absolute, built from the show's ``base_url``.

Works without JavaScript: every player is a plain ``<audio controls>``; the controls that need
the script (``player.js``) are ``hidden`` until it shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import PurePosixPath
from urllib.parse import quote

from audio_edition.audio.manifest import ArticleFile, EditionManifest
from audio_edition.publish.feed import (
    ARTICLES_FEED_NAME,
    AUDIO_TYPE,
    FEED_NAME,
    PAGE_NAME,
    RSS_TYPE,
    media_url,
    url_path,
)
from audio_edition.publish.readalong import Paragraph
from audio_edition.show import Show

RATES = (0.8, 1.0, 1.25, 1.5, 1.75, 2.0)
_DESCRIPTION_CHARS = 110  # what chat apps show of a card's description, about


def _e(text: str) -> str:
    return escape(text, quote=True)


def clock(seconds: float) -> str:
    """``m:ss`` or ``h:mm:ss``, as players show time."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def html_lang(language: str) -> str:
    """The show's language code as HTML writes it: ``zh-cn`` → ``zh-CN``."""
    head, *rest = language.split("-")
    # BCP 47's conventional case: region upper (CN), script title (Hans), the rest lower.
    return "-".join(
        [head.lower(), *(p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p.lower() for p in rest)]
    )


def og_locale(language: str) -> str:
    """Open Graph's locale form: ``zh-cn`` → ``zh_CN``."""
    head, *rest = html_lang(language).split("-")
    region = next((p for p in rest if len(p) == 2), None)
    return f"{head}_{region}" if region else head


def summary(text: str, limit: int = _DESCRIPTION_CHARS) -> str:
    """The first ``limit`` characters of ``text`` on one line, with … if cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Site:
    """What every page shares: the show and where the site's own files are."""

    show: Show
    cover: str
    """The cover's file name under ``output/``."""
    css: str
    """The style sheet's path under ``output/``, with a version query."""
    script: str
    """The player script's path under ``output/``, with a version query."""


@dataclass(frozen=True)
class ArticleView:
    """One article as its pages show it."""

    file: ArticleFile
    page: str
    """Its page under ``output/`` (``2023-12-25/articles/01-slug.html``)."""
    offset: float | None
    """Where the article starts in the episode, None if no chapter says so."""
    until: float | None
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class EditionView:
    """One edition as its pages show it."""

    manifest: EditionManifest
    page: str
    """Its page under ``output/`` (``2023-12-25/index.html``)."""
    articles: tuple[ArticleView, ...]

    @property
    def date(self) -> str:
        return self.manifest.date


@dataclass(frozen=True)
class Card:
    """What a link pasted in a chat shows: Open Graph and Twitter card values (absolute URLs)."""

    kind: str
    title: str
    description: str
    url: str
    audio: str | None = None


def _card(site: Site, card: Card) -> str:
    show = site.show
    image = media_url(show, site.cover)
    tags = [
        ("property", "og:site_name", show.title),
        ("property", "og:type", card.kind),
        ("property", "og:title", card.title),
        ("property", "og:description", card.description),
        ("property", "og:url", card.url),
        ("property", "og:image", image),
        ("property", "og:image:alt", show.title),
        ("property", "og:locale", og_locale(show.language)),
    ]
    if card.audio:
        tags += [("property", "og:audio", card.audio), ("property", "og:audio:type", AUDIO_TYPE)]
    tags += [
        ("name", "twitter:card", "summary"),
        ("name", "twitter:title", card.title),
        ("name", "twitter:description", card.description),
        ("name", "twitter:image", image),
    ]
    return "".join(f'<meta {attr}="{name}" content="{_e(value)}">' for attr, name, value in tags)


def _document(
    site: Site,
    root: str,
    title: str,
    card: Card,
    body: str,
    *,
    heading: bool = False,
    next_page: str | None = None,
) -> str:
    """A whole page. ``root`` leads from the page's folder back to ``output/``."""
    show = site.show
    brand = (
        f'<a class="home" href="{root}{PAGE_NAME}"><img src="{_e(root + site.cover)}"'
        f' alt="" width="48" height="48"><span class="show">{_e(show.title)}</span></a>'
    )
    masthead = (
        ""
        if heading
        else (f'<header class="masthead wrap">{brand}<a class="sub-link" href="#subscribe">订阅</a></header>')
    )
    data = f' data-show="{_e(show.title)}" data-cover="{_e(media_url(show, site.cover))}"' + (
        f' data-next="{_e(next_page)}"' if next_page else ""
    )
    return (
        "<!doctype html>\n"
        f'<html lang="{_e(html_lang(show.language))}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title>"
        f'<meta name="description" content="{_e(card.description)}">'
        f'<link rel="canonical" href="{_e(card.url)}">'
        f"{_card(site, card)}"
        f'<link rel="alternate" type="{RSS_TYPE}" title="{_e(show.title)}"'
        f' href="{_e(root + FEED_NAME)}">'
        f'<link rel="alternate" type="{RSS_TYPE}" title="{_e(show.title)}（单篇）"'
        f' href="{_e(root + ARTICLES_FEED_NAME)}">'
        f'<link rel="icon" href="{_e(root + site.cover)}">'
        f'<link rel="stylesheet" href="{_e(root + site.css)}">'
        f'</head><body{data}>{masthead}<main class="wrap">{body}</main>'
        f"{_footer(site)}{_player_bar()}"
        f'<script src="{_e(root + site.script)}"></script></body></html>\n'
    )


def _player_bar() -> str:
    rates = "".join(f'<option value="{r:g}"{" selected" if r == 1 else ""}>{r:g}×</option>' for r in RATES)
    return (
        # Shown by the script when something first plays (a bar of dead buttons helps nobody).
        '<div id="player" role="region" aria-label="播放控制" hidden>'
        '<div class="wrap"><p class="now"><span data-part="title"></span> '
        '<span class="clock" data-part="clock"></span></p>'
        '<div class="controls">'
        '<button type="button" data-part="back" aria-label="后退 15 秒">−15</button>'
        '<button type="button" class="play" data-part="toggle" aria-label="播放">▶</button>'
        '<button type="button" data-part="forward" aria-label="前进 30 秒">+30</button>'
        f'<label>速度<select data-part="rate" aria-label="播放速度">{rates}</select></label>'
        '<label title="一篇播完自动播放下一篇"><input type="checkbox" data-part="autonext" checked>'
        "自动连播</label>"
        "</div></div></div>"
    )


def subscribe_links(feed_url: str) -> list[tuple[str, str]]:
    """(app, link) pairs that open a podcast app subscribed to ``feed_url``.

    Each app's own URL scheme (what its makers document for "subscribe" buttons), or for
    AntennaPod its web deep link, which hands over to the app where it is installed.
    """
    bare = feed_url.split("://", 1)[-1]
    encoded = quote(feed_url, safe="")
    return [
        ("Apple 播客", f"podcast://{bare}"),
        ("Overcast", f"overcast://x-callback-url/add?url={encoded}"),
        ("Pocket Casts", f"pktc://subscribe/{bare}"),
        ("Castro", f"castro://subscribe/{bare}"),
        ("AntennaPod", f"https://antennapod.org/deeplink/subscribe?url={encoded}"),
        ("Podcast Addict", f"podcastaddict://{bare}"),
    ]


def _footer(site: Site) -> str:
    show = site.show
    feed = media_url(show, FEED_NAME)
    apps = "".join(
        f'<li><a class="button" href="{_e(link)}">{_e(name)}</a></li>' for name, link in subscribe_links(feed)
    )
    return (
        '<footer class="wrap"><section class="subscribe" id="subscribe"'
        ' aria-labelledby="subscribe-title">'
        '<h2 id="subscribe-title">订阅</h2>'
        "<p>在播客应用里订阅，每天的新一期会自动出现。</p>"
        f'<div class="feed"><input type="text" readonly value="{_e(feed)}"'
        ' aria-label="订阅地址（RSS）">'
        f'<button type="button" class="js-only" data-copy="{_e(feed)}" hidden>复制订阅地址'
        "</button></div>"
        '<p class="status" role="status" aria-live="polite"></p>'
        f"<ul>{apps}"
        f'<li><a class="button" href="{_e(feed)}" type="{RSS_TYPE}">RSS（整期）</a></li>'
        f'<li><a class="button" href="{_e(media_url(show, ARTICLES_FEED_NAME))}"'
        f' type="{RSS_TYPE}">RSS（单篇）</a></li></ul></section>'
        '<p class="credit">由 audio-edition 生成</p></footer>'
    )


def _share(url: str, title: str) -> str:
    return (
        '<div class="actions">'
        f'<button type="button" class="js-only" data-share="{_e(url)}" data-title="{_e(title)}"'
        " hidden>分享</button>"
        f'<a class="button" href="{_e(url)}">本页链接</a>'
        '<span class="status" role="status" aria-live="polite"></span></div>'
    )


def _href(root: str, *parts: str) -> str:
    return _e(root + url_path(*parts))


def _transcript(paragraphs: Sequence[Paragraph]) -> str:
    out = []
    for paragraph in paragraphs:
        runs = "".join(
            f'<span class="s" data-start="{r.start:.3f}" data-end="{r.end:.3f}">{_e(r.text)}</span>'
            if r.start is not None and r.end is not None
            else _e(r.text)
            for r in paragraph
        )
        out.append(f"<p>{runs}</p>")
    return f'<div class="transcript">{"".join(out)}</div>'


def _episode(root: str, edition: EditionView, *, preload: str, chapters_open: bool) -> str:
    m = edition.manifest
    chapters = "".join(
        f'<li><button type="button" class="chapter" data-start="{c.start:.3f}"'
        f' data-end="{c.end:.3f}" aria-label="从 {clock(c.start)} 开始听：{_e(c.title)}">'
        f'<span class="t">{clock(c.start)}</span><span>{_e(c.title)}</span></button></li>'
        for c in m.chapters
    )
    return (
        f'<audio class="episode" controls preload="{preload}"'
        f' src="{_href(root, m.date, m.episode)}" data-title="{_e(m.title)}">'
        f'<track kind="captions" srclang="zh" label="文字稿"'
        f' src="{_href(root, m.date, m.transcript_vtt)}"></audio>'
        f'<details class="chapters"{" open" if chapters_open else ""}><summary>章节</summary>'
        f'<ol class="chapters">{chapters}</ol></details>'
    )


def _meta(m: EditionManifest) -> str:
    return (
        f'<p class="meta"><time datetime="{_e(m.date)}">{_e(m.date)}</time>'
        f" · {len(m.articles)} 篇 · {clock(m.duration)}</p>"
    )


def _rundown(m: EditionManifest) -> str:
    return "；".join(a.headline for a in m.articles)


def home_page(site: Site, editions: Sequence[EditionView], number: int, pages: int) -> str:
    """Archive page ``number`` of ``pages`` (1 is ``index.html``): editions, newest first."""
    show = site.show
    root = "" if number == 1 else "../"
    cards = []
    for i, edition in enumerate(editions):
        m = edition.manifest
        cards.append(
            f'<section class="edition" id="{_e(m.date)}" data-edition="{_e(m.title)}">'
            f'<h2><a href="{_href(root, edition.page)}">{_e(m.title)}</a></h2>{_meta(m)}'
            f"{_episode(root, edition, preload='none', chapters_open=number == 1 and i == 0)}"
            f'<p><a href="{_href(root, edition.page)}">单篇收听与文字稿 →</a></p></section>'
        )
    body = "".join(cards) or '<p class="meta">还没有节目。</p>'
    intro = (
        f'<header class="intro"><img src="{_e(root + site.cover)}" alt=""'
        f' width="112" height="112"><div><h1>{_e(show.title)}</h1>'
        f'<p class="meta">{_e(show.description)}</p>'
        '<p><a class="button" href="#subscribe">订阅</a></p></div></header>'
    )
    page_title = show.title if number == 1 else f"{show.title} · 往期第 {number} 页"
    url = show.base_url if number == 1 else media_url(show, archive_page(number))
    return _document(
        site,
        root,
        page_title,
        Card("website", page_title, summary(show.description), url),
        intro + body + _pager(root, number, pages),
        heading=True,
    )


def archive_page(number: int) -> str:
    """Archive page ``number``'s path under ``output/``: ``index.html``, ``page/2.html`` …"""
    return PAGE_NAME if number == 1 else f"page/{number}.html"


def _pager(root: str, number: int, pages: int) -> str:
    if pages <= 1:
        return ""
    newer = (
        f'<a rel="prev" class="button" href="{_e(root + archive_page(number - 1))}">← 较新</a>'
        if number > 1
        else "<span></span>"
    )
    older = (
        f'<a rel="next" class="button" href="{_e(root + archive_page(number + 1))}">较早 →</a>'
        if number < pages
        else "<span></span>"
    )
    return (
        f'<nav class="pager" aria-label="往期">{newer}'
        f'<span class="where">第 {number} / {pages} 页</span>{older}</nav>'
    )


def edition_page(
    site: Site, edition: EditionView, newer: EditionView | None, older: EditionView | None
) -> str:
    """``<date>/index.html``: the episode with its chapters, then every article with its own
    player and transcript."""
    show = site.show
    m = edition.manifest
    root = "../"
    url = media_url(show, edition.page)
    stories = "".join(_story(root, edition, a) for a in edition.articles)
    nav = []
    if newer:
        nav.append(f'<a rel="prev" href="{_href(root, newer.page)}">← {_e(newer.manifest.title)}</a>')
    nav.append(f'<a href="{_e(root + PAGE_NAME)}">全部节目</a>')
    if older:
        nav.append(f'<a rel="next" href="{_href(root, older.page)}">{_e(older.manifest.title)} →</a>')
    body = (
        f'<section class="edition" id="{_e(m.date)}" data-edition="{_e(m.title)}">'
        f"<h1>{_e(m.title)}</h1>{_meta(m)}{_share(url, m.title)}"
        f"{_episode(root, edition, preload='metadata', chapters_open=True)}"
        f'<div class="stories"><h2>单篇收听与文字稿</h2>{stories}</div></section>'
        f'<nav class="next" aria-label="其他各期">{"".join(nav)}</nav>'
    )
    description = summary(f"{len(m.articles)} 篇：{_rundown(m)}")
    return _document(
        site,
        root,
        f"{m.title} · {show.title}" if show.title not in m.title else m.title,
        Card("article", m.title, description, url, media_url(show, m.date, m.episode)),
        body,
    )


def _story(root: str, edition: EditionView, a: ArticleView) -> str:
    f = a.file
    timing = (
        f' data-offset="{a.offset:.3f}" data-until="{a.until:.3f}"'
        if a.offset is not None and a.until is not None
        else ""
    )
    return (
        f'<article class="story" id="a{f.number:02d}"{timing}>'
        f'<h3><a href="{_href(root, a.page)}">{f.number}. {_e(f.headline)}</a></h3>'
        f'<audio class="article" controls preload="none" src="{_href(root, edition.date, f.audio)}"'
        f' data-title="{_e(f.headline)}"></audio>'
        f"<details><summary>文字稿（{clock(f.duration)}）</summary>{_transcript(a.paragraphs)}"
        f'<p class="meta"><a href="{_href(root, edition.date, f.transcript)}">字幕文件 (WebVTT)'
        "</a></p></details></article>"
    )


def article_page(site: Site, edition: EditionView, index: int) -> str:
    """One article's page: its player, its whole transcript, a share link and a card."""
    show = site.show
    m = edition.manifest
    a = edition.articles[index]
    f = a.file
    root = "../../"
    url = media_url(show, a.page)
    before = edition.articles[index - 1] if index > 0 else None
    after = edition.articles[index + 1] if index + 1 < len(edition.articles) else None
    nav = []
    if before:
        nav.append(f'<a rel="prev" href="{_href(root, before.page)}">← {_e(before.file.headline)}</a>')
    nav.append(f'<a href="{_href(root, edition.page)}">本期全部</a>')
    if after:
        nav.append(f'<a rel="next" href="{_href(root, after.page)}">{_e(after.file.headline)} →</a>')
    text = " ".join(run.text for paragraph in a.paragraphs for run in paragraph)
    body = (
        f'<section class="edition" data-edition="{_e(m.title)}">'
        f'<article class="story" id="a{f.number:02d}">'
        f"<h1>{_e(f.headline)}</h1>"
        f'<p class="meta"><a href="{_href(root, edition.page)}">{_e(m.title)}</a>'
        f" · 第 {f.number} 篇 · {clock(f.duration)}</p>{_share(url, f.headline)}"
        f'<audio class="article" controls preload="metadata"'
        f' src="{_href(root, m.date, f.audio)}" data-title="{_e(f.headline)}">'
        f'<track kind="captions" srclang="zh" label="文字稿"'
        f' src="{_href(root, m.date, f.transcript)}"></audio>'
        f"{_transcript(a.paragraphs)}"
        f'<p class="meta"><a href="{_href(root, m.date, f.transcript)}">字幕文件 (WebVTT)</a></p>'
        f'</article></section><nav class="next" aria-label="本期其他文章">{"".join(nav)}</nav>'
    )
    return _document(
        site,
        root,
        f"{f.headline} · {m.title}",
        Card("article", f.headline, summary(text or m.title), url, media_url(show, m.date, f.audio)),
        body,
        next_page=quote(PurePosixPath(after.page).name) if after else None,
    )
