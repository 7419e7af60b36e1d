"""Sentences per second of the spoken-text stage on the sample edition, vs plain wetext.

Run: .venv/bin/python benchmarks/spoken.py [--rounds N]

Both are timed on the same sentences in the same run: ``SpokenReader.speak`` (lexicon, pre-pass,
wetext, Latin and punctuation handling) and ``wetext.Normalizer.normalize`` alone. Prints the
load time of each, sentences/second (median of the rounds) and the ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

_start = time.perf_counter()
from wetext import Normalizer  # noqa: E402 - timed: wetext reads its FSTs at import

WETEXT_IMPORT = time.perf_counter() - _start

from audio_edition.text import clean_page, read_page  # noqa: E402
from audio_edition.text.lexicon import load_default_lexicon  # noqa: E402
from audio_edition.text.sentences import split_sentences  # noqa: E402
from audio_edition.text.spoken import LatinReading, SpokenReader  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "articles" / "2023-12-25.txt"


def sample_sentences() -> list[str]:
    sentences: list[str] = []
    for article in clean_page(read_page(SAMPLE)):
        texts = ([article.headline] if article.headline else []) + list(article.paragraphs)
        for text in texts:
            sentences.extend(split_sentences(text))
    return sentences


def rate(speak: Callable[[str], object], sentences: list[str], rounds: int) -> float:
    """Median sentences/second over ``rounds`` passes (after one warm-up pass)."""
    for sentence in sentences:
        speak(sentence)
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for sentence in sentences:
            speak(sentence)
        rates.append(len(sentences) / (time.perf_counter() - start))
    return statistics.median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds

    sentences = sample_sentences()
    with_numbers = sum(any(c.isdigit() for c in s) for s in sentences)
    print(f"sample: {SAMPLE.name}, {len(sentences)} sentences ({with_numbers} with digits), {rounds} rounds")

    start = time.perf_counter()
    plain = Normalizer(lang="zh", operator="tn")
    plain.normalize("1")
    plain_load = time.perf_counter() - start
    start = time.perf_counter()
    reader = SpokenReader(load_default_lexicon())
    reader_load = time.perf_counter() - start  # FSTs already cached by the line above
    print(
        f"load: import wetext {WETEXT_IMPORT:.2f} s, first Normalizer {plain_load:.2f} s; "
        f"SpokenReader (lexicon, warm-up) {reader_load:.3f} s more"
    )

    plain_rate = rate(plain.normalize, sentences, rounds)
    letters = rate(lambda s: reader.speak(s, latin=LatinReading.LETTERS), sentences, rounds)
    chinese = rate(lambda s: reader.speak(s, latin=LatinReading.CHINESE), sentences, rounds)
    print(f"plain wetext.normalize       {plain_rate:8.0f} sentences/s")
    print(
        f"SpokenReader.speak LETTERS   {letters:8.0f} sentences/s   ratio vs wetext {letters / plain_rate:.2f}x"
    )
    print(
        f"SpokenReader.speak CHINESE   {chinese:8.0f} sentences/s   ratio vs wetext {chinese / plain_rate:.2f}x"
    )
    edition_ms = 1000 * len(sentences) / letters
    print(f"whole sample edition: {edition_ms:.0f} ms to speak (LETTERS)")


if __name__ == "__main__":
    main()
