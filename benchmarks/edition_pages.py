"""A whole edition of 100 pages: read, cleaned, put in page order and stitched, in one call.

The sample page written 100 times as ``2023-12-25-001.txt`` … ``-100.txt`` (given in reverse, so
the page order has to be found from the names) and read with ``read_edition``: decode, layout
repair, articles, page order and jump stitching. Against, in the same run: the plain alternative
(read each file, strip its lines and join them) and ``clean_page`` on each page without the
edition around it, so the figures say what the edition's own work costs.

    .venv/bin/python benchmarks/edition_pages.py
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from audio_edition.text import clean_page, read_edition, read_page

SAMPLE = Path(__file__).resolve().parent.parent / "articles" / "2023-12-25.txt"
PAGES = 100
ROUNDS = 3
TARGET_SECONDS = 2.0


def best_of(rounds: int, func: Callable[[], object]) -> float:
    """The best wall-clock time of ``rounds`` runs; the best CPU time goes to ``CPU``."""
    best = cpu = float("inf")
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        func()
        best = min(best, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    CPU.append(cpu)
    return best


CPU: list[float] = []  # the CPU seconds of each best_of, in order: on a shared machine, the steadier figure


def main() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / f"2023-12-25-{n:03d}.txt" for n in range(1, PAGES + 1)]
        for path in paths:
            path.write_text(text, encoding="utf-8")
        given = list(reversed(paths))
        chars = len(text) * PAGES

        def plain() -> None:
            for path in given:
                "".join(line.strip() for line in path.read_text(encoding="utf-8").split("\n"))

        edition = read_edition(given)
        plain_s = best_of(ROUNDS, plain)
        pages_s = best_of(ROUNDS, lambda: [clean_page(read_page(p)) for p in given])
        edition_s = best_of(ROUNDS, lambda: read_edition(given))

    parts = sum(len(p.articles) for p in edition.pages)
    stitched = sum(1 for a in edition.articles if len(a.pages) > 1)
    print(f"input: the sample page ×{PAGES} as page files, {chars:,} characters, {parts} article parts")
    print(
        f"read_edition (clean + order + stitch): {edition_s:.3f} s  ({chars / edition_s:,.0f} chars/s)  "
        f"→ {len(edition.articles)} articles, {stitched} stitched over pages, {len(edition.warnings)} warnings"
    )
    print(f"clean_page per page, no edition:      {pages_s:.3f} s  ({chars / pages_s:,.0f} chars/s)")
    print(f"plain read + strip + join:            {plain_s:.3f} s  ({chars / plain_s:,.0f} chars/s)")
    print(
        f"edition's own work (order + stitch):  {max(edition_s - pages_s, 0):.3f} s = "
        f"{edition_s / pages_s:.2f}× the pages cleaned alone; {edition_s / plain_s:.0f}× a plain join"
    )
    _, pages_cpu, edition_cpu = CPU[-3:]
    print(
        f"CPU time: read_edition {edition_cpu:.3f} s, clean_page per page {pages_cpu:.3f} s "
        f"(load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)"
    )
    verdict = "under" if edition_s < TARGET_SECONDS else "OVER"
    print(
        f"target: {PAGES} pages in < {TARGET_SECONDS:.0f} s: {verdict} ({edition_s:.2f} s wall, {edition_cpu:.2f} s CPU)"
    )


if __name__ == "__main__":
    main()
