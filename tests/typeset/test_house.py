"""Pages in other papers' house styles: a fresh page drawn in a random house prints the same gold as
its plain page, set in other type sizes and widths; the plain house is every page as it always was."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import fields
from pathlib import Path

import pymupdf

from tests.typeset.pages import (
    EditionSpec,
    PageSpec,
    fresh_gold,
    fresh_name,
    random_house,
    random_page,
)
from tests.typeset.test_corpus import _check_printed
from tests.typeset.typeset import typeset

ROOT = Path(__file__).resolve().parent.parent.parent
MM = 72 / 25.4


def _body_size(pdf: Path) -> float:
    """The type size most of the page's characters are set in (its body's)."""
    sizes: Counter[float] = Counter()
    with pymupdf.open(pdf) as doc:
        for block in doc[0].get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    sizes[round(span["size"], 1)] += len(span["text"])
    return sizes.most_common(1)[0][0]


def test_a_random_house_page_prints_the_plain_pages_gold_in_its_own_sizes(tmp_path: Path) -> None:
    # A seed whose house sets the body in another size than the plain house's and fixes the page width.
    seed = next(
        s
        for s in range(1800, 1900)
        if random_page(s, "A", "random").body_size != PageSpec.body_size
        and random_page(s, "A", "random").page_width_mm
    )
    plain, house = random_page(seed), random_page(seed, "A", "random")
    assert house.gold() == plain.gold()
    assert house.stories() == plain.stories() and house.rows == plain.rows

    pdf = typeset(EditionSpec(fresh_name(seed, "A", "random"), (house,)), tmp_path / "house.pdf")
    _check_printed(pdf, EditionSpec("x", (house,)).gold())
    assert _body_size(pdf) == house.body_size
    with pymupdf.open(pdf) as doc:
        assert len(doc) == 1
        assert abs(doc[0].rect.width - house.page_width_mm * MM) < 1  # type: ignore[operator]
    plain_pdf = typeset(EditionSpec("plain", (plain,)), tmp_path / "plain.pdf")
    assert _body_size(plain_pdf) == PageSpec.body_size


def test_the_plain_house_is_the_default_and_draws_nothing_of_its_own() -> None:
    defaults = PageSpec(number=2, columns=4, rows=())
    house_fields = set(random_house(1000, 4))
    for seed in (1000, 1001, 2000):
        page = random_page(seed)
        assert page == random_page(seed, "A", "plain")
        drawn = {f.name for f in fields(PageSpec) if getattr(page, f.name) != getattr(defaults, f.name)}
        # The plain page draws its layout (columns, leading, headline order...), none of the house's fields.
        assert drawn and not drawn & house_fields


def test_house_styles_stay_within_what_dailies_print() -> None:
    for seed in range(1000, 1300):
        page = random_page(seed, "A", "random")
        assert 8.5 <= page.body_size <= 10.5
        smallest_headline = 14 * page.headline_scale
        assert smallest_headline >= 1.4 * page.body_size
        assert page.kicker_size is not None and page.kicker_size < smallest_headline
        story_body = page.lead_body_size or page.body_size
        assert page.subtitle_size is not None and story_body < page.subtitle_size < smallest_headline
        assert page.byline_size is not None and page.byline_size <= page.body_size + 0.5
        text_width = page.page_width_mm - 2 * page.margin_mm if page.page_width_mm else 44.0 * page.columns
        column = (text_width - (page.columns - 1) * page.gutter_mm) / page.columns
        assert 10 <= column / (page.body_size * 25.4 / 72) <= 26, seed


def test_a_kept_folder_of_one_house_is_not_filled_with_another(tmp_path: Path) -> None:
    spec = EditionSpec(fresh_name(1800, "A", "random"), (random_page(1800, "A", "random"),))
    assert spec.name == "fresh-H-1800" and fresh_name(6600, "C", "random") == "fresh-C-H-6600"
    (tmp_path / spec.name).mkdir()
    gold = fresh_gold(spec, "A", "random")
    assert gold["house"] == "random" and "texts" not in gold
    (tmp_path / spec.name / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "benchmarks/text_route.py", "--fresh", "1", "--keep", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert run.stderr.strip().count("\n") == 0 and "random house" in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh-H-1800"]
