"""The editor's pronunciation lexicon: pin how a word is read, over anything the normalizer does.

An entry names a word as printed (``text``) and what to say instead (``say``, plain text every engine
can read) and/or the pinyin the offline engine should use (``pinyin``, tone-numbered syllables, one
per Chinese character of the spoken form). The file is TOML, one ``[[entry]]`` table per word::

    [[entry]]
    text = "单于"
    say = "缠于"              # a homophone: works with every engine
    pinyin = "chan2 yu2"     # optional, for the offline engine

Pure module: it reads the lexicon file but writes nothing.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audio_edition.errors import ConfigError
from audio_edition.text.articles import Article
from audio_edition.voices import LEXICON_NAME, SHIPPED, voice_folders

DEFAULT_LEXICON_PATH = SHIPPED / LEXICON_NAME
"""The lexicon shipped with the package (package data)."""

_ENTRY_HEADER = re.compile(r"^\s*\[\[\s*entry\s*\]\]")
_SYLLABLE = re.compile(r"^(?:[a-z]|ü)+[1-5]$")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_ASCII_DIGIT = re.compile(r"[0-9]")
_KNOWN_KEYS = frozenset({"text", "say", "pinyin", "note"})


@dataclass(frozen=True)
class LexiconEntry:
    """One pinned reading. ``line`` is where its ``[[entry]]`` starts in the file (1-based)."""

    text: str
    say: str
    pinyin: tuple[str, ...] | None = None
    note: str | None = None
    line: int = 0
    origin: str = ""
    """The file it came from (``lexicon check`` names it beside the line)."""


@dataclass(frozen=True)
class LexiconMatch:
    """Where one entry fires in a text: ``text[start:end] == entry.text``."""

    entry: LexiconEntry
    start: int
    end: int


@dataclass(frozen=True)
class LexiconHit:
    """An entry firing in an edition: which article and paragraph, and the words around it."""

    entry: LexiconEntry
    article: int  # 1-based, in reading order
    headline: str | None
    paragraph: int  # 1-based; 0 means the headline
    offset: int
    context: str

    def to_json(self) -> dict[str, Any]:
        """The hit as ``lexicon check --json`` prints it."""
        entry = self.entry
        return {
            "text": entry.text,
            "say": entry.say,
            "pinyin": " ".join(entry.pinyin) if entry.pinyin else None,
            "file": entry.origin,
            "line": entry.line,
            "article": self.article,
            "headline": self.headline,
            "paragraph": self.paragraph,
            "offset": self.offset,
            "context": self.context,
        }


class Lexicon:
    """A set of entries, matched longest first, left to right, never overlapping."""

    def __init__(self, entries: Iterable[LexiconEntry] = ()) -> None:
        self.entries: tuple[LexiconEntry, ...] = tuple(entries)
        self._by_text = {entry.text: entry for entry in self.entries}
        self._by_say = {entry.say: entry for entry in self.entries}
        # Longest first so that "阿拉善盟" wins over "阿拉善" when both are entries.
        words = sorted(self._by_text, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, words))) if words else None

    def over(self, base: Lexicon) -> Lexicon:
        """``base`` with this lexicon's entries added, each replacing ``base``'s entry for the same word."""
        mine = {entry.text for entry in self.entries}
        return Lexicon([*(e for e in base.entries if e.text not in mine), *self.entries])

    def __len__(self) -> int:
        return len(self.entries)

    def matches(self, text: str) -> tuple[LexiconMatch, ...]:
        """Every place an entry fires in ``text``, in order."""
        if self._pattern is None:
            return ()
        return tuple(
            LexiconMatch(self._by_text[m.group()], m.start(), m.end()) for m in self._pattern.finditer(text)
        )

    def apply(self, text: str) -> str:
        """Replace every entry's word in ``text`` with what to say (one pass, no re-replacing)."""
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self._by_text[m.group()].say, text)

    def pinyin_for(self, word: str) -> str | None:
        """The pinned pinyin (``"chan2 yu2"``) for a word, given as printed or as spoken."""
        entry = self._by_text.get(word) or self._by_say.get(word)
        if entry is None or entry.pinyin is None:
            return None
        return " ".join(entry.pinyin)


def load_lexicon(path: Path) -> Lexicon:
    """Read a lexicon TOML file; a missing file, bad TOML or bad entry raises ``ConfigError``."""
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: lexicon not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the lexicon ({error})") from None
    return parse_lexicon(source, origin=str(path))


def load_default_lexicon() -> Lexicon:
    """The lexicon shipped with the package (``audio_edition/voices/lexicon.toml``)."""
    if DEFAULT_LEXICON_PATH.is_file():
        return load_lexicon(DEFAULT_LEXICON_PATH)
    return Lexicon()


def lexicon_files(settings_folder: Path | None = None, extra: Path | None = None) -> tuple[Path, ...]:
    """The lexicons a build reads, each over the ones before it: ``lexicon.toml`` of each voices
    folder (the shipped one, then the editor's beside the settings file: ``voice_folders``) that
    has one, then ``extra`` (``--lexicon``) unless it is one of those."""
    files = [f / LEXICON_NAME for f in voice_folders(settings_folder) if (f / LEXICON_NAME).is_file()]
    if extra is not None and all(extra.resolve() != f.resolve() for f in files):
        files.append(extra)
    return tuple(files)


def load_lexicons(paths: Iterable[Path]) -> Lexicon:
    """The lexicons at ``paths`` layered in order: a later file's entry wins for its word."""
    layered = Lexicon()
    for path in paths:
        layered = load_lexicon(path).over(layered)
    return layered


def parse_lexicon(source: str, origin: str = "<lexicon>") -> Lexicon:
    """Parse lexicon TOML text; errors name ``origin`` and the line of the bad entry."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        # tomllib's message already says "(at line N, column M)".
        raise ConfigError(f"{origin}: not valid TOML: {error}") from None
    unknown = sorted(set(data) - {"entry"})
    if unknown:
        raise ConfigError(f"{origin}: unknown table {unknown[0]!r}; write entries as [[entry]]")
    raw_entries = data.get("entry", [])
    if not isinstance(raw_entries, list):
        raise ConfigError(f"{origin}: 'entry' must be an array of tables; write [[entry]]")
    header_lines = [n for n, text in enumerate(source.splitlines(), 1) if _ENTRY_HEADER.match(text)]
    entries: list[LexiconEntry] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_entries):
        line = header_lines[index] if index < len(header_lines) else 0
        where = f"{origin}:{line}" if line else f"{origin}: entry {index + 1}"
        entry = _entry_from_table(raw, line, where, origin)
        if entry.text in seen:
            raise ConfigError(f"{where}: {entry.text!r} is already an entry at line {seen[entry.text]}")
        seen[entry.text] = line
        entries.append(entry)
    return Lexicon(entries)


def _entry_from_table(raw: object, line: int, where: str, origin: str) -> LexiconEntry:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: an entry must be a table with text = and say = or pinyin =")
    unknown = sorted(set(raw) - _KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}; keys are text, say, pinyin, note")
    text = _optional_string(raw, "text", where)
    if not text or not text.strip():
        raise ConfigError(f'{where}: the entry needs a non-empty text = "…" (the word as printed)')
    say = _optional_string(raw, "say", where)
    pinyin_text = _optional_string(raw, "pinyin", where)
    if say is None and pinyin_text is None:
        raise ConfigError(f'{where}: {text!r} needs say = "…" or pinyin = "…" (or both)')
    if say is not None and not say.strip():
        raise ConfigError(f"{where}: say for {text!r} is empty")
    spoken = say if say is not None else text
    if _ASCII_DIGIT.search(spoken):
        raise ConfigError(f"{where}: say for {text!r} has digits; write numbers as they are spoken (一二三)")
    pinyin = _parse_pinyin(pinyin_text, spoken, where) if pinyin_text is not None else None
    return LexiconEntry(text, spoken, pinyin, _optional_string(raw, "note", where), line, origin)


def _optional_string(raw: dict[str, object], key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{where}: {key} must be a string in quotes, not {value!r}")
    return value


def _parse_pinyin(pinyin_text: str, spoken: str, where: str) -> tuple[str, ...]:
    syllables = tuple(pinyin_text.lower().replace("v", "ü").split())
    bad = [s for s in syllables if not _SYLLABLE.match(s)]
    if bad:
        raise ConfigError(
            f'{where}: pinyin {bad[0]!r} is not a syllable with a tone number 1-5 (e.g. "chan2 yu2")'
        )
    characters = _CJK.findall(spoken)
    if len(syllables) != len(characters):
        raise ConfigError(
            f"{where}: pinyin has {len(syllables)} syllables but {spoken!r} has "
            f"{len(characters)} Chinese characters; give one syllable per character"
        )
    return syllables


def find_lexicon_hits(
    lexicon: Lexicon, articles: Sequence[Article], context_chars: int = 8
) -> list[LexiconHit]:
    """Every entry that fires in ``articles`` (headlines and paragraphs), in reading order."""
    hits: list[LexiconHit] = []
    for number, article in enumerate(articles, 1):
        texts = [(0, article.headline or "")] + list(enumerate(article.paragraphs, 1))
        for paragraph, text in texts:
            for match in lexicon.matches(text):
                left = text[max(0, match.start - context_chars) : match.start]
                right = text[match.end : match.end + context_chars]
                hits.append(
                    LexiconHit(
                        entry=match.entry,
                        article=number,
                        headline=article.headline,
                        paragraph=paragraph,
                        offset=match.start,
                        context=f"{left}[{match.entry.text}]{right}",
                    )
                )
    return hits
