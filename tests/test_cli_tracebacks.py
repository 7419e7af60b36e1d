"""The last tracebacks: each is one line on stderr and a non-zero exit now."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.cli import main
from tests.publish.fixture_editions import make_edition

PUBLIC = "https://podcast.example.org/daily/"


@pytest.mark.parametrize(
    "environment, said",
    [
        ({"AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": ""}, "AWS_SECRET_ACCESS_KEY"),
        ({"AWS_PROFILE": "no-such-profile"}, "no-such-profile"),
        ({"AWS_ENDPOINT_URL": "file:///etc/passwd"}, "AWS_ENDPOINT_URL"),
        ({"AWS_ENDPOINT_URL": "http://exa mple"}, "AWS_ENDPOINT_URL"),
        ({"AWS_ENDPOINT_URL": "https://x.org:99999"}, "AWS_ENDPOINT_URL"),
    ],
)
def test_broken_aws_settings_are_one_line_before_anything_is_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], said: str
) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    settings = tmp_path / "audio-edition.toml"
    settings.write_text(
        f'[show]\nbase_url = "{PUBLIC}"\nauthor = "晚报编辑部"\nowner_name = "晚报编辑部"\nowner_email = "desk@podcast.example.org"\n',
        encoding="utf-8",
    )
    make_edition(tmp_path / "output", "2023-12-25")
    result = CliRunner().invoke(main, ["publish", "--config", str(settings), "--to", "s3://newsroom/daily"])
    assert result.exit_code == 2, result.output
    assert said in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "output" / "feed.xml").exists()  # refused before anything was written


def test_an_impossible_date_in_a_file_name_is_refused_not_today(tmp_path: Path) -> None:
    page = tmp_path / "2023-13-45.txt"
    page.write_text("本报讯 近日，一段正文。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--dry-run", "--engine", "offline", str(page)])
    assert result.exit_code == 2 and "2023-13-45 in the file name is not a date" in result.stderr
    given = CliRunner().invoke(
        main, ["build", "--dry-run", "--engine", "offline", "--date", "2023-12-25", str(page)]
    )
    assert given.exit_code == 0, given.output


def test_an_output_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    page = tmp_path / "2023-12-25.txt"
    page.write_text("本报讯 近日，一段正文。\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--out",
            "/proc/x",
            "--state",
            str(tmp_path / "state"),
            "--engine",
            "offline",
            "--voice",
            "offline-fast",
            "--quiet",
            str(page),
        ],
    )
    assert result.exit_code == 73, result.output
    assert result.stderr == "audio-edition: cannot write /proc/x: No such file or directory\n"
