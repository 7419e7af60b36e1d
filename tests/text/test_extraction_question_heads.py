"""A headline asking a question (or exclaiming) between a kicker over it and a subtitle with no
dash under it, as pdftotext prints a story's heads (each tier a block of its own but the last
two): the question is the headline, not a paragraph of the story before. A question a paragraph
asks under a subhead, with running text going on under it, stays the paragraph it is."""

from __future__ import annotations

from audio_edition.text import parse_page

QUESTION_HEAD = """2025 年4 月9 日

星期三

城乡

第3 版

聚焦·菜篮子

菜价为何降了？
本地蔬菜上市量增加两成

本报泉港4 月8 日电
（记者 方圆）连日来，本地
大棚蔬菜集中上市，菜市场
里的青菜、萝卜每斤比上月
便宜了五毛钱左右。
"""
QUESTION_PARAGRAPH = """2025 年4 月9 日

星期三

城乡

第3 版

老街夜市重新开张
本报泉港4 月8 日电
（记者 方圆）傍晚时分，老
街两侧的摊位陆续亮灯，卖
烤红薯的、卖糖画的摆了一
长溜。

客人从哪里来
人为什么多了？
街道办负责人介绍说今年
的夜市开在了新修的步行
街上，离地铁站只有两百
米。
"""


def test_a_question_between_a_kicker_and_a_subtitle_is_the_headline() -> None:
    (story,) = parse_page(QUESTION_HEAD, "p3.txt").articles
    assert (story.kicker, story.headline, story.subtitle) == (
        "聚焦·菜篮子",
        "菜价为何降了？",
        "本地蔬菜上市量增加两成",
    )
    assert story.dateline == "本报泉港4月8日电" and story.byline == "记者 方圆"
    assert story.paragraphs == (
        "连日来，本地大棚蔬菜集中上市，菜市场里的青菜、萝卜每斤比上月便宜了五毛钱左右。",
    )


def test_a_question_under_a_subhead_with_running_text_under_it_is_a_paragraph() -> None:
    (story,) = parse_page(QUESTION_PARAGRAPH, "p3.txt").articles
    assert story.headline == "老街夜市重新开张" and story.subheads == ("客人从哪里来",)
    assert story.paragraphs[-2:] == (
        "人为什么多了？",
        "街道办负责人介绍说今年的夜市开在了新修的步行街上，离地铁站只有两百米。",
    )
