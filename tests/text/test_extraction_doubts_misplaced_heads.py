"""Doubts for heads and credit lines an extractor's text puts where no story prints them: the
page's section name between its folio lines read as a story's heads, a chart's label (no Chinese
character) read as a head tier, a story's marked credit line (◎记者 王明) read into its text, and
a paragraph closing a bracket it never opened (its credit cut off). Each comes with a lookalike
read right that raises none."""

from __future__ import annotations

import pytest

from audio_edition.text.articles import read_articles
from audio_edition.text.extraction import read_extraction

HEAD = "2024年3月5日　星期二\n要闻\n第2版\n"  # a running head whose section name is known
SECTION = "2024年3月5日　星期二\n聚焦城市更新\n第2版\n"  # one naming its section in words of its own

# A story opening on its dateline, twelve characters a line.
STORY = """本报讯（记者 王明）社
区卫生服务站开设了家庭
医生门诊，老人们不出小区
就能看病拿药。街道还组织
志愿者上门走访，为独居老
人送去米面油等生活用品。
"""


def _doubts(text: str) -> list[str]:
    """The messages of the page's doubts, on its articles as the text route reads them."""
    extraction = read_extraction(text)
    articles = read_articles(extraction.layout.segments, None, doubts=extraction.doubts).articles
    return [message for _, message in extraction.doubts(articles)]


def test_a_section_name_between_the_folio_lines_read_as_a_headline_is_doubted() -> None:
    # The story's own headline is not on the page's text: the section name stands over its
    # dateline and is read as its headline.
    assert any("folio" in message for message in _doubts(SECTION + STORY))


def test_a_dotted_section_name_between_the_folio_lines_is_the_running_head() -> None:
    # Two words joined by a dot are a section's name: read as the running head, the story has
    # no headline on this page's text, and says so.
    page = "2024年3月5日　星期二\n城乡·民生\n第2版\n" + STORY
    extraction = read_extraction(page)
    (article,) = read_articles(extraction.layout.segments, None, doubts=extraction.doubts).articles
    assert article.headline is None
    assert any("no headline" in message for message in _doubts(page))


def test_a_headline_right_under_the_folio_is_a_storys_own() -> None:
    assert _doubts(HEAD + "社区卫生服务站开门迎客\n" + STORY) == []
    assert not any(
        "folio" in message for message in _doubts("2024年3月5日　星期二\n第2版\n老旧小区换新颜\n" + STORY)
    )


def test_a_chart_label_read_as_a_kicker_is_doubted() -> None:
    page = HEAD + "图表：各季度新开工项目\n2025Q4\n新开工项目数量稳步回升\n" + STORY
    assert any("no Chinese character" in message for message in _doubts(page))


def test_a_headline_with_figures_in_it_is_not_a_chart_label() -> None:
    assert _doubts(HEAD + "一季度新开工项目增长12%\n" + STORY) == []


@pytest.mark.parametrize("mark", ["◎", "◇", "▪"])  # any of furniture.CREDIT_MARKS
def test_a_marked_credit_line_read_into_a_paragraph_is_doubted(mark: str) -> None:
    # PyMuPDF: a credit line under another story's heads printed among this story's lines.
    page = (
        HEAD
        + f"""社区食堂开门迎客
本报讯　社区卫生服务站开
设了家庭医生门诊，老人们
不出小区就能看病拿药。
  受此影响{mark}记者 王明 街道
还组织志愿者上门走访，为
独居老人送去生活用品。
"""
    )
    assert any("credit line" in message for message in _doubts(page))


def test_a_marked_credit_line_under_the_heads_is_the_byline() -> None:
    # The credit's line run on into the text's first line: read as the byline, and the text
    # under it opening mid-sentence is warned.
    page = (
        HEAD
        + """社区食堂开门迎客
◎记者 王明 实习生 李华社
区卫生服务站开设了家庭
医生门诊，老人们不出小区
就能看病拿药。
"""
    )
    extraction = read_extraction(page)
    (article,) = read_articles(extraction.layout.segments, None, doubts=extraction.doubts).articles
    assert article.byline is not None and "王明" in article.byline
    assert any("mid-sentence" in message for message in _doubts(page))


def test_a_credit_in_brackets_after_the_dateline_is_running_text() -> None:
    assert not any("credit line" in message for message in _doubts(HEAD + "社区食堂开门迎客\n" + STORY))


def test_a_paragraph_closing_a_bracket_it_never_opened_is_doubted() -> None:
    # The second paragraph's dateline and the opening of its credit were printed elsewhere.
    page = (
        HEAD
        + "社区食堂开门迎客\n"
        + STORY
        + """  者 李华）改造后的老旧小
区铺设了新路面，加装了路
灯和座椅，居民们晚饭后有
了散步的好去处。
"""
    )
    assert any("bracket it never opened" in message for message in _doubts(page))


def test_brackets_opened_and_closed_inside_a_paragraph_raise_no_doubt() -> None:
    page = (
        HEAD
        + "社区食堂开门迎客\n"
        + STORY
        + """  改造后的小区（共三栋
楼）铺设了新路面，加装了
路灯和座椅，居民们晚饭后
有了散步的好去处。
"""
    )
    assert not any("bracket" in message for message in _doubts(page))


LABELLED = """社区食堂开门迎客
本报讯（记者 王明）社
区卫生服务站开设了家庭
医生门诊，老人们不出小区
就能看病拿药。街道还组织
志愿者上门走访，为独居老
人送去米面油等生活用品。
三问：新房什么时候交付？
  改造后的老旧小区铺设了
新路面，加装了路灯和座椅，
居民们晚饭后有了散步的好
去处。
"""


def test_a_labelled_question_read_into_a_paragraph_is_doubted_as_a_subhead() -> None:
    # The subhead fills the column, so its width does not tell it from running text.
    assert any("question under a label" in message for message in _doubts(HEAD + LABELLED))


def test_a_question_quoted_after_a_colon_is_running_text() -> None:
    page = HEAD + LABELLED.replace("三问：新房什么时候交付？", "他问：“新房何时交付？”")
    assert not any("question under a label" in message for message in _doubts(page))


def test_an_index_items_arrow_read_into_a_headline_is_doubted() -> None:
    # Two items of an index glued into one line, the second's arrow inside it.
    page = HEAD + "老旧小区换新颜 ▶C2社区食堂开门迎客\n" + STORY
    assert any("arrow" in message for message in _doubts(page))


def test_an_item_led_by_its_arrow_is_the_indexs_and_the_story_under_it_warned() -> None:
    # An item opening on its arrow and page is an index's: not the story's heads, whose
    # subtitle, left alone over the story, is doubted as a headline.
    page = HEAD + "→B3社区食堂开门迎客\n——老年助餐点覆盖全区\n" + STORY
    extraction = read_extraction(page)
    (article,) = read_articles(extraction.layout.segments, None, doubts=extraction.doubts).articles
    assert "→" not in (article.headline or "")
    assert any("dash" in message for message in _doubts(page))


def test_a_headline_with_a_dash_subtitle_points_nowhere() -> None:
    page = HEAD + "社区食堂开门迎客\n——老年助餐点覆盖全区\n" + STORY
    assert not any("arrow" in message for message in _doubts(page))


def test_a_charts_credit_read_into_a_headline_is_doubted() -> None:
    page = HEAD + "图解：各区新建学校数量\n制图/周敏\n" + STORY
    assert any("credit (制图" in message for message in _doubts(page))


def test_a_headline_with_a_slash_in_its_words_is_no_credit() -> None:
    page = HEAD + "光伏组件价格跌破0.9元/W\n" + STORY
    assert not any("credit (制图" in message for message in _doubts(page))
