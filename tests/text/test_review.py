"""The editor's review: an edition as markdown (or JSON) and back, and what a broken file is told."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audio_edition.errors import InputError
from audio_edition.text import Article, Edition, read_edition
from audio_edition.text.review import (
    NO_HEADLINE,
    article_record,
    edition_markdown,
    read_json,
    read_markdown,
)

FIXTURES = Path(__file__).parent.parent / "fixtures"
PAGES = sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "editions").glob("*.txt"))


def without_lines(edition: Edition) -> tuple[Article, ...]:
    return tuple(replace(a, line=None) for a in edition.articles)


def test_the_markdown_an_editor_sees() -> None:
    edition = Edition(
        sources=("2023-12-25.txt",),
        articles=(
            Article(
                headline="为天下“储”为国家强",
                dateline="本报呼和浩特12月24日电",
                byline="记者 薛来",
                paragraphs=("储备是国家安全的重要基础。", "储粮——国家“粮仓”", "全区粮食产量再创新高。"),
                subheads=("储粮——国家“粮仓”",),
                pages=(1, 3),
            ),
            Article(headline=None, section="简讯", paragraphs=("#1号线开通。",), continued_from_page=2),
        ),
    )
    text = edition_markdown(edition)
    body = text.split("-->\n", 1)[1]
    assert body == (
        "\n# 为天下“储”为国家强\n"
        "dateline: 本报呼和浩特12月24日电\n"
        "byline: 记者 薛来\n"
        "pages: 1, 3\n"
        "\n储备是国家安全的重要基础。\n"
        "\n## 储粮——国家“粮仓”\n"
        "\n全区粮食产量再创新高。\n"
        f"\n# {NO_HEADLINE}\n"
        "section: 简讯\n"
        "continued-from: 2\n"
        "\n\\#1号线开通。\n"
    )
    back = read_markdown(text, "2023-12-25.md")
    assert without_lines(back) == edition.articles
    assert [a.line for a in back.articles] == [5, 16]  # the line of each "# " in the file


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_every_fixture_page_comes_back_from_its_markdown_and_json(path: Path) -> None:
    edition = read_edition([path])
    assert without_lines(read_markdown(edition_markdown(edition), "x.md")) == without_lines(edition)
    as_json = json.dumps({"articles": [article_record(a) for a in edition.articles]}, ensure_ascii=False)
    assert read_json(as_json, "x.json").articles == edition.articles


texts = (
    st.text(alphabet="春夏秋冬风雨雷电 #\\<!-–>：:，。abc12", min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    body = draw(st.lists(texts, min_size=0, max_size=5, unique=True))
    subheads = tuple(draw(st.sets(st.sampled_from(body)))) if body else ()
    subheads = tuple(p for p in body if p in subheads)
    return Article(
        headline=draw(st.none() | texts.filter(lambda t: t != NO_HEADLINE and not t.startswith("#"))),
        paragraphs=tuple(body),
        section=draw(st.none() | st.just("简讯")),
        dateline=draw(st.none() | texts),
        byline=draw(st.none() | texts),
        subheads=subheads,
        continued_from_page=draw(st.none() | st.integers(1, 40)),
        continued_on_page=draw(st.none() | st.integers(1, 40)),
        pages=tuple(draw(st.lists(st.integers(1, 40), max_size=3))),
        kicker=draw(st.none() | texts),
        subtitle=draw(st.none() | texts),
    )


@given(st.lists(articles(), min_size=1, max_size=4))
def test_any_edition_comes_back_from_its_markdown(found: list[Article]) -> None:
    # A subhead that starts with "#" or is blank would not survive; the reading never makes one.
    found = [replace(a, subheads=tuple(s for s in a.subheads if not s.startswith("#"))) for a in found]
    edition = Edition(sources=("x.txt",), articles=tuple(found))
    assert without_lines(read_markdown(edition_markdown(edition), "x.md")) == edition.articles


def test_a_paragraph_wrapped_over_lines_is_one_paragraph() -> None:
    edition = read_markdown("# 标题\n\n第一行接着\n第二行。\nGDP\ngrew 5%\n\n下一段。\n", "x.md")
    assert edition.articles[0].paragraphs == ("第一行接着第二行。GDP grew 5%", "下一段。")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "前言\n# 标题\n\n正文。\n",
            "x.md:1: text before the first '# headline'; every article starts with one",
        ),
        (
            "# 标题\n\n正文。\n#\n\n正文。\n",
            f"x.md:4: an empty headline; write '# {NO_HEADLINE}' for a brief without one",
        ),
        (
            "# 标题\nauthor: 薛来\n\n正文。\n",
            "x.md:2: unknown key 'author'; the keys are kicker, subtitle, dateline, byline, section, pages, continued-from, continued-on",
        ),
        ("# 标题\nbyline: 甲\nbyline: 乙\n", "x.md:3: 'byline' given twice for one article"),
        ("# 标题\npages: 1, 三\n", "x.md:2: 'pages: 1, 三' is not a page number list (write pages: 1, 3)"),
        (
            "# 标题\ncontinued-from: 2, 3\n",
            "x.md:2: 'continued-from: 2, 3' is not a page number (write it like 3)",
        ),
        (
            "# 标题\n正文紧跟标题。\n",
            "x.md:2: expected 'key: value' under the headline; leave a blank line before the first paragraph",
        ),
        ("<!-- 说明\n# 标题\n", "x.md:1: a comment '<!--' that is never closed with '-->'"),
        (
            "<!-- 只有说明 -->\n\n",
            "x.md: no '# headline' found; is this an edition written by clean --format markdown?",
        ),
    ],
)
def test_a_broken_markdown_names_the_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as raised:
        read_markdown(text, "x.md")
    assert str(raised.value) == message
    assert raised.value.exit_code == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"articles": [', "x.json:1: not JSON (Expecting value)"),
        ("[1, 2]", 'x.json: expected the JSON of clean --json, an object with an "articles" list'),
        ('{"articles": []}', 'x.json: the "articles" list is empty'),
        (
            '{"articles": [{"headline": 3, "paragraphs": []}]}',
            'x.json: article 1: "headline" must be text or null',
        ),
        ('{"articles": [{"headline": null}]}', 'x.json: article 1: no "paragraphs"'),
        (
            '{"articles": [{"paragraphs": ["a"], "pages": [0]}]}',
            'x.json: article 1: "pages" must be a list of page numbers',
        ),
        (
            '{"articles": [{"paragraphs": ["a"], "continued_from_page": "3"}]}',
            'x.json: article 1: "continued_from_page" must be a page number or null',
        ),
    ],
)
def test_a_broken_json_is_one_clear_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as raised:
        read_json(text, "x.json")
    assert str(raised.value) == message
