"""Progress off a terminal: about one line a minute, with stage, done/total, elapsed and estimate."""

from __future__ import annotations

import enum

from audio_edition.progress import ProgressLines, clock_text


class Stage(enum.Enum):
    SPEAK = "speak"
    AUDIO = "audio"


def test_one_line_a_minute_with_an_estimate_from_the_stages_pace() -> None:
    now = [0.0]
    lines: list[str] = []
    report = ProgressLines(lines.append, clock=lambda: now[0])
    for second in range(600):  # ten minutes of speech, a request every second
        now[0] = float(second)
        report(Stage.SPEAK, second, 1200)
    assert len(lines) == 9  # nothing in the first minute (a short build's log stays clean)
    assert lines[0] == "audio-edition: speak 60/1200, 1:00 elapsed, about 19:00 left"
    assert lines[-1] == "audio-edition: speak 540/1200, 9:00 elapsed, about 11:00 left"
    now[0] = 1200.0
    report(Stage.SPEAK, 1200, 1200)  # a stage's end is always said
    now[0] = 1260.0
    report(Stage.AUDIO, 1, 5)  # a new stage's first report: its pace counts from the last's end
    assert lines[-2:] == [
        "audio-edition: speak 1200/1200, 20:00 elapsed, done",
        "audio-edition: audio 1/5, 21:00 elapsed, about 4:00 left",
    ]


def test_clock_text() -> None:
    assert [clock_text(s) for s in (0, 59.6, 61, 3600, 3725)] == [
        "0:00",
        "1:00",
        "1:01",
        "1:00:00",
        "1:02:05",
    ]
