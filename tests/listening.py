"""What a listener hears, measured by ffmpeg's own filters: where sound starts after a silence and
the loudness a podcast app would measure. Shared by the audio tests and the edition tests, and
independent of the product's own ffmpeg parsing (which they check)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def onsets(path: Path, *, threshold_db: int = -40, min_silence: float = 0.2) -> list[float]:
    """Where sound starts after each silence, on the file's own timeline (encoder delay included).

    ``-copyts`` keeps the MP3's start time (its encoder delay) in the timestamps, so these are the
    times a player that plays every decoded sample would show.
    """
    done = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", "-copyts", "-i", str(path),
         "-af", f"silencedetect=n={threshold_db}dB:d={min_silence}", "-f", "null", "-"],
        capture_output=True, text=True, errors="replace", check=True,
    )  # fmt: skip
    return [float(m) for m in re.findall(r"silence_end: (-?[\d.]+)", done.stderr)]


def ebur128(path: Path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) of ``path`` as ffmpeg's ebur128 filter measures them."""
    done = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True, text=True, errors="replace", check=True,
    )  # fmt: skip
    summary = done.stderr.rsplit("Summary:", 1)[1]
    integrated = re.search(r"I:\s+(-?[\d.]+) LUFS", summary)
    peak = re.search(r"Peak:\s+(-?[\d.]+) dBFS", summary)
    assert integrated and peak, summary
    return float(integrated.group(1)), float(peak.group(1))
