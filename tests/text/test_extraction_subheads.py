"""A subhead over a paragraph in a column whose width the reader estimates a fraction of a
character short (its lines measure 11 and 12 characters, as proportional figures make them): the
paragraph's indented first line then reads as a full line, yet the subhead over it, narrower than
any indent, stays a subhead and never opens the paragraph."""

from __future__ import annotations

from audio_edition.text import parse_page

# As PyMuPDF prints a column of a typeset page: spaces around figures, no blank lines.
SUBHEAD_OVER_INDENT = """2025 年4 月9 日　星期三
城乡
第3 版
老街夜市重新开张
本报泉港4 月8 日电
（记者 方圆）2025 年老街
改造完工后，两侧商铺已有
1.2 万家重新开门营业。街
道办还在巷口新建了公厕，
居民出门散步买菜比以前方
便了许多。
■ 夜里也热闹
傍晚时分，街边的摊位
陆续亮灯，卖烤红薯的、
卖糖画的，每20 分钟就有
一拨客人围上来，摊主们
忙得顾不上喝口水。
"""


def test_a_subhead_over_an_indent_read_as_full_stays_a_subhead() -> None:
    (story,) = parse_page(SUBHEAD_OVER_INDENT, "p3.txt").articles
    assert (story.headline, story.dateline, story.byline) == (
        "老街夜市重新开张",
        "本报泉港4月8日电",
        "记者 方圆",
    )
    assert story.subheads == ("■夜里也热闹",)
    assert story.paragraphs == (
        "2025年老街改造完工后，两侧商铺已有1.2万家重新开门营业。街道办还在巷口新建了公厕，居民出门散步买菜比以前方便了许多。",
        "■夜里也热闹",
        "傍晚时分，街边的摊位陆续亮灯，卖烤红薯的、卖糖画的，每20分钟就有一拨客人围上来，摊主们忙得顾不上喝口水。",
    )


HELD_SHORT = """2025 年4 月9 日　星期三
城乡
第3 版
老街夜市重新开张
本报泉港4 月8 日电
（记者 方圆）2025 年老街
改造完工后，两侧商铺已有
1.2 万家重新开门营业。街
道办还在巷口新建了公厕，
居民出门散步买菜比以前方
便了许多。
入夜后，老街上
LED 灯串一齐点亮，照得
街巷通明，人比白天还多。
"""


def test_a_first_line_held_short_by_a_latin_word_opens_its_paragraph() -> None:
    """Running text (a comma) held short because the Latin word after it does not break: the
    paragraph's first line, not a head line, though as short as a subhead."""
    (story,) = parse_page(HELD_SHORT, "p3.txt").articles
    assert story.subheads == ()
    assert story.paragraphs[-1] == ("入夜后，老街上LED灯串一齐点亮，照得街巷通明，人比白天还多。")
