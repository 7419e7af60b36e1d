"""The text route on ReportLab pages: each extractor's text of pages made by the second typesetter
(tests/typeset/reportlab_pages.py), read by ``parse_page`` and scored as benchmarks/text_route.py
scores Typst pages; the same specs typeset by Typst alongside, for comparison. Figures only:

    PYTHONPATH=. .venv/bin/python -m tests.typeset.reportlab_text_route [--pages 24] [--seed-from 5000]
"""

from __future__ import annotations

import argparse
import random
import tempfile
from collections.abc import Callable
from pathlib import Path

from audio_edition.text import parse_page
from tests.typeset import reportlab_pages, typeset
from tests.typeset.extract import EXTRACTORS, extract
from tests.typeset.pages import EditionSpec, PageSpec, make_page
from tests.typeset.score import ReadArticle, Score, score_page


def _page(seed: int) -> PageSpec:
    rng = random.Random(seed)
    return make_page(
        rng,
        2,
        columns=rng.choice((4, 5, 6)),
        leading=rng.choice((1.25, 1.5, 1.75)),
        headlines_drawn_after=rng.random() < 0.3,
        ad=rng.random() < 0.5,
        chart=rng.random() < 0.5,
        index=rng.random() < 0.3,
        rows=rng.randint(2, 4),
        stacks=rng.random() < 0.3,
    )


def measure(pages: int, first_seed: int) -> dict[str, dict[str, Score]]:
    """Per typesetter and extractor, the summed score over ``pages`` fresh pages."""
    makers: dict[str, Callable[[EditionSpec, Path, int], Path]] = {
        "reportlab": lambda spec, pdf, seed: reportlab_pages.typeset(
            spec, pdf, reportlab_pages.random_drawing(random.Random(seed))
        ),
        "typst": lambda spec, pdf, seed: typeset.typeset(spec, pdf),
    }
    totals = {name: {e: Score() for e in EXTRACTORS} for name in makers}
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(first_seed, first_seed + pages):
            spec = EditionSpec(f"fresh-{seed}", (_page(seed),))
            gold = spec.gold()["pages"][0]
            for name, make in makers.items():
                pdf = make(spec, Path(tmp) / f"{name}-{seed}.pdf", seed)
                for extractor in EXTRACTORS:
                    text = extract(pdf, extractor)[0]
                    reading = parse_page(text, pdf.name, number=gold["number"])
                    read = [
                        ReadArticle(a.headline, a.kicker, a.subtitle, a.paragraphs, a.line)
                        for a in reading.articles
                    ]
                    warned = [w.line for w in reading.warnings]
                    totals[name][extractor].add(score_page(gold, read, warned, pdf.name, text))
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--seed-from", type=int, default=5000)
    args = parser.parse_args()
    for name, scores in measure(args.pages, args.seed_from).items():
        for extractor, score in scores.items():
            print(f"{name:9} {extractor:9} {score.line()}")
            print(f"{'':9} {'':9} {score.readable_line()}")


if __name__ == "__main__":
    main()
