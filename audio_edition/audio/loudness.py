"""Podcast loudness: two-pass EBU R128 normalization.

Pass one measures integrated loudness and sample peak with ffmpeg's ``ebur128`` filter (the R128 /
BS.1770 meter). Pass two applies one constant gain — what ffmpeg's ``loudnorm`` does in its linear
mode — and, only when that gain would push peaks over the ceiling, a look-ahead limiter with its
delay compensated (so chapter times do not move). The limiter holds sample peaks
``PEAK_MARGIN_DB + 0.3`` dB under the true-peak ceiling, which covers the inter-sample overshoot of
speech and of the MP3 encoder; so pass one measures sample peaks (``ebur128`` runs ~2× faster
without 4× oversampling) and the tests check true peak on the finished files. We do not run
``loudnorm`` itself: it resamples everything to 192 kHz and runs at ~35× real time here against
~250× for gain + limiter, and in its dynamic mode it rides the gain, which speech does not need.

Mono is measured as one channel (ffmpeg's default), the same way the tests and most podcast
checkers measure it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from audio_edition.errors import ConfigError

SILENCE_LUFS = -70.0
"""BS.1770's absolute gate: anything quieter is silence and gets no gain."""

MAX_GAIN_DB = 30.0
"""Never amplify more than this: a nearly silent clip is a fault, not a whisper to boost."""

PEAK_MARGIN_DB = 1.0
"""Headroom below the true-peak ceiling for what comes after the limiter, each adding a few tenths
of a dB over its sample peaks: inter-sample peaks, resampling 24 → 44.1 kHz, the MP3 encoder.
Measured on the sample edition: true peaks land 0.4–0.8 dB over the limiter's sample ceiling."""


@dataclass(frozen=True)
class LoudnessTarget:
    """Where audio should end up: integrated LUFS and the true-peak ceiling in dBTP."""

    integrated: float = -16.0
    true_peak: float = -1.0

    def __post_init__(self) -> None:
        if not -40.0 <= self.integrated <= -5.0:
            raise ConfigError(f"loudness target {self.integrated} LUFS is outside -40…-5 LUFS")
        if not -9.0 <= self.true_peak <= 0.0:
            raise ConfigError(f"true-peak ceiling {self.true_peak} dBTP is outside -9…0 dBTP")


@dataclass(frozen=True)
class Loudness:
    """A measurement: integrated loudness (LUFS), loudness range (LU), peak (dBFS)."""

    integrated: float
    lra: float
    peak: float
    """Sample peak (``ebur128_filter`` measures sample peaks; see the module notes)."""

    @property
    def is_silent(self) -> bool:
        """True when the gated loudness found nothing to measure."""
        return math.isinf(self.integrated) or self.integrated <= SILENCE_LUFS


@dataclass(frozen=True)
class Adjustment:
    """What pass two does: a gain in dB, and the limiter's sample ceiling when one is needed."""

    gain_db: float
    limit: float | None
    """Linear sample-peak ceiling (0.06–1) for ffmpeg's ``alimiter``, or None for no limiter."""
    overshoot_db: float = 0.0
    """How far over the ceiling the gain would push the peaks: what the limiter must take off."""

    def filter_chain(self) -> str:
        """The ffmpeg ``-af`` filter chain that applies this adjustment."""
        parts = [f"volume={self.gain_db:.2f}dB"]
        if self.limit is not None:
            # level=false: do not re-normalize after limiting; latency=true: remove the
            # look-ahead delay so every sample stays where the chapter times say it is.
            parts.append(f"alimiter=limit={self.limit:.4f}:level=false:latency=true")
        return ",".join(parts)


def plan_adjustment(measured: Loudness, target: LoudnessTarget, encoder_gain_db: float = 0.0) -> Adjustment:
    """Pass two from pass one: the gain that reaches ``target`` and a limiter if peaks need it.

    ``encoder_gain_db`` is what the encoder itself does to the level (LAME in mono plays back
    ~0.4 dB quieter than its input, measured by ``assemble.encoder_gain_db``); it is made up for
    here so the *encoded* file lands on the target.
    """
    if measured.is_silent:
        return Adjustment(gain_db=0.0, limit=None)
    wanted = target.integrated - measured.integrated - encoder_gain_db
    gain = max(-MAX_GAIN_DB, min(MAX_GAIN_DB, wanted))
    ceiling = target.true_peak - PEAK_MARGIN_DB - max(0.0, encoder_gain_db)
    peak_after = measured.peak + gain
    if peak_after <= ceiling:
        return Adjustment(gain_db=gain, limit=None)
    # A limiter that holds sample peaks a little under the ceiling; inter-sample peaks of speech
    # at 44.1 kHz rarely exceed sample peaks by more than a few tenths of a dB.
    limit = 10 ** ((ceiling - 0.3) / 20)
    return Adjustment(gain_db=gain, limit=max(0.0625, min(1.0, limit)), overshoot_db=peak_after - ceiling)


def loudness_from_summary(values: dict[str, float]) -> Loudness:
    """Build a :class:`Loudness` from the fields ``ffmpeg.parse_ebur128_summary`` returns."""
    return Loudness(integrated=values["integrated"], lra=values["lra"], peak=values["peak"])


def ebur128_filter() -> str:
    """The pass-one filter: the R128 meter with sample peaks, per-frame log lines kept quiet."""
    return "ebur128=peak=sample:framelog=verbose"
