"""`audio-edition clean`: what an editor and a script see."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from audio_edition.cli import main

SAMPLE = Path(__file__).parent / "fixtures" / "2023-12-25.txt"
EXPECTED = json.loads((SAMPLE.parent / "2023-12-25.expected.json").read_text(encoding="utf-8"))


def test_readable_view_numbers_articles_and_marks_subheads() -> None:
    result = CliRunner().invoke(main, ["clean", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert f"{SAMPLE}: 10 articles" in result.output
    assert " 4  让群众切身感受到主题教育实际成效" in result.output
    assert "    dateline: 本报巴彦淖尔12月24日电" in result.output
    assert "    byline: 记者 薛来" in result.output
    assert "    continued from page 3" in result.output
    assert "    § 储粮——国家“粮仓”“肉库”“奶罐”" in result.output
    assert " 6  [简讯]" in result.output


def test_json_is_the_design_schema_plus_sentences() -> None:
    result = CliRunner().invoke(main, ["clean", "--json", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["source"] == str(SAMPLE) and data["sources"] == [str(SAMPLE)]
    for got, want in zip(data["articles"], EXPECTED["articles"], strict=True):
        sentences = got.pop("sentences")
        # Beyond the design's fields: where the article came from (one page without a number).
        assert got.pop("pages") == [] and got.pop("continued_on_page") is None
        assert got.pop("kicker") is None and got.pop("subtitle") is None
        line = got.pop("line")
        assert line is None or isinstance(line, int)
        assert got == want
        rebuilt = ["" for _ in want["paragraphs"]]
        for sentence in sentences:
            rebuilt[sentence["paragraph"]] += sentence["text"]
        assert rebuilt == want["paragraphs"]
        assert all(len(s["text"]) <= 120 for s in sentences)


def test_max_chars_bounds_every_sentence() -> None:
    result = CliRunner().invoke(main, ["clean", "--json", "--max-chars", "30", str(SAMPLE)])
    sentences = [s for a in json.loads(result.output)["articles"] for s in a["sentences"]]
    assert max(len(s["text"]) for s in sentences) <= 30


def test_speech_shows_the_spoken_form_beneath_each_sentence() -> None:
    result = CliRunner().invoke(main, ["clean", "--speech", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = next(i for i, line in enumerate(lines) if "拨通12345热线" in line)
    assert lines[at + 1].strip().startswith("→") and "幺二三四五热线" in lines[at + 1]


def test_speech_json_adds_spoken_beside_each_sentence() -> None:
    result = CliRunner().invoke(main, ["clean", "--speech", "--json", str(SAMPLE)])
    sentences = [s for a in json.loads(result.output)["articles"] for s in a["sentences"]]
    assert all(set(s) == {"paragraph", "text", "spoken"} for s in sentences)
    assert not any(c.isdigit() for s in sentences for c in s["spoken"])


def test_bad_input_is_one_line_on_stderr_and_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    for path, message in [
        (empty, f"audio-edition: {empty}: the file is empty"),
        (binary, f"audio-edition: {binary}: looks like a binary file, not page text"),
        (tmp_path / "nope.txt", f"audio-edition: {tmp_path / 'nope.txt'}: no such file"),
    ]:
        run = subprocess.run(
            [sys.executable, "-m", "audio_edition", "clean", str(path)], capture_output=True, text=True
        )
        assert run.returncode == 2
        assert run.stdout == ""
        assert run.stderr.splitlines() == [message]
