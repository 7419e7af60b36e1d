"""A box of briefs under a title of the paper's own (街头快报, 城事一览), as an extractor prints it:
its first brief may open with no dateline, or on one a narrow column broke over two lines; the
title may end the line of a headline beside the box that asks a question. Each brief is its own
item under the box's title, never a paragraph of the story above the box."""

from __future__ import annotations

from audio_edition.text import parse_page
from tests.text.snippets import LEAD_STORY

_TOP = LEAD_STORY


def _briefs(text: str) -> list[tuple[str | None, str | None, str]]:
    page = parse_page(text, "p2.txt")
    return [(a.section, a.byline, a.paragraphs[0]) for a in page.articles if a.headline is None]


def test_a_first_brief_with_no_dateline_is_the_boxs_not_the_storys_above() -> None:
    # The first item opens on an organ's name, no dateline; it and the next each close on the
    # writer's name in brackets: two short items under a short line make it a box.
    text = _TOP + (
        "街头快报\n市水务局消息，城东水厂改\n造完工，今起恢复供水。（李华）\n"
        "本报西城讯西城图书馆新\n添自助借还机两台。（张强）\n"
        "区体育中心说，游泳馆本周\n六起延长开放时间。（陈静）\n"
    )
    assert _briefs(text) == [
        ("街头快报", "李华", "市水务局消息，城东水厂改造完工，今起恢复供水。"),
        ("街头快报", "张强", "西城图书馆新添自助借还机两台。"),
        ("街头快报", "陈静", "区体育中心说，游泳馆本周六起延长开放时间。"),
    ]


def test_a_first_briefs_dateline_broken_over_two_lines_still_opens_the_box() -> None:
    # A narrow column breaks the dateline before 讯: 本报东城3 月4 日 / 讯城东菜场…
    text = _TOP + (
        "城事一览\n本报东城3 月4 日\n讯城东菜场今起试行夜\n间营业。（李华）\n"
        "本报西城讯西城图书馆新\n添自助借还机两台。（张强）\n"
    )
    assert [(s, b) for s, b, _ in _briefs(text)] == [("城事一览", "李华"), ("城事一览", "张强")]


def test_a_box_title_beside_a_question_headline_is_parted_from_it() -> None:
    # PDFium joins what shares a baseline: a headline ending on ？, a space, the box's title.
    text = _TOP + (
        "老街夜市还能开多久？ 街头快报\n区商务局消息，老街今起\n试行夜间营业。（李华）\n"
        "本报西城讯西城图书馆新\n添自助借还机两台。（张强）\n"
    )
    page = parse_page(text, "p2.txt")
    assert "老街夜市还能开多久？" in [a.headline for a in page.articles]
    assert [(s, b) for s, b, _ in _briefs(text)] == [("街头快报", "李华"), ("街头快报", "张强")]


def test_a_short_headline_over_a_story_closing_on_its_writer_once_is_no_box() -> None:
    # Lookalike: a headline of four characters over a story with no dateline whose paragraph
    # closes on the writer's name a few lines down; the story runs on, no second item closes.
    text = _TOP + (
        "春耕正忙\n连日来，城郊的农户抢抓农\n时，翻地、播种一样不落。\n（李华）\n"
        "种粮大户老周说，今年的种\n子是新品种，出苗率高，\n农技站还派人下田指导。\n"
    )
    page = parse_page(text, "p2.txt")
    assert all(a.section is None for a in page.articles)


def test_a_paragraphs_words_after_a_figures_space_are_no_box_title() -> None:
    # Lookalike: an extractor sets a space after a figure (自6 月1 日起施); the characters after
    # it are a sentence's words over its rest (行。（李华）), not a box's title over briefs.
    text = _TOP.replace("海棠，入夜后还有灯光照明。", "海棠，管理办法自6 月1 日起施\n行。（李华）") + (
        "本报西城讯西城图书馆新\n添自助借还机两台。（张强）\n"
    )
    page = parse_page(text, "p2.txt")
    assert all(a.section != "日起施" for a in page.articles)
    assert "起施行" in page.articles[0].paragraphs[-1]


def test_a_briefs_writer_broken_over_two_lines_stays_with_its_brief() -> None:
    # A box set across the columns, a brief to a line: the line breaks inside the writer's
    # brackets (…。（陈 / 小雨）). The name goes back on its line; no brief reads as a head.
    text = _TOP + (
        "街头快报\n市水务局消息，城东水厂改造完工，今天起全区恢复正常供水。（陈\n小雨）\n"
        "西城图书馆新添自助借还机两台，读者可在一楼大厅自助办理借还。（张\n强）\n"
    )
    assert _briefs(text) == [
        ("街头快报", "陈小雨", "市水务局消息，城东水厂改造完工，今天起全区恢复正常供水。"),
        ("街头快报", "张强", "西城图书馆新添自助借还机两台，读者可在一楼大厅自助办理借还。"),
    ]
