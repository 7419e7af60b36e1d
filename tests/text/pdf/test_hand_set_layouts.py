"""Hand-set pages in layouts real dailies use and the page generator lacks (issue 23), read from
their PDFs: each story's head, its paragraphs (F1 against the Typst source's own strings), and no
furniture spoken. The pages are written in ``hand_set_layouts``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from audio_edition.text.pdf import read_pdf
from tests.text.pdf import hand_set_layouts as layouts
from tests.typeset.page_score import flat, score_page

PAGES: dict[str, Callable[[], layouts.HandSetLayout]] = {
    "wide-headline-two-lines": layouts.wide_headline,
    "wide-headline-one-line": lambda: layouts.wide_headline(two_lines=False),
    "wide-headline-staggered-and-tight": layouts.staggered_headline,
    "kicker-flush-left-subtitle-flush-right": layouts.offset_tiers,
    "off-grid-columns": layouts.off_grid_columns,
    "picture-across-columns": layouts.picture_across_columns,
    "picture-across-right-columns": lambda: layouts.picture_across_columns(right=True),
    "picture-wrapped-by-the-text": layouts.picture_wrapped,
    "picture-across-all-columns": layouts.picture_across_all,
    "box-set-into-the-columns": layouts.box_in_columns,
    "boxed-column-label": lambda: layouts.column_label(reversed_label=False),
    "reversed-column-label": lambda: layouts.column_label(reversed_label=True),
    "reversed-column-label-bar": lambda: layouts.column_label(reversed_label=True, bar=True),
    "ruled-column-label-bar": lambda: layouts.column_label(reversed_label=False, bar=True),
    "column-label-over-a-kicker": lambda: layouts.column_label(False, kicker="——来自城东街道的报道"),
    "headline-beside-story": layouts.headline_beside,
    "headline-beside-story-with-tiers": lambda: layouts.headline_beside(tiers=True),
    "vertical-headline": layouts.vertical_headline,
    "vertical-headline-two-columns": lambda: layouts.vertical_headline(columns=2),
    "vertical-headline-right": lambda: layouts.vertical_headline(right=True),
    "vertical-headline-letter-spaced": lambda: layouts.vertical_headline(2, spacing="0.6em"),
    "tinted-box": layouts.tinted_box,
    "tinted-box-unruled": lambda: layouts.tinted_box(stroke="none"),
    "headline-over-its-boxed-body": layouts.headline_over_box,
    "figures-box": layouts.figures_box,
    "commentary-box-with-tag": layouts.commentary_box,
    "editors-note-across-columns": layouts.editors_note,
    "bold-editors-note-across-columns": lambda: layouts.editors_note(bold=True),
    "editors-note-beside-a-story": layouts.editors_note_beside,
    "one-line-editors-note-beside-a-story": lambda: layouts.editors_note_beside(3, 1),
    "picture-ad-with-boxed-tag": layouts.picture_ad_with_tag,
    "composite-page": layouts.composite,
    "stacked-under-short-column": layouts.stacked_under_short_column,
    "stacked-under-short-first-column": lambda: layouts.stacked_under_short_column(first_column=True),
    "stacked-under-short-column-of-a-short-headline": lambda: layouts.stacked_under_short_column(
        short_headline=True
    ),
    # The stacked story's kicker in the body's size stays over its headline (no column's end).
    "stacked-under-short-column-of-a-short-headline-kicker-in-body-size": lambda: (
        layouts.stacked_under_short_column(short_headline=True, kicker="新春走基层")
    ),
    "wide-lead-over-a-stacked-story": layouts.lead_over_stacked,
    "wide-lead-over-a-stacked-story-left": lambda: layouts.lead_over_stacked(left=True),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_a_hand_set_layout_reads_as_its_stories(name: str, tmp_path: Path) -> None:
    page = PAGES[name]()
    read = read_pdf(page.typeset(tmp_path))[0]
    score = score_page(read.articles, page.gold())
    assert {k: v for k, v in score.missing.items() if v} == {}, read.warnings
    assert {k: v for k, v in score.extra.items() if v} == {}
    assert score.paragraph_f1 == 1.0
    assert score.articles == (len(page.stories), len(page.stories))
    assert score.spoken_furniture == []
    assert not read.warnings


def test_a_two_line_headline_is_one_headline_between_its_kicker_and_subtitle(tmp_path: Path) -> None:
    page = layouts.wide_headline()
    lead = page.stories[0]
    article = read_pdf(page.typeset(tmp_path))[0].articles[0]
    assert flat(article.headline) == flat(lead.headline.replace("\\", ""))
    assert (article.kicker, article.subtitle) == (lead.kicker, lead.subtitle)


@pytest.mark.parametrize(
    "make",
    [
        layouts.picture_across_columns,
        lambda: layouts.picture_across_columns(right=True),
        layouts.picture_wrapped,
        layouts.picture_across_all,
    ],
    ids=["across-left", "across-right", "wrapped", "across-all"],
)
def test_a_paragraph_broken_off_by_a_picture_goes_on_where_the_text_says(
    make: Callable[[], layouts.HandSetLayout], tmp_path: Path
) -> None:
    # Over the picture into the next column (read across), or under it in its own column (wrapped).
    page = make()
    article = read_pdf(page.typeset(tmp_path))[0].articles[0]
    assert [flat(p) for p in article.paragraphs] == [flat(p) for p in page.stories[0].body]


@pytest.mark.parametrize("reversed_label", [False, True], ids=["boxed", "reversed"])
def test_a_column_label_in_a_box_is_the_kicker_not_a_story(reversed_label: bool, tmp_path: Path) -> None:
    page = layouts.column_label(reversed_label)
    articles = read_pdf(page.typeset(tmp_path))[0].articles
    assert [(a.kicker, a.headline) for a in articles] == [(s.kicker, s.headline) for s in page.stories]


@pytest.mark.parametrize("right", [False, True], ids=["left", "right"])
@pytest.mark.parametrize("columns", [1, 2, 3])
def test_a_vertical_headline_reads_top_to_bottom_right_to_left(
    columns: int, right: bool, tmp_path: Path
) -> None:
    page = layouts.vertical_headline(columns, right)
    articles = read_pdf(page.typeset(tmp_path))[0].articles
    assert [a.headline for a in articles] == [story.headline for story in page.stories]


def test_vertical_text_beyond_a_headline_is_warned_of_by_its_words(tmp_path: Path) -> None:
    page = layouts.vertical_text()
    read = read_pdf(page.typeset(tmp_path))[0]
    assert any("vertical" in w.message and "春风又绿江南岸明月何时照我还" in w.message for w in read.warnings)
    story = page.stories[0]
    (article,) = read.articles
    assert (article.headline, article.dateline) == (story.headline, story.dateline)
    # The body's last column ends on a short line: the vertical text after it is no part of it.
    assert article.paragraphs[: len(story.body)] == tuple(story.body)


@pytest.mark.parametrize("first_column", [False, True], ids=["last", "first"])
def test_the_short_column_above_a_stacked_story_stays_with_its_story(
    first_column: bool, tmp_path: Path
) -> None:
    page = layouts.stacked_under_short_column(first_column)
    first, second = read_pdf(page.typeset(tmp_path))[0].articles
    assert first.paragraphs == tuple(page.stories[0].body)
    assert (second.dateline, second.paragraphs) == (page.stories[1].dateline, tuple(page.stories[1].body))
