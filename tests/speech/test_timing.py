"""Sentence starts read off the service's boundary events, however it cuts the text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audio_edition.speech.timing import Boundary, incomplete, sentence_starts, spoken_chars

SENTENCES = ("今天下雪了。", "路上行人很少，车也不多。", "明天会放晴吗？")


def uniform_boundaries(texts: list[str], seconds_per_char: float = 0.25, lead: float = 0.1) -> list[Boundary]:
    """Events as a service reading every character equally fast would send them."""
    events = []
    at = lead
    for text in texts:
        length = len(spoken_chars(text)) * seconds_per_char
        events.append(Boundary(text, at, length))
        at += length
    return events


def test_one_event_per_sentence_gives_each_event_offset() -> None:
    events = [
        Boundary("今天下雪了。", 0.1, 1.2),
        Boundary("路上行人很少，车也不多。", 1.6, 2.4),
        Boundary("明天会放晴吗？", 4.3, 1.5),
    ]
    assert sentence_starts(SENTENCES, events, 6.0) == (0.0, 1.6, 4.3)


def test_two_sentences_in_one_event_are_placed_by_characters() -> None:
    events = [
        Boundary("今天下雪了。路上行人很少，车也不多。", 0.1, 4.0),
        Boundary("明天会放晴吗？", 4.3, 1.5),
    ]
    starts = sentence_starts(SENTENCES, events, 6.0)
    # 5 of the event's 15 spoken characters precede sentence two.
    assert starts == pytest.approx((0.0, 0.1 + 4.0 * 5 / 15, 4.3))


def test_events_the_text_does_not_contain_are_ignored() -> None:
    events = [Boundary("完全不同的内容", 0.1, 3.0), Boundary("明天会放晴吗？", 4.3, 1.5)]
    starts = sentence_starts(SENTENCES, events, 6.0)
    assert starts[2] == 4.3
    assert 0.0 < starts[1] < 4.3


def test_without_events_time_is_shared_by_characters() -> None:
    starts = sentence_starts(SENTENCES, [], 6.0)
    assert starts == pytest.approx((0.0, 6.0 * 5 / 21, 6.0 * 15 / 21))


sentence = st.text(alphabet="天地人和春夏秋冬山水风云AB12", min_size=1, max_size=12).map(lambda s: s + "。")


@given(
    sentences=st.lists(sentence, min_size=1, max_size=8),
    group=st.integers(min_value=1, max_value=3),
    clause_split=st.booleans(),
)
def test_starts_are_one_per_sentence_ordered_and_close_to_truth(
    sentences: list[str], group: int, clause_split: bool
) -> None:
    # The truth: each sentence's start if the service had cut exactly as we do.
    truth_events = uniform_boundaries(sentences)
    duration = truth_events[-1].offset + truth_events[-1].duration + 0.2
    truth = [0.0] + [e.offset for e in truth_events[1:]]
    # The service's view: several of our sentences per event, or each cut in two.
    texts = ["".join(sentences[i : i + group]) for i in range(0, len(sentences), group)]
    if clause_split:
        texts = [half for t in texts for half in (t[: len(t) // 2], t[len(t) // 2 :]) if half]
    starts = sentence_starts(sentences, uniform_boundaries(texts), duration)

    assert len(starts) == len(sentences)
    assert list(starts) == sorted(starts)
    assert all(0.0 <= s <= duration for s in starts)
    assert starts == pytest.approx(truth, abs=1e-6)


def test_a_stream_cut_short_is_noticed() -> None:
    whole = uniform_boundaries(list(SENTENCES))
    end = whole[-1].offset + whole[-1].duration
    assert incomplete(SENTENCES, whole, end + 0.1) is None
    assert incomplete(SENTENCES, whole, end / 2) is not None  # audio stops mid-speech
    assert incomplete(SENTENCES, whole[:1], whole[0].duration + 0.2) is not None  # text not reached
