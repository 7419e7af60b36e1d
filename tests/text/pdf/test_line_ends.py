"""Paragraphs in a column set flush (no first-line indent, no space between paragraphs), told apart
by their last lines, short and ending a sentence: so too where the line ends on a space after the
sentence's end (an ideographic space set after 。, which the PDF keeps as a space)."""

from __future__ import annotations

from pathlib import Path

import typst

from audio_edition.text.pdf import read_pdf

_PAGE = """#set page(width: 297mm, height: 420mm, margin: 15mm)
#set text(font: "Noto Serif CJK SC", size: 10pt, lang: "zh")
#set par(leading: 0.7em, spacing: 0.7em, first-line-indent: 0em, justify: true)
#text(size: 24pt, weight: "bold")[{headline}]

#columns(3, gutter: 8mm)[
{body}
]
"""


def _read(paragraphs: list[str], tmp_path: Path) -> tuple[str, ...]:
    source = _PAGE.format(headline="渡口新添两条夜航线", body="\n\n".join(paragraphs))
    (tmp_path / "page.typ").write_text(source, encoding="utf-8")
    typst.compile(str(tmp_path / "page.typ"), output=str(tmp_path / "page.pdf"))
    (page,) = read_pdf(tmp_path / "page.pdf")
    (story,) = page.articles
    return story.paragraphs


def test_flush_paragraphs_ending_on_an_ideographic_space_stay_apart(tmp_path: Path) -> None:
    paragraphs = [
        "本报舟山6月9日电　记者从市港航部门获悉，本月起渡口新开两条夜间航线。",
        "夜航班次每半小时一班，末班船延至晚上十一点，方便岛上居民往返。",
        "港航部门表示，将根据客流情况适时增开班次，并在码头增设候船座椅。",
    ]
    plain = _read(paragraphs, tmp_path)
    assert len(plain) == 3  # the sentence's end alone tells where each paragraph ends
    spaced = _read([f"{p}　" for p in paragraphs], tmp_path)
    assert spaced == plain
