"""One page as an editor reads it: furniture, page number, line numbers, the headline convention
and the warnings (parse_page), on small pages laid out as real ones are."""

from __future__ import annotations

from audio_edition.text import FurnitureKind, HeadlinePosition, parse_page

FRONT = """内蒙古日报 2023年12月25日 星期一 要闻 3

本报包头12月24日电 （记者 王明）
这是第一篇稿件的正文，用来检验页
面上的报头和说明文字不会被读出来。

图为志愿者在演练现场。（记者 王明
摄）

第二段正文也在这里结束了，接下来
是转版（下转第4版）

报头说明和转版都不读出来的标题

本报呼伦贝尔12月24日电 第一条简
讯的内容。

第二条简讯的内容写在这里。（江丽）

本报鄂尔多斯12月24日电 第三条简讯
的内容也写在这里。（郝园园）
简讯

新华社发
责任编辑：李华
"""


def test_furniture_is_recorded_with_its_line_and_never_read() -> None:
    page = parse_page(FRONT, "front.txt")
    assert [(f.kind, f.line) for f in page.furniture] == [
        (FurnitureKind.FOLIO, 1),
        (FurnitureKind.CAPTION, 7),
        (FurnitureKind.JUMP, 11),
        (FurnitureKind.CAPTION, 24),
        (FurnitureKind.EDITOR, 25),
    ]
    spoken = "".join(p for a in page.articles for p in a.paragraphs)
    for printed in ("内蒙古日报", "图为", "下转", "新华社发", "责任编辑"):
        assert printed not in spoken


def test_page_number_comes_from_the_folio_unless_the_caller_knows_it() -> None:
    assert parse_page(FRONT).number == 3
    assert parse_page(FRONT, number=7).number == 7
    assert parse_page("第 5 版\n\n本报讯 正文在这里。\n").number == 5
    assert parse_page("本报讯 正文在这里。\n").number is None


def test_a_jump_line_says_where_the_article_goes_on() -> None:
    first = parse_page(FRONT).articles[0]
    assert (first.headline, first.continued_on_page) == ("报头说明和转版都不读出来的标题", 4)
    assert first.paragraphs[-1] == "第二段正文也在这里结束了，接下来是转版"


def test_mixed_briefs_are_one_article_each_in_page_order() -> None:
    briefs = [a for a in parse_page(FRONT).articles if a.section == "简讯"]
    assert [(b.dateline, b.byline, b.paragraphs) for b in briefs] == [
        ("本报呼伦贝尔12月24日电", None, ("第一条简讯的内容。",)),
        (None, "江丽", ("第二条简讯的内容写在这里。",)),
        ("本报鄂尔多斯12月24日电", "郝园园", ("第三条简讯的内容也写在这里。",)),
    ]
    assert [b.line for b in briefs] == [15, 18, 20]


def test_articles_know_the_line_they_start_on() -> None:
    assert [a.line for a in parse_page(FRONT).articles] == [3, 15, 18, 20]


TRAILING_BYLINE = (
    "本报赤峰12月24日电 赤峰市今年新建\n改造城市道路四十公里，惠及沿线居\n民三万余户。\n"
    "（记者 王明）\n"
    "赤峰四十公里新路惠及三万户沿线居民群众"  # wider than the column; no final newline
)


def test_a_byline_on_its_own_line_then_a_wide_headline_at_the_end_of_the_file() -> None:
    (article,) = parse_page(TRAILING_BYLINE).articles
    assert article.headline == "赤峰四十公里新路惠及三万户沿线居民群众"
    assert article.byline == "记者 王明"
    assert article.paragraphs == ("赤峰市今年新建改造城市道路四十公里，惠及沿线居民三万余户。",)


def test_the_same_byline_and_headline_mid_page() -> None:
    page = TRAILING_BYLINE + "\n\n本报讯 第二篇稿件的正文在这里结束。\n\n第二篇的标题\n"
    first, second = parse_page(page).articles
    assert (first.headline, first.byline) == ("赤峰四十公里新路惠及三万户沿线居民群众", "记者 王明")
    assert (second.headline, second.dateline, second.line) == ("第二篇的标题", "本报讯", 7)


# Column 16: full lines are 16 characters, a paragraph's first line 14 (indented by two).
BODY_ONE = (
    "本报讯 第一段正文写在这里一共写了\n两行还不够所以再多写几个字让这一\n行排满到栏宽为止然后在这里结束。\n"
)
BODY_TWO = (
    "第二段正文写在这里也写了两\n行还不够所以再多写几个字让这一行排\n满到栏宽为止然后才在这里结束了。\n"
)


def test_a_subhead_over_two_lines_is_one_subhead_with_or_without_a_blank_between() -> None:
    for gap in ("\n", "\n\n"):
        page = BODY_ONE + "\n回顾——" + gap + "十年耕耘结硕果\n\n" + BODY_TWO + "\n标题在这里\n"
        (article,) = parse_page(page).articles
        assert article.subheads == ("回顾——十年耕耘结硕果",), gap
        assert article.paragraphs[1] == "回顾——十年耕耘结硕果"
        assert article.headline == "标题在这里"


def test_an_article_without_a_headline_flags_its_subhead() -> None:
    page = BODY_ONE + "\n可能是标题\n\n" + BODY_TWO
    warnings = parse_page(page, "p.txt").warnings
    assert any("its last subhead may be a headline" in w.message and w.line == 1 for w in warnings), warnings
    assert any("cannot tell whether headlines stand before or after" in w.message for w in warnings)


# Kicker, headline (wider than the column: a full-width one would read as a column break) and
# subtitle stand apart; a letter-spaced headline heads the second article.
HEADLINE_FIRST = """坚持绿色发展

内蒙古新能源装机容量突破一亿千瓦大关

——全区能源结构持续优化

本报呼和浩特12月24日电 （记者 李华）
记者从自治区能源局获悉，全区新能
源装机容量突破一亿千瓦。

这标志着能源结构持续优化，绿色发
展迈出新步伐。

冬 季 旅 游 火 热

本报海拉尔12月24日电 冬季旅游持续
升温，游客人数同比增长三成。
"""


def test_headline_first_page_with_kicker_and_subtitle() -> None:
    page = parse_page(HEADLINE_FIRST)
    assert page.headlines is HeadlinePosition.BEFORE
    first, second = page.articles
    assert (first.kicker, first.headline, first.subtitle) == (
        "坚持绿色发展",
        "内蒙古新能源装机容量突破一亿千瓦大关",
        "——全区能源结构持续优化",
    )
    assert (first.dateline, first.byline, len(first.paragraphs), first.line) == (
        "本报呼和浩特12月24日电", "记者 李华", 2, 1
    )  # fmt: skip
    assert (second.headline, second.kicker, second.line) == ("冬季旅游火热", None, 14)
    assert second.paragraphs == ("冬季旅游持续升温，游客人数同比增长三成。",)


def test_a_line_nearly_as_wide_as_the_column_stands_apart_over_a_headline_set_wide_or_a_subtitle() -> None:
    # Not clearly short, as a block's lines are before an indented line; but no column break comes
    # before a line wider than the column, letter-spaced or opening with a dash.
    kicker = parse_page(HEADLINE_FIRST.replace("坚持绿色发展\n", "坚持绿色发展建设美丽内蒙古\n")).articles[0]
    assert (kicker.kicker, kicker.headline, kicker.subtitle) == (
        "坚持绿色发展建设美丽内蒙古",
        "内蒙古新能源装机容量突破一亿千瓦大关",
        "——全区能源结构持续优化",
    )
    no_kicker = HEADLINE_FIRST.replace(
        "坚持绿色发展\n\n内蒙古新能源装机容量突破一亿千瓦大关", "新能源装机容量突破一亿千瓦"
    )
    headline = parse_page(no_kicker).articles[0]
    assert (headline.kicker, headline.headline, headline.subtitle) == (
        None,
        "新能源装机容量突破一亿千瓦",
        "——全区能源结构持续优化",
    )


def test_the_caller_may_say_where_headlines_stand() -> None:
    forced = parse_page(HEADLINE_FIRST, headlines=HeadlinePosition.AFTER)
    assert forced.headlines is HeadlinePosition.AFTER
    assert forced.articles != parse_page(HEADLINE_FIRST).articles


def test_warnings_name_the_line() -> None:
    long_paragraph = "本报讯 " + "很长的段落。" * 260 + "\n\n" + "标" * 61 + "\n"
    page = parse_page(long_paragraph, "long.txt")
    messages = [str(w) for w in page.warnings]
    assert any(m.startswith("long.txt:1: paragraph of 1,560 characters") for m in messages), messages
    assert any(m.startswith("long.txt:1: headline of 61 characters") for m in messages), messages


def test_a_page_without_a_dateline_is_flagged() -> None:
    page = parse_page("■上接第1版 正文从这里接着写下去，\n一直写到这里。\n\n标题\n", "p.txt")
    assert [str(w) for w in page.warnings] == [
        "p.txt: no dateline found on this page: check where its articles start"
    ]


def test_the_sample_page_reads_without_warnings() -> None:
    from pathlib import Path

    from audio_edition.text import read_page

    page = parse_page(read_page(Path(__file__).parent.parent / "fixtures" / "2023-12-25.txt"))
    assert (page.warnings, page.furniture, page.headlines) == ((), (), HeadlinePosition.AFTER)
