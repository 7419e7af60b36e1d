"""Measuring an MP3 a service sent: its frames, its duration, and whether it was cut short.

A REST answer has no sentence events and no duration header, and a connection that closes early
can still look like a finished response. Walking the MPEG frame headers answers all three: each
header gives its frame's length and sample count, so the duration is exact (also for VBR), and a
last frame shorter than its header says means the body was cut off.
"""

from __future__ import annotations

from dataclasses import dataclass

# Layer III bitrates in kbit/s by index, for MPEG-1 and for MPEG-2/2.5.
_BITRATES = {
    1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
"""By the header's version bits: 3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5."""


@dataclass(frozen=True)
class Mp3Measure:
    """What the frame headers of an MP3 say."""

    frames: int
    sample_rate: int
    seconds: float
    complete: bool
    """False when the last frame is shorter than its header says: the body was cut off."""


def _skip_id3(data: bytes) -> int:
    if data[:3] == b"ID3" and len(data) >= 10:
        size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]  # syncsafe
        return 10 + size
    return 0


def measure_mp3(data: bytes) -> Mp3Measure:
    """Walk the MPEG Layer III frames of ``data``. ``ValueError`` when it is not such an MP3."""
    at = _skip_id3(data)
    frames = samples = 0
    sample_rate = 0
    while at + 4 <= len(data):
        header = int.from_bytes(data[at : at + 4], "big")
        if header >> 21 != 0x7FF:
            if frames and not any(data[at:]):  # zero padding after the last frame
                break
            raise ValueError(f"no MPEG frame header at byte {at}")
        version = (header >> 19) & 3
        layer = (header >> 17) & 3
        bitrate_index = (header >> 12) & 15
        rate_index = (header >> 10) & 3
        if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
            raise ValueError(f"not an MPEG Layer III frame at byte {at}")
        mpeg1 = version == 3
        bitrate = _BITRATES[1 if mpeg1 else 2][bitrate_index] * 1000
        rate = _SAMPLE_RATES[version][rate_index]
        padding = (header >> 9) & 1
        length = (144 if mpeg1 else 72) * bitrate // rate + padding
        if at + length > len(data):
            break  # the last frame is cut off
        sample_rate = rate
        frames += 1
        samples += 1152 if mpeg1 else 576
        at += length
    if not frames:
        raise ValueError("no complete MPEG frame")
    complete = at >= len(data) or not any(data[at:])
    return Mp3Measure(frames, sample_rate, samples / sample_rate, complete)
