"""The text route on ReportLab pages: each extractor's text of pages made by the second typesetter
(tests/typeset/reportlab_pages.py), read by ``parse_page`` and scored as benchmarks/text_route.py
scores Typst pages; the same specs typeset by Typst alongside, for comparison. With ``--pdf``, the
PDF route instead: how many ReportLab pages ``read_pdf`` reads as tests/text/pdf/test_reading.py
requires (every headline, kicker and subtitle; paragraph F1 ≥ 98%; no furniture spoken; the
articles counted). Figures only:

    PYTHONPATH=. .venv/bin/python -m tests.typeset.reportlab_text_route [--pages 24] [--seed-from 5000] [--pdf]
        [--keep DIR] [--notes] [--others] [--texts {A,B,C,D,E,F,G}] [--house {plain,random}]

``--texts`` draws the pages' words from another pool (as benchmarks/text_route.py --texts): their
folders are named ``fresh-B-1500``, their gold.json records the pool, and a --keep folder holds one
pool's pages only. ``--house random`` draws each page in a house style of its own (as
benchmarks/text_route.py --house): folders ``fresh-H-1800``, the house in gold.json, one house per
--keep folder. ReportLab takes the house's sizes, page width and paragraph spacing; not its
headline font or margins (it has one CJK font and its own margins).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from audio_edition.text import parse_page
from audio_edition.text.columns_apart import cut_columns
from audio_edition.text.pdf import read_pdf
from tests.typeset import page_score, reportlab_pages, typeset
from tests.typeset.extract import EXTRACTORS, OTHER_EXTRACTORS, extract
from tests.typeset.pages import (
    POOLS,
    EditionSpec,
    House,
    PageSpec,
    fresh_gold,
    fresh_name,
    houses_kept,
    pools_kept,
    random_house,
    random_page,
)
from tests.typeset.score import ReadArticle, Score, doubts_every_story, places_as_printed, score_page

# Scored: the three kept in the committed corpus, and pdftotext -layout (columns side by side,
# read cut into its columns and judged as a person reads such a page, as benchmarks/text_route.py).
SIDE_BY_SIDE = ("pdftotext-layout",)
SCORED = (*EXTRACTORS, *SIDE_BY_SIDE)

MAKERS: dict[str, Callable[[EditionSpec, Path, int], Path]] = {
    "reportlab": lambda spec, pdf, seed: reportlab_pages.typeset(
        spec, pdf, reportlab_pages.random_drawing(random.Random(seed))
    ),
    "typst": lambda spec, pdf, seed: typeset.typeset(spec, pdf),
}


def keep_pages(folder: Path, pages: int, first_seed: int, pool: str = "A", house: House = "plain") -> None:
    """Typeset and extract each seed once into ``folder/<typesetter>/fresh-<seed>/``, laid out as
    benchmarks/text_route.py keeps its pages (page.pdf, ``<extractor>/2024-03-05-NN.txt`` for all
    five extractors, gold.json), so that a later run reuses them and benchmarks/text_route.py
    --keep can score one typesetter's folder before and after a change. Words from ``pool``, drawn
    in ``house`` style."""
    for seed in range(first_seed, first_seed + pages):
        spec = EditionSpec(fresh_name(seed, pool, house), (random_page(seed, pool, house),))
        gold = fresh_gold(spec, pool, house)
        name_of = f"2024-03-05-{gold['pages'][0]['number']:02d}.txt"
        for name, make in MAKERS.items():
            here = folder / name / spec.name
            whole = (here / "gold.json").exists()
            if not whole:
                shutil.rmtree(here, ignore_errors=True)  # half-made by an interrupted run
                here.mkdir(parents=True)
                make(spec, here / "page.pdf", seed)
            for extractor in (*EXTRACTORS, *OTHER_EXTRACTORS):
                if not (here / extractor / name_of).exists():  # a folder kept before it had them all
                    (here / extractor).mkdir(exist_ok=True)
                    text = extract(here / "page.pdf", extractor)[0]
                    (here / extractor / name_of).write_text(text, encoding="utf-8")
            if not whole:
                # Last, so that a folder with its gold is a whole page.
                (here / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def measure(
    pages: int,
    first_seed: int,
    keep: Path | None = None,
    pool: str = "A",
    extractors: tuple[str, ...] = SCORED,
    house: House = "plain",
) -> dict[str, dict[str, Score]]:
    """Per typesetter and extractor (of ``extractors``), the summed score over ``pages`` fresh pages
    in the words of ``pool`` (typeset into ``keep`` and reused from there when given, else into a
    temporary folder)."""
    totals = {name: {e: Score() for e in extractors} for name in MAKERS}
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep if keep is not None else Path(tmp)
        keep_pages(folder, pages, first_seed, pool, house)
        for seed in range(first_seed, first_seed + pages):
            for name in MAKERS:
                here = folder / name / fresh_name(seed, pool, house)
                gold = json.loads((here / "gold.json").read_text(encoding="utf-8"))["pages"][0]
                for extractor in extractors:
                    path = here / extractor / f"2024-03-05-{gold['number']:02d}.txt"
                    text = path.read_text(encoding="utf-8")
                    side_by_side = extractor in SIDE_BY_SIDE
                    cut = cut_columns(text) if side_by_side else None
                    reading = parse_page(cut.text if cut else text, path.name, number=gold["number"])
                    read = [
                        ReadArticle(a.headline, a.kicker, a.subtitle, a.paragraphs, a.line)
                        for a in reading.articles
                    ]
                    warned = [w.line for w in reading.warnings]
                    whole = doubts_every_story(reading.warnings)
                    source = f"{name}/{fresh_name(seed, pool, house)}/{extractor}"
                    places = None
                    if cut is not None:
                        printed = cut.printed or range(1, len(cut.text.split("\n")) + 1)
                        places = places_as_printed(text, cut.text, printed, warned)
                    totals[name][extractor].add(
                        score_page(gold, read, warned, source, text, whole_page=whole, side_by_side=places)
                    )
    return totals


def _drawn_page(
    seed: int, pool: str = "A", house: House = "plain"
) -> tuple[PageSpec, reportlab_pages.Drawing]:
    """A page with every drawing choice at random (as the PDF route's property tests draw them)."""
    rng = random.Random(seed)
    page = random_page(seed, pool)
    page = replace(
        page,
        number=1 + seed % 8,
        tracking=rng.choice((0.0, 0.0, 0.3)),
        box_style=rng.choice(("rect", "sides", "none")),
        row_rules=rng.random() < 0.6,
        gutter_mm=rng.choice((4.0, 5.0, 6.0, 8.0)),
        body_size=rng.choice((9.0, 9.5, 10.5)),
        cell_rules=rng.random() < 0.4,
        folio_at_foot=rng.random() < 0.3,
        headlines_drawn_after=rng.random() < 0.3,
    )
    page = replace(page, lead_body_size=page.body_size + 1.0 if rng.random() < 0.3 else None)
    drawing = reportlab_pages.random_drawing(rng)
    if house == "random":  # the house's style over the drawing's own choices
        page = replace(page, **random_house(seed, page.columns))
    return page, drawing


def measure_pdf(
    pages: int, first_seed: int, pool: str = "A", house: House = "plain"
) -> tuple[int, list[str]]:
    """How many of ``pages`` fresh ReportLab pages (words from ``pool``) the PDF route reads as its
    tests require, and a note on each page it misreads."""
    good = 0
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(first_seed, first_seed + pages):
            page, drawing = _drawn_page(seed, pool, house)
            spec = EditionSpec(f"fresh-{seed}", (page,))
            pdf = reportlab_pages.typeset(spec, Path(tmp) / "page.pdf", drawing)
            score = page_score.score_page(read_pdf(pdf)[0].articles, spec.gold()["pages"][0])
            heads = {k: score.missing[k] + score.extra[k] for k in ("headline", "kicker", "subtitle")}
            if (
                any(heads.values())
                or score.paragraph_f1 < 0.98
                or score.spoken_furniture
                or score.articles[0] != score.articles[1]
            ):
                notes.append(
                    f"seed {seed}: paragraph F1 {score.paragraph_f1:.1%}, articles {score.articles}, "
                    f"heads { ({k: v for k, v in heads.items() if v}) }"
                )
            else:
                good += 1
    return good, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--seed-from", type=int, default=5000)
    parser.add_argument("--pdf", action="store_true", help="score the PDF route (read_pdf) instead")
    parser.add_argument(
        "--keep",
        type=Path,
        help="typeset and extract each seed once into this folder and reuse it on later runs",
    )
    parser.add_argument("--notes", action="store_true", help="list what each reading got wrong")
    parser.add_argument(
        "--others",
        action="store_true",
        help="score the extractors tried on the fly too (PDFium, pdfplumber, pdftotext -layout, pypdf)",
    )
    parser.add_argument(
        "--texts",
        choices=tuple(POOLS),
        default="A",
        help="the word pool the pages are drawn from (A: every committed page's)",
    )
    parser.add_argument(
        "--house",
        choices=("plain", "random"),
        default="plain",
        help="draw the pages in the one house style (plain) or each in a house style of its own",
    )
    args = parser.parse_args()
    if args.keep is not None and args.keep.is_dir():
        houses = sorted(houses_kept(args.keep) - {args.house})
        if houses:
            sys.exit(
                f"reportlab_text_route: {args.keep} holds pages in the {', '.join(houses)} house style, "
                f"not {args.house}: keep each house's pages in a folder of its own"
            )
        others = sorted(pools_kept(args.keep) - {args.texts})
        if others:
            sys.exit(
                f"reportlab_text_route: {args.keep} holds pages of word pool {', '.join(others)}, "
                f"not {args.texts}: keep each pool's pages in a folder of its own"
            )
    if args.pdf:
        good, notes = measure_pdf(args.pages, args.seed_from, args.texts, args.house)
        print("\n".join(notes))
        print(f"PDF route: {good}/{args.pages} ReportLab pages read as the tests require")
        return
    extractors = (*EXTRACTORS, *OTHER_EXTRACTORS) if args.others else SCORED
    for name, scores in measure(
        args.pages, args.seed_from, args.keep, args.texts, extractors, args.house
    ).items():
        for extractor, score in scores.items():
            print(f"{name:9} {extractor:9} {score.line()}")
            print(f"{'':9} {'':9} {score.readable_line()}")
            if args.notes:
                for note in score.notes:
                    print(f"    {note}")


if __name__ == "__main__":
    main()
