"""Hand-set Typst pages in layouts Chinese dailies use that the page generator never makes: a story
in columns off the page's grid (变栏), a 通栏 headline over two lines, a picture across two of a
story's columns, a 栏目 label over a headline, a headline beside its story, a vertical headline, a
story in a tinted box, a story stacked under another's short last column. Each page comes with its
gold, built from the same strings the source is written from (never from the reader's output)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typst

from tests.typeset.texts import SENTENCES

PREAMBLE = """#set page(width: 297mm, height: 420mm, margin: 15mm)
#set text(font: "Noto Serif CJK SC", size: 10pt, lang: "zh")
#set par(leading: 0.7em, first-line-indent: (amount: 2em, all: true), justify: true, spacing: 0.7em)
#text(size: 9pt)[2025年3月8日　星期六 #h(1fr) 第5版　要闻]
#v(-2mm)
#line(length: 100%, stroke: 1pt)
"""
RUNNING_HEAD = "第5版"


def paragraphs(seed: int, count: int, length: int = 4) -> list[str]:
    """``count`` paragraphs of ``length`` sentences each, drawn from the corpus's sentences."""
    return [
        "".join(SENTENCES[(seed + 7 * n + k) % len(SENTENCES)] for k in range(length)) for n in range(count)
    ]


@dataclass
class Story:
    """One story's gold and how its strings are set."""

    headline: str
    body: list[str]
    dateline: str = ""
    kicker: str | None = None
    subtitle: str | None = None
    head_size: float = 20
    kicker_size: float = 12  # the body's size (10) in some papers

    def gold(self) -> dict[str, Any]:
        return {
            "headline": self.headline.replace("\\", ""),
            "kicker": self.kicker,
            "subtitle": self.subtitle.replace("\\", "") if self.subtitle else None,
            "dateline": self.dateline or None,
            "byline": None,
            "paragraphs": self.body,
        }

    def head(self, align: str = "left") -> str:
        """The story's tiers as Typst markup (the headline may hold a forced break ``\\``)."""
        out = []
        if self.kicker:
            out.append(f"#align({align})[#text(size: {self.kicker_size}pt)[{self.kicker}]]")
        out.append(f'#align({align})[#text(size: {self.head_size}pt, weight: "bold")[{self.headline}]]')
        if self.subtitle:
            out.append(f"#align({align})[#text(size: 12pt)[{self.subtitle}]]")
        return "\n".join(out) + "\n#v(2mm)\n"

    def texts(self) -> list[str]:
        """The body's paragraphs as set, the dateline opening the first."""
        first, *rest = self.body
        return [self.dateline + first, *rest]

    def text(self) -> str:
        return "\n\n".join(self.texts()) + "\n"


@dataclass
class HandSetLayout:
    source: str
    stories: list[Story]
    furniture: list[str] = field(default_factory=lambda: [RUNNING_HEAD])

    def gold(self) -> dict[str, Any]:
        return {
            "articles": [story.gold() for story in self.stories],
            "furniture": [{"text": text} for text in self.furniture],
        }

    def typeset(self, folder: Path) -> Path:
        (folder / "page.typ").write_text(PREAMBLE + self.source, encoding="utf-8")
        pdf = folder / "2025-03-08-05.pdf"
        typst.compile(str(folder / "page.typ"), output=str(pdf))
        return pdf


WIDTH = 267.0  # mm between the margins
_PITCH = 17.0  # points: 10 pt type on 0.7 em leading (paragraph spacing the same)


def share(fraction: float, gutters: int = 1) -> float:
    """The width (mm) of a grid cell taking ``fraction`` of the page's measure."""
    return (WIDTH - 6 * gutters) * fraction


def _columns(count: int, texts: list[str], width: float) -> str:
    """``texts`` (Typst paragraphs) in ``count`` columns of a block ``width`` mm wide, as tall as
    they need to come out about even (Typst fills one column before the next)."""
    per_line = int(((width - 6 * (count - 1)) / count) / 3.528)
    lines = sum(-(-(len(text) + 2) // per_line) for text in texts)
    height = (-(-lines // count) + 1) * _PITCH
    body = "\n\n".join(texts)
    return f"#block(height: {height}pt)[#columns({count}, gutter: 6mm)[\n{body}\n]]\n"


def _rule() -> str:
    return "#v(2mm)\n#line(length: 100%, stroke: 0.6pt)\n#v(2mm)\n"


def wide_headline(two_lines: bool = True) -> HandSetLayout:
    """通栏: a kicker, a main headline over two lines of one size, a subtitle, all across the page,
    over a lead story in all five columns; two stories side by side under a rule."""
    lead = Story(
        "草原牧区迎来新一轮春耕备耕\\ 科技助力农牧业高质量发展"
        if two_lines
        else "草原牧区迎来新一轮春耕备耕",
        paragraphs(0, 6, 5),
        "本报呼和浩特3月7日电",
        kicker="——聚焦全区农牧业生产一线",
        subtitle="——全区推广良种良法 农牧民增收有了新门路",
        head_size=30,
    )
    left = Story("边境口岸货运量创同期新高", paragraphs(3, 3), "本报满洲里3月7日电")
    right = Story("社区食堂端出幸福味道", paragraphs(5, 3), "本报包头3月7日电")
    source = (
        lead.head("center")
        + _columns(5, lead.texts(), WIDTH)
        + _rule()
        + "#grid(columns: (3fr, 2fr), column-gutter: 6mm,\n"
        + f"[{left.head()}{_columns(3, left.texts(), share(3 / 5))}],\n[{right.head()}{_columns(2, right.texts(), share(2 / 5))}])\n"
    )
    return HandSetLayout(source, [lead, left, right])


def off_grid_columns() -> HandSetLayout:
    """变栏: on a six-column page, a story in four wide columns across the width of five beside a
    one-column story, and under a rule a two-column commentary box beside a three-column story."""
    top = Story("冬季供暖保障有力有序", paragraphs(1, 6), "本报赤峰3月7日电")
    narrow = Story("口岸通关再提速", paragraphs(9, 2, 3), "本报二连浩特3月7日电", head_size=16)
    story = Story("全市新增供热面积一百二十万平方米", paragraphs(4, 3), "本报通辽3月7日电")
    comment = Story("让群众温暖过冬", paragraphs(8, 3), kicker="本报评论员", head_size=18)
    source = (
        "#grid(columns: (5fr, 1fr), column-gutter: 6mm,\n"
        + f"[{top.head()}{_columns(4, top.texts(), share(5 / 6))}],\n[{narrow.head()}{narrow.text()}])\n"
        + _rule()
        + "#grid(columns: (3fr, 2fr), column-gutter: 6mm,\n"
        + f"[{story.head()}{_columns(3, story.texts(), share(3 / 5))}],\n"
        + f"[#rect(width: 100%, stroke: 1pt, inset: 6pt)[{comment.head('center')}{_columns(2, comment.texts(), share(2 / 5) - 4.2)}]])\n"
    )
    return HandSetLayout(source, [top, narrow, story, comment])


def picture_across_columns(right: bool = False) -> HandSetLayout:
    """A picture (a grey frame) across two of a story's three columns, under a few paragraphs, its
    caption under it, the story going on below it and in the third column beside it (after the
    picture's columns, or before them with the picture on the right)."""
    story = Story("草原牧区迎来新一轮春耕备耕", paragraphs(2, 7), "本报锡林浩特3月7日电", head_size=24)
    caption = "图为农牧民在田间操作播种机。本报记者 王建国摄"
    texts = story.texts()
    beside, spanned = (texts[:3], texts[3:]) if right else (texts[4:], texts[:4])
    pictured = (
        _columns(2, spanned[:2], share(2 / 3))
        + "#rect(width: 100%, height: 60mm, fill: luma(200))\n"
        + f"#v(-1mm)#text(size: 8pt)[{caption}]\n#v(1mm)\n"
        + _columns(2, spanned[2:], share(2 / 3))
    )
    single = "\n\n".join(beside)
    cells = f"[{single}],\n[{pictured}]" if right else f"[{pictured}],\n[{single}]"
    widths = "(1fr, 2fr)" if right else "(2fr, 1fr)"
    source = story.head() + f"#grid(columns: {widths}, column-gutter: 6mm,\n{cells})\n"
    return HandSetLayout(source, [story], [RUNNING_HEAD, caption])


def picture_wrapped() -> HandSetLayout:
    """A picture across two of a story's three columns with the text wrapped round it (绕排): each
    column runs down over the picture and on under it, a paragraph broken off by the picture in the
    first column going on under it, before the second column starts."""
    story = Story("草原牧区迎来新一轮春耕备耕", paragraphs(4, 7), "本报锡林浩特3月7日电", head_size=24)
    caption = "图为农牧民在田间操作播种机。本报记者 王建国摄"
    texts = story.texts()
    per_line = int(((share(2 / 3) - 6) / 2) / 3.528)
    cut = per_line - 2 + per_line  # two lines of the broken paragraph over the picture

    def cell(*paragraphs: str) -> str:
        # A cell's text is a paragraph only when marked so (its first line indented).
        return "[" + "".join(f"#par[{text}]" for text in paragraphs) + "]"

    over_first = cell(texts[0], texts[1][:cut] + "#linebreak(justify: true)")
    under_first = f"[#par(first-line-indent: 0pt)[{texts[1][cut:]}]]"
    picture = (
        "grid.cell(colspan: 2)[#rect(width: 100%, height: 50mm, fill: luma(200))"
        + f"#v(-1mm)#text(size: 8pt)[{caption}]]"
    )
    wrapped = (
        "#grid(columns: (1fr, 1fr), column-gutter: 6mm, row-gutter: 2mm,\n"
        + f"{over_first}, {cell(texts[2])},\n{picture},\n{under_first}, {cell(texts[3])})\n"
    )
    source = (
        story.head()
        + "#grid(columns: (2fr, 1fr), column-gutter: 6mm,\n"
        + f"[{wrapped}],\n["
        + "\n\n".join(texts[4:])
        + "])\n"
    )
    return HandSetLayout(source, [story], [RUNNING_HEAD, caption])


def column_label(reversed_label: bool, kicker: str | None = None, bar: bool = False) -> HandSetLayout:
    """A 栏目 label set in its own style (a small ruled box, or white on black, in a tag or a bar
    across the column) over a headline, or over the headline's kicker: the label opens the kicker."""
    label = "新春走基层"
    shape = "block(width: 100%, " if bar else "box("
    style = (
        f"#{shape}fill: black, inset: 3pt)[#text(fill: white, size: 11pt)[{label}]]"
        if reversed_label
        else f"#{shape}stroke: 0.8pt, inset: 3pt)[#text(size: 11pt)[{label}]]"
    )
    first = Story("社区食堂端出幸福味道", paragraphs(5, 4), "本报包头3月7日电", kicker=label + (kicker or ""))
    second = Story("边境口岸货运量创同期新高", paragraphs(10, 4), "本报满洲里3月7日电")
    source = (
        "#grid(columns: (1fr, 1fr), column-gutter: 8mm,\n["
        + style
        + "\n#v(1mm)\n"
        + Story(first.headline, first.body, first.dateline, kicker=kicker).head()
        + _columns(2, first.texts(), share(1 / 2, 1) + 1)
        + "],\n["
        + second.head()
        + _columns(2, second.texts(), share(1 / 2, 1) + 1)
        + "])\n"
    )
    return HandSetLayout(source, [first, second])


def headline_beside(tiers: bool = False) -> HandSetLayout:
    """A headline set to the left of its story, in a narrow column of horizontal lines as tall as
    the story's body (its kicker over it and subtitle under it in that column), the body in three
    columns right of it, a story under a rule below."""
    story = Story(
        "口岸通关再提速\\ 货运量创下\\ 同期新高",
        paragraphs(6, 5),
        "本报满洲里3月7日电",
        kicker="——二连浩特口岸见闻" if tiers else None,
        subtitle="——前十个月进出口货运量\\ 达一千八百万吨" if tiers else None,
        head_size=24,
    )
    under = Story("社区食堂端出幸福味道", paragraphs(5, 3), "本报包头3月7日电")
    source = (
        "#grid(columns: (1fr, 4fr), column-gutter: 6mm,\n"
        + f"[{story.head()}],\n"
        + f"[{_columns(3, story.texts(), share(4 / 5))}])\n"
        + _rule()
        + under.head()
        + _columns(4, under.texts(), WIDTH)
    )
    return HandSetLayout(source, [story, under])


def vertical_headline(columns: int = 1, right: bool = False, spacing: str = "1mm") -> HandSetLayout:
    """A headline set top to bottom (竖排), one character under another, beside its story (left of
    it, or right of it where vertical type starts), letter-spaced by ``spacing``; in two columns it
    reads from the right one.
    Another story stands under a rule below."""
    headline = "冰雪经济热起来" if columns == 1 else "冰雪经济热起来文旅消费旺起来"
    story = Story(headline, paragraphs(7, 4), "本报呼伦贝尔3月7日电")
    under = Story("社区食堂端出幸福味道", paragraphs(5, 3), "本报包头3月7日电")
    cut = -(-len(headline) // columns)
    stacks = ", ".join(
        f"stack(dir: ttb, spacing: {spacing}, " + ", ".join(f"[{c}]" for c in headline[n : n + cut]) + ")"
        for n in range(0, len(headline), cut)
    )
    head = f'[#text(size: 24pt, weight: "bold")[#stack(dir: rtl, spacing: 2mm, {stacks})]]'
    text = f"[{_columns(3, story.texts(), WIDTH - 12 * columns - 6)}]"
    cells = f"{text},\n{head}" if right else f"{head},\n{text}"
    widths = f"(1fr, {12 * columns}mm)" if right else f"({12 * columns}mm, 1fr)"
    source = (
        f"#grid(columns: {widths}, column-gutter: 6mm,\n{cells})\n"
        + _rule()
        + under.head()
        + _columns(4, under.texts(), WIDTH)
    )
    return HandSetLayout(source, [story, under])


def vertical_text() -> HandSetLayout:
    """A few lines of verse set top to bottom (竖排) in a box beside a story: out of the reader's
    reach, it must be warned of, never read silently as a row of one-character lines."""
    story = Story("诗词大会走进社区", paragraphs(3, 3), "本报通辽3月7日电")
    verse = ["春风又绿江南岸", "明月何时照我还"]
    stacks = ", ".join("stack(dir: ttb, spacing: 1pt, " + ", ".join(f"[{c}]" for c in v) + ")" for v in verse)
    source = (
        "#grid(columns: (3fr, 1fr), column-gutter: 6mm,\n"
        + f"[{story.head()}{_columns(3, story.texts(), share(3 / 4))}],\n"
        + f"[#align(center)[#stack(dir: rtl, spacing: 4mm, {stacks})]])\n"
    )
    return HandSetLayout(source, [story])


def tinted_box(stroke: str = "0.6pt") -> HandSetLayout:
    """A story in a tinted box (a 短评 in its own colour), ruled or not, beside a plain story."""
    boxed = Story("短评：办好群众家门口的小事", paragraphs(11, 3), head_size=16)
    plain = Story("冬季供暖保障有力有序", paragraphs(1, 4), "本报赤峰3月7日电")
    source = (
        "#grid(columns: (3fr, 2fr), column-gutter: 6mm,\n"
        + f"[{plain.head()}{_columns(3, plain.texts(), share(3 / 5))}],\n"
        + f"[#block(width: 100%, fill: luma(230), stroke: {stroke}, inset: 6pt)[{boxed.head()}{_columns(2, boxed.texts(), share(2 / 5) - 4.2)}]])\n"
    )
    return HandSetLayout(source, [plain, boxed])


def stacked_under_short_column(
    first_column: bool = False, short_headline: bool = False, kicker: str | None = None
) -> HandSetLayout:
    """A story in three columns one of which stops short, another story's headline and body under
    it in that column (stacked modules): the last column, or the first; the story's headline over
    all three columns, or short, over the first only. The stacked story's ``kicker`` is set in the
    body's size (a short line over its headline, no column's end)."""
    headline = "供暖保障有力" if short_headline else "全市供暖保障有力有序 群众温暖过冬"
    first = Story(headline, paragraphs(1, 5), "本报赤峰3月7日电", head_size=28)
    second = Story(
        "社区食堂端出幸福味道", paragraphs(5, 2, 3), "本报包头3月7日电", kicker, head_size=16, kicker_size=10
    )
    texts = first.texts()
    short, full = (texts[:1], texts[1:]) if first_column else (texts[-1:], texts[:-1])
    stacked = f"[{short[0]}\n#v(2mm)\n#line(length: 100%, stroke: 0.5pt)\n{second.head()}{second.text()}]"
    running = f"[{_columns(2, full, share(2 / 3))}]"
    cells = f"{stacked},\n{running}" if first_column else f"{running},\n{stacked}"
    widths = "(1fr, 2fr)" if first_column else "(2fr, 1fr)"
    head = first.head("left" if short_headline else "center")
    source = head + f"#grid(columns: {widths}, column-gutter: 6mm,\n{cells})\n"
    return HandSetLayout(source, [first, second])


def figures_box() -> HandSetLayout:
    """A 数说 box: a title and figures in large type, each over its label, ruled, beside a story: the
    box is a chart (furniture), its figures never read as headlines or spoken."""
    story = Story("冬季供暖保障有力有序", paragraphs(1, 4), "本报赤峰3月7日电")
    figures = [
        ("120", "万平方米", "新增供热面积"),
        ("1.8", "万户", "惠及居民"),
        ("24", "小时", "服务热线在线"),
    ]
    cells = "\n".join(
        f'#text(size: 22pt, weight: "bold")[{number}]#text(size: 10pt)[{unit}]\\\n#text(size: 9pt)[{label}]\n#v(2mm)'
        for number, unit, label in figures
    )
    source = (
        "#grid(columns: (3fr, 1fr), column-gutter: 6mm,\n"
        + f"[{story.head()}{_columns(3, story.texts(), share(3 / 4))}],\n"
        + '[#rect(width: 100%, stroke: 1pt, inset: 6pt)[#text(size: 14pt, weight: "bold")[数说供暖]\n\n'
        + cells
        + "]])\n"
    )
    words = [
        "数说供暖",
        *(f"{number}{unit}" for number, unit, _ in figures),
        *(label for *_, label in figures),
    ]
    return HandSetLayout(source, [story], [RUNNING_HEAD, *words])


def commentary_box() -> HandSetLayout:
    """A 短评 box: its tag boxed (or reversed) inside the ruled box, over the comment's headline,
    beside a story; the tag is the comment's kicker."""
    comment = Story("让好政策落到群众心坎上", paragraphs(12, 3), kicker="短评", head_size=16)
    story = Story("老旧小区改造惠及三万户居民", paragraphs(2, 4), "本报乌海3月7日电")
    tag = f'#box(fill: black, inset: 3pt)[#text(fill: white, size: 12pt, weight: "bold")[{comment.kicker}]]'
    bare = Story(comment.headline, comment.body, head_size=comment.head_size)
    source = (
        "#grid(columns: (3fr, 1fr), column-gutter: 6mm,\n"
        + f"[{story.head()}{_columns(3, story.texts(), share(3 / 4))}],\n"
        + f"[#rect(width: 100%, stroke: 1pt, inset: 6pt)[{tag}\n#v(1mm)\n{bare.head()}{bare.text()}]])\n"
    )
    return HandSetLayout(source, [story, comment])


def picture_ad_with_tag() -> HandSetLayout:
    """A picture ad with a small boxed 广告 tag on it, over a story: a boxed short line that is no
    栏目 label (no headline under it) stays the ad's furniture, never spoken."""
    story = Story("社区食堂端出幸福味道", paragraphs(5, 4), "本报包头3月7日电")
    source = (
        "#rect(width: 100%, height: 60mm, fill: luma(200))\n"
        + "#align(right)[#box(stroke: 0.6pt, inset: 2pt)[#text(size: 8pt)[广告]]]\n"
        + _rule()
        + story.head()
        + _columns(4, story.texts(), WIDTH)
    )
    return HandSetLayout(source, [story], [RUNNING_HEAD, "广告"])


def lead_over_stacked(left: bool = False) -> HandSetLayout:
    """A 通栏 lead in five columns whose last two (or first two) stop short, a second story under
    them (its headline across those two columns, its body in them): an L-shaped lead."""
    lead = Story(
        "草原牧区迎来新一轮春耕备耕 科技助力农牧业高质量发展",
        paragraphs(0, 8),
        "本报呼和浩特3月7日电",
        kicker="——聚焦全区农牧业生产一线",
        head_size=30,
    )
    second = Story("社区食堂端出幸福味道", paragraphs(5, 3), "本报包头3月7日电")
    texts = lead.texts()
    short, full = (texts[:2], texts[2:]) if left else (texts[6:], texts[:6])
    stacked = (
        f"[{_columns(2, short, share(2 / 5))}#line(length: 100%, stroke: 0.5pt)\n"
        + f"{second.head()}{_columns(2, second.texts(), share(2 / 5))}]"
    )
    running = f"[{_columns(3, full, share(3 / 5))}]"
    cells = f"{stacked},\n{running}" if left else f"{running},\n{stacked}"
    widths = "(2fr, 3fr)" if left else "(3fr, 2fr)"
    source = lead.head("center") + f"#grid(columns: {widths}, column-gutter: 6mm,\n{cells})\n"
    return HandSetLayout(source, [lead, second])


def editors_note(bold: bool = False) -> HandSetLayout:
    """A story opening with a 编者按 (or 导语) set across all its columns in another face, its body
    in three columns under it."""
    note = "编者按：" + "".join(SENTENCES[n] for n in (13, 14, 15))
    story = Story("让更多群众共享发展成果", [note, *paragraphs(8, 5)], head_size=26)
    face = '"Noto Sans CJK SC"'
    weight = ', weight: "bold"' if bold else ""
    source = (
        story.head("center")
        + f"#par[#text(font: {face}{weight})[{note}]]\n#v(2mm)\n"
        + _columns(3, story.body[1:], WIDTH)
        + _rule()
    )
    return HandSetLayout(source, [story])


def headline_over_box() -> HandSetLayout:
    """A story whose headline stands over a ruled box holding its body (a 短评 or 专栏 set apart),
    beside a plain story."""
    boxed = Story("办好群众家门口的小事", paragraphs(11, 3), head_size=18)
    plain = Story("冬季供暖保障有力有序", paragraphs(1, 4), "本报赤峰3月7日电")
    source = (
        "#grid(columns: (3fr, 2fr), column-gutter: 6mm,\n"
        + f"[{plain.head()}{_columns(3, plain.texts(), share(3 / 5))}],\n"
        + f"[{boxed.head('center')}#rect(width: 100%, stroke: 0.8pt, inset: 6pt)["
        + f"{_columns(2, boxed.texts(), share(2 / 5) - 4.2)}]])\n"
    )
    return HandSetLayout(source, [plain, boxed])


def composite() -> HandSetLayout:
    """One page of several of these at once, as a daily's inner page sets them: a 通栏 lead with a
    编者按 across its five columns; under a rule a story under a vertical headline beside a tinted
    commentary box; under another a story under a boxed 栏目 label with a picture across two of its
    columns beside a 数说 box."""
    note = "编者按：" + "".join(SENTENCES[n] for n in (13, 14, 15))
    lead = Story(
        "草原牧区迎来新一轮春耕备耕\\ 科技助力农牧业高质量发展",
        [note, *paragraphs(0, 3)],
        kicker="——聚焦全区农牧业生产一线",
        subtitle="——全区推广良种良法 农牧民增收有了新门路",
        head_size=28,
    )
    upright = Story("冰雪经济热起来", paragraphs(3, 3), "本报呼伦贝尔3月7日电")
    comment = Story("让好政策落到群众心坎上", paragraphs(12, 2), kicker="短评", head_size=16)
    label = "新春走基层"
    pictured = Story("边境口岸货运量创同期新高", paragraphs(2, 5, 3), "本报满洲里3月7日电", kicker=label)
    caption = "图为满洲里口岸的货运车辆。本报记者 王建国摄"
    figures = [("120", "万平方米", "新增供热面积"), ("1.8", "万户", "惠及居民")]
    chars = ", ".join(f"[{c}]" for c in upright.headline)
    tag = f'#box(fill: black, inset: 3pt)[#text(fill: white, size: 12pt, weight: "bold")[{comment.kicker}]]'
    numbers = "\n".join(
        f'#text(size: 22pt, weight: "bold")[{n}]#text(size: 10pt)[{u}]\\\n#text(size: 9pt)[{t}]\n#v(2mm)'
        for n, u, t in figures
    )
    ptexts = pictured.texts()
    row2 = share(3 / 5) - 18
    source = (
        lead.head("center")
        + f'#par[#text(font: "Noto Sans CJK SC")[{note}]]\n#v(2mm)\n'
        + _columns(5, lead.body[1:], WIDTH)
        + _rule()
        + "#grid(columns: (12mm, 3fr, 2fr), column-gutter: 6mm,\n"
        + f'[#text(size: 24pt, weight: "bold")[#stack(dir: ttb, spacing: 1mm, {chars})]],\n'
        + f"[{_columns(3, upright.texts(), row2)}],\n"
        + "[#block(width: 100%, fill: luma(230), stroke: 0.6pt, inset: 6pt)["
        + f"{tag}\n#v(1mm)\n{Story(comment.headline, comment.body, head_size=16).head()}"
        + f"{_columns(2, comment.texts(), share(2 / 5) - 4.2)}]])\n"
        + _rule()
        + "#grid(columns: (3fr, 1fr), column-gutter: 6mm,\n"
        + f"[#box(stroke: 0.8pt, inset: 3pt)[#text(size: 11pt)[{label}]]\n#v(1mm)\n"
        + Story(pictured.headline, pictured.body, pictured.dateline).head()
        + "#grid(columns: (2fr, 1fr), column-gutter: 6mm,\n["
        + _columns(2, ptexts[:2], share(3 / 4) * 2 / 3)
        + "#rect(width: 100%, height: 30mm, fill: luma(200))\n"
        + f"#v(-1mm)#text(size: 8pt)[{caption}]\n#v(1mm)\n"
        + _columns(2, ptexts[2:4], share(3 / 4) * 2 / 3)
        + "],\n["
        + "".join(f"#par[{text}]" for text in ptexts[4:])
        + "])],\n"
        + '[#rect(width: 100%, stroke: 1pt, inset: 6pt)[#text(size: 14pt, weight: "bold")[数说供暖]\n\n'
        + numbers
        + "]])\n"
    )
    words = ["数说供暖", *(f"{n}{u}" for n, u, _ in figures), *(t for *_, t in figures)]
    return HandSetLayout(source, [lead, upright, comment, pictured], [RUNNING_HEAD, caption, *words])


def editors_note_beside(columns: int = 2, sentences: int = 3) -> HandSetLayout:
    """A 编者按 across a story's two (or more) columns in half the page, another story beside it: the
    note's last line, short of the note's width, may still cross the story's gutter."""
    note = "编者按：" + "".join(SENTENCES[n] for n in range(13, 13 + sentences))
    story = Story("让更多群众共享发展成果", [note, *paragraphs(8, 4)], head_size=22)
    other = Story("社区食堂端出幸福味道", paragraphs(5, 3), "本报包头3月7日电")
    source = (
        "#grid(columns: (1fr, 1fr), column-gutter: 6mm,\n["
        + story.head("center")
        + f'#par[#text(font: "Noto Sans CJK SC")[{note}]]\n#v(2mm)\n'
        + _columns(columns, story.body[1:], share(1 / 2))
        + "],\n["
        + other.head()
        + _columns(2, other.texts(), share(1 / 2))
        + "])\n"
    )
    return HandSetLayout(source, [story, other])


def picture_across_all() -> HandSetLayout:
    """A picture across all three of a story's columns in the middle of it, the text running across
    the columns over it, then on under it: a paragraph broken off at the foot of the third column
    over the picture goes on at the top of the first column under it."""
    story = Story("边境口岸货运量创同期新高", paragraphs(9, 7, 3), "本报满洲里3月7日电", head_size=24)
    caption = "图为满洲里口岸的货运车辆。本报记者 王建国摄"
    texts = story.texts()
    per_line = int(((WIDTH - 12) / 3) / 3.528)
    cut = per_line - 2 + per_line  # two lines of the broken paragraph over the picture

    def cell(*paragraphs: str) -> str:
        return "[" + "".join(f"#par[{text}]" for text in paragraphs) + "]"

    over = [cell(texts[0]), cell(texts[1]), cell(texts[2], texts[3][:cut] + "#linebreak(justify: true)")]
    under = [f"[#par(first-line-indent: 0pt)[{texts[3][cut:]}]]", cell(texts[4]), cell(texts[5], texts[6])]
    picture = (
        "grid.cell(colspan: 3)[#rect(width: 100%, height: 50mm, fill: luma(200))"
        + f"#v(-1mm)#text(size: 8pt)[{caption}]]"
    )
    source = (
        story.head()
        + "#grid(columns: (1fr, 1fr, 1fr), column-gutter: 6mm, row-gutter: 2mm,\n"
        + ", ".join(over)
        + f",\n{picture},\n"
        + ", ".join(under)
        + ")\n"
    )
    return HandSetLayout(source, [story], [RUNNING_HEAD, caption])


def box_in_columns() -> HandSetLayout:
    """A ruled 相关链接 box across two of a story's three columns in the middle of it, the text
    wrapped round it column by column (a paragraph broken off over the box goes on under it)."""
    story = Story("草原牧区迎来新一轮春耕备耕", paragraphs(4, 7), "本报锡林浩特3月7日电", head_size=24)
    link = Story("相关链接：全区春播进度过半", paragraphs(20, 1, 3), head_size=14)
    texts = story.texts()
    per_line = int(((share(2 / 3) - 6) / 2) / 3.528)
    cut = per_line - 2 + per_line

    def cell(*paragraphs: str) -> str:
        return "[" + "".join(f"#par[{text}]" for text in paragraphs) + "]"

    over_first = cell(texts[0], texts[1][:cut] + "#linebreak(justify: true)")
    under_first = f"[#par(first-line-indent: 0pt)[{texts[1][cut:]}]]"
    boxed = (
        f"grid.cell(colspan: 2)[#rect(width: 100%, stroke: 0.8pt, inset: 6pt)[{link.head()}{link.text()}]]"
    )
    wrapped = (
        "#grid(columns: (1fr, 1fr), column-gutter: 6mm, row-gutter: 2mm,\n"
        + f"{over_first}, {cell(texts[2])},\n{boxed},\n{under_first}, {cell(texts[3])})\n"
    )
    source = (
        story.head()
        + "#grid(columns: (2fr, 1fr), column-gutter: 6mm,\n"
        + f"[{wrapped}],\n"
        + cell(*texts[4:])
        + ")\n"
    )
    return HandSetLayout(source, [story, link])


def staggered_headline() -> HandSetLayout:
    """A 通栏 main headline over two lines set staggered (错落: the first from the left, the second
    to the right) and tight (their glyph boxes overlap), under a kicker, over a lead story."""
    first, second = "草原牧区迎来新一轮春耕备耕", "科技助力农牧业高质量发展"
    kicker = "——聚焦全区农牧业生产一线"
    lead = Story(first + second, paragraphs(0, 6, 5), "本报呼和浩特3月7日电", kicker=kicker, head_size=30)
    under = Story("边境口岸货运量创同期新高", paragraphs(3, 3), "本报满洲里3月7日电")
    source = (
        f"#align(left)[#text(size: 12pt)[{kicker}]]\n"
        + f'#align(left)[#h(20mm)#text(size: 30pt, weight: "bold")[{first}]]\n#v(-3mm)\n'
        + f'#align(right)[#text(size: 30pt, weight: "bold")[{second}]#h(20mm)]\n#v(2mm)\n'
        + _columns(5, lead.texts(), WIDTH)
        + _rule()
        + under.head()
        + _columns(5, under.texts(), WIDTH)
    )
    return HandSetLayout(source, [lead, under])


def offset_tiers() -> HandSetLayout:
    """A lead's 引题 set flush left and its 副题 flush right, off the width of its centred headline
    (as many dailies set a headline's tiers), over its body in four columns."""
    lead = Story(
        "社区食堂端出幸福味道",
        paragraphs(0, 9, 4),
        "本报包头3月7日电",
        kicker="——城东街道民生实事见闻",
        subtitle="——一荤两素一汤只要十二元",
        head_size=28,
    )
    under = Story("边境口岸货运量创同期新高", paragraphs(3, 3), "本报满洲里3月7日电")
    source = (
        f"#align(left)[#text(size: 12pt)[{lead.kicker}]]\n"
        + f'#align(center)[#text(size: 28pt, weight: "bold")[{lead.headline}]]\n'
        + f"#align(right)[#text(size: 12pt)[{lead.subtitle}]]\n#v(2mm)\n"
        + _columns(4, lead.texts(), WIDTH)
        + _rule()
        + under.head()
        + _columns(4, under.texts(), WIDTH)
    )
    return HandSetLayout(source, [lead, under])
