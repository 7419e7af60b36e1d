"""Real audio for the audio tests: tone bursts made by ffmpeg, in the formats engines return."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

ToneMaker = Callable[..., Path]


def make_tone(path: Path, seconds: float, *, freq: int = 440, rate: int = 24000, volume: float = 0.3) -> Path:
    """A sine tone of ``seconds`` at ``rate`` Hz, as WAV or MP3 by ``path``'s suffix."""
    codec = ["-c:a", "libmp3lame", "-b:a", "48k"] if path.suffix == ".mp3" else ["-c:a", "pcm_s16le"]
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi",
         "-i", f"sine=frequency={freq}:sample_rate={rate}:duration={seconds}",
         "-af", f"volume={volume}", "-ac", "1", *codec, str(path)],
        check=True,
    )  # fmt: skip
    return path


def make_clicks(path: Path, seconds: float, *, rate: int = 24000) -> Path:
    """A quiet tone with a full-scale click every 0.1 s: the crest of plosives, exaggerated."""
    expr = f"0.05*sin(2*PI*440*t)+0.9*eq(mod(n\\,{rate // 10})\\,0)"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"aevalsrc={expr}:s={rate}:d={seconds}",
         "-ac", "1", "-c:a", "pcm_s16le", str(path)],
        check=True,
    )  # fmt: skip
    return path


@pytest.fixture
def tone(tmp_path: Path) -> ToneMaker:
    """Make a tone file under the test's tmp folder: ``tone("a.wav", 1.5, freq=440)``."""

    def make(name: str, seconds: float, **kwargs: float) -> Path:
        return make_tone(tmp_path / name, seconds, **kwargs)  # type: ignore[arg-type]

    return make
