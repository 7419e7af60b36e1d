"""Pages in other words: a page drawn from word pool B to J prints its gold, in that pool's words
only, and pool A's pages are the ones every committed page and benchmark seed has always been."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.typeset import texts
from tests.typeset.pages import POOLS, EditionSpec, random_page
from tests.typeset.test_corpus import _check_printed
from tests.typeset.typeset import typeset

ROOT = Path(__file__).resolve().parent.parent.parent


def _written_from(pool: texts.Pool, paragraph: str) -> bool:
    """Whether ``paragraph`` is one of the pool's subheads or briefs, or a run of its sentences."""
    if paragraph in pool.subheads or paragraph in pool.briefs:
        return True
    sentences = "|".join(re.escape(s) for s in sorted(pool.sentences, key=len, reverse=True))
    return re.fullmatch(f"(?:{sentences})+", paragraph) is not None


@pytest.mark.parametrize("name", ["B", "C", "D", "E", "F", "G", "H", "I", "J"])
def test_a_page_of_another_pool_prints_its_gold_in_that_pools_words(tmp_path: Path, name: str) -> None:
    pool = POOLS[name]
    spec = EditionSpec(f"fresh-{name}", (random_page(1500, name),))
    gold = spec.gold()
    articles = gold["pages"][0]["articles"]
    assert any(a["headline"] for a in articles) and any(a["section"] in pool.brief_titles for a in articles)
    for article in articles:
        assert article["headline"] is None or article["headline"] in pool.headlines
        assert article["kicker"] is None or article["kicker"] in pool.kickers
        assert article["subtitle"] is None or article["subtitle"] in pool.subtitles
        assert all(_written_from(pool, p) for p in article["paragraphs"]), article["paragraphs"]
    assert not any(s in json.dumps(gold, ensure_ascii=False) for s in texts.SENTENCES + texts.HEADLINES)
    _check_printed(typeset(spec, tmp_path / "page.pdf"), gold)


@pytest.mark.parametrize("name", ["D", "E", "F", "G", "H", "I", "J"])
def test_a_pools_index_title_and_photo_credits_are_its_own(name: str) -> None:
    pool = POOLS[name]
    titles, credits = set(), set()
    for seed in range(1700, 1724):
        furniture = EditionSpec("x", (random_page(seed, name),)).gold()["pages"][0]["furniture"]
        titles |= {f["text"] for f in furniture if f["kind"] == "index" and f["text"] in pool.index_titles}
        credits |= {f["text"].split("　", 1)[1] for f in furniture if f["kind"] == "caption"}
    assert titles == set(pool.index_titles)
    forms = [
        re.escape(form).replace(r"\{0\}", "(.+)").replace(r"\{1\}", "(.+)") for form in pool.caption_credits
    ]
    assert all(any(re.fullmatch(form, credit) for form in forms) for credit in credits), credits
    assert "今日导读" not in titles and len(credits) > 1


def test_pool_a_is_the_default_and_another_pool_draws_another_page() -> None:
    assert random_page(1000) == random_page(1000, "A") == random_page(1000, texts.POOL_A)
    assert random_page(1000, "B").stories()[0].headline in POOLS["B"].headlines


def test_a_kept_folder_of_one_pool_is_not_filled_with_another(tmp_path: Path) -> None:
    (tmp_path / "fresh-B-1500").mkdir()
    (tmp_path / "fresh-B-1500" / "gold.json").write_text(json.dumps({"texts": "B"}), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "benchmarks/text_route.py", "--fresh", "1", "--keep", str(tmp_path), "--texts", "A"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert run.stderr.strip().count("\n") == 0 and "pool B" in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh-B-1500"]
