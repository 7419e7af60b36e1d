"""Heads an extractor's page prints as wide lines: a kicker of two parts parted by a space
(开局平稳 全年可期) over a headline asking a question, under the text of the story before."""

from __future__ import annotations

from audio_edition.text import parse_page

_TOP = """2024 年3 月5 日　星期二
要闻
第2 版
江边步道今起开放
本报讯（记者 王明）沿
江步道全长八公里，今
天正式向市民开放。步
道两侧种植了樱花和海
棠，入夜后还有灯光照
明。
"""


def test_a_kicker_of_two_parts_over_a_question_is_the_storys_heads() -> None:
    # The kicker's space makes it look like two columns' lines run together; the question
    # under it, over a subtitle on a dash, is the headline, not a paragraph's last line.
    text = _TOP + (
        "城郊果园一线观察：采摘持续火热 订单接连不断\n草莓价格连涨三周，果农如何应对？\n"
        "——来自城东果园的调查\n本报东城3 月4 日讯\n草莓大棚里，游客提着\n篮子穿行在田垄之间。\n"
    )
    story = parse_page(text, "p2.txt").articles[-1]
    assert (story.kicker, story.headline, story.subtitle) == (
        "城郊果园一线观察：采摘持续火热 订单接连不断",
        "草莓价格连涨三周，果农如何应对？",
        "——来自城东果园的调查",
    )
    assert story.paragraphs[0].startswith("草莓大棚里")


def test_a_paragraphs_line_before_its_question_stays_the_paragraphs() -> None:
    # Lookalike: running text (commas) broken before its question stays one paragraph.
    text = _TOP + (
        "记者问，大棚里的草莓，今 年\n价格连涨三周，果农如何应对？\n"
        "——来自城东果园的调查\n本报东城3 月4 日讯\n草莓大棚里，游客提着\n篮子穿行在田垄之间。\n"
    )
    heads = [a.headline for a in parse_page(text, "p2.txt").articles]
    assert "价格连涨三周，果农如何应对？" not in heads


def test_a_headline_wrapped_twice_at_its_measure_is_one_headline() -> None:
    # A narrow column wraps a headline of two parts twice: two lines as wide, then a character
    # left over. The remainder shows the measure; the first line is no kicker.
    text = _TOP + (
        "菜价回落 三大市场\n蔬菜日供应量创新\n高\n本报东城3 月4 日讯\n草莓大棚里，游客提着\n篮子穿行在田垄之间。\n"
    )
    story = parse_page(text, "p2.txt").articles[-1]
    assert (story.kicker, story.headline) == (None, "菜价回落 三大市场蔬菜日供应量创新高")


def test_a_kicker_over_a_shorter_headline_wrapped_once_stays_the_kicker() -> None:
    # Lookalike: the kicker is narrower than the headline under it, which wraps a character over.
    text = _TOP + (
        "春季菜篮子\n蔬菜日供应量创新\n高\n本报东城3 月4 日讯\n草莓大棚里，游客提着\n篮子穿行在田垄之间。\n"
    )
    story = parse_page(text, "p2.txt").articles[-1]
    assert (story.kicker, story.headline) == ("春季菜篮子", "蔬菜日供应量创新高")


def test_a_wide_question_wrapped_at_the_pages_end_is_the_last_storys_headline() -> None:
    # A page drawn headline-after closes on its last story's heads: a question set across the
    # columns, wrapped onto a short rest, with nothing under it but the page's foot.
    text = (
        "2024 年3 月5 日　星期二\n要闻\n第2 版\n本报东城3 月4 日讯\n草莓大棚里，游客提\n"
        "着篮子穿行在田垄之\n间，不时弯腰挑选成\n熟的果子。\n果园采摘迎来旺季\n"
        "本报西城3 月4 日讯\n西城图书馆新添自助\n借还机两台，读者可\n在一楼大厅自助办理\n借还。\n"
        "图书馆延长开放时间，读者夜里\n还能来吗？\n"
    )
    page = parse_page(text, "p2.txt")
    assert [a.headline for a in page.articles] == [
        "果园采摘迎来旺季",
        "图书馆延长开放时间，读者夜里还能来吗？",
    ]
    assert page.articles[-1].paragraphs[0].startswith("西城图书馆")


def test_a_bracketed_dateline_broken_under_a_headline_is_no_headlines_rest() -> None:
    # Lookalike: the headline and the dateline under it as wide, the dateline's 电】 left over.
    text = _TOP + (
        "果园采摘迎来旺季啦\n【新华社东城3 月4 日\n电】\n草莓大棚里，游客提着\n篮子穿行在田垄之间。\n"
    )
    story = parse_page(text, "p2.txt").articles[-1]
    assert story.headline == "果园采摘迎来旺季啦"
