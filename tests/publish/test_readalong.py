"""The page's transcript: printed paragraphs with each heard sentence tied to its time."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from audio_edition.audio.transcript import Cue
from audio_edition.publish.readalong import Run, align_sentences, body_paragraphs


def test_sentences_are_found_in_the_printed_paragraphs() -> None:
    paragraphs = ["本报北京电 第一句。第二句！", "第三句。"]
    cues = [
        Cue(0.0, 1.0, "标题"),
        Cue(1.0, 2.0, "第一句。"),
        Cue(2.0, 3.0, "第二句！"),
        Cue(3.0, 4.5, "第三句。"),
    ]
    assert align_sentences(paragraphs, cues) == (
        (Run("本报北京电 "), Run("第一句。", 1.0, 2.0), Run("第二句！", 2.0, 3.0)),
        (Run("第三句。", 3.0, 4.5),),
    )


def test_without_cues_the_text_is_all_there_untimed() -> None:
    assert align_sentences(["一。", "二。"], []) == ((Run("一。"),), (Run("二。"),))


def test_the_headline_line_is_not_printed_twice() -> None:
    assert body_paragraphs("黄河 岸边\n\n正文  一。\n正文二。", "黄河 岸边") == ["正文 一。", "正文二。"]
    assert body_paragraphs("正文。", "标题") == ["正文。"]


_TEXT = st.text(alphabet="一二三。！ ab", min_size=1, max_size=12)


@given(st.lists(_TEXT, min_size=1, max_size=4), st.lists(_TEXT, max_size=8))
def test_nothing_printed_is_lost_and_times_stay_in_order(paragraphs: list[str], sentences: list[str]) -> None:
    cues = [Cue(float(i), float(i + 1), s) for i, s in enumerate(sentences)]
    aligned = align_sentences(paragraphs, cues)
    assert ["".join(run.text for run in runs) for runs in aligned] == paragraphs
    starts = [run.start for runs in aligned for run in runs if run.start is not None]
    assert starts == sorted(starts)
