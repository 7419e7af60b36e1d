"""Voice presets: the shipped ones load, and mistakes are reported with the way out."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_edition.errors import ConfigError
from audio_edition.speech.edge import EDGE_VOICES
from audio_edition.speech.engine import Voice
from audio_edition.speech.presets import VOICES_DIR, load_preset, load_presets, parse_preset


def test_the_shipped_presets_cover_the_news_voices_and_offline() -> None:
    presets = load_presets()
    assert {"xiaoxiao", "yunyang", "yunjian", "offline"} <= set(presets)
    for preset in presets.values():
        if preset.engine == "edge":
            assert preset.body.voice_id in EDGE_VOICES
            assert preset.headline.voice_id in EDGE_VOICES
        assert preset.offline.engine == "offline"
        assert preset.description


def test_a_preset_may_give_headlines_their_own_voice() -> None:
    preset = parse_preset(
        "duet",
        'engine = "edge"\nvoice = "zh-CN-XiaoxiaoNeural"\nrate = "+5%"\n'
        '[headline]\nvoice = "zh-CN-YunyangNeural"\n',
    )
    assert preset.body == Voice("edge", "zh-CN-XiaoxiaoNeural", rate="+5%")
    # The headline voice inherits what it does not set.
    assert preset.headline == Voice("edge", "zh-CN-YunyangNeural", rate="+5%")
    assert preset.offline == Voice("offline", "baker")


def test_for_engine_swaps_every_part_to_the_offline_voice() -> None:
    preset = load_preset("duet")
    offline = preset.for_engine("offline")
    assert offline.body == offline.headline == preset.offline
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
    (tmp_path / "mine.toml").write_text('engine = "offline"\nvoice = "baker"\n', encoding="utf-8")
    assert list(load_presets(tmp_path)) == ["mine"]


def test_presets_live_in_the_repository_voices_folder() -> None:
    assert (VOICES_DIR / "xiaoxiao.toml").is_file()
