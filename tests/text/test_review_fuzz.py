"""Any reviewed edition (markdown or JSON) is read or refused with one line: never a traceback,
never a control character or half a surrogate pair let through, and the reading warnings of a
page apply to it too (so ``--strict`` refuses a headline of megabytes)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audio_edition.cli import main
from audio_edition.errors import InputError
from audio_edition.text.articles import LONG_HEADLINE, Edition
from audio_edition.text.review import read_json, read_markdown

_UNSPEAKABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_CHINESE = st.text(alphabet="新闻报道内蒙古正文。，“”（）", min_size=1, max_size=20)
_ANY_TEXT = st.one_of(_CHINESE, st.text(max_size=30), st.sampled_from(["\ud800", "a\x00b", "\x07", "\u2028"]))
_JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), _ANY_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_ANY_TEXT, inner, max_size=4)),
    max_leaves=12,
)
_ARTICLE = st.fixed_dictionaries(
    {"paragraphs": st.one_of(st.lists(_ANY_TEXT, max_size=3), _JSON_VALUE)},
    optional={
        key: st.one_of(_ANY_TEXT, _JSON_VALUE)
        for key in ("headline", "section", "dateline", "byline", "kicker", "subtitle")
    }
    | {
        key: st.one_of(st.integers(-3, 10**30), _JSON_VALUE)
        for key in ("continued_from_page", "continued_on_page", "line")
    }
    | {
        "pages": st.one_of(st.lists(st.integers(-2, 9), max_size=3), _JSON_VALUE),
        "subheads": st.one_of(st.lists(_ANY_TEXT, max_size=2), _JSON_VALUE),
    },
)
_JSON_TEXT = st.one_of(
    st.builds(
        lambda a, ascii_only: json.dumps({"articles": a}, ensure_ascii=ascii_only),
        st.lists(_ARTICLE, max_size=3),
        st.booleans(),
    ),
    st.builds(json.dumps, _JSON_VALUE),
    st.sampled_from(
        [
            "[" * 100_000,
            '{"articles": [{"paragraphs": ["正文"], "line": ' + "9" * 5000 + "}]}",
            '{"articles": [{"headline": "\\ud800", "paragraphs": ["正文"]}]}',
            "NaN",
            '{"articles": [{"paragraphs": ["正文"], "line": NaN}]}',
        ]
    ),
    st.text(max_size=60),
)
_MD_LINE = st.one_of(
    st.builds(lambda h: f"# {h}", _ANY_TEXT),
    st.builds(lambda h: f"## {h}", _ANY_TEXT),
    st.builds(
        lambda k, v: f"{k}: {v}",
        st.sampled_from(["pages", "dateline", "section", "continued-on", "oops"]),
        _ANY_TEXT,
    ),
    st.just(""),
    st.just("<!--"),
    st.just("-->"),
    _ANY_TEXT,
)
_MARKDOWN = st.lists(_MD_LINE, max_size=12).map("\n".join)


def _clean(edition: Edition) -> None:
    for article in edition.articles:
        for value in (
            article.headline,
            article.dateline,
            article.byline,
            article.section,
            article.kicker,
            article.subtitle,
            *article.paragraphs,
            *article.subheads,
        ):
            assert value is None or not _UNSPEAKABLE.search(value), repr(value)


@settings(max_examples=300, deadline=None)
@given(_JSON_TEXT)
def test_any_json_is_read_clean_or_refused_with_one_line(text: str) -> None:
    try:
        edition = read_json(text, "2023-12-25.json")
    except InputError as error:
        assert "\n" not in str(error)
        return
    _clean(edition)


@settings(max_examples=300, deadline=None)
@given(_MARKDOWN)
def test_any_markdown_is_read_clean_or_refused_with_one_line(text: str) -> None:
    try:
        edition = read_markdown(text, "2023-12-25.md")
    except InputError as error:
        assert "\n" not in str(error)
        return
    _clean(edition)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.one_of(_JSON_TEXT, _MARKDOWN), suffix=st.sampled_from([".json", ".md"]))
def test_clean_gives_exit_0_or_one_line_and_exit_2(tmp_path: Path, body: str, suffix: str) -> None:
    path = tmp_path / f"2023-12-25{suffix}"
    path.write_bytes(body.encode("utf-8", "surrogatepass"))
    result = CliRunner().invoke(main, ["clean", "--json", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("audio-edition: ")


@pytest.mark.parametrize("suffix", [".json", ".md"])
def test_strict_refuses_a_headline_of_megabytes_in_a_review_as_on_a_page(tmp_path: Path, suffix: str) -> None:
    headline = "长" * 1_000_000
    path = tmp_path / f"2023-12-25{suffix}"
    if suffix == ".json":
        path.write_text(
            json.dumps({"articles": [{"headline": headline, "paragraphs": ["正文。"]}]}, ensure_ascii=False),
            encoding="utf-8",
        )
    else:
        path.write_text(f"# {headline}\n\n正文。\n", encoding="utf-8")
    assert (
        len(
            read_json(path.read_text(encoding="utf-8"), str(path)).warnings
            if suffix == ".json"
            else read_markdown(path.read_text(encoding="utf-8"), str(path)).warnings
        )
        == 1
    )
    result = CliRunner().invoke(main, ["clean", "--strict", str(path)])
    assert result.exit_code == 2 and f"headline of {len(headline):,} characters" in result.stderr
    assert LONG_HEADLINE < len(headline)


def test_a_control_character_in_json_never_reaches_a_headline(tmp_path: Path) -> None:
    path = tmp_path / "2023-12-25.json"
    path.write_text(
        json.dumps(
            {"articles": [{"headline": "标题\u0007\n", "paragraphs": ["正文。"]}]}, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["build", "--dry-run", "--engine", "offline", str(path)])
    assert result.exit_code == 2 and "U+0007" in result.stderr and result.stderr.count("\n") == 1
