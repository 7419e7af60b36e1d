"""Misreadings an extractor's text shows, once read silently: each is read right or warned.
Small pages written as the extractors print them, in words of their own."""

from __future__ import annotations

from audio_edition.text import parse_page
from audio_edition.text.extraction import tidy_extraction

HEAD = "2024年5月8日　星期三\n综合\n第3版\n"  # the running head an extractor keeps: an extractor's page


def test_a_wrapped_headlines_rest_printed_on_its_datelines_line_goes_back_to_the_headline() -> None:
    # pypdfium2 prints text on one baseline as one line: the headline's last two characters,
    # wrapped under it, and the dateline of the column beside them.
    page = (
        HEAD
        + """河谷里的樱桃园迎来第一批采摘
客 新华社雅安 6 月 3 日
电（记者 方远）清晨五点，果农们
已经提着竹篮走进园子，把熟透的
樱桃一颗颗摘下来，装箱运往城里。
今年的樱桃个头大、甜度高，收购
商早早就在村口排起了长队。
"""
    )
    tidied = tidy_extraction(page).split("\n")
    assert tidied[3] == "河谷里的樱桃园迎来第一批采摘客"
    assert tidied[4] == "新华社雅安 6 月 3 日"
    (story,) = parse_page(page, "p3.txt").articles
    assert story.headline == "河谷里的樱桃园迎来第一批采摘客"
    assert story.dateline == "新华社雅安6月3日电"
    assert story.paragraphs[0].startswith("清晨五点")


def test_a_box_word_beside_a_dateline_stays_where_it_is() -> None:
    # A box's word (简讯) on a dateline's line is not a head's rest: it keeps its line.
    lines = ["果农们已经提着竹篮走进园子。", "简讯 本报讯 近日，全市首批", "夜市开张。"]
    assert tidy_extraction("\n".join(lines)).split("\n") == lines


def test_a_question_standing_under_a_paragraphs_full_last_line_is_doubted_as_a_subhead() -> None:
    # A subhead in the body's type asking a question (钱从哪里来？) under a paragraph whose last
    # line is full and ends a sentence reads, in text, as that paragraph's last line: warned.
    page = (
        HEAD
        + """渡口旁的老码头改成了集市
本报讯 周末一早，集市上
人来人往，卖菜的、卖花的
摊位一字排开，吆喝声此起
彼伏。不少摊主是附近的村
民，菜刚从地里摘下来，带
着露水摆上了摊，价格也比
超市便宜了不少，很受欢迎。
钱从哪里来？
改造资金一部分来自镇
里的专项补助，另一部分由
村集体和商户共同筹集。
"""
    )
    read = parse_page(page, "p3.txt")
    line = page.split("\n").index("钱从哪里来？") + 1
    assert any(w.line == line and "subhead" in w.message for w in read.warnings), read.warnings


def test_a_paragraph_closing_on_its_own_short_question_after_a_short_line_is_not_doubted() -> None:
    # The question goes on from a line that is not full: the paragraph's own last sentence.
    page = (
        HEAD
        + """渡口旁的老码头改成了集市
本报讯 周末一早，集市上
人来人往，卖菜的、卖花的
摊位一字排开。
钱从哪里来？
改造资金一部分来自镇
里的专项补助，另一部分由
村集体和商户共同筹集。
"""
    )
    assert not [w for w in parse_page(page, "p3.txt").warnings if "subhead" in w.message]


def test_a_paragraphs_line_with_figures_held_short_goes_on_from_the_line_above() -> None:
    # A paragraph's first line over a line that is full on the page but counts short: its
    # figures are set wider than half a character, and it is held a character short (the next
    # line opens on 度，, a mark may not open a line). Counted at half a character it reads as
    # an indented first line, the line above as a head standing alone; counted as set, the
    # lines run on as one paragraph.
    page = (
        HEAD
        + """山林里的护林员
本报讯 入夏以来，山里的
雨水比往年多了不少，护林
员每天都要巡山两趟，一走
就是大半天，鞋底磨破了好
几双，脚上的泡也没断过。
去年全县新栽的树苗成
活率达到了95% 的新高
度，创下历年最好成绩，护
林员们说，辛苦没有白费。
"""
    )
    (story,) = parse_page(page, "p3.txt").articles
    assert story.subheads == ()
    assert (
        story.paragraphs[-1]
        == "去年全县新栽的树苗成活率达到了95%的新高度，创下历年最好成绩，护林员们说，辛苦没有白费。"
    )


def test_a_paragraphs_line_with_figures_and_a_squeezed_comma_goes_on_from_the_line_above() -> None:
    # The line with figures ends on a comma squeezed half wide: counted at half a character it
    # is an indented first line with its mark squeezed in; counted as set, it fills the column.
    page = (
        HEAD
        + """山林里的护林员
本报讯 入夏以来，山里的
雨水比往年多了不少，护林
员每天都要巡山两趟，一走
就是大半天，鞋底磨破了好
几双，脚上的泡也没断过。
今年全县各乡镇粮食的
产量52.8 万吨，增长6%，
比上一年增加了三成多，创
下历史新高。
"""
    )
    (story,) = parse_page(page, "p3.txt").articles
    assert story.subheads == ()
    assert story.paragraphs[-1].startswith("今年全县各乡镇粮食的产量52.8万吨")


def test_a_subhead_over_an_indented_first_line_with_figures_stays_a_subhead() -> None:
    # The same figures in a paragraph's indented first line, which the next line carries on
    # with no mark held down with it: a subhead over its paragraph.
    page = (
        HEAD
        + """山林里的护林员
本报讯 入夏以来，山里的
雨水比往年多了不少，护林
员每天都要巡山两趟，一走
就是大半天，鞋底磨破了好
几双，脚上的泡也没断过。
树苗成活率创新高
去年新栽树苗有95%
成活，创下了历年来最好的
成绩，护林员们都很高兴。
"""
    )
    (story,) = parse_page(page, "p3.txt").articles
    assert story.subheads == ("树苗成活率创新高",)
    assert story.paragraphs[-1].startswith("去年新栽树苗有95%成活")
