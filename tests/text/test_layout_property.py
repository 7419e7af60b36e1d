"""Property: whatever the column width, column breaks, headline style and position, furniture,
subheads over two lines, mixed brief blocks and bylines on their own lines, the cleaner recovers
the articles that were laid out, the line each starts on, and the furniture (see page_maker for
the layout model).

Issue 23 widened the pages to forms the sample does not show: subheads of several shapes (a lead
and a dash or a colon, numbered 一、 or （一）) on one line up to a character short of the column,
datelines 本报讯 and 中新社…电, bylines naming two people, headline-first pages opening on a
continued story, subtitles under headlines printed after their bodies (and the page maker's
furniture, markers and jump lines in their common forms).

Run once per convention (``Convention``), each forcing its convention on every page and drawing
the rest: CI's 300 fixed examples are shared among them; an exploring profile
(HYPOTHESIS_PROFILE=thorough or explore) lays out its count of new pages for each, e.g.

    HYPOTHESIS_PROFILE=explore python -m pytest tests/text/test_layout_property.py --hypothesis-show-statistics

("N passing" per convention: pages laid out, checked and showing it).
"""

from __future__ import annotations

import enum
import random

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from audio_edition.text import parse_page
from audio_edition.text.articles import Article, HeadlinePosition
from audio_edition.text.layout import visual_width
from tests.text.page_maker import PageStyle, lay_out

WORDS = (
    "内蒙古 自治区 国家 全国 发展 建设 推动 加快 生态 保护 经济 能源 新能源 基地 产业 项目 "
    "群众 服务 工作 志愿者 马拉松 冬季 旅游 文化 城市 农村 牧区 草原 森林 湿地 数据 算力 "
    "中心 集群 高质量 现代化 合作 交流 民族 团结 政策 落实 改造 小区 道路 设施 就业 培训 "
    "救助 民生 保障 安全 稳定 创新 科技 企业 市场 消费 投资 交通 铁路 公路 机场 口岸"
).split()
NUMBERS = (
    "2023年",
    "12月24日",
    "1.38亿亩",
    "73%",
    "55个",
    "10亿元",
    "1900万千瓦",
    "21.0795公里",
    "6070户",
    "3月",
)
QUOTED = ("“一带一路”", "“十四冬”", "《规划》", "“碳库”", "“粮仓”", "（试行）")
PLACES = ("巴彦淖尔", "呼伦贝尔", "鄂尔多斯", "包头", "赤峰", "北京")
NAMES = ("薛来", "郝园园", "江丽", "王明", "李华")


# The words come from a seeded generator, not from hypothesis draw by draw: pages are long, and
# hypothesis explores the structure (column width, breaks, headline styles, briefs) that matters.
def _clause(rng: random.Random) -> str:
    parts = rng.choices(WORDS + list(NUMBERS) + list(QUOTED), k=rng.randint(2, 6))
    if parts[0] == "（试行）":  # a bracket right after a dateline would read as its byline
        parts[0] = rng.choice(WORDS)
    return "".join(parts)


def _sentence(rng: random.Random) -> str:
    body = [_clause(rng) for _ in range(rng.randint(2, 4))]
    text = body[0] + "".join(rng.choice("，，，、；") + b for b in body[1:])
    end = rng.choice(["。", "。", "。", "！", "？", "……"])
    return f"“{text}{end}”" if rng.random() < 0.25 else text + end


def _paragraph(seed: int) -> str:
    rng = random.Random(seed)
    # Real paragraphs run over several lines, and the cleaner reads the column width off the
    # full ones (a page of two- and three-line paragraphs has more indented first lines than
    # full lines); a one-line paragraph on a page without blank lines between paragraphs cannot
    # be told from the last line of the paragraph before it. Keep them over three lines long,
    # at the widest column too: 16 + 18 + 18 columns and what punctuation may hang past their
    # edges. In columns, not characters: digits are half width, and a paragraph of 55 characters
    # with a few numbers in it took three lines, too few for the column to be read off the page.
    text = ""
    while visual_width(text) <= 58:
        text = "".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
    return text


class Convention(enum.Enum):
    """What one run of the property forces on every page it lays out (its value names the event)."""

    HEADLINES_AFTER = "headlines after"
    HEADLINES_BEFORE = "headlines before"
    FURNITURE = "furniture"
    TWO_LINE_SUBHEADS = "subhead over two lines"
    MIXED_BRIEFS = "mixed brief block"
    TRAILING_BYLINE = "byline on its own line at the end of a file without a final newline"


# A subhead's shapes: a lead word and a dash or a colon (准备——热企陆续启动设备, 目标：…), a
# number (一、…, （二）…), or short words alone.
SUBHEAD_LEADS = ("储粮——", "目标——", "准备——", "目标：", "一、", "二、", "三、", "（一）", "（二）", "", "")


def _subhead(seed: int, shortest: int = 1) -> str:
    rng = random.Random(seed)
    while True:
        lead = rng.choice(SUBHEAD_LEADS)
        text = lead + "".join(rng.choices(WORDS + list(QUOTED), k=rng.randint(1, 4)))
        if len(text) >= shortest:
            return text


def _long_subhead(seed: int) -> str:
    """Six characters or more: the page maker breaks those over two lines (when told to)."""
    return _subhead(seed, shortest=6)


def _headline(seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choices(WORDS + list(NUMBERS) + list(QUOTED), k=rng.randint(2, 8)))


def _wide_headline(seed: int) -> str:
    """Under a kicker: all Chinese (it may be letter-spaced), short or wider than any column."""
    rng = random.Random(seed)
    return "".join(rng.choices(WORDS, k=rng.choice([1, 2, 9, 10, 11])))


def _kicker(seed: int) -> str:
    rng = random.Random(seed)
    # A kicker is never a bare bracket (（试行）), which would read as a byline.
    return "".join(rng.choices(WORDS + list(QUOTED[:-1]), k=rng.randint(1, 3)))


seeds = st.integers(0, 2**32 - 1)
paragraphs = seeds.map(_paragraph)
subheads = seeds.map(_subhead)
long_subheads = seeds.map(_long_subhead)
headlines = seeds.map(_headline)
wide_headlines = seeds.map(_wide_headline)
kickers = seeds.map(_kicker)


def datelines(draw: st.DrawFn) -> str:
    """本报巴彦淖尔12月24日电, 新华社北京3月4日电, 中新社…电, 本报成都1月9日讯 (a paper's own
    report), 人民网…电, or 本报讯 (no place, no date)."""
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    agency = draw(st.sampled_from(["本报", "本报", "新华社", "中新社", "人民网", "本报讯"]))
    if agency == "本报讯":
        return agency
    closing = draw(st.sampled_from(["电", "电", "讯"])) if agency == "本报" else "电"
    return f"{agency}{draw(st.sampled_from(PLACES))}{month}月{day}日{closing}"


def bylines(draw: st.DrawFn) -> str:
    """记者 王明, 记者 王明 李华, 记者 王明 通讯员 李华, 通讯员 王明."""
    first, second = draw(st.lists(st.sampled_from(NAMES), min_size=2, max_size=2, unique=True))
    return draw(
        st.sampled_from(
            [
                f"记者 {first}",
                f"记者 {first}",
                f"记者 {first} {second}",
                f"记者 {first} 通讯员 {second}",
                f"通讯员 {first}",
            ]
        )
    )


@st.composite
def stories(
    draw: st.DrawFn, first: bool, before: bool = False, long_subhead: bool = False, signed: bool = False
) -> Article:
    """One story; ``long_subhead`` gives it at least one subhead long enough to break over two
    lines, ``signed`` a byline."""
    # A real story runs over a dozen lines or more: the cleaner reads the column off them.
    body = draw(st.lists(paragraphs, min_size=3, max_size=6))
    heads: list[str] = []
    if len(body) >= 2 and (long_subhead or draw(st.booleans())):
        # Subheads stand between paragraphs, never first or last, never two in a row.
        least = 1 if long_subhead else 0
        positions = sorted(
            draw(st.sets(st.integers(1, len(body) - 1), min_size=least, max_size=2)), reverse=True
        )
        for position in positions:
            head = draw(long_subheads if long_subhead else subheads)
            if head not in body and head not in heads:
                body.insert(position, head)
                heads.append(head)
    heads = [p for p in body if p in heads]
    # Only the page's first article may start on plain text, and only when its headline follows
    # it: a headline over two full lines above plain text reads as a paragraph's column break.
    # A headline-first page may open on the rest of a story from another page, with no heads.
    openings = ["none"] if first and not before else ["continued"] if first else []
    start = draw(st.sampled_from(["marker", "dateline", *openings]))
    dateline = datelines(draw) if start == "dateline" else None
    byline = bylines(draw) if signed or draw(st.booleans()) else None
    page = draw(st.integers(1, 16)) if start in ("marker", "continued") else None
    # An article that goes on on another page has its byline there.
    jump = draw(st.integers(1, 16)) if byline is None and draw(st.integers(0, 4)) == 0 else None
    kicker = draw(kickers) if before and draw(st.booleans()) else None
    subtitle = None
    if before and draw(st.booleans()):
        subtitle = draw(kickers)
        if kicker is None or draw(st.booleans()):
            subtitle = "——" + subtitle  # alone under a headline, a subtitle opens with a dash
    headline = draw(wide_headlines if kicker or subtitle else headlines)
    if not before and draw(st.integers(0, 3)) == 0:
        # Printed after its body, a headline may have a subtitle under it (opening with a dash);
        # a kicker over it would read as the headline's first tier.
        subtitle = "——" + draw(kickers)
    if start == "continued":
        kicker = subtitle = headline = None
    return Article(
        headline=headline,
        paragraphs=tuple(body),
        continued_from_page=page,
        dateline=dateline,
        byline=byline,
        subheads=tuple(heads),
        continued_on_page=jump,
        kicker=kicker,
        subtitle=subtitle,
    )


@st.composite
def briefs(draw: st.DrawFn, mixed: bool = False) -> list[Article]:
    """A 简讯 block: briefs with a dateline, a closing byline or both (the first has a dateline);
    ``mixed``: at least one without a dateline."""
    size = draw(st.integers(2 if mixed else 1, 4))
    kinds = [draw(st.sampled_from(["both", "dateline", "byline"])) for _ in range(size)]
    if kinds[0] == "byline":
        kinds[0] = "both"
    if mixed and "byline" not in kinds:
        kinds[draw(st.integers(1, len(kinds) - 1))] = "byline"
    block = []
    for kind in kinds:
        block.append(
            Article(
                headline=None,
                paragraphs=(draw(paragraphs),),
                section="简讯",
                dateline=datelines(draw) if kind != "byline" else None,
                byline=draw(st.sampled_from(NAMES)) if kind != "dateline" else None,
            )
        )
    return block


@st.composite
def pages(draw: st.DrawFn, before: bool = False, convention: Convention | None = None) -> list[Article]:
    """A page's articles, with what ``convention`` needs in them: every story a subhead long
    enough to break, every brief block mixed (and one at least), a signed story last."""
    long_subhead = convention is Convention.TWO_LINE_SUBHEADS
    mixed = convention is Convention.MIXED_BRIEFS
    articles = [draw(stories(first=True, before=before, long_subhead=long_subhead))]
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.integers(0, 2)) == 0 and articles[-1].section is None:
            articles.extend(draw(briefs(mixed=mixed)))
        else:
            articles.append(draw(stories(first=False, before=before, long_subhead=long_subhead)))
    if mixed and not any(a.section for a in articles):
        articles.extend(draw(briefs(mixed=True)))
    if convention is Convention.TRAILING_BYLINE and (articles[-1].section or not articles[-1].byline):
        articles.append(draw(stories(first=False, before=before, signed=True)))
    return articles


def styles(headlines: HeadlinePosition, convention: Convention | None = None) -> st.SearchStrategy[PageStyle]:
    trailing = convention is Convention.TRAILING_BYLINE
    if convention is Convention.FURNITURE:
        furniture = st.just(True)
    elif trailing:  # the foot's 责任编辑 line would stand after the byline: no furniture there
        furniture = st.just(False)
    else:
        furniture = st.booleans()
    return st.builds(
        PageStyle,
        column=st.integers(13, 18),
        blank_between_paragraphs=st.booleans(),
        column_break_chance=st.sampled_from([0.0, 0.05, 0.15, 0.3]),
        spaced_numbers=st.booleans(),
        headlines=st.just(headlines),
        furniture=furniture,
        final_newline=st.just(False) if trailing else st.booleans(),
        page=st.integers(1, 16),
        two_line_subheads=st.just(convention is Convention.TWO_LINE_SUBHEADS),
        trailing_byline=st.just(trailing),
    )


POSITIONS = {
    Convention.HEADLINES_AFTER: HeadlinePosition.AFTER,
    Convention.HEADLINES_BEFORE: HeadlinePosition.BEFORE,
}


@pytest.mark.parametrize("convention", list(Convention), ids=lambda c: c.name.lower().replace("_", "-"))
@settings(
    deadline=None,
    # CI's 300 fixed examples (derandomized) are shared by the conventions; an exploring profile
    # (thorough, explore) lays out its count of new pages for each.
    max_examples=settings().max_examples // len(Convention)
    if settings().derandomize
    else settings().max_examples,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data(), seed=st.integers(0, 2**16))
def test_cleaner_recovers_laid_out_pages(convention: Convention, data: st.DataObject, seed: int) -> None:
    position = POSITIONS.get(convention) or data.draw(st.sampled_from(HeadlinePosition), label="position")
    articles = data.draw(pages(position is HeadlinePosition.BEFORE, convention), label="articles")
    style = data.draw(styles(position, convention), label="style")
    laid = lay_out(articles, style, seed)
    # A guard, not a filter (no page has failed it): the page maker may find no cut for a subhead
    # that keeps kinsoku, and such a page would not count for its convention.
    assume(convention in _count_conventions(articles, style, laid.text))
    page = parse_page(laid.text, "page.txt")
    got = list(page.articles)
    assert got == laid.articles, _difference(laid.text, got, laid.articles)
    if any(a.headline or a.section for a in articles):
        # A page holding only the rest of a story from another page prints no heads: it shows
        # no convention, and reads the same either way.
        assert page.headlines is position
    assert [(f.kind, f.line) for f in page.furniture] == [(f.kind, f.line) for f in laid.furniture], laid.text
    assert page.number == (style.page if style.furniture else None)


def _count_conventions(articles: list[Article], style: PageStyle, text: str) -> set[Convention]:
    """The conventions a page shows, each named as an event (``--hypothesis-show-statistics``
    counts them), and as events the layouts never forced: jump lines, kickers or subtitles,
    bylines on their own lines anywhere."""
    lines = text.split("\n")
    briefs = [a for a in articles if a.section]
    shown = {
        Convention.HEADLINES_AFTER
        if style.headlines is HeadlinePosition.AFTER
        else Convention.HEADLINES_BEFORE
    }
    if style.furniture:
        shown.add(Convention.FURNITURE)
    if any(_two_line_subhead(lines, s) for a in articles for s in a.subheads):
        shown.add(Convention.TWO_LINE_SUBHEADS)
    if briefs and {bool(a.dateline) for a in briefs} == {True, False}:
        shown.add(Convention.MIXED_BRIEFS)
    if _byline_ends_file(articles[-1], lines, style):
        shown.add(Convention.TRAILING_BYLINE)
    for convention in shown:
        event(convention.value)
    if any(a.continued_on_page for a in articles):
        event("jump line")
    if any(a.kicker or a.subtitle for a in articles):
        event("kicker or subtitle")
    if any(a.byline and f"（{a.byline}）" in lines for a in articles if not a.section):
        event("byline on its own line")
    # Issue 23's forms: a subhead on one line nearly as wide as the column, a headline-first page
    # opening on a continued story, a subtitle under a headline printed after its body.
    if any(s in lines and visual_width(s) > style.column - 4 for a in articles for s in a.subheads):
        event("subhead nearly as wide as the column")
    if style.headlines is HeadlinePosition.BEFORE and articles[0].headline is None:
        event("headline-first page opening on a continued story")
    if style.headlines is HeadlinePosition.AFTER and any(a.subtitle for a in articles):
        event("subtitle under a headline printed after its body")
    return shown


def _two_line_subhead(lines: list[str], subhead: str) -> bool:
    return subhead not in lines and any(line and subhead.startswith(line) for line in lines)


def _byline_ends_file(last: Article, lines: list[str], style: PageStyle) -> bool:
    """Whether the page's last article is signed on a line of its own with nothing after it but
    its heads (when headlines follow their articles), and the file has no final newline."""
    own = f"（{last.byline}）"
    if last.section or not last.byline or own not in lines or style.final_newline:
        return False
    after = len(lines) - lines[::-1].index(own)
    heads = (last.headline or "") + (last.subtitle or "")
    return "".join(lines[after:]).replace(" ", "") == (
        heads if style.headlines is HeadlinePosition.AFTER else ""
    )


def _difference(page: str, got: list[Article], want: list[Article]) -> str:
    """The page and the first article field that differs, for a readable failure."""
    lines = [page, f"{len(got)} articles found, {len(want)} laid out"]
    for number, (a, b) in enumerate(zip(got, want)):
        for field in (
            "headline", "section", "continued_from_page", "dateline", "byline", "subheads",
            "continued_on_page", "line", "kicker", "subtitle",
        ):  # fmt: skip
            if getattr(a, field) != getattr(b, field):
                lines.append(
                    f"article {number} {field}: got {getattr(a, field)!r}, want {getattr(b, field)!r}"
                )
        for index, (p, q) in enumerate(zip(a.paragraphs, b.paragraphs)):
            if p != q:
                lines.append(f"article {number} paragraph {index}:\n  got  {p}\n  want {q}")
                break
        if len(a.paragraphs) != len(b.paragraphs):
            lines.append(f"article {number}: {len(a.paragraphs)} paragraphs, want {len(b.paragraphs)}")
    return "\n".join(lines)
