"""An index item in a narrow box whose page reference breaks after its figure (…  7 / 版), as a
typesetter may break between any two characters of Chinese text: the item and the 版 under it are
the index's, never a kicker or headline of the story printed under the box."""

from __future__ import annotations

from audio_edition.text import FurnitureKind, parse_page

# As PyMuPDF prints the page: no blank lines, spaces around figures.
PAGE = """2025 年4 月9 日　星期三
城乡
第3 版
今日看点
二号线试运行  第4 版
水果店开到了小区门口！  7
版
老街夜市重新开张
本报泉港4 月8 日电
（记者 方圆）傍晚时分，老
街两侧的摊位陆续亮灯，卖
烤红薯的、卖糖画的摆了一
长溜。
"""


def test_an_index_items_page_broken_after_its_figure_is_the_indexs() -> None:
    page = parse_page(PAGE, "p3.txt")
    (story,) = page.articles
    assert (story.kicker, story.headline, story.dateline) == (None, "老街夜市重新开张", "本报泉港4月8日电")
    index = [f.text for f in page.furniture if f.kind is FurnitureKind.INDEX]
    assert index == ["今日看点", "二号线试运行  第4 版", "水果店开到了小区门口！  7", "版"]
