"""The committed typeset corpus: editions in the conventions the issue names, with gold and the
three extractors' text.

    python -m tests.typeset.corpus tests/fixtures/typeset      # (re)build the committed set

Each edition folder holds ``edition.pdf`` (or one PDF per page, ``2024-03-05-0N.pdf``, when the
edition is split), ``gold.json`` (from the specs: pages, their articles and furniture, and the
edition's articles with jumps joined) and ``<extractor>/2024-03-05-0N.txt``, one text per page.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from tests.typeset.extract import EXTRACTORS, extract
from tests.typeset.pages import EditionSpec, StoryBlock, continuation, make_page
from tests.typeset.typeset import typeset

DATE = "2024-03-05"


@dataclass(frozen=True)
class CorpusEdition:
    spec: EditionSpec
    split: bool = False
    """One PDF per page (``2024-03-05-0N.pdf``) instead of one PDF for the whole edition."""


def page_file(number: int, suffix: str) -> str:
    return f"{DATE}-{number:02d}.{suffix}"


def jumping_edition(
    seed: int,
    name: str,
    columns: tuple[int, ...],
    *,
    leading: tuple[float, ...] | None = None,
    drawn_after: tuple[bool, ...] | None = None,
    convention: str = "",
) -> EditionSpec:
    """An edition whose front page's lead story jumps to page 2; page 1 has the masthead and index."""
    rng = random.Random(seed)
    leading = leading or tuple(1.5 for _ in columns)
    drawn_after = drawn_after or tuple(False for _ in columns)
    sections = ("要闻", "要闻", "经济", "社会", "文化", "民生")
    used: set[str] = set()
    pages = [
        make_page(
            rng,
            1,
            columns=columns[0],
            leading=leading[0],
            headlines_drawn_after=drawn_after[0],
            index=True,
            jump_to=2 if len(columns) > 1 else None,
            used=used,
        )
    ]
    front = pages[0].rows[0][0]
    for n in range(2, len(columns) + 1):
        cont = None
        if n == 2:
            assert isinstance(front, StoryBlock)
            cont = continuation(front.story, rng, from_page=1)
        pages.append(
            make_page(
                rng,
                n,
                columns=columns[n - 1],
                leading=leading[n - 1],
                headlines_drawn_after=drawn_after[n - 1],
                continued=cont,
                ad=n % 2 == 0,
                chart=n == 3,
                section_name=sections[n % len(sections)],
                used=used,
            )
        )
    return EditionSpec(name, tuple(pages), convention)


def single_page(
    seed: int, name: str, number: int, columns: int, convention: str, **options: object
) -> EditionSpec:
    rng = random.Random(seed)
    return EditionSpec(name, (make_page(rng, number, columns=columns, **options),), convention)  # type: ignore[arg-type]


def committed() -> list[CorpusEdition]:
    """The small committed set: together, every convention the issue names."""
    return [
        CorpusEdition(
            jumping_edition(
                11,
                "edition-4p",
                (4, 5, 6, 4),
                leading=(1.5, 1.5, 1.3, 1.6),
                convention="whole edition in one PDF; 4/5/6 columns; jump p1->p2; index, ads, chart",
            )
        ),
        CorpusEdition(
            jumping_edition(
                23, "jump-split", (5, 6), convention="one PDF per page; a story jumping across files"
            ),
            split=True,
        ),
        CorpusEdition(
            single_page(
                31,
                "after-5col",
                3,
                5,
                "headlines drawn after their bodies; briefs box",
                headlines_drawn_after=True,
                photo=True,
            )
        ),
        CorpusEdition(
            single_page(
                41, "loose-6col", 4, 6, "loose leading (1.75); ad; kicker/subtitle", leading=1.75, ad=True
            )
        ),
        CorpusEdition(
            single_page(
                53,
                "tight-4col",
                2,
                4,
                "tight leading (1.25); no headline tiers; chart",
                leading=1.25,
                head_tiers=False,
                chart=True,
            )
        ),
        CorpusEdition(
            drawn(
                single_page(
                    61,
                    "drawn-5col",
                    5,
                    5,
                    "fake-bold letter-spaced headlines, boxes of four rules, "
                    "unruled rows with ruled cells, 4 mm gutters, sans body, a larger lead",
                    photo=True,
                ),
                fake_bold=True,
                tracking=0.3,
                box_style="sides",
                row_rules=False,
                cell_rules=True,
                gutter_mm=4.0,
                body_font="sans",
                lead_body_size=10.5,
            )
        ),
        CorpusEdition(
            drawn(
                single_page(
                    67,
                    "unruled-6col",
                    6,
                    6,
                    "unruled 简讯 block and index box, 10.5 pt body, rules between rows",
                    index=True,
                ),
                box_style="none",
                body_size=10.5,
            )
        ),
    ]


def drawn(edition: EditionSpec, **drawing: object) -> EditionSpec:
    """The same pages drawn another way (the gold does not change)."""
    return replace(edition, pages=tuple(replace(page, **drawing) for page in edition.pages))  # type: ignore[arg-type]


def build(edition: CorpusEdition, folder: Path) -> None:
    """Typeset ``edition`` into ``folder`` with its gold and extractions."""
    folder.mkdir(parents=True, exist_ok=True)
    pdfs: list[tuple[Path, list[int]]] = []
    if edition.split:
        for page in edition.spec.pages:
            pdf = folder / page_file(page.number, "pdf")
            typeset(EditionSpec(edition.spec.name, (page,)), pdf)
            pdfs.append((pdf, [page.number]))
    else:
        pdf = folder / "edition.pdf"
        typeset(edition.spec, pdf)
        pdfs.append((pdf, [p.number for p in edition.spec.pages]))
    for extractor in EXTRACTORS:
        (folder / extractor).mkdir(exist_ok=True)
        for pdf, numbers in pdfs:
            for number, text in zip(numbers, extract(pdf, extractor), strict=True):
                (folder / extractor / page_file(number, "txt")).write_text(text, encoding="utf-8")
    gold = edition.spec.gold()
    gold["files"] = [p.name for p, _ in pdfs]
    (folder / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else "tests/fixtures/typeset")
    for edition in committed():
        build(edition, root / edition.spec.name)
        print(root / edition.spec.name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
