"""Pages set by hand in layouts our generator never makes: a kicker in its own tier over (or run in
beside) its headline, a headline wrapped onto a second line or over a column break. The gold is the
Typst source's own strings, never the reader's output."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest
import typst

from audio_edition.text.articles import Article
from audio_edition.text.pdf import read_pdf

_PREAMBLE = """#set page(width: 297mm, height: 420mm, margin: 15mm)
#set text(font: "Noto Serif CJK SC", size: 10pt, lang: "zh")
#set par(leading: 0.7em, first-line-indent: 2em, justify: true)
"""


@dataclass(frozen=True)
class HandSetPage:
    kicker: str
    headline: str
    dateline: str
    body: str
    second_headline: str
    second_dateline: str
    second_body: str
    kicker_size: float = 11
    headline_size: float = 24
    second_size: float = 18
    kicker_run_in: bool = False  # kicker and headline set in one paragraph: one baseline
    break_at: int | None = None  # characters of the second headline before a column break
    subtitle: str | None = None  # set under the headline in the kicker's size

    def source(self) -> str:
        kicker = f"#text(size: {self.kicker_size}pt)[{self.kicker}]"
        head = f'#text(size: {self.headline_size}pt, weight: "bold")[{self.headline}]'
        top = kicker + ("\n" if self.kicker_run_in else "\n\n") + head
        if self.subtitle:
            top += f"\n\n#text(size: {self.kicker_size}pt)[{self.subtitle}]"

        def second(text: str) -> str:
            return f'#text(size: {self.second_size}pt, weight: "bold")[{text}]'

        if self.break_at is None:
            head2 = second(self.second_headline)
        else:
            head2 = (
                second(self.second_headline[: self.break_at])
                + "\n#colbreak()\n"
                + second(self.second_headline[self.break_at :])
            )
        return (
            f"{_PREAMBLE}{top}\n#columns(3, gutter: 8mm)[\n{self.dateline}{self.body}\n\n{head2}\n\n"
            f"{self.second_dateline}{self.second_body}\n]\n"
        )


def _typeset(page: HandSetPage, tmp_path: Path) -> Path:
    (tmp_path / "page.typ").write_text(page.source(), encoding="utf-8")
    pdf = tmp_path / "2025-03-08-05.pdf"
    typst.compile(str(tmp_path / "page.typ"), output=str(pdf))
    return pdf


_FIRST = HandSetPage(
    kicker="——春耕备耕一线见闻",
    headline="田间地头农机忙 科技助力春耕早",
    dateline="本报长沙3月7日电（记者 李青）",
    body="连日来，湖南各地抢抓晴好天气，组织农机手开展春耕作业。十余台旋耕机正来回穿梭。",
    second_headline="社区食堂让老人吃得更舒心",
    second_dateline="本报讯（记者 赵敏）",
    second_body="每天上午十一点，城东街道的社区食堂就热闹起来。一荤两素一汤，老人只需支付十二元。",
)
_OTHER = HandSetPage(
    kicker="【聚焦乡村振兴】",
    headline="小小果园结出致富果",
    dateline="新华社南昌3月7日电（记者 周方）",
    body="走进赣南的脐橙产业园，果树成行，工人们正忙着修剪枝条。今年园区计划新增种植面积两千亩。",
    second_headline="老旧小区加装电梯按下快进键居民出行更方便",
    second_dateline="本报上海3月7日电",
    second_body="记者从市住建部门获悉，今年全市计划为老旧小区加装电梯一千台，目前已有三百台开工。",
    kicker_size=13,
    headline_size=26,
    second_size=20,
)


def _heads(articles: tuple[Article, ...]) -> list[str | None]:
    return [a.headline.replace(" ", "") if a.headline else None for a in articles]


@pytest.mark.parametrize("page", [_FIRST, _OTHER], ids=["dash", "bracket"])
@pytest.mark.parametrize("run_in", [False, True], ids=["above", "run-in"])
def test_a_kicker_in_its_own_tier_is_the_kicker_not_the_body(
    page: HandSetPage, run_in: bool, tmp_path: Path
) -> None:
    pdf = _typeset(replace(page, kicker_run_in=run_in), tmp_path)
    articles = read_pdf(pdf)[0].articles
    heads = _heads(articles)
    first = articles[heads.index(page.headline.replace(" ", ""))]
    assert first.kicker == page.kicker
    assert first.dateline == page.dateline.split("（")[0]
    assert first.paragraphs[0] == page.body
    assert all(page.kicker not in p for a in articles for p in a.paragraphs)


@pytest.mark.parametrize("page", [_FIRST, _OTHER], ids=["short-tail", "long-tail"])
def test_a_headline_wrapped_in_its_column_is_one_headline(page: HandSetPage, tmp_path: Path) -> None:
    articles = read_pdf(_typeset(page, tmp_path))[0].articles
    heads = _heads(articles)
    assert page.second_headline in heads
    second = articles[heads.index(page.second_headline)]
    assert second.dateline == page.second_dateline.split("（")[0]
    assert second.paragraphs == (page.second_body,)
    assert len(articles) == 2


@pytest.mark.parametrize(
    ("page", "cut"),
    [(_FIRST, -1), (_OTHER, -4), (_OTHER, 3)],
    ids=["short-tail", "long-tail", "wrapped-tail"],
)
@pytest.mark.parametrize("run_in", [False, True], ids=["above", "run-in"])
def test_a_headline_over_a_column_break_is_one_headline(
    page: HandSetPage, cut: int, run_in: bool, tmp_path: Path
) -> None:
    read = read_pdf(_typeset(replace(page, break_at=cut, kicker_run_in=run_in), tmp_path))[0]
    heads = _heads(read.articles)
    assert heads == [page.headline.replace(" ", ""), page.second_headline], read.warnings
    first, second = read.articles
    assert (first.dateline, first.paragraphs) == (page.dateline.split("（")[0], (page.body,))
    assert (second.dateline, second.paragraphs) == (page.second_dateline.split("（")[0], (page.second_body,))
    assert not read.warnings


@pytest.mark.parametrize(
    ("page", "cut", "size"),
    [(_FIRST, -2, 22), (_OTHER, -2, 16), (_FIRST, 4, 16), (_OTHER, 3, 20)],
    ids=["first-part-wrapped", "both-parts-wrapped", "short-first-part", "wrapped-tail"],
)
def test_a_headline_over_a_column_break_below_a_long_column_is_one_headline(
    page: HandSetPage, cut: int, size: float, tmp_path: Path
) -> None:
    # The first story's body fills its column well below the top of the next one, and the first
    # part of the headline may wrap within its column: the second story keeps its headline whole
    # and its body, read beside it in the next column.
    long = replace(page, body=page.body * 3, break_at=cut, second_size=size)
    read = read_pdf(_typeset(long, tmp_path))[0]
    assert _heads(read.articles) == [page.headline.replace(" ", ""), page.second_headline], read.warnings
    second = read.articles[1]
    assert (second.dateline, second.paragraphs) == (page.second_dateline.split("（")[0], (page.second_body,))
    assert not read.warnings


@pytest.mark.parametrize("page", [_FIRST, _OTHER], ids=["dash", "bracket"])
def test_a_dash_led_line_under_the_headline_is_the_subtitle(page: HandSetPage, tmp_path: Path) -> None:
    subtitle = "——" + page.second_headline[:8]
    articles = read_pdf(_typeset(replace(page, subtitle=subtitle), tmp_path))[0].articles
    first = articles[_heads(articles).index(page.headline.replace(" ", ""))]
    assert (first.kicker, first.subtitle) == (page.kicker, subtitle)
    assert first.dateline == page.dateline.split("（")[0]
    assert first.paragraphs[0] == page.body
