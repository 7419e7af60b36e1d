"""Which stories of an extraction a person can read: told from the gold, so the text route's
target (paragraph F1 on readable stories) and its warnings (every unreadable story) are measured
on what an extractor really kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.typeset.readable import stories_of, stories_side_by_side

CORPUS = Path(__file__).parent.parent / "fixtures" / "typeset"


def _gold_page(name: str, number: int) -> dict[str, Any]:
    gold = json.loads((CORPUS / name / "gold.json").read_text(encoding="utf-8"))
    return next(p for p in gold["pages"] if p["number"] == number)  # type: ignore[no-any-return]


PAGE = _gold_page("tight-4col", 2)


def _printed(article: dict[str, Any], width: int) -> list[str]:
    """A story as a column prints it: heads, then each paragraph wrapped at ``width``."""
    lines = [article[key] for key in ("kicker", "headline", "subtitle", "dateline") if article[key]]
    for paragraph in article["paragraphs"]:
        lines += [paragraph[i : i + width] for i in range(0, len(paragraph), width)]
    return lines


def test_every_story_pymupdf_printed_is_readable() -> None:
    # PyMuPDF prints text in drawing order, which keeps each story's lines together.
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "gold.json").exists()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        for page in gold["pages"]:
            text = (folder / "pymupdf" / f"2024-03-05-{page['number']:02d}.txt").read_text(encoding="utf-8")
            assert [s.problems for s in stories_of(page, text)] == [[] for _ in page["articles"]], folder


@given(st.integers(min_value=6, max_value=30), st.randoms(use_true_random=False))
def test_stories_printed_whole_in_any_order_are_readable(width: int, rng: Any) -> None:
    articles = list(PAGE["articles"])
    rng.shuffle(articles)
    text = "\n".join(line for a in articles for line in _printed(a, width))
    assert all(s.readable for s in stories_of(PAGE, text))


@given(st.integers(min_value=6, max_value=14))
def test_two_columns_interleaved_line_by_line_spoil_both(width: int) -> None:
    first, second = (_printed(a, width)[1:] for a in PAGE["articles"][:2])
    n = min(len(first), len(second))
    mixed = [line for pair in zip(first[:n], second[:n], strict=True) for line in pair]
    text = "\n".join(mixed + first[n:] + second[n:])
    stories = stories_of(PAGE, text)
    assert "interleaved with another column line by line" in stories[0].problems
    assert "interleaved with another column line by line" in stories[1].problems


def test_two_columns_merged_into_one_line_spoil_both() -> None:
    first, second = (_printed(a, 12) for a in PAGE["articles"][:2])
    rest = [line for a in PAGE["articles"][2:] for line in _printed(a, 12)]
    merged = [*first[:3], first[3] + "  " + second[2], *first[4:], *second[:2], *second[3:], *rest]
    stories = stories_of(PAGE, "\n".join(merged))
    assert any("merges two columns" in p for p in stories[0].problems)
    assert any("merges two columns" in p for p in stories[1].problems)
    assert all(s.readable for s in stories[2:])


def test_blocks_out_of_order_lost_text_and_a_stray_headline_are_told() -> None:
    first, second = (_printed(a, 12) for a in PAGE["articles"][:2])
    swapped = [first[0], *first[6:9], *first[1:6], *first[9:], *second]
    assert any("out of order" in p for p in stories_of(PAGE, "\n".join(swapped))[0].problems)
    # A line missing from the middle is a jump forward; from the end, text lost.
    skipped = [*first[:5], *first[6:], *second]
    assert any("out of order" in p for p in stories_of(PAGE, "\n".join(skipped))[0].problems)
    lost = [*first[:-1], *second]
    assert any("text lost" in p for p in stories_of(PAGE, "\n".join(lost))[0].problems)
    # The second story's headline printed inside the first story's text.
    stray = [*first[:4], second[0], *first[4:], *second[1:]]
    assert "headline away from its story" in stories_of(PAGE, "\n".join(stray))[1].problems


def test_a_dateline_wrapped_onto_the_first_words_keeps_its_story_readable() -> None:
    article = next(a for a in PAGE["articles"] if a["dateline"] and a["headline"])
    index = PAGE["articles"].index(article)
    dateline, body = article["dateline"], article["paragraphs"][0]
    lines = [article["headline"], dateline[:-2], dateline[-2:] + body[:8], body[8:20]]
    story = stories_of(PAGE, "\n".join(lines))[index]
    assert story.lines and story.cursor == 20
    assert [p for p in story.problems if "text lost" not in p] == []


def test_a_page_is_wholly_readable_only_when_every_story_is() -> None:
    from tests.typeset.score import ReadArticle, score_page

    in_order = "\n".join(line for a in PAGE["articles"] for line in _printed(a, 12))
    gold_read = [
        ReadArticle(a["headline"], a["kicker"], a["subtitle"], tuple(a["paragraphs"]), None)
        for a in PAGE["articles"]
    ]
    score = score_page(PAGE, gold_read, [], "p2.txt", in_order)
    assert (score.whole_pages, score.whole_f1) == (1, 1.0)
    first, second = (_printed(a, 12)[1:] for a in PAGE["articles"][:2])
    interleaved = [line for pair in zip(first, second, strict=False) for line in pair]
    rest = [line for a in PAGE["articles"][2:] for line in _printed(a, 12)]
    spoiled = score_page(PAGE, gold_read, [], "p2.txt", "\n".join(interleaved + rest))
    assert spoiled.whole_pages == 0 and spoiled.readable == spoiled.stories - 2


def test_a_readable_story_read_with_a_paragraph_wrong_is_noted_with_its_f1() -> None:
    # The gold read back as the reader would: no note. Two paragraphs of a story run together:
    # the story's note gives its F1 and cost (two missed, one read wrong).
    from tests.typeset.score import ReadArticle, score_page

    text = "\n".join(line for article in PAGE["articles"] for line in _printed(article, 12))
    right = [
        ReadArticle(a["headline"], a["kicker"], a["subtitle"], tuple(a["paragraphs"]), None)
        for a in PAGE["articles"]
    ]
    assert not [n for n in score_page(PAGE, right, [], "p", text).notes if "readable story" in n]
    story = next(n for n, a in enumerate(PAGE["articles"]) if len(a["paragraphs"]) >= 3)
    first, second, *rest = right[story].paragraphs
    wrong = list(right)
    wrong[story] = ReadArticle(right[story].headline, None, None, (first + second, *rest), None)
    notes = [n for n in score_page(PAGE, wrong, [], "p", text).notes if "readable story" in n]
    headline = PAGE["articles"][story]["headline"]
    gold = len(PAGE["articles"][story]["paragraphs"])
    f1 = 2 * (gold - 2) / (gold + gold - 1)
    assert len(notes) == 1 and notes[0].endswith(f": readable story at F1 {f1:.0%}, cost 3: {headline}")


def test_a_warning_on_the_whole_page_warns_every_story_only_when_it_says_so() -> None:
    # Two columns interleaved line by line spoil two stories, and the reading of a third is
    # wrong: a warning at no line warns none of them, unless it puts every story in doubt.
    from tests.typeset.score import ReadArticle, score_page

    first, second = (_printed(a, 12)[1:] for a in PAGE["articles"][:2])
    interleaved = [line for pair in zip(first, second, strict=False) for line in pair]
    rest = [line for a in PAGE["articles"][2:] for line in _printed(a, 12)]
    text = "\n".join(interleaved + rest)
    read = [
        ReadArticle(a["headline"], a["kicker"], a["subtitle"], tuple(a["paragraphs"]), n)
        for n, a in enumerate(PAGE["articles"], 1)
    ]
    read[2] = ReadArticle(read[2].headline, None, None, ("不是这篇的文字。",), 3)
    quiet = score_page(PAGE, read, [None], "p2.txt", text)
    assert (quiet.unreadable_warned, quiet.misread_warned, quiet.misread) == (0, 0, 1)
    whole = score_page(PAGE, read, [None], "p2.txt", text, whole_page=True)
    assert (whole.unreadable_warned, whole.misread_warned) == (whole.stories - whole.readable, 1)


def _article(
    paragraph: str, dateline: str | None = None, byline: str | None = None, **heads: str
) -> dict[str, Any]:
    fields = ("headline", "kicker", "subtitle", "section")
    return {
        **dict.fromkeys(fields),
        **heads,
        "dateline": dateline,
        "byline": byline,
        "paragraphs": [paragraph],
    }


# A brief beside a story's column, as ReportLab pages set them (fresh page 3100).
BRIEFS_PAGE = {
    "articles": [
        _article(
            "风电场里，一排排白色风机迎风转动，源源不断地将绿色电能送入电网。路通了，牧民的牛羊"
            "和奶制品可以直接卖到城里，收入一年比一年高。",
            "新华社阿拉善3月1日电",
            headline="新能源装机规模突破一亿千瓦",
        ),
        _article(
            "近期，县消防救援大队走进中小学校，为师生讲解火灾逃生自救知识并开展疏散演练。",
            "本报赤峰3月1日电",
            "杨帆",
        ),
        _article("为丰富群众文化生活，街道近日组织开展了广场舞展演活动。", None, "郑凯"),
    ],
    "furniture": [],
}
STORY = [
    "新能源装机规模突破一亿千瓦",
    "新华社阿拉善3月1日电风电场",
    "里，一排排白色风机迎风转动，源",
    "源不断地将绿色电能送入电网。路",
    "通了，牧民的牛羊和奶制品可以直",
    "接卖到城里，收入一年比一年高。",
]
BRIEF = [
    "本报赤峰3月1日电近期，县",
    "消防救援大队走进中小学校，为",
    "师生讲解火灾逃生自救知识并开",
    "展疏散演练。（杨帆）",
]
SHORT = ["为丰富群众文化生活，街道近日组织", "开展了广场舞展演活动。（郑凯）"]


def test_a_brief_printed_whole_beside_a_story_is_readable() -> None:
    text = "\n".join(STORY + BRIEF + SHORT)
    assert [s.problems for s in stories_of(BRIEFS_PAGE, text)] == [[], [], []]


def test_a_brief_printed_row_by_row_with_another_column_is_not_readable() -> None:
    # pdftotext prints the brief's lines one at a time among the story's: the brief's first and
    # last lines (its dateline, its byline) are its text as much as the others between.
    rows = [
        STORY[0],
        BRIEF[0],
        STORY[1],
        BRIEF[1],
        STORY[2],
        BRIEF[2],
        STORY[3],
        BRIEF[3],
        *STORY[4:],
        *SHORT,
    ]
    brief = stories_of(BRIEFS_PAGE, "\n".join(rows))[1]
    assert "interleaved with another column line by line" in brief.problems


def test_a_brief_of_two_lines_split_by_another_columns_line_is_not_readable() -> None:
    rows = [*STORY[:2], SHORT[0], STORY[2], SHORT[1], *STORY[3:], *BRIEF]
    stories = stories_of(BRIEFS_PAGE, "\n".join(rows))
    assert "interleaved with another column line by line" in stories[2].problems
    assert stories[1].readable  # printed whole after the story


def test_a_brief_printed_two_lines_at_a_time_among_other_columns_is_not_readable() -> None:
    # pdftotext prints rows of two lines across columns set close: the brief's halves, with
    # another story's lines between, cut its sentence in two.
    rows = [*STORY[:3], *BRIEF[:2], *STORY[3:5], *BRIEF[2:], *STORY[5:], *SHORT]
    stories = stories_of(BRIEFS_PAGE, "\n".join(rows))
    assert stories[0].problems == stories[1].problems == ["interleaved with another column line by line"]
    assert stories[2].readable


def _side_by_side(columns: list[list[str]], gap: str = "   ") -> str:
    """Columns printed side by side as pdftotext -layout prints them: each row of the page one
    line, each column at the position where it stands (a CJK character takes one)."""
    width = max(len(line) for column in columns for line in column)
    rows = max(len(column) for column in columns)
    return "\n".join(
        gap.join(column[n].ljust(width) if n < len(column) else " " * width for column in columns).rstrip()
        for n in range(rows)
    )


def test_stories_side_by_side_read_column_by_column_are_readable() -> None:
    # The plain walk takes side by side for interleaved; a person reads each column down.
    text = _side_by_side([STORY, BRIEF, SHORT])
    assert not all(s.readable for s in stories_of(BRIEFS_PAGE, text))
    assert [s.problems for s in stories_side_by_side(BRIEFS_PAGE, text)] == [[], [], []]
    # Set tight, one space apart: each column still starts where it stands.
    tight = _side_by_side([STORY, BRIEF], gap=" ") + "\n" + "\n".join(SHORT)
    assert [s.problems for s in stories_side_by_side(BRIEFS_PAGE, tight)] == [[], [], []]


def test_a_story_run_into_another_column_or_lost_side_by_side_is_not_readable() -> None:
    touching = _side_by_side([STORY, BRIEF], gap="").replace(" ", "")
    stories = stories_side_by_side(BRIEFS_PAGE, touching + "\n" + "\n".join(SHORT))
    # The story's lines fill the column (no padding): each runs straight into the brief's.
    assert not stories[1].readable and stories[2].readable
    lost = _side_by_side([STORY, [*BRIEF[:2], *BRIEF[3:]], SHORT])
    assert [s.readable for s in stories_side_by_side(BRIEFS_PAGE, lost)] == [True, False, True]


def test_a_warning_side_by_side_warns_the_story_whose_text_it_points_into() -> None:
    from tests.typeset.score import ReadArticle, score_page

    lost = _side_by_side([STORY, [*BRIEF[:2], *BRIEF[3:]], SHORT])
    read = [
        ReadArticle(a["headline"], None, None, tuple(a["paragraphs"]), 1) for a in BRIEFS_PAGE["articles"]
    ]
    column = lost.split("\n")[1].index(BRIEF[1][:4])
    # A warning in the story's column on its rows warns it; one as far down in the next column does not.
    inside = score_page(BRIEFS_PAGE, read, [2], "p", lost, side_by_side=[(2, column)])
    beside = score_page(BRIEFS_PAGE, read, [2], "p", lost, side_by_side=[(2, column + len(BRIEF[0]) + 3)])
    assert (inside.stories - inside.readable, inside.unreadable_warned, beside.unreadable_warned) == (1, 1, 0)
