"""Cleaning throughput and memory: the sample page repeated to 1 MB.

Prints characters per second for ``clean_page`` (layout repair + articles) and for sentence
splitting, against the plain alternative measured in the same run (strip every line and join
them: what a script without layout repair would do), and the peak memory of cleaning as a
multiple of the input's size. Wall-clock figures suffer when other work shares the cores, so
cleaning's CPU time (time.process_time, which does not count time spent waiting for a core) is
printed too, beside the load average.

    .venv/bin/python benchmarks/clean.py
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

from audio_edition.text import clean_page
from audio_edition.text.sentences import split_sentences

SAMPLE = Path(__file__).resolve().parent.parent / "articles" / "2023-12-25.txt"
TARGET_BYTES = 1_000_000
ROUNDS = 3


def best_of(rounds: int, func: object, clock: object = time.perf_counter) -> float:
    assert callable(func) and callable(clock)
    best = float("inf")
    for _ in range(rounds):
        start = clock()
        func()
        best = min(best, clock() - start)
    return best


def main() -> None:
    page = SAMPLE.read_text(encoding="utf-8")
    copies = TARGET_BYTES // len(page.encode("utf-8")) + 1
    text = "\n".join([page] * copies)
    size = len(text.encode("utf-8"))
    chars = len(text)

    plain = best_of(ROUNDS, lambda: "".join(line.strip() for line in text.split("\n")))
    articles = clean_page(text)
    cleaning = best_of(ROUNDS, lambda: clean_page(text))
    cleaning_cpu = best_of(ROUNDS, lambda: clean_page(text), time.process_time)
    paragraphs = [p for a in articles for p in a.paragraphs]
    splitting = best_of(ROUNDS, lambda: [split_sentences(p) for p in paragraphs])

    tracemalloc.start()
    clean_page(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(
        f"input: the sample page ×{copies} = {size / 1e6:.2f} MB, {chars:,} characters, {len(articles)} articles"
    )
    print(f"clean_page:          {chars / cleaning:>12,.0f} chars/s  ({cleaning:.3f} s)")
    print(f"clean_page, CPU:     {chars / cleaning_cpu:>12,.0f} chars/CPU-s  ({cleaning_cpu:.3f} s)")
    print(f"split_sentences:     {chars / splitting:>12,.0f} chars/s  ({splitting:.3f} s)")
    print(f"plain strip+join:    {chars / plain:>12,.0f} chars/s  ({plain:.3f} s)")
    print(f"ratio clean/plain:   {cleaning / plain:.1f}× the time of a plain join")
    print(f"peak memory (clean): {peak / 1e6:.1f} MB = {peak / size:.1f}× the input")
    print(
        f"load average:        {Path('/proc/loadavg').read_text().split()[0] if Path('/proc/loadavg').exists() else 'n/a'}"
    )


if __name__ == "__main__":
    main()
