"""The online engine against a local server speaking the service's framing (never the real one)."""

from __future__ import annotations

import socket
import time

import pytest

from audio_edition.errors import SpeechError
from audio_edition.speech import EngineSettings, Voice, create_engine
from audio_edition.speech.edge import EdgeEngine
from audio_edition.speech.retry import TransientSpeechError
from audio_edition.speech.settings import EDGE_URL_ENV
from audio_edition.speech.timing import spoken_chars
from tests.speech.audio_checks import decode_pcm, mp3_info, rms_dbfs
from tests.speech.edge_server import Behavior, BoundaryStyle, EdgeServer, running_edge_server

XIAOXIAO = Voice("edge", "zh-CN-XiaoxiaoNeural")
SENTENCES = (
    "国家统计局发布数据显示，今年粮食总产量再创新高。",
    "专家表示，这为稳定物价打下了坚实基础！",
    "下一步怎么走？",
    "各地将继续加强高标准农田建设，确保粮食安全。",
)


def engine_for(server: EdgeServer, **settings: float) -> EdgeEngine:
    # Generous unless a test is about timeouts: a busy machine must not look like a stall.
    timeouts = {"connect_timeout": 5.0, "receive_timeout": 5.0, **settings}
    return EdgeEngine(EngineSettings(edge_url=server.url, **timeouts))


def test_speaks_real_mp3_with_one_start_per_sentence(edge_server: EdgeServer) -> None:
    speech = engine_for(edge_server).synthesize(SENTENCES, XIAOXIAO)

    rate, channels, bitrate, seconds = mp3_info(speech.audio)
    assert (rate, channels, bitrate) == (24000, 1, 48000)
    assert speech.duration == pytest.approx(seconds, abs=0.05)
    characters = sum(len(spoken_chars(s)) for s in SENTENCES)
    assert 3 <= characters / speech.duration <= 8
    assert rms_dbfs(decode_pcm(speech.audio)) > -30  # a tone, not silence
    assert len(speech.sentence_starts) == len(SENTENCES)
    assert speech.sentence_starts[0] == 0.0
    assert list(speech.sentence_starts) == sorted(speech.sentence_starts)
    assert speech.sentence_starts[-1] < speech.duration


def test_sends_voice_prosody_and_asks_for_sentence_boundaries(edge_server: EdgeServer) -> None:
    voice = Voice("edge", "zh-CN-YunyangNeural", rate="-5%", pitch="+2Hz", volume="+10%")
    engine_for(edge_server).synthesize(SENTENCES[:2], voice)

    (request,) = edge_server.requests
    assert request.voice == "Microsoft Server Speech Text to Speech Voice (zh-CN, YunyangNeural)"
    assert "pitch='+2Hz' rate='-5%' volume='+10%'" in request.ssml
    assert request.text == "".join(SENTENCES[:2])
    assert '"sentenceBoundaryEnabled":"true"' in request.config


@pytest.mark.parametrize("style", [BoundaryStyle.MERGED, BoundaryStyle.CLAUSES])
def test_starts_hold_when_the_service_cuts_sentences_differently(style: BoundaryStyle) -> None:
    with running_edge_server() as ours:
        expected = engine_for(ours).synthesize(SENTENCES, XIAOXIAO).sentence_starts
    with running_edge_server(boundaries=style) as theirs:
        got = engine_for(theirs).synthesize(SENTENCES, XIAOXIAO).sentence_starts

    assert len(got) == len(SENTENCES)
    # The fake service reads every character equally fast, so reading our starts off its
    # boundaries (merged or split) must land within a frame or two of the truth.
    assert got == pytest.approx(expected, abs=0.1)


@pytest.mark.parametrize(
    ("behavior", "times"),
    [
        (Behavior.HTTP_403, 2),  # edge-tts itself retries a 403 once (clock skew), so two
        (Behavior.HTTP_429, 1),
        (Behavior.HTTP_500, 1),
        (Behavior.CLOSE_MID_STREAM, 1),
        (Behavior.DROP_MID_STREAM, 1),
        (Behavior.STALL, 1),
        (Behavior.STALL_MID_STREAM, 1),
        (Behavior.NO_AUDIO, 1),
    ],
)
def test_each_service_failure_is_a_transient_error(
    edge_server: EdgeServer, behavior: Behavior, times: int
) -> None:
    engine = engine_for(edge_server, connect_timeout=1.0, receive_timeout=1.0)
    edge_server.fail_next(behavior, times)

    began = time.monotonic()
    with pytest.raises(TransientSpeechError):
        engine.synthesize(SENTENCES, XIAOXIAO)
    assert time.monotonic() - began < 8  # a stall is cut off by the receive timeout

    # The failure was the server's doing: the next request succeeds.
    assert engine_for(edge_server).synthesize(SENTENCES, XIAOXIAO).duration > 5


def test_a_wrong_service_path_is_not_retried(edge_server: EdgeServer) -> None:
    engine = EdgeEngine(EngineSettings(edge_url=edge_server.url.replace("/edge/v1", "/nowhere")))
    with pytest.raises(SpeechError) as raised:
        engine.synthesize(SENTENCES, XIAOXIAO)
    assert not isinstance(raised.value, TransientSpeechError)
    assert "404" in str(raised.value)


def test_an_unreachable_service_is_transient() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    engine = EdgeEngine(EngineSettings(edge_url=f"ws://127.0.0.1:{port}/edge/v1", connect_timeout=1))
    with pytest.raises(TransientSpeechError, match="connection failed"):
        engine.synthesize(SENTENCES, XIAOXIAO)


def test_a_malformed_voice_is_refused_before_connecting(edge_server: EdgeServer) -> None:
    with pytest.raises(SpeechError, match="rate"):
        engine_for(edge_server).synthesize(SENTENCES, Voice("edge", "zh-CN-XiaoxiaoNeural", rate="fast"))
    assert edge_server.connections == 0


def test_the_service_url_comes_from_the_environment(
    edge_server: EdgeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(EDGE_URL_ENV, edge_server.url)
    engine = create_engine("edge")  # through the registry, settings from the environment
    assert engine.synthesize(SENTENCES[:1], XIAOXIAO).duration > 1
    assert len(edge_server.requests) == 1


def test_the_proxy_setting_is_used(edge_server: EdgeServer) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead_proxy = f"http://127.0.0.1:{sock.getsockname()[1]}"
    engine = EdgeEngine(EngineSettings(edge_url=edge_server.url, proxy=dead_proxy, connect_timeout=1))
    with pytest.raises(TransientSpeechError):
        engine.synthesize(SENTENCES[:1], XIAOXIAO)
    assert edge_server.connections == 0  # the request went to the proxy, not around it


def test_proxy_environment_variables_are_honoured(
    edge_server: EdgeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead_proxy = f"http://127.0.0.1:{sock.getsockname()[1]}"
    monkeypatch.setenv("HTTP_PROXY", dead_proxy)
    monkeypatch.setenv("http_proxy", dead_proxy)
    monkeypatch.delenv("NO_PROXY")
    monkeypatch.delenv("no_proxy")
    with pytest.raises(TransientSpeechError):
        engine_for(edge_server).synthesize(SENTENCES[:1], XIAOXIAO)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    assert engine_for(edge_server).synthesize(SENTENCES[:1], XIAOXIAO).duration > 1


def test_probe_reports_a_quick_answer_and_a_stall(edge_server: EdgeServer) -> None:
    engine = engine_for(edge_server)
    assert 0 <= engine.probe(2.0) < 2.0
    edge_server.fail_next(Behavior.STALL)
    began = time.monotonic()
    with pytest.raises(SpeechError):
        engine.probe(1.0)
    assert time.monotonic() - began < 6


def test_https_proxy_covers_the_secure_service_and_no_proxy_exempts(monkeypatch: pytest.MonkeyPatch) -> None:
    from audio_edition.speech.edge import proxy_for

    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("https_proxy", "http://proxy.example:3128")
    service = "wss://speech.platform.bing.com/consumer/speech/synthesize/readaloud/edge/v1?T=1"
    assert proxy_for(service, None) == "http://proxy.example:3128"
    assert proxy_for(service, "http://mine:8080") == "http://mine:8080"
    assert proxy_for("ws://127.0.0.1:9/edge/v1", None) is None  # NO_PROXY=127.0.0.1


def test_two_engines_with_their_own_urls_speak_at_once_without_touching_edge_tts() -> None:
    from concurrent.futures import ThreadPoolExecutor

    import edge_tts.communicate
    import edge_tts.constants

    with running_edge_server() as one, running_edge_server() as two:
        engines = [engine_for(one), engine_for(two)]
        with ThreadPoolExecutor(4) as pool:
            spoken = list(pool.map(lambda n: engines[n % 2].synthesize(SENTENCES[:1], XIAOXIAO), range(8)))
        assert all(s.duration > 1 for s in spoken)
        assert (len(one.requests), len(two.requests)) == (4, 4)  # each engine reached its own server
    # The library's module state is as it was: its other users still reach the real service.
    assert edge_tts.communicate.WSS_URL == edge_tts.constants.WSS_URL
