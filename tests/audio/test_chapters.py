"""Chapter placement in the encoded file and the Podcasting 2.0 JSON."""

from __future__ import annotations

import json

from audio_edition.audio.chapters import TrackSpan, place_chapters, render_chapters_json


def test_chapters_after_the_first_move_by_the_encoder_delay() -> None:
    spans = [
        TrackSpan("开场", 0.0, 10.0),
        TrackSpan("新闻", 11.5, 40.0, article=1),
        TrackSpan("结束", 41.5, 50.0),
    ]
    chapters = place_chapters(spans, encoder_delay=0.025, total=50.1)
    assert [(c.start, c.end) for c in chapters] == [(0.0, 10.025), (11.525, 40.025), (41.525, 50.1)]
    assert [c.article for c in chapters] == [None, 1, None]


def test_json_chapters_follow_the_podcasting_2_0_format() -> None:
    chapters = place_chapters([TrackSpan("开场", 0.0, 5.0), TrackSpan("“十四冬”", 6.0, 9.0, 1)], 0.025, 9.1)
    data = json.loads(render_chapters_json(chapters))
    assert data["version"] == "1.2.0"
    assert data["chapters"] == [
        {"startTime": 0.0, "endTime": 5.025, "title": "开场"},
        {"startTime": 6.025, "endTime": 9.1, "title": "“十四冬”"},
    ]
