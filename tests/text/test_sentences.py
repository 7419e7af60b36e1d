"""Splitting paragraphs into sentences an engine can speak."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audio_edition.text.sentences import split_sentences


def test_splits_after_sentence_ends_keeping_closing_quotes() -> None:
    assert split_sentences("“不穿水靴根本出不去！”他告诉记者，“改造后好多了。”今年完成55个。") == [
        "“不穿水靴根本出不去！”",
        "他告诉记者，“改造后好多了。”",
        "今年完成55个。",
    ]


def test_splits_after_ellipsis_and_question() -> None:
    assert split_sentences("歌曲《去根河》《林中奔跑》……10余个节目精彩不断。真的吗？是的") == [
        "歌曲《去根河》《林中奔跑》……",
        "10余个节目精彩不断。",
        "真的吗？",
        "是的",
    ]


def test_never_splits_inside_a_title_or_a_number() -> None:
    assert split_sentences("他读了《你好。世界！》一书，增长22.8%。") == [
        "他读了《你好。世界！》一书，增长22.8%。"
    ]


def test_long_sentences_split_at_semicolons_first() -> None:
    sentence = "即治危房、治违建、治公共空间违规使用；修小区道路，修管线设施，修非机动车棚；补市政基础设施、补停车设施。"
    assert split_sentences(sentence, max_chars=30) == [
        "即治危房、治违建、治公共空间违规使用；",
        "修小区道路，修管线设施，修非机动车棚；",
        "补市政基础设施、补停车设施。",
    ]


def test_then_at_commas_then_enumeration_commas() -> None:
    sentence = "包含注册、接待保障、酒店服务、交通工具、场馆场地服务岗位运行、志愿者之家、应急救护。"
    chunks = split_sentences(sentence, max_chars=20)
    assert all(len(c) <= 20 for c in chunks)
    assert all(c.endswith(("、", "。")) for c in chunks)
    assert "".join(chunks) == sentence


def test_a_run_with_no_punctuation_is_cut_between_characters_not_inside_numbers() -> None:
    sentence = "内蒙古" * 5 + "12345678" + "内蒙古" * 5
    chunks = split_sentences(sentence, max_chars=18)
    assert "".join(chunks) == sentence
    assert all(len(c) <= 18 for c in chunks)
    assert any("12345678" in c for c in chunks)


def test_limit_must_be_sensible() -> None:
    with pytest.raises(ValueError):
        split_sentences("你好。", max_chars=1)


text = st.text(alphabet=st.sampled_from(list("内蒙古新闻发展建设12.3%“”《》，、；：。！？…")), max_size=400)


@given(paragraph=text, limit=st.integers(10, 150))
def test_nothing_is_lost_and_no_chunk_is_too_long(paragraph: str, limit: int) -> None:
    chunks = split_sentences(paragraph, max_chars=limit)
    assert "".join(chunks) == "".join(paragraph.split())
    assert all(0 < len(c) <= limit for c in chunks)


@pytest.mark.timeout(60)
def test_a_four_megabyte_run_of_clauses_splits_in_linear_time() -> None:
    # One "sentence" of 700,000 clauses joined by commas, as a broken page export gives: the
    # split used to count title marks from the start at every comma (83 s); now one pass.
    paragraph = "内蒙古发展，" * 700_000
    chunks = split_sentences(paragraph)
    assert "".join(chunks) == paragraph
    assert all(len(c) <= 120 for c in chunks)
    assert len(chunks) == 35_000


@pytest.mark.timeout(60)
def test_a_four_megabyte_run_without_breaks_is_cut_in_linear_time() -> None:
    paragraph = "内蒙古" * 1_400_000
    chunks = split_sentences(paragraph, max_chars=100)
    assert "".join(chunks) == paragraph
    assert [len(c) for c in chunks[:-1]] == [100] * (len(chunks) - 1)
