"""Looking at audio the way a listener's player does: ffmpeg decodes it, mutagen reads it."""

from __future__ import annotations

import io
import math
import subprocess
from array import array

from mutagen.mp3 import MP3


def decode_pcm(audio: bytes) -> array[int]:
    """Mono 16-bit samples at 24 kHz, decoded by ffmpeg from any format it reads."""
    result = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", "pipe:0", "-f", "s16le", "-ac", "1", "-ar", "24000", "pipe:1"],
        input=audio,
        capture_output=True,
        check=True,
    )
    samples = array("h")
    samples.frombytes(result.stdout)
    return samples


def rms_dbfs(samples: array[int]) -> float:
    """Loudness of ``samples`` in dB relative to full scale (silence is -inf)."""
    if not samples:
        return -math.inf
    mean_square = sum(s * s for s in samples[::7]) / len(samples[::7])
    return 10 * math.log10(mean_square / 32768**2) if mean_square else -math.inf


def mp3_info(audio: bytes) -> tuple[int, int, int, float]:
    """(sample rate, channels, bitrate, seconds) as mutagen reads them."""
    info = MP3(io.BytesIO(audio)).info
    return info.sample_rate, info.channels, info.bitrate, info.length
