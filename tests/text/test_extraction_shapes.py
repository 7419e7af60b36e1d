"""Head tiers and paragraphs in shapes other papers print: a kicker longer than its headline,
a kicker shaped as a label, a one-line sentence opening a paragraph, a line broken before a
quotation, read from small pages written the way the extractors print them."""

from __future__ import annotations

from audio_edition.text import parse_page

_HEADS = """2024 年3 月5 日　星期二
要闻
第2 版
{heads}
本报福州3 月4 日电
（记者 林晓）据统计，全市
新增各类市场主体一万余
户，同比增长百分之八点
五。
"""


def test_a_kicker_longer_than_its_headline_joined_to_it_is_doubted() -> None:
    """A kicker (引题) longer than its headline, the headline under it as long as headlines run:
    read as one headline wrapped over two lines (only type size tells), with a doubt."""
    page = parse_page(_HEADS.format(heads="全力以赴推动县域经济高质量发展\n山村果园迎来丰收季"), "p2.txt")
    (story,) = page.articles
    assert story.headline is not None and story.headline.endswith("山村果园迎来丰收季")
    assert [w for w in page.warnings if "kicker (引题) over the headline" in w.message]


def test_a_headline_wrapped_with_a_short_remainder_is_not_doubted() -> None:
    """A headline wrapped over two lines, its remainder shorter than any headline: one tier."""
    page = parse_page(_HEADS.format(heads="沿海港口集装箱吞吐量\n再创新高"), "p2.txt")
    (story,) = page.articles
    assert story.headline == "沿海港口集装箱吞吐量再创新高"
    assert not page.warnings


def test_a_label_with_its_colon_over_a_longer_line_is_the_kicker() -> None:
    """A column's label and its colon or middle dot opening the upper of two head lines (专家
    解读：…): the kicker (引题) over its headline, though the upper is as long as a headline and
    would otherwise read as one over a subtitle with no dash; the other reading is named."""
    for label in ("记者调查：小微企业融资难题怎样破解", "乡村振兴·田野新观察"):
        page = parse_page(_HEADS.format(heads=f"{label}\n全市今年新建改建农村公路一千二百公里"), "p2.txt")
        (story,) = page.articles
        assert (story.kicker, story.headline, story.subtitle) == (
            label,
            "全市今年新建改建农村公路一千二百公里",
            None,
        )
        assert [w for w in page.warnings if "if the first is the headline" in w.message]


_TWO_STORIES = """2024 年3 月5 日　星期二
要闻
第2 版
{kicker}
城郊菜园搭起智能大棚

本报漳州3 月4 日电
（记者 陈雨）今年开春以来，
城郊十多个村的菜园搭起了
智能大棚，温度湿度都由手
机调控。

{kicker}
渔港码头装上充电桩

本报宁德3 月4 日电
（记者 吴桐）渔港码头近日
装上了一排充电桩，渔船靠
岸就能充电，不再烧柴油。
"""


def test_a_labelled_kicker_over_two_stories_is_a_series_and_not_doubted() -> None:
    """A label with its middle dot set over two stories' headlines is a series' kicker (引题):
    two stories never share a headline, so neither reading is in doubt."""
    page = parse_page(_TWO_STORIES.format(kicker="海峡两岸·春日新气象"), "p2.txt")
    assert [(a.kicker, a.headline) for a in page.articles] == [
        ("海峡两岸·春日新气象", "城郊菜园搭起智能大棚"),
        ("海峡两岸·春日新气象", "渔港码头装上充电桩"),
    ]
    assert not [w for w in page.warnings if "(引题)" in w.message], page.warnings


def test_a_speakers_name_and_colon_opens_a_headline() -> None:
    """A name before a colon (a speaker quoted in the headline) is no label: two lines about as
    long stay headline over subtitle, doubted as before."""
    page = parse_page(
        _HEADS.format(heads="林华：让更多群众吃上放心菜\n全省农产品抽检合格率保持高位"), "p2.txt"
    )
    (story,) = page.articles
    assert (story.headline, story.subtitle) == ("林华：让更多群众吃上放心菜", "全省农产品抽检合格率保持高位")


_QUESTION = """2024 年3 月5 日　星期二
要闻
第2 版
山区茶农走上致富路
本报福州3 月4 日电
（记者 林晓）今年春茶开采
以来，全县茶叶收购价同比
上涨两成，茶农户均增收三
千余元。
效益为什么逐年提高？
{next}
还请来专家上门指导管护。
下一步，当地将继续延
伸茶产业链条，打响区域品
牌。
"""


def test_a_paragraph_opening_on_a_one_line_question_goes_on_in_the_full_line_under_it() -> None:
    """A question that fills a paragraph's indented first line, ending at the line's end: the
    full line under it carries the paragraph on (a paragraph opens on an indented line)."""
    page = parse_page(_QUESTION.format(next="原来合作社统一引进良种，"), "p2.txt")
    (story,) = page.articles
    assert story.paragraphs == (
        "今年春茶开采以来，全县茶叶收购价同比上涨两成，茶农户均增收三千余元。",
        "效益为什么逐年提高？原来合作社统一引进良种，还请来专家上门指导管护。",
        "下一步，当地将继续延伸茶产业链条，打响区域品牌。",
    )


def test_a_one_line_question_over_an_indented_line_is_a_paragraph_of_its_own() -> None:
    """The same question over an indented line: that line opens the next paragraph."""
    page = parse_page(_QUESTION.format(next="原来合作社引进良种，"), "p2.txt")
    (story,) = page.articles
    assert story.paragraphs[1:3] == ("效益为什么逐年提高？", "原来合作社引进良种，还请来专家上门指导管护。")


def test_a_one_line_question_over_a_line_held_short_by_a_number_is_doubted() -> None:
    """Under the question, a line short of the column only because the number opening the next
    line (5000 亩) did not fit at its end: a full line going on, or the next paragraph's
    indented first line. The text cannot tell, and says so."""
    text = _QUESTION.replace(
        "{next}\n还请来专家上门指导管护。", "今年全县新建标准茶园\n5000 亩，带动两千余户就\n业。"
    )
    page = parse_page(text, "p2.txt")
    assert [w for w in page.warnings if "only by the number" in w.message]


def test_a_line_broken_between_a_colon_and_the_quotation_it_opens_is_running_text() -> None:
    """PyMuPDF ends a line at 表示： and prints the opening quote and what follows it on a line
    of its own: the two pieces fill a column, one printed line of the paragraph, not heads."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
山区茶农走上致富路
本报福州3 月4 日电
（记者 林晓）今年春茶开采
以来，全县茶叶收购价同比
上涨两成。
谈及今年的收成，茶农
合作社负责人表示：
“今年
的春茶品质是近年来最好，
订单已经排到了五月。”
"""
    page = parse_page(text, "p2.txt")
    (story,) = page.articles
    assert story.paragraphs == (
        "今年春茶开采以来，全县茶叶收购价同比上涨两成。",
        "谈及今年的收成，茶农合作社负责人表示：“今年的春茶品质是近年来最好，订单已经排到了五月。”",
    )
    assert not page.warnings


def test_a_headline_of_three_spaced_phrases_taken_as_a_slogan_is_doubted() -> None:
    """pdftotext prints each head as a block of its own; on a page with an ad, a headline of
    three phrases set apart by spaces is shaped as the ad's slogan and taken as it. Standing
    between a story's heads and its dateline, it is doubted."""
    text = """2024 年3 月5 日

星期二

要闻

第2 版

聚焦春耕一线

抢农时 保供给 促增收

本报福州3 月4 日电（记者 林晓）今年春
耕以来，全县已完成早稻育秧三万余亩，
农资供应充足。

公益广告

节约粮食 从我做起
"""
    page = parse_page(text, "p2.txt")
    assert [w for w in page.warnings if "ad's slogan" in w.message]


def test_a_wide_headline_with_a_comma_over_a_dashed_subtitle_is_a_headline() -> None:
    """A headline set across columns holds a comma, as a wider box's running text does; but the
    line under it opens on a dash, which only a subtitle (副题) does: the two are heads."""
    text = """2024年3月5日　星期二
要闻
第2版
春茶开采价格走高，茶农户均增收三千余元
——来自闽北山区的蹲点报告
本报记者 林晓
本报讯 今年春茶开采
以来，全县茶叶收购价同
比上涨两成，茶农户均增
收三千余元。
"""
    page = parse_page(text, "p2.txt")
    (story,) = page.articles
    assert (story.headline, story.subtitle) == (
        "春茶开采价格走高，茶农户均增收三千余元",
        "——来自闽北山区的蹲点报告",
    )
    assert story.paragraphs == ("今年春茶开采以来，全县茶叶收购价同比上涨两成，茶农户均增收三千余元。",)


def test_a_paragraph_opening_on_a_words_last_character_is_doubted() -> None:
    """Lines holding numbers measure short of the column (digits and the space set round them
    count less than they take), so a paragraph's full lines may look like a head and an indented
    first line: the line read as a paragraph's first opens on a word's last character and a
    comma (亩，带动…), where no sentence opens, and the editor is told."""
    text = _QUESTION.replace(
        "{next}\n还请来专家上门指导管护。",
        "全县新建茶园面积2.3 万\n亩，带动1200 余户增收，\n茶农们的日子越过越红火。",
    )
    page = parse_page(text, "p2.txt")
    assert [w for w in page.warnings if "a word's last character" in w.message]
