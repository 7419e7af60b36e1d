"""Boxes known by their shape, whatever their titles say: a chart's title over its figures, an
index's title by its items, an ad's label by its slogan or phone number. The words here are no
paper's: only the shape tells, as on a page nobody has seen."""

from __future__ import annotations

from audio_edition.text import FurnitureKind, Page, parse_page


def _spoken(page: Page, words: str) -> bool:
    """Whether ``words`` are read out anywhere: a headline, a tier or a paragraph."""
    pieces = [t for a in page.articles for t in (a.headline, a.kicker, a.subtitle, *a.paragraphs) if t]
    return any(words in piece.replace(" ", "") for piece in pieces)


def _kind(page: Page, kind: FurnitureKind) -> list[str]:
    return [f.text.replace(" ", "") for f in page.furniture if f.kind is kind]


# As pdftotext prints a chart box: its title (no 图表 in it) a block of its own over its labels.
CHART = """2025 年 9 月 2 日

星期二

民生

第4版

菜价看板：本周叶菜均价

单位：元/斤

周一

周三

资料来源：市农业农村局

秋菜上市价格回落
本报讯 记者从市农业农村局获
悉，本周全市叶菜均价比上周下降
一成，白菜、菠菜降幅最大。
"""


def test_a_charts_title_of_any_words_over_its_figures_is_furniture() -> None:
    page = parse_page(CHART, "p4.txt")
    assert not _spoken(page, "菜价看板")
    assert "菜价看板：本周叶菜均价" in _kind(page, FurnitureKind.CHART)
    (story,) = page.articles
    assert story.headline == "秋菜上市价格回落"


# A headline made as a chart's title is (a label, a colon, its subject), over its story.
HEAD_WITH_A_COLON = """2025 年 9 月 2 日

星期二

民生

第4版

夜访菜场：凌晨的批发档口

本报记者 韩青

本报讯 凌晨两点，批发档口已经
灯火通明，一车车秋菜从城外运来。
"""


def test_a_headline_with_a_colon_over_its_story_is_kept() -> None:
    page = parse_page(HEAD_WITH_A_COLON, "p4.txt")
    (story,) = page.articles
    assert story.headline == "夜访菜场：凌晨的批发档口"
    assert _kind(page, FurnitureKind.CHART) == []


# As PyMuPDF prints an index whose first item gives its page first and breaks over two lines.
INDEX_FIRST_ITEM_BROKEN = """2025 年 9 月 2 日　星期二
民生
第4 版
看点速览
C03  城北枢纽封顶：明年春
天通车
山里的图书馆  C7
秋茶开采  C11
秋菜上市价格回落
本报讯 记者从市农业农村局获
悉，本周全市叶菜均价比上周下降
一成，白菜、菠菜降幅最大。
"""


def test_an_index_item_page_first_broken_over_two_lines_is_the_indexs() -> None:
    page = parse_page(INDEX_FIRST_ITEM_BROKEN, "p4.txt")
    assert not _spoken(page, "城北枢纽封顶")
    assert not _spoken(page, "天通车")
    index = _kind(page, FurnitureKind.INDEX)
    assert index[:2] == ["C03城北枢纽封顶：明年春", "天通车"]
