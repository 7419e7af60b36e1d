"""Spoken form: what a Mandarin newsreader says for a printed sentence.

``SpokenReader.speak`` swaps lexicon words for placeholders, runs the pre-pass (``prepass``: the
classes wetext misreads, rewritten into what it reads right), then ``wetext`` (WeNet's text
normalization, FSTs inside the wheel, offline), then spells any digit left and tidies punctuation.
Latin letters stay for the online voices (``LatinReading.LETTERS``) or are spelled in Chinese for
the offline engine (``LatinReading.CHINESE``: GDP → 记地批). Marks nobody reads aloud (《》, ■,
bullets) are dropped; brackets become a pause.

The lexicon beats everything: its words are swapped for placeholders before any rewrite and put back
as the editor wrote them at the end.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator

from wetext import Normalizer

from audio_edition.text.decode import utf8_lines
from audio_edition.text.lexicon import Lexicon, load_default_lexicon
from audio_edition.text.numerals import spell_digits
from audio_edition.text.prepass import prepare

__all__ = [
    "LETTER_NAMES", "LatinReading", "SpokenReader", "prepare", "speak_lines", "spell_digits",
    "spell_for_offline_voice", "spell_latin", "spell_letters", "tidy_punctuation",
]  # fmt: skip


class LatinReading(enum.Enum):
    """How Latin letters reach the engine."""

    LETTERS = "letters"  # keep GDP, 五G: the online voices say Latin letters
    CHINESE = "chinese"  # GDP → 记地批: the offline engine cannot say Latin letters


# Letter names in Chinese characters, as the offline engine can say them (GDP → 记地批).
LETTER_NAMES: dict[str, str] = {
    "A": "诶", "B": "必", "C": "西", "D": "地", "E": "伊", "F": "艾弗", "G": "记", "H": "艾尺",
    "I": "艾", "J": "杰", "K": "开", "L": "艾勒", "M": "艾姆", "N": "恩", "O": "欧", "P": "批",
    "Q": "丘", "R": "阿尔", "S": "艾斯", "T": "提", "U": "优", "V": "维", "W": "达布留",
    "X": "艾克斯", "Y": "歪", "Z": "贼德",
}  # fmt: skip

_DIGITS = "零一二三四五六七八九"
_DIGITS_AND_ZERO = dict(zip("0123456789〇", _DIGITS + "零"))
_PLACEHOLDER_BASE = 0xE000  # private-use characters: wetext passes them through untouched

# Characters a line break could hide in; one input line must stay one output line.
_LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_FULL_WIDTH = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)}
    | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
    | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}
    | {"％": "%", "－": "-", "＋": "+", "＝": "="}
    # hyphens and minus signs PDF extractors write (5G‑A, 2021‑2035年, −5℃): one "-" for the rules
    | {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-"}
)
_UNSPOKEN = re.compile(r"[《》〈〉■□●○◆◇▲△▼▽★☆•►▶※]")
_BRACKETS = re.compile(r"[（）()［］\[\]【】]")
_PAUSE = "\x00"  # where a bracket was, until we know whether a pause (，) is needed
_CLOSERS = "。！？；，、：”’」』…"  # no pause before these
_OPENERS = "。！？；，、：“‘「『"  # nor after these

_LATIN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def spell_for_offline_voice(char: str) -> str:
    """One character as the offline voices can say it: a digit or Latin letter spelled in hanzi
    (this module's ``LETTER_NAMES``, the project's one letter table), anything else unchanged."""
    if char in _DIGITS_AND_ZERO:
        return _DIGITS_AND_ZERO[char]
    return LETTER_NAMES.get(char.upper(), char) if char.isascii() else char


def spell_letters(text: str) -> str:
    """Latin letters as Chinese characters the offline engine can say (``GDP`` → 记地批)."""
    return "".join(LETTER_NAMES.get(c.upper(), c) for c in text if c != "-")


def spell_latin(text: str) -> str:
    """Every run of Latin letters in ``text`` spelled in Chinese (``GDP增长`` → 记地批增长), for an
    engine that cannot say Latin letters; the speech session applies it to such engines' text."""
    return _LATIN.sub(lambda m: spell_letters(m.group()), text)


class SpokenReader:
    """Turns printed sentences into spoken form. Build once: loading wetext's FSTs takes ~0.5 s."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else load_default_lexicon()
        self._normalizer = Normalizer(lang="zh", operator="tn")
        self._normalizer.normalize("1")  # load the FSTs now, not on the first sentence

    def speak(self, text: str, *, latin: LatinReading = LatinReading.LETTERS) -> str:
        """The spoken form of one sentence (or any line of text): no digits, %, or unspoken marks."""
        text = _LINE_BREAKS.sub(" ", text).translate(_FULL_WIDTH)
        text, says = self._protect(text)
        text = prepare(text)
        if re.search(r"\d|[%‰℃°±+×=<>/:]", text):  # wetext has nothing to do on plain prose
            text = self._normalizer.normalize(text)
        text = re.sub(r"\d+", lambda m: spell_digits(m.group()), text)  # safety net: no digit survives
        text = text.replace("%", "").replace("‰", "")
        if latin is LatinReading.CHINESE:
            text = spell_latin(text)
        for index, say in enumerate(says):
            text = text.replace(chr(_PLACEHOLDER_BASE + index), say)
        return tidy_punctuation(text)

    def _protect(self, text: str) -> tuple[str, list[str]]:
        """Swap lexicon words for placeholders so no rewrite touches them."""
        says: list[str] = []
        pieces: list[str] = []
        last = 0
        for match in self.lexicon.matches(text):
            pieces.append(text[last : match.start])
            pieces.append(chr(_PLACEHOLDER_BASE + len(says)))
            says.append(match.entry.say)
            last = match.end
        pieces.append(text[last:])
        return "".join(pieces), says


def speak_lines(
    reader: SpokenReader, lines: Iterable[bytes], *, latin: LatinReading = LatinReading.LETTERS
) -> Iterator[str]:
    """One spoken line per input line (UTF-8, as read from a binary stream); blank lines stay blank.

    Scripts pair input and output by line number, so nothing here may add or drop a line.
    """
    for line in utf8_lines(lines):
        yield reader.speak(line, latin=latin) if line.strip() else ""


def tidy_punctuation(text: str) -> str:
    """Drop marks nobody reads aloud (《》, ■, bullets); brackets become a pause (，)."""
    text = re.sub(r"》\s*《", "、", text)  # 《甲》《乙》: two titles, not one
    text = _UNSPOKEN.sub("", text.replace(_PAUSE, ""))
    text = re.sub(f"{_PAUSE}+", _PAUSE, _BRACKETS.sub(_PAUSE, text))
    # A bracket next to other punctuation, or at either end, needs no pause of its own.
    text = re.sub(f"^{_PAUSE}|{_PAUSE}$|{_PAUSE}(?=[{_CLOSERS}])|(?<=[{_OPENERS}]){_PAUSE}", "", text.strip())
    return re.sub(r"\s+", " ", text.replace(_PAUSE, "，")).strip()
