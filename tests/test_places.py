"""Public and private: the output folder holds only what listeners get; the catalog, the speech
cache and the lock live in the state folder, which remembers the settings that built the output."""

from __future__ import annotations

import io
import json
import os
import shutil
import time
from pathlib import Path

import podcastparser
import pytest
from click.testing import CliRunner

from audio_edition.cli import main
from audio_edition.errors import ConfigError
from audio_edition.places import Places, claim_state, migrate_output, read_record
from audio_edition.publish import Show, publish_edition
from audio_edition.publish.catalog import list_editions, record_edition
from tests.publish.fixture_editions import make_edition

PUBLIC = "https://podcast.example.org/evening/"

OWNER = 'author = "某某日报社"\nowner_name = "某某日报社"\nowner_email = "podcast@paper.cn"\n'


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def public_files(out: Path) -> set[str]:
    return {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}


def feed_of(out: Path) -> tuple[str, list[str]]:
    """The channel title and the enclosure URLs, as a podcast app reads them."""
    feed = podcastparser.parse(PUBLIC, io.BytesIO((out / "feed.xml").read_bytes()))
    return feed["title"], [e["enclosures"][0]["url"] for e in feed["episodes"]]


def test_publishing_keeps_everything_private_out_of_the_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "output"
    manifest = make_edition(out, "2023-12-25")
    publish_edition(out, manifest, Show(base_url=PUBLIC))
    files = public_files(out)
    assert {"feed.xml", "articles.xml", "index.html", "cover.jpg", "2023-12-25/edition.json"} <= files
    assert not [f for f in files if f.startswith(".") or "/." in f or "catalog" in f]
    state = tmp_path / ".audio-edition"
    assert (state / "catalog.sqlite3").is_file() and (state / ".lock").is_file()
    assert read_record(state) is not None and read_record(state).out == out.absolute()  # type: ignore[union-attr]


def test_an_output_folder_of_an_earlier_version_is_migrated_once(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "output"
    manifest = make_edition(out, "2023-12-25")
    # What earlier versions left inside the output folder: the catalog, the speech cache, the lock.
    before = record_edition(out, manifest)
    entry = out / ".cache" / "speech" / "ab" / ("ab" + "0" * 62 + ".speech")
    entry.parent.mkdir(parents=True)
    entry.write_bytes(b"cached speech")
    (out / ".lock").write_text("", encoding="utf-8")

    first = runner.invoke(main, ["publish", str(out)])
    assert first.exit_code == 0, first.output
    state = tmp_path / ".audio-edition"
    assert (
        f"moved catalog.sqlite3, speech cache, lock from {out} to {state}; {out} now holds only what "
        "listeners get\n" in first.stderr
    )
    assert (
        not (out / "catalog.sqlite3").exists()
        and not (out / ".cache").exists()
        and not (out / ".lock").exists()
    )
    assert (state / "cache" / "speech" / "ab" / entry.name).read_bytes() == b"cached speech"
    [after] = list_editions(state)
    assert after.guid == before.guid  # the catalog moved; podcast apps see the same items

    again = runner.invoke(main, ["publish", str(out)])
    assert again.exit_code == 0 and "moved" not in again.output


def test_one_state_folder_serves_one_output_folder(tmp_path: Path) -> None:
    state = tmp_path / "state"
    claim_state(Places(tmp_path / "morning", state), None)
    with pytest.raises(ConfigError, match="belongs to output folder .*morning, not .*evening"):
        claim_state(Places(tmp_path / "evening", state), None)
    claim_state(Places(tmp_path / "morning", state), None)  # the same output again is fine


def test_publish_of_a_folder_uses_the_settings_that_built_it_from_any_directory(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    show_dir, elsewhere = tmp_path / "evening", tmp_path / "elsewhere"
    show_dir.mkdir()
    elsewhere.mkdir()
    settings = show_dir / "audio-edition.toml"
    settings.write_text(f'[show]\ntitle = "晚间新闻"\nbase_url = "{PUBLIC}"\n{OWNER}', encoding="utf-8")
    out = show_dir / "output"
    make_edition(out, "2023-12-25")
    first = runner.invoke(main, ["publish", "--config", str(settings)])
    assert first.exit_code == 0, first.output
    assert (show_dir / ".audio-edition" / "catalog.sqlite3").is_file()

    # Another show's settings where the command now runs must not be what gets published.
    monkeypatch.chdir(elsewhere)
    (elsewhere / "audio-edition.toml").write_text('[show]\ntitle = "别的节目"\n', encoding="utf-8")
    (out / "feed.xml").unlink()
    again = runner.invoke(main, ["publish", str(out)])
    assert again.exit_code == 0, again.output
    title, (url,) = feed_of(out)
    assert (
        title == "晚间新闻"
        and url.startswith(PUBLIC + "media/2023-12-25/")
        and url.endswith("/2023-12-25-edition.mp3")
    )
    assert "warning" not in again.stderr  # a public base_url


def test_a_folder_no_state_knows_is_not_published_with_the_wrong_settings(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "audio-edition.toml").write_text('[show]\ntitle = "别的节目"\n', encoding="utf-8")
    stranger = tmp_path / "somewhere" / "podcast"
    make_edition(stranger, "2023-12-25")
    result = runner.invoke(main, ["publish", str(stranger)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"audio-edition: {stranger}: no state folder records which settings built it, "
        f"and audio-edition.toml builds output; pass --config FILE (or --state DIR) "
        f"for {stranger}\n"
    )
    assert not (stranger / "feed.xml").exists()


def test_the_state_folder_can_be_named_by_flag_or_environment(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "output"
    make_edition(out, "2023-12-25")
    by_env = runner.invoke(
        main, ["publish", "-q", str(out)], env={"AUDIO_EDITION_STATE": str(tmp_path / "env")}
    )
    assert by_env.exit_code == 0, by_env.output
    assert (tmp_path / "env" / "catalog.sqlite3").is_file()
    by_flag = runner.invoke(
        main,
        ["publish", "-q", str(out), "--state", str(tmp_path / "flag")],
        env={"AUDIO_EDITION_STATE": str(tmp_path / "env")},
    )
    assert by_flag.exit_code == 0, by_flag.output  # the flag wins over the environment
    assert (tmp_path / "flag" / "catalog.sqlite3").is_file()
    assert not (tmp_path / ".audio-edition").exists()


def test_migration_merges_a_cache_into_an_existing_one(tmp_path: Path) -> None:
    places = Places(tmp_path / "output", tmp_path / "state")
    old = places.out / ".cache" / "speech" / "cd" / "cd1.speech"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"old")
    kept = places.speech_cache / "ef" / "ef1.speech"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"kept")
    assert migrate_output(places) == ("speech cache",)
    assert (places.speech_cache / "cd" / "cd1.speech").read_bytes() == b"old" and kept.read_bytes() == b"kept"
    assert not (places.out / ".cache").exists()
    assert migrate_output(places) == ()


def test_cache_size_and_prune(tmp_path: Path, runner: CliRunner) -> None:
    state = tmp_path / "state"
    cache = state / "cache" / "speech"
    now = time.time()
    for name, age_days, size in (("aa1", 40, 1000), ("aa2", 5, 2000), ("bb1", 31, 4000)):
        path = cache / name[:2] / f"{name}.speech"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(bytes(size))
        os.utime(path, (now - age_days * 86400, now - age_days * 86400))
    size = runner.invoke(main, ["cache", "size", "--state", str(state), "--json"])
    assert size.exit_code == 0, size.output
    assert json.loads(size.stdout) == {"folder": str(cache), "entries": 3, "bytes": 7000}
    pruned = runner.invoke(main, ["cache", "prune", "--older-than", "30d", "--state", str(state)])
    assert pruned.exit_code == 0, pruned.output
    assert pruned.stdout == f"removed 2 entries (0.0 MB) from {cache}; 1 entries (0.0 MB) left\n"
    assert [p.name for p in cache.rglob("*.speech")] == ["aa2.speech"]
    assert not (cache / "bb").exists()
    bad = runner.invoke(main, ["cache", "prune", "--older-than", "a month", "--state", str(state)])
    assert bad.exit_code == 2
    assert bad.stderr == "audio-edition: --older-than 'a month' is not an age; write it like 30d, 12h or 2w\n"


def _project(root: Path) -> Path:
    root.mkdir(parents=True)
    settings = root / "audio-edition.toml"
    settings.write_text(f'[show]\ntitle = "晚间新闻"\nbase_url = "{PUBLIC}"\n{OWNER}', encoding="utf-8")
    make_edition(root / "output", "2023-12-25")
    result = CliRunner().invoke(main, ["publish", "--config", str(settings)])
    assert result.exit_code == 0, result.output
    return settings


@pytest.mark.parametrize("how", ["move", "copy", "legacy-move"])
def test_a_project_folder_moved_or_copied_publishes_without_hand_work(tmp_path: Path, how: str) -> None:
    old = tmp_path / "old" / "project"
    _project(old)
    record = old / ".audio-edition" / "state.json"
    assert not Path(json.loads(record.read_text(encoding="utf-8"))["out"]).is_absolute()
    if how == "legacy-move":  # an earlier version's absolute record
        record.write_text(
            json.dumps({"out": str(old / "output"), "settings": str(old / "audio-edition.toml")}),
            encoding="utf-8",
        )
    new = tmp_path / "elsewhere" / "project"
    new.parent.mkdir()
    (shutil.copytree if how == "copy" else shutil.move)(old, new)
    make_edition(new / "output", "2023-12-26")
    # From the output folder alone (the settings found through the record), and with --config.
    for args in (["publish", str(new / "output")], ["publish", "--config", str(new / "audio-edition.toml")]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
    assert "2023-12-26" in (new / "output" / "feed.xml").read_text(encoding="utf-8")
    if how == "copy":  # the original is untouched and still its own project
        assert "2023-12-26" not in (old / "output" / "feed.xml").read_text(encoding="utf-8")
        assert CliRunner().invoke(main, ["publish", str(old / "output")]).exit_code == 0
