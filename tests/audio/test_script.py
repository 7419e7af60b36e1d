"""What each track says: parts, pauses, slugs, the opening and closing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audio_edition.audio.script import (
    Pauses,
    chinese_number,
    script_articles,
    script_closing,
    script_opening,
    slugify,
    spoken_date,
)
from audio_edition.speech.batch import PartKind
from audio_edition.text.articles import Article


def same(text: str) -> str:
    return text


ARTICLE = Article(
    headline="为天下“储”为国家强",
    paragraphs=("第一段。第二句。", "储粮——国家“粮仓”", "第三段。"),
    dateline="本报呼和浩特12月24日电",
    byline="记者 王丹",
    subheads=("储粮——国家“粮仓”",),
)
BRIEF = Article(headline=None, paragraphs=("近日，某地开展活动。",), section="简讯")


def test_an_article_reads_headline_dateline_body_with_subheads_set_apart() -> None:
    pauses = Pauses()
    [script] = script_articles([ARTICLE], same, pauses)
    kinds = [line.kind for line in script.lines]
    assert kinds == [
        PartKind.HEADLINE,
        PartKind.DATELINE,
        PartKind.PARAGRAPH,
        PartKind.SUBHEAD,
        PartKind.PARAGRAPH,
    ]
    assert script.lines[0].pause_after == pauses.after_headline
    assert script.lines[2].pause_after == pauses.around_subhead  # the pause before the subhead
    assert script.lines[3].pause_after == pauses.around_subhead  # and after it
    assert script.lines[2].printed == ("第一段。", "第二句。")
    assert script.key == "01-wei-tian-xia-chu-wei-guo-jia-qiang"
    assert script.text.startswith("为天下“储”为国家强\n本报呼和浩特12月24日电\n（记者 王丹）\n")


def test_briefs_without_headlines_are_numbered() -> None:
    scripts = script_articles([ARTICLE, BRIEF, BRIEF], same, Pauses())
    assert [s.key for s in scripts] == ["01-wei-tian-xia-chu-wei-guo-jia-qiang", "02-brief-1", "03-brief-2"]
    assert scripts[1].title.startswith("简讯1：近日")


def test_opening_names_show_date_count_and_rundown() -> None:
    articles = script_articles([ARTICLE, BRIEF], same, Pauses())
    opening = script_opening("有声日报", dt.date(2023, 12, 25), articles, same)
    printed = opening.lines[0].printed
    assert printed[:3] == ("这里是有声日报。", "今天是2023年12月25日，星期一。", "本期共有2篇报道。")
    assert printed[3] == "主要内容有：为天下“储”为国家强。"  # briefs are not in the rundown
    assert opening.lines[0].spoken[1] == "今天是二零二三年十二月二十五日，星期一。"
    closing = script_closing("有声日报", dt.date(2023, 12, 25), same)
    assert "有声日报" in closing.lines[0].printed[0]


def test_sentences_with_nothing_to_say_are_dropped_from_both_forms() -> None:
    article = Article(headline="标题", paragraphs=("正文。", "■"))
    [script] = script_articles([article], lambda s: "" if s == "■" else s, Pauses())
    assert [line.printed for line in script.lines] == [("标题",), ("正文。",)]


@pytest.mark.parametrize("n, said", [(0, "零"), (10, "十"), (12, "十二"), (20, "二十"), (31, "三十一")])
def test_chinese_numbers(n: int, said: str) -> None:
    assert chinese_number(n) == said


def test_spoken_date() -> None:
    assert spoken_date(dt.date(2024, 1, 1)) == "二零二四年一月一日，星期一"


@given(st.text(min_size=1, max_size=40))
def test_slugs_are_ascii_and_safe_in_a_file_name(headline: str) -> None:
    slug = slugify(headline)
    assert slug and slug.isascii()
    assert all(c.isalnum() or c == "-" for c in slug)
