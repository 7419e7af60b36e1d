"""Briefs boxes drawn without a frame (a house that sets its boxes apart by white space alone), or
with one whose items are a line each: read as briefs whatever their titles, not as a story under a
headline nor as more columns of the story beside them. Pages from both real typesetters, in words
of no pool (a paper's own titles: 乡里短波, 街巷新闻)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from audio_edition.text.pdf import read_pdf
from tests.typeset import reportlab_pages
from tests.typeset.page_score import flat, score_page
from tests.typeset.pages import BriefsBox, EditionSpec, FurnitureBlock, PageSpec, Story, StoryBlock
from tests.typeset.reportlab_text_route import _drawn_page
from tests.typeset.typeset import typeset

_BODY = (
    "春耕时节，城郊的育秧工厂里一派忙碌景象，工人们正在查看秧苗长势，调节大棚温度。",
    "今年全区新建智能育秧中心六处，可供应两万亩稻田用秧，比去年多出一半。",
    "负责人介绍，秧苗从播种到移栽只需二十多天，比传统育秧缩短近一周。",
    "不少农户说，用上工厂化育秧后，一亩地能省下两个工，秧苗也更整齐。",
)
_OTHER = (
    "新开通的社区巴士每天往返老城和高铁站，每隔二十分钟一班，方便了周边居民出行。",
    "运营方表示，将根据乘客意见调整站点，并在早晚高峰加密班次。",
)
_AD = FurnitureBlock("ad", ("老字号糕点 中秋预订",), span=1, title="广告")
_TITLE = "街巷新闻"


def _brief(text: str, dateline: str | None = None, byline: str | None = None) -> Story:
    return Story(
        None,
        (text,),
        section=_TITLE,
        dateline=dateline,
        byline=byline,
        byline_style="at_end" if byline else "none",
    )


_CREDITED = (
    _brief("老城区三处菜市场完成改造，摊位统一换上电子秤。", dateline="本报6月3日讯", byline="何静"),
    _brief("市少年宫暑期开设游泳、围棋等十六个免费班。", byline="林木"),
    _brief("北环路夜间施工期间，两条公交线路临时改道。"),
)


def _briefs_read(pdf: Path) -> tuple[list[tuple[str, ...]], list[str]]:
    """The briefs read off the page (each one's paragraphs), and every article's headline."""
    (page,) = read_pdf(pdf)
    briefs = [tuple(a.paragraphs) for a in page.articles if a.section == _TITLE]
    return briefs, [flat(a.headline or "") for a in page.articles]


def _beside(**house: object) -> EditionSpec:
    """A story with the briefs box in the right-hand column beside it, then a story over an ad."""
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY), span=3), BriefsBox(_CREDITED, span=1, title=_TITLE)),
        (StoryBlock(Story("社区巴士通到家门口", _OTHER), span=3), _AD),
    )
    page = PageSpec(number=2, columns=4, rows=rows)
    return EditionSpec("unruled", (replace(page, **house),))  # type: ignore[arg-type]


def test_an_unruled_box_of_briefs_beside_a_story_is_read_as_briefs(tmp_path: Path) -> None:
    spec = _beside(box_style="none")
    briefs, headlines = _briefs_read(typeset(spec, tmp_path / "page.pdf"))
    assert briefs == [b.paragraphs for b in _CREDITED]
    assert headlines == ["育秧工厂赶农时", "", "", "", "社区巴士通到家门口"]


def test_an_unruled_box_of_briefs_across_the_page_is_read_as_briefs(tmp_path: Path) -> None:
    # The box spans the row; its title is centred over it, not over its items' column.
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY), span=4),),
        (BriefsBox(_CREDITED, span=4, title=_TITLE),),
    )
    spec = EditionSpec("across", (PageSpec(number=2, columns=4, rows=rows, box_style="none"),))
    briefs, headlines = _briefs_read(typeset(spec, tmp_path / "page.pdf"))
    assert briefs == [b.paragraphs for b in _CREDITED]
    assert headlines == ["育秧工厂赶农时", "", "", ""]


def test_reportlab_briefs_set_unruled_beside_a_headline_are_not_the_story_s_last_column(
    tmp_path: Path,
) -> None:
    # ReportLab sets the box's title level with the story's headline, its items in the last column.
    spec = _beside(box_style="none")
    pdf = reportlab_pages.typeset(spec, tmp_path / "page.pdf")
    briefs, headlines = _briefs_read(pdf)
    assert briefs == [b.paragraphs for b in _CREDITED]
    assert headlines == ["育秧工厂赶农时", "", "", "", "社区巴士通到家门口"]


def test_briefs_of_a_line_each_are_told_apart_by_their_indents(tmp_path: Path) -> None:
    # A wide ruled box: the first brief's credit breaks, two characters on a line of their own; the
    # others fit on one line each: their indents stand out from that short line, the only one set
    # full left, which ends where they begin.
    briefs = (
        _brief("老城区三处菜市场完成改造，摊位换上电子秤。", byline="何静"),  # （何 | 静）
        _brief("市少年宫开设十六个免费班。", byline="林木"),
        _brief("北环路夜间施工，两条公交线路临时改道。"),
    )
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY), span=4),),
        (BriefsBox(briefs, span=4, title=_TITLE),),
    )
    spec = EditionSpec("one-line", (PageSpec(number=2, columns=4, rows=rows),))
    read, headlines = _briefs_read(typeset(spec, tmp_path / "page.pdf"))
    assert read == [b.paragraphs for b in briefs]
    assert headlines == ["育秧工厂赶农时", "", "", ""]


def test_a_credit_closing_a_brief_before_the_last_marks_a_box_of_briefs(tmp_path: Path) -> None:
    # A dateline opening the first item and a credit closing the second: a story's credit closes
    # its last paragraph only.
    briefs = (
        _brief("老城区三处菜市场完成改造，摊位统一换上电子秤。", dateline="本报14日讯"),
        _brief("市少年宫暑期开设游泳、围棋等十六个免费班。", byline="林木"),
        _brief("北环路夜间施工期间，两条公交线路临时改道。"),
    )
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY), span=3), BriefsBox(briefs, span=1, title=_TITLE)),
        (StoryBlock(Story("社区巴士通到家门口", _OTHER), span=3), _AD),
    )
    spec = EditionSpec("credit", (PageSpec(number=2, columns=4, rows=rows),))
    read, headlines = _briefs_read(typeset(spec, tmp_path / "page.pdf"))
    assert read == [b.paragraphs for b in briefs]
    assert headlines == ["育秧工厂赶农时", "", "", "", "社区巴士通到家门口"]


def test_reportlab_briefs_of_a_line_each_in_two_columns_of_a_box(tmp_path: Path) -> None:
    # Every line set in alike, none full left to measure an indent by: each brief ends short of
    # the column on a sentence's close, and the first column's last line ends the second brief.
    briefs = (
        _brief("记者获悉，七条夜间公交线路将于月底开通。"),
        _brief("环岛路部分路段昨日一度积水，已恢复通行。", dateline="本报6日讯"),
        _brief("市博物馆延长夏季开放时间，周末开放至晚九点。"),
    )
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY), span=4),),
        (BriefsBox(briefs, span=4, title=_TITLE),),
    )
    spec = EditionSpec("two-columns", (PageSpec(number=2, columns=4, rows=rows),))
    read, headlines = _briefs_read(reportlab_pages.typeset(spec, tmp_path / "page.pdf"))
    assert read == [b.paragraphs for b in briefs]
    assert headlines == ["育秧工厂赶农时", "", "", ""]


@pytest.mark.parametrize(("photo", "body"), [(False, 9.5), (True, 10.5)])
def test_reportlab_index_set_unruled_beside_a_headline_is_not_spoken(
    tmp_path: Path, photo: bool, body: float
) -> None:
    # In a cell of its own (its title in headline size), or in the story's cell beside its headline.
    index = FurnitureBlock(
        "index",
        ("B03  春茶开采了", "山里的图书馆  B7", "C02  高铁新站封顶：城北枢纽明年通车"),
        span=1,
        title="版面速览",
    )
    caption = "图为工人在育秧大棚里查看秧苗。　本报记者 方圆 摄" if photo else None
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY), span=3, photo_caption=caption), index),
        (StoryBlock(Story("社区巴士通到家门口", _OTHER), span=3), _AD),
    )
    page = PageSpec(number=2, columns=4, rows=rows, box_style="none", body_size=body)
    spec = EditionSpec("index", (page,))
    pdf = reportlab_pages.typeset(spec, tmp_path / "page.pdf")
    (read,) = read_pdf(pdf)
    assert [flat(a.headline or "") for a in read.articles] == ["育秧工厂赶农时", "社区巴士通到家门口"]
    assert not score_page(read.articles, spec.gold()["pages"][0]).spoken_furniture


@pytest.mark.parametrize(
    ("typesetter", "box_style"), [("typst", "rect"), ("reportlab", "rect"), ("typst", "none")]
)
def test_a_box_of_short_items_holds_briefs_though_they_mark_it_as_a_story_would(
    tmp_path: Path, typesetter: str, box_style: str
) -> None:
    # A dateline opening the first item, a credit closing the last: as a story's would; but three
    # items of a sentence each under a box's title (ruled, or unruled and centred over them in a
    # row of its own) are briefs.
    briefs = (
        _brief("记者获悉，七条夜间公交线路将于月底开通，票价两元。", dateline="本报讯"),
        _brief("本周六上午，中山公园将举办换书大集，市民可带旧书来换。"),
        _brief("市博物馆延长夏季开放时间，周五、周六开放至晚九点。", byline="柯伟"),
    )
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY), span=3), _AD),
        (BriefsBox(briefs, span=4, title=_TITLE),),
    )
    page = PageSpec(number=2, columns=4, rows=rows, body_size=10.5, box_style=box_style)  # type: ignore[arg-type]
    spec = EditionSpec("short", (page,))
    make = typeset if typesetter == "typst" else reportlab_pages.typeset
    read, headlines = _briefs_read(make(spec, tmp_path / "page.pdf"))
    assert read == [b.paragraphs for b in briefs]
    assert headlines == ["育秧工厂赶农时", "", "", ""]


def test_an_index_whose_items_page_codes_break_onto_lines_of_their_own_is_not_spoken(tmp_path: Path) -> None:
    # A narrow box: two items' codes (C2, B9) wrap alone onto the next line.
    index = FurnitureBlock(
        "index",
        ("山里的图书馆  B7", "高铁新站封顶城北枢纽明年通车运  C2", "老城墙修缮工程今年秋天完工开放  B9"),
        span=1,
        title="版面速览",
    )
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY), span=3), index),
        (StoryBlock(Story("社区巴士通到家门口", _OTHER), span=3), _AD),
    )
    spec = EditionSpec("codes", (PageSpec(number=2, columns=4, rows=rows, box_style="sides", body_size=8.5),))
    pdf = reportlab_pages.typeset(spec, tmp_path / "page.pdf", reportlab_pages.Drawing(column_mm=52.0))
    (read,) = read_pdf(pdf)
    assert [flat(a.headline or "") for a in read.articles] == ["育秧工厂赶农时", "社区巴士通到家门口"]
    assert not score_page(read.articles, spec.gold()["pages"][0]).spoken_furniture


def test_an_index_of_short_items_is_no_box_of_briefs(tmp_path: Path) -> None:
    # Three items of a line or two, as short as briefs, under an index's title, their page codes
    # broken off: an index's.
    index = FurnitureBlock(
        "index",
        ("“小菜篮”里的大民生  第5版", "山区小学用上了智慧黑板  第6版", "冬泳爱好者迎来开湖日  第7版"),
        span=1,
        title="今日导读",
    )
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY), span=3), index),
        (StoryBlock(Story("社区巴士通到家门口", _OTHER), span=3), _AD),
    )
    page = PageSpec(number=2, columns=4, rows=rows, body_size=8.5, tracking=0.05, gutter_mm=3.0)
    spec = EditionSpec("index", (page,))
    (read,) = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    assert [flat(a.headline or "") for a in read.articles] == ["育秧工厂赶农时", "社区巴士通到家门口"]
    assert not score_page(read.articles, spec.gold()["pages"][0]).spoken_furniture


@pytest.mark.parametrize(
    ("seed", "pool"),
    [
        (24513, "B"),  # a column of one-line briefs (all at one x), the first its longest
        (24511, "B"),  # a brief's credit （林立） broken alone onto the top of the next column
        (24408, "C"),  # likewise
        (22217, "D"),  # a brief run on, mid-sentence, into a column of one line: no new brief
    ],
)
def test_reportlab_random_pages_with_briefs_in_columns_read_as_their_gold(
    tmp_path: Path, seed: int, pool: str
) -> None:
    # Pages of the ReportLab property run in a random house, each a box of briefs over two or three
    # columns whose edges show no indent to measure by.
    page, drawing = _drawn_page(seed, pool, "random")
    spec = EditionSpec(f"fresh-{seed}", (page,))
    (read,) = read_pdf(reportlab_pages.typeset(spec, tmp_path / "page.pdf", drawing))
    score = score_page(read.articles, spec.gold()["pages"][0])
    assert score.paragraph_f1 >= 0.98, score.paragraph_f1
    assert score.articles[0] == score.articles[1], score.articles


def test_a_short_story_under_a_centred_headline_beside_unruled_briefs_stays_a_story(tmp_path: Path) -> None:
    # Its headline, centred over two columns of short paragraphs, is set larger than a box's title:
    # the story is no box of briefs.
    briefs = (
        _brief("老城区三处菜市场完成改造，摊位统一换上了电子秤。", byline="何静"),
        _brief("市少年宫暑期开设游泳、围棋、书法等十六个免费班。", byline="林木"),
        _brief("北环路夜间施工期间，两条公交线路临时改道。", byline="欧阳青"),
    )
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY * 2), span=3), _AD),
        (
            StoryBlock(Story("社区巴士通到家门口", _OTHER * 2), span=2),
            BriefsBox(briefs, span=2, title=_TITLE),
        ),
    )
    page = PageSpec(number=2, columns=4, rows=rows, box_style="none", row_rules=False, body_size=10.5)
    read, headlines = _briefs_read(typeset(EditionSpec("short-story", (page,)), tmp_path / "page.pdf"))
    assert read == [b.paragraphs for b in briefs]
    assert [h for h in headlines if h] == ["育秧工厂赶农时", "社区巴士通到家门口"]
