"""The page-furniture vocabulary both routes read with: what each word takes, and what it leaves."""

from __future__ import annotations

import pytest

from audio_edition.text import furniture
from audio_edition.text.extraction import read_extraction
from audio_edition.text.layout import FurnitureKind, furniture_line


@pytest.mark.parametrize(
    "line",
    [
        "本版责任编辑：王敏　美术编辑：李强",
        "责任编辑：王敏　版式设计：赵磊　校对：何静",
        "本版编辑 孙伟",  # an extractor's space for the colon
        "编辑：马丽",
        "图片编辑：李强",
        "本版统筹：赵磊",
    ],
)
def test_a_staff_line_is_the_editors_line_on_either_route(line: str) -> None:
    assert furniture.is_editor_line(line)
    if "：" in line:  # as the PDF route reads it, spaces taken out: the colon tells
        assert furniture.is_editor_line(line.replace(" ", ""))
    assert furniture_line(line) is FurnitureKind.EDITOR


@pytest.mark.parametrize(
    "line", ["编辑部的同志们连夜赶稿。", "设计师王敏介绍，新馆年内开放。", "校园里书声琅琅。"]
)
def test_a_sentence_opening_with_a_staff_word_is_not_the_editors_line(line: str) -> None:
    assert not furniture.is_editor_line(line)
    assert furniture_line(line) is None


def test_every_index_title_is_one_on_a_line_of_its_own_or_in_a_box_title() -> None:
    for title in furniture.INDEX_TITLES:
        assert furniture.INDEX_TITLE_LINE.match(title)
        assert furniture.INDEX_TITLE.search(f"■{title}■")  # a box's title with its ornaments
    assert not furniture.INDEX_TITLE_LINE.match("今日导读第2版")


def test_every_ad_label_is_one_alone_and_anywhere_in_an_ad() -> None:
    for label in furniture.AD_TITLES:
        assert furniture.AD_TITLE_LINE.match(label)
        assert furniture.AD_LABEL.search(f"草原鲜奶每日直送{label}")
    assert not furniture.AD_TITLE_LINE.match("广告语征集活动启动")


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("图为游客在冰雪乐园体验滑雪的乐趣。（本报记者 刘洋 摄）", True),
        ("（新华社发）", True),
        ("市文旅局供图", True),
        ("记者走进园区，看到工人们正忙着修剪枝条。", False),
    ],
)
def test_a_caption_is_told_by_its_opening_or_its_credit(text: str, credit: bool) -> None:
    bare = text.replace(" ", "")
    assert bool(furniture.CAPTION.search(bare) or furniture.CREDIT_LINE.match(text)) is credit
    assert bool(furniture.PICTURE_REFERENCE.match(bare) or furniture.PICTURE_CREDIT.search(bare)) is credit


def test_a_chart_is_told_by_its_title_unit_and_source() -> None:
    assert furniture.CHART_TITLE.match("图表：全市粮食产量")
    assert furniture.CHART_SOURCE.search("数据来源：市统计局")
    assert furniture.CHART_SOURCE.search("单位：万吨")
    assert not furniture.CHART_SOURCE.search("全市各单位积极响应")  # 单位 alone is a word of the text
    for label in ("单位：万吨", "数据来源：市统计局", "2023年", "12.5万吨"):
        assert furniture.LABEL_ANYWHERE.match(label)


def test_an_extraction_lists_the_running_head_index_and_ad_by_this_vocabulary() -> None:
    page = "\n".join(
        [
            "2024年3月5日 星期二",
            "第2版",
            "本期看点",
            "冰雪旅游带火北疆小城  第3版",
            "",
            "    本报呼和浩特3月4日电 记者从自治区农牧厅获悉，全区春耕备耕工作",
            "全面展开，各地农资储备充足。",
            "",
            "启事",
            "订购电话：0471-6612345",
            "本版责任编辑：王敏",
        ]
    )
    kinds = [(f.kind, f.text) for f in read_extraction(page).layout.furniture]
    assert (FurnitureKind.FOLIO, "2024年3月5日 星期二") in kinds
    assert (FurnitureKind.INDEX, "本期看点") in kinds
    assert (FurnitureKind.AD, "启事") in kinds
    assert any(kind is FurnitureKind.EDITOR for kind, _ in kinds)
    spoken = "".join(s.text for s in read_extraction(page).layout.segments)
    assert "春耕备耕" in spoken and "导读" not in spoken and "0471" not in spoken


@pytest.mark.parametrize(
    "pointer",
    [
        "A5",
        "A07",
        "B3",
        "P5",
        "第5版",
        "5版",
        "07版",
        "第A3版",
        "见A5",
        "见第3版",
        "详见第6版",
        "→B3",
        "→ B3",
        "▶07版",
        "►P5",
        "06/07",
    ],
)
def test_every_form_of_a_page_pointer_is_one_alone_and_closing_an_item(pointer: str) -> None:
    # One notion of a pointer for both routes: alone on a line (an extractor breaks it off) or
    # after an item's words (a space between; after 见 or an arrow, none needed).
    assert furniture.PAGE_REF_LINE.match(pointer)
    assert furniture.INDEX_ITEM.search(f"江边步道全线贯通  {pointer}")


@pytest.mark.parametrize(
    "item", ["→C4河滩公园添了观鸟台", "▶07版 城西菜场夜里也开张", "A07【民生】老旧小区加装电梯"]
)
def test_a_pointer_opening_an_item_needs_no_space_behind_an_arrow_or_before_a_bracket(item: str) -> None:
    assert furniture.INDEX_ITEM_CODE_FIRST.match(item)


@pytest.mark.parametrize("line", ["（下转第2版）", "（上接第1版）", "5G基站覆盖全部乡镇", "A股三大指数收涨"])
def test_a_jump_line_or_a_letter_with_figures_in_a_word_is_no_pointer(line: str) -> None:
    assert not furniture.PAGE_REF_LINE.match(line)
    assert not furniture.INDEX_ITEM_CODE_FIRST.match(line)
    assert not furniture.INDEX_ITEM.search(line)


def test_an_item_pointing_with_a_hand_or_to_a_page_in_words_is_an_index_items() -> None:
    assert furniture.INDEX_ITEM.search("夜市延长营业到十点☞B05")
    assert furniture.INDEX_ITEM.search("老城墙修缮完工 ➔C2")
    assert furniture.PAGE_REF_LINE.match("第十二版")
    assert furniture.PAGE_REF_LINE.match("B10—B11")
    assert not furniture.PAGE_REF_LINE.match("10—11")  # a score or a span of days, no section's letter
