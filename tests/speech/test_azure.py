"""The Azure engine against a local stand-in speaking the REST contract (never the real service)."""

from __future__ import annotations

import time

import pytest

from audio_edition.errors import ConfigError, SpeechError
from audio_edition.speech import EngineSettings, RetryPolicy, Voice, create_engine
from audio_edition.speech.azure import AzureEngine, build_ssml, retry_after
from audio_edition.speech.mpeg import measure_mp3
from audio_edition.speech.retry import SpeechRefusedError, TransientSpeechError, call_with_retries
from audio_edition.speech.settings import AZURE_KEY_ENV, AZURE_REGION_ENV, AZURE_URL_ENV
from tests.speech.audio_checks import mp3_info
from tests.speech.azure_server import KEY, AzureServer, Fault

YUNYANG = Voice("azure", "zh-CN-YunyangNeural", rate="-5%", pitch="+2Hz", volume="+10%")
SENTENCES = ("国家统计局发布数据显示，今年粮食总产量再创新高。", "下一步怎么走？")
RETRY = RetryPolicy(attempts=3, base_delay=0.001, max_delay=0.01)


def engine_for(server: AzureServer, key: str = KEY) -> AzureEngine:
    return AzureEngine(
        EngineSettings(azure_key=key, azure_url=server.url, connect_timeout=5, receive_timeout=5)
    )


def test_speaks_each_sentence_as_real_mp3_with_measured_starts(azure_server: AzureServer) -> None:
    speech = engine_for(azure_server).synthesize(SENTENCES, YUNYANG)

    rate, channels, bitrate, seconds = mp3_info(speech.audio)
    assert (rate, channels, bitrate) == (24000, 1, 48000)
    assert speech.duration == pytest.approx(seconds, abs=0.05)
    # One request per sentence: the second starts where the first one's audio ends.
    assert [r.text for r in azure_server.requests] == list(SENTENCES)
    assert speech.sentence_starts[0] == 0.0
    assert 2 < speech.sentence_starts[1] < speech.duration


def test_requests_follow_the_rest_contract(azure_server: AzureServer) -> None:
    engine_for(azure_server).synthesize(SENTENCES[:1], YUNYANG)
    (request,) = azure_server.requests
    assert request.status == 200
    assert request.headers["Ocp-Apim-Subscription-Key"] == KEY
    assert request.headers["X-Microsoft-OutputFormat"] == "audio-24khz-48kbitrate-mono-mp3"
    assert request.headers["Content-Type"] == "application/ssml+xml"
    assert request.headers["User-Agent"].startswith("audio-edition/")
    assert request.voice == "zh-CN-YunyangNeural"
    assert request.prosody == {"rate": "-5%", "pitch": "+2Hz", "volume": "+10%"}


def test_text_is_escaped_in_the_ssml() -> None:
    ssml = build_ssml("A<B & “引号”", Voice("azure", "zh-CN-XiaoxiaoNeural"))
    assert "A&lt;B &amp; “引号”" in ssml and 'xml:lang="zh-CN"' in ssml


def test_a_wrong_key_is_one_clear_error_and_no_retry(azure_server: AzureServer) -> None:
    engine = engine_for(azure_server, key="wrong")
    with pytest.raises(SpeechRefusedError, match="HTTP 401.*check AZURE_SPEECH_KEY"):
        call_with_retries(lambda: engine.synthesize(SENTENCES, YUNYANG), RETRY, describe="article 01")
    assert azure_server.statuses() == [401]  # asked once, not once per attempt or sentence


def test_throttling_waits_as_long_as_the_service_asks(azure_server: AzureServer) -> None:
    azure_server.fail_next(Fault.HTTP_429)
    engine = engine_for(azure_server)
    speech, retries = call_with_retries(
        lambda: engine.synthesize(SENTENCES[:1], YUNYANG), RETRY, describe="x"
    )
    assert retries == 1 and speech.duration > 1
    first, second = azure_server.requests
    assert (first.status, second.status) == (429, 200)
    assert second.at - first.at >= 0.95  # Retry-After: 1, although the backoff alone is 1 ms


def test_a_retry_after_beyond_reason_fails_at_once(azure_server: AzureServer) -> None:
    azure_server.retry_after = "3600"
    azure_server.fail_next(Fault.HTTP_429)
    engine = engine_for(azure_server)
    with pytest.raises(SpeechError, match="asks to wait 3600 s"):
        call_with_retries(lambda: engine.synthesize(SENTENCES[:1], YUNYANG), RETRY, describe="x")
    assert azure_server.statuses() == [429]


@pytest.mark.parametrize("fault", [Fault.HTTP_500, Fault.CUT_BODY, Fault.CUT_FRAME])
def test_server_errors_and_cut_off_bodies_are_retried(azure_server: AzureServer, fault: Fault) -> None:
    azure_server.fail_next(fault)
    engine = engine_for(azure_server)
    with pytest.raises(TransientSpeechError):
        engine.synthesize(SENTENCES[:1], YUNYANG)
    speech = engine.synthesize(SENTENCES[:1], YUNYANG)  # the next attempt gets whole audio
    assert measure_mp3(speech.audio).complete


def test_a_body_cut_off_every_time_is_refused_after_the_retries(azure_server: AzureServer) -> None:
    azure_server.fail_matching("粮食", Fault.CUT_FRAME)
    engine = engine_for(azure_server)
    with pytest.raises(SpeechError, match="gave up after 3 attempts.*cut short"):
        call_with_retries(lambda: engine.synthesize(SENTENCES, YUNYANG), RETRY, describe="article 01")


def test_a_stall_is_transient(azure_server: AzureServer) -> None:
    azure_server.fail_next(Fault.STALL)
    engine = AzureEngine(EngineSettings(azure_key=KEY, azure_url=azure_server.url, receive_timeout=1))
    began = time.monotonic()
    with pytest.raises(TransientSpeechError, match="stalled"):
        engine.synthesize(SENTENCES[:1], YUNYANG)
    assert time.monotonic() - began < 5


def test_probe_answers_and_a_wrong_key_fails_it(azure_server: AzureServer) -> None:
    assert 0 <= engine_for(azure_server).probe(3.0) < 3.0
    with pytest.raises(SpeechRefusedError):
        engine_for(azure_server, key="wrong").probe(3.0)


def test_key_region_and_url_come_from_the_environment(
    azure_server: AzureServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ConfigError, match="no key; set AZURE_SPEECH_KEY"):
        create_engine("azure")
    monkeypatch.setenv(AZURE_KEY_ENV, KEY)
    with pytest.raises(ConfigError, match="no region; set AZURE_SPEECH_REGION"):
        create_engine("azure")
    monkeypatch.setenv(AZURE_REGION_ENV, "eastus")
    engine = create_engine("azure")
    assert isinstance(engine, AzureEngine)
    assert engine.url == "https://eastus.tts.speech.microsoft.com/cognitiveservices/v1"
    monkeypatch.setenv(AZURE_URL_ENV, azure_server.url)
    assert create_engine("azure").synthesize(SENTENCES[:1], YUNYANG).duration > 1


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after("7") == 7.0
    assert retry_after(None) is None and retry_after("soon") is None
    assert 0 <= retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # type: ignore[operator]


def test_mp3_measure_refuses_what_is_not_mp3() -> None:
    with pytest.raises(ValueError):
        measure_mp3(b"<html>busy</html>")
