"""An index box's items as some papers set them, on a page PyMuPDF printed (no blank lines, spaces
around figures): every item and each broken piece of one are the index's, never a story's text or
a kicker or headline of the story printed under the box."""

from __future__ import annotations

from audio_edition.text import FurnitureKind, Page, parse_page

HEAD = "2025 年4 月9 日　星期三\n城乡\n第3 版\n"
STORY = """老街夜市重新开张
本报泉港4 月8 日电
（记者 方圆）傍晚时分，老
街两侧的摊位陆续亮灯，卖
烤红薯的、卖糖画的摆了一
长溜。
"""


def _index(page: Page) -> list[str]:
    return [f.text for f in page.furniture if f.kind is FurnitureKind.INDEX]


def test_index_items_with_their_page_first_are_the_indexs() -> None:
    # Items printing their page first (B03  春茶开采了), one broken over two lines.
    index = "要目\nB03  春茶开采了\nC12  高铁新站封顶：城北枢纽明\n年通车\n山里的图书馆  B7\n"
    page = parse_page(HEAD + index + STORY, "p3.txt")
    (story,) = page.articles
    assert (story.headline, story.dateline) == ("老街夜市重新开张", "本报泉港4月8日电")
    assert _index(page) == [
        "要目",
        "B03  春茶开采了",
        "C12  高铁新站封顶：城北枢纽明",
        "年通车",
        "山里的图书馆  B7",
    ]


def test_an_index_items_page_broken_after_its_figure_is_the_indexs() -> None:
    # In a narrow box the page reference breaks after its figure (…  7 / 版), as a typesetter may
    # break between any two characters of Chinese text.
    index = "今日看点\n二号线试运行  第4 版\n水果店开到了小区门口！  7\n版\n"
    page = parse_page(HEAD + index + STORY, "p3.txt")
    (story,) = page.articles
    assert (story.kicker, story.headline, story.dateline) == (None, "老街夜市重新开张", "本报泉港4月8日电")
    assert _index(page) == ["今日看点", "二号线试运行  第4 版", "水果店开到了小区门口！  7", "版"]


def test_index_items_pointing_with_an_arrow_or_jian_are_the_indexs_whatever_its_title() -> None:
    # A title no list holds; items pointing →C4 (page first) or 见D2 (page last, no space), one
    # broken over two lines with its pointer on the second.
    index = "本报提要\n→ C4  河滩公园添了观鸟台\n旧厂房变身创意街区\n见D2\n城西菜场夜里也开张  ▶07版\n"
    page = parse_page(HEAD + index + STORY, "p3.txt")
    (story,) = page.articles
    assert (story.kicker, story.headline, story.dateline) == (None, "老街夜市重新开张", "本报泉港4月8日电")
    assert _index(page) == [
        "本报提要",
        "→ C4  河滩公园添了观鸟台",
        "旧厂房变身创意街区",
        "见D2",
        "城西菜场夜里也开张  ▶07版",
    ]


def test_an_items_first_half_over_its_pointer_and_a_head_between_title_and_items_are_placed() -> None:
    # pdfplumber prints the box's title, then the head of the story beside the box, then the
    # items; the first item broken before its last character, 见D2 after it. The head asks a question:
    # its mark is a head's, not running text's.
    lines = "本报提要\n老街夜市为何又热闹了？\n旧厂房变身创意街\n区 见D2\n→ C4 河滩公园添了观鸟台\n"
    body = "本报泉港4 月8 日电\n（记者 方圆）傍晚时分，老\n街两侧的摊位陆续亮灯，卖\n烤红薯的、卖糖画的摆了一\n长溜。\n"
    page = parse_page(HEAD + lines + body, "p3.txt")
    (story,) = page.articles
    assert (story.headline, story.dateline) == ("老街夜市为何又热闹了？", "本报泉港4月8日电")
    assert _index(page) == ["本报提要", "旧厂房变身创意街", "区 见D2", "→ C4 河滩公园添了观鸟台"]


def test_a_story_pointing_once_to_another_page_keeps_its_lines() -> None:
    # One pointer in a paragraph, its line broken right after it, is the story's, not an index.
    story = """老街夜市重新开张
本报泉港4 月8 日电
（记者 方圆）傍晚时分，老
街两侧的摊位陆续亮灯，夜市
的来历详见第3版
。卖烤红薯的、卖糖画的摆了
一长溜。
"""
    page = parse_page(HEAD + story, "p3.txt")
    (article,) = page.articles
    assert not _index(page)
    assert "详见第3版" in "".join(article.paragraphs)


def test_index_items_glued_on_one_line_by_the_extractor_are_the_indexs() -> None:
    # An extractor joined two items of a box beside a story into one line: two pointers in it.
    index = "本报提要\n旧厂房变身创意街区见D2→C4河滩公园添了观鸟台\n城西菜场夜里也开张  ▶07版\n"
    page = parse_page(HEAD + index + STORY, "p3.txt")
    (story,) = page.articles
    assert (story.kicker, story.headline) == (None, "老街夜市重新开张")
    assert _index(page) == [
        "本报提要",
        "旧厂房变身创意街区见D2→C4河滩公园添了观鸟台",
        "城西菜场夜里也开张  ▶07版",
    ]
