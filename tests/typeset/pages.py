"""What a typeset test page holds: the gold an editor would read off it, and how it is laid out.

A page is rows of blocks across its columns (a story spanning some of them, a 简讯 box, an ad, an
index box, a photo, a chart). Every string here is what the page prints; the gold articles and
furniture come from these specs, never from an extractor's output.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, TypeVar

from tests.typeset import (
    texts,
    texts_b,
    texts_c,
    texts_d,
    texts_e,
    texts_f,
    texts_g,
    texts_h,
    texts_i,
    texts_j,
)

T = TypeVar("T")
POOLS: dict[str, texts.Pool] = {
    "A": texts.POOL_A,
    "B": texts_b.POOL,
    "C": texts_c.POOL,
    "D": texts_d.POOL,
    "E": texts_e.POOL,
    "F": texts_f.POOL,
    "G": texts_g.POOL,
    "H": texts_h.POOL,
    "I": texts_i.POOL,
    "J": texts_j.POOL,
}
"""The word pools a page can be drawn from, by name: A is every committed page's."""

BylineStyle = Literal["after_dateline", "own_line", "at_end", "none"]


@dataclass(frozen=True)
class Story:
    """One article as printed; ``paragraphs`` holds subheads in place (as the product's Article)."""

    headline: str | None
    paragraphs: tuple[str, ...]
    subheads: tuple[str, ...] = ()
    kicker: str | None = None
    subtitle: str | None = None
    dateline: str | None = None
    byline: str | None = None
    byline_style: BylineStyle = "none"
    section: str | None = None
    continued_on_page: int | None = None
    continued_from_page: int | None = None
    marker_style: Literal["line", "square"] = "line"
    """How a continuation says where it came from: （上接第1版） on a line, or ■上接第1版 inline."""

    def record(self) -> dict[str, Any]:
        """The gold, in the fields ``clean --json`` prints for an article."""
        return {
            "headline": self.headline,
            "section": self.section,
            "continued_from_page": self.continued_from_page,
            "dateline": self.dateline,
            "byline": self.byline,
            "subheads": list(self.subheads),
            "paragraphs": list(self.paragraphs),
            "continued_on_page": self.continued_on_page,
            "kicker": self.kicker,
            "subtitle": self.subtitle,
        }


@dataclass(frozen=True)
class StoryBlock:
    story: Story
    span: int
    photo_caption: str | None = None
    """A photo above the body with this caption (furniture: never spoken)."""


@dataclass(frozen=True)
class BriefsBox:
    """A ruled 简讯 box: each brief its own item, no headlines."""

    briefs: tuple[Story, ...]
    span: int
    title: str = "简讯"


@dataclass(frozen=True)
class FurnitureBlock:
    """An ad, an index box (今日导读), a chart: printed, listed, never spoken."""

    kind: Literal["ad", "index", "chart"]
    lines: tuple[str, ...]
    span: int
    title: str = ""


@dataclass(frozen=True)
class StackBlock:
    """Stories stacked in one cell, beside a taller neighbour (no rule runs across the page between them)."""

    stories: tuple[StoryBlock, ...]
    span: int


Block = StoryBlock | BriefsBox | FurnitureBlock | StackBlock


@dataclass(frozen=True)
class PageSpec:
    number: int
    columns: int
    rows: tuple[tuple[Block, ...], ...]
    date: str = "2024年3月5日"
    weekday: str = "星期二"
    section_name: str = "要闻"
    paper: str = "北疆日报"
    leading: float = 1.5
    """Line pitch as a multiple of the body type size: 1.25 is tight, 1.7 loose."""
    body_size: float = 9.5
    headlines_drawn_after: bool = False
    """The PDF draws each headline after its body (still printed above it), as some typesetters do."""
    editors: str = "本版责任编辑：王敏　美术编辑：李强"
    centered_headlines: bool = True
    # How the typesetter draws it (the gold does not change):
    fake_bold: bool = False
    """Headlines and subheads in the regular weight, filled and stroked (xeCJK's AutoFakeBold)."""
    tracking: float = 0.0
    """Letter-spacing of headlines, in ems."""
    box_style: Literal["rect", "sides", "none"] = "rect"
    """Boxes as one stroked rectangle, as four separate rules (LaTeX's \\fbox), or unruled (briefs and index)."""
    row_rules: bool = True
    """Rules between rows of stories, or white space only."""
    gutter_mm: float = 6.0
    body_font: Literal["serif", "sans"] = "serif"
    cell_rules: bool = False
    """Vertical rules between stories side by side."""
    lead_body_size: float | None = None
    """The lead story's body set larger than the page's (a 头条 in 10.5 pt on a 9.5 pt page)."""
    folio_at_foot: bool = False
    """The page number printed again, alone, in the foot margin."""
    # A paper's house style beyond the fields above (drawing only: the gold does not change).
    kicker_size: float | None = None
    """The 引题's type size in points (None: the typesetter's own, 11 pt in Typst)."""
    subtitle_size: float | None = None
    """The 副题's type size in points (None: the typesetter's own, 12 pt in Typst)."""
    byline_size: float | None = None
    """A byline on its own line under the heads, in points (None: the typesetter's own, 9 pt)."""
    headline_scale: float = 1.0
    """Headline sizes (by the columns a story spans) times this."""
    headline_font: Literal["serif", "sans"] = "sans"
    """Headlines, subheads and box titles in bold sans (黑体) or bold serif (宋体/标宋)."""
    page_width_mm: float | None = None
    """The page's width (None: as wide as its columns need, 44 mm each, plus the margins)."""
    margin_mm: float = 12.0
    """The side margins."""
    paragraph_spacing: float = 0.0
    """White space between paragraphs beyond the gap between lines, in ems (0: none, as most dailies)."""

    @property
    def running_head(self) -> str:
        return f"{self.date}　{self.weekday}　{self.section_name}"

    @property
    def folio(self) -> str:
        return f"第{self.number}版"

    def stories(self) -> list[Story]:
        """The page's articles in reading order (row by row, left to right), briefs one by one."""
        found: list[Story] = []
        for row in self.rows:
            for block in row:
                if isinstance(block, StackBlock):
                    found.extend(b.story for b in block.stories)
                elif isinstance(block, StoryBlock):
                    found.append(block.story)
                elif isinstance(block, BriefsBox):
                    found.extend(block.briefs)
        return found

    def furniture(self) -> list[dict[str, str]]:
        """What the page prints that is never spoken, by kind."""
        items: list[dict[str, str]] = []
        if self.number == 1:
            items.append({"kind": "masthead", "text": self.paper})
        items.append({"kind": "folio", "text": self.running_head})
        items.append({"kind": "folio", "text": self.folio})
        for row in self.rows:
            for block in row:
                if isinstance(block, StoryBlock) and block.photo_caption:
                    items.append({"kind": "caption", "text": block.photo_caption})
                elif isinstance(block, FurnitureBlock):
                    for line in ((block.title,) if block.title else ()) + block.lines:
                        items.append({"kind": block.kind, "text": line})
        items.append({"kind": "editor", "text": self.editors})
        if self.folio_at_foot:
            items.append({"kind": "folio", "text": str(self.number)})
        return items

    def gold(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "columns": self.columns,
            "leading": self.leading,
            "headlines_drawn_after": self.headlines_drawn_after,
            "articles": [s.record() for s in self.stories()],
            "furniture": self.furniture(),
        }


@dataclass(frozen=True)
class EditionSpec:
    name: str
    pages: tuple[PageSpec, ...]
    convention: str = ""
    """What this edition exercises, in words (for the corpus index)."""

    def stitched(self) -> list[dict[str, Any]]:
        """The edition's articles once jumps are joined: the front part's place and head fields,
        the continuation's paragraphs after the front part's."""
        articles: list[dict[str, Any]] = []
        fronts: dict[tuple[str | None, int], dict[str, Any]] = {}
        for page in self.pages:
            for story in page.stories():
                record = story.record()
                record["pages"] = [page.number]
                if (
                    story.continued_from_page is not None
                    and (story.headline, story.continued_from_page) in fronts
                ):
                    front = fronts[(story.headline, story.continued_from_page)]
                    front["paragraphs"] += record["paragraphs"]
                    front["subheads"] += record["subheads"]
                    front["continued_on_page"] = story.continued_on_page
                    front["pages"].append(page.number)
                    if front["byline"] is None:
                        front["byline"] = record["byline"]
                    continue
                if story.continued_on_page is not None:
                    fronts[(story.headline, page.number)] = record
                articles.append(record)
        return articles

    def gold(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "convention": self.convention,
            "pages": [p.gold() for p in self.pages],
            "articles": self.stitched(),
        }


# --- making pages from the texts ------------------------------------------------------------------


def _pick(rng: random.Random, choices: tuple[T, ...]) -> T:
    """One of ``choices``; the only one without a draw (pool A's pages stay as they were)."""
    return choices[0] if len(choices) == 1 else rng.choice(choices)


def _paragraphs(rng: random.Random, count: int, pool: texts.Pool = texts.POOL_A) -> list[str]:
    sentences = list(pool.sentences)
    rng.shuffle(sentences)
    out: list[str] = []
    for _ in range(count):
        take = rng.randint(2, 4)
        out.append("".join(sentences[:take]))
        sentences = sentences[take:] or list(pool.sentences)
    return out


def make_story(
    rng: random.Random,
    *,
    paragraphs: int,
    headline: str | None = None,
    head_tiers: bool = False,
    subheads: int = 0,
    jump_to: int | None = None,
    pool: texts.Pool = texts.POOL_A,
) -> Story:
    """A story of ``paragraphs`` paragraphs with a dateline and byline in one of the common styles,
    its words drawn from ``pool``."""
    body = _paragraphs(rng, paragraphs, pool)
    heads: list[str] = []
    if subheads:
        for name in rng.sample(pool.subheads, subheads):
            at = rng.randint(1, max(1, len(body) - 1))
            # Never two subheads in a row (one wrapped over two lines looks the same): move down.
            while at < len(body) and (body[at - 1] in heads or body[at] in heads):
                at += 1
            if at >= len(body):
                continue
            body.insert(at, name)
            heads.append(name)
        heads = [p for p in body if p in heads]
    style: BylineStyle = rng.choice(("after_dateline", "after_dateline", "own_line", "at_end", "none"))
    place = rng.choice(pool.places)
    month = _pick(rng, pool.months)
    day = rng.randint(*pool.days)
    agency = rng.random() < 0.25
    form = _pick(rng, pool.agency_datelines if agency else pool.local_datelines)
    dateline: str | None = form.format(place=place, month=month, day=day)
    names = rng.sample(pool.reporters, rng.randint(1, 2))
    byline: str | None
    if style == "none":
        byline = None
    else:
        byline = _pick(rng, pool.credits[style][len(names) - 1]).format(*names)
        if style == "own_line":
            dateline = None if rng.random() < 0.5 else dateline
    kicker = rng.choice(pool.kickers) if head_tiers and rng.random() < 0.7 else None
    subtitle = rng.choice(pool.subtitles) if head_tiers and (kicker is None or rng.random() < 0.6) else None
    return Story(
        headline=headline or rng.choice(pool.headlines),
        paragraphs=tuple(body),
        subheads=tuple(heads),
        kicker=kicker,
        subtitle=subtitle,
        dateline=dateline,
        byline=byline,
        byline_style=style,
        continued_on_page=jump_to,
    )


def make_briefs(
    rng: random.Random, count: int = 3, pool: texts.Pool = texts.POOL_A, title: str = "简讯"
) -> tuple[Story, ...]:
    """``count`` briefs of a box titled ``title`` (their section), some with a dateline, some credited."""
    briefs: list[Story] = []
    for text in rng.sample(pool.briefs, count):
        with_dateline = rng.random() < 0.6
        dateline = None
        if with_dateline:
            place = rng.choice(pool.places)
            month = _pick(rng, pool.months)
            day = rng.randint(*pool.days)
            dateline = _pick(rng, pool.local_datelines).format(place=place, month=month, day=day)
        byline = rng.choice(pool.reporters) if rng.random() < 0.7 else None
        briefs.append(
            Story(
                headline=None,
                paragraphs=(text,),
                section=title,
                dateline=dateline,
                byline=byline,
                byline_style="at_end" if byline else "none",
            )
        )
    return tuple(briefs)


House = Literal["plain", "random"]
HOUSES: tuple[House, ...] = ("plain", "random")
"""How a fresh page is drawn: in the one house style every committed page has (plain), or in a
house style drawn at random (type sizes, widths, rules, fonts) as another paper's pages would be."""


def random_house(seed: int, columns: int) -> dict[str, Any]:
    """A paper's house style drawn from ``seed`` (its own draw: the page's words and layout stay
    those of the plain page), as PageSpec fields, within what Chinese dailies print: body 8.5–10.5 pt
    宋体 (now and then 黑体), columns of 10–26 characters, gutters of 3–8 mm, kicker, subtitle and
    byline sizes around the body's, headlines 0.8–1.3 times the plain sizes (kickers and subtitles
    under the smallest, headlines over 1.4 times the body), rules or white space,
    boxes ruled or not, pages as wide as their columns or broadsheet/tabloid widths. Not the folio at
    the foot: it is furniture the gold would list (the committed corpus has pages with one)."""
    rng = random.Random(f"house-{seed}")
    body = rng.choice((8.5, 9.0, 9.5, 10.0, 10.5))
    gutter = rng.choice((3.0, 4.0, 5.0, 6.0, 8.0))
    margin = rng.choice((10.0, 12.0, 15.0, 18.0))
    char_mm = body * 25.4 / 72

    def fits(width: float | None) -> bool:
        # A column between 10 and 26 of the body's characters, as real dailies set them.
        text_width = 44.0 * columns if width is None else width - 2 * margin
        column = (text_width - (columns - 1) * gutter) / columns
        return 10 <= column / char_mm <= 26

    widths = [w for w in (None, 250.0, 297.0, 330.0) if fits(w)]
    # Every headline (14 pt times the scale for one column) at least 1.4 times the body, and kickers
    # and subtitles under 0.85 of the smallest: a paper's tiers are told apart by size.
    scale = rng.choice([s for s in (0.8, 0.9, 1.0, 1.15, 1.3) if 14 * s >= 1.4 * body])
    under = 0.85 * 14 * scale
    kickers = [s for s in (9.0, 10.0, 10.5, 11.0, 12.0, 14.0) if body - 1 <= s <= under]
    lead = body + 1.0 if rng.random() < 0.3 else None
    # A subtitle is set larger than its story's body (the lead story's too, set larger or not).
    floor = lead or body
    subtitles = [s for s in (10.0, 10.5, 11.0, 12.0, 14.0, 16.0) if floor < s <= under]
    return {
        "body_size": body,
        "body_font": "sans" if rng.random() < 0.15 else "serif",
        "gutter_mm": gutter,
        "margin_mm": margin,
        "page_width_mm": rng.choice(widths) if widths else None,
        "tracking": rng.choice((0.0, 0.0, 0.05, 0.15, 0.3)),
        "box_style": rng.choice(("rect", "sides", "none")),
        "row_rules": rng.random() < 0.7,
        "cell_rules": rng.random() < 0.4,
        "lead_body_size": lead,
        "fake_bold": rng.random() < 0.3,
        "kicker_size": rng.choice(kickers),
        "subtitle_size": rng.choice(subtitles or [floor + 0.5]),
        "byline_size": rng.choice([s for s in (8.0, 8.5, 9.0, 9.5, 10.0) if s <= body + 0.5]),
        "headline_scale": scale,
        "headline_font": "serif" if rng.random() < 0.3 else "sans",
        "paragraph_spacing": rng.choice((0.0, 0.0, 0.3, 0.6)),
    }


def random_page(seed: int, pool: texts.Pool | str = texts.POOL_A, house: House = "plain") -> PageSpec:
    """Page 2 of an edition with every convention drawn at random from ``seed``: 4–6 columns, any
    leading, headlines drawn after their bodies or not, ads, charts, index boxes, 2–4 rows and
    stories stacked under short columns (what the benchmarks call a fresh page); its words from
    ``pool`` (a :class:`texts.Pool` or its name in ``POOLS``: A, the default, or B to J), drawn in
    ``house`` style (see :data:`HOUSES`; the same words and gold in either)."""
    if isinstance(pool, str):
        pool = POOLS[pool]
    page = _random_page(seed, pool)
    return replace(page, **random_house(seed, page.columns)) if house == "random" else page


def _random_page(seed: int, pool: texts.Pool) -> PageSpec:
    rng = random.Random(seed)
    return make_page(
        rng,
        2,
        columns=rng.choice((4, 5, 6)),
        leading=rng.choice((1.25, 1.5, 1.75)),
        headlines_drawn_after=rng.random() < 0.3,
        ad=rng.random() < 0.5,
        chart=rng.random() < 0.5,
        index=rng.random() < 0.3,
        rows=rng.randint(2, 4),
        stacks=rng.random() < 0.3,
        section_name=pool.section_name,
        pool=pool,
    )


def continuation(
    front: Story, rng: random.Random, from_page: int, paragraphs: int = 3, pool: texts.Pool = texts.POOL_A
) -> Story:
    """The jumped rest of ``front``: its headline repeated, no dateline, a marker of the page it left."""
    return Story(
        headline=front.headline,
        paragraphs=tuple(_paragraphs(rng, paragraphs, pool)),
        continued_from_page=from_page,
        byline=front.byline if front.byline_style == "at_end" else None,
        byline_style="at_end" if front.byline_style == "at_end" else "none",
        marker_style=rng.choice(("line", "square")),
    )


def _spans(rng: random.Random, columns: int) -> list[int]:
    """Split ``columns`` into 1–3 blocks of at least 2 columns each (a brief box may take 1 when 5+)."""
    choices = {
        4: [[4], [2, 2], [3, 1], [4]],
        5: [[5], [3, 2], [2, 3], [2, 2, 1]],
        6: [[6], [4, 2], [3, 3], [2, 2, 2], [2, 4]],
    }
    return list(rng.choice(choices[columns]))


def make_page(
    rng: random.Random,
    number: int,
    *,
    columns: int,
    leading: float = 1.5,
    headlines_drawn_after: bool = False,
    head_tiers: bool = True,
    briefs: bool = True,
    ad: bool = False,
    photo: bool = True,
    chart: bool = False,
    index: bool = False,
    jump_to: int | None = None,
    continued: Story | None = None,
    rows: int = 3,
    section_name: str = "要闻",
    used: set[str] | None = None,
    stacks: bool = False,
    pool: texts.Pool = texts.POOL_A,
) -> PageSpec:
    """A page of ``rows`` rows: the lead story across the page, then stories and boxes side by side,
    in the words of ``pool``.

    ``continued`` (a continuation) opens the page; ``jump_to`` makes the lead story jump there.
    ``used`` holds the headlines already printed in the edition (no headline is printed twice).
    """
    used = set() if used is None else used

    def headline() -> str:
        free = [h for h in pool.headlines if h not in used and (continued is None or h != continued.headline)]
        while not free:  # a long edition: the same stories told of another place
            candidate = rng.choice(pool.places) + rng.choice(pool.headlines)
            free = [candidate] if candidate not in used else []
        pick = rng.choice(free)
        used.add(pick)
        return pick

    layout: list[tuple[Block, ...]] = []
    if continued is not None:
        layout.append((StoryBlock(continued, span=columns),))
    lead = make_story(
        rng,
        paragraphs=rng.randint(4, 6),
        headline=headline(),
        head_tiers=head_tiers,
        subheads=rng.choice((0, 1, 2)),
        jump_to=jump_to,
        pool=pool,
    )
    lead_row: list[Block] = [
        StoryBlock(
            lead, span=columns - 1 if index else columns, photo_caption=_caption(rng, pool) if photo else None
        )
    ]
    if index:
        lead_row.append(
            FurnitureBlock(
                "index", tuple(rng.sample(pool.index_items, 3)), span=1, title=_pick(rng, pool.index_titles)
            )
        )
    layout.append(tuple(lead_row))
    extras: list[Block] = []
    for r in range(rows - 1):
        spans = _spans(rng, columns)
        row: list[Block] = []
        for i, span in enumerate(spans):
            if (
                briefs
                and not any(isinstance(b, BriefsBox) for rr in layout for b in rr)
                and (span <= 2 and i == len(spans) - 1)
            ):
                title = _pick(rng, pool.brief_titles)
                row.append(BriefsBox(make_briefs(rng, 3, pool, title), span=span, title=title))
            elif (
                ad
                and not any(
                    isinstance(b, FurnitureBlock) and b.kind == "ad"
                    for rr in layout + [tuple(row)]
                    for b in rr
                )
                and r == rows - 2
                and i == len(spans) - 1
            ):
                kind, text = rng.choice(pool.ads)
                row.append(FurnitureBlock("ad", (text,), span=span, title=kind))
            else:
                row.append(
                    StoryBlock(
                        make_story(
                            rng,
                            paragraphs=rng.randint(2, 4),
                            headline=headline(),
                            head_tiers=head_tiers and rng.random() < 0.5,
                            subheads=0,
                            pool=pool,
                        ),
                        span=span,
                    )
                )
        layout.append(tuple(row))
    if chart:
        extras.append(FurnitureBlock("chart", pool.chart_labels, span=2, title=pool.chart_title))
        extras.append(
            StoryBlock(make_story(rng, paragraphs=2, headline=headline(), pool=pool), span=columns - 2)
        )
        layout.append(tuple(extras))
    if briefs and not any(isinstance(b, BriefsBox) for rr in layout for b in rr):
        title = _pick(rng, pool.brief_titles)
        layout.append((BriefsBox(make_briefs(rng, 3, pool, title), span=columns, title=title),))
    if stacks:
        # In each row after the lead with stories side by side, the first story gets a second stacked under it.
        for r in range(1 if continued is None else 2, len(layout)):
            row = list(layout[r])
            at = next((i for i, b in enumerate(row) if isinstance(b, StoryBlock) and len(row) > 1), None)
            if at is None:
                continue
            first = row[at]
            assert isinstance(first, StoryBlock)
            under = StoryBlock(make_story(rng, paragraphs=1, headline=headline(), pool=pool), span=first.span)
            row[at] = StackBlock((first, under), span=first.span)
            layout[r] = tuple(row)
    editors = rng.choice(
        (
            f"本版责任编辑：{rng.choice(pool.editors)}　美术编辑：{rng.choice(pool.editors)}",
            f"责任编辑：{rng.choice(pool.editors)}　版式设计：{rng.choice(pool.editors)}　校对：{rng.choice(pool.editors)}",
        )
    )
    return PageSpec(
        number=number,
        columns=columns,
        rows=tuple(layout),
        leading=leading,
        headlines_drawn_after=headlines_drawn_after,
        editors=editors,
        section_name=section_name,
        centered_headlines=rng.random() < 0.6,
        **({"date": pool.date, "weekday": pool.weekday or "星期二"} if pool.date else {}),
    )


def _caption(rng: random.Random, pool: texts.Pool = texts.POOL_A) -> str:
    # Two reporters drawn before the form, whichever it names (pool A's pages stay as they were).
    names = (rng.choice(pool.reporters), rng.choice(pool.reporters))
    credit = rng.choice(pool.caption_credits).format(*names)
    return f"图为{rng.choice(pool.captions)}　{credit}"


def with_pages(edition: EditionSpec, numbers: list[int]) -> EditionSpec:
    return replace(edition, pages=tuple(p for p in edition.pages if p.number in numbers))


def pool_of(gold: dict[str, Any]) -> str:
    """The word pool a kept page was drawn from, by the name its gold.json records (A if none)."""
    return str(gold.get("texts", "A"))


def house_of(gold: dict[str, Any]) -> str:
    """The house style a kept page was drawn in, by the name its gold.json records (plain if none)."""
    return str(gold.get("house", "plain"))


def fresh_name(seed: int, pool: str = "A", house: str = "plain") -> str:
    """A fresh page's folder name: ``fresh-1000`` for pool A (as always), ``fresh-B-1500`` for
    another pool, ``fresh-H-1000`` / ``fresh-C-H-6600`` in a random house style."""
    parts = ["fresh"] + ([pool] if pool != "A" else []) + (["H"] if house != "plain" else [])
    return "-".join([*parts, str(seed)])


def fresh_gold(spec: EditionSpec, pool: str = "A", house: str = "plain") -> dict[str, Any]:
    """A fresh page's gold.json: the spec's gold, and its pool and house when not A and plain."""
    extra = ({"texts": pool} if pool != "A" else {}) | ({"house": house} if house != "plain" else {})
    return {**spec.gold(), **extra}


def pools_kept(folder: Path) -> set[str]:
    """The pools of the pages already kept anywhere under ``folder``."""
    return {pool_of(json.loads(gold.read_text(encoding="utf-8"))) for gold in folder.rglob("gold.json")}


def houses_kept(folder: Path) -> set[str]:
    """The house styles of the pages already kept anywhere under ``folder``."""
    return {house_of(json.loads(gold.read_text(encoding="utf-8"))) for gold in folder.rglob("gold.json")}
