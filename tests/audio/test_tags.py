"""The mutagen wrapper: tags, lyrics, cover and chapters read back by mutagen and ffprobe."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mutagen.id3 import ID3, CTOCFlags
from mutagen.mp3 import MP3

from audio_edition.audio.manifest import Chapter
from audio_edition.audio.tags import Cover, Tags, read_tags, write_tags
from audio_edition.errors import AudioError

from .conftest import ToneMaker

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201a3e6b1d00000000049454e44ae426082"
)


def test_tags_and_lyrics_read_back_as_id3v2_4(tone: ToneMaker) -> None:
    mp3 = tone("a.mp3", 1.0)
    write_tags(
        mp3,
        Tags(title="“十四冬”志愿者", album="有声日报 2023年12月25日", artist="有声日报", date="2023-12-25",
             track=(2, 10), lyrics="全文。", cover=Cover(PNG_1PX, "image/png")),
    )  # fmt: skip
    tag = ID3(mp3)
    assert tag.version == (2, 4, 0)
    assert str(tag["TIT2"]) == "“十四冬”志愿者"
    assert str(tag["TALB"]) == "有声日报 2023年12月25日"
    assert str(tag["TPE1"]) == "有声日报"
    assert str(tag["TRCK"]) == "2/10"
    assert str(tag["TDRC"]) == "2023-12-25"
    assert tag.getall("USLT")[0].text == "全文。"
    assert tag.getall("APIC")[0].data == PNG_1PX
    assert MP3(mp3).info.length == pytest.approx(1.0, abs=0.1)  # the audio is still there


def test_chapters_have_ascii_ids_titles_in_tit2_and_an_ordered_toc(tone: ToneMaker) -> None:
    mp3 = tone("a.mp3", 3.0)
    chapters = (Chapter("开场", 0.0, 1.0), Chapter("新闻一", 1.0, 2.5, 1), Chapter("结束", 2.5, 3.0))
    write_tags(mp3, Tags(title="t", album="a", artist="a", date="2023-12-25", chapters=chapters))
    tag = read_tags(mp3)
    toc = tag.getall("CTOC")[0]
    assert toc.flags & CTOCFlags.TOP_LEVEL and toc.flags & CTOCFlags.ORDERED
    assert [i.rstrip("_") for i in toc.child_element_ids] == ["chp0", "chp1", "chp2"]
    for element_id, chapter in zip(toc.child_element_ids, chapters):
        assert element_id.isascii()
        chap = tag[f"CHAP:{element_id}"]
        assert (chap.start_time, chap.end_time) == (round(chapter.start * 1000), round(chapter.end * 1000))
        assert str(chap.sub_frames["TIT2"]) == chapter.title
    probed = subprocess.run(
        ["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(mp3)], capture_output=True, check=True
    )
    listed = sorted(
        (float(c["start_time"]), c["tags"]["title"]) for c in json.loads(probed.stdout)["chapters"]
    )
    assert listed == [(c.start, c.title) for c in chapters]


@pytest.fixture(scope="module")
def silent_mp3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three seconds of MP3, made once for the property below."""
    path = tmp_path_factory.mktemp("silence") / "silence.mp3"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono", "-t", "3",
                    "-b:a", "64k", str(path)], check=True)  # fmt: skip
    return path


@settings(max_examples=60, deadline=None)
@given(
    titles=st.lists(
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30),
        min_size=1,
        max_size=14,
    )
)
def test_chapters_are_stored_in_time_order_whatever_their_titles(
    titles: list[str], silent_mp3: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # ffmpeg 5.1 (and players built on it) lists CHAP frames in the order they are stored, and does not sort them.
    mp3 = tmp_path_factory.mktemp("order") / "a.mp3"
    shutil.copyfile(silent_mp3, mp3)
    chapters = tuple(Chapter(title, i * 0.2, (i + 1) * 0.2) for i, title in enumerate(titles))
    write_tags(mp3, Tags(title="t", album="a", artist="a", date="2023-12-25", chapters=chapters))
    stored = [(frame.start_time, str(frame.sub_frames["TIT2"])) for frame in read_tags(mp3).getall("CHAP")]
    assert stored == [(round(c.start * 1000), c.title) for c in chapters]


def test_ffprobe_lists_the_chapters_of_a_whole_edition_in_time_order(tone: ToneMaker) -> None:
    mp3 = tone("a.mp3", 13.0)
    titles = [
        "开场",
        "《习近平谈治国理政》第四卷英文版在内蒙古发行",
        "简讯1：近日，新右旗公安局开展禁毒宣传",
        "结束",
    ] * 3
    chapters = tuple(Chapter(title, float(i), float(i + 1)) for i, title in enumerate(titles))
    write_tags(mp3, Tags(title="t", album="a", artist="a", date="2023-12-25", chapters=chapters))
    probed = subprocess.run(
        ["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(mp3)], capture_output=True, check=True
    )
    listed = [(float(c["start_time"]), c["tags"]["title"]) for c in json.loads(probed.stdout)["chapters"]]
    assert listed == [(c.start, c.title) for c in chapters]  # as stored: no sorting here


def test_rewriting_replaces_the_old_tag(tone: ToneMaker) -> None:
    mp3 = tone("a.mp3", 1.0)
    write_tags(mp3, Tags(title="old", album="a", artist="a", date="2023-12-24", lyrics="旧"))
    write_tags(mp3, Tags(title="new", album="a", artist="a", date="2023-12-25"))
    tag = read_tags(mp3)
    assert str(tag["TIT2"]) == "new" and not tag.getall("USLT")


def test_a_missing_file_is_an_audio_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(AudioError, match="nope.mp3"):
        read_tags(tmp_path / "nope.mp3")
    with pytest.raises(AudioError, match="nope.mp3"):
        write_tags(tmp_path / "dir" / "nope.mp3", Tags(title="t", album="a", artist="a", date="2023"))
