"""Polyphones for the offline voices: the model, how the reader uses it, and the CPP test set."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audio_edition.errors import ConfigError
from audio_edition.speech.mandarin import MandarinReader, is_hanzi
from audio_edition.speech.polyphone_rules import overrule
from audio_edition.speech.polyphones import Guess, PolyphoneModel, _installed_folder
from audio_edition.text.lexicon import parse_lexicon
from audio_edition.text.spoken import LETTER_NAMES

CPP = Path(__file__).resolve().parents[2].parent / "shared" / "peer_suites" / "g2pm_cpp"
needs_cpp = pytest.mark.skipif(not CPP.is_dir(), reason=f"the peer suites are not at {CPP}")

MODEL = PolyphoneModel()


def cpp_cases(split: str) -> list[tuple[str, int, str]]:
    """(sentence without the ▁ marks, index of the marked character, gold TONE3 with v for ü)."""
    sentences = (CPP / f"{split}.sent").read_text(encoding="utf-8").splitlines()
    golds = (CPP / f"{split}.lb").read_text(encoding="utf-8").splitlines()
    cases = []
    for marked, gold in zip(sentences, golds, strict=True):
        at = marked.index("▁")
        cases.append((marked[:at] + marked[at + 1] + marked[at + 3 :], at, gold.strip().replace("u:", "v")))
    return cases


def read_at(reader: MandarinReader, sentence: str, index: int) -> str:
    return reader.syllables(sentence)[sum(1 for c in sentence[:index] if is_hanzi(c))]


@needs_cpp
def test_the_offline_voices_read_97_percent_of_cpps_test_split() -> None:
    cases = cpp_cases("test")
    assert len(cases) == 10_254
    citation = MandarinReader(sandhi=False)
    right = sum(read_at(citation, s, i) == gold for s, i, gold in cases)
    assert right / len(cases) >= 0.97, f"{right / len(cases):.2%}"
    # Without the model, the same reader is pypinyin's tables alone: the model is what lifts it.
    tables = MandarinReader(sandhi=False, polyphones=None)
    sample = cases[::20]
    assert sum(read_at(tables, s, i) == gold for s, i, gold in sample) / len(sample) < 0.92


@needs_cpp
def test_kokoros_pinyin_with_sandhi_scores_the_same_leniently() -> None:
    # The gold writes citation tones; a third tone said as a second before another is sandhi.
    cases = cpp_cases("test")[::10]
    reader = MandarinReader(sandhi=True)
    right = 0
    for sentence, index, gold in cases:
        said = read_at(reader, sentence, index)
        right += said == gold or (gold.endswith("3") and said == gold[:-1] + "2")
    assert right / len(cases) >= 0.97


@needs_cpp
def test_the_model_chooses_as_g2pms_own_code_does() -> None:
    # g2pM's class is the plain path: ours batches the time steps in float32 and only limits the
    # choice to the character's own readings, so where g2pM picks one of those we must agree.
    g2pm = pytest.importorskip("g2pM").G2pM()
    compared = 0
    for sentence, _, _ in cpp_cases("dev")[::40]:
        theirs = g2pm(sentence, char_split=True, tone=True)
        for index, guess in MODEL.guesses(sentence).items():
            reading = theirs[index].replace("u:", "v")
            if reading in {r.replace("u:", "v") for r in g2pm.cedict[sentence[index]]}:
                assert guess.reading == reading, (sentence, index)
                compared += 1
    assert compared > 200


def test_a_polyphone_is_read_in_its_sentence() -> None:
    reader = MandarinReader(sandhi=False)
    assert reader.syllables("国务院任命张三为主任")[7] == "wei2"
    assert reader.syllables("朝鲜半岛局势")[:2] == ["chao2", "xian3"]
    assert reader.syllables("大桥全长三千米")[3] == "chang2"
    assert reader.syllables("电子商务")[:2] == ["dian4", "zi3"]
    plain = MandarinReader(sandhi=False, polyphones=None)
    assert plain.syllables("国务院任命张三为主任")[7] == "wei4"  # what the model fixes
    assert plain.syllables("朝鲜半岛局势")[1] == "xian1"


def test_pypinyins_phrase_table_keeps_its_phrases() -> None:
    # The model is as sure of le5 in 了解 as of anything: the table is right on everyday words.
    assert MODEL.guesses("记者了解到")[2].reading == "le5"
    reader = MandarinReader(sandhi=False)
    assert reader.syllables("记者了解到")[2] == "liao3"
    assert reader.syllables("各银行行长出席会议")[1:5] == ["yin2", "hang2", "hang2", "zhang3"]  # 银行 + 行长


def test_the_lexicons_pin_beats_the_model() -> None:
    lexicon = parse_lexicon('[[entry]]\ntext = "朝鲜"\npinyin = "zhao1 xian1"\n')  # odd on purpose
    assert MandarinReader(lexicon, sandhi=False).syllables("朝鲜半岛局势")[:2] == ["zhao1", "xian1"]
    assert MandarinReader(lexicon, sandhi=False).digest != MandarinReader(sandhi=False).digest


def test_the_model_names_itself_in_the_readers_digest() -> None:
    assert MandarinReader(sandhi=False).digest != MandarinReader(sandhi=False, polyphones=None).digest


def test_wei_for_the_preposition_in_news() -> None:
    reader = MandarinReader(sandhi=False)
    assert reader.syllables("为确保安全，景区限流")[0] == "wei4"
    assert reader.syllables("全心全意为人民服务")[4] == "wei4"
    assert reader.syllables("他被评为全国劳动模范")[3] == "wei2"
    assert reader.syllables("投资总额为五亿元")[4] == "wei2"
    assert reader.syllables("站在新的起点上，为“十四冬”助力")[7] == "wei4"
    assert reader.syllables("还为全国人民筑起屏障")[1] == "wei4"
    assert reader.syllables("参赛选手均为男性")[5] == "wei2"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="为人民服务提供面积五亿，。他是的", max_size=20))
def test_rules_change_only_wei_and_only_to_wei4(sentence: str) -> None:
    guesses = MODEL.guesses(sentence)
    changed = overrule(sentence, guesses)
    assert changed.keys() == guesses.keys()  # no letter names in this alphabet
    for index, guess in changed.items():
        if guess != guesses[index]:
            assert sentence[index] == "为" and guess.reading == "wei4" and guesses[index].reading == "wei2"
            assert sentence[index + 1 : index + 2] not in {"五", "亿", ""}  # never before an amount


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(sorted(LETTER_NAMES)), min_size=2, max_size=5),
    st.sampled_from(["", "增长", "股"]),
)
def test_spelled_letters_keep_their_names_reading(letters: list[str], after: str) -> None:
    # GDP reaches the offline voices as 记地批: the model must not read 地 as de5 nor 诶 (A) as xī.
    plain = MandarinReader(sandhi=False, polyphones=None)
    reader = MandarinReader(sandhi=False)
    spelled = "".join(LETTER_NAMES[c] for c in letters)
    sentence = f"去年{spelled}{after}了五个百分点"
    names = len(spelled)
    assert reader.syllables(sentence)[2 : 2 + names] == plain.syllables(spelled)


def test_the_letter_a_alone_is_ei() -> None:
    assert MandarinReader(sandhi=False).syllables("诶股市场")[0] == "ei2"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.text(alphabet="银行长了解为还钱重要数据得地着好人你a1", min_size=1, max_size=12), max_size=4)
)
def test_phrase_words_give_every_character_one_syllable(phrases: list[str]) -> None:
    reader = MandarinReader(sandhi=True)
    words = reader.phrase_words(phrases)
    assert len(words) == len(phrases)
    for phrase, phrase_words in zip(phrases, words, strict=True):
        assert "".join(w.text for w in phrase_words) == "".join(c for c in phrase if is_hanzi(c))
        assert all(len(w.syllables) == len(w.text) for w in phrase_words)
    # Without the model there is no context: phrase by phrase is the same.
    plain = MandarinReader(sandhi=True, polyphones=None)
    assert plain.phrase_words(phrases) == [plain.words(p) for p in phrases]


def test_a_changed_model_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "g2pM"
    shutil.copytree(_installed_folder(), folder)
    weights = folder / "np_ckpt.pkl"
    data = bytearray(weights.read_bytes())
    data[-10] ^= 1
    weights.write_bytes(bytes(data))
    with pytest.raises(ConfigError, match=r"np_ckpt\.pkl: not the file g2pM 0\.1\.2\.5 ships.*pip install"):
        PolyphoneModel(folder).guesses("行长")


def test_a_missing_model_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"cannot read the polyphone model.*pip install"):
        PolyphoneModel(tmp_path).is_polyphone("行")


def test_guesses_are_the_characters_own_readings() -> None:
    sentence = "重庆的重要会议重新召开，他还没还钱，了解行情"
    guesses = MODEL.guesses(sentence)
    assert {sentence[i] for i in guesses} >= {"重", "还", "行"}
    for guess in guesses.values():
        assert isinstance(guess, Guess) and 0.0 < guess.confidence <= 1.0
        assert guess.reading[-1] in "12345" and "u:" not in guess.reading


def test_without_g2pm_installed_the_error_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    model = PolyphoneModel()  # constructing needs nothing: the engines import without the model
    with pytest.raises(
        ConfigError, match=r"^the polyphone model is not installed; run: pip install 'g2pM==0\.1\.2\.5'$"
    ):
        model.guesses("行长")
