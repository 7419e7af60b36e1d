"""The transcript the page shows: the printed paragraphs, each sentence tied to when it is heard.

The article's ``.vtt`` has one cue per spoken sentence, its text as printed; the manifest keeps
the printed paragraphs. The page needs both: paragraphs to read, times to follow along and to
jump. So each cue is found, in order, in the paragraphs; the text between found cues stays on
the page untimed. Nothing printed is ever dropped, whatever the cues say (a cue whose text is
not printed in the body, such as the headline's, is simply not shown).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from audio_edition.audio.transcript import Cue, parse_vtt


@dataclass(frozen=True)
class Run:
    """A stretch of a paragraph: a heard sentence (with its times) or untimed text between."""

    text: str
    start: float | None = None
    """Seconds into the article's audio, or None for text no cue covers."""
    end: float | None = None


Paragraph = tuple[Run, ...]


def body_paragraphs(text: str, headline: str) -> list[str]:
    """The article's printed paragraphs, without the headline line the text starts with."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    # The headline is already the article's heading: don't print it twice.
    return lines[1:] if lines and lines[0] == " ".join(headline.split()) else lines


def align_sentences(paragraphs: Sequence[str], cues: Sequence[Cue]) -> tuple[Paragraph, ...]:
    """Each paragraph cut into runs; a run that is a cue's sentence carries the cue's times.

    The runs of a paragraph always join back into the paragraph, and timed runs come in cue
    order.
    """
    wanted = [c for c in cues if c.text.strip()]
    aligned: list[Paragraph] = []
    next_cue = 0
    for index, paragraph in enumerate(paragraphs):
        runs: list[Run] = []
        position = 0
        while next_cue < len(wanted):
            cue = wanted[next_cue]
            sentence = " ".join(cue.text.split())
            found = paragraph.find(sentence, position)
            if found < 0:
                if any(sentence in later for later in paragraphs[index + 1 :]):
                    break  # it belongs to a later paragraph
                next_cue += 1  # printed nowhere in the body (the headline): not shown
                continue
            if found > position:
                runs.append(Run(paragraph[position:found]))
            runs.append(Run(sentence, cue.start, cue.end))
            position = found + len(sentence)
            next_cue += 1
        if position < len(paragraph):
            runs.append(Run(paragraph[position:]))
        aligned.append(tuple(runs))
    return tuple(aligned)


def read_transcript(vtt: Path, text: str, headline: str) -> tuple[Paragraph, ...]:
    """An article's printed text aligned with its ``.vtt``; untimed if the file can't be read
    (the page still shows the text: a transcript file lost by hand must not stop a publish)."""
    try:
        cues = parse_vtt(vtt.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        cues = []
    return align_sentences(body_paragraphs(text, headline), cues)
