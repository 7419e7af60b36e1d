"""Paid notices in a ruled box (遗失声明, 送达公告…), known by their title's shape and their body's
marks whatever their words: furniture of role ad, never spoken. A story whose headline names a
公告 over a dateline stays a story. Pages from the real typesetter, in words of no pool."""

from __future__ import annotations

from pathlib import Path

from audio_edition.text.layout import FurnitureKind
from audio_edition.text.pdf import read_pdf
from tests.typeset.page_score import flat, score_page
from tests.typeset.pages import EditionSpec, FurnitureBlock, PageSpec, Story, StoryBlock
from tests.typeset.typeset import typeset

_BODY = (
    "入夏以来，江边湿地公园新栽的芦苇长势喜人，成群的白鹭在浅滩上觅食。",
    "管理处介绍，公园今年退塘还湿三百多亩，鸟类比去年多出二十余种。",
    "周末前来观鸟的市民络绎不绝，不少人带着孩子和望远镜在栈道上驻足。",
)
_OTHER = (
    "城南新建的体育公园本月起免费开放，篮球场、足球场和游泳馆每天开放到晚上十点。",
    "运营方表示，夏季将延长游泳馆开放时间，并在周末开设免费游泳课。",
)


def _page(box: FurnitureBlock, second: Story | None = None) -> EditionSpec:
    """A page of two stories side by side, the notice ``box`` beside the first."""
    rows = (
        (StoryBlock(Story("湿地公园迎来白鹭", _BODY), span=3), box),
        (StoryBlock(second or Story("体育公园免费开放", _OTHER), span=4),),
    )
    return EditionSpec("notices", (PageSpec(number=2, columns=4, rows=rows),))


def _read(spec: EditionSpec, tmp_path: Path) -> tuple[list[str], list[str], list[str]]:
    """The headlines read off the typeset page, the furniture it spoke, and its ads' text."""
    (page,) = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    score = score_page(page.articles, spec.gold()["pages"][0])
    ads = [flat(f.text) for f in page.furniture if f.kind is FurnitureKind.AD]
    return [flat(a.headline or "") for a in page.articles], score.spoken_furniture, ads


def test_a_lost_licence_notice_in_a_box_is_an_ad_not_a_story(tmp_path: Path) -> None:
    notice = FurnitureBlock(
        "ad", ("城东某餐饮管理有限公司遗失食品经营许可证正本一份，声明作废。",), span=1, title="遗失声明"
    )
    headlines, spoken, ads = _read(_page(notice), tmp_path)
    assert headlines == ["湿地公园迎来白鹭", "体育公园免费开放"]
    assert not spoken
    assert any("声明作废" in text for text in ads)


def test_a_court_notice_closing_on_its_court_is_an_ad(tmp_path: Path) -> None:
    notice = FurnitureBlock(
        "ad",
        ("李某某：本院受理原告诉你房屋租赁合同纠纷一案，现依法向你公告送达起诉状副本。", "某市某区人民法院"),
        span=1,
        title="送达公告",
    )
    headlines, spoken, _ = _read(_page(notice), tmp_path)
    assert headlines == ["湿地公园迎来白鹭", "体育公园免费开放"]
    assert not spoken


def test_a_story_whose_headline_names_a_notice_stays_a_story(tmp_path: Path) -> None:
    story = Story(
        "多家上市公司发布分红公告",
        (
            "昨日晚间，沪深两市共有四十余家上市公司发布年度分红公告，拟派现金额合计超过百亿元。",
            "分析人士认为，持续稳定的分红有助于增强投资者信心。",
        ),
        dateline="本报讯",
        byline_style="none",
    )
    notice = FurnitureBlock(
        "ad", ("城东某餐饮管理有限公司遗失食品经营许可证正本一份，声明作废。",), span=1, title="遗失声明"
    )
    headlines, spoken, _ = _read(_page(notice, story), tmp_path)
    assert headlines == ["湿地公园迎来白鹭", "多家上市公司发布分红公告"]
    assert not spoken


def test_a_notice_set_as_a_story_with_no_frame_is_an_ad(tmp_path: Path) -> None:
    # A company's notice set in a cell of its own, its title as a head, its board and date closing it.
    notice = Story(
        "股东大会通知公告",
        (
            "本公司定于2025年10月20日召开临时股东大会，审议董事会换届议案。特此公告。",
            "明川新材料股份有限公司董事会",
        ),
    )
    rows = (
        (StoryBlock(Story("湿地公园迎来白鹭", _BODY), span=3), StoryBlock(notice, span=1)),
        (StoryBlock(Story("体育公园免费开放", _OTHER), span=4),),
    )
    spec = EditionSpec("notices", (PageSpec(number=2, columns=4, rows=rows),))
    (page,) = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    assert [flat(a.headline or "") for a in page.articles] == ["湿地公园迎来白鹭", "体育公园免费开放"]
    ads = "".join(flat(f.text) for f in page.furniture if f.kind is FurnitureKind.AD)
    assert "特此公告" in ads


def test_a_short_story_under_a_notice_shaped_headline_with_a_dateline_stays_a_story(tmp_path: Path) -> None:
    story = Story(
        "家电补贴名单公示",
        ("首批以旧换新补贴名单昨日公示，共有一千二百余户家庭获得补贴，公示期七天。",),
        dateline="本报讯",
    )
    rows = (
        (StoryBlock(Story("湿地公园迎来白鹭", _BODY), span=3), StoryBlock(story, span=1)),
        (StoryBlock(Story("体育公园免费开放", _OTHER), span=4),),
    )
    spec = EditionSpec("notices", (PageSpec(number=2, columns=4, rows=rows),))
    (page,) = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    assert [flat(a.headline or "") for a in page.articles] == [
        "湿地公园迎来白鹭",
        "家电补贴名单公示",
        "体育公园免费开放",
    ]
