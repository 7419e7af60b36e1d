"""The listening page as a small static site under ``output/``; ``write_site`` writes all of it.

::

    index.html                        newest ARCHIVE_PAGE_SIZE editions, then page/2.html, …
    page/2.html …                     older editions, so no page grows forever
    assets/site.css, assets/player.js the page's only style sheet and script (package data)
    2023-12-25/index.html             one edition: episode, chapters, every article
    2023-12-25/articles/01-….html     one article: player, transcript, share link and card

Why pages per edition and per article: a link pasted in a chat shows a card for exactly that
article (Open Graph), and the home page stays the same size as the archive grows.

Everything is rendered before anything is written. Files are written atomically and only when
their bytes change (a publish that changes nothing touches nothing, so syncing the folder
uploads nothing); pages are written before the pages that link to them, ``index.html`` last.
Pages this publish did not produce (archive pages past the last, pages of editions no longer
published, articles renamed by a rebuild) are removed after.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from audio_edition.audio.manifest import EditionManifest
from audio_edition.fsutil import write_bytes_atomic
from audio_edition.publish.catalog import CatalogEntry
from audio_edition.publish.feed import PAGE_NAME, article_page, edition_page
from audio_edition.publish.readalong import read_transcript
from audio_edition.publish.templates import (
    ArticleView,
    EditionView,
    Site,
    archive_page,
    clock,
)
from audio_edition.publish.templates import article_page as render_article_page
from audio_edition.publish.templates import edition_page as render_edition_page
from audio_edition.publish.templates import home_page as render_home_page
from audio_edition.show import Show

__all__ = ["ARCHIVE_PAGE_SIZE", "SiteResult", "clock", "plan_site", "stale_pages", "write_site"]

ARCHIVE_PAGE_SIZE = 10
ASSETS = "assets"
_STATIC = ("site.css", "player.js")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ARCHIVE = re.compile(r"^\d+\.html$")


@dataclass(frozen=True)
class SiteResult:
    """What ``write_site`` did, paths under ``output/``."""

    pages: tuple[str, ...]
    """Every file of the site, in the order written."""
    written: tuple[str, ...]
    """Those whose bytes changed (or were new)."""
    removed: tuple[str, ...]
    """Old pages no longer part of the site."""


def _static(name: str) -> bytes:
    return resources.files("audio_edition.publish").joinpath("static", name).read_bytes()


def _view(output_dir: Path, m: EditionManifest) -> EditionView:
    chapters = {c.article: c for c in m.chapters if c.article is not None}
    articles = []
    for a in m.articles:
        chapter = chapters.get(a.number)
        paragraphs = read_transcript(output_dir / m.date / a.transcript, a.text, a.headline)
        articles.append(
            ArticleView(
                file=a,
                page=article_page(m.date, a),
                paragraphs=paragraphs,
                offset=chapter.start if chapter else None,
                until=chapter.end if chapter else None,
            )
        )
    return EditionView(manifest=m, page=edition_page(m.date), articles=tuple(articles))


def plan_site(
    output_dir: Path, show: Show, entries: Sequence[CatalogEntry], cover_name: str
) -> dict[str, bytes]:
    """Every file of the site (path under ``output/`` → bytes), in the order to write them.

    ``entries`` newest first, as the catalog lists them; their transcripts are read from
    ``output_dir``.
    """
    files: dict[str, bytes] = {}
    versions = {}
    for name in _STATIC:
        data = _static(name)
        files[f"{ASSETS}/{name}"] = data
        # The version in the link makes browsers and CDNs fetch a changed script at once.
        versions[name] = hashlib.sha256(data).hexdigest()[:10]
    site = Site(
        show=show,
        cover=cover_name,
        css=f"{ASSETS}/site.css?v={versions['site.css']}",
        script=f"{ASSETS}/player.js?v={versions['player.js']}",
    )
    views = [_view(output_dir, e.manifest) for e in entries]
    for i, view in enumerate(views):
        for index, article in enumerate(view.articles):
            files[article.page] = render_article_page(site, view, index).encode()
        newer = views[i - 1] if i > 0 else None
        older = views[i + 1] if i + 1 < len(views) else None
        files[view.page] = render_edition_page(site, view, newer, older).encode()
    pages = max(1, -(-len(views) // ARCHIVE_PAGE_SIZE))
    for number in range(pages, 0, -1):  # index.html last
        chunk = views[(number - 1) * ARCHIVE_PAGE_SIZE : number * ARCHIVE_PAGE_SIZE]
        files[archive_page(number)] = render_home_page(site, chunk, number, pages).encode()
    return files


def stale_pages(output_dir: Path, files: dict[str, bytes]) -> list[Path]:
    """Pages in ``output_dir`` that look like ours but are not in ``files`` (``plan_site``'s
    answer): ``write_site`` removes them."""
    candidates: list[Path] = []
    if (output_dir / "page").is_dir():
        candidates += [p for p in (output_dir / "page").iterdir() if _ARCHIVE.match(p.name)]
    for folder in output_dir.iterdir():
        if _DATE.match(folder.name) and folder.is_dir() and not folder.is_symlink():
            candidates.append(folder / PAGE_NAME)
            if (folder / "articles").is_dir():
                candidates += (folder / "articles").glob("*.html")
    return [p for p in candidates if p.is_file() and p.relative_to(output_dir).as_posix() not in files]


def write_site(output_dir: Path, show: Show, entries: Sequence[CatalogEntry], cover_name: str) -> SiteResult:
    """Write the listening site for ``entries`` (newest first) into ``output_dir``.

    Writes only files whose bytes changed, each atomically, linked pages before the pages that
    link to them; then removes our old pages that are no longer part of the site.
    """
    files = plan_site(output_dir, show, entries, cover_name)
    written = []
    for relative, data in files.items():
        path = output_dir / relative
        try:
            if path.read_bytes() == data:
                continue
        except OSError:
            pass  # new (or unreadable): write it
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, data)
        written.append(relative)
    removed = []
    for path in stale_pages(output_dir, files):
        path.unlink(missing_ok=True)
        removed.append(path.relative_to(output_dir).as_posix())
    return SiteResult(pages=tuple(files), written=tuple(written), removed=tuple(removed))
