"""The ffmpeg wrapper: probing, decoding into our PCM, and failures that name the file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from audio_edition.audio import ffmpeg
from audio_edition.audio.ffmpeg import Pcm
from audio_edition.errors import AudioError

from .conftest import ToneMaker


def test_probe_reads_duration_rate_and_channels(tone: ToneMaker) -> None:
    info = ffmpeg.probe(tone("a.wav", 1.5, rate=24000))
    assert info.duration == pytest.approx(1.5, abs=0.001)
    assert (info.sample_rate, info.channels, info.codec) == (24000, 1, "pcm_s16le")
    assert info.start_time == 0.0


def test_probe_reports_an_mp3s_encoder_delay_as_its_start_time(tone: ToneMaker) -> None:
    info = ffmpeg.probe(tone("a.mp3", 1.0, rate=44100))
    # LAME's 576 + the decoder's 529 samples: what chapters must be shifted by.
    assert info.start_time == pytest.approx(1105 / 44100, abs=0.0005)


def test_decode_appends_exact_samples_at_the_target_rate(tone: ToneMaker, tmp_path: Path) -> None:
    pcm = Pcm(44100)
    out_path = tmp_path / "out.pcm"
    with open(out_path, "wb") as out:
        out.write(b"\0\0" * 10)
        written = ffmpeg.decode_to_pcm(tone("a.wav", 2.0, rate=24000), out, pcm)
    assert written == 2 * 44100 * 2  # two seconds of 16-bit mono, resampled 24 → 44.1 kHz
    assert out_path.stat().st_size == written + 20


def test_decode_of_a_non_audio_file_names_the_file(tmp_path: Path) -> None:
    bogus = tmp_path / "not-audio.mp3"
    bogus.write_text("hello")
    with open(tmp_path / "out.pcm", "wb") as out, pytest.raises(AudioError, match="not-audio.mp3"):
        ffmpeg.decode_to_pcm(bogus, out, Pcm())


def test_probe_of_a_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(AudioError, match="missing.mp3"):
        ffmpeg.probe(tmp_path / "missing.mp3")


def test_fed_ffmpeg_failure_names_the_file_and_does_not_hang(tmp_path: Path) -> None:
    chunks = (b"\0" * 65536 for _ in range(64))  # more than a pipe buffer, after ffmpeg has quit
    with pytest.raises(AudioError, match="target.mp3"):
        ffmpeg.run_ffmpeg_fed(
            ["-f", "s16le", "-ar", "44100", "-ac", "1", "-i", "-", "-c:a", "no-such-codec", "x.mp3"],
            chunks, file=tmp_path / "target.mp3", what="encode it",
        )  # fmt: skip


def test_ebur128_summary_parsing_rejects_output_without_a_summary() -> None:
    with pytest.raises(AudioError, match="no summary"):
        ffmpeg.parse_ebur128_summary("nothing here", "x.pcm")


def test_mean_volume_of_a_tone(tone: ToneMaker) -> None:
    # A sine at amplitude 0.3 × 1/8 (ffmpeg's sine source) has RMS 20·log10(0.0375/√2) ≈ -31.5 dB.
    level = ffmpeg.mean_volume(["-i", str(tone("a.wav", 1.0))], "a.wav")
    assert level == pytest.approx(-31.5, abs=0.3)


def test_a_failing_feed_stops_ffmpeg_instead_of_hanging(tmp_path: Path) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"\0" * 4096
        raise OSError("a part vanished")

    with pytest.raises(OSError, match="vanished"):
        ffmpeg.run_ffmpeg_fed(
            ["-f", "s16le", "-ar", "44100", "-ac", "1", "-i", "-", "-f", "null", "-"],
            chunks(), file=tmp_path / "x.mp3", what="encode it",
        )  # fmt: skip
