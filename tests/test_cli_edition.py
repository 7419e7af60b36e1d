"""Whole editions and the editor's review through the commands: `clean PAGE…`, `clean --format`,
`build` from pages, from markdown and from JSON, warnings and --strict."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from audio_edition.cli import main
from audio_edition.edition import BuildOptions, BuildPlan, run_plan
from audio_edition.publish import load_show

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "2023-12-25.txt"
EDITIONS = FIXTURES / "editions"
PAGES = [SAMPLE, *sorted(EDITIONS.glob("*.txt"))]
THREE_PAGES = [EDITIONS / f"2023-12-27-0{n}.txt" for n in (1, 2, 3)]


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def plan(*paths: Path) -> BuildPlan:
    return run_plan(list(paths), BuildOptions(engine="offline"), load_show(None))


def markdown_of(page: Path, folder: Path) -> Path:
    result = run("clean", "--format", "markdown", str(page))
    assert result.exit_code == 0, result.output
    written = folder / (page.stem + ".md")  # the date stays in the name: the edition's date
    written.write_text(result.stdout, encoding="utf-8")
    return written


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_the_markdown_of_a_page_plans_exactly_the_tracks_the_page_plans(page: Path, tmp_path: Path) -> None:
    from_page = plan(page)
    from_markdown = plan(markdown_of(page, tmp_path))
    assert from_markdown.date == from_page.date
    assert from_markdown.tracks == from_page.tracks


def test_editing_one_headline_changes_that_track_s_title_and_nothing_else(tmp_path: Path) -> None:
    written = markdown_of(SAMPLE, tmp_path)
    old, new = "让群众切身感受到主题教育实际成效", "主题教育见实效"
    text = written.read_text(encoding="utf-8")
    assert text.count(f"# {old}\n") == 1
    written.write_text(text.replace(f"# {old}\n", f"# {new}\n"), encoding="utf-8")
    before, after = plan(SAMPLE).tracks, plan(written).tracks
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    edited = next(i for i, t in enumerate(before) if t.title == old)
    assert changed == [0, edited]  # the opening's rundown names it, and the track itself
    assert after[edited].title == new and after[edited].key.startswith(before[edited].key[:3])
    assert after[edited].spoken[0] == new and after[edited].spoken[1:] == before[edited].spoken[1:]
    assert [s for s in after[0].spoken if new not in s] == [s for s in before[0].spoken if old not in s]


def test_build_reads_the_json_clean_wrote(tmp_path: Path) -> None:
    result = run("clean", "--json", str(SAMPLE))
    written = tmp_path / "2023-12-25.json"
    written.write_text(result.stdout, encoding="utf-8")
    assert plan(written).tracks == plan(SAMPLE).tracks


def test_a_broken_markdown_is_one_line_naming_the_line_and_exit_2(tmp_path: Path) -> None:
    written = markdown_of(SAMPLE, tmp_path)
    lines = written.read_text(encoding="utf-8").split("\n")
    at = lines.index("dateline: 本报巴彦淖尔12月24日电")
    lines[at] = "place: 巴彦淖尔"
    written.write_text("\n".join(lines), encoding="utf-8")
    run_ = subprocess.run(
        [sys.executable, "-m", "audio_edition", "build", "--dry-run", "--engine", "offline", str(written)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert run_.returncode == 2 and run_.stdout == ""
    assert run_.stderr == (
        f"audio-edition: {written}:{at + 1}: unknown key 'place'; the keys are kicker, subtitle, dateline, "
        "byline, section, pages, continued-from, continued-on\n"
    )


def test_a_markdown_goes_alone(tmp_path: Path) -> None:
    written = markdown_of(SAMPLE, tmp_path)
    result = run("build", "--dry-run", str(written), str(SAMPLE))
    assert result.exit_code == 2
    assert "a reviewed edition (markdown or JSON) is read on its own" in result.output


def test_json_format_is_the_json_flag() -> None:
    assert run("clean", "--format", "json", str(SAMPLE)).stdout == run("clean", "--json", str(SAMPLE)).stdout


def test_warnings_go_to_stderr_with_the_file_and_strict_makes_them_errors() -> None:
    # The three-page edition's last page continues an article from page 4, which is not given.
    result = run("clean", *map(str, THREE_PAGES))
    assert result.exit_code == 0
    warning = next(line for line in result.stderr.splitlines() if "page 4" in line)
    assert (
        warning.startswith(f"{THREE_PAGES[2]}")
        and ": warning: jump left open: “冰雪运动进校园活动火热开展”" in warning
    )
    assert "jump left open" not in result.stdout
    strict = run("clean", "--strict", *map(str, THREE_PAGES))
    assert strict.exit_code == 2 and strict.stdout == ""
    assert f"{THREE_PAGES[2]}" in strict.stderr and ": error: jump left open" in strict.stderr
    assert strict.stderr.splitlines()[-1].startswith("audio-edition: --strict: ")


def test_build_prints_the_warnings_and_json_lists_them(tmp_path: Path) -> None:
    result = run(
        "build", "--dry-run", "--json", "--engine", "offline", "--out", str(tmp_path), *map(str, THREE_PAGES)
    )
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)["warnings"]
    assert any(w["source"] == str(THREE_PAGES[2]) and "page 4" in w["message"] for w in listed)
    assert "page 4 is not among the pages" in result.stderr
    quiet = run(
        "build", "--dry-run", "--quiet", "--engine", "offline", "--out", str(tmp_path), *map(str, THREE_PAGES)
    )
    assert quiet.exit_code == 0 and quiet.output == ""
    strict = run("build", "--dry-run", "--strict", "--quiet", "--engine", "offline", "--out", str(tmp_path),
                 *map(str, THREE_PAGES))  # fmt: skip
    assert strict.exit_code == 2 and "error: jump left open" in strict.stderr and strict.stdout == ""


HEADLINE_FIRST = """乌兰察布冷链物流园投入使用

本报乌兰察布12月25日电 乌兰
察布新建的冷链物流园日前投入使
用，园区冷库容量达到五万吨，可
满足周边农畜产品的储存和中转需
求。

包头首条城市快速路全线通车

本报包头12月26日电 包头市首
条城市快速路日前全线通车，全长
二十八公里，将中心城区与高新区
的通行时间缩短一半。
"""


@pytest.mark.parametrize(("choice", "position", "headlines"), [
    ("auto", "before", ["乌兰察布冷链物流园投入使用", "包头首条城市快速路全线通车"]),
    ("before", "before", ["乌兰察布冷链物流园投入使用", "包头首条城市快速路全线通车"]),
    # Told wrongly, the reader does as it is told: each headline closes the article before it.
    ("after", "after", ["乌兰察布冷链物流园投入使用", "包头首条城市快速路全线通车", None]),
])  # fmt: skip
def test_headlines_tells_the_reader_where_headlines_stand(
    choice: str, position: str, headlines: list[str | None], tmp_path: Path
) -> None:
    written = tmp_path / "2023-12-25-05.txt"
    written.write_text(HEADLINE_FIRST, encoding="utf-8")
    data = json.loads(run("clean", "--json", "--headlines", choice, str(written)).stdout)
    assert data["pages"][0]["headlines"] == position and data["pages"][0]["number"] == 5
    assert [a["headline"] for a in data["articles"]] == headlines


def test_headlines_choice_is_checked() -> None:
    result = run("clean", "--headlines", "sideways", str(SAMPLE))
    assert result.exit_code == 2 and "'sideways' is not one of 'before', 'after', 'auto'" in result.output
