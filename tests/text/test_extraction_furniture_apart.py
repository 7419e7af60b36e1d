"""Furniture an extractor prints apart from its box: a chart's label or an ad's slogan set down
among a column's lines, far from the rest of its box, taken off wherever it lands (or the story
it lands over warned)."""

from __future__ import annotations

from audio_edition.text import FurnitureKind, Page, parse_page
from audio_edition.text.extraction import read_extraction

_HEAD = "2024 年 6 月 18 日\n\n星期二\n\n民生\n\n第3版\n\n"


def _spoken(page: Page, words: str) -> bool:
    """Whether ``words`` are read aloud anywhere: in a head or a paragraph."""
    return any(
        words in "".join(filter(None, (a.kicker, a.headline, a.subtitle, *a.paragraphs)))
        for a in page.articles
    )


def _kind(page: Page, kind: FurnitureKind) -> list[str]:
    return [f.text for f in page.furniture if f.kind is kind]


# pdftotext prints a chart's first labels under its title, then a column's text, then the last
# label as a block of its own between two halves of a paragraph, then the source line.
_CHART_APART = _HEAD + (
    "菜篮子价格总体平稳\n本报讯（记者 丁一）入夏以来，\n本市蔬菜供应充足，价格比\n去年同期略有下降。\n\n"
    "图表：本周蔬菜日均上市量\n单位：吨\n\n第1周\n\n第2周\n\n"
    "批发市场负责人介绍，近期\n本地菜大量上市。外地菜运\n输成本下降，菜价也随之有\n\n第3周\n\n"
    "所回落。市民王女士说，现\n在买菜比春天省了不少钱。\n\n数据来源：市商务局\n"
)


def test_a_charts_label_printed_apart_inside_a_paragraph_is_furniture() -> None:
    """The label alone, shaped as the chart's others (第N周), is the chart's: never spoken, and the
    paragraph it split reads on."""
    page = parse_page(_CHART_APART, "p3.txt")
    assert "第3周" in _kind(page, FurnitureKind.CHART)
    assert not _spoken(page, "第3周")
    (story,) = page.articles
    assert story.paragraphs[-1].startswith("批发市场负责人介绍")
    assert "随之有所回落。" in story.paragraphs[-1]


def test_a_line_alone_of_another_shape_is_not_taken_as_a_label() -> None:
    """A line alone in the chart's reach that no label is shaped like stays the page's text."""
    text = _CHART_APART.replace("\n\n第3周\n\n", "\n\n夏季供应\n\n")
    assert "夏季供应" not in _kind(parse_page(text, "p3.txt"), FurnitureKind.CHART)


def test_a_charts_label_taken_over_a_dateline_is_doubted() -> None:
    """A label printed apart right over a story's dateline is taken, but a headline stands
    there too: the reading doubts the story under it."""
    text = _HEAD + (
        "菜篮子价格总体平稳\n本报讯（记者 丁一）入夏以来，\n本市蔬菜供应充足。\n\n"
        "图表：本周蔬菜日均上市量\n单位：吨\n\n第1周\n\n第2周\n\n"
        "批发市场负责人介绍，近期\n本地菜大量上市，价格回落。\n\n第3周\n\n"
        "本报讯（记者 沈越）全市首\n批社区食堂本周开张，老人\n吃饭有了好去处。\n\n数据来源：市商务局\n"
    )
    assert "第3周" in _kind(parse_page(text, "p3.txt"), FurnitureKind.CHART)
    dateline = text.split("\n").index("本报讯（记者 沈越）全市首") + 1
    doubts = read_extraction(text).line_doubts
    assert [line for line, message in doubts if "chart's label" in message] == [dateline]


_STORY = "菜篮子价格总体平稳\n本报讯（记者 丁一）入夏以来，\n本市蔬菜供应充足，价格比\n去年同期略有下降。\n\n"


def test_a_spaced_slogan_cut_into_a_column_under_its_title_is_the_ads() -> None:
    """Layout mode cuts an ad box's lines into the column beside it: the slogan of spaced phrases
    comes a line under its 公益广告, among the column's lines, and is the ad's."""
    slogan = "珍惜每一滴水 守护母亲河 共建清洁家园"
    text = (
        _HEAD
        + _STORY
        + (
            "社区食堂开张\n本报讯（记者 沈越）全市首\n批社区食堂本周开张，不少\n\n"
            f"公益广告\n老人赶来尝鲜。\n{slogan}\n食堂负责人说，每天供应三\n十多种菜品，价格实惠。\n"
        )
    )
    page = parse_page(text, "p3.txt")
    assert slogan in _kind(page, FurnitureKind.AD)
    assert not _spoken(page, slogan.replace(" ", ""))
    assert [a.headline for a in page.articles] == ["菜篮子价格总体平稳", "社区食堂开张"]


def test_a_solid_slogan_under_its_title_inside_a_broken_paragraph_is_the_ads() -> None:
    """Layout mode prints a paragraph's line broken off mid-sentence, the box's 公益广告, its
    slogan set solid (narrower than the column's lines), then the paragraph's rest on full lines:
    the slogan is no line of the paragraph, which reads on past it."""
    text = (
        _HEAD
        + _STORY
        + (
            "社区食堂开张\n本报讯（记者 沈越）全市首\n批社区食堂本周开张，来吃\n饭的老人排起了长队，队伍\n\n"
            "公益广告\n文明餐桌从我做起\n一直排到了门外的路口。食\n堂负责人说，每天供应三十\n多种菜品。\n"
        )
    )
    page = parse_page(text, "p3.txt")
    assert "文明餐桌从我做起" in _kind(page, FurnitureKind.AD)
    story = page.articles[-1]
    assert story.paragraphs == (
        "全市首批社区食堂本周开张，来吃饭的老人排起了长队，队伍一直排到了门外的路口。"
        "食堂负责人说，每天供应三十多种菜品。",
    )


def test_a_slogan_far_from_its_title_inside_a_broken_paragraph_is_the_ads() -> None:
    """pdftotext prints the 公益广告 where its box starts and the slogan, a block of its own,
    many lines on between the two halves of a paragraph (the text before it broke off mid-
    sentence, the text after it opens a full line): the ad's, whatever its words."""
    text = (
        _HEAD
        + _STORY
        + (
            "公益广告\n\n社区食堂开张\n本报讯（记者 沈越）全市首\n批社区食堂本周开张，来吃\n"
            "饭的老人排起了长队，队伍\n\n文明餐桌从我做起\n\n一直排到了门外的路口。食\n堂负责人说，每天供应三十\n"
            "多种菜品。\n"
        )
    )
    page = parse_page(text, "p3.txt")
    assert _kind(page, FurnitureKind.AD) == ["公益广告", "文明餐桌从我做起"]
    assert not _spoken(page, "文明餐桌从我做起")
    assert (
        page.articles[-1]
        .paragraphs[-1]
        .endswith("队伍一直排到了门外的路口。食堂负责人说，每天供应三十多种菜品。")
    )


def test_a_line_alone_away_from_a_title_is_kept_where_it_heads_a_story() -> None:
    """Far from the 公益广告, a line alone over a story's dateline (not inside a sentence) is a
    headline, not the slogan."""
    text = (
        _HEAD
        + _STORY
        + (
            "公益广告\n\n居民楼加装电梯\n本报讯（记者 沈越）老小区里\n又有三部电梯投入使用。\n\n"
            "文明餐桌从我做起\n\n本报讯（记者 韩露）全市首\n批社区食堂本周开张。\n"
        )
    )
    page = parse_page(text, "p3.txt")
    assert "文明餐桌从我做起" not in _kind(page, FurnitureKind.AD)


def test_a_headline_wrapped_under_a_public_ads_title_is_no_slogan() -> None:
    """pdfminer.six prints the box's slogan in a block over its 公益广告 and a story's headline,
    wrapped over two lines, under it: the wrapped line is a head, the block over the title the
    slogan."""
    text = (
        _HEAD
        + _STORY
        + (
            "文明餐桌从我做起\n\n公益广告\n\n全市首批社区食堂开张，日均接待 2000\n人次\n"
            "本报讯（记者 沈越）来吃饭的\n老人排起了长队。\n"
        )
    )
    page = parse_page(text, "p3.txt")
    assert _kind(page, FurnitureKind.AD) == ["文明餐桌从我做起", "公益广告"]
    assert not _spoken(page, "文明餐桌从我做起")


def test_index_items_under_their_title_at_the_pages_head_are_furniture() -> None:
    """Layout mode cuts an index box beside a story's heads into their column: its title over the
    heads, its items (each over its page code, one wrapped) under them, at the page's head. A run
    of items under an index's title is the index's, never a head."""
    text = (
        "2024 年 6 月 18 日 星期二 民生 第3版\n\n\n\n今日导读\n社区食堂开张\n——一位街道干部的手记\n\n"
        "通讯员 韩露\n\n夜市经济点亮老街\nB2\n冬泳队迎新年：破冰下\n水 B6\n\n\n"
        "本报讯（记者 沈越）全市首\n批社区食堂本周开张，老人\n吃饭有了好去处。\n"
    )
    page = parse_page(text, "p3.txt")
    index = _kind(page, FurnitureKind.INDEX)
    assert index == ["今日导读", "夜市经济点亮老街", "B2", "冬泳队迎新年：破冰下", "水 B6"]
    assert not _spoken(page, "夜市经济点亮老街")


def test_a_charts_row_of_labels_printed_apart_is_furniture() -> None:
    """pypdf's layout mode prints a chart's labels as one row (numbers spaced from their unit), a
    block of its own among a column's lines near the chart's title: a row of two labels or more
    of one shape is the chart's, with no label taken before to match it."""
    text = _HEAD + (
        "菜篮子价格总体平稳\n本报讯（记者 丁一）入夏以来，\n本市蔬菜供应充足，价格比\n去年同期略有下降。\n\n"
        "图表：本周蔬菜日均上市量\n单位：吨\n\n批发市场负责人介绍，近期\n本地菜大量上市。外地菜运\n"
        "输成本下降，菜价也随之有\n\n1—2 周 3—4 周 5—6 周\n\n所回落。市民王女士说，现\n在买菜比春天省了不少钱。\n"
    )
    page = parse_page(text, "p3.txt")
    assert "1—2 周 3—4 周 5—6 周" in _kind(page, FurnitureKind.CHART)
    assert not _spoken(page, "1—2周")


def test_a_charts_row_of_labels_opening_a_line_of_the_column_beside_is_furniture() -> None:
    """pdfplumber prints a page row by row: a chart's labels (any words of one shape, a number
    and a unit) open a line of the column beside the chart. On a page with a chart's title, the
    row is the chart's and the line's text is kept."""
    text = _HEAD + (
        "菜篮子价格总体平稳\n本报讯（记者 丁一）入夏以来，本市蔬菜供应充足，\n"
        "图表：本周蔬菜日均上市量 价格比去年同期略有下降。批发\n"
        "1—2周 3—4周 5—6周 市场负责人介绍，近期本地菜大量上市。\n"
    )
    page = parse_page(text, "p3.txt")
    assert "1—2周 3—4周 5—6周" in _kind(page, FurnitureKind.CHART)
    assert not _spoken(page, "1—2周")


def test_a_public_ads_title_ending_a_line_over_its_slogan_is_furniture() -> None:
    """pdfplumber prints a 公益广告 at the end of a line of the column beside the box, and its
    slogan's phrases at the end of the line under it: both are the ad's, the headline and the
    column's text keep the rest."""
    text = (
        _HEAD
        + _STORY
        + (
            "社区食堂开张 公益广告\n——一位街道干部的手记 珍惜粮食 光盘行动 从我做起\n"
            "本报讯（记者 沈越）全市首批社区食堂本周开张，老人吃饭有了好去处。\n"
        )
    )
    page = parse_page(text, "p3.txt")
    assert _kind(page, FurnitureKind.AD) == ["公益广告", "珍惜粮食 光盘行动 从我做起"]
    assert not _spoken(page, "公益广告")
    assert not _spoken(page, "光盘行动")
