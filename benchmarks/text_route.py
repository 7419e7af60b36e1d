"""The text route: how well pages are read from what pdftotext, pdfminer.six and PyMuPDF print (and
PDFium, pdfplumber and pypdf, extracted in the run).

For every page of the typeset corpus (tests/fixtures/typeset: pages typeset with Typst, gold from
their specs), and of pages typeset afresh in the same run from the same generator (never seen
while the reader was written; Typst and PyMuPDF from the dev extras), and each extractor's text of
it, prints per extractor: headlines found, kickers and
subtitles found, paragraph F1 (precision, recall), pieces of furniture spoken and misread articles
that got a warning on their lines; for main's cleaner (before) and this one (after), in one run.
The PDF route's figures on the same pages are printed beside them. Also whether this paper's own pages (tests/fixtures) read exactly as before. Each reader runs in its own process, from its own copy of the package (main's from ``git archive``).

    .venv/bin/python benchmarks/text_route.py [--ref main] [--notes] [--fresh 12] [--seed-from 1000] [--keep DIR]
        [--texts POOL] [--house {plain,random}]

``--texts`` draws the fresh pages' words from another pool (one of tests/typeset/pages.POOLS,
listed by ``--help``; tests/typeset/texts.py is A, the default; texts_b.py to texts_j.py are
other papers' words): their folders are named ``fresh-B-1500`` and their gold.json records the pool; a --keep folder holds one pool's pages only.
``--house random`` draws each fresh page in a house style of its own (type sizes, page and column
widths, rules, fonts: tests/typeset/pages.random_house), the same words and gold as its plain page:
folders ``fresh-H-1800`` (``fresh-B-H-1800``), the house in gold.json, one house per --keep folder.

Targets (issue 23): headlines all found, paragraph F1 ≥ 95% on readable extractions, no furniture
spoken, every misread article warned.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "typeset"
EXTRACTORS = (
    "pdftotext",
    "pdfminer",
    "pymupdf",
    "pypdfium2",
    "pdfplumber",
    "pdftotext-layout",
    "pypdf",
    "pypdf-layout",
)
SIDE_BY_SIDE = ("pdftotext-layout",)  # extractors printing a page's columns side by side, as it looks
SEED_PAGES = [
    ROOT / "tests" / "fixtures" / "2023-12-25.txt",
    *sorted((ROOT / "tests" / "fixtures" / "editions").glob("*.txt")),
]


def fresh_pages(
    folder: Path, count: int, first_seed: int = 1000, pool: str = "A", house: str = "plain"
) -> None:
    """Typeset ``count`` pages never committed (seeds from ``first_seed``, every convention drawn at random,
    words from ``pool``, drawn in ``house`` style) into ``folder``, one corpus-like folder each: gold
    from the spec, each extractor's text."""
    sys.path.append(str(ROOT))
    from tests.typeset.extract import extract
    from tests.typeset.pages import EditionSpec, fresh_gold, fresh_name, random_page
    from tests.typeset.typeset import typeset

    for seed in range(first_seed, first_seed + count):
        page = random_page(seed, pool, "random" if house == "random" else "plain")
        spec = EditionSpec(fresh_name(seed, pool, house), (page,))
        here = folder / spec.name
        pdf = here / "page.pdf"
        kept = (here / "gold.json").exists()  # from an earlier run (--keep)
        if not kept:
            shutil.rmtree(here, ignore_errors=True)  # half-made by an interrupted run
            here.mkdir(parents=True)
            typeset(spec, pdf)
        for extractor in EXTRACTORS:
            out = here / extractor / "2024-03-05-02.txt"
            if not out.exists():  # a page kept before this extractor was scored gets it now
                out.parent.mkdir(exist_ok=True)
                out.write_text(extract(pdf, extractor)[0], encoding="utf-8")
        if kept:
            continue
        # Last, so that a page with its gold is a whole page.
        gold = fresh_gold(spec, pool, house)
        (here / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def other_extractions(corpus: Path, folder: Path) -> None:
    """A copy of the committed corpus in ``folder``, with the extractors it does not keep added."""
    sys.path.append(str(ROOT))
    from tests.typeset.extract import OTHER_EXTRACTORS, extract

    shutil.copytree(corpus, folder, dirs_exist_ok=True)
    for here in sorted(p for p in folder.iterdir() if (p / "gold.json").exists()):
        gold = json.loads((here / "gold.json").read_text(encoding="utf-8"))
        for extractor in OTHER_EXTRACTORS:
            texts = [text for name in gold["files"] for text in extract(here / name, extractor)]
            (here / extractor).mkdir()
            for page, text in zip(gold["pages"], texts, strict=True):
                (here / extractor / f"2024-03-05-{page['number']:02d}.txt").write_text(text, encoding="utf-8")


def measure(corpus: Path) -> dict[str, object]:
    """Score the reader importable now (``audio_edition`` on sys.path) on a whole corpus."""
    sys.path.append(str(ROOT))  # last: audio_edition comes from PYTHONPATH; tests.typeset.score from here
    from audio_edition.text import parse_page
    from tests.typeset.score import ReadArticle, Score, doubts_every_story, places_as_printed, score_page

    try:
        from audio_edition.text.columns_apart import cut_columns
    except ImportError:  # a reader from before pages printed in layout mode were read

        def cut_columns(text: str) -> Any:
            return SimpleNamespace(text=text, printed=())

    result: dict[str, object] = {}
    started = time.perf_counter()
    for extractor in EXTRACTORS:
        total = Score()
        for folder in sorted(p for p in corpus.iterdir() if (p / "gold.json").exists()):
            gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
            for page in gold["pages"]:
                path = folder / extractor / f"2024-03-05-{page['number']:02d}.txt"
                text = path.read_text(encoding="utf-8")
                # Scored in the page's reading order: a page printed in layout mode is read cut into its columns
                # (its warnings name the file's lines, whose columns interleave), and the scorer tells an
                # article's warnings by the lines between its start and the next article's.
                cut = cut_columns(text)
                reading = parse_page(cut.text, path.name, number=page["number"])
                read = [
                    ReadArticle(
                        a.headline,
                        getattr(a, "kicker", None),
                        getattr(a, "subtitle", None),
                        a.paragraphs,
                        a.line,
                    )
                    for a in reading.articles
                ]
                warned = [w.line for w in reading.warnings]
                # A page printed side by side is judged as a person reads it, column by column
                # (tests/typeset/readable.py), its warnings placed on the page as printed.
                printed = cut.printed or range(1, len(cut.text.split("\n")) + 1)
                places = (
                    places_as_printed(text, cut.text, printed, warned) if extractor in SIDE_BY_SIDE else None
                )
                # The page-level doubts an editor gets from the file as printed: the cut text's, and
                # the columns' text run together, told by their places on the page, which the cut
                # text no longer shows (what the reader adds to the cut text's doubts; parsed once).
                whole = doubts_every_story(reading.warnings) or bool(getattr(cut, "run_together", ()))
                total.add(
                    score_page(
                        page,
                        read,
                        warned,
                        str(path.relative_to(corpus)),
                        text,
                        whole_page=whole,
                        side_by_side=places,
                    )
                )
        result[extractor] = {
            "line": total.line(),
            "readable": total.readable_line(),
            "whole": total.whole_line(),
            "notes": total.notes,
            "f1": total.f1,
        }
    result["seconds"] = time.perf_counter() - started
    pdf = _pdf_route(corpus)
    result["pdf"] = {"line": pdf.line(), "notes": pdf.notes}  # type: ignore[attr-defined]
    seed = {}
    for path in SEED_PAGES:
        page = parse_page(path.read_text(encoding="utf-8"), path.name)
        seed[path.name] = repr((page.articles, page.furniture, page.warnings))
    result["seed"] = seed
    return result


def _pdf_route(corpus: Path) -> object:
    """The same pages read from their PDFs, scored alike: what the text route is measured against."""
    from audio_edition.text.pdf.reading import read_pdf
    from tests.typeset.score import ReadArticle, Score, score_page

    total = Score()
    for folder in sorted(p for p in corpus.iterdir() if (p / "gold.json").exists()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        pages = [page for name in gold.get("files", ["page.pdf"]) for page in read_pdf(folder / name)]
        for page, page_gold in zip(pages, gold["pages"], strict=True):
            read = [
                ReadArticle(a.headline, a.kicker, a.subtitle, a.paragraphs, a.line) for a in page.articles
            ]
            total.add(score_page(page_gold, read, [w.line for w in page.warnings], folder.name))
    return total


def run(package_root: Path, corpus: Path) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(package_root))
    out = subprocess.run(
        [sys.executable, __file__, "--measure", str(corpus)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=package_root,
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def main() -> None:
    sys.path.append(str(ROOT))
    from tests.typeset.pages import POOLS

    parser = argparse.ArgumentParser()
    parser.add_argument("--ref", default="main", help="the git ref whose cleaner is 'before'")
    parser.add_argument("--notes", action="store_true", help="list what each reading got wrong")
    parser.add_argument(
        "--fresh", type=int, default=12, help="pages to typeset afresh (never seen by the reader)"
    )
    parser.add_argument(
        "--seed-from", type=int, default=1000, help="the first fresh page's seed (hold some seeds out)"
    )
    parser.add_argument(
        "--keep",
        type=Path,
        help="typeset the fresh pages into this folder once and reuse them (every page in it is scored)",
    )
    parser.add_argument(
        "--texts",
        choices=sorted(POOLS),
        default="A",
        help="the word pool the fresh pages are drawn from (A: every committed page's)",
    )
    parser.add_argument(
        "--house",
        choices=("plain", "random"),
        default="plain",
        help="draw the fresh pages in the one house style (plain) or each in a house style of its own",
    )
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    if args.keep and args.fresh:
        sys.path.append(str(ROOT))
        from tests.typeset.pages import houses_kept, pools_kept

        others = sorted(pools_kept(args.keep) - {args.texts}) if args.keep.is_dir() else []
        if others:
            sys.exit(
                f"text_route: {args.keep} holds pages of word pool {', '.join(others)}, not {args.texts}: "
                "keep each pool's pages in a folder of its own"
            )
        houses = sorted(houses_kept(args.keep) - {args.house}) if args.keep.is_dir() else []
        if houses:
            sys.exit(
                f"text_route: {args.keep} holds pages in the {', '.join(houses)} house style, not {args.house}: "
                "keep each house's pages in a folder of its own"
            )
    for name, corpus in (("committed typeset corpus", CORPUS), ("fresh pages", None)):
        if corpus is None and args.fresh and args.keep:
            fresh_pages(args.keep, args.fresh, args.seed_from, args.texts, args.house)
            report(f"{args.fresh} {name}, kept in {args.keep}", args.keep, args.ref, args.notes)
        elif corpus is None and args.fresh:
            with tempfile.TemporaryDirectory() as fresh:
                fresh_pages(Path(fresh), args.fresh, args.seed_from, args.texts, args.house)
                report(f"{args.fresh} {name}, typeset now", Path(fresh), args.ref, args.notes)
        elif corpus is not None:
            with tempfile.TemporaryDirectory() as copy:
                other_extractions(corpus, Path(copy))
                report(name, Path(copy), args.ref, args.notes)
    print(f"load average: {Path('/proc/loadavg').read_text().split()[0]}")


def report(name: str, corpus: Path, ref: str, notes: bool) -> None:
    """Print before/after figures for one corpus."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "archive", ref, "audio_edition"], cwd=ROOT, check=True, capture_output=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        before = run(Path(tmp), corpus)
    after = run(ROOT, corpus)
    pages = sum(1 for _ in corpus.glob("*/pymupdf/*.txt"))
    print(f"{name}: {pages} pages x {len(EXTRACTORS)} extractors")
    for extractor in EXTRACTORS:
        print(f"{extractor}")
        print(f"  before ({ref}): {before[extractor]['line']}")  # type: ignore[index]
        print(f"  after (this tree): {after[extractor]['line']}")  # type: ignore[index]
        for label, figures in ((f"before ({ref})", before), ("after (this tree)", after)):
            for key in ("readable", "whole"):
                if key in figures[extractor]:  # type: ignore[operator]
                    print(f"  {label}: {figures[extractor][key]}")  # type: ignore[index]
        if notes:
            for note in after[extractor]["notes"]:  # type: ignore[index]
                print(f"    {note}")
    print("the PDF route on the same pages (the PDFs themselves)")
    print(f"  before ({ref}): {before['pdf']['line']}")  # type: ignore[index]
    print(f"  after (this tree): {after['pdf']['line']}")  # type: ignore[index]
    if notes:
        for note in after["pdf"].get("notes", ()):  # type: ignore[attr-defined]
            print(f"    {note}")
    same = sum(before["seed"][page] == after["seed"][page] for page in after["seed"])  # type: ignore[index]
    print(f"this paper's own pages (seed style) read exactly as before: {same}/{len(after['seed'])}")  # type: ignore[arg-type]
    print(
        f"reading time, all pages and extractors: before {before['seconds']:.2f} s, after {after['seconds']:.2f} s"
    )


if __name__ == "__main__":
    main()
