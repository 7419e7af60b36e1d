"""Float samples → 16-bit mono WAV bytes: what the offline engines hand to the cache and ffmpeg."""

from __future__ import annotations

import io
import wave

import numpy as np
import numpy.typing as npt


def wav_bytes(samples: npt.NDArray[np.float32], gain: float, sample_rate: int) -> bytes:
    """``samples`` (−1…1) scaled by ``gain``, clipped and rounded to 16-bit PCM in a WAV file."""
    pcm = np.round(np.clip(samples * gain, -1.0, 1.0) * 32767.0).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(pcm.tobytes())
    return buffer.getvalue()
