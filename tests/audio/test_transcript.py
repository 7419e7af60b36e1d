"""VTT and SRT: one cue per sentence, timed from sentence starts."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audio_edition.audio.transcript import (
    Cue,
    cues_for_sentences,
    parse_vtt,
    render_srt,
    render_vtt,
    shift_cues,
)


def test_each_sentence_runs_until_the_next_begins() -> None:
    cues = cues_for_sentences(["第一句。", "第二句。"], [0.1, 1.6], duration=3.0, offset=10.0)
    assert cues == [Cue(10.1, 11.6, "第一句。"), Cue(11.6, 13.0, "第二句。")]


def test_vtt_and_srt_render_the_same_cues_in_their_own_syntax() -> None:
    cues = [Cue(0.0, 1.5, "你好。"), Cue(3661.25, 3662.0, "再见。")]
    assert render_vtt(cues) == (
        "WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\n你好。\n\n2\n01:01:01.250 --> 01:01:02.000\n再见。\n"
    )
    assert render_srt(cues) == (
        "1\n00:00:00,000 --> 00:00:01,500\n你好。\n\n2\n01:01:01,250 --> 01:01:02,000\n再见。\n"
    )


def test_a_cue_text_never_breaks_the_format() -> None:
    text = render_vtt([Cue(0.0, 1.0, "一行\n\n两行 --> 三")])
    assert "一行 两行 → 三" in text


def test_markup_characters_in_a_cue_are_escaped_in_vtt_only() -> None:
    cues = [Cue(0.0, 1.0, "指数<3000点 & 成交量>1万亿 <b>")]
    vtt = render_vtt(cues)
    assert "指数&lt;3000点 &amp; 成交量&gt;1万亿 &lt;b&gt;" in vtt and "<" not in vtt
    assert parse_vtt(vtt) == cues
    assert "指数<3000点 & 成交量>1万亿 <b>" in render_srt(cues)  # SubRip has no character references


def test_mismatched_starts_are_a_bug_not_a_silent_truncation() -> None:
    with pytest.raises(ValueError):
        cues_for_sentences(["a", "b"], [0.0], duration=1.0)


@given(st.lists(st.floats(min_value=0, max_value=100), min_size=1, max_size=20))
def test_cues_are_ordered_and_never_overlap(raw: list[float]) -> None:
    starts = sorted(raw)
    cues = shift_cues(cues_for_sentences([f"s{i}" for i in range(len(starts))], starts, 101.0), 5.0)
    for a, b in zip(cues, cues[1:]):
        assert a.start <= a.end <= b.start
    assert cues[-1].end == pytest.approx(106.0)
    vtt_times = re.findall(r"(\d\d):(\d\d):(\d\d)\.(\d{3}) -->", render_vtt(cues))
    assert len(vtt_times) == len(cues)


@given(
    st.lists(
        st.tuples(
            st.integers(0, 10**7),
            st.integers(0, 10**5),
            st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1).filter(
                lambda t: t.split() and "-->" not in t
            ),
        ),
        max_size=8,
    )
)
def test_parse_vtt_reads_back_what_render_vtt_wrote(raw: list[tuple[int, int, str]]) -> None:
    cues = [Cue(start / 1000, (start + length) / 1000, " ".join(text.split())) for start, length, text in raw]
    assert parse_vtt(render_vtt(cues)) == cues


def test_parse_vtt_reads_other_writers_files_too() -> None:
    text = (
        "WEBVTT\r\n\r\nNOTE made by hand\r\n\r\nintro\r\n00:01.500 --> 00:03.000 align:start\r\n"
        "第一句\r\n接着\r\n\r\n01:00:00.000 --> 01:00:01.250\r\n第二句\r\n"
    )
    assert parse_vtt(text) == [Cue(1.5, 3.0, "第一句 接着"), Cue(3600.0, 3601.25, "第二句")]
