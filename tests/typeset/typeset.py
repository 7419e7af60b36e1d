"""Typesets page specs into a real PDF with Typst (PyPI ``typst``) and the Noto CJK fonts.

Each page is rows of blocks; a story's body flows through its own columns (Typst's ``columns``
inside a block whose height is measured so the text fits), its headline tiers above it: kicker
(引题), headline by size, subtitle (副题). With ``headlines_drawn_after`` the headline is still
printed above the body but placed after it in the content stream, as some typesetters draw it.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import typst

from tests.typeset.pages import (
    Block,
    BriefsBox,
    EditionSpec,
    FurnitureBlock,
    PageSpec,
    StackBlock,
    Story,
    StoryBlock,
)

FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto")

_PREAMBLE = r"""
#let sans = ("Noto Sans CJK SC",)
#let serif = ("Noto Serif CJK SC",)
#let gut = GUTTER
#let heavy(size, body) = HEAVY
#let fit-cols(k, body) = layout(size => {
  if k <= 1 { block(width: 100%, body) } else {
    let w = (size.width - (k - 1) * gut) / k
    let h = measure(block(width: w, body)).height
    block(width: 100%, height: h / k + (k + 1) * 1.6em, columns(k, gutter: gut, body))
  }
})
#let head-stack(kicker, title, subtitle, byline, size, centered) = {
  set par(first-line-indent: 0pt, justify: false, leading: 0.4em, spacing: 0.4em)
  let al = if centered { center } else { left }
  align(al, {
    if kicker != none { block(below: 0.5em, text(font: sans, size: KICKER, kicker)) }
    block(below: 0.5em, heavy(size, text(tracking: TRACKING, title)))
    if subtitle != none { block(below: 0.4em, text(font: sans, size: SUBTITLE, subtitle)) }
    if byline != none { block(below: 0.4em, text(font: sans, size: BYLINE, byline)) }
  })
  v(0.3em)
}
#let story(head, body, after) = layout(size => {
  let h = block(width: size.width, head)
  if after {
    let hh = measure(h).height
    block(width: 100%, { block(width: 100%, height: hh, above: 0pt, below: 0pt); body; place(top + left, h) })
  } else { h; body }
})
#let subhead(s) = block(above: 0.7em, below: 0.7em, width: 100%, align(center, heavy(1em, s)))
#let boxed(title, body) = block(width: 100%, stroke: BOXSTROKE, inset: 6pt, {
  set par(first-line-indent: 0pt)
  if title != "" { align(center, block(below: 0.6em, heavy(13pt, title))) }
  body
})
"""
_BOX_STROKES = {
    "rect": "0.7pt",
    # Four sides of slightly different weights: Typst draws each as its own rule, as \\fbox does.
    "sides": "(top: 0.7pt + black, bottom: 0.71pt + black, left: 0.72pt + black, right: 0.73pt + black)",
    "none": "none",
}


def _preamble(page: PageSpec) -> str:
    face = page.headline_font
    heavy = (
        f"text(font: {face}, size: size, stroke: 0.35pt + black, body)"
        if page.fake_bold
        else f'text(font: {face}, weight: "bold", size: size, body)'
    )
    return (
        _PREAMBLE.replace("GUTTER", f"{page.gutter_mm}mm")
        .replace("HEAVY", heavy)
        .replace("TRACKING", f"{page.tracking}em")
        .replace("BOXSTROKE", _BOX_STROKES[page.box_style])
        .replace("KICKER", _points(page.kicker_size, 11))
        .replace("SUBTITLE", _points(page.subtitle_size, 12))
        .replace("BYLINE", _points(page.byline_size, 9))
    )


def _points(size: float | None, default: int) -> str:
    """A type size in Typst's words: the house's, or the plain house's ``default``."""
    return f"{default if size is None else size}pt"


def lit(text: str) -> str:
    """A Typst string literal (JSON's escapes are Typst's for these texts)."""
    return json.dumps(text, ensure_ascii=False)


def _story_body(story: Story) -> str:
    parts: list[str] = []
    first = True
    if story.continued_from_page is not None and story.marker_style == "line":
        parts.append(f"#block(text(font: sans, {lit(f'（上接第{story.continued_from_page}版）')}))")
    last = len(story.paragraphs) - 1
    for index, text in enumerate(story.paragraphs):
        if text in story.subheads:
            parts.append(f"#subhead({lit(text)})")
            continue
        if first:
            lead = ""
            if story.continued_from_page is not None and story.marker_style == "square":
                lead = f"■上接第{story.continued_from_page}版　"
            if story.dateline:
                lead += story.dateline
            if story.byline and story.byline_style == "after_dateline":
                lead += f"（{story.byline}）"
            text = lead + text
            first = False
        if index == last and story.byline and story.byline_style == "at_end":
            text += f"（{story.byline}）"
        parts.append(f"#par({lit(text)})")
    if story.continued_on_page is not None:
        parts.append(
            f"#align(right, text(font: sans, size: 8.5pt, {lit(f'（下转第{story.continued_on_page}版）')}))"
        )
    return "\n".join(parts)


def _story_block(block: StoryBlock, page: PageSpec) -> str:
    story = block.story
    size: float = {1: 14, 2: 16, 3: 19, 4: 22, 5: 24, 6: 26}[min(block.span, 6)]
    if page.headline_scale != 1.0:
        size = round(size * page.headline_scale, 1)
    if story.continued_from_page is not None:
        size = 15
    own_byline = lit(story.byline) if story.byline and story.byline_style == "own_line" else "none"
    head = (
        f"head-stack({lit(story.kicker) if story.kicker else 'none'}, {lit(story.headline or '')}, "
        f"{lit(story.subtitle) if story.subtitle else 'none'}, {own_byline}, {size}pt, {str(page.centered_headlines).lower()})"
    )
    photo = ""
    if block.photo_caption:
        photo = (
            f"block(width: 100%, below: 0.8em, {{ rect(width: 100%, height: {18 + 6 * block.span}mm, fill: luma(200), stroke: none); "
            f"block(above: 0.4em, text(font: sans, size: 8pt, {lit(block.photo_caption)})) }})\n"
        )
    body = f"fit-cols({block.span}, [\n{_story_body(story)}\n])"
    if page.lead_body_size and block is page.rows[0][0]:
        body = f"{{ set text(size: {page.lead_body_size}pt); {body} }}"
    after = str(page.headlines_drawn_after and story.continued_from_page is None).lower()
    return f"story({head}, {{ {photo}{body} }}, {after})"


def _briefs_block(block: BriefsBox) -> str:
    items = []
    for brief in block.briefs:
        text = (brief.dateline or "") + brief.paragraphs[0] + (f"（{brief.byline}）" if brief.byline else "")
        items.append(f"#par(first-line-indent: (amount: 2em, all: true), {lit(text)})")
    inner = "\n".join(items)
    return f"boxed({lit(block.title)}, fit-cols({max(1, block.span // 2)}, [\n{inner}\n]))"


def _furniture_block(block: FurnitureBlock) -> str:
    if block.kind == "ad":
        text = " ".join(block.lines)
        return (
            "block(width: 100%, stroke: 2pt, inset: 8pt, fill: luma(235), {"
            f"align(right, text(font: sans, size: 7pt, {lit(block.title)})); "
            f'align(center, text(font: sans, weight: "bold", size: 14pt, {lit(text)})) }})'
        )
    if block.kind == "index":
        lines = " ".join(
            f"block(below: 0.6em, text(font: sans, size: 9pt, {lit(line)}));" for line in block.lines
        )
        return f"boxed({lit(block.title)}, {{ {lines} }})"
    # A chart: a title, bars, labels, a unit and a source: all labels, nothing to speak.
    labels = block.lines
    bars = " ".join(
        f"box(width: 1fr, {{ align(bottom, rect(width: 60%, height: {14 + 8 * i}mm, fill: luma(120))); align(center, text(font: sans, size: 7.5pt, {lit(label)})) }});"
        for i, label in enumerate(labels[1:-1])
    )
    return (
        "block(width: 100%, stroke: 0.5pt, inset: 6pt, {"
        f'align(center, text(font: sans, weight: "bold", size: 10pt, {lit(block.title)})); '
        f"align(right, text(font: sans, size: 7.5pt, {lit(labels[0])})); "
        f"block(height: 42mm, {{ {bars} }}); "
        f"text(font: sans, size: 7.5pt, {lit(labels[-1])}) }})"
    )


def _block(block: Block, page: PageSpec) -> str:
    if isinstance(block, StackBlock):
        rule = "line(length: 100%, stroke: 0.4pt); " if page.row_rules else ""
        parts = f"; v(3mm); {rule}v(3mm); ".join(_story_block(b, page) for b in block.stories)
        return f"block(width: 100%, {{ {parts} }})"
    if isinstance(block, StoryBlock):
        return _story_block(block, page)
    if isinstance(block, BriefsBox):
        return _briefs_block(block)
    return _furniture_block(block)


def page_source(page: PageSpec) -> str:
    """One page's Typst markup (after the preamble's ``#set page``)."""
    width_mm = page.page_width_mm or 44 * page.columns + 2 * page.margin_mm
    header = (
        "grid(columns: (1fr, 1fr, 1fr), "
        f"align(left, text(font: sans, size: 8pt, {lit(page.date + '　' + page.weekday)})), "
        f"align(center, text(font: sans, size: 8pt, {lit(page.section_name)})), "
        f"align(right, text(font: sans, size: 8pt, {lit(page.folio)})))"
    )
    out = [
        (
            f"#set page(width: {width_mm:g}mm, height: auto, margin: (x: {page.margin_mm:g}mm, top: 20mm, bottom: 16mm), "
            f"header: {{ {header}; line(length: 100%, stroke: 0.5pt) }}"
            + (
                f", footer: align(center, text(font: sans, size: 8pt, {lit(str(page.number))})))"
                if page.folio_at_foot
                else ")"
            )
        ),
        f'#set text(font: {page.body_font}, size: {page.body_size}pt, lang: "zh", region: "cn")',
        (
            f"#set par(justify: true, leading: {page.leading - 1:.2f}em, spacing: {page.leading - 1 + page.paragraph_spacing:.2f}em, "
            "first-line-indent: (amount: 2em, all: true))"
        ),
    ]
    if page.number == 1:
        rule = "#line(length: 100%, stroke: 1.5pt)\n" if page.row_rules else ""
        out.append(
            f'#align(center, text(font: sans, weight: "black", size: 48pt, {lit(page.paper)}))\n{rule}#v(4mm)'
        )
    for i, row in enumerate(page.rows):
        if i:
            out.append(
                "#v(3mm)\n#line(length: 100%, stroke: 0.4pt)\n#v(3mm)" if page.row_rules else "#v(8mm)"
            )
        cols = ", ".join(f"{b.span}fr" for b in row)
        cells = ",\n  ".join(_block(b, page) for b in row)
        stroke = ", stroke: (x, y) => if x > 0 { (left: 0.5pt) }" if page.cell_rules else ""
        out.append(f"#grid(columns: ({cols}), column-gutter: gut{stroke},\n  {cells})")
    out.append(f"#v(4mm)\n#align(right, text(font: sans, size: 8pt, {lit(page.editors)}))")
    return "\n".join(out)


def edition_source(edition: EditionSpec) -> str:
    return "\n#pagebreak()\n".join(_preamble(p) + "\n" + page_source(p) for p in edition.pages) + "\n"


def typeset(edition: EditionSpec, pdf: Path) -> Path:
    """Write ``edition`` as one PDF (one PDF page per spec page) to ``pdf``."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "page.typ"
        source.write_text(edition_source(edition), encoding="utf-8")
        typst.compile(str(source), output=str(pdf), font_paths=list(FONT_DIRS), ignore_system_fonts=True)
    return pdf
