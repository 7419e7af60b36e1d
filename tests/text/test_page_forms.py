"""Forms pages laid out like this paper's print and the sample does not show (issue 23): subheads
nearly as wide as the column, headline-first pages opening on a continued story, editor lines
naming several roles, captions opening on their date, boxed jump lines, bylines naming two
reporters. Small pages in a 14-wide column: full lines 14 characters, first lines 12."""

from __future__ import annotations

import pytest

from audio_edition.text import FurnitureKind, HeadlinePosition, parse_page
from audio_edition.text.layout import is_letter_spaced

# A subhead a character or two short of the column, between a paragraph's end and the next
# paragraph's indented first line.
WIDE_SUBHEAD = """■上接第1版 全市供热企业提前
完成管网检修和设备调试，确保
居民家中室温达标，随时受理群
众反映的问题。

准备——热企陆续启动设备

记者在现场看到，工人们
正在对换热站的阀门和仪表逐一
进行检查，确保设备稳定运行。

冬季供暖保障有力有序
"""


def test_a_subhead_nearly_as_wide_as_the_column_stands_alone() -> None:
    (article,) = parse_page(WIDE_SUBHEAD).articles
    assert article.subheads == ("准备——热企陆续启动设备",)
    assert article.paragraphs[1:] == (
        "准备——热企陆续启动设备",
        "记者在现场看到，工人们正在对换热站的阀门和仪表逐一进行检查，确保设备稳定运行。",
    )
    assert article.headline == "冬季供暖保障有力有序"


def test_before_a_full_line_the_same_line_is_a_paragraph_broken_by_a_column() -> None:
    # A full line after the blank carries the column's text on: the blank was a column break.
    page = WIDE_SUBHEAD.replace("记者在现场看到，工人们\n", "记者在现场看到，工人们在现场\n")
    (article,) = parse_page(page).articles
    assert article.subheads == ()
    assert article.paragraphs[1].startswith("准备——热企陆续启动设备记者在现场看到")


# A headline-first page opening on the rest of a story from page 1: body text at both ends.
CONTINUED_FIRST = """（上接第1版）各地还组织志愿
者上门检查供热设施，确保群众
温暖过冬。

坚持绿色发展

内蒙古新能源装机容量突破一亿千瓦

——全区能源结构持续优化

本报呼和浩特12月24日电
（记者 李华 王明）记者从自治区
能源局获悉，全区新能源装机容
量突破一亿千瓦大关。

本版责任编辑：王敏　版式设计：李强　校对：张燕
"""


def test_a_headline_first_page_may_open_on_a_continued_story() -> None:
    page = parse_page(CONTINUED_FIRST, "p2.txt")
    assert page.headlines is HeadlinePosition.BEFORE
    assert not any("cannot tell" in w.message for w in page.warnings), page.warnings
    continued, story = page.articles
    assert (continued.headline, continued.continued_from_page) == (None, 1)
    assert continued.paragraphs == ("各地还组织志愿者上门检查供热设施，确保群众温暖过冬。",)
    assert (story.kicker, story.headline, story.subtitle) == (
        "坚持绿色发展",
        "内蒙古新能源装机容量突破一亿千瓦",
        "——全区能源结构持续优化",
    )
    assert (story.dateline, story.byline) == ("本报呼和浩特12月24日电", "记者 李华 王明")
    assert page.furniture[-1].kind is FurnitureKind.EDITOR


@pytest.mark.parametrize(
    "editors",
    [
        "本版责任编辑：王敏　版式设计：李强　校对：张燕",
        "本版主编：王敏 责任编辑：李强",
        "图片编辑：王敏 责任校对：李强",
        "版式设计：李强 责任编辑：王敏",
    ],
)
def test_an_editor_line_naming_several_roles_is_furniture(editors: str) -> None:
    # Read as text it would close a headline-first page on a block: the page read headline-after.
    page = parse_page(CONTINUED_FIRST.replace("本版责任编辑：王敏　版式设计：李强　校对：张燕", editors))
    assert page.furniture[-1].kind is FurnitureKind.EDITOR
    assert page.headlines is HeadlinePosition.BEFORE
    assert len(page.articles) == 2


def test_a_caption_opening_on_its_date_and_a_boxed_jump_line_are_furniture() -> None:
    page = parse_page(
        """本报讯 全市供热企业提前完成管
网检修和设备调试，确保居民家中
室温达标。
■下转第2版

冬季供暖保障有力有序

8月6日，志愿者在那达慕现场服务
游客。（呼伦贝尔市委宣传部供图）

本报赤峰12月24日电 冬季旅游持
续升温，游客人数同比增长三成。

冬季旅游火热
"""
    )
    assert [(f.kind, f.line) for f in page.furniture] == [
        (FurnitureKind.JUMP, 4),
        (FurnitureKind.CAPTION, 8),
    ]
    first, second = page.articles
    assert (first.headline, first.continued_on_page) == ("冬季供暖保障有力有序", 2)
    assert (second.headline, second.line) == ("冬季旅游火热", 11)


def test_a_byline_naming_two_reporters_is_not_letter_spaced() -> None:
    # Broken after its bracket's first character, the byline's line opens on a lone character
    # and two names, as a letter-spaced headline opens on lone characters.
    page = parse_page(
        """本报包头12月24日电 （记
者 薛来 王明）全市供热企业提
前完成管网检修和设备调试，确保
居民家中室温达标。

冬季供暖保障有力有序
"""
    )
    assert page.articles[0].byline == "记者 薛来 王明"
    assert not is_letter_spaced("者 薛来 王明）全市供热企业提")
    assert is_letter_spaced("基 础 实 战 演 练 开 展")


def test_a_subtitle_under_a_headline_printed_after_its_body() -> None:
    # The headline a full line wide: before a line opening with a dash no column break comes.
    page = parse_page(
        """本报讯 全市供热企业提前完成管
网检修和设备调试，确保居民家
中室温达标。

冬季供暖保障有力有序稳步推进

——全区各地确保群众温暖过冬

本报赤峰12月24日电 冬季旅游持
续升温，游客人数同比增长三成。

冬季旅游火热
"""
    )
    assert page.headlines is HeadlinePosition.AFTER
    first, second = page.articles
    assert (first.headline, first.subtitle, first.kicker) == (
        "冬季供暖保障有力有序稳步推进",
        "——全区各地确保群众温暖过冬",
        None,
    )
    assert first.paragraphs == ("全市供热企业提前完成管网检修和设备调试，确保居民家中室温达标。",)
    assert (second.headline, second.subtitle) == ("冬季旅游火热", None)


def test_a_column_broken_off_after_a_word_ending_in_she_is_not_a_caption() -> None:
    # Between blank lines and closing on 摄 after a space, as an unbracketed credit does, but no
    # sentence ends before it: a column's text, not a caption.
    page = parse_page(
        """本报讯 这组照片记录了草原四季
的变化和牧民生活的点滴，其中

最早一张是他本人在 2023 年拍摄

的，最新的一张摄于上个月。

草原四季
"""
    )
    assert page.furniture == ()
    assert page.articles[0].paragraphs == (
        "这组照片记录了草原四季的变化和牧民生活的点滴，其中最早一张是他本人在2023年拍摄的，最新的一张摄于上个月。",
    )
