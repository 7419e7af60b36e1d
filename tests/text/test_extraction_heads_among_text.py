"""A headline printed among another story's lines, as an extractor prints a page whose stories'
heads follow their text: read into the story around it, it is a line wider than that story's
column with no mark of running text. Warned, for the text cannot tell where either story runs.
Small pages in words of their own."""

from __future__ import annotations

from audio_edition.text import parse_page

# Two stories, each printed before its heads: the first's headline lands among the second's
# lines (冷链物流仓位需求增长至2.5%, a line and a half wider than the column as set).
HEADS_AFTER_TEXT = """2024年4月29日　星期三
公司·市场
第2版
本报讯（记者 林涛）一季度全
市港口完成货物吞吐量三亿吨，
同比增长六个百分点码头作业
区桥吊往来不停集卡排队等候
装卸，一派繁忙的景象。
港口货物吞吐量稳步回升
——来自东南沿海港口的观察
本报讯对此，港务公司负责
人回应称，新建泊位进展顺
利。冷库运营企业介绍，今
年以来冷藏集装箱订单明显
增多，进口水果占了大头
和海鲜比重上升。
冷链物流仓位需求增长至2.5%
冷库运营企业介绍，今年
以来冷藏集装箱的订单明显
增多，进口水果和海鲜占了
大头，仓位一度十分紧张。
物流·观察
冷链仓位一舱难求
本报记者 林涛 宁波报道
"""


def _warned_lines(text: str) -> list[int]:
    """The lines this doubt points at (others may fall on the page's odd lines too)."""
    page = parse_page(text, "p2.txt")
    return [
        w.line for w in page.warnings if w.line is not None and "wider than its story's column" in w.message
    ]


def test_a_headline_read_into_another_story_as_its_paragraphs_first_line_is_warned() -> None:
    wide = HEADS_AFTER_TEXT.splitlines().index("冷链物流仓位需求增长至2.5%") + 1
    assert wide in _warned_lines(HEADS_AFTER_TEXT)


def test_a_line_as_wide_as_the_column_opening_a_paragraph_is_not_warned() -> None:
    # The same page with that line set in the column (a paragraph's full first line, no
    # indent, after a paragraph's end: another doubt's business, not a line too wide).
    text = HEADS_AFTER_TEXT.replace("冷链物流仓位需求增长至2.5%", "冷链物流仓位需求增长")
    wide = text.splitlines().index("冷链物流仓位需求增长") + 1
    assert wide not in _warned_lines(text)


def test_a_subhead_in_the_column_is_not_warned() -> None:
    text = HEADS_AFTER_TEXT.replace("冷链物流仓位需求增长至2.5%", "◆冷链仓位紧张")
    assert not _warned_lines(text)
