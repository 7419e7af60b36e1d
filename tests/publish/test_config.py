"""The show settings: defaults, the starter file, and one clear error per bad key."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from audio_edition.errors import ConfigError
from audio_edition.publish.config import (
    CONFIG_NAME,
    DEFAULT_BASE_URL,
    Show,
    load_show,
    write_starter_config,
)


def test_no_file_gives_defaults_served_by_serve_at_its_default_address(tmp_path: Path) -> None:
    show = load_show(None, cwd=tmp_path)
    assert show == Show()
    assert show.base_url == DEFAULT_BASE_URL == "http://127.0.0.1:8000/"
    assert show.language == "zh-cn" and show.timezone == "Asia/Shanghai"


def test_starter_file_loads_to_the_defaults_and_is_commented(tmp_path: Path) -> None:
    path = write_starter_config(tmp_path / CONFIG_NAME)
    text = path.read_text(encoding="utf-8")
    assert text.count("#") >= 10
    show = load_show(path)
    assert show == Show(id=show.id)  # the defaults, and a fresh id of its own
    assert show.id is not None and uuid.UUID(show.id).version == 4
    assert load_show(write_starter_config(tmp_path / "other.toml")).id != show.id
    assert load_show(write_starter_config(path, force=True)).id == show.id  # --force keeps the show's id
    assert load_show(None, cwd=tmp_path) == show  # found in the working folder


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    path = tmp_path / CONFIG_NAME
    path.write_text('[show]\ntitle = "mine"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="already exists.*--force"):
        write_starter_config(path)
    assert "mine" in path.read_text(encoding="utf-8")
    write_starter_config(path, force=True)
    assert load_show(path).title == Show().title


def test_settings_are_read_and_normalised(tmp_path: Path) -> None:
    (tmp_path / "art.png").write_bytes(b"not checked here")
    path = tmp_path / CONFIG_NAME
    path.write_text(
        '[show]\ntitle = "晚间新闻"\nlanguage = "ZH-CN"\ncategory = "Technology"\n'
        'base_url = "https://example.org/pod"\ncover = "art.png"\nexplicit = true\n'
        'timezone = "Europe/Berlin"\n[speech]\nvoice = "ignored here"\n',
        encoding="utf-8",
    )
    show = load_show(path)
    assert show.title == "晚间新闻"
    assert show.language == "zh-cn"
    assert show.category == "Technology" and show.subcategory is None
    assert show.base_url == "https://example.org/pod/"
    assert show.cover == (tmp_path / "art.png").resolve()
    assert show.explicit is True
    assert show.zone.key == "Europe/Berlin"


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('title = ""', "show.title"),
        ("title = 3", "show.title"),
        ('explicit = "no"', "show.explicit"),
        ('commercial = "yes"', "show.commercial"),
        ('language = "Chinese"', "show.language"),
        ('owner_email = "nobody"', "show.owner_email"),
        ('category = "Newz"', "show.category"),
        ('subcategory = "Golf"', "show.subcategory"),
        ('base_url = "ftp://example.org/"', "show.base_url"),
        ('base_url = "example.org"', "show.base_url"),
        ('link = "https://x.org/?a=1"', "show.link"),
        ('timezone = "Mars/Olympus"', "show.timezone"),
        ('cover = "missing.jpg"', "show.cover"),
        ('colour = "red"', "show.colour"),
    ],
)
def test_an_invalid_setting_names_its_key(tmp_path: Path, line: str, key: str) -> None:
    path = tmp_path / CONFIG_NAME
    path.write_text(f"[show]\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_show(path)
    assert f"{key}:" in str(caught.value)
    assert str(path) in str(caught.value)


def test_a_named_file_that_is_missing_or_not_toml_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such settings file.*audio-edition init"):
        load_show(tmp_path / "nope.toml")
    bad = tmp_path / CONFIG_NAME
    bad.write_text("[show\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_show(bad)
    bad.write_text('show = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="must be a table"):
        load_show(bad)


@pytest.mark.parametrize("value", ["0", "-3", '"100"', "true", "2.5"])
def test_feed_items_must_be_a_whole_number_of_at_least_one(tmp_path: Path, value: str) -> None:
    path = tmp_path / CONFIG_NAME
    path.write_text(f"[show]\nfeed_items = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"show\.feed_items: must be a whole number"):
        load_show(path)


def test_feed_items_is_read(tmp_path: Path) -> None:
    path = tmp_path / CONFIG_NAME
    path.write_text("[show]\nfeed_items = 30\n", encoding="utf-8")
    assert load_show(path).feed_items == 30 and Show().feed_items == 100
