"""The typeset corpus prints what its gold says: every paragraph, headline tier and piece of
furniture is on the page (checked through PyMuPDF's drawing-order text, which keeps a paragraph's
lines together), and the committed set is what the builder makes today."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from tests.typeset.corpus import committed
from tests.typeset.extract import EXTRACTORS, extract
from tests.typeset.pages import EditionSpec, make_page
from tests.typeset.typeset import typeset

CORPUS = Path(__file__).parent.parent / "fixtures" / "typeset"
_SPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACE.sub("", text).replace("\u2011", "-").replace("⋯", "…")


def _check_printed(pdf: Path, gold: dict[str, object]) -> None:
    pages = extract(pdf, "pymupdf")
    for page_gold, text in zip(gold["pages"], pages, strict=True):  # type: ignore[call-overload]
        flat = _flat(text)
        for article in page_gold["articles"]:
            for field in ("headline", "kicker", "subtitle", "dateline"):
                if article[field]:
                    assert _flat(article[field]) in flat, (pdf, field, article[field])
            for paragraph in article["paragraphs"]:
                assert _flat(paragraph) in flat, (pdf, paragraph)
        for item in page_gold["furniture"]:
            assert _flat(item["text"]) in flat, (pdf, item)


@pytest.mark.parametrize("name", [e.spec.name for e in committed()])
def test_committed_pages_print_their_gold(name: str) -> None:
    folder = CORPUS / name
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    if len(gold["files"]) == 1:
        _check_printed(folder / gold["files"][0], gold)
    else:
        for file, page in zip(gold["files"], gold["pages"], strict=True):
            _check_printed(folder / file, {"pages": [page]})
    for extractor in EXTRACTORS:
        assert len(list((folder / extractor).glob("*.txt"))) == len(gold["pages"])


def test_committed_gold_is_what_the_specs_say() -> None:
    for edition in committed():
        gold = json.loads((CORPUS / edition.spec.name / "gold.json").read_text(encoding="utf-8"))
        fresh = edition.spec.gold()
        assert gold["pages"] == fresh["pages"]
        assert gold["articles"] == fresh["articles"]


def test_a_jump_is_one_article_in_the_edition_gold() -> None:
    gold = json.loads((CORPUS / "edition-4p" / "gold.json").read_text(encoding="utf-8"))
    jumped = [a for a in gold["articles"] if a["pages"] == [1, 2]]
    assert len(jumped) == 1 and jumped[0]["continued_from_page"] is None
    page_two = gold["pages"][1]["articles"][0]
    assert page_two["continued_from_page"] == 1 and page_two["headline"] == jumped[0]["headline"]
    assert jumped[0]["paragraphs"][-len(page_two["paragraphs"]) :] == page_two["paragraphs"]


@pytest.mark.parametrize("columns,leading,after", [(4, 1.25, False), (5, 1.75, True), (6, 1.5, False)])
def test_fresh_pages_print_their_gold(tmp_path: Path, columns: int, leading: float, after: bool) -> None:
    page = make_page(
        random.Random(columns),
        2,
        columns=columns,
        leading=leading,
        headlines_drawn_after=after,
        ad=True,
        chart=True,
    )
    spec = EditionSpec("fresh", (page,))
    pdf = typeset(spec, tmp_path / "fresh.pdf")
    _check_printed(pdf, spec.gold())
