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
    assert {"C03城北枢纽封顶：明年春", "天通车"} <= set(index)


# As PyMuPDF prints an index box under a title no list holds, its items giving their page last.
INDEX_UNDER_ITS_TITLE = """2025 年 9 月 2 日　星期二
民生
第4 版
版面导航
城北枢纽封顶  C3
山里的图书馆  C7
秋茶开采  C11
秋菜上市价格回落
本报讯 记者从市农业农村局获
悉，本周全市叶菜均价比上周下降
一成，白菜、菠菜降幅最大。
"""


def test_an_index_title_of_any_words_over_its_items_is_furniture() -> None:
    page = parse_page(INDEX_UNDER_ITS_TITLE, "p4.txt")
    assert not _spoken(page, "版面导航")
    assert _kind(page, FurnitureKind.INDEX)[0] == "版面导航"
    (story,) = page.articles
    assert story.headline == "秋菜上市价格回落"


# As PDFium prints it: the title joined to the head beside the box, on one baseline.
INDEX_TITLE_BESIDE_A_HEAD = """2025 年 9 月 2 日　星期二
民生
第4 版
秋菜上市价格回落 版面导航
城北枢纽封顶  C3
山里的图书馆  C7
秋茶开采  C11
本报讯 记者从市农业农村局获
悉，本周全市叶菜均价比上周下降
一成，白菜、菠菜降幅最大。
"""


def test_an_index_title_ending_the_head_beside_it_is_furniture_and_the_head_kept() -> None:
    page = parse_page(INDEX_TITLE_BESIDE_A_HEAD, "p4.txt")
    assert not _spoken(page, "版面导航")
    assert "秋菜上市价格回落" in [a.headline for a in page.articles]


# As pdftotext prints it: the title among the heads of the page's top row, the items further on.
INDEX_TITLE_APART = """2025 年 9 月 2 日

星期二

民生

第4版

版面导航

秋菜上市价格回落

本报讯 记者从市农业农村局获
悉，本周全市叶菜均价比上周下降
一成，白菜、菠菜降幅最大。

城北枢纽封顶 C3
山里的图书馆 C7
秋茶开采 C11

市场人士预计，下周菜价还将小
幅回落，市民不必囤菜。
"""


def test_an_index_title_printed_apart_from_its_items_is_furniture() -> None:
    page = parse_page(INDEX_TITLE_APART, "p4.txt")
    assert not _spoken(page, "版面导航")
    (story,) = page.articles
    assert story.headline == "秋菜上市价格回落"


# As PyMuPDF prints a public-service ad under a label no list holds, then a commercial one.
ADS_UNDER_THEIR_LABELS = """2025 年 9 月 2 日　星期二
民生
第4 版
秋菜上市价格回落
本报讯 记者从市农业农村局获
悉，本周全市叶菜均价比上周下降
一成，白菜、菠菜降幅最大。
温馨提示
节水护河 人人有责
资讯
山泉水 送水到家 订水热线：0571-8866 1234
本版责任编辑：韩青
"""


def test_ad_labels_of_any_words_with_their_slogan_or_phone_are_furniture() -> None:
    page = parse_page(ADS_UNDER_THEIR_LABELS, "p4.txt")
    for words in ("温馨提示", "节水护河", "资讯"):
        assert not _spoken(page, words)
    ads = _kind(page, FurnitureKind.AD)
    assert {"温馨提示", "节水护河人人有责", "资讯"} <= set(ads)


# A column's name over a kicker of short phrases, then the headline and its story: all kept.
KICKER_UNDER_A_COLUMN_NAME = """2025 年 9 月 2 日　星期二
民生
第4 版
深观察
稳就业 保民生
城东新开三家招聘驿站
本报讯 记者从市人社局获悉，城
东三家招聘驿站昨日开门迎客。
"""


def test_a_kicker_of_short_phrases_under_a_short_line_heads_its_story() -> None:
    page = parse_page(KICKER_UNDER_A_COLUMN_NAME, "p4.txt")
    (story,) = page.articles
    assert story.paragraphs == ("记者从市人社局获悉，城东三家招聘驿站昨日开门迎客。",)
    assert _spoken(page, "稳就业保民生") and _spoken(page, "城东新开三家招聘驿站")
    assert _kind(page, FurnitureKind.AD) == []


# As PyMuPDF prints a box of briefs under a title no list holds: one item opens on a dateline.
BRIEFS_UNDER_THEIR_TITLE = """2025 年 9 月 2 日　星期二
民生
第4 版
秋菜上市价格回落
本报讯 记者从市农业农村局获
悉，本周全市叶菜均价比上周下降
一成，白菜、菠菜降幅最大。
巷陌短波
城西菜场周日起夜间营业至
22 时。（韩青）
本报讯 市图书馆新添自助借还
机 12 台。（方圆）
"""


def test_a_brief_boxs_title_of_any_words_is_its_items_section() -> None:
    page = parse_page(BRIEFS_UNDER_THEIR_TITLE, "p4.txt")
    assert not _spoken(page, "巷陌短波")
    # Read as the box is under a title known by its words.
    known = parse_page(BRIEFS_UNDER_THEIR_TITLE.replace("巷陌短波", "简讯"), "p4.txt")
    assert [(a.headline, a.paragraphs) for a in page.articles] == [
        (a.headline, a.paragraphs) for a in known.articles
    ]


# A headline ending on a question mark right under a box of briefs, its subtitle under it.
HEAD_UNDER_BRIEFS = """2025 年 9 月 2 日　星期二
民生
第4 版
秋菜上市价格回落
本报讯 记者从市农业农村局获
悉，本周全市叶菜均价比上周下降
一成，白菜、菠菜降幅最大。
巷陌短波
城西菜场周日起夜间营业，营
业时间延长至 22 时。（韩青）
本报讯 市图书馆新添自助借还
机 12 台，刷卡即可借书。（方圆）
秋菜还会再降价吗？
专家称下周菜价或小幅回落
本报记者 韩青
本报 2 日讯 记者昨日走访多家菜
场，摊主们说，下周菜价还将小幅
回落，市民不必囤菜。
"""


def test_a_headline_under_a_box_of_briefs_is_read_as_one_or_doubted() -> None:
    page = parse_page(HEAD_UNDER_BRIEFS, "p4.txt")
    as_headline = any(a.headline == "秋菜还会再降价吗？" for a in page.articles)
    doubted = any("a brief of one line" in w.message and w.line == 13 for w in page.warnings)
    assert as_headline or doubted


# A headline with a comma, too wide for its column, broken before its last three characters;
# under it a story opening on its dateline and closing on its writer's name, then a brief.
HEAD_BROKEN_OVER_A_BRIEF = """2025 年 9 月 2 日　星期二
民生
第4 版
一纸调解书，让积压两年的货款有
了下落
本报讯 城南法庭昨天调解一起买卖
纠纷，双方当庭签字，欠款分三期
付清。（周丽）
本报讯 市法院本周开通网上立案
窗口，市民可在家提交材料。（陈刚）
"""


def test_the_rest_of_a_headline_broken_over_briefs_is_no_box_title() -> None:
    # Three characters with no mark over a dateline and two closing names: a box's title by
    # shape, but for the line over it breaking after a comma, mid-phrase.
    page = parse_page(HEAD_BROKEN_OVER_A_BRIEF, "p4.txt")
    assert page.articles[0].headline == "一纸调解书，让积压两年的货款有了下落"
    assert [a.section for a in page.articles] == [None, None]


# A story's short headline a block over an index box whose title (no list's word) stands right
# over its first item, as PyMuPDF prints them.
HEAD_OVER_A_TITLED_INDEX = """2025 年 9 月 2 日　星期二
民生
第4 版
老街换新颜

版面速览
城北枢纽封顶  C3
山里的图书馆  C7
秋茶开采  C11
本报讯 记者从市住建局获悉，老街
改造工程本周完工，沿街商铺陆续
恢复营业。
"""


def test_an_index_with_its_title_taken_takes_no_second_title_over_it() -> None:
    page = parse_page(HEAD_OVER_A_TITLED_INDEX, "p4.txt")
    assert _kind(page, FurnitureKind.INDEX)[0] == "版面速览"
    assert "老街换新颜" not in _kind(page, FurnitureKind.INDEX)
    (story,) = page.articles
    assert story.headline == "老街换新颜"
