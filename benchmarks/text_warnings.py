"""The text route's warnings, both ways: misread articles warned, and false alarms (articles read
right that a warning still points into), per extractor and for the PDF route, on corpora laid out
as tests/fixtures/typeset.

An article is misread as ``tests/typeset/score.py`` counts it (a paragraph or headline not the
gold's, or no headline where the gold is not a brief); a warning points into an article when its
line falls between the article's first line and the next article's, or when a page-level
warning puts every story on the page in doubt (``ReadingWarning.whole_page``). Typeset fresh pages with
``benchmarks/text_route.py`` (or ``tests.typeset``) into a folder to measure them too.

    PYTHONPATH=. .venv/bin/python benchmarks/text_warnings.py [FOLDER ...] [--list]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

# The extractors a corpus may hold (run as a script, benchmarks/ is on the path).
from text_route import EXTRACTORS

ROOT = Path(__file__).resolve().parent.parent


def _gold_sets(page: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The gold ``page``'s paragraphs and headlines, flattened as ``tests/typeset/score.py`` does."""
    from tests.typeset.score import flat

    paragraphs = {flat(p) for a in page["articles"] for p in a["paragraphs"]}
    heads = {flat(a["headline"]) for a in page["articles"] if a["headline"]}
    return paragraphs, heads


def _misread(article: Any, page: dict[str, Any], paragraphs: set[str], heads: set[str]) -> bool:
    """Whether an article is misread as ``tests/typeset/score.py`` counts it: a paragraph or
    headline not among the gold ``page``'s (``paragraphs``, ``heads``: ``_gold_sets``), or no
    headline where the gold is not a brief."""
    from tests.typeset.score import _is_brief, flat

    return (
        any(flat(p) not in paragraphs for p in article.paragraphs)
        or (article.headline is not None and flat(article.headline) not in heads)
        or (article.headline is None and not _is_brief(article, page["articles"]))
    )


class _Tally:
    """Misread articles, those of them warned, articles read right, and those warned anyway."""

    def __init__(self) -> None:
        self.misread = self.warned = self.right = self.alarms = 0

    def add(self, wrong: bool, pointed: bool) -> None:
        """Count one article, ``wrong`` (misread) or not, a warning ``pointed`` into it or not."""
        self.misread += wrong
        self.warned += wrong and pointed
        self.right += not wrong
        self.alarms += pointed and not wrong

    def line(self, name: str) -> str | None:
        """The tally's line for ``name`` (an extractor, the PDF route); None with nothing counted."""
        if not (self.misread or self.right):
            return None
        return f"{name}: misread warned {self.warned}/{self.misread}  false alarms {self.alarms}/{self.right}"


def measure(corpora: list[Path], listing: bool) -> None:
    """Print, per extractor, misread articles warned and right ones warned (false alarms)."""
    sys.path.append(str(ROOT))  # last: audio_edition comes from PYTHONPATH, tests.typeset from here
    from audio_edition.text import parse_page
    from tests.typeset.score import doubts_every_story

    try:
        from audio_edition.text.columns_apart import cut_columns
    except ImportError:  # a reader from before pages printed in layout mode were read

        def cut_columns(text: str) -> Any:
            return SimpleNamespace(text=text)

    for extractor in EXTRACTORS:
        tally = _Tally()
        for corpus in corpora:
            for folder in sorted(p for p in corpus.iterdir() if (p / "gold.json").exists()):
                gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
                for page in gold["pages"]:
                    path = folder / extractor / f"2024-03-05-{page['number']:02d}.txt"
                    if not path.exists():
                        continue
                    # In the page's reading order (see benchmarks/text_route.py's measure).
                    cut = cut_columns(path.read_text(encoding="utf-8"))
                    reading = parse_page(cut.text, path.name, number=page["number"])
                    paragraphs, heads = _gold_sets(page)
                    starts = sorted(a.line or 0 for a in reading.articles)
                    lines = [w.line for w in reading.warnings if w.line is not None]
                    # Points into every article; as printed, the page raises it by its columns' places too:
                    # their text run together (``benchmarks/text_route.py``'s measure).
                    whole = doubts_every_story(reading.warnings) or bool(getattr(cut, "run_together", ()))
                    for article in reading.articles:
                        wrong = _misread(article, page, paragraphs, heads)
                        start = article.line or 0
                        end = next((s for s in starts if s > start), 10**9)
                        pointed = whole or any(start <= line < end for line in lines)
                        tally.add(wrong, pointed)
                        if listing and pointed and not wrong:
                            print(f"    false alarm: {folder.name}/{extractor}:{article.line}")
        summary = tally.line(extractor)
        if summary is not None:
            print(summary)


def measure_pdf(corpora: list[Path], listing: bool) -> None:
    """The same count for the PDF route on each page folder's PDFs (its articles are numbered on
    their page, and a warning names the article it is about by that number)."""
    sys.path.append(str(ROOT))
    from audio_edition.text.pdf.reading import read_pdf
    from tests.typeset.score import doubts_every_story

    tally = _Tally()
    for corpus in corpora:
        for folder in sorted(p for p in corpus.iterdir() if (p / "gold.json").exists()):
            gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
            names = gold.get("files", ["page.pdf"])
            if not all((folder / name).exists() for name in names):
                continue
            pages = [page for name in names for page in read_pdf(folder / name)]
            for reading, page in zip(pages, gold["pages"], strict=True):
                paragraphs, heads = _gold_sets(page)
                whole = doubts_every_story(reading.warnings)
                lines = {w.line for w in reading.warnings if w.line is not None}
                for article in reading.articles:
                    wrong = _misread(article, page, paragraphs, heads)
                    pointed = whole or article.line in lines
                    tally.add(wrong, pointed)
                    if listing and pointed and not wrong:
                        print(f"    false alarm: {folder.name}/pdf:{article.line}")
    summary = tally.line("the PDF route")
    if summary is not None:
        print(summary)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="corpora (default: the committed one)")
    parser.add_argument("--list", action="store_true", help="name each false alarm")
    args = parser.parse_args()
    folders = args.folders or [ROOT / "tests" / "fixtures" / "typeset"]
    missing = [f for f in folders if not f.is_dir()]
    if missing:
        print(f"text_warnings: no such folder: {missing[0]}", file=sys.stderr)
        sys.exit(2)
    measure(folders, args.list)
    measure_pdf(folders, args.list)


if __name__ == "__main__":
    main()
