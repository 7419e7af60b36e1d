"""Assembly with real audio: tone bursts stand in for speech, ffmpeg and ffprobe check the result."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_edition.audio import ffmpeg
from audio_edition.audio.assemble import (
    Clip,
    Mp3Settings,
    Silence,
    Track,
    assemble_episode,
    encode_track,
    encoder_gain_db,
    render_track,
)
from audio_edition.audio.chapters import TrackSpan, place_chapters
from audio_edition.audio.loudness import LoudnessTarget
from tests.listening import ebur128, onsets

from .conftest import ToneMaker, make_clicks

SETTINGS = Mp3Settings()


def test_a_track_is_its_clips_and_pauses_to_the_sample(tone: ToneMaker, tmp_path: Path) -> None:
    wav = tone("a.wav", 1.0, rate=24000)  # the offline engine's format
    mp3 = tone("b.mp3", 2.0, rate=24000)  # the online engine's format
    track = Track(
        "t",
        (Silence(0.25), Clip(wav, ("一。", "二。"), (0.0, 0.5)), Silence(0.5), Clip(mp3, ("三。",), (0.1,))),
    )
    rendered = render_track(track, tmp_path / "t.pcm", SETTINGS.track_pcm)
    assert rendered.n_bytes == round(3.75 * 24000) * 2
    assert [(c.start, c.text) for c in rendered.cues] == [
        (0.25, "一。"),
        (0.75, "二。"),
        (pytest.approx(1.85), "三。"),
    ]
    assert rendered.cues[-1].end == pytest.approx(3.75)


def test_clips_at_other_rates_are_resampled_to_the_speech_rate(tone: ToneMaker, tmp_path: Path) -> None:
    track = Track("t", (Clip(tone("a.wav", 1.0, rate=16000)), Clip(tone("b.wav", 1.0, rate=48000))))
    rendered = render_track(track, tmp_path / "t.pcm", SETTINGS.track_pcm)
    assert rendered.n_bytes == 2 * 24000 * 2


def test_encoded_track_meets_podcast_loudness(tone: ToneMaker, tmp_path: Path) -> None:
    quiet = tone("quiet.wav", 3.0, volume=0.05)
    clicks = make_clicks(tmp_path / "clicks.wav", 3.0)  # its peaks force the limiter
    rendered = render_track(
        Track("t", (Clip(quiet), Silence(0.5), Clip(clicks))), tmp_path / "t.pcm", SETTINGS.track_pcm
    )
    encoded = encode_track(rendered, tmp_path / "t.mp3", tmp_path / "t.norm", LoudnessTarget(), SETTINGS)
    assert "alimiter" in encoded.chain
    integrated, true_peak = ebur128(tmp_path / "t.mp3")
    assert integrated == pytest.approx(-16.0, abs=1.0)
    assert true_peak <= -1.0
    info = ffmpeg.probe(tmp_path / "t.mp3")
    assert (info.sample_rate, info.channels, info.codec) == (44100, 1, "mp3")
    assert info.bit_rate == pytest.approx(64000, rel=0.05)
    # resampled to 44.1 kHz sample for sample, and the limiter's look-ahead added no delay
    assert (tmp_path / "t.norm").stat().st_size == round(rendered.duration * 44100) * 2


def test_encoder_gain_is_measured_small_and_negative() -> None:
    assert -1.0 < encoder_gain_db(SETTINGS) < 0.0


def test_chapters_land_where_each_track_really_starts(tone: ToneMaker, tmp_path: Path) -> None:
    """Tracks of different lengths with gaps: every chapter is within 50 ms of its first sound."""
    target = LoudnessTarget()
    norms: list[Path] = []
    lengths = [1.3, 2.7, 0.9, 4.1]
    for i, seconds in enumerate(lengths):
        rendered = render_track(Track(f"t{i}", (Clip(tone(f"{i}.wav", seconds, freq=300 + 100 * i)),)),
                                tmp_path / f"{i}.pcm", SETTINGS.track_pcm)  # fmt: skip
        norms.append(
            encode_track(
                rendered, tmp_path / f"{i}.mp3", tmp_path / f"{i}.norm", target, SETTINGS
            ).normalized_pcm
        )
    parts = [norms[0], Silence(1.0), norms[1], Silence(1.0), norms[2], Silence(1.0), norms[3]]
    episode = tmp_path / "episode.mp3"
    audio = assemble_episode(parts, episode, SETTINGS)
    probe = ffmpeg.probe(episode)
    spans = [
        TrackSpan(f"t{i}", audio.part_starts[2 * i], audio.part_starts[2 * i] + s)
        for i, s in enumerate(lengths)
    ]
    chapters = place_chapters(spans, probe.start_time, probe.duration)
    heard = [0.0, *onsets(episode)]
    assert len(heard) == len(chapters)
    for chapter, sound in zip(chapters[1:], heard[1:]):
        assert abs(chapter.start - sound) < 0.05, (chapter, sound)
    # the exact figures: 1.3 + 1 = 2.3 s of PCM, plus LAME's 1105-sample delay
    assert chapters[1].start == pytest.approx(2.3 + 1105 / 44100, abs=0.001)
    assert probe.duration == pytest.approx(sum(lengths) + 3.0, abs=0.06)
    integrated, true_peak = ebur128(episode)
    assert integrated == pytest.approx(-16.0, abs=1.0) and true_peak <= -1.0
