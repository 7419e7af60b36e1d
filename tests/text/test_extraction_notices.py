"""Paid notices (遗失声明, 董事会公告, 送达公告…) on an extractor's lines, known by their title's shape
and their body's marks whatever their words, in each form an extractor prints a notice's box: never
spoken, listed as an ad. A story whose headline names a 公告 stays a story. The words are no
paper's."""

from __future__ import annotations

from audio_edition.text import FurnitureKind, Page, parse_page

_HEAD = """2025年9月30日 星期二
第6版
"""

_STORY = """秋粮收购进度过半
本报讯（记者 方舟）入秋以来，全市各收储库点敞开
收购新粮，累计收购秋粮十二万吨，进度过半，粮食部
门将继续做好收购服务，确保农民售粮顺畅。
"""

_NEXT = """社区食堂开到家门口
本报讯 城西街道新开的社区食堂每天供应三餐，老人
用餐可享八折优惠，开业一周已接待上千人次。
"""

_EDITORS = "本版责任编辑：罗平　美术编辑：谢云\n"


def _spoken(page: Page, words: str) -> bool:
    """Whether ``words`` are read out anywhere: a headline, a tier or a paragraph."""
    pieces = [t for a in page.articles for t in (a.headline, a.kicker, a.subtitle, *a.paragraphs) if t]
    return any(words in piece.replace(" ", "") for piece in pieces)


def _ads(page: Page) -> str:
    return "".join(f.text.replace(" ", "") for f in page.furniture if f.kind is FurnitureKind.AD)


def test_a_company_notice_under_a_story_closing_on_its_board_and_date_is_furniture() -> None:
    # As PyMuPDF prints it: the notice's lines right under the story's byline, no blank between.
    notice = """董事会公告
本公司将于2025年10月15日召开临时股东大
会，审议关联交易议案。特此公告。
远航科技股份有限公司董事会
2025年9月30日
"""
    page = parse_page(_HEAD + _STORY + notice + _NEXT + _EDITORS, "p6.txt")
    assert [a.headline for a in page.articles] == ["秋粮收购进度过半", "社区食堂开到家门口"]
    assert not _spoken(page, "特此公告")
    assert not _spoken(page, "董事会公告")
    assert "特此公告" in _ads(page)
    assert _spoken(page, "确保农民售粮顺畅")


def test_a_lost_licence_notice_run_into_one_line_is_furniture() -> None:
    notice = "遗失声明青禾物流有限公司遗失道路运输经营许可证副本一份，声明作废。\n"
    page = parse_page(_HEAD + _STORY + notice + _NEXT + _EDITORS, "p6.txt")
    assert [a.headline for a in page.articles] == ["秋粮收购进度过半", "社区食堂开到家门口"]
    assert not _spoken(page, "声明作废")
    assert "声明作废" in _ads(page)


def test_a_notice_whose_body_is_printed_over_its_title_is_furniture() -> None:
    # As pdfminer.six prints a box whose body is set larger than its title: each a block of its own.
    notice = """
青禾物流有限公司遗失道路运输经营许可证副本一份，声明作废。

遗失声明

"""
    page = parse_page(_HEAD + _STORY + notice + _NEXT + _EDITORS, "p6.txt")
    assert not _spoken(page, "声明作废")
    assert not _spoken(page, "遗失声明")
    assert [a.headline for a in page.articles] == ["秋粮收购进度过半", "社区食堂开到家门口"]


def test_a_notices_title_printed_apart_from_its_body_is_paired_with_it() -> None:
    # As pdftotext prints a narrow box: its title among the row's heads, its body further down.
    text = (
        _HEAD
        + "\n遗失声明\n\n"
        + _STORY
        + "\n青禾物流有限\n公司遗失营业\n执照，声明作废。\n\n"
        + _NEXT
        + "\n"
        + _EDITORS
    )
    page = parse_page(text, "p6.txt")
    assert not _spoken(page, "声明作废")
    assert not _spoken(page, "遗失声明")
    assert [a.headline for a in page.articles] == ["秋粮收购进度过半", "社区食堂开到家门口"]


def test_a_story_whose_headline_names_a_notice_stays_a_story() -> None:
    story = """两家药企发布停产公告
本报讯 两家药企昨日晚间发布公告称，因生产线升级改造，
相关产品将暂停生产三个月，已通知下游客户。
"""
    page = parse_page(_HEAD + story + _NEXT + _EDITORS, "p6.txt")
    assert [a.headline for a in page.articles] == ["两家药企发布停产公告", "社区食堂开到家门口"]
    assert _spoken(page, "已通知下游客户")
    assert not _ads(page)


def test_a_notice_run_into_another_columns_lines_is_warned_not_cut() -> None:
    # As pdfplumber prints a page row by row: the notice's lines share a line with a story's.
    text = (
        _HEAD
        + _STORY
        + "遗失声明\n"
        + "城西街道新开的社区食堂每天供应 青禾物流有限\n"
        + "三餐，老人用餐可享八折优惠。 公司遗失营业执照，声明作废。\n"
        + _EDITORS
    )
    page = parse_page(text, "p6.txt")
    assert _spoken(page, "社区食堂每天供应")  # no line of the story cut away
    assert any("notice's title" in w.message for w in page.warnings)


def test_a_notices_body_run_onto_the_end_of_another_columns_line_is_cut_off_it() -> None:
    # As a layout-mode line not cut apart prints it: a headline's tail, a space, the notice's body.
    text = (
        _HEAD
        + "城北新区两所\n\n遗失声明\n"
        + "新校开学 青禾物流有限公司遗失营业执照正本，声明作废。\n\n"
        + _STORY
        + _NEXT
        + _EDITORS
    )
    page = parse_page(text, "p6.txt")
    assert not _spoken(page, "声明作废")
    assert "青禾物流有限公司遗失营业执照正本，声明作废。" in _ads(page)
    assert _spoken(page, "新校开学")


def test_a_notice_run_onto_a_storys_last_sentence_is_cut_off_at_its_end() -> None:
    # As PyMuPDF may join a box's first line to the line of the column beside it.
    story = """秋粮收购进度过半
本报讯（记者 方舟）入秋以来，全市各收储库点敞开
收购新粮，累计收购秋粮十二万吨，进度过半，粮食部
门将继续做好收购服务，确保农民售粮顺畅。遗失声明青禾物流有限
公司遗失营业执照正本，声明作废。
"""
    page = parse_page(_HEAD + story + _NEXT + _EDITORS, "p6.txt")
    assert [a.headline for a in page.articles] == ["秋粮收购进度过半", "社区食堂开到家门口"]
    assert page.articles[0].paragraphs[-1].endswith("确保农民售粮顺畅。")
    assert not _spoken(page, "声明作废")


def test_a_notice_run_onto_a_bylines_name_is_warned() -> None:
    # No mark tells where the writer's name ends and the notice's title starts: a doubt, no cut.
    story = """秋粮收购进度过半
本报讯 入秋以来，全市各收储库点敞开收购新粮，累计
收购秋粮十二万吨，粮食部门将做好收购服务。
□本报记者 方舟遗失声明青禾物流有限
公司遗失营业执照正本，声明作废。
"""
    page = parse_page(_HEAD + story + _NEXT + _EDITORS, "p6.txt")
    assert any("notice's title" in w.message for w in page.warnings)
