"""Any settings file is read or refused with one line naming it: never a traceback, never NaN in
a pause, never a URL that cannot be written into a feed or handed to an S3 client."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audio_edition.cli import main
from audio_edition.errors import ConfigError
from audio_edition.settings import SCHEMA, load_settings


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return (
            "nan"
            if math.isnan(value)
            else ("inf" if value > 0 else "-inf")
            if math.isinf(value)
            else repr(value)
        )
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)  # a TOML basic string, \uD800 and all (TOML refuses that: an error)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


_URLS = st.sampled_from(
    [
        "https://podcast.example.org/daily/",
        "http://127.0.0.1:9000",
        "https://us er@x.org/",
        "https://u:p@x.org/",
        "file:///etc/passwd",
        'https://x.org/"a',
        "https://x.org:99999/",
        "https://x.org/?q=1",
        "http://",
        "not a url",
        "https://[::1/",
        "https://x.org/\x07",
        "ftp://x.org/",
        "https://例子.中国/播客/",
    ]
)
_SCALAR = st.one_of(st.booleans(), st.integers(-10, 10**20), st.floats(), st.text(max_size=20), _URLS)
_VALUE = st.one_of(
    _SCALAR, st.lists(_SCALAR, max_size=3), st.dictionaries(st.text(max_size=5), _SCALAR, max_size=2)
)
_TABLES = st.dictionaries(
    st.one_of(st.sampled_from(sorted(SCHEMA)), st.text(min_size=1, max_size=8)),
    st.dictionaries(
        st.one_of(
            st.sampled_from(sorted({k for t in SCHEMA.values() for k in t})), st.text(min_size=1, max_size=8)
        ),
        _VALUE,
        max_size=4,
    ),
    max_size=4,
)


def toml_document(tables: dict[str, dict[str, Any]]) -> str:
    return "".join(
        f"[{json.dumps(name)}]\n" + "".join(f"{json.dumps(k)} = {toml_value(v)}\n" for k, v in keys.items())
        for name, keys in tables.items()
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=st.one_of(_TABLES.map(toml_document), st.text(max_size=80)))
def test_any_settings_file_is_read_or_refused_with_one_line(tmp_path: Path, document: str) -> None:
    path = tmp_path / "audio-edition.toml"
    path.write_bytes(document.encode("utf-8", "surrogatepass"))
    try:
        loaded = load_settings(path)
    except ConfigError as error:
        assert str(error).startswith(str(path)) and "\n" not in str(error).split(": not valid TOML")[0]
        return
    pauses = loaded.script.pauses
    assert all(math.isfinite(getattr(pauses, f)) and 0 <= getattr(pauses, f) <= 60 for f in vars(pauses))
    for url in (loaded.show.base_url, loaded.publish.endpoint_url):
        if url is not None:
            parts = urlsplit(url)
            assert parts.scheme in ("http", "https") and parts.hostname and "@" not in parts.netloc
            assert not any(c in url for c in " \"'<>\\\x07")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tables=_TABLES)
def test_publish_with_any_settings_exits_0_or_2_with_one_line(
    tmp_path_factory: pytest.TempPathFactory, tables: dict[str, dict[str, Any]]
) -> None:
    folder = tmp_path_factory.mktemp("show")
    (folder / "audio-edition.toml").write_bytes(toml_document(tables).encode("utf-8", "surrogatepass"))
    result = CliRunner().invoke(
        main,
        ["publish", "--config", str(folder / "audio-edition.toml"), "--dry-run", "--to", str(folder / "www")],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        assert result.stderr.startswith("audio-edition: ") or result.stderr.startswith("Usage")


@pytest.mark.parametrize(
    "line",
    [
        "[script]\npause_after_headline = nan",
        "[script]\npause_after_headline = inf",
        '[show]\nbase_url = "https://u:p@x.org/"',
        '[show]\nbase_url = "https://x .org/"',
        '[show]\nbase_url = "https://x.org/\\"onload=x"',
        '[publish]\nendpoint_url = "file:///etc/passwd"',
        '[publish]\nendpoint_url = "http://exa mple"',
    ],
)
def test_malformed_values_are_refused_naming_the_setting(tmp_path: Path, line: str) -> None:
    path = tmp_path / "audio-edition.toml"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    table, key = line.split("\n")[0].strip("[]"), line.split("\n")[1].split(" =")[0]
    assert f"{table}.{key}" in str(error.value)


@pytest.mark.parametrize("document", ['["\\n"]\n', '[show]\n"a\\nb" = 1\n', '"\\u0007" = 1\n'])
def test_a_name_holding_a_line_break_is_named_on_one_line(tmp_path: Path, document: str) -> None:
    path = tmp_path / "audio-edition.toml"
    path.write_text(document, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert "\n" not in str(error.value) and "\x07" not in str(error.value)
