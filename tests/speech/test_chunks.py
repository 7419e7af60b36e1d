"""Cutting a part into requests: whole sentences, under the size limit, nothing lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from audio_edition.speech.chunks import MAX_REQUEST_BYTES, escaped_size, plan_chunks


def test_short_sentences_share_one_request() -> None:
    (chunk,) = plan_chunks(["第一句。", "第二句。"])
    assert chunk.pieces == ("第一句。", "第二句。")
    assert chunk.starts_sentence == (True, True)


def test_requests_stay_well_under_the_service_limit() -> None:
    sentences = ["这是一个相当长的句子，用来测试请求的切分。"] * 200
    chunks = plan_chunks(sentences)
    assert len(chunks) > 1
    assert all(sum(escaped_size(p) for p in c.pieces) <= MAX_REQUEST_BYTES < 4096 for c in chunks)
    assert sum(c.sentence_count for c in chunks) == 200


def test_a_sentence_too_long_for_one_request_is_cut_at_commas() -> None:
    clause = "在高标准农田建设方面取得了显著成效，"
    long_sentence = clause * 60 + "完。"
    chunks = plan_chunks(["前一句。", long_sentence], limit=600)
    pieces = [p for c in chunks for p in c.pieces]
    starts = [s for c in chunks for s in c.starts_sentence]
    assert "".join(pieces) == "前一句。" + long_sentence
    assert sum(starts) == 2  # continuations are not new sentences
    assert all(p.endswith(("，", "。")) for p in pieces)


def test_xml_special_characters_count_escaped() -> None:
    assert escaped_size("A&B") == len("A&amp;B")


text = st.text(alphabet="天地人，。<&AB ", min_size=1, max_size=400).filter(lambda s: s.strip())


@given(sentences=st.lists(text, min_size=1, max_size=20), limit=st.integers(min_value=30, max_value=2000))
def test_nothing_is_lost_and_every_request_fits(sentences: list[str], limit: int) -> None:
    chunks = plan_chunks(sentences, limit=limit)
    assert "".join(p for c in chunks for p in c.pieces) == "".join(s.strip() for s in sentences)
    assert sum(c.sentence_count for c in chunks) == len(sentences)
    assert all(sum(escaped_size(p) for p in c.pieces) <= limit for c in chunks)


def test_an_engine_that_cannot_time_sentences_gets_one_sentence_per_request() -> None:
    chunks = plan_chunks(["第一句。", "第二句。", "第三句。"], max_pieces=1)
    assert [c.pieces for c in chunks] == [("第一句。",), ("第二句。",), ("第三句。",)]
    assert plan_chunks(["第一句。", "第二句。"])[0].pieces == ("第一句。", "第二句。")
