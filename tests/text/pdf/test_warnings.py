"""What the PDF route says when the geometry leaves a doubt: one warning per affected story, naming
the PDF page, and --strict refusing; never two stories merged silently."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from audio_edition.cli import main
from audio_edition.text.pdf import read_pdf
from tests.typeset.pages import EditionSpec, StoryBlock, make_page, make_story
from tests.typeset.typeset import typeset


def _page_with_headless_story(tmp_path: Path, beside: bool) -> Path:
    """A page whose second row holds a story printed without a headline (alone, or beside another)."""
    rng = random.Random(5)
    page = make_page(rng, 2, columns=4, briefs=False, photo=False, rows=2)
    headless = replace(
        make_story(rng, paragraphs=3, headline="占位"), headline=None, kicker=None, subtitle=None
    )
    headless = replace(headless, dateline="本报包头3月4日电", byline_style="none", byline=None)
    other = make_story(rng, paragraphs=3, headline="社区食堂端出“幸福味道”")
    row = (
        (StoryBlock(other, span=2), StoryBlock(headless, span=2))
        if beside
        else (StoryBlock(headless, span=4),)
    )
    page = replace(page, rows=(page.rows[0], row))
    return typeset(EditionSpec("warn", (page,)), tmp_path / "2024-03-05-02.pdf")


def test_a_story_without_a_headline_is_warned(tmp_path: Path) -> None:
    pdf = _page_with_headless_story(tmp_path, beside=False)
    page = read_pdf(pdf)[0]
    warned = [w for w in page.warnings if "no headline found" in w.message]
    assert len(warned) == 1
    assert warned[0].source == str(pdf) and "本报" not in warned[0].message.split("「")[0]
    result = CliRunner().invoke(main, ["clean", "--strict", str(pdf)])
    assert result.exit_code == 2
    # Where: the PDF and the article's number on the page in reading order (the second here).
    assert f"{pdf}:2: error: no headline found" in result.stderr


def test_a_headless_story_beside_another_is_never_merged_silently(tmp_path: Path) -> None:
    pdf = _page_with_headless_story(tmp_path, beside=True)
    page = read_pdf(pdf)[0]
    datelined = [a for a in page.articles if a.dateline == "本报包头3月4日电"]
    merged = [a for a in page.articles if any(p.startswith("本报包头3月4日电") for p in a.paragraphs)]
    # Either read as its own (headline-less, warned) story, or merged and warned: never silently.
    assert datelined or merged
    assert any(
        "no headline found" in w.message or "two stories may be read as one" in w.message
        for w in page.warnings
    )


def test_a_clean_page_has_no_warnings() -> None:
    corpus = Path(__file__).parents[2] / "fixtures" / "typeset"
    for pdf in corpus.glob("*/*.pdf"):
        for page in read_pdf(pdf):
            assert not page.warnings, (pdf, page.warnings)
