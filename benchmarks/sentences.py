"""How splitting into sentences scales: one comma-joined "sentence" of growing size, vs a plain
``re.split`` at the same punctuation (linear, and no better than ours at what it does).

Run: .venv/bin/python benchmarks/sentences.py

A broken page export can hand over megabytes with no sentence end; the split counted title
marks from the start at every comma and took minutes (83 s at 4 MB) — quadratic. Prints, for
0.4, 1 and 4 MB (UTF-8), our time, the plain split's time, and how much our time grows per 10×
of input (10× means linear, 100× quadratic), with the load average beside them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from audio_edition.text.sentences import split_sentences

CLAUSE = "内蒙古发展，"  # 18 bytes of UTF-8
_PLAIN = re.compile(r"(?<=[，；。！？])")


def seconds(split: Callable[[str], list[str]], text: str, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        split(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    print(f"load average: {Path('/proc/loadavg').read_text().split()[:3]}")
    print(f"{'MB':>5} {'ours s':>8} {'re.split s':>10} {'ours/re':>8}")
    times = {}
    for megabytes in (0.4, 1.0, 4.0):
        text = CLAUSE * int(megabytes * 1_000_000 / len(CLAUSE.encode()))
        ours = seconds(split_sentences, text)
        plain = seconds(_PLAIN.split, text)
        times[megabytes] = ours
        print(f"{megabytes:>5} {ours:>8.2f} {plain:>10.3f} {ours / plain:>8.1f}")
    print(f"growth from 0.4 to 4 MB: {times[4.0] / times[0.4]:.1f}× (linear: 10×, quadratic: 100×)")


if __name__ == "__main__":
    main()
