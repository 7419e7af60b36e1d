"""A story's heads (a labelled kicker, a headline asking a question, a subtitle with no dash)
where an extractor prints them away from their text: right under the folio printed as one line
(read as the top of the page), after the text they head (a page whose heads were drawn last),
or each a block of its own over the dateline. Read right where the text tells it, warned once
where it cannot."""

from __future__ import annotations

from audio_edition.text import parse_page

# pypdfium2 and pypdf print the folio as one line, which is furniture: the kicker under it
# opens the page as a kicker after a blank line does.
HEADS_UNDER_A_ONE_LINE_FOLIO = """2025 年 4 月 9 日　星期三 城乡 第 3 版
聚焦·菜篮子
菜价为何降了？
本地蔬菜上市量增加两成
图为菜农在大棚里采收青菜。　本报记者 方圆 摄
本报泉港 8 日电
（记者 方圆）连日来，本地
大棚蔬菜集中上市，菜市场
里的青菜、萝卜每斤比上月
便宜了五毛钱左右。
"""

# Heads drawn after their text, printed so: the kicker and the question land at the end of the
# story above, the subtitle over the text it belongs under.
HEADS_PRINTED_AFTER_THEIR_TEXT = """2025 年4 月9 日　星期三
城乡
第3 版
本报泉港8 日电
（记者 方圆）连日来，本地
大棚蔬菜集中上市，菜市场
里的青菜、萝卜每斤比上月
便宜了五毛钱左右。
菜农老陈说，今年棚里
的菜长得好，一茬接一茬地
卖，收入比去年多。
聚焦·菜篮子
菜价为什么一降再降？
本地蔬菜上市量增加两成
本报讯傍晚时分，老街两
侧的摊位陆续亮灯，卖烤
红薯的、卖糖画的摆了一
长溜。
老街夜市重新开张
"""

# pdfminer.six prints each tier as a block: the kicker reads as a headline over the question.
HEADS_EACH_A_BLOCK = """2025 年 4 月 9 日　星期三

城乡

第 3 版

聚焦·菜篮子

菜价为什么一降再降？

本地蔬菜上市量增加两成

本报泉港 8 日电
（记者 方圆）连日来，本地
大棚蔬菜集中上市，菜市场
里的青菜、萝卜每斤比上月
便宜了五毛钱左右。

老街夜市重新开张

本报讯傍晚时分，老街两
侧的摊位陆续亮灯，卖烤
红薯的、卖糖画的摆了一
长溜。
"""

# A subhead with its text under it, closing the story: a section of its own.
A_STORY_CLOSING_ON_A_SUBHEADED_SECTION = """2025 年4 月9 日

老街夜市重新开张
本报泉港4 月8 日电
（记者 方圆）傍晚时分，老
街两侧的摊位陆续亮灯，卖
烤红薯的、卖糖画的摆了一
长溜。

客人从哪里来

街道办负责人说，今年
的夜市开在了新修的步行街
上，离地铁站只有两百米。
"""


def _warned_lines(text: str) -> list[int | None]:
    return [w.line for w in parse_page(text, "p3.txt").warnings]


def test_heads_right_under_a_folio_printed_as_one_line_read_as_one_story() -> None:
    result = parse_page(HEADS_UNDER_A_ONE_LINE_FOLIO, "p3.txt")
    (story,) = result.articles
    assert (story.kicker, story.headline, story.subtitle) == (
        "聚焦·菜篮子",
        "菜价为何降了？",
        "本地蔬菜上市量增加两成",
    )
    assert story.paragraphs == (
        "连日来，本地大棚蔬菜集中上市，菜市场里的青菜、萝卜每斤比上月便宜了五毛钱左右。",
    )
    assert not result.warnings


def test_heads_drawn_after_their_text_with_a_question_among_them_head_that_text() -> None:
    # The question stands over a subtitle with no dash and a dateline a line later, as only a
    # story's heads stand: the three are one story's heads, not the end of its text.
    stories = parse_page(HEADS_PRINTED_AFTER_THEIR_TEXT, "p3.txt").articles
    assert (stories[0].kicker, stories[0].headline, stories[0].subtitle) == (
        "聚焦·菜篮子",
        "菜价为什么一降再降？",
        "本地蔬菜上市量增加两成",
    )
    assert stories[0].paragraphs[-1] == "菜农老陈说，今年棚里的菜长得好，一茬接一茬地卖，收入比去年多。"
    assert stories[1].headline == "老街夜市重新开张"


def test_a_kicker_read_as_a_headline_over_its_question_warns_both_stories() -> None:
    stories = parse_page(HEADS_EACH_A_BLOCK, "p3.txt").articles
    assert stories[0].headline == "聚焦·菜篮子" and stories[1].headline == "本地蔬菜上市量增加两成"
    warned = _warned_lines(HEADS_EACH_A_BLOCK)
    assert stories[0].line in warned and stories[1].line in warned


def test_a_story_closing_on_a_subhead_and_its_text_is_not_warned() -> None:
    (story,) = parse_page(A_STORY_CLOSING_ON_A_SUBHEADED_SECTION, "p3.txt").articles
    assert story.subheads == ("客人从哪里来",) and story.paragraphs[-2] == "客人从哪里来"
    assert not _warned_lines(A_STORY_CLOSING_ON_A_SUBHEADED_SECTION)


# A numbered subhead about as wide as an indent, over its section's indented first line, where
# the column's lines vary by a character (so an indented line passes for a full one).
A_SUBHEAD_OVER_AN_INDENTED_LINE = """2025 年4 月9 日　星期三
城乡
第3 版
菜价为何降了
本报泉港4 月8 日电
（记者 方圆）连日来，本地
大棚蔬菜集中上市，菜市
场里的青菜、萝卜每斤比上
月便宜了五毛钱左右，菜
农老陈说，棚里的菜长得好
一茬接一茬，卖得也快，
收入比去年多。
二、菜地来了新帮手
今年开春以来，全镇新
添了插秧机、植保无人机
等农机具，种菜的人手省了
一半还多，菜农算了一笔
账，成本降了不少。
"""


def test_a_paragraph_opening_on_a_subhead_over_an_indented_line_is_warned() -> None:
    (story,) = parse_page(A_SUBHEAD_OVER_AN_INDENTED_LINE, "p3.txt").articles
    assert story.paragraphs[-1].startswith("二、菜地来了新帮手今年开春以来")  # read into it
    subhead_line = A_SUBHEAD_OVER_AN_INDENTED_LINE.splitlines().index("二、菜地来了新帮手") + 1
    assert _warned_lines(A_SUBHEAD_OVER_AN_INDENTED_LINE) == [subhead_line]


def test_a_subhead_printed_as_a_block_of_its_own_read_into_its_section_is_warned() -> None:
    # pdfminer.six prints the subhead as a box of its own, blank lines around it.
    text = A_SUBHEAD_OVER_AN_INDENTED_LINE.replace("二、菜地来了新帮手\n", "\n二、菜地来了新帮手\n\n")
    (story,) = parse_page(text, "p3.txt").articles
    assert story.paragraphs[-1].startswith("二、菜地来了新帮手今年开春以来")
    assert _warned_lines(text) == [text.splitlines().index("二、菜地来了新帮手") + 1]


def test_a_paragraph_opening_with_no_mark_over_a_full_line_is_not_warned() -> None:
    # The same section with its paragraph's first line (no mark in it) over a full line.
    text = (
        A_SUBHEAD_OVER_AN_INDENTED_LINE.replace(
            "二、菜地来了新帮手\n今年开春以来，全镇新\n添了插秧机、植保无人机\n",
            "今年开春以来全镇新添\n了插秧机、植保无人机等农\n",
        )
        .replace("等农机具，种菜的人手省了\n", "机具，种菜的人手省了一\n")
        .replace("一半还多，菜农算了一笔\n账，", "半还多，菜农算了一笔账，\n")
    )
    (story,) = parse_page(text, "p3.txt").articles
    assert story.paragraphs[-1].startswith("今年开春以来全镇新添了插秧机")
    assert not _warned_lines(text)


# A paragraph may open right after a line ending a sentence: its first line is short, and where
# the word after it is Latin or figures (kept whole, sent down to the next line) the line is
# short of an indent too, as a paragraph's line is before such a word. Warned, not guessed.
A_SHORT_LINE_BEFORE_LATIN = """2025 年4 月9 日　星期三
城乡
第3 版
菜价为何降了
本报泉港4 月8 日电
（记者 方圆）连日来，本地
大棚蔬菜集中上市，菜市场
里的青菜、萝卜每斤比上月
便宜了五毛钱左右，价格回
落至去年同期的正常水平。
据统计，全市
CPI 中的鲜菜价格环比下降
了百分之八，降幅居全省首
位。
"""


def test_a_short_line_after_a_sentence_end_over_a_latin_word_is_warned() -> None:
    (story,) = parse_page(A_SHORT_LINE_BEFORE_LATIN, "p3.txt").articles
    assert len(story.paragraphs) == 1  # one paragraph or two: the text alone cannot tell
    short_line = A_SHORT_LINE_BEFORE_LATIN.splitlines().index("据统计，全市") + 1
    assert _warned_lines(A_SHORT_LINE_BEFORE_LATIN) == [short_line]


def test_a_short_line_over_a_latin_word_inside_a_sentence_is_not_warned() -> None:
    # The same line held short inside a sentence (the line above ends none): the paragraph goes on.
    text = A_SHORT_LINE_BEFORE_LATIN.replace("落至去年同期的正常水平。\n", "落至去年同期的正常水平，\n")
    assert not _warned_lines(text)


# pdfminer.six prints a column's boxes out of order: a paragraph broken off mid-sentence is read
# on into the next box, a headline asking a question printed alone.
A_PARAGRAPH_READ_ON_INTO_A_QUESTION = """2025 年 4 月 9 日　星期三

菜价为何降了

本报泉港 4 月 8 日电
（记者 方圆）连日来，本地
大棚蔬菜集中上市，菜市场
里的青菜、萝卜每斤比上月
便宜了五毛钱左右，菜农

夜市为什么火了？

本报讯傍晚时分，老街两
侧的摊位陆续亮灯，卖烤
红薯的、卖糖画的摆了一
长溜。
"""


def test_a_question_standing_alone_over_a_dateline_heads_the_next_story_and_the_break_is_warned() -> None:
    # The question stands as a headline asking does (alone, over its story's dateline): it heads
    # the next story, and the paragraph broken off mid-sentence above it is warned.
    stories = parse_page(A_PARAGRAPH_READ_ON_INTO_A_QUESTION, "p3.txt").articles
    assert stories[0].paragraphs[-1].endswith("菜农")
    assert stories[1].headline == "夜市为什么火了？"
    broken = A_PARAGRAPH_READ_ON_INTO_A_QUESTION.splitlines().index("便宜了五毛钱左右，菜农") + 1
    assert broken in _warned_lines(A_PARAGRAPH_READ_ON_INTO_A_QUESTION)
