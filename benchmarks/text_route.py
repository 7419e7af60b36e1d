"""The text route: how well pages are read from what pdftotext, pdfminer.six and PyMuPDF print.

For every page of the typeset corpus (tests/fixtures/typeset: pages typeset with Typst, gold from
their specs) and each extractor's text of it, prints per extractor: headlines found, kickers and
subtitles found, paragraph F1 (precision, recall), pieces of furniture spoken and misread articles
that got a warning on their lines; for main's cleaner (before) and this one (after), in one run.
Also whether this paper's own pages (tests/fixtures) read exactly as before. Each reader runs in its own process, from its own copy of the package (main's from ``git archive``).

    .venv/bin/python benchmarks/text_route.py [--ref main] [--notes]

Targets (issue 23): headlines all found, paragraph F1 ≥ 95% on readable extractions, no furniture
spoken, every misread article warned.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "typeset"
EXTRACTORS = ("pdftotext", "pdfminer", "pymupdf")
SEED_PAGES = [ROOT / "tests" / "fixtures" / "2023-12-25.txt", *sorted((ROOT / "tests" / "fixtures" / "editions").glob("*.txt"))]


def measure() -> dict[str, object]:
    """Score the reader importable now (``audio_edition`` on sys.path) on the whole corpus."""
    sys.path.append(str(ROOT))  # last: audio_edition comes from PYTHONPATH; tests.typeset.score from here
    from audio_edition.text import parse_page
    from tests.typeset.score import ReadArticle, Score, score_page

    result: dict[str, object] = {}
    started = time.perf_counter()
    for extractor in EXTRACTORS:
        total = Score()
        for folder in sorted(p for p in CORPUS.iterdir() if (p / "gold.json").exists()):
            gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
            for page in gold["pages"]:
                path = folder / extractor / f"2024-03-05-{page['number']:02d}.txt"
                reading = parse_page(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)), number=page["number"])
                read = [ReadArticle(a.headline, getattr(a, "kicker", None), getattr(a, "subtitle", None), a.paragraphs, a.line)
                        for a in reading.articles]
                total.add(score_page(page, read, [w.line for w in reading.warnings], str(path.relative_to(ROOT))))
        result[extractor] = {"line": total.line(), "notes": total.notes, "f1": total.f1}
    result["seconds"] = time.perf_counter() - started
    seed = {}
    for path in SEED_PAGES:
        page = parse_page(path.read_text(encoding="utf-8"), path.name)
        seed[path.name] = repr((page.articles, page.furniture, page.warnings))
    result["seed"] = seed
    return result


def run(package_root: Path) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(package_root))
    out = subprocess.run([sys.executable, __file__, "--measure"], env=env, check=True, capture_output=True, text=True, cwd=package_root)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ref", default="main", help="the git ref whose cleaner is 'before'")
    parser.add_argument("--notes", action="store_true", help="list what each reading got wrong")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure()))
        return
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", args.ref, "audio_edition"], cwd=ROOT, check=True, capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        before = run(Path(tmp))
    after = run(ROOT)
    pages = sum(1 for _ in CORPUS.glob("*/pymupdf/*.txt"))
    print(f"typeset corpus: {pages} pages x {len(EXTRACTORS)} extractors ({CORPUS.relative_to(ROOT)})")
    for extractor in EXTRACTORS:
        print(f"{extractor}")
        print(f"  before ({args.ref}): {before[extractor]['line']}")  # type: ignore[index]
        print(f"  after (this tree): {after[extractor]['line']}")  # type: ignore[index]
        if args.notes:
            for note in after[extractor]["notes"]:  # type: ignore[index]
                print(f"    {note}")
    same = sum(before["seed"][name] == after["seed"][name] for name in after["seed"])  # type: ignore[index]
    print(f"this paper's own pages (seed style) read exactly as before: {same}/{len(after['seed'])}")  # type: ignore[arg-type]
    print(f"reading time, all pages and extractors: before {before['seconds']:.2f} s, after {after['seconds']:.2f} s")
    print(f"load average: {Path('/proc/loadavg').read_text().split()[0]}")


if __name__ == "__main__":
    main()
