"""The one wrapper around mutagen: ID3v2.4 tags, lyrics, cover art and chapters on our MP3s.

Every mutagen call goes through here and its failures become :class:`AudioError` naming the file.
Chapter element ids are Latin-1 by the ID3 spec, so they are ASCII (``chp00``, ``chp01``, …: see
``chapter_ids``) and the headline goes into each chapter's TIT2 sub-frame, where UTF-8 is allowed.
"""

# mypy: disable-error-code="no-untyped-call"
# (mutagen ships no type hints; this module is the one place that calls it)
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import (
    APIC,
    CHAP,
    CTOC,
    ID3,
    TALB,
    TDRC,
    TIT2,
    TPE1,
    TRCK,
    USLT,
    CTOCFlags,
    Encoding,
    PictureType,
)

from audio_edition.audio.manifest import Chapter
from audio_edition.errors import AudioError

TOC_ID = "toc"


@dataclass(frozen=True)
class Cover:
    """Cover art to embed: the image bytes and their MIME type."""

    data: bytes
    mime: str = "image/jpeg"


@dataclass(frozen=True)
class Tags:
    """What we write into one MP3's ID3v2.4 tag."""

    title: str
    album: str
    artist: str
    date: str
    """ISO date."""
    track: tuple[int, int] | None = None
    """(n, of N), for per-article files."""
    lyrics: str | None = None
    """The full text, as USLT."""
    language: str = "zho"
    """ISO 639-2 code for the lyrics frame."""
    cover: Cover | None = None
    chapters: tuple[Chapter, ...] = ()


def chapter_ids(chapters: Sequence[Chapter]) -> list[str]:
    """The ASCII element ids of ``chapters``: ``chp00``, ``chp01``, … each padded with ``_`` so
    that id and title take the same number of bytes in every chapter.

    Why the padding: mutagen writes frames of one kind ordered by their size, then by their key
    (``CHAP:<id>``), not as added. Players that read CHAP frames in file order (ffmpeg 5.1's
    demuxer, and players built on it) would list the chapters jumbled. Frames of equal size are
    ordered by key, and zero-padded ids sort in time order. (The CTOC frame lists them in order.)
    """
    digits = len(str(max(len(chapters) - 1, 0)))
    ids = [f"chp{i:0{digits}d}" for i in range(len(chapters))]
    sizes = [len(element_id) + len(c.title.encode("utf-8")) for element_id, c in zip(ids, chapters)]
    longest = max(sizes, default=0)
    return [element_id + "_" * (longest - size) for element_id, size in zip(ids, sizes)]


def write_tags(path: Path, tags: Tags) -> None:
    """Replace the ID3 tag of the MP3 at ``path`` with ``tags`` (ID3v2.4, UTF-8 text)."""
    id3 = ID3()
    id3.add(TIT2(encoding=Encoding.UTF8, text=[tags.title]))
    id3.add(TALB(encoding=Encoding.UTF8, text=[tags.album]))
    id3.add(TPE1(encoding=Encoding.UTF8, text=[tags.artist]))
    id3.add(TDRC(encoding=Encoding.UTF8, text=[tags.date]))
    if tags.track is not None:
        id3.add(TRCK(encoding=Encoding.UTF8, text=[f"{tags.track[0]}/{tags.track[1]}"]))
    if tags.lyrics:
        id3.add(USLT(encoding=Encoding.UTF8, lang=tags.language, desc="", text=tags.lyrics))
    if tags.cover is not None:
        id3.add(
            APIC(
                encoding=Encoding.UTF8,
                mime=tags.cover.mime,
                type=PictureType.COVER_FRONT,
                desc="cover",
                data=tags.cover.data,
            )
        )
    _add_chapters(id3, tags.chapters)
    try:
        id3.save(str(path), v2_version=4)
    except (MutagenError, OSError) as error:
        raise AudioError(f"{path}: could not write its ID3 tag: {error}") from error


def _add_chapters(id3: ID3, chapters: Sequence[Chapter]) -> None:
    if not chapters:
        return
    ids = chapter_ids(chapters)
    id3.add(
        CTOC(
            element_id=TOC_ID,
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[TIT2(encoding=Encoding.UTF8, text=["Chapters"])],
        )
    )
    for element_id, chapter in zip(ids, chapters):
        id3.add(
            CHAP(
                element_id=element_id,
                start_time=round(chapter.start * 1000),
                end_time=round(chapter.end * 1000),
                # 0xFFFFFFFF: "no byte offset", so players seek by time (the spec's sentinel).
                start_offset=0xFFFFFFFF,
                end_offset=0xFFFFFFFF,
                sub_frames=[TIT2(encoding=Encoding.UTF8, text=[chapter.title])],
            )
        )


def read_tags(path: Path) -> ID3:
    """The ID3 tag of ``path`` as mutagen reads it (for checks and tests)."""
    try:
        return ID3(str(path))
    except (MutagenError, OSError) as error:
        raise AudioError(f"{path}: could not read its ID3 tag: {error}") from error
