"""A whole edition from its pages: page order and articles that jump between pages.

The pages here are built from articles directly (the reading of each page is tested in
test_articles.py); tests/test_cli_edition.py runs real page files end to end.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audio_edition.text.articles import Article, Page
from audio_edition.text.edition_pages import order_pages, page_number_from_name, stitch_pages


def page(source: str, number: int | None, *articles: Article) -> Page:
    return Page(source=source, articles=articles, number=number)


FRONT = Article(
    headline="全区冬季供暖保障平稳有序",
    dateline="本报呼和浩特12月25日电",
    byline="记者 李明",
    paragraphs=("入冬以来，全区城镇集中供暖运行平稳。", "对困难群众家庭"),
    continued_on_page=2,
    line=1,
)
REST = Article(
    headline="全区冬季供暖保障平稳有序",
    paragraphs=("逐户上门检查供热设施，确保温暖过冬。", "下一步将持续加强供热运行监测。"),
    continued_from_page=1,
    line=3,
)
OTHER = Article(
    headline="乌兰察布冷链物流园投入使用", paragraphs=("园区冷库容量达到五万吨。",), byline="王芳"
)
BRIEF = Article(headline=None, section="简讯", paragraphs=("赤峰市图书馆推出冬季阅读季活动。",))


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("2023-12-25-03.txt", 3),
        ("articles/2023-12-25_p3.txt", 3),
        ("2023-12-25-page-12.txt", 12),
        ("page3.txt", 3),
        ("第3版.txt", 3),
        ("2023-12-25.txt", None),
        ("sample.txt", None),
        ("2023-12-25-00.txt", None),
    ],
)
def test_a_page_number_is_read_from_the_file_name_after_its_date(name: str, number: int | None) -> None:
    assert page_number_from_name(name) == number


def test_pages_go_in_page_order_when_each_knows_its_number() -> None:
    pages = [page("c.txt", 3), page("a.txt", 1), page("b.txt", 2)]
    ordered, warnings = order_pages(pages)
    assert [p.source for p in ordered] == ["a.txt", "b.txt", "c.txt"] and warnings == []


def test_a_page_without_a_number_keeps_the_order_given_and_says_so() -> None:
    ordered, warnings = order_pages([page("c.txt", 3), page("x.txt", None), page("a.txt", 1)])
    assert [p.source for p in ordered] == ["c.txt", "x.txt", "a.txt"]
    assert [(w.source, "no page number" in w.message) for w in warnings] == [("x.txt", True)]


def test_the_same_page_twice_is_a_warning() -> None:
    ordered, warnings = order_pages([page("a.txt", 1), page("b.txt", 1)])
    assert [p.source for p in ordered] == ["a.txt", "b.txt"]
    assert [str(w) for w in warnings] == ["b.txt: page 1 again (also a.txt)"]


def test_a_continuation_with_the_same_headline_joins_its_front_part_where_it_starts() -> None:
    edition = stitch_pages([page("p1.txt", 1, FRONT, OTHER), page("p2.txt", 2, REST, BRIEF)])
    assert [a.headline for a in edition.articles] == [FRONT.headline, OTHER.headline, None]
    heat = edition.articles[0]
    # The front part stopped mid-sentence: its last paragraph goes on in the continuation's first.
    assert heat.paragraphs == (
        "入冬以来，全区城镇集中供暖运行平稳。",
        "对困难群众家庭逐户上门检查供热设施，确保温暖过冬。",
        "下一步将持续加强供热运行监测。",
    )
    assert (heat.dateline, heat.byline, heat.line) == (FRONT.dateline, FRONT.byline, 1)
    assert (heat.pages, heat.continued_from_page, heat.continued_on_page) == ((1, 2), None, None)
    assert [a.pages for a in edition.articles[1:]] == [(1,), (2,)]
    assert edition.warnings == () and edition.sources == ("p1.txt", "p2.txt")


def test_text_cut_by_the_jump_and_read_as_a_subhead_is_the_paragraph_it_was() -> None:
    cut = "据了解，各地开通供暖服务热线，对困难群众家庭"
    front = replace(FRONT, paragraphs=(*FRONT.paragraphs[:1], cut), subheads=(cut,))
    edition = stitch_pages([page("p1.txt", 1, front), page("p2.txt", 2, REST)])
    assert edition.articles[0].paragraphs[1] == cut + REST.paragraphs[0]
    assert edition.articles[0].subheads == ()


def test_a_continuation_without_a_headline_joins_the_only_jump_to_its_page() -> None:
    rest = Article(
        headline=None, paragraphs=("下一步将持续加强供热运行监测。",), continued_from_page=1, byline="李明"
    )
    front = Article(headline="供暖", paragraphs=("各地开通供暖服务热线。",), continued_on_page=2)
    edition = stitch_pages([page("p1.txt", 1, OTHER, front), page("p2.txt", 2, rest)])
    assert [a.headline for a in edition.articles] == [OTHER.headline, "供暖"]
    joined = edition.articles[1]
    # A front part that ends a sentence keeps its paragraph; the byline printed at the end comes along.
    assert joined.paragraphs == ("各地开通供暖服务热线。", "下一步将持续加强供热运行监测。")
    assert joined.byline == "李明" and joined.pages == (1, 2)


def test_two_open_jumps_and_no_headline_to_tell_them_apart_are_left_open_with_warnings() -> None:
    one = Article(headline="一", paragraphs=("甲。",), continued_on_page=2, line=4)
    two = Article(headline="二", paragraphs=("乙。",), continued_on_page=2, line=9)
    rest = Article(headline=None, paragraphs=("丙。",), continued_from_page=1, line=2)
    edition = stitch_pages([page("p1.txt", 1, one, two), page("p2.txt", 2, rest)])
    assert [a.paragraphs for a in edition.articles] == [("甲。",), ("乙。",), ("丙。",)]
    assert [str(w) for w in edition.warnings] == [
        "p2.txt:2: jump left open: the article beginning “丙。…” continues from page 1, but no article on "
        "page 1 jumps here (none with the same headline, not one open jump); read as it stands",
        "p1.txt:4: jump left open: “一” continues on page 2, but no part there continues it; read as it stands",
        "p1.txt:9: jump left open: “二” continues on page 2, but no part there continues it; read as it stands",
    ]


def test_an_article_over_three_pages_is_one_article() -> None:
    middle = Article(
        headline=REST.headline, paragraphs=("中段。",), continued_from_page=1, continued_on_page=3
    )
    end = Article(headline=REST.headline, paragraphs=("结尾。",), continued_from_page=2, byline="高远")
    edition = stitch_pages([page("1.txt", 1, FRONT), page("2.txt", 2, middle, OTHER), page("3.txt", 3, end)])
    assert [a.headline for a in edition.articles] == [FRONT.headline, OTHER.headline]
    assert edition.articles[0].paragraphs == (*FRONT.paragraphs[:-1], "对困难群众家庭中段。", "结尾。")
    assert edition.articles[0].pages == (1, 2, 3) and edition.articles[0].byline == "记者 李明"
    assert edition.warnings == ()


def test_a_jump_to_a_page_not_given_is_kept_and_named() -> None:
    rest = Article(
        headline="冰雪运动进校园", paragraphs=("让青少年感受运动的快乐。",), continued_from_page=4, line=7
    )
    edition = stitch_pages([page("p1.txt", 1, FRONT), page("p3.txt", 3, rest)])
    assert [a.paragraphs for a in edition.articles] == [FRONT.paragraphs, rest.paragraphs]
    assert [str(w) for w in edition.warnings] == [
        "p3.txt:7: jump left open: “冰雪运动进校园” continues from page 4, but page 4 is not among the pages; "
        "read as it stands",
        f"p1.txt:1: jump left open: “{FRONT.headline}” continues on page 2, but page 2 is not among the pages; "
        "read as it stands",
    ]


def test_a_front_part_that_jumps_elsewhere_is_not_taken_for_its_headline() -> None:
    rest = Article(headline=FRONT.headline, paragraphs=("别处。",), continued_from_page=1)
    edition = stitch_pages([page("p1.txt", 1, FRONT), page("p3.txt", 3, rest)])
    assert len(edition.articles) == 2 and len(edition.warnings) == 2


def test_a_single_page_warns_about_no_jump_it_could_not_stitch() -> None:
    edition = stitch_pages([page("p2.txt", 2, REST, FRONT)])
    assert edition.articles == (
        Article(**{**REST.__dict__, "pages": (2,)}),
        Article(**{**FRONT.__dict__, "pages": (2,)}),
    )
    assert edition.warnings == ()


paragraphs = st.lists(st.text("春夏秋冬风雨雷电。，", min_size=1, max_size=12), min_size=1, max_size=6)


@given(
    bodies=st.lists(paragraphs, min_size=1, max_size=5),
    cuts=st.lists(st.integers(min_value=0, max_value=5), min_size=5, max_size=5),
)
def test_articles_cut_at_paragraph_ends_over_pages_are_stitched_back_whole(
    bodies: list[list[str]], cuts: list[int]
) -> None:
    """Each article's paragraphs ending a sentence, cut into a front on page 1 and a rest on
    page 2 (matched by headline), come back exactly, in page 1's order."""
    bodies = [[p.rstrip("。，") + "。" for p in body] for body in bodies]
    originals = [Article(headline=f"标题{n}", paragraphs=tuple(body)) for n, body in enumerate(bodies)]
    fronts, rests = [], []
    for article, cut in zip(originals, cuts):
        cut = min(cut, len(article.paragraphs) - 1)
        if cut == 0:
            fronts.append(article)
            continue
        fronts.append(
            Article(headline=article.headline, paragraphs=article.paragraphs[:cut], continued_on_page=2)
        )
        rests.append(
            Article(headline=article.headline, paragraphs=article.paragraphs[cut:], continued_from_page=1)
        )
    edition = stitch_pages([page("1.txt", 1, *fronts), page("2.txt", 2, *reversed(rests))])
    assert [(a.headline, a.paragraphs) for a in edition.articles] == [
        (a.headline, a.paragraphs) for a in originals
    ]
    assert edition.warnings == ()
