"""Heads and briefs of the shapes a business daily prints, as an extractor gives them.

Briefs in a box set wider than the page's columns: an item's first line runs across the box
with no mark, broken anywhere (before its first comma too), and its last line closes on its
writer's name. The first line is the item's text, not a headline. A kicker of a label and
parallel phrases (…观察：稳中有进 后劲十足) over its headline is the kicker."""

from __future__ import annotations

from audio_edition.text import parse_page
from audio_edition.text.articles import labelled_kicker
from tests.text.snippets import LEAD_STORY

_PAGE = (
    LEAD_STORY
    + """城市快讯
市交通部门3 月4 日宣布新开通的两条夜班公交
线路本周起试运行。（李华）
本报讯全市首批智慧停车场投入使用，
车主可在线预约车位。（张强）
"""
)


def test_a_wide_briefs_first_line_over_its_closing_line_is_the_briefs_text() -> None:
    page = parse_page(_PAGE, "p2.txt")
    first, *briefs = page.articles
    assert first.headline == "江边步道今起开放"
    assert [(b.headline, b.byline) for b in briefs] == [(None, "李华"), (None, "张强")]
    assert briefs[0].paragraphs == ("市交通部门3月4日宣布新开通的两条夜班公交线路本周起试运行。",)


def test_a_wide_headline_over_a_story_is_still_its_headline() -> None:
    # The line under the wide line runs on past it: a story, not a brief's closing line.
    text = _PAGE.replace(
        "线路本周起试运行。（李华）\n",
        "本报讯（记者 李华）两条线路\n本周起试运行，沿途设站\n二十余个。（李华）\n",
    )
    briefs = parse_page(text, "p2.txt").articles[1:]
    assert briefs[0].headline == "市交通部门3月4日宣布新开通的两条夜班公交"


def test_a_label_over_parallel_phrases_is_the_kicker_over_the_headline() -> None:
    # The label before the colon is longer than a column's name, but the phrases set apart by a
    # space after it are a kicker's shape, over a headline shorter than it.
    assert labelled_kicker("长三角区域发展观察：稳中有进 后劲十足", "东城新区首批项目开工")
    # One clause after a long label's colon is a headline's shape: headline over subtitle.
    assert not labelled_kicker("本市城市公共交通部门：夜班公交本周试运行", "两条线路沿途设站二十余个")


def test_a_question_after_a_paragraph_broken_off_is_the_next_storys_headline() -> None:
    # The paragraph above breaks off mid-sentence at a block break (its rest printed elsewhere);
    # the question under the break stands over a byline: a headline, not the paragraph's rest.
    text = _PAGE.split("城市快讯")[0].replace("入夜后还有灯光照明。", "入夜后还有灯光") + (
        "\n夜班公交能否坐满？\n□本报记者 李华\n本报讯两条夜班公交线路本周\n起试运行，沿途设站二十余个，\n末班车延至凌晨。\n"
    )
    stories = parse_page(text, "p2.txt").articles
    assert [(s.headline, s.byline) for s in stories][1] == ("夜班公交能否坐满？", "□本报记者 李华")
    assert stories[1].paragraphs[0].startswith("两条夜班公交")


def test_a_question_over_a_box_of_briefs_is_the_headline_of_the_story_above() -> None:
    # Drawn headline-after, the page prints a story's body, then its heads, then the box of
    # briefs under them: the question right over the box's title is the story's headline.
    text = """2024 年3 月5 日　星期二
城市·生活
第2 版
本报讯（记者 王明）两条夜班公交
线路本周起试运行，沿途设站二十余
个，末班车延至凌晨一点。
夜班公交能否坐满？
城市快讯
本报讯全市首批智慧停车场投入使用，
车主可在线预约车位。（张强）
本报讯市图书馆延长周末开放时间，
每晚闭馆推迟至九点。（李华）
本报讯（记者 赵磊）江边步道全长八
公里，今天正式向市民开放，入夜后还
有灯光照明。
江边步道今起开放
"""
    stories = parse_page(text, "p2.txt").articles
    assert [(s.headline, s.section) for s in stories][:3] == [
        ("夜班公交能否坐满？", None),
        (None, "城市快讯"),
        (None, "城市快讯"),
    ]
