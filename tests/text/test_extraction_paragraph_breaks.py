"""Paragraph breaks an extractor's text hides: the next paragraph's indented first line counts
nearly as wide as a full line (its marks squeezed half wide, its figures set wider than they
count), under a full line ending a sentence. Small pages in words of their own, written as
PyMuPDF prints a column whose full lines hold eleven characters, or twelve with a mark."""

from __future__ import annotations

from audio_edition.text import parse_page

HEAD = "2024年4月29日　星期三\n公司·市场\n第2版\n港口货物吞吐量稳步回升\n本报宁波4月20日电\n"
FIRST = """（记者 林涛）一季度全市港口
完成货物吞吐量三亿吨，同比
增长六个百分点码头作业区
桥吊往来不停集卡排队等
候装卸，一派繁忙的景象。
"""


def test_an_indented_line_with_its_comma_squeezed_opens_a_paragraph() -> None:
    # 港务集团负责人说，新 counts ten characters, a character and a half short of the column:
    # its comma set half wide, it is two short, an indent.
    page = (
        HEAD
        + FIRST
        + "港务集团负责人说，新\n开通的航线已有十二条覆\n盖东南亚和中东多个港口，\n出口货物以机电产品为主。\n"
    )
    (story,) = parse_page(page, "p2.txt").articles
    assert [p[:6] for p in story.paragraphs] == ["一季度全市港", "港务集团负责"]
    assert story.paragraphs[0].endswith("一派繁忙的景象。")


def test_an_indented_line_with_a_stock_code_opens_a_paragraph() -> None:
    # A company's name and its code in brackets: the brackets squeezed, the figures a little
    # wider than half a character each; short of the paragraph's own full lines by an indent.
    page = (
        HEAD
        + FIRST
        + "东海船务（601866）旗\n下新船已有十二条投用覆\n盖东南亚和中东多个港口，\n出口货物以机电产品为主。\n"
    )
    (story,) = parse_page(page, "p2.txt").articles
    assert [p[:6] for p in story.paragraphs] == ["一季度全市港", "东海船务（6"]


def test_a_full_line_of_spaced_figures_after_a_sentence_goes_on_with_the_paragraph() -> None:
    # Counted at half a character each, the figures leave 截至3 月末为2035.6 万标 a character
    # and a half short; set as wide as they are, with a thin space each side, it is full.
    page = (
        HEAD
        + FIRST
        + "截至3 月末为2035.6 万标\n准箱，同比增长百分之九点\n二港区新建的泊位陆续投用\n，堆场周转效率明显提升。\n"
    )
    (story,) = parse_page(page, "p2.txt").articles
    assert len(story.paragraphs) == 1
    assert "景象。截至3月末为2035.6万标准箱" in story.paragraphs[0]


def test_a_full_line_with_two_commas_after_a_sentence_goes_on_with_the_paragraph() -> None:
    # A full line holding marks is no shorter than the column as it counts: no indent.
    page = HEAD + FIRST + "码头、堆场和航道，三者协\n同发力才能让货物进出更快\n效率也随之提高了不少。\n"
    (story,) = parse_page(page, "p2.txt").articles
    assert len(story.paragraphs) == 1
