"""The PDF route on typeset pages: every headline, kicker and subtitle found, paragraph F1 ≥ 98%,
no furniture spoken, on the committed corpus and on pages typeset afresh by the property test."""

from __future__ import annotations

import json
import os
import random
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from audio_edition.text import read_edition
from audio_edition.text.pdf import read_pdf
from tests.typeset.corpus import committed, jumping_edition
from tests.typeset.page_score import flat, score_page
from tests.typeset.pages import (
    POOLS,
    BriefsBox,
    EditionSpec,
    PageSpec,
    Story,
    StoryBlock,
    make_page,
    random_page,
)
from tests.typeset.strategies import fresh_pages
from tests.typeset.typeset import typeset

CORPUS = Path(__file__).parents[2] / "fixtures" / "typeset"
HEADS = ("headline", "kicker", "subtitle")
# Typesetting takes ~0.3 s a page: a few pages every run, thousands under HYPOTHESIS_PROFILE=explore.
# Shrinking would typeset hundreds of pages: a failing page is reported as drawn.
NO_SHRINK = [Phase.explicit, Phase.reuse, Phase.generate]
EXAMPLES = (
    8 if os.environ.get("HYPOTHESIS_PROFILE", "default") == "default" else settings.default.max_examples
)


def _gold(name: str) -> dict[str, object]:
    return json.loads((CORPUS / name / "gold.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _assert_read(pages: list[object], gold_pages: list[dict[str, object]]) -> None:
    assert len(pages) == len(gold_pages)
    for page, gold in zip(pages, gold_pages, strict=True):
        score = score_page(page.articles, gold)  # type: ignore[attr-defined]
        where = f"page {gold['number']}"
        for key in HEADS:
            assert not score.missing[key], (where, key, score.missing[key])
            assert not score.extra[key], (where, key, score.extra[key])
        assert score.paragraph_f1 >= 0.98, (where, score.paragraph_f1)
        assert not score.spoken_furniture, (where, score.spoken_furniture)
        assert score.articles[0] == score.articles[1], (where, "articles read/gold", score.articles)


@pytest.mark.parametrize("name", [e.spec.name for e in committed()])
def test_committed_pages_read_as_the_gold(name: str) -> None:
    gold = _gold(name)
    pages = [page for file in gold["files"] for page in read_pdf(CORPUS / name / file)]  # type: ignore[attr-defined]
    _assert_read(pages, gold["pages"])  # type: ignore[arg-type]


@pytest.mark.parametrize("name", [e.spec.name for e in committed()])
def test_committed_pages_list_their_furniture(name: str) -> None:
    gold = _gold(name)
    pages = [page for file in gold["files"] for page in read_pdf(CORPUS / name / file)]  # type: ignore[attr-defined]
    for page, page_gold in zip(pages, gold["pages"], strict=True):  # type: ignore[call-overload]
        listed = flat("".join(item.text for item in page.furniture))
        kinds = {item.kind.value for item in page.furniture}
        for item in page_gold["furniture"]:
            assert flat(item["text"]) in listed, (page_gold["number"], item)
            assert item["kind"] in kinds, (page_gold["number"], item["kind"], kinds)


def test_page_numbers_come_from_the_folio() -> None:
    pages = read_pdf(CORPUS / "edition-4p" / "edition.pdf")
    assert [p.number for p in pages] == [1, 2, 3, 4]
    assert [p.source for p in pages] == [
        f"{CORPUS / 'edition-4p' / 'edition.pdf'}#page={n}" for n in (1, 2, 3, 4)
    ]


@pytest.mark.parametrize(
    "name,files",
    [("edition-4p", ["edition.pdf"]), ("jump-split", ["2024-03-05-02.pdf", "2024-03-05-01.pdf"])],
)
def test_an_edition_stitches_its_jump_across_pdf_pages(name: str, files: list[str]) -> None:
    gold = _gold(name)
    edition = read_edition([CORPUS / name / f for f in files])  # given out of order: the folios order them
    assert [a.headline for a in edition.articles] == [a["headline"] for a in gold["articles"]]  # type: ignore[index]
    jumped = [a for a in gold["articles"] if len(a["pages"]) > 1]  # type: ignore[attr-defined]
    assert jumped
    for want in jumped:
        got = next(a for a in edition.articles if a.headline == want["headline"])
        assert got.pages == tuple(want["pages"])
        assert [flat(p) for p in got.paragraphs] == [flat(p) for p in want["paragraphs"]]
    assert not [w for w in edition.warnings if "jump" in w.message]
    assert edition.sources == tuple(str(CORPUS / name / f) for f in sorted(files))


@settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=NO_SHRINK
)
@given(
    drawn=fresh_pages(
        leadings=[1.2, 1.3, 1.5, 1.6, 1.75, 1.8],
        drawings=st.fixed_dictionaries(
            {
                "fake_bold": st.booleans(),
                "tracking": st.sampled_from([0.0, 0.3, 0.6]),  # wider runs a headline out of its cell
                "box_style": st.sampled_from(["rect", "sides", "none"]),
                "row_rules": st.booleans(),
                "gutter_mm": st.sampled_from([4.0, 5.0, 6.0, 8.0]),
                "body_font": st.sampled_from(["serif", "sans"]),
                "body_size": st.sampled_from([9.0, 9.5, 10.5]),
                "cell_rules": st.booleans(),
                "folio_at_foot": st.booleans(),
            }
        ),
    )
)
def test_fresh_typeset_pages_read_as_their_gold(
    tmp_path_factory: pytest.TempPathFactory, drawn: tuple[int, PageSpec]
) -> None:
    # How it is drawn (fake bold, letter-spacing, boxes of four rules or none, rows without rules,
    # narrow gutters, sans body) changes the PDF, never the gold; its words come from pool A or B.
    _, page = drawn
    spec = EditionSpec("fresh", (page,))
    pdf = typeset(spec, tmp_path_factory.mktemp("page") / "page.pdf")
    _assert_read(read_pdf(pdf), [spec.gold()["pages"][0]])


def test_a_credit_in_brackets_broken_after_its_first_name_is_no_byline_line(tmp_path: Path) -> None:
    # A property test's page in pool B's words: 本报讯（记者 叶知秋 / 通讯员 邵一帆）国际货… breaks
    # the bracketed credit over two lines; the second opens on 通讯员 as a byline alone does, but
    # its bracket closes with the paragraph running on after it: body text, not a byline.
    page = make_page(
        random.Random(402621),
        6,
        columns=6,
        leading=1.2,
        headlines_drawn_after=True,
        chart=True,
        index=True,
        rows=2,
        jump_to=3,
        stacks=True,
        pool=POOLS["B"],
    )
    page = replace(page, tracking=0.3, box_style="none", gutter_mm=8.0, body_size=9.5, cell_rules=True)
    spec = EditionSpec("credit", (replace(page, lead_body_size=10.5),))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    (story,) = [a for a in read[0].articles if a.byline and "通讯员" in a.byline and a.dateline == "本报讯"]
    assert story.paragraphs[0].startswith("国际货币基金组织")
    _assert_read(read, [spec.gold()["pages"][0]])


def test_a_space_left_at_a_line_end_in_the_gutter_does_not_join_two_columns(tmp_path: Path) -> None:
    # A property test's page in pool B's words: 本报讯（记者 韩冰　欧阳晓光） breaks at the
    # ideographic space between the names; the space stays at the line's end, drawn into a 4 mm
    # gutter up to the first character of the story's next column, on the same baseline.
    page = make_page(
        random.Random(3),
        4,
        columns=4,
        leading=1.2,
        headlines_drawn_after=True,
        head_tiers=False,
        ad=True,
        photo=False,
        chart=True,
        rows=3,
        jump_to=3,
        stacks=True,
        pool=POOLS["B"],
    )
    page = replace(page, tracking=0.3, box_style="none", gutter_mm=4.0, body_size=10.5, cell_rules=True)
    spec = EditionSpec("gutter-space", (page,))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    (story,) = [a for a in read[0].articles if a.byline and "韩冰" in a.byline]
    # The names stay apart where the line broke between them, as an editor and a voice need them.
    assert story.byline == "记者 韩冰 欧阳晓光"
    assert story.paragraphs[0].startswith("最终，")
    _assert_read(read, [spec.gold()["pages"][0]])


def test_a_headline_set_across_columns_is_not_joined_to_the_next_column_top(tmp_path: Path) -> None:
    # The property test's page (seed 2): the last story's letter-spaced headline runs over a third
    # column its short body leaves empty, so its last characters end a column with nothing under
    # them, a gutter left of the lead headline's last character at the top of the next column.
    page = make_page(
        random.Random(2), 3, columns=4, leading=1.2, headlines_drawn_after=True, head_tiers=False, rows=4
    )
    page = replace(page, fake_bold=True, tracking=0.6, row_rules=False, gutter_mm=8.0, body_font="sans")
    spec = EditionSpec("across", (replace(page, body_size=10.5),))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    assert not [w for w in read[0].warnings if "next column" in w.message]
    _assert_read(read, [spec.gold()["pages"][0]])


def _tiered_page(body_size: float, columns: int, subtitle: bool = False) -> EditionSpec:
    """One story across ``columns`` columns under a 14 pt kicker and a headline 1.3 times the plain
    size (a 14 pt subtitle under it too with ``subtitle``)."""
    story = Story(
        subtitle="老厂房变身宜居社区" if subtitle else None,
        headline="河畔新城迎来第一批住户",
        kicker="城市更新观察",
        dateline="本报讯",
        paragraphs=(
            "清晨六点，河畔新城的第一批住户拿到了钥匙，小区门口排起了长队。" * 3,
            "物业负责人说，新小区配建了幼儿园、卫生站和社区食堂，老人孩子都方便。" * 3,
        ),
    )
    page = PageSpec(
        number=2,
        columns=columns,
        rows=((StoryBlock(story, span=columns),),),
        body_size=body_size,
        kicker_size=14.0,
        subtitle_size=14.0,
        headline_scale=1.3,
    )
    return EditionSpec("tiers", (page,))


def test_a_kicker_set_tight_over_a_large_headline_stays_its_kicker(tmp_path: Path) -> None:
    # Another paper's house: a 14 pt 引题 half an em over a 32 pt headline. The headline's glyph box
    # reaches above its ink by a tenth of its size, over the kicker's last points.
    (article,) = read_pdf(typeset(_tiered_page(9.0, 5), tmp_path / "page.pdf"))[0].articles
    assert (article.kicker, article.headline) == ("城市更新观察", "河畔新城迎来第一批住户")
    assert article.paragraphs[0].startswith("清晨六点")


def test_a_kicker_in_a_headlines_size_for_the_body_is_still_a_kicker(tmp_path: Path) -> None:
    # A 14 pt kicker over an 8.5 pt body is as large as a headline is to that body; set in the
    # regular weight right over the bold headline, it is the headline's kicker, not a story's head.
    (article,) = read_pdf(typeset(_tiered_page(8.5, 6), tmp_path / "page.pdf"))[0].articles
    assert (article.kicker, article.headline) == ("城市更新观察", "河畔新城迎来第一批住户")
    assert article.paragraphs[0].startswith("清晨六点")


def test_a_subtitle_whose_box_runs_a_sixth_into_the_headlines_is_its_subtitle(tmp_path: Path) -> None:
    # A fresh page of pool B in a house of its own: a 12 pt subtitle tight under a 34 pt headline
    # with a comma in it, whose line box reaches 5 pt under the subtitle's top.
    page = random_page(1515, "B", "random")
    spec = EditionSpec("house", (page,))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    (story,) = [a for a in read[0].articles if a.headline and a.headline.startswith("一份判决书")]
    assert story.subtitle == "前三季度实现进出口总额1.2万亿元"
    _assert_read(read, [spec.gold()["pages"][0]])


@pytest.mark.parametrize("credit", ["文/图 本报记者 洪晓玲", "文/本报记者 庄一凡 图/戴明亮", "摄影／ 柯伟"])
def test_a_credit_line_of_roles_and_slashes_is_the_byline_over_the_columns(
    tmp_path: Path, credit: str
) -> None:
    # Pool E's papers credit a story on its own line, each name after its role and a slash (文/图
    # 王明, 文/王明 图/李华), centred over the columns in the body's type: a byline, not the body's
    # first line, and not a line across the gutter that would join the two columns into one.
    story = Story(
        headline="河畔新城迎来第一批住户",
        byline=credit,
        byline_style="own_line",
        paragraphs=(
            "清晨六点，河畔新城的第一批住户拿到了钥匙，小区门口排起了长队。" * 4,
            "物业负责人说，新小区配建了幼儿园、卫生站和社区食堂，老人孩子都方便。" * 4,
        ),
    )
    page = PageSpec(number=2, columns=2, rows=((StoryBlock(story, span=2),),))
    spec = EditionSpec("credit-line", (page,))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    (article,) = read[0].articles
    assert flat(article.byline or "") == flat(credit)
    assert article.paragraphs[0].startswith("清晨六点")
    _assert_read(read, [spec.gold()["pages"][0]])


def test_a_news_sites_dateline_is_the_dateline_not_the_body(tmp_path: Path) -> None:
    # 央视网消息（记者 …）: a site's report opens the story as 本报讯 does; its body starts after it.
    story = Story(
        headline="河畔新城迎来第一批住户",
        dateline="央视网消息",
        byline="记者 庄一凡",
        byline_style="after_dateline",
        paragraphs=("清晨六点，河畔新城的第一批住户拿到了钥匙，小区门口排起了长队。" * 4,),
    )
    spec = EditionSpec("site", (PageSpec(number=2, columns=2, rows=((StoryBlock(story, span=2),),)),))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    (article,) = read[0].articles
    assert (article.dateline, article.byline) == ("央视网消息", "记者 庄一凡")
    assert article.paragraphs[0].startswith("清晨六点")
    _assert_read(read, [spec.gold()["pages"][0]])


@pytest.mark.parametrize(
    ("dateline", "byline"),
    [
        ("本报张掖讯", "首席记者 何舟"),  # a town and no date
        ("【中新社敦煌8日电】", "记者 何舟"),  # in lenticular brackets
        ("据湘江新闻", "特派记者 何舟"),  # a broadcaster's report reprinted
        # Outlets no list names, known by their names' shape (…网, …社) and a sure close.
        ("云岭财讯网讯", "记者 何舟"),
        ("海岳经济网昆明3月18日讯", "记者 何舟/柯伟"),
        ("据鹭江社4月29日电", "记者 何舟"),
    ],
)
def test_a_dateline_of_any_paper_is_the_dateline_not_the_body(
    tmp_path: Path, dateline: str, byline: str
) -> None:
    # Regional papers date their own reports by the town alone, some set the wire's dateline in
    # 【】, some reprint a broadcaster's report after 据: the body starts after it and its credit.
    story = Story(
        headline="沙洲夜市延长营业时间",
        dateline=dateline,
        byline=byline,
        byline_style="after_dateline",
        paragraphs=("入冬以来，沙洲夜市的摊位从八十个增加到一百二十个，营业时间延长到晚上十点。" * 4,),
    )
    spec = EditionSpec("town", (PageSpec(number=2, columns=2, rows=((StoryBlock(story, span=2),),)),))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    (article,) = read[0].articles
    assert (article.dateline, flat(article.byline or "")) == (dateline, flat(byline))
    assert article.paragraphs[0].startswith("入冬以来")
    _assert_read(read, [spec.gold()["pages"][0]])


@pytest.mark.parametrize(
    "dateline",
    [
        "据海岳社5月18日电",  # the body runs on after 电 on the dateline's line
        "据海岳财讯社5月8日电",  # the line breaks after 日, 电 opening the next line
        "据滨江财经社12月18日电",  # the line breaks inside the date
    ],
)
def test_a_dated_wire_dateline_before_a_word_its_close_could_open_is_the_dateline(
    tmp_path: Path, dateline: str
) -> None:
    # After a date, 电 closes a wire's dateline: a body opening on 商 (商务部门…) or 子 would read as
    # 电商, 电子 run on from it, but the dateline is still the dateline and the body starts after it.
    story = Story(
        headline="外贸企业开拓新兴市场",
        dateline=dateline,
        paragraphs=(
            "商务部门的数据显示，一季度对新兴市场的出口增速明显快于传统市场，机电产品占比继续提高。" * 3,
            "企业负责人说，新订单排到了三季度，工厂正在招收熟练工人。" * 3,
        ),
    )
    page = PageSpec(number=2, columns=2, rows=((StoryBlock(story, span=2),),))
    spec = EditionSpec("wire", (page,))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    (article,) = read[0].articles
    assert article.dateline == dateline
    assert article.paragraphs[0].startswith("商务部门")
    _assert_read(read, [spec.gold()["pages"][0]])


def test_a_paragraph_opening_on_a_day_and_a_word_电_opens_is_not_a_dateline(tmp_path: Path) -> None:
    # A day alone and 电视台 after it: running text naming an outlet and a day, not a wire's dateline.
    story = Story(
        headline="防汛演练在江堤举行",
        paragraphs=(
            "新华社北京6日电视台记者在江堤上看到，抢险队员正在加固堤坝，水位仍在缓慢上涨。" * 2,
            "当地气象部门预计，未来三天仍有较强降雨，各乡镇已经安排人员昼夜值守。" * 3,
        ),
    )
    page = PageSpec(number=2, columns=2, rows=((StoryBlock(story, span=2),),))
    spec = EditionSpec("wire", (page,))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    (article,) = read[0].articles
    assert article.dateline is None
    assert article.paragraphs[0].startswith("新华社北京6日电视台")
    _assert_read(read, [spec.gold()["pages"][0]])


@pytest.mark.parametrize("credit", ["本报首席记者 何舟", "驻站记者 何舟 柯伟", "本报特派记者 何舟、柯伟"])
def test_a_byline_with_a_rank_before_the_role_is_the_byline_not_the_body(tmp_path: Path, credit: str) -> None:
    # A rank or post before the role (首席, 特派, 驻站…), whatever it is called: the line is the role
    # and names alone, so it is the story's byline and the body starts under it.
    story = Story(
        headline="沙洲夜市延长营业时间",
        byline=credit,
        byline_style="own_line",
        paragraphs=(
            "入冬以来，沙洲夜市的摊位从八十个增加到一百二十个，营业时间延长到晚上十点。" * 4,
            "管理处说，夜市新设了两处公共卫生间和一个停车场，周末还有民乐演出。" * 4,
        ),
    )
    page = PageSpec(number=2, columns=2, rows=((StoryBlock(story, span=2),),))
    spec = EditionSpec("ranked", (page,))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    (article,) = read[0].articles
    assert flat(article.byline or "") == flat(credit)
    assert article.paragraphs[0].startswith("入冬以来")
    _assert_read(read, [spec.gold()["pages"][0]])


@pytest.mark.parametrize(
    "credit",
    [
        "□本报记者 何舟",  # a mark before the role
        "◎记者 何舟 实习生 柯伟",  # two roles, each with its names
        "特约撰稿人 何舟",  # a contributor, no 记者 at all
        "■全媒体记者 何舟 柯伟 综合报道",  # a rank, and where the story was put together
        "本报特约评论员 柯伟",
        "□记者 阿依古丽·买买提 何舟",  # a name of two parts set apart by ·, however long
    ],
)
def test_a_marked_credit_of_any_role_is_the_byline_not_the_body(tmp_path: Path, credit: str) -> None:
    # Financial papers set the credit under the heads with a mark before it (□ ◎ ■) and credit
    # contributors and commentators as well as reporters: the line is roles and names alone, the
    # story's byline, and the columns under it are read side by side, not line by line across.
    story = Story(
        headline="港口集装箱吞吐量稳步回升",
        byline=credit,
        byline_style="own_line",
        paragraphs=(
            "开春以来，沿海港口的集装箱吞吐量逐月回升，航线也比去年同期多出十余条。" * 4,
            "码头负责人说，新投用的自动化堆场让装卸效率提高了三成，夜班船舶不再排队。" * 4,
        ),
    )
    page = PageSpec(number=2, columns=2, rows=((StoryBlock(story, span=2),),), byline_size=9.0)
    spec = EditionSpec("marked", (page,))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    (article,) = read[0].articles
    assert flat(article.byline or "") == flat(credit)
    assert article.paragraphs[0].startswith("开春以来")
    _assert_read(read, [spec.gold()["pages"][0]])


@pytest.mark.parametrize(
    "credit",
    ["□本报记者 何舟", "（本报记者 何舟 柯伟 北京报道）", "本报记者 何舟 综合报道", "特约撰稿人 柯伟"],
)
def test_a_credit_set_alone_under_the_body_is_the_byline_not_a_paragraph(tmp_path: Path, credit: str) -> None:
    # Some papers credit a story under its last paragraph, on a line of its own, maybe in brackets:
    # read as a paragraph of its own, it is the byline and is not spoken as the story's words.
    body = (
        "开春以来，沿海港口的集装箱吞吐量逐月回升，航线也比去年同期多出十余条。" * 4,
        "码头负责人说，新投用的自动化堆场让装卸效率提高了三成，夜班船舶不再排队。" * 4,
    )
    story = Story(headline="港口集装箱吞吐量稳步回升", paragraphs=(*body, credit))
    page = PageSpec(number=2, columns=2, rows=((StoryBlock(story, span=2),),))
    read = read_pdf(typeset(EditionSpec("credit-under", (page,)), tmp_path / "page.pdf"))
    (article,) = read[0].articles
    assert flat(article.byline or "") == flat(credit.strip("（）"))
    assert [flat(p) for p in article.paragraphs] == [flat(p) for p in body]


@pytest.mark.parametrize("tracking", [0.15, 0.3])
def test_a_headline_of_two_phrases_drawn_in_two_runs_is_one_headline(tmp_path: Path, tracking: float) -> None:
    # A letter-spaced headline of two phrases a word space apart (figures, then words), centred over
    # a lead story with a kicker and a subtitle, is drawn in two runs with the subtitle between: too
    # far apart for one line's characters, its second phrase is still the headline's, not a subhead.
    story = Story(
        headline="PMI升至50.8% GDP增速回升",
        kicker="春耕时节看农资市场：供应充足 价格平稳",
        subtitle="化肥出厂价连续三周小幅回落",
        paragraphs=(
            "开春以来，农资市场供应充足，化肥、种子和农药价格总体平稳，部分品种还略有回落。" * 4,
            "经销商说，今年农户订货比往年早了半个月，合作社集中采购也压低了成本。" * 4,
        ),
    )
    page = PageSpec(
        number=2,
        columns=6,
        rows=((StoryBlock(story, span=6),),),
        centered_headlines=True,
        headline_scale=1.3,
        page_width_mm=297.0,
        body_size=10.0,
        tracking=tracking,
    )
    spec = EditionSpec("two-runs", (page,))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    (article,) = read[0].articles
    assert flat(article.headline or "") == flat(story.headline)
    assert not read[0].warnings
    _assert_read(read, [spec.gold()["pages"][0]])


def test_one_line_briefs_in_a_wide_box_are_a_brief_each(tmp_path: Path) -> None:
    # A broadsheet's 简讯 box across the page, its columns wide enough for each brief to fit on
    # one line: every line opens a brief (all at one indent, none set full), each ends a sentence.
    texts = (
        "市图书馆夜间开放时间延长至晚上九点。",
        "东湖公园北门改造完工，周末起恢复通行，游客可从地铁站步行入园。",
        "全市首批二十个社区托育点挂牌，每个可收托幼儿三十名。",
    )
    box = BriefsBox(tuple(Story(headline=None, paragraphs=(t,), section="简讯") for t in texts), span=5)
    lead = Story(
        headline="老街巷焕发新活力",
        paragraphs=("入冬以来，老城区十二条街巷完成了路面翻新和管线入地，沿街商户陆续重新开张。" * 3,),
    )
    page = PageSpec(
        number=2,
        columns=5,
        rows=((StoryBlock(lead, span=5),), (box,)),
        body_size=10.0,
        page_width_mm=330.0,
        paragraph_spacing=0.0,
    )
    spec = EditionSpec("wide-briefs", (page,))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    assert [a.paragraphs for a in read[0].articles if a.section == "简讯"] == [(t,) for t in texts]


def test_a_subtitle_over_a_byline_in_its_own_size_is_a_subtitle(tmp_path: Path) -> None:
    # A house that sets the 副题 and the byline under it in one size (10 pt over a 9.5 pt body):
    # the byline is no more lines of the subtitle's text.
    story = Story(
        headline="山里娃的第一堂航模课",
        subtitle="——写在县青少年科技节开幕之际",
        byline="本报记者 王小川",
        byline_style="own_line",
        paragraphs=("周六上午，县少年宫的操场上，三十多架航模依次升空，孩子们的欢呼声此起彼伏。" * 3,),
    )
    page = PageSpec(
        number=2,
        columns=4,
        rows=((StoryBlock(story, span=2),),),
        subtitle_size=10.0,
        byline_size=10.0,
    )
    (article,) = read_pdf(typeset(EditionSpec("byline", (page,)), tmp_path / "page.pdf"))[0].articles
    assert (article.subtitle, article.byline) == ("——写在县青少年科技节开幕之际", "本报记者 王小川")
    assert article.paragraphs[0].startswith("周六上午")


def test_headlines_of_two_sizes_a_gutter_apart_on_one_baseline_are_two(tmp_path: Path) -> None:
    # A fresh page in a house of its own: a 21 pt headline fills its two-column story's width,
    # flush left, a 4 mm gutter short of the 28.5 pt headline of the story beside it, on about the
    # same baseline. Two headlines, not one line.
    page = random_page(2193, "A", "random")
    spec = EditionSpec("house", (page,))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    headlines = [a.headline for a in read[0].articles]
    assert "社区食堂端出“幸福味道”" in headlines and "数字政务让群众少跑腿" in headlines
    _assert_read(read, [spec.gold()["pages"][0]])


def test_an_unruled_box_title_drawn_right_after_a_headline_is_not_part_of_it(tmp_path: Path) -> None:
    # A fresh page in a house of its own: an unruled 简讯 box's 13 pt title, a 3 mm gutter and a
    # column away from a 24.5 pt headline, drawn right after it on about its baseline. It titles
    # the box; the headline stays the story's own.
    page = random_page(2303, "A", "random")
    spec = EditionSpec("house", (page,))
    read = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    assert "草原牧区迎来新一轮春耕备耕" in [a.headline for a in read[0].articles]
    _assert_read(read, [spec.gold()["pages"][0]])


def test_a_subtitle_in_a_headlines_size_for_the_body_is_still_a_subtitle(tmp_path: Path) -> None:
    # The same under the headline: a regular-weight 14 pt 副题 over an 8.5 pt body is no second line
    # of the bold headline above it.
    (article,) = read_pdf(typeset(_tiered_page(8.5, 6, subtitle=True), tmp_path / "page.pdf"))[0].articles
    assert (article.kicker, article.headline, article.subtitle) == (
        "城市更新观察",
        "河畔新城迎来第一批住户",
        "老厂房变身宜居社区",
    )
    assert article.paragraphs[0].startswith("清晨六点")


@settings(
    max_examples=max(2, EXAMPLES // 3),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=NO_SHRINK,
)
@given(
    seed=st.integers(0, 2**32 - 1),
    columns=st.tuples(st.sampled_from([4, 5, 6]), st.sampled_from([4, 5, 6])),
    split=st.booleans(),
)
def test_fresh_editions_stitch_their_jump(
    tmp_path_factory: pytest.TempPathFactory, seed: int, columns: tuple[int, int], split: bool
) -> None:
    spec = jumping_edition(seed, "fresh", columns)
    folder = tmp_path_factory.mktemp("edition")
    if split:  # one PDF a page, given in reverse: the folios put them in order
        files = [
            typeset(EditionSpec("p", (page,)), folder / f"p{page.number}.pdf")
            for page in reversed(spec.pages)
        ]
    else:
        files = [typeset(spec, folder / "edition.pdf")]
    edition = read_edition(files)
    gold = spec.gold()["articles"]
    assert [a.headline for a in edition.articles] == [a["headline"] for a in gold]
    for got, want in zip(edition.articles, gold, strict=True):
        assert [flat(p) for p in got.paragraphs] == [flat(p) for p in want["paragraphs"]]
        assert got.pages == tuple(want["pages"])
    assert not edition.warnings
