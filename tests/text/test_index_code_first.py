"""An index whose items print their page first (B03  春茶开采了), as some papers set them, one item
broken over two lines: every item and its broken rest are the index's, never a story's text."""

from __future__ import annotations

from audio_edition.text import FurnitureKind, parse_page

# As PyMuPDF prints the page: no blank lines, spaces around figures.
PAGE = """2025 年4 月9 日　星期三
城乡
第3 版
要目
B03  春茶开采了
C12  高铁新站封顶：城北枢纽明
年通车
山里的图书馆  B7
老街夜市重新开张
本报泉港4 月8 日电
（记者 方圆）傍晚时分，老
街两侧的摊位陆续亮灯，卖
烤红薯的、卖糖画的摆了一
长溜。
"""


def test_index_items_with_their_page_first_are_the_indexs() -> None:
    page = parse_page(PAGE, "p3.txt")
    (story,) = page.articles
    assert (story.headline, story.dateline) == ("老街夜市重新开张", "本报泉港4月8日电")
    index = [f.text for f in page.furniture if f.kind is FurnitureKind.INDEX]
    assert index == ["要目", "B03  春茶开采了", "C12  高铁新站封顶：城北枢纽明", "年通车", "山里的图书馆  B7"]
