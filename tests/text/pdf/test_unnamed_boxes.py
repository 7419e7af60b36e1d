"""Boxes whose titles the reader has no word for, known by what they hold: an index by its items'
page codes, an ad by its phone number or its slogan and small label. Pages from the real
typesetter, in words of no pool (a paper's own titles: 版面速览, 热点, 商情, 温馨提示)."""

from __future__ import annotations

from pathlib import Path

from audio_edition.text.pdf import read_pdf
from tests.typeset.page_score import flat, score_page
from tests.typeset.pages import EditionSpec, FurnitureBlock, PageSpec, Story, StoryBlock
from tests.typeset.typeset import typeset

_BODY = (
    "春耕时节，城郊的育秧工厂里一派忙碌景象，工人们正在查看秧苗长势，调节大棚温度。",
    "今年全区新建智能育秧中心六处，可供应两万亩稻田用秧，比去年多出一半。",
    "负责人介绍，秧苗从播种到移栽只需二十多天，比传统育秧缩短近一周。",
)
_OTHER = (
    "新开通的社区巴士每天往返老城和高铁站，每隔二十分钟一班，方便了周边居民出行。",
    "运营方表示，将根据乘客意见调整站点，并在早晚高峰加密班次。",
)


def _page(*boxes: FurnitureBlock) -> EditionSpec:
    """A page of two stories, each beside one of ``boxes`` in the right-hand column."""
    first, second = boxes
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY), span=3), first),
        (StoryBlock(Story("社区巴士通到家门口", _OTHER), span=3), second),
    )
    return EditionSpec("unnamed", (PageSpec(number=2, columns=4, rows=rows),))


def _spoken(spec: EditionSpec, tmp_path: Path) -> tuple[list[str], list[str]]:
    """The headlines read off the typeset page, and the furniture the reading spoke."""
    (page,) = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    score = score_page(page.articles, spec.gold()["pages"][0])
    return [flat(a.headline or "") for a in page.articles], score.spoken_furniture


_KNOWN_INDEX = FurnitureBlock("index", ("春茶开采了  第3版", "高铁新站封顶  第5版"), span=1, title="导读")
_KNOWN_AD = FurnitureBlock("ad", ("老字号糕点 中秋预订",), span=1, title="广告")


def test_an_index_is_known_by_its_items_page_codes_whatever_its_title(tmp_path: Path) -> None:
    # Codes first or last, with or without 版, one item broken over two lines.
    index = FurnitureBlock(
        "index",
        ("B03  春茶开采了", "山里的图书馆  B7", "C02  高铁新站封顶：城北枢纽明年通车", "老城墙修缮  第6版"),
        span=1,
        title="版面速览",
    )
    headlines, spoken = _spoken(_page(index, _KNOWN_AD), tmp_path)
    assert headlines == ["育秧工厂赶农时", "社区巴士通到家门口"]
    assert not spoken


def test_a_box_giving_a_phone_number_is_an_ad_whatever_its_label(tmp_path: Path) -> None:
    ad = FurnitureBlock("ad", ("家政保洁 上门服务 预约热线：0571-8765 4321",), span=1, title="商情")
    headlines, spoken = _spoken(_page(_KNOWN_INDEX, ad), tmp_path)
    assert headlines == ["育秧工厂赶农时", "社区巴士通到家门口"]
    assert not spoken


def test_a_slogan_under_a_small_label_is_an_ad_whatever_the_label(tmp_path: Path) -> None:
    slogan = FurnitureBlock("ad", ("节约用水 从我做起",), span=1, title="温馨提示")
    headlines, spoken = _spoken(_page(_KNOWN_INDEX, slogan), tmp_path)
    assert headlines == ["育秧工厂赶农时", "社区巴士通到家门口"]
    assert not spoken
