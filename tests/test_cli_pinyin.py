"""`audio-edition pinyin`, as an editor checking a reading before synthesis meets it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from audio_edition.cli import main
from audio_edition.speech.mandarin import is_hanzi

SYLLABLE = re.compile(r"(?:[a-z]+[1-5]|\?)")


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_one_syllable_per_chinese_character_in_citation_tones() -> None:
    code, out, _ = run("pinyin", "银行行长了解到，绿色GDP增长5%。你好")
    assert code == 0
    # Latin letters, digits and punctuation are skipped; ü is v; 你好 keeps its citation tones.
    assert out == "yin2 hang2 hang2 zhang3 liao3 jie3 dao4 lv4 se4 zeng1 zhang3 ni3 hao3\n"


def test_sandhi_gives_the_tones_kokoro_is_given() -> None:
    code, out, _ = run("pinyin", "--sandhi", "你好，一样不对")
    assert (code, out) == (0, "ni2 hao3 yi2 yang4 bu2 dui4\n")


def test_spoken_reads_what_the_voice_will_hear() -> None:
    code, out, _ = run("pinyin", "--spoken", "GDP增长5%")
    assert code == 0
    # 百分之五 after 增长; the letters spelled as the offline voices spell them (记地批).
    assert out.split()[-6:] == ["zeng1", "zhang3", "bai3", "fen1", "zhi1", "wu3"]
    assert len(out.split()) == 9


def test_stdin_gives_one_line_per_line() -> None:
    lines = ["为确保安全，景区限流。", "", "   ", "ABC 123", "二〇二三年"]
    stdin = ("\ufeff" + "\r\n".join(lines)).encode("utf-8")  # BOM, CRLF, no final newline
    code, out, _ = run("pinyin", "-", stdin=stdin)
    assert code == 0
    assert out.split("\n") == [
        "wei4 que4 bao3 an1 quan2 jing3 qu1 xian4 liu2",
        "",
        "",
        "",  # nothing Chinese on the line: an empty line keeps the pairing
        "er4 ling2 er4 san1 nian2",  # 〇 is read as 零, as the voices read it
        "",
    ]


def test_the_lexicons_pin_is_shown(tmp_path: Path) -> None:
    lexicon = tmp_path / "my.toml"
    lexicon.write_text('[[entry]]\ntext = "朝阳"\npinyin = "zhao1 yang2"\n', encoding="utf-8")
    assert run("pinyin", "朝阳区")[1].split()[:2] == ["chao2", "yang2"]
    assert run("pinyin", "--lexicon", str(lexicon), "朝阳区")[1].split()[:2] == ["zhao1", "yang2"]


def test_a_line_that_is_not_utf8_is_one_clear_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "audio_edition", "pinyin", "-"],
        input="你好\n".encode("gb18030") + "银行".encode("gb18030"),
        capture_output=True,
    )
    assert result.returncode != 0
    assert result.stderr.decode().strip().splitlines() == [
        "audio-edition: line 1 is not UTF-8; convert it first, e.g. iconv -f gb18030 -t utf-8"
    ]


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="银行长了解为还钱重朝鲜〇aZ9 ，。！“”", max_size=30))
def test_every_chinese_character_gets_exactly_one_syllable(line: str) -> None:
    code, out, _ = run("pinyin", line.replace("\n", ""))
    assert code == 0
    syllables = out.rstrip("\n").split()
    assert len(syllables) == sum(1 for c in line if is_hanzi(c) or c == "〇")
    assert all(SYLLABLE.fullmatch(s) for s in syllables)


def test_a_missing_polyphone_model_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from audio_edition.speech import mandarin

    fresh = mandarin.PolyphoneModel(tmp_path)  # an empty folder: as if g2pM's files were gone
    monkeypatch.setattr(
        mandarin.MandarinReader.__init__, "__kwdefaults__", {"sandhi": True, "polyphones": fresh}
    )
    code, out, err = run("pinyin", "银行")
    assert code != 0 and out == ""
    assert err.strip().splitlines() == [
        f"audio-edition: {tmp_path / 'np_ckpt.pkl'}: cannot read the polyphone model (No such file or directory); "
        "run: pip install --force-reinstall 'g2pM==0.1.2.5'"
    ]
