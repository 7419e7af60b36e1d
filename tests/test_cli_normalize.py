"""`audio-edition normalize` and `audio-edition lexicon check`, as a user or a script meets them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from audio_edition.cli import main

SAMPLE = Path(__file__).parent / "fixtures" / "2023-12-25.txt"


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_normalize_text() -> None:
    code, out, _ = run("normalize", "2023年1-11月份，投资同比增长73%。")
    assert code == 0
    assert out == "二零二三年一到十一月份，投资同比增长百分之七十三。\n"


def test_normalize_latin_for_the_offline_engine() -> None:
    code, out, _ = run("normalize", "--latin", "chinese", "GDP增长5.2%")
    assert (code, out) == (0, "记地批增长百分之五点二\n")


def test_stdin_gives_one_line_per_line() -> None:
    lines = ["拨打12345热线", "", "   ", "■上接第3版", "最低气温-8℃。", "无数字的一行。", "GDP"]
    stdin = ("\ufeff" + "\r\n".join(lines)).encode("utf-8")  # BOM, CRLF, no final newline
    code, out, _ = run("normalize", "-", stdin=stdin)
    assert code == 0
    assert out.split("\n") == [
        "拨打幺二三四五热线",
        "",
        "",
        "上接第三版",
        "最低气温零下八摄氏度。",
        "无数字的一行。",
        "GDP",
        "",  # the newline echo adds after the last line
    ]


def test_stdin_line_breaks_inside_a_line_do_not_add_lines() -> None:
    stdin = "第1行\u2028还是第1行\r\n第2行\x0c\n".encode("utf-8")
    code, out, _ = run("normalize", "-", stdin=stdin)
    assert code == 0
    assert out.count("\n") == 2
    assert out.splitlines()[0].startswith("第一行")


def test_stdin_that_is_not_utf8_is_refused() -> None:
    code, out, err = run("normalize", "-", stdin="第一行\n第二行".encode("gb18030"))
    assert code == 2
    assert err == "audio-edition: line 1 is not UTF-8; convert it first, e.g. iconv -f gb18030 -t utf-8\n"


def test_an_argument_that_is_not_utf8_is_refused_in_one_line() -> None:
    # A real process: the shell hands over GB18030 bytes, Python makes surrogate escapes of them.
    script = "from audio_edition.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", script, "normalize", "第一行".encode("gb18030")],
        capture_output=True,
        timeout=60,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "audio-edition: line 1 is not UTF-8; convert it first, e.g. iconv -f gb18030 -t utf-8\n"
    )


def test_custom_lexicon_wins(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon.toml"
    lexicon.write_text('[[entry]]\ntext = "六安"\nsay = "陆安"\n', encoding="utf-8")
    code, out, _ = run("normalize", "--lexicon", str(lexicon), "六安2023年")
    assert (code, out) == (0, "陆安二零二三年\n")


def test_bad_lexicon_is_one_line_naming_the_entry(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon.toml"
    lexicon.write_text('# mine\n[[entry]]\ntext = "六安"\npinyin = "lu4"\n', encoding="utf-8")
    code, out, err = run("normalize", "--lexicon", str(lexicon), "六安")
    assert code == 2
    assert out == ""
    assert err == (
        f"audio-edition: {lexicon}:2: pinyin has 1 syllables but '六安' has 2 Chinese characters; "
        "give one syllable per character\n"
    )


def test_pipe_through_a_real_process() -> None:
    script = "from audio_edition.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", script, "normalize", "-"],
        input="1/5的羊肉\n\n温度-5～3℃\n".encode(),
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.decode("utf-8") == "五分之一的羊肉\n\n温度零下五到三摄氏度\n"


def test_lexicon_check_lists_where_entries_fire() -> None:
    code, out, _ = run("lexicon", "check", str(SAMPLE))
    assert code == 0
    assert "十四冬 → 十四冬 [shi2 si4 dong1]" in out
    assert "article 2 headline: “[十四冬]”志愿者第一次基" in out
    assert "和林格尔" in out


def test_lexicon_check_json(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon.toml"
    lexicon.write_text('[[entry]]\ntext = "根河"\npinyin = "gen1 he2"\n', encoding="utf-8")
    code, out, _ = run("lexicon", "check", "--lexicon", str(lexicon), "--json", str(SAMPLE))
    assert code == 0
    report = json.loads(out)
    assert report["lexicons"][-1] == str(lexicon)  # over the shipped lexicon
    hits = [h for h in report["hits"] if h["file"] == str(lexicon)]
    assert len(hits) >= 5
    assert {h["text"] for h in hits} == {"根河"}
    assert {h["text"] for h in report["hits"]} > {"根河"}  # the shipped entries fire too
    assert all(h["pinyin"] == "gen1 he2" and h["line"] == 1 for h in hits)
    assert all("[根河]" in h["context"] for h in hits)


def test_lexicon_check_missing_lexicon(tmp_path: Path) -> None:
    code, _, err = run("lexicon", "check", "--lexicon", str(tmp_path / "none.toml"), str(SAMPLE))
    assert code == 2
    assert err == f"audio-edition: {tmp_path / 'none.toml'}: lexicon not found\n"
