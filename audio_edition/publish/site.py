"""The listening page, ``output/index.html``: one static file, no build step, readable on a phone.

Editions newest first, each with the episode player, its chapter list (a click jumps the player),
and every article with its own player and transcript. Links are relative, so the page works
wherever ``output/`` is served.
"""

from __future__ import annotations

from html import escape

from audio_edition.audio.manifest import EditionManifest
from audio_edition.publish.catalog import CatalogEntry
from audio_edition.publish.config import Show
from audio_edition.publish.feed import url_path

_STYLE = """
:root { color-scheme: light dark; --accent: #b22222; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.7 system-ui, "Noto Sans CJK SC", "PingFang SC",
       "Microsoft YaHei", sans-serif; }
header, main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
header { display: flex; gap: 1rem; align-items: center; }
header img { width: 6rem; height: 6rem; border-radius: .5rem; flex: none; }
h1 { font-size: 1.5rem; margin: 0; }
h2 { font-size: 1.25rem; margin: 0 0 .25rem; }
h3 { font-size: 1.05rem; margin: .75rem 0 .25rem; }
.meta, .subscribe { color: GrayText; font-size: .9rem; margin: .25rem 0; }
a { color: var(--accent); }
section.edition { border-top: 1px solid color-mix(in srgb, currentColor 20%, transparent);
                  padding: 1rem 0; }
audio { width: 100%; margin: .5rem 0; }
ol.chapters { list-style: none; padding: 0; margin: 0; }
button.chapter { display: flex; gap: .75rem; width: 100%; text-align: left; font: inherit;
                 color: inherit; background: none; border: 0; padding: .4rem .25rem;
                 cursor: pointer; border-radius: .25rem; min-height: 2.75rem; }
button.chapter:hover, button.chapter:focus-visible { background: color-mix(in srgb,
                 var(--accent) 12%, transparent); }
button.chapter[aria-current="true"] { font-weight: 600; color: var(--accent); }
.t { font-variant-numeric: tabular-nums; color: GrayText; min-width: 3.5rem; }
details { margin: .5rem 0; }
summary { cursor: pointer; padding: .25rem 0; }
article p { margin: .4rem 0; text-indent: 2em; }
"""

# A click on a chapter seeks its edition's player; the chapter being heard is marked.
_SCRIPT = """
document.addEventListener("click", function (event) {
  var button = event.target.closest("button.chapter");
  if (!button) return;
  var audio = button.closest("section.edition").querySelector("audio.episode");
  audio.currentTime = parseFloat(button.dataset.start);
  var playing = audio.play();
  if (playing) playing.catch(function () {});
});
document.querySelectorAll("audio.episode").forEach(function (audio) {
  var buttons = audio.closest("section.edition").querySelectorAll("button.chapter");
  audio.addEventListener("timeupdate", function () {
    buttons.forEach(function (b) {
      var on = audio.currentTime >= parseFloat(b.dataset.start) &&
               audio.currentTime < parseFloat(b.dataset.end);
      b.setAttribute("aria-current", on ? "true" : "false");
    });
  });
});
"""


def clock(seconds: float) -> str:
    """``m:ss`` or ``h:mm:ss``, as players show time."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _href(date: str, relative: str) -> str:
    return escape(url_path(date, relative))


def _body_lines(text: str, headline: str) -> list[str]:
    # The headline is already the article's heading: don't print it twice.
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return lines[1:] if lines and lines[0] == headline.strip() else lines


def _edition_html(m: EditionManifest) -> str:
    chapters = "".join(
        f'<li><button type="button" class="chapter" data-start="{c.start:.3f}"'
        f' data-end="{c.end:.3f}"><span class="t">{clock(c.start)}</span>'
        f"<span>{escape(c.title)}</span></button></li>"
        for c in m.chapters
    )
    articles = "".join(
        f'<article id="{escape(m.date)}-{a.number:02d}"><h3>{a.number}. {escape(a.headline)}</h3>'
        f'<audio controls preload="none" src="{_href(m.date, a.audio)}"></audio>'
        f"<details><summary>文字稿（{clock(a.duration)}）</summary>"
        + "".join(f"<p>{escape(p)}</p>" for p in _body_lines(a.text, a.headline))
        + f'<p class="meta"><a href="{_href(m.date, a.transcript)}">字幕文件 (WebVTT)</a></p>'
        "</details></article>"
        for a in m.articles
    )
    return (
        f'<section class="edition" id="{escape(m.date)}">'
        f"<h2>{escape(m.title)}</h2>"
        f'<p class="meta">{escape(m.date)} · {len(m.articles)} 篇 · {clock(m.duration)}</p>'
        f'<audio class="episode" controls preload="metadata" src="{_href(m.date, m.episode)}">'
        f'<track kind="captions" srclang="zh" label="文字稿"'
        f' src="{_href(m.date, m.transcript_vtt)}"></audio>'
        f'<ol class="chapters">{chapters}</ol>'
        f"<details><summary>单篇收听与文字稿</summary>{articles}</details>"
        "</section>"
    )


def render_page(show: Show, entries: tuple[CatalogEntry, ...], cover_name: str,
                feed_name: str, articles_feed_name: str) -> str:
    """The whole ``index.html``, editions in the order given (the catalog's: newest first)."""
    editions = "".join(_edition_html(e.manifest) for e in entries) or "<p>还没有节目。</p>"
    title = escape(show.title)
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(show.language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title>"
        f'<meta name="description" content="{escape(show.description)}">'
        f'<link rel="alternate" type="application/rss+xml" title="{title}"'
        f' href="{escape(feed_name)}">'
        f"<style>{_STYLE}</style></head><body>"
        f'<header><img src="{escape(cover_name)}" alt=""><div><h1>{title}</h1>'
        f'<p class="meta">{escape(show.description)}</p>'
        f'<p class="subscribe">订阅：<a href="{escape(feed_name)}">整期</a> · '
        f'<a href="{escape(articles_feed_name)}">单篇</a></p></div></header>'
        f"<main>{editions}</main><script>{_SCRIPT}</script></body></html>\n"
    )
