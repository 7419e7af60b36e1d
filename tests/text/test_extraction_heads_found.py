"""Headlines an extractor's page hides among lines that are no heads: a byline on a line of its
own under the heads, in the forms papers print it (文/本报记者 … 图/…, 文/图 …, a reporter and an
intern, an evening paper's 晚报记者); a chart's title, unit and labels right over a story."""

from __future__ import annotations

import pytest

from audio_edition.text import FurnitureKind, parse_page
from audio_edition.text.extraction_furniture import BYLINE_LINE
from tests.text.snippets import LEAD_STORY

_PAGE = (
    LEAD_STORY
    + """周末去哪里：城郊果园采摘忙
{byline}
本报东城3 月4 日讯
草莓大棚里，游客提着篮
子穿行在田垄之间，不时弯
腰挑选成熟的果子。果园负
责人说，今年的产量比去年
多了三成。
"""
)


@pytest.mark.parametrize(
    "byline",
    [
        "文/本报记者 李华 图/张强",
        "文/图 本报记者 欧阳晓",
        "记者李华 实习生陈小雨",
        "晚报记者 李华",
        # A paper's mark before its bylines, its house style.
        "◎记者 李华 实习生 陈小雨",
        "□本报记者 欧阳晓",
        # A mark the PDF route knew before the text route did (furniture.CREDIT_MARKS).
        "▪本报记者 欧阳晓",
    ],
)
def test_a_byline_on_its_own_line_under_the_headline_is_the_byline(byline: str) -> None:
    page = parse_page(_PAGE.format(byline=byline), "p2.txt")
    story = page.articles[-1]
    assert (story.kicker, story.headline, story.subtitle) == (None, "周末去哪里：城郊果园采摘忙", None)
    assert story.byline == byline
    assert story.paragraphs[0].startswith("草莓大棚里")


@pytest.mark.parametrize("line", ["记者注意到，周边几家", "记者蹲点", "图为市民在果园采摘。", "本报讯"])
def test_a_line_of_text_or_a_columns_label_is_no_byline(line: str) -> None:
    # A role run into what follows, alone on its line, reads as a column's label as well.
    assert not BYLINE_LINE.match(line)


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["lines together", "each a block"])
def test_a_charts_title_and_labels_over_a_story_are_the_charts_not_its_heads(gap: str) -> None:
    # The chart's title has no word of a chart's (图表：…), but its unit line under it and its
    # labels under that make it one: the story's headline under the chart stays alone. PyMuPDF
    # prints the chart's lines together, pdfminer.six each a block of its own.
    chart = gap.join(
        ["一图看懂：本月菜价走势", "单位：元/公斤", "3 月", "4 月", "5 月", "数据来源：市统计局"]
    )
    text = _PAGE.split("周末去哪里")[0] + (
        f"{chart}{gap}老街夜市重新开张\n本报东城3 月4 日讯\n入夜后，老街两旁的摊\n位陆续亮起了灯，前来\n"
        "品尝小吃的市民排起了\n长队。\n"
    )
    page = parse_page(text, "p2.txt")
    story = page.articles[-1]
    assert (story.kicker, story.headline, story.subtitle) == (None, "老街夜市重新开张", None)
    charts = [f.text for f in page.furniture if f.kind is FurnitureKind.CHART]
    assert charts[0] == "一图看懂：本月菜价走势" and charts[-1] == "数据来源：市统计局"


def test_a_question_over_its_subtitle_and_byline_is_the_headline() -> None:
    # A headline asking a question reads as a sentence; the line under it with no sentence end
    # (its subtitle, one comma inside) over the byline shows it a story's heads: a paragraph's
    # question has running text under it, never a dateline or byline a line later.
    text = _PAGE.split("周末去哪里")[0] + (
        "江水今夏会涨到多高？\n汛期降水偏多，沿江加固堤防\n本报记者 李华\n本报东城3 月4 日讯入汛\n"
        "以来，沿江各区已巡查堤\n防一百二十公里，加固险\n段九处。\n"
    )
    story = parse_page(text, "p2.txt").articles[-1]
    assert (story.headline, story.subtitle) == ("江水今夏会涨到多高？", "汛期降水偏多，沿江加固堤防")
    assert story.byline == "本报记者 李华" and story.paragraphs[0].startswith("入汛以来")


def test_an_index_boxs_title_in_words_of_its_own_is_the_boxs_not_a_kicker() -> None:
    # The box's title is right over its first item (a page code first, the item wrapped onto a
    # second line), whatever the paper calls it: it is no kicker of the story under the box.
    text = _PAGE.split("周末去哪里")[0] + (
        "本期速览\nB03  城郊果园进入采摘季：草莓\n大棚迎客\n老街夜市重新开张  B05\n"
        "江边步道今起开放\n本报东城3 月4 日讯\n草莓大棚里，游客提着篮\n子穿行在田垄之间。\n"
    )
    page = parse_page(text, "p2.txt")
    story = page.articles[-1]
    assert (story.kicker, story.headline, story.subtitle) == (None, "江边步道今起开放", None)
    index = [f.text for f in page.furniture if f.kind is FurnitureKind.INDEX]
    assert index[0] == "本期速览"


def test_a_series_label_with_a_middle_dot_over_a_shorter_line_is_the_kicker() -> None:
    # 聚焦·…, 关注·…: a series' label and its dot, however short the word before the dot; the
    # shorter line under it is the headline, not its subtitle.
    text = _PAGE.split("周末去哪里")[0] + (
        "关注·乡村振兴\n果园里的新农人\n本报东城3 月4 日讯\n草莓大棚里，游客提着篮\n子穿行在田垄之间。\n"
    )
    story = parse_page(text, "p2.txt").articles[-1]
    assert (story.kicker, story.headline, story.subtitle) == ("关注·乡村振兴", "果园里的新农人", None)


def test_a_box_of_briefs_under_a_title_of_its_own_is_no_story_under_a_headline() -> None:
    # 街头快报 is no word the reader knows for a box of briefs, but two short items under it,
    # each closing on its writer's name, with a dateline under the title, make it the box's.
    text = _PAGE.split("周末去哪里")[0] + (
        "街头快报\n本报东城3 月4 日讯\n城东菜场今起试行夜间\n营业，至晚上十点。（李华）\n"
        "本报西城讯西城图书馆新\n添自助借还机两台。（张强）\n"
    )
    page = parse_page(text, "p2.txt")
    briefs = page.articles[1:]
    assert [a.headline for a in briefs] == [None, None]
    assert [a.section for a in briefs] == ["街头快报", "街头快报"]
    assert [a.byline for a in briefs] == ["李华", "张强"]


def test_a_box_title_printed_after_the_headline_beside_it_is_parted_from_it() -> None:
    # PDFium joins what shares a baseline: the headline beside the box, a space, the box's title.
    text = _PAGE.split("周末去哪里")[0] + (
        "老街夜市重新开张 街头快报\n本报东城3 月4 日讯城东菜场今起试行夜间营业。（李华）\n"
        "本报西城讯西城图书馆新添自助借还机两台。（张强）\n"
    )
    page = parse_page(text, "p2.txt")
    assert "老街夜市重新开张" in [a.headline for a in page.articles]
    assert [a.section for a in page.articles if a.byline in ("李华", "张强")] == ["街头快报", "街头快报"]


def test_a_question_set_across_columns_and_wrapped_onto_a_short_rest_is_the_headline() -> None:
    # Set wider than the column, a headline with one comma runs on to a rest that ends on ？,
    # over its subtitle and the dateline: no box's running text is so few marks over a story.
    text = _PAGE.split("周末去哪里")[0] + (
        "读者来信：我们帮您问一问\n老旧小区加装电梯，补贴今年还能领\n吗？\n申请材料简化为三项\n"
        "本报东城3 月4 日讯全市\n今年已完成老旧小区加\n装电梯四百一十二部，\n超额完成年度目标。\n"
    )
    story = parse_page(text, "p2.txt").articles[-1]
    assert (story.kicker, story.headline, story.subtitle) == (
        "读者来信：我们帮您问一问",
        "老旧小区加装电梯，补贴今年还能领吗？",
        "申请材料简化为三项",
    )
    assert story.paragraphs[0].startswith("全市今年已完成")


def test_a_section_named_by_two_words_joined_with_a_dot_is_the_running_head() -> None:
    # 城市·生活 between the date and the folio is the page's section, not a kicker over the
    # first story's heads (over a kicker of its own here, which stays the kicker).
    text = _PAGE.replace("要闻", "城市·生活").replace("江边步道今起开放", "周末观察\n江边步道今起开放")
    page = parse_page(text, "p2.txt")
    story = page.articles[0]
    assert (story.kicker, story.headline) == ("周末观察", "江边步道今起开放")
    assert "城市·生活" in [f.text for f in page.furniture if f.kind is FurnitureKind.FOLIO]


@pytest.mark.parametrize("credit", ["IC photo", "Xinhua/Photo", "本报记者 张强 摄"])
def test_a_caption_closed_by_its_credit_leaves_the_paragraph_under_it_to_the_story(credit: str) -> None:
    # A picture agency's credit in Latin letters closes its caption as a photographer's 摄
    # does: the lines under it are the story's first paragraph, not more of the caption.
    text = _PAGE.replace("本报东城3 月4 日讯\n", f"图为游客在大棚里采摘草莓。　{credit}\n").replace(
        "{byline}", "本报记者 李华"
    )
    page = parse_page(text, "p2.txt")
    story = page.articles[-1]
    assert story.headline == "周末去哪里：城郊果园采摘忙"
    assert story.paragraphs[0].startswith("草莓大棚里")
    captions = [f.text for f in page.furniture if f.kind is FurnitureKind.CAPTION]
    assert captions and captions[0].startswith("图为游客") and "草莓大棚里" not in captions[0]


def test_a_dotted_section_under_the_date_with_the_folio_printed_elsewhere_is_the_running_head() -> None:
    # pdftotext prints the date, the weekday and the section each a block, the folio far away.
    text = _PAGE.replace(
        "2024 年3 月5 日　星期二\n要闻\n第2 版\n", "2024 年3 月5 日\n\n星期二\n\n城市·生活\n\n"
    )
    page = parse_page(text.replace("江边步道今起开放", "周末观察\n江边步道今起开放"), "p2.txt")
    assert (page.articles[0].kicker, page.articles[0].headline) == ("周末观察", "江边步道今起开放")


def test_a_dotted_kicker_under_the_whole_running_head_stays_the_kicker() -> None:
    # The running head printed on one line, its folio too: the dotted line under it is a kicker.
    text = _PAGE.replace(
        "2024 年3 月5 日　星期二\n要闻\n第2 版\n", "2024 年3 月5 日   星期二   要闻   第2版\n"
    )
    page = parse_page(text.replace("江边步道今起开放", "聚焦·民生\n江边步道今起开放"), "p2.txt")
    assert (page.articles[0].kicker, page.articles[0].headline) == ("聚焦·民生", "江边步道今起开放")
