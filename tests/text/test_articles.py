"""The sample page, read as a careful editor reads it (tests/fixtures/*.expected.json)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from audio_edition.text import clean_page, read_page

FIXTURES = Path(__file__).parent.parent / "fixtures"
SAMPLE = FIXTURES / "2023-12-25.txt"
EXPECTED = json.loads((FIXTURES / "2023-12-25.expected.json").read_text(encoding="utf-8"))["articles"]


def _without_whitespace(value: Any) -> Any:
    if isinstance(value, str):
        return "".join(value.split())
    if isinstance(value, (list, tuple)):
        return [_without_whitespace(v) for v in value]
    return value


@pytest.fixture(scope="module")
def articles() -> list[dict[str, Any]]:
    # The fields DESIGN.md's JSON names; reading adds others (pages, line) that the sample leaves out.
    return [{k: asdict(article)[k] for k in EXPECTED[0]} for article in clean_page(read_page(SAMPLE))]


def test_finds_every_article(articles: list[dict[str, Any]]) -> None:
    assert len(articles) == len(EXPECTED) == 10


@pytest.mark.parametrize("number", range(len(EXPECTED)))
@pytest.mark.parametrize(
    "field", ["headline", "section", "continued_from_page", "dateline", "byline", "subheads", "paragraphs"]
)
def test_matches_the_editor(articles: list[dict[str, Any]], number: int, field: str) -> None:
    assert _without_whitespace(articles[number][field]) == _without_whitespace(EXPECTED[number][field])


def test_matches_the_editor_to_the_character(articles: list[dict[str, Any]]) -> None:
    """Even the spaces: a real space between phrases (大地欢歌 魅力敖鲁古雅, 记者 薛来) stays."""
    got = [{k: list(v) if isinstance(v, tuple) else v for k, v in a.items()} for a in articles]
    assert got == EXPECTED


def test_same_page_in_gb18030_with_crlf_reads_the_same(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    assert clean_page(read_page(page)) == clean_page(text)
