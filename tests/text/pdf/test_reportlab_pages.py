"""The PDF route on pages from a second, independent typesetter (ReportLab, issue 23): every
headline, kicker and subtitle found, paragraph F1 ≥ 98%, no furniture spoken, the articles counted,
on a few set pages and on random ones. The pages' insides differ from Typst's: a CID font not
embedded, bold faked by stroking or by printing twice, text drawn a line, a column or a character
at a time, rules as thin filled rectangles, this module's own line breaking and column balancing."""

from __future__ import annotations

import os
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from audio_edition.text import read_edition
from audio_edition.text.pdf import read_pdf
from audio_edition.text.pdf.chars import read_pages
from audio_edition.text.pdf.lines import find_lines
from tests.typeset.corpus import jumping_edition
from tests.typeset.page_score import flat, score_page
from tests.typeset.pages import POOLS, BriefsBox, EditionSpec, PageSpec, Story, StoryBlock, make_page
from tests.typeset.reportlab_pages import FONT, Drawing, random_drawing, typeset
from tests.typeset.strategies import fresh_pages

HEADS = ("headline", "kicker", "subtitle")
# A page is made and read in ~0.3 s: a few every run, thousands under HYPOTHESIS_PROFILE=explore.
NO_SHRINK = [Phase.explicit, Phase.reuse, Phase.generate]
EXAMPLES = (
    6 if os.environ.get("HYPOTHESIS_PROFILE", "default") == "default" else settings.default.max_examples
)


def _assert_read(pdf: Path, page: PageSpec) -> None:
    gold = EditionSpec("gold", (page,)).gold()["pages"][0]
    (read,) = read_pdf(pdf)
    score = score_page(read.articles, gold)
    for key in HEADS:
        assert not score.missing[key], (key, score.missing[key])
        assert not score.extra[key], (key, score.extra[key])
    assert score.paragraph_f1 >= 0.98, score.paragraph_f1
    assert not score.spoken_furniture, score.spoken_furniture
    assert score.articles[0] == score.articles[1], ("articles read/gold", score.articles)
    assert read.number == page.number


# Each set page exercises conventions in one way of drawing them (the gold never changes with it).
SET_PAGES: dict[str, tuple[dict[str, Any], dict[str, Any], Drawing]] = {
    "front, 6 columns, index, photo, ad; line by line, stroked bold, ruled lines": (
        {"seed": 11, "number": 1, "columns": 6, "index": True, "ad": True, "rows": 3},
        {},
        Drawing(text_mode="line", bold_style="stroke", rule_style="line"),
    ),
    "5 columns, double-struck bold, a column per text object, rules as bars, four-sided boxes": (
        {"seed": 23, "number": 2, "columns": 5, "ad": True, "rows": 3},
        {"box_style": "sides", "row_rules": False, "gutter_mm": 4.0},
        Drawing(text_mode="column", bold_style="double", rule_style="bar", column_mm=48.0),
    ),
    "4 columns, glyph by glyph, ragged right, headlines drawn after, chart, cell rules": (
        {"seed": 31, "number": 3, "columns": 4, "chart": True, "headlines_drawn_after": True, "rows": 3},
        {"cell_rules": True, "folio_at_foot": True, "body_size": 10.5},
        Drawing(text_mode="char", bold_style="stroke", rule_style="line", justify=False, column_mm=52.0),
    ),
    "6 columns, stacked stories, tight leading, larger lead, letter-spaced headlines": (
        {"seed": 47, "number": 4, "columns": 6, "stacks": True, "leading": 1.25, "rows": 4},
        {"tracking": 0.3, "box_style": "none"},
        Drawing(text_mode="line", bold_style="double", rule_style="bar", column_mm=40.0, headline_scale=0.9),
    ),
}


@pytest.mark.parametrize("name", list(SET_PAGES))
def test_set_pages_read_as_their_gold(tmp_path: Path, name: str) -> None:
    options, drawn, drawing = SET_PAGES[name]
    options = dict(options)
    rng = random.Random(options.pop("seed"))
    page = replace(make_page(rng, options.pop("number"), **options), **drawn)
    if page.leading < 1.3:
        page = replace(page, lead_body_size=page.body_size + 1.0)
    pdf = typeset(EditionSpec("set", (page,)), tmp_path / "page.pdf", drawing)
    _assert_read(pdf, page)
    (read,) = read_pdf(pdf)
    listed = flat("".join(item.text for item in read.furniture))
    for item in page.furniture():
        assert flat(item["text"]) in listed, item


def test_a_jumping_edition_stitches_across_reportlab_pages(tmp_path: Path) -> None:
    spec = jumping_edition(7, "jump", (5, 6))
    pdf = typeset(spec, tmp_path / "edition.pdf", Drawing(text_mode="column", bold_style="double"))
    edition = read_edition([pdf])
    gold = spec.gold()["articles"]
    assert [a.headline for a in edition.articles] == [a["headline"] for a in gold]
    for got, want in zip(edition.articles, gold, strict=True):
        assert [flat(p) for p in got.paragraphs] == [flat(p) for p in want["paragraphs"]]
        assert got.pages == tuple(want["pages"])
    assert not edition.warnings


# --- the classes of PDF the reader learnt from these pages ------------------------------------


def _canvas(path: Path) -> Canvas:
    canvas = Canvas(str(path), pagesize=(300, 200))
    canvas.setFont(FONT, 12)
    return canvas


def test_bold_printed_twice_a_hair_apart_is_read_once_and_bold(tmp_path: Path) -> None:
    path = tmp_path / "double.pdf"
    canvas = _canvas(path)
    for shift in (0.0, 0.3):  # 一 too: its glyph box is a hair high
        canvas.drawString(20 + shift, 150, "产业兴旺一路向前")
    canvas.drawString(20, 120, "合作社负责人告诉记者")
    canvas.save()
    lines = find_lines(next(read_pages(path)).chars)
    assert [(line.text, line.bold) for line in lines] == [
        ("产业兴旺一路向前", True),
        ("合作社负责人告诉记者", False),
    ]


def test_a_word_space_drawn_as_a_gap_keeps_the_line_whole(tmp_path: Path) -> None:
    """Names set an ideographic space apart, each glyph placed by itself and the space not drawn."""
    path = tmp_path / "gap.pdf"
    canvas = _canvas(path)
    x = 20.0
    for char in "本报记者 张晓明　周涛":
        if not char.isspace():
            canvas.drawString(x, 150, char)
        x += canvas.stringWidth(char, FONT, 12)
    canvas.save()
    (line,) = find_lines(next(read_pages(path)).chars)
    assert line.text.split() == ["本报记者", "张晓明", "周涛"]


def test_a_justified_line_drawn_glyph_by_glyph_gets_no_made_up_spaces(tmp_path: Path) -> None:
    path = tmp_path / "spread.pdf"
    canvas = _canvas(path)
    text = "本报北京3月4日电（记者"
    x = 20.0
    for char in text:  # spread 0.3 em apart, as a justified line with a long word pushed down is
        canvas.drawString(x, 150, char)
        x += canvas.stringWidth(char, FONT, 12) + 3.6
    canvas.save()
    (line,) = find_lines(next(read_pages(path)).chars)
    assert line.text == text


def test_a_brief_closing_a_column_on_a_short_line_is_not_run_into_the_next(tmp_path: Path) -> None:
    # The property test's page in pool B's words: a box of briefs in three columns, the middle
    # one a brief ending on a short line, the last a brief of one line. Every line of the last
    # column opens a brief, so it shows no indent; the short line before it ended its brief.
    page = make_page(
        random.Random(39815),
        8,
        columns=6,
        leading=1.75,
        head_tiers=False,
        photo=False,
        chart=True,
        index=True,
        rows=4,
        pool=POOLS["B"],
    )
    page = replace(
        page,
        box_style="sides",
        row_rules=False,
        gutter_mm=4.0,
        body_size=9.5,
        cell_rules=True,
        folio_at_foot=True,
    )
    page = replace(page, lead_body_size=10.5)
    drawing = Drawing(
        text_mode="char", bold_style="double", column_mm=48.0, justify=False, headline_scale=1.15
    )
    pdf = typeset(EditionSpec("briefs", (page,)), tmp_path / "page.pdf", drawing)
    (read,) = read_pdf(pdf)
    gold = EditionSpec("gold", (page,)).gold()["pages"][0]["articles"]
    briefs = [a.paragraphs for a in read.articles if a.section]
    assert len(briefs) == len([a for a in gold if a["section"]])
    assert all(len(paragraphs) == 1 for paragraphs in briefs)
    _assert_read(pdf, page)


def test_a_brief_ending_on_a_short_line_in_a_column_without_indents_ends_there(tmp_path: Path) -> None:
    # The property test's page in pool B's words: a box of briefs whose first column holds two
    # briefs of a line or two, each opening on the column's one x (no indent to see); the first
    # ends on a sentence well short of the column's edge, which only a paragraph's last line does.
    page = make_page(
        random.Random(210),
        3,
        columns=5,
        leading=1.75,
        headlines_drawn_after=True,
        ad=True,
        rows=3,
        stacks=True,
        pool=POOLS["B"],
    )
    page = replace(page, row_rules=True, box_style="none", gutter_mm=8.0, body_size=9.0, folio_at_foot=True)
    drawing = Drawing(text_mode="column", bold_style="stroke", rule_style="bar", column_mm=44.0)
    pdf = typeset(EditionSpec("briefs", (page,)), tmp_path / "page.pdf", drawing)
    (read,) = read_pdf(pdf)
    gold = EditionSpec("gold", (page,)).gold()["pages"][0]["articles"]
    assert len([a for a in read.articles if a.section]) == len([a for a in gold if a["section"]])
    _assert_read(pdf, page)


def test_a_larger_lead_paragraph_opened_under_a_subhead_is_no_kicker(tmp_path: Path) -> None:
    # The property test's page in pool B's words: the lead story, set a point larger than the
    # body, opens its last paragraph under a subhead on a column's last line, short and in a size
    # between the body's and the headlines', above the next row's headline; it stands on a
    # baseline of the lead's other columns, so it is running text, not a kicker over that headline.
    page = make_page(
        random.Random(332),
        5,
        columns=6,
        leading=1.25,
        headlines_drawn_after=True,
        chart=True,
        index=True,
        rows=3,
        stacks=True,
        pool=POOLS["B"],
    )
    page = replace(page, tracking=0.3, box_style="sides", row_rules=False, gutter_mm=5.0, body_size=10.5)
    page = replace(page, lead_body_size=11.5)
    drawing = Drawing(
        text_mode="line", bold_style="double", rule_style="bar", column_mm=44.0, headline_scale=1.15
    )
    pdf = typeset(EditionSpec("lead", (page,)), tmp_path / "page.pdf", drawing)
    (read,) = read_pdf(pdf)
    assert all(a.headline for a in read.articles if not a.section), [a.paragraphs for a in read.articles]
    _assert_read(pdf, page)


@pytest.mark.parametrize("credit", ["特约撰稿人 庄一凡", "本报评论员", "资深财经观察员 柯伟"])
def test_a_short_line_centred_over_the_columns_keeps_them_apart(tmp_path: Path, credit: str) -> None:
    # A credit the reader may not know as a byline, centred over a story's two columns set a
    # narrow gutter apart: it crosses the gutter, but it is no column's line; each column is read
    # down on its own, never the two line by line.
    story = Story(
        headline="河畔新城迎来第一批住户",
        byline=credit,
        byline_style="own_line",
        paragraphs=(
            "清晨六点，河畔新城的第一批住户拿到了钥匙，小区门口排起了长队。" * 5,
            "物业负责人说，新小区配建了幼儿园、卫生站和社区食堂，老人孩子都方便。" * 5,
            "街道办主任介绍，二期工程明年开工，届时还将新增一所小学和一座公园。" * 3,
        ),
    )
    page = PageSpec(number=2, columns=2, rows=((StoryBlock(story, span=2),),))
    page = replace(page, gutter_mm=4.0, body_size=10.5, box_style="sides")
    drawing = Drawing(text_mode="column", bold_style="stroke", rule_style="line", column_mm=52.0)
    (read,) = read_pdf(typeset(EditionSpec("credit", (page,)), tmp_path / "page.pdf", drawing))
    (article,) = read.articles
    got = {flat(p) for p in article.paragraphs}
    assert all(flat(p) in got for p in story.paragraphs), article.paragraphs


def test_unruled_briefs_one_to_a_column_under_a_large_title_over_small_type_are_briefs(
    tmp_path: Path,
) -> None:
    # A box of briefs drawn with no frame, its title in the typesetter's fixed 13 pt over 8.5 pt
    # body type (half as large again, as a small headline is): each brief fills a column of its
    # own, opening on an indent and closing short, so they are the box's items, not one story.
    story = Story(
        headline="河畔新城迎来第一批住户",
        paragraphs=(
            "清晨六点，河畔新城的第一批住户拿到了钥匙，小区门口排起了长队。" * 6,
            "物业负责人说，新小区配建了幼儿园、卫生站和社区食堂，老人孩子都方便。" * 6,
        ),
    )
    briefs = tuple(
        Story(headline=None, paragraphs=(text,), section="城郊速递")
        for text in (
            "西郊苗木交易会昨日开幕，三百余家花农带来了两千多个品种的花卉苗木。",
            "东湖绿道二期工程昨日完工，新增骑行道十二公里，沿线设有五处驿站和两处观景平台。",
            "南山林场启动春季造林，今年计划新植乔木八万株，以本地耐旱树种为主，三月底前完成。",
        )
    )
    page = PageSpec(
        number=3,
        columns=6,
        rows=((StoryBlock(story, span=6),), (BriefsBox(briefs, span=6, title="城郊速递"),)),
    )
    page = replace(page, body_size=8.5, box_style="none")
    pdf = typeset(EditionSpec("briefs", (page,)), tmp_path / "page.pdf", Drawing(text_mode="line"))
    (read,) = read_pdf(pdf)
    assert [(a.section, a.headline) for a in read.articles if a.section] == [("城郊速递", None)] * 3
    _assert_read(pdf, page)


def test_credited_one_line_briefs_under_a_title_the_reader_does_not_know_stay_apart(tmp_path: Path) -> None:
    # An unruled box of briefs a line each, set full width, each closed by its writer's name in
    # brackets, under a title no list names (read as a headline): a line closing on a credit ends
    # its brief, at a column's foot too, where the next column's brief opens on no visible indent.
    texts = (
        "西郊苗木交易会开幕，花农带来两千多个品种。",
        "东湖绿道二期完工，新增骑行道十二公里和驿站。",  # with its credit, a full line at a column's foot
        "南山林场启动春季造林，计划新植乔木八万株。",
    )
    briefs = tuple(
        Story(headline=None, paragraphs=(text,), section="城郊速递", byline=name, byline_style="at_end")
        for text, name in zip(texts, ("洪晓玲", "庄一凡", "柯伟"))
    )
    story = Story(
        headline="河畔新城迎来第一批住户",
        paragraphs=("清晨六点，河畔新城的第一批住户拿到了钥匙，小区门口排起了长队。" * 6,),
    )
    page = PageSpec(
        number=3,
        columns=4,
        rows=((StoryBlock(story, span=4),), (BriefsBox(briefs, span=4, title="城郊速递"),)),
    )
    page = replace(page, body_size=9.0, box_style="none")
    pdf = typeset(EditionSpec("briefs", (page,)), tmp_path / "page.pdf", Drawing(text_mode="line"))
    (read,) = read_pdf(pdf)
    assert [a.byline for a in read.articles if a.section] == ["洪晓玲", "庄一凡", "柯伟"]
    _assert_read(pdf, page)


# --- random pages ---------------------------------------------------------------------------


@settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=NO_SHRINK
)
@given(
    drawn=fresh_pages(
        leadings=[1.25, 1.3, 1.5, 1.6, 1.75],
        drawings=st.fixed_dictionaries(
            {
                "tracking": st.sampled_from([0.0, 0.3]),
                "box_style": st.sampled_from(["rect", "sides", "none"]),
                "row_rules": st.booleans(),
                "gutter_mm": st.sampled_from([4.0, 5.0, 6.0, 8.0]),
                "body_size": st.sampled_from([9.0, 9.5, 10.5]),
                "cell_rules": st.booleans(),
                "folio_at_foot": st.booleans(),
            }
        ),
    )
)
def test_fresh_reportlab_pages_read_as_their_gold(
    tmp_path_factory: pytest.TempPathFactory, drawn: tuple[int, PageSpec]
) -> None:
    seed, page = drawn
    pdf = typeset(
        EditionSpec("fresh", (page,)),
        tmp_path_factory.mktemp("page") / "page.pdf",
        random_drawing(random.Random(seed)),
    )
    _assert_read(pdf, page)


def _drawn_page(seed: int) -> tuple[PageSpec, Drawing]:
    """A page and drawing picked at random from ``seed`` (the recipe the reader was hunted with)."""
    rng = random.Random(seed)
    page = make_page(
        rng,
        1 + seed % 8,
        columns=rng.choice((4, 5, 6)),
        leading=rng.choice([1.2, 1.3, 1.5, 1.6, 1.75, 1.8]),
        headlines_drawn_after=rng.random() < 0.3,
        head_tiers=rng.random() < 0.7,
        ad=rng.random() < 0.5,
        chart=rng.random() < 0.3,
        photo=rng.random() < 0.6,
        index=rng.random() < 0.3,
        rows=rng.randint(2, 4),
        jump_to=3 if seed % 3 == 0 else None,
        stacks=rng.random() < 0.3,
    )
    page = replace(
        page,
        tracking=rng.choice([0.0, 0.0, 0.3]),
        box_style=rng.choice(["rect", "sides", "none"]),
        row_rules=rng.random() < 0.7,
        gutter_mm=rng.choice([4.0, 5.0, 6.0, 8.0]),
        body_size=rng.choice([9.0, 9.5, 10.5]),
        cell_rules=rng.random() < 0.4,
        folio_at_foot=rng.random() < 0.3,
    )
    page = replace(page, lead_body_size=page.body_size + 1.0 if rng.random() < 0.3 else None)
    return page, random_drawing(rng)


# Pages the reader once misread, one per class of cause: a masthead hardly larger than the lead
# headline (48); short briefs balanced over columns, every line indented (50); a column of one
# line (145); a column under no headline before a story opening with a dateline (195); a kicker in
# the body's size (241); a lead headline three times the body's size (417); stories stacked in
# a cell (560); an orphan column going on into the story on its right, a byline in body size (576).
@pytest.mark.parametrize("seed", [48, 50, 145, 195, 241, 417, 560, 576])
def test_pages_that_once_were_misread(tmp_path: Path, seed: int) -> None:
    page, drawing = _drawn_page(seed)
    _assert_read(typeset(EditionSpec("once", (page,)), tmp_path / "page.pdf", drawing), page)
