"""The editor's own voices folder: presets and a lexicon beside the settings file, over the shipped ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.cli import main
from audio_edition.edition import BuildOptions, speech_session
from audio_edition.speech.presets import load_preset, load_presets
from audio_edition.text.lexicon import DEFAULT_LEXICON_PATH, lexicon_files, load_lexicons
from audio_edition.voices import SHIPPED, voice_folders

SAMPLE = Path(__file__).resolve().parents[1] / "articles" / "2023-12-25.txt"
SHIPPED_WORD = "和林格尔"
"""A word the shipped lexicon pins (he2 lin2 ge2 er3)."""


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A settings file with a voices/ folder: its own xiaoxiao, a new preset, and a lexicon."""
    (tmp_path / "audio-edition.toml").write_text('[show]\ntitle = "晨报"\n', encoding="utf-8")
    voices = tmp_path / "voices"
    voices.mkdir()
    (voices / "xiaoxiao.toml").write_text(
        'description = "our Xiaoxiao, slower"\nengine = "kokoro"\nvoice = "zf_xiaoxiao"\ngender = "female"\n'
        'rate = "-10%"\n',
        encoding="utf-8",
    )
    (voices / "anchor.toml").write_text(
        'description = "the evening anchor"\nengine = "kokoro"\nvoice = "zm_yunjian"\ngender = "male"\n',
        encoding="utf-8",
    )
    (voices / "lexicon.toml").write_text(
        f'[[entry]]\ntext = "{SHIPPED_WORD}"\nsay = "和林格尔"\npinyin = "he2 lin2 ge1 er3"\n'
        '[[entry]]\ntext = "乌兰察布"\npinyin = "wu1 lan2 cha2 bu4"\n',
        encoding="utf-8",
    )
    return tmp_path


def test_the_shipped_voices_are_package_data() -> None:
    assert SHIPPED.parent.name == "audio_edition"
    assert (SHIPPED / "xiaoxiao.toml").is_file() and DEFAULT_LEXICON_PATH.parent == SHIPPED
    assert voice_folders(None) == (SHIPPED,)


def test_an_editors_preset_replaces_the_shipped_one_of_the_same_name(newsroom: Path) -> None:
    folders = voice_folders(newsroom)
    assert folders == (SHIPPED, newsroom / "voices")
    presets = load_presets(folders)
    assert presets["xiaoxiao"].engine == "kokoro" and presets["xiaoxiao"].body.rate == "-10%"
    assert presets["xiaoxiao"].path == newsroom / "voices" / "xiaoxiao.toml"
    assert presets["anchor"].gender == "male"
    assert presets["yunyang"].path == SHIPPED / "yunyang.toml"  # the others are still there
    assert list(presets) == sorted(presets)
    assert load_preset("xiaoxiao").engine == "edge"  # without the folder: the shipped one


def test_the_editors_lexicon_wins_word_by_word(newsroom: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text('[[entry]]\ntext = "乌兰察布"\npinyin = "wu1 lan2 cha2 bu3"\n', encoding="utf-8")
    files = lexicon_files(newsroom, extra)
    assert files == (DEFAULT_LEXICON_PATH, newsroom / "voices" / "lexicon.toml", extra)
    assert (
        lexicon_files(newsroom, newsroom / "voices" / "lexicon.toml") == files[:2]
    )  # named twice, read once
    layered = load_lexicons(files)
    assert layered.pinyin_for(SHIPPED_WORD) == "he2 lin2 ge1 er3"  # the editor's reading, not the shipped
    assert layered.pinyin_for("乌兰察布") == "wu1 lan2 cha2 bu3"  # --lexicon over both
    shipped = load_lexicons([DEFAULT_LEXICON_PATH])
    assert len(layered) == len(shipped) + 1  # one word replaced, one added
    assert {e.origin for e in layered.entries} == {str(f) for f in files}


def test_voices_lists_the_editors_presets(newsroom: Path) -> None:
    result = CliRunner().invoke(main, ["voices", "--json", "--config", str(newsroom / "audio-edition.toml")])
    assert result.exit_code == 0, result.output
    presets = {p["name"]: p for p in json.loads(result.output)}
    assert presets["xiaoxiao"]["yours"] and presets["xiaoxiao"]["engine"] == "kokoro"
    assert presets["anchor"]["file"] == str(newsroom / "voices" / "anchor.toml")
    assert not presets["yunyang"]["yours"]
    text = CliRunner().invoke(main, ["voices", "--config", str(newsroom / "audio-edition.toml")])
    assert f"yours: {newsroom / 'voices' / 'anchor.toml'}" in text.output


def test_a_broken_preset_of_the_editors_is_one_line(newsroom: Path) -> None:
    (newsroom / "voices" / "anchor.toml").write_text('engine = "kokoro"\nvoice = \n', encoding="utf-8")
    result = CliRunner().invoke(main, ["voices", "--config", str(newsroom / "audio-edition.toml")])
    assert result.exit_code == 2
    assert result.output.startswith(
        f"audio-edition: voice preset {newsroom / 'voices' / 'anchor.toml'}: not valid TOML"
    )
    assert len(result.output.splitlines()) == 1


def test_a_dry_run_speaks_with_the_editors_preset_and_lexicon(newsroom: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--dry-run",
            "--json",
            "--engine",
            "offline",
            "--voice",
            "anchor",
            "--config",
            str(newsroom / "audio-edition.toml"),
            str(SAMPLE),
        ],
    )
    assert result.exit_code == 0, result.output
    plan = json.loads(result.output)
    assert plan["engine"] == "kokoro"
    assert any(SHIPPED_WORD in s for t in plan["tracks"] for s in t["spoken"])


def test_the_offline_engine_reads_the_editors_pinyin(newsroom: Path) -> None:
    # The text side and the engine read one lexicon: the pin beside the settings reaches Kokoro.
    def engine_for(lexicons: tuple[Path, ...]):  # type: ignore[no-untyped-def]
        options = BuildOptions(out=newsroom / "output", engine="offline", voice="offline", lexicons=lexicons)
        session = speech_session(options)
        return session.engine(session.decision.engine)

    shipped = engine_for(lexicon_files(None))
    editors = engine_for(lexicon_files(newsroom))
    assert shipped.version != editors.version  # the cache key names the pins
    assert shipped.phonemes(SHIPPED_WORD) != editors.phonemes(SHIPPED_WORD)
    unspaced = editors.phonemes(SHIPPED_WORD).replace(" ", "")
    assert unspaced == editors.phonemes("和林哥尔").replace(" ", "")  # 哥 is ge1: the editor's tone
