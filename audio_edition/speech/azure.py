"""The paid online engine: Azure Speech's text-to-speech REST API (SSML in, MP3 out).

The official, commercially licensed route to the same neural voices as edge (``neural.py``).
Contract (learn.microsoft.com, "Text to speech REST API"): ``POST
https://<region>.tts.speech.microsoft.com/cognitiveservices/v1`` with the resource key in
``Ocp-Apim-Subscription-Key``, ``Content-Type: application/ssml+xml``, the audio format in
``X-Microsoft-OutputFormat`` and a ``User-Agent``; 200 with the audio, 400 bad SSML, 401 bad key
or region, 415 wrong content type, 429 throttled (with ``Retry-After``), 5xx the service's trouble.

The REST answer carries no sentence events, so this engine declares ``times_sentences = False``
and the session sends it one sentence per request; a ``synthesize`` call with several sentences
still works (one request each, starts from the measured durations). Each answer's duration is
measured from its MPEG frames (``mpeg.py``), which also catches a body cut off mid-frame.

Failures: 401/403 raise ``SpeechRefusedError`` (no retry: no other request would fare better);
408, 429 and 5xx, dropped connections, stalls, empty or cut-off bodies raise
``TransientSpeechError`` for the batch layer's retries (``Retry-After`` honoured); anything else
(400, 415) is a ``SpeechError`` naming the status and the service's words.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

import aiohttp

from audio_edition import __version__
from audio_edition.errors import ConfigError, SpeechError
from audio_edition.speech.engine import AudioFormat, Speech, Voice
from audio_edition.speech.mpeg import measure_mp3
from audio_edition.speech.neural import NEURAL_VOICES
from audio_edition.speech.retry import SpeechRefusedError, TransientSpeechError
from audio_edition.speech.settings import AZURE_KEY_ENV, AZURE_REGION_ENV, EngineSettings

OUTPUT_FORMAT = "audio-24khz-48kbitrate-mono-mp3"
"""The format edge streams too, so clips from either engine join and sound alike."""
SERVICE_URL = "https://{region}.tts.speech.microsoft.com/cognitiveservices/v1"
_RETRY_STATUS = {408, 429}
_REFUSED_STATUS = {401, 403}


def build_ssml(text: str, voice: Voice) -> str:
    """The SSML for one request: the voice, its prosody, the text (escaped)."""
    lang = "-".join(voice.voice_id.split("-")[:2]) or "zh-CN"
    return (
        f'<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang={quoteattr(lang)}>'
        f"<voice name={quoteattr(voice.voice_id)}>"
        f"<prosody rate={quoteattr(voice.rate)} pitch={quoteattr(voice.pitch)} volume={quoteattr(voice.volume)}>"
        f"{escape(text)}</prosody></voice></speak>"
    )


def retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header: delta-seconds or an HTTP date; None if absent or odd."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def service_url(settings: EngineSettings) -> str:
    """Where requests go: the override, else the region's endpoint. ``ConfigError`` without either."""
    if settings.azure_url:
        return settings.azure_url
    if not settings.azure_region:
        raise ConfigError(
            f"azure: no region; set {AZURE_REGION_ENV} (e.g. eastus) or [speech] azure_region in audio-edition.toml"
        )
    return SERVICE_URL.format(region=settings.azure_region)


class AzureEngine:
    """Speaks through Azure Speech's REST API; one HTTP request per sentence."""

    name = "azure"
    version = "1"
    runs_on = "Azure Speech"
    max_jobs = 16
    """Azure's default limit is far higher (200 requests/s); the build's ``jobs`` is the real cap."""
    voices = NEURAL_VOICES
    reads_latin = True
    times_sentences = False

    def __init__(self, settings: EngineSettings | None = None) -> None:
        self.settings = settings or EngineSettings()
        if not self.settings.azure_key:
            raise ConfigError(f"azure: no key; set {AZURE_KEY_ENV} to the Speech resource's key")
        self.key: str = self.settings.azure_key
        self.url = service_url(self.settings)

    def synthesize(self, sentences: Sequence[str], voice: Voice) -> Speech:
        """Speak each sentence with its own request; one MP3, starts from the measured durations."""
        if not sentences:
            raise SpeechError("nothing to speak: no sentences")
        timeout = aiohttp.ClientTimeout(
            total=None, sock_connect=self.settings.connect_timeout, sock_read=self.settings.receive_timeout
        )
        return asyncio.run(self._synthesize(sentences, voice, timeout))

    def probe(self, timeout: float) -> float:
        """Speak two characters within ``timeout`` seconds; return the seconds it took."""
        began = time.monotonic()
        limit = aiohttp.ClientTimeout(total=timeout)
        try:
            asyncio.run(
                asyncio.wait_for(
                    self._synthesize(("你好。",), Voice(self.name, NEURAL_VOICES[0]), limit), timeout
                )
            )
        except TimeoutError:
            raise SpeechError(f"no answer within {timeout:.0f} s") from None
        return time.monotonic() - began

    async def _synthesize(
        self, sentences: Sequence[str], voice: Voice, timeout: aiohttp.ClientTimeout
    ) -> Speech:
        audio = bytearray()
        starts: list[float] = []
        at = 0.0
        async with aiohttp.ClientSession(timeout=timeout, trust_env=True) as session:
            for sentence in sentences:
                piece = await self._request(session, sentence, voice)
                starts.append(at)
                at += measure_mp3(piece).seconds
                audio += piece
        return Speech(bytes(audio), AudioFormat.MP3, at, tuple(starts))

    async def _request(self, session: aiohttp.ClientSession, text: str, voice: Voice) -> bytes:
        headers = {
            "Ocp-Apim-Subscription-Key": self.key,
            "Content-Type": "application/ssml+xml",
            "X-Microsoft-OutputFormat": OUTPUT_FORMAT,
            "User-Agent": f"audio-edition/{__version__}",
        }
        try:
            async with session.post(
                self.url,
                data=build_ssml(text, voice).encode("utf-8"),
                headers=headers,
                proxy=self.settings.proxy,
            ) as response:
                if response.status != 200:
                    said = (await response.text(errors="replace")).strip()[:200]
                    raise self._refusal(
                        response.status, response.reason or "", said, response.headers.get("Retry-After")
                    )
                body = await response.read()
        except SpeechError:
            raise
        except TimeoutError:
            raise TransientSpeechError("the service stalled: no answer in time") from None
        except (aiohttp.ClientError, OSError) as error:
            # ClientPayloadError (a body cut off before its Content-Length), dropped connections.
            raise TransientSpeechError(f"connection failed: {type(error).__name__}: {error}") from error
        if not body:
            raise TransientSpeechError("the service sent no audio")
        try:
            measure = measure_mp3(body)
        except ValueError as error:
            raise TransientSpeechError(
                f"the service's answer is not {OUTPUT_FORMAT} audio ({error})"
            ) from None
        if not measure.complete:
            raise TransientSpeechError(f"the audio was cut short after {measure.frames} frames")
        return body

    def _refusal(self, status: int, reason: str, said: str, wait: str | None) -> SpeechError:
        message = f"Azure Speech answered HTTP {status} {reason}".rstrip() + (f": {said}" if said else "")
        if status in _REFUSED_STATUS:
            return SpeechRefusedError(
                f"{message}; check {AZURE_KEY_ENV} and that the region ({self.settings.azure_region or self.url}) "
                "is the Speech resource's"
            )
        if status in _RETRY_STATUS or status >= 500:
            return TransientSpeechError(message, retry_after=retry_after(wait))
        return SpeechError(f"{message} (service URL {self.url})")
