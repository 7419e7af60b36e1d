"""The online engine: Microsoft Edge's neural voices through edge-tts (the only edge_tts import).

One ``synthesize`` call is one WebSocket request. Failures worth another try (403, 429, 5xx, a
dropped connection, a stall, no audio, a stream cut short) raise ``TransientSpeechError`` for the
batch layer to retry; anything else raises ``SpeechError``. ``AUDIO_EDITION_EDGE_URL`` (via
``EngineSettings.edge_url``) replaces edge-tts's service URL, for a relay or the tests' server.

edge-tts takes no URL argument: ``Communicate`` reads the module global ``WSS_URL`` when it
connects. Setting that global from worker threads would make two engines with different URLs race.
So an engine with its own URL gets its own ``Communicate`` subclass whose stream function is the
library's own code bound to a copy of the module's globals with ``WSS_URL`` replaced (see
``_communicate_for``): the library's module is never written to. The voice list is fetched the
same way.
"""

from __future__ import annotations

import asyncio
import functools
import math
import time
import types
import urllib.request
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import aiohttp
import edge_tts
import edge_tts.communicate
import edge_tts.constants
import edge_tts.voices
from edge_tts.exceptions import EdgeTTSException, NoAudioReceived, UnexpectedResponse, UnknownResponse
from edge_tts.typing import TTSChunk

from audio_edition.errors import SpeechError
from audio_edition.speech.engine import AudioFormat, Speech, Voice
from audio_edition.speech.neural import NEURAL_VOICES
from audio_edition.speech.retry import TransientSpeechError
from audio_edition.speech.settings import EngineSettings
from audio_edition.speech.timing import Boundary, incomplete, sentence_starts

MP3_BITRATE = 48_000
"""The service's ``audio-24khz-48kbitrate-mono-mp3``: constant bitrate, so bytes give duration."""
TICKS_PER_SECOND = 10_000_000

EDGE_VOICES: tuple[str, ...] = NEURAL_VOICES
"""The service's zh-CN voices (``audio-edition voices --online`` shows the live list)."""

_DEFAULT_WSS_URL: str = edge_tts.constants.WSS_URL
_DEFAULT_VOICE_LIST: str = edge_tts.constants.VOICE_LIST
_RETRY_STATUS = {403, 408, 429}


def _rebound(function: types.FunctionType, **overrides: object) -> types.FunctionType:
    """``function``'s own code, reading ``overrides`` instead of its module's globals of those names."""
    namespace = {**function.__globals__, **overrides}
    copy = types.FunctionType(
        function.__code__, namespace, function.__name__, function.__defaults__, function.__closure__
    )
    copy.__kwdefaults__ = function.__kwdefaults__
    return copy


@functools.lru_cache(maxsize=8)
def _communicate_for(url: str) -> type[edge_tts.Communicate]:
    """``edge_tts.Communicate`` connecting to ``url`` (the library's class for its default URL).

    Its private stream method is the one place that reads ``WSS_URL``; name-mangled, it is the
    attribute ``_Communicate__stream``. If a new edge-tts moves it, this fails loudly at once
    rather than silently speaking to the real service.
    """
    if url == _DEFAULT_WSS_URL:
        return edge_tts.Communicate
    stream = vars(edge_tts.Communicate).get("_Communicate__stream")
    if not isinstance(stream, types.FunctionType) or "WSS_URL" not in stream.__code__.co_names:
        raise SpeechError(
            f"edge-tts {edge_tts.__version__} no longer reads WSS_URL where expected; "
            "the service URL cannot be overridden with this version"
        )
    return type(
        "Communicate", (edge_tts.Communicate,), {"_Communicate__stream": _rebound(stream, WSS_URL=url)}
    )


def _with_query(url: str) -> str:
    """edge-tts appends ``&ConnectionId=…`` to the URL, so it needs a query string to append to."""
    return url if "?" in url else url + "?"


def voices_url(settings: EngineSettings) -> str:
    """The voice list URL: the override, else derived from an overridden service URL, else edge-tts's."""
    if settings.edge_voices_url:
        return _with_query(settings.edge_voices_url)
    if settings.edge_url:
        parts = urlsplit(settings.edge_url)
        scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
        path = parts.path.replace("/edge/v1", "/voices/list")
        return _with_query(urlunsplit((scheme, parts.netloc, path, parts.query, "")))
    return _DEFAULT_VOICE_LIST


def proxy_for(url: str, explicit: str | None) -> str | None:
    """The proxy for ``url``: ``explicit``, else the environment's, unless ``NO_PROXY`` exempts it.

    aiohttp alone would look up only ``WS_PROXY``/``WSS_PROXY`` for WebSocket URLs; people set
    ``HTTPS_PROXY`` (or ``ALL_PROXY``), so those count too, as curl and browsers treat them.
    """
    if explicit:
        return explicit
    parts = urlsplit(url)
    bypass: Callable[[str], bool] = getattr(urllib.request, "proxy_bypass_environment")  # noqa: B009 (untyped)
    if parts.hostname and bypass(parts.hostname):
        return None
    found = urllib.request.getproxies_environment()
    secure = parts.scheme in ("wss", "https")
    for key in ("wss", "https", "all") if secure else ("ws", "http", "all"):
        if found.get(key):
            return found[key]
    return None


def _joined(pieces: Sequence[str]) -> str:
    """Pieces as one text: Chinese needs no separator, but two Latin words must not fuse."""
    text = ""
    for piece in pieces:
        if text and text[-1].isascii() and text[-1].isalnum() and piece[:1].isascii() and piece[:1].isalnum():
            text += " "
        text += piece
    return text


def _classify(error: BaseException, url: str) -> SpeechError:
    """Our error for what edge-tts or aiohttp raised: transient when another try may succeed."""
    if isinstance(error, aiohttp.ClientResponseError):
        status = error.status
        message = f"the service answered HTTP {status} {error.message}".rstrip()
        if status in _RETRY_STATUS or status >= 500:
            return TransientSpeechError(message)
        return SpeechError(f"{message} (service URL {url})")
    if isinstance(error, NoAudioReceived):
        return TransientSpeechError("the service sent no audio")
    if isinstance(error, (UnexpectedResponse, UnknownResponse)):
        return SpeechError(f"the service answered in an unknown way (has it changed?): {error}")
    if isinstance(error, (aiohttp.ClientError, EdgeTTSException, OSError)):
        # ClientConnectionError, ServerDisconnectedError, WSServerHandshakeError, proxy refusals,
        # WebSocketError, SkewAdjustmentError: a network hiccup until proven otherwise.
        return TransientSpeechError(f"connection failed: {type(error).__name__}: {error}")
    raise error


@dataclass(frozen=True)
class OnlineVoice:
    """One voice as the service lists it."""

    short_name: str
    gender: str
    locale: str
    personalities: tuple[str, ...]
    categories: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The voice as ``voices --online --json`` prints it."""
        return {
            "voice": self.short_name,
            "gender": self.gender,
            "locale": self.locale,
            "personalities": list(self.personalities),
            "categories": list(self.categories),
        }


class EdgeEngine:
    """Speaks through the online service; one WebSocket request per ``synthesize`` call."""

    name = "edge"
    version = "1"
    runs_on = "Microsoft Edge's read-aloud service"
    max_jobs = 64
    """The service takes many connections; the batch layer's ``jobs`` (default ``DEFAULT_JOBS``) is the real cap."""
    voices = EDGE_VOICES
    reads_latin = True
    times_sentences = True
    """The service sends a SentenceBoundary event before each sentence."""

    def __init__(self, settings: EngineSettings | None = None) -> None:
        self.settings = settings or EngineSettings()
        self.url = _with_query(self.settings.edge_url) if self.settings.edge_url else _DEFAULT_WSS_URL

    def synthesize(self, sentences: Sequence[str], voice: Voice) -> Speech:
        """Speak ``sentences`` as one MP3 with one start time per sentence."""
        return asyncio.run(
            self._synthesize(sentences, voice, self.settings.connect_timeout, self.settings.receive_timeout)
        )

    def probe(self, timeout: float) -> float:
        """Speak two characters within ``timeout`` seconds; return the seconds it took."""
        began = time.monotonic()
        voice = Voice(self.name, EDGE_VOICES[0])
        try:
            asyncio.run(asyncio.wait_for(self._synthesize(("你好。",), voice, timeout, timeout), timeout))
        except TimeoutError:
            raise SpeechError(f"no answer within {timeout:.0f} s") from None
        return time.monotonic() - began

    async def _messages(
        self, communicate: edge_tts.Communicate, first: float, then: float
    ) -> AsyncIterator[TTSChunk]:
        """The stream's messages, each within a deadline: a silent service is a stall, not a hang."""
        stream = communicate.stream()
        timeout = first
        try:
            while True:
                try:
                    message = await asyncio.wait_for(anext(stream), timeout)
                except StopAsyncIteration:
                    return
                except TimeoutError:
                    raise TransientSpeechError(f"the service stalled: nothing for {timeout:.0f} s") from None
                timeout = then
                yield message
        finally:
            await stream.aclose()

    async def _synthesize(
        self, sentences: Sequence[str], voice: Voice, connect: float, receive: float
    ) -> Speech:
        if not sentences:
            raise SpeechError("nothing to speak: no sentences")
        try:
            communicate = _communicate_for(self.url)(
                _joined(sentences),
                voice.voice_id,
                rate=voice.rate,
                pitch=voice.pitch,
                volume=voice.volume,
                boundary="SentenceBoundary",
                proxy=proxy_for(self.url, self.settings.proxy),
                connect_timeout=math.ceil(connect),
                receive_timeout=math.ceil(receive),
            )
        except ValueError as error:  # a malformed voice id or prosody value
            raise SpeechError(
                f"voice {voice.voice_id!r} ({voice.rate}, {voice.pitch}, {voice.volume}): {error}"
            ) from error
        audio = bytearray()
        boundaries: list[Boundary] = []
        try:
            async for message in self._messages(communicate, connect + receive, receive):
                if message["type"] == "audio":
                    audio += message["data"]
                elif message["type"] == "SentenceBoundary":
                    boundaries.append(
                        Boundary(
                            message["text"],
                            message["offset"] / TICKS_PER_SECOND,
                            message["duration"] / TICKS_PER_SECOND,
                        )
                    )
        except SpeechError:
            raise
        except TimeoutError:
            raise TransientSpeechError(f"the service stalled: no answer within {connect:.0f} s") from None
        except Exception as error:  # noqa: BLE001 - classified; what is not ours is re-raised
            raise _classify(error, self.url) from error
        duration = len(audio) * 8 / MP3_BITRATE
        cut = incomplete(sentences, boundaries, duration)
        if cut:
            raise TransientSpeechError(f"the stream was cut short: {cut}")
        return Speech(
            audio=bytes(audio),
            format=AudioFormat.MP3,
            duration=duration,
            sentence_starts=sentence_starts(sentences, boundaries, duration),
        )


def _voice_lister(url: str) -> Callable[..., Any]:
    """``edge_tts.list_voices`` asking ``url``: like ``_communicate_for``, the library's own code
    reading a private copy of ``VOICE_LIST`` (its module-level helper reads the global)."""
    if url == _DEFAULT_VOICE_LIST:
        return edge_tts.list_voices
    inner = vars(edge_tts.voices).get("__list_voices")
    outer = edge_tts.voices.list_voices
    if not isinstance(inner, types.FunctionType) or not isinstance(outer, types.FunctionType):
        raise SpeechError(f"edge-tts {edge_tts.__version__}: the voice list URL cannot be overridden")
    return _rebound(outer, __list_voices=_rebound(inner, VOICE_LIST=url))


async def _list_voices(settings: EngineSettings) -> list[OnlineVoice]:
    url = voices_url(settings)
    timeout = aiohttp.ClientTimeout(total=settings.connect_timeout + settings.receive_timeout)
    async with aiohttp.TCPConnector() as connector:
        listing = await asyncio.wait_for(
            _voice_lister(url)(connector=connector, proxy=proxy_for(url, settings.proxy)), timeout.total
        )
    return [
        OnlineVoice(
            short_name=v["ShortName"],
            gender=v.get("Gender", ""),
            locale=v.get("Locale", ""),
            personalities=tuple(v.get("VoiceTag", {}).get("VoicePersonalities", [])),
            categories=tuple(v.get("VoiceTag", {}).get("ContentCategories", [])),
        )
        for v in listing
    ]


def list_online_voices(
    settings: EngineSettings | None = None, *, locale: str = "zh-CN"
) -> tuple[OnlineVoice, ...]:
    """The service's voices for ``locale`` (all when empty), sorted by name. Reaches the network."""
    settings = settings or EngineSettings()
    try:
        voices = asyncio.run(_list_voices(settings))
    except TimeoutError:
        raise SpeechError(
            f"the voice list did not arrive within {settings.connect_timeout + settings.receive_timeout:.0f} s"
        ) from None
    except (aiohttp.ClientError, EdgeTTSException, OSError, ValueError, KeyError) as error:
        raise SpeechError(f"could not list the service's voices ({voices_url(settings)}): {error}") from error
    return tuple(sorted((v for v in voices if not locale or v.locale == locale), key=lambda v: v.short_name))
