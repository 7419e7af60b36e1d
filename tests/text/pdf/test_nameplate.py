"""Kickers the reader took for something else: on a front page, a kicker set smaller than the
body right under the nameplate (its rule or none) is the lead story's, not a date line of the
nameplate's; a kicker set in a headline's size, not bold, over its headline is no part of it. Pages
from ReportLab, whose nameplate's box reaches past the rule set tight under it."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_edition.text.pdf import read_pdf
from tests.typeset import reportlab_pages
from tests.typeset.page_score import flat
from tests.typeset.pages import EditionSpec, PageSpec, Story, StoryBlock

_BODY = (
    "春耕时节，城郊的育秧工厂里一派忙碌景象，工人们正在查看秧苗长势，调节大棚温度。",
    "今年全区新建智能育秧中心六处，可供应两万亩稻田用秧，比去年多出一半。",
    "负责人介绍，秧苗从播种到移栽只需二十多天，比传统育秧缩短近一周。",
)


def test_a_small_kicker_under_the_nameplate_s_rule_is_the_lead_story_s(tmp_path: Path) -> None:
    lead = Story("育秧工厂赶农时", _BODY * 4, kicker="春耕一线见闻")
    page = PageSpec(
        number=1, columns=4, rows=((StoryBlock(lead, span=4),),), body_size=10.5, kicker_size=10.0
    )
    pdf = reportlab_pages.typeset(EditionSpec("front", (page,)), tmp_path / "page.pdf")
    (read,) = read_pdf(pdf)
    assert [(a.kicker, flat(a.headline or "")) for a in read.articles] == [("春耕一线见闻", "育秧工厂赶农时")]
    assert "春耕一线见闻" not in [item.text for item in read.furniture]


@pytest.mark.parametrize("centred", [False, True])
def test_a_small_kicker_under_an_unruled_nameplate_is_the_lead_story_s(tmp_path: Path, centred: bool) -> None:
    # No rule under the nameplate: the kicker stands nearer its headline than the nameplate, which
    # a date line set under the name does not (centred like the name, or flush left).
    lead = Story("育秧工厂赶农时", _BODY * 4, kicker="春耕一线见闻")
    page = PageSpec(
        number=1,
        columns=4,
        rows=((StoryBlock(lead, span=4),),),
        body_size=10.5,
        kicker_size=10.0,
        row_rules=False,
        centered_headlines=centred,
    )
    pdf = reportlab_pages.typeset(EditionSpec("front", (page,)), tmp_path / "page.pdf")
    (read,) = read_pdf(pdf)
    assert [(a.kicker, flat(a.headline or "")) for a in read.articles] == [("春耕一线见闻", "育秧工厂赶农时")]


def test_a_kicker_in_a_headline_s_size_over_its_headline_is_no_part_of_it(tmp_path: Path) -> None:
    # 14 pt, regular weight, over a bold headline twice its size: a tier, though as large as a
    # headline to the 8.5 pt body.
    lead = Story("育秧工厂赶农时", _BODY * 3, kicker="春耕一线：智能育秧见闻")
    page = PageSpec(
        number=2,
        columns=4,
        rows=((StoryBlock(lead, span=4),),),
        body_size=8.5,
        kicker_size=14.0,
        headline_scale=1.3,
    )
    pdf = reportlab_pages.typeset(EditionSpec("kicker", (page,)), tmp_path / "page.pdf")
    (read,) = read_pdf(pdf)
    assert [(a.kicker, flat(a.headline or "")) for a in read.articles] == [
        ("春耕一线：智能育秧见闻", "育秧工厂赶农时")
    ]
