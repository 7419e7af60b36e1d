"""`audio_edition.api`: options merged in one place, and results whose to_json() is what the
command prints (the command and the API run side by side on the same input)."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import podcastparser
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from audio_edition import api
from audio_edition.cli import main
from audio_edition.errors import ConfigError
from audio_edition.speech.registry import ENGINE_CHOICES
from audio_edition.speech.settings import DEFAULT_JOBS
from tests.publish.fixture_editions import make_edition

SAMPLE = Path(__file__).parent / "fixtures" / "2023-12-25.txt"
PUBLIC_SHOW = """[show]
base_url = "https://podcast.example.net/daily/"
owner_email = "editor@paper.example.net"
author = "The Paper"
owner_name = "The Paper"
"""


@settings(max_examples=40, deadline=None)
@given(
    flag=st.none() | st.integers(1, 64),
    setting=st.none() | st.integers(1, 64),
    engine_flag=st.none() | st.sampled_from(ENGINE_CHOICES),
    engine_setting=st.none() | st.sampled_from(ENGINE_CHOICES),
)
def test_a_flag_wins_over_the_settings_file_which_wins_over_the_default(
    flag: int | None, setting: int | None, engine_flag: str | None, engine_setting: str | None
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "audio-edition.toml"
        lines = ["[build]"]
        lines += [f"jobs = {setting}"] if setting is not None else []
        lines += [f'engine = "{engine_setting}"'] if engine_setting is not None else []
        config.write_text("\n".join(lines) + "\n", encoding="utf-8")
        ws = api.open_workspace(config=config)
        options = api.build_options(ws, jobs=flag, engine=engine_flag)
    assert options.production.jobs == (flag or setting or DEFAULT_JOBS)
    assert options.engine == (engine_flag or engine_setting or "auto")
    assert options.out == ws.places.out and options.state == ws.places.state


@pytest.mark.parametrize("text", ["2023-13-01", "25.12.2023", "yesterday"])
def test_a_date_that_is_not_one_is_a_config_error_naming_the_flag(text: str) -> None:
    with pytest.raises(ConfigError, match=f"--date '{text}' is not a date; write it like 2023-12-25"):
        api.parse_date(text)


def test_the_plan_is_what_build_dry_run_json_prints(tmp_path: Path) -> None:
    out = tmp_path / "output"
    printed = CliRunner().invoke(
        main,
        [
            "build",
            str(SAMPLE),
            "--out",
            str(out),
            "--engine",
            "offline",
            "--voice",
            "offline-fast",
            "--dry-run",
            "--json",
        ],
    )
    assert printed.exit_code == 0, printed.output
    ws = api.open_workspace(out=out)
    options = api.build_options(ws, engine="offline", voice="offline-fast")
    report = api.plan(api.read_edition([SAMPLE]), options, ws.settings.show)
    assert report.to_json() == json.loads(printed.stdout)
    assert report.to_json()["tracks"][-1]["key"] == "99-closing"
    assert not out.exists()  # a plan writes nothing


def test_publish_is_what_publish_json_prints_and_the_feed_reads_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("audio-edition.toml").write_text(PUBLIC_SHOW, encoding="utf-8")
    for day in ("2023-12-25", "2023-12-26"):
        make_edition(Path("output"), day)
    target = tmp_path / "www"
    ws = api.workspace_of_output(None)
    preview = api.publish(api.publish_options(ws, to=str(target)), dry_run=True)
    assert not target.exists()  # a dry run copies nothing
    printed = CliRunner().invoke(main, ["publish", "--to", str(target), "--dry-run", "--json"])
    assert printed.exit_code == 0, printed.output
    assert preview.to_json() == json.loads(printed.stdout)
    assert preview.to_json()["sync"]["uploaded"] > 0

    report = api.publish(api.publish_options(ws, to=str(target)))
    published = report.to_json()
    assert published["editions"] == ["2023-12-26", "2023-12-25"]
    # A first publish: the dry run named every file the real run then uploaded, in its order.
    assert published["sync"]["files"] == preview.to_json()["sync"]["files"]
    assert published["sync"]["bytes"] == preview.to_json()["sync"]["bytes"]
    copied = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert sorted(published["sync"]["files"]) == copied
    feed = podcastparser.parse(published["feed_url"], (target / "feed.xml").open("rb"))
    assert [
        e["enclosures"][0]["url"].startswith("https://podcast.example.net/daily/") for e in feed["episodes"]
    ] == [True, True]
    again = CliRunner().invoke(main, ["publish", "--to", str(target), "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["sync"]["uploaded"] == 0  # the API's copy is the command's


def test_publish_refuses_a_public_target_with_the_starter_files_placeholders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("audio-edition.toml").write_text(
        '[show]\nbase_url = "https://podcast.example.net/"\n', encoding="utf-8"
    )
    make_edition(Path("output"), "2023-12-25")
    ws = api.workspace_of_output(None)
    with pytest.raises(ConfigError, match="placeholder"):
        api.publish(api.publish_options(ws, to=str(tmp_path / "www")))
    assert not (tmp_path / "www").exists() and not Path("output", "feed.xml").exists()


def test_a_dry_run_with_no_output_folder_is_the_same_one_line_error_as_the_real_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    real = CliRunner().invoke(main, ["publish"])
    dry = CliRunner().invoke(main, ["publish", "--dry-run"])
    assert real.stderr == "audio-edition: output: no such folder; build an edition first\n"
    assert (dry.exit_code, dry.stderr) == (real.exit_code, real.stderr) and real.exit_code != 0
    assert not Path("output").exists()


def test_remove_then_rebuild_the_catalog_and_the_feed_follows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for day in ("2023-12-24", "2023-12-25", "2023-12-26"):
        make_edition(Path("output"), day)
    ws = api.workspace_of_output(None)
    api.publish(api.publish_options(ws))
    with pytest.raises(ConfigError, match="'2023-12-32' is not a date"):
        api.remove(ws, ["2023-12-25", "2023-12-32"])
    assert Path("output", "2023-12-25").is_dir()  # a bad date stops the removal before anything
    result = api.remove(ws, ["2023-12-25"])
    assert (result.editions, result.pruned) == (("2023-12-26", "2023-12-24"), ("2023-12-25",))
    dates, published = api.rebuild(ws)
    assert sorted(dates) == ["2023-12-24", "2023-12-26"]
    feed = podcastparser.parse(published.feed_url, published.feed.open("rb"))
    assert len(feed["episodes"]) == 2


def test_the_build_and_publish_keep_superseded_audio_as_long_as_the_settings_say(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert api.build_options(api.workspace_of_output(None)).media_grace == dt.timedelta(days=7)
    Path("audio-edition.toml").write_text(PUBLIC_SHOW + "[publish]\nmedia_grace_days = 0\n", encoding="utf-8")
    ws = api.workspace_of_output(None)
    assert api.build_options(ws).media_grace == dt.timedelta(0)
    first = make_edition(Path("output"), "2023-12-25")
    api.publish(api.publish_options(ws))
    old = sorted(p.relative_to("output").as_posix() for p in Path("output", "media").rglob("*.mp3"))
    make_edition(Path("output"), first.date, article_seconds=2.0, frequency=523)
    assert api.publish(api.publish_options(ws), dry_run=True).to_json()["would_remove_superseded"] == old
    assert api.publish(api.publish_options(ws)).to_json()["pruned"] == []
    assert not [key for key in old if Path("output", key).exists()]
