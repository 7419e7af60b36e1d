"""Boxes whose titles the reader has no word for, known by what they hold: an index by its items'
page codes, an ad by its phone number or its slogan and small label, briefs by a dateline or a
credit closing more than one item. Pages from the real
typesetter, in words of no pool (a paper's own titles: 版面速览, 热点, 商情, 温馨提示)."""

from __future__ import annotations

from pathlib import Path

from audio_edition.text.pdf import read_pdf
from tests.typeset.page_score import flat, score_page
from tests.typeset.pages import BriefsBox, EditionSpec, FurnitureBlock, PageSpec, Story, StoryBlock
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


def _page(*boxes: FurnitureBlock | BriefsBox) -> EditionSpec:
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


def _brief(text: str, title: str, dateline: str | None = None, byline: str | None = None) -> Story:
    return Story(
        None,
        (text,),
        section=title,
        dateline=dateline,
        byline=byline,
        byline_style="at_end" if byline else "none",
    )


def test_a_box_whose_later_item_opens_on_a_dateline_holds_briefs_whatever_its_title(tmp_path: Path) -> None:
    title = "乡里短波"
    briefs = (
        _brief("镇卫生院开设周末门诊，方便外出务工人员就医。", title),
        _brief("全镇今年新修村道十二公里，六个村通上了公交。", title, dateline="本报讯"),
        _brief("镇文化站举办农民书画展，展出作品八十余幅。", title, byline="方圆"),
    )
    spec = _page(BriefsBox(briefs, span=1, title=title), _KNOWN_AD)
    (page,) = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    read = [a for a in page.articles if a.section == title]
    assert [a.paragraphs for a in read] == [b.paragraphs for b in briefs]
    assert [flat(a.headline or "") for a in page.articles] == [
        "育秧工厂赶农时",
        "",
        "",
        "",
        "社区巴士通到家门口",
    ]


def test_a_box_whose_items_close_on_credits_holds_briefs_whatever_its_title(tmp_path: Path) -> None:
    title = "街巷新闻"
    briefs = (
        _brief(
            "老城区三处菜市场完成改造，摊位统一换上电子秤。", title, dateline="本报6月3日讯", byline="何静"
        ),
        _brief("市少年宫暑期开设游泳、围棋等十六个免费班。", title, byline="林木"),
        _brief("北环路夜间施工期间，两条公交线路临时改道。", title),
    )
    spec = _page(BriefsBox(briefs, span=1, title=title), _KNOWN_AD)
    (page,) = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    read = [a for a in page.articles if a.section == title]
    assert [a.paragraphs for a in read] == [b.paragraphs for b in briefs]


def test_an_index_whose_page_codes_are_bracketed_is_known_by_them_whatever_its_title(tmp_path: Path) -> None:
    # Bracketed, a code needs no space to stand apart from its title: before it or after it.
    index = FurnitureBlock(
        "index",
        ("【B3】春茶开采了", "（C06）高铁新站封顶：城北枢纽明年通车", "山里的图书馆（B7）"),
        span=1,
        title="版面速览",
    )
    headlines, spoken = _spoken(_page(index, _KNOWN_AD), tmp_path)
    assert headlines == ["育秧工厂赶农时", "社区巴士通到家门口"]
    assert not spoken


def test_a_box_giving_an_email_address_is_an_ad_whatever_its_label(tmp_path: Path) -> None:
    # A notice to write in: a sentence's comma in it, no phone number, an address to write to.
    ad = FurnitureBlock("ad", ("诚聘会计两名，简历请寄：jobs@example.org",), span=1, title="商情")
    headlines, spoken = _spoken(_page(_KNOWN_INDEX, ad), tmp_path)
    assert headlines == ["育秧工厂赶农时", "社区巴士通到家门口"]
    assert not spoken


def test_a_box_whose_first_item_closes_on_a_credit_holds_briefs_whatever_its_title(tmp_path: Path) -> None:
    # A story's credit closes its last paragraph, never one further up: under a short title with
    # no tiers, a paragraph before the last closing on a name in brackets closes a brief.
    title = "街巷新闻"
    briefs = (
        _brief("老城区三处菜市场完成改造，摊位统一换上了电子秤，市民买菜更放心。", title, byline="何静"),
        _brief("市少年宫暑期开设游泳、围棋、书法等十六个免费班，报名从下周一开始。", title),
        _brief("北环路夜间施工期间，两条公交线路临时改道，请市民留意车站公告。", title),
    )
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY), span=4),),
        (BriefsBox(briefs, span=4, title=title),),
    )
    spec = EditionSpec("wide", (PageSpec(number=2, columns=4, rows=rows),))
    (page,) = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    read = [a for a in page.articles if a.section == title]
    assert [a.paragraphs for a in read] == [b.paragraphs for b in briefs]
    assert [a.byline for a in read] == ["何静", None, None]
    assert [flat(a.headline or "") for a in page.articles] == ["育秧工厂赶农时", "", "", ""]


def test_an_unruled_index_and_briefs_beside_stories_are_known_by_what_they_hold(tmp_path: Path) -> None:
    # A house that rules no boxes nor rows: the index and the briefs stand in the stories' cells,
    # under titles the reader has no word for, set bold and larger than the body but no headline.
    index = FurnitureBlock(
        "index", ("【B3】春茶开采了", "（C06）高铁新站封顶", "山里的图书馆 → B7"), span=1, title="版面速览"
    )
    title = "街巷新闻"
    briefs = (
        _brief("老城区三处菜市场完成改造，摊位统一换上了电子秤。", title, byline="何静"),
        _brief("市少年宫暑期开设游泳、围棋、书法等十六个免费班。", title, byline="林木"),
        _brief("北环路夜间施工期间，两条公交线路临时改道。", title, byline="欧阳青"),
    )
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY * 2), span=3), index),
        (StoryBlock(Story("社区巴士通到家门口", _OTHER * 2), span=2), BriefsBox(briefs, span=2, title=title)),
    )
    page = PageSpec(number=2, columns=4, rows=rows, box_style="none", row_rules=False, body_size=10.5)
    spec = EditionSpec("unruled", (page,))
    (read,) = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    score = score_page(read.articles, spec.gold()["pages"][0])
    assert not score.spoken_furniture
    assert [a.paragraphs for a in read.articles if a.section == title] == [b.paragraphs for b in briefs]
    assert sorted(flat(a.headline) for a in read.articles if a.headline) == [
        "社区巴士通到家门口",
        "育秧工厂赶农时",
    ]


def test_an_unruled_index_titled_in_a_headlines_size_is_known_by_its_items(tmp_path: Path) -> None:
    # On a page of small body type the index's title reaches a headline's size: its items' page
    # codes still tell it, and it is not read as a story under a headline.
    index = FurnitureBlock(
        "index", ("【B3】春茶开采了", "（C06）高铁新站封顶", "山里的图书馆 → B7"), span=1, title="版面速览"
    )
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY * 2), span=3), index),
        (StoryBlock(Story("社区巴士通到家门口", _OTHER * 2), span=4),),
    )
    page = PageSpec(number=2, columns=4, rows=rows, box_style="none", row_rules=False, body_size=9.0)
    headlines, spoken = _spoken(EditionSpec("unruled-small", (page,)), tmp_path)
    assert headlines == ["育秧工厂赶农时", "社区巴士通到家门口"]
    assert not spoken


def test_unruled_briefs_each_opening_on_a_dateline_are_a_brief_each(tmp_path: Path) -> None:
    # Small body type sets the block's title in a headline's size; its briefs open on datelines (a
    # story's dateline opens its first paragraph only): each is a brief under the title.
    title = "街巷新闻"
    briefs = (
        _brief("老城区三处菜市场完成改造，摊位统一换上了电子秤。", title, dateline="本报张掖讯"),
        _brief("市少年宫暑期开设游泳、围棋、书法等十六个免费班。", title, dateline="本报甘州讯"),
        _brief("北环路夜间施工期间，两条公交线路临时改道。", title, dateline="本报讯"),
    )
    rows = (
        (StoryBlock(Story("育秧工厂赶农时", _BODY * 2), span=4),),
        (BriefsBox(briefs, span=4, title=title),),
    )
    page = PageSpec(number=2, columns=4, rows=rows, box_style="none", row_rules=False, body_size=9.0)
    spec = EditionSpec("unruled-briefs", (page,))
    (read,) = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    got = [a for a in read.articles if a.section == title]
    assert [(a.dateline, a.paragraphs) for a in got] == [(b.dateline, b.paragraphs) for b in briefs]
    assert [flat(a.headline or "") for a in read.articles] == ["育秧工厂赶农时", "", "", ""]
