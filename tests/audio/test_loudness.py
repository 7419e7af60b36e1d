"""Planning pass two from pass one, and the limits on targets."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audio_edition.audio.loudness import (
    MAX_GAIN_DB,
    PEAK_MARGIN_DB,
    Loudness,
    LoudnessTarget,
    plan_adjustment,
)
from audio_edition.errors import ConfigError


def test_quiet_speech_gets_gain_and_no_limiter_when_peaks_allow() -> None:
    plan = plan_adjustment(Loudness(integrated=-24.0, lra=5.0, peak=-12.0), LoudnessTarget())
    assert plan.gain_db == pytest.approx(8.0)
    assert plan.limit is None
    assert plan.filter_chain() == "volume=8.00dB"


def test_peaky_speech_gets_a_delay_compensated_limiter() -> None:
    plan = plan_adjustment(Loudness(integrated=-24.0, lra=5.0, peak=-3.0), LoudnessTarget())
    assert plan.limit is not None and plan.limit < 10 ** (-1.0 / 20)
    assert "latency=true" in plan.filter_chain() and "level=false" in plan.filter_chain()


def test_silence_is_left_alone() -> None:
    plan = plan_adjustment(Loudness(integrated=-math.inf, lra=0.0, peak=-math.inf), LoudnessTarget())
    assert (plan.gain_db, plan.limit) == (0.0, None)


def test_the_encoders_loss_is_made_up() -> None:
    measured = Loudness(integrated=-20.0, lra=5.0, peak=-20.0)
    assert plan_adjustment(measured, LoudnessTarget(), encoder_gain_db=-0.4).gain_db == pytest.approx(4.4)


@pytest.mark.parametrize("integrated, peak", [(-50.0, -1.0), (0.0, -1.0), (-16.0, 1.0)])
def test_unreasonable_targets_are_refused(integrated: float, peak: float) -> None:
    with pytest.raises(ConfigError):
        LoudnessTarget(integrated=integrated, true_peak=peak)


@given(
    integrated=st.floats(min_value=-60.0, max_value=-5.0),
    peak=st.floats(min_value=-40.0, max_value=0.0),
)
def test_planned_peaks_never_exceed_the_ceiling(integrated: float, peak: float) -> None:
    target = LoudnessTarget()
    plan = plan_adjustment(Loudness(integrated, 5.0, peak), target)
    assert abs(plan.gain_db) <= MAX_GAIN_DB
    ceiling = target.true_peak - PEAK_MARGIN_DB
    peak_after = peak + plan.gain_db
    if plan.limit is None:
        assert peak_after <= ceiling + 1e-9
    else:
        assert 20 * math.log10(plan.limit) < ceiling
