"""A local stand-in for the online speech service, speaking its WebSocket framing.

It answers edge-tts exactly as the service does (DESIGN.md): ``turn.start``, an
``audio.metadata`` JSON message with a ``SentenceBoundary`` before each sentence's audio, binary
frames (2-byte big-endian header length, ``Path:audio``/``Content-Type:audio/mpeg`` headers, real
MP3 bytes made by ffmpeg), an empty audio frame, ``turn.end``. It also serves the voice list.

It is scriptable: ``fail_next`` makes the next connections fail a given way, ``fail_matching``
makes every request containing some text fail, and ``first_audio_delay``/``speed`` make it answer
with the latency and pace of the real service. Used by the tests and ``benchmarks/speech.py``.
"""

from __future__ import annotations

import asyncio
import enum
import functools
import json
import re
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, unescape

from aiohttp import WSMsgType, web

SAMPLE_RATE = 24_000
FRAME_BYTES = 144  # MPEG-2 layer III, 48 kbit/s at 24 kHz: 72 * 48000 / 24000, never padded
FRAME_SECONDS = 576 / SAMPLE_RATE
CHARS_PER_SECOND = 4.5  # about how fast the news voices read Chinese
LEAD_IN = 0.1  # seconds of audio before the first sentence
TICKS = 10_000_000


class Behavior(enum.Enum):
    """How the server answers one connection."""

    NORMAL = "normal"
    HTTP_403 = "403"
    HTTP_429 = "429"
    HTTP_500 = "500"
    CLOSE_MID_STREAM = "close mid-stream"  # a clean close halfway through the audio
    DROP_MID_STREAM = "drop mid-stream"  # the TCP connection vanishes halfway through
    STALL = "stall"  # accepts the request, never answers
    STALL_MID_STREAM = "stall mid-stream"  # sends half, then goes silent
    NO_AUDIO = "no audio"  # turn.start and turn.end with nothing between


class BoundaryStyle(enum.Enum):
    """How the fake service cuts text into sentence boundary events."""

    SENTENCES = "sentences"  # at 。！？, as we do
    MERGED = "merged"  # two of our sentences per event
    CLAUSES = "clauses"  # also at ，；, so several events per sentence of ours


@functools.cache
def sine_mp3() -> bytes:
    """Three minutes of a 440 Hz tone as raw CBR MP3 frames (no ID3, no Xing header), once per process."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "tone.mp3"
        subprocess.run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=180",
                "-ac",
                "1",
                "-ar",
                str(SAMPLE_RATE),
                "-c:a",
                "libmp3lame",
                "-b:a",
                "48k",
                "-reservoir",
                "0",
                "-write_xing",
                "0",
                "-id3v2_version",
                "0",
                "-f",
                "mp3",
                str(out),
            ],
            check=True,
        )
        data = out.read_bytes()
    assert data[:2] in (b"\xff\xf3", b"\xff\xf2") and len(data) % FRAME_BYTES == 0, "unexpected MP3 layout"
    return data


def audio_for(seconds: float) -> bytes:
    """About ``seconds`` of tone, whole frames (looping the three minutes if needed)."""
    tone = sine_mp3()
    frames = max(1, round(seconds / FRAME_SECONDS))
    want = frames * FRAME_BYTES
    return (tone * (want // len(tone) + 1))[:want]


def _split(text: str, style: BoundaryStyle) -> list[str]:
    marks = "。！？!?" + ("，；,;" if style is BoundaryStyle.CLAUSES else "")
    parts = [p for p in re.split(f"(?<=[{marks}])", text) if p.strip()]
    if style is BoundaryStyle.MERGED:
        parts = ["".join(parts[i : i + 2]) for i in range(0, len(parts), 2)]
    return parts


def _spoken_length(text: str) -> int:
    return len(re.sub(r"[\W_]+", "", text)) or 1


@dataclass
class Request:
    """What one connection asked for."""

    text: str
    voice: str
    ssml: str
    config: str
    behavior: Behavior


@dataclass
class EdgeServer:
    """State shared with the server thread; change it only through the methods."""

    first_audio_delay: float = 0.0
    speed: float | None = None
    """Audio is streamed at this multiple of real time; None sends it at once."""
    boundaries: BoundaryStyle = BoundaryStyle.SENTENCES
    port: int = 0
    requests: list[Request] = field(default_factory=list)
    connections: int = 0
    max_concurrent: int = 0
    _active: int = 0
    _next: list[Behavior] = field(default_factory=list)
    _matching: list[tuple[str, Behavior, int | None]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/edge/v1"

    @property
    def voices_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/voices/list"

    def fail_next(self, behavior: Behavior, times: int = 1) -> None:
        """The next ``times`` connections answer with ``behavior``."""
        with self._lock:
            self._next.extend([behavior] * times)

    def fail_matching(self, text: str, behavior: Behavior, times: int | None = None) -> None:
        """Requests whose text contains ``text`` answer with ``behavior`` (``times`` times, or always)."""
        with self._lock:
            self._matching.append((text, behavior, times))

    def _behavior_for(self, text: str | None) -> Behavior:
        with self._lock:
            if text is None:
                return self._next.pop(0) if self._next else Behavior.NORMAL
            for index, (needle, behavior, times) in enumerate(self._matching):
                if needle in text:
                    if times is not None:
                        self._matching[index] = (needle, behavior, times - 1)
                        if times - 1 <= 0:
                            del self._matching[index]
                    return behavior
            return Behavior.NORMAL

    # --- the handlers, run on the server thread's event loop -------------------------------

    async def voices(self, request: web.Request) -> web.Response:
        listing = [
            {
                "Name": f"Microsoft Server Speech Text to Speech Voice (zh-CN, {n})",
                "ShortName": f"zh-CN-{n}",
                "Gender": g,
                "Locale": "zh-CN",
                "SuggestedCodec": "audio-24khz-48kbitrate-mono-mp3",
                "FriendlyName": f"Microsoft {n}",
                "Status": "GA",
                "VoiceTag": {"ContentCategories": ["News"], "VoicePersonalities": ["Warm"]},
            }
            for n, g in [("XiaoxiaoNeural", "Female"), ("YunyangNeural", "Male"), ("YunjianNeural", "Male")]
        ]
        listing.append({**listing[0], "ShortName": "en-US-EmmaNeural", "Locale": "en-US"})
        return web.json_response(listing)

    async def speak(self, request: web.Request) -> web.StreamResponse:
        with self._lock:
            self.connections += 1
        handshake = self._behavior_for(None)
        status = {Behavior.HTTP_403: 403, Behavior.HTTP_429: 429, Behavior.HTTP_500: 500}.get(handshake)
        if status is not None:
            return web.Response(status=status, text="refused by the test server")
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        with self._lock:
            self._active += 1
            self.max_concurrent = max(self.max_concurrent, self._active)
        try:
            await self._converse(ws, handshake)
        finally:
            with self._lock:
                self._active -= 1
        return ws

    async def _converse(self, ws: web.WebSocketResponse, behavior: Behavior) -> None:
        config = (await ws.receive_str()).split("\r\n\r\n", 1)[1]
        ssml = (await ws.receive_str()).split("\r\n\r\n", 1)[1]
        voice = re.search(r"<voice name='([^']*)'>", ssml)
        escaped = re.search(r"<prosody [^>]*>(.*)</prosody>", ssml, re.S)
        assert voice and escaped, f"unexpected SSML: {ssml[:200]}"
        text = unescape(escaped.group(1))
        if behavior is Behavior.NORMAL:
            behavior = self._behavior_for(text)
        with self._lock:
            self.requests.append(Request(text, voice.group(1), ssml, config, behavior))
        if behavior is Behavior.STALL:
            await self._wait_for_close(ws)
            return
        request_id = "0" * 32
        head = f"X-RequestId:{request_id}\r\nContent-Type:application/json; charset=utf-8\r\n"
        began = time.monotonic()
        await ws.send_str(head + 'Path:turn.start\r\n\r\n{"context":{"serviceTag":"test"}}')
        sentences = [] if behavior is Behavior.NO_AUDIO else _split(text, self.boundaries)
        total_chars = sum(_spoken_length(s) for s in sentences)
        sent_chars = 0
        offset = LEAD_IN
        streamed = 0.0
        if sentences:
            await self._send_audio(ws, audio_for(LEAD_IN), began, streamed)
            streamed += LEAD_IN
        for sentence in sentences:
            seconds = _spoken_length(sentence) / CHARS_PER_SECOND
            meta = {
                "Metadata": [
                    {
                        "Type": "SentenceBoundary",
                        "Data": {
                            "Offset": round(offset * TICKS),
                            "Duration": round(seconds * TICKS),
                            "text": {
                                "Text": escape(sentence),
                                "Length": len(sentence),
                                "BoundaryType": "SentenceBoundary",
                            },
                        },
                    }
                ]
            }
            await ws.send_str(head + "Path:audio.metadata\r\n\r\n" + json.dumps(meta, ensure_ascii=False))
            audio = audio_for(seconds)
            half = sent_chars + _spoken_length(sentence) > total_chars / 2
            if half and behavior in (
                Behavior.CLOSE_MID_STREAM,
                Behavior.DROP_MID_STREAM,
                Behavior.STALL_MID_STREAM,
            ):
                await self._send_audio(
                    ws, audio[: len(audio) // 2 // FRAME_BYTES * FRAME_BYTES], began, streamed
                )
                if behavior is Behavior.CLOSE_MID_STREAM:
                    await ws.close()
                elif behavior is Behavior.DROP_MID_STREAM:
                    assert ws._req is not None and ws._req.transport is not None
                    ws._req.transport.abort()
                else:
                    await self._wait_for_close(ws)
                return
            await self._send_audio(ws, audio, began, streamed)
            streamed += len(audio) / FRAME_BYTES * FRAME_SECONDS
            offset += seconds
            sent_chars += _spoken_length(sentence)
        # The closing empty audio frame: no Content-Type. Path is never the first header, since
        # edge-tts parses the length prefix as part of the first header line, like the service's.
        end = b"X-RequestId:" + request_id.encode() + b"\r\nPath:audio\r\n"
        await ws.send_bytes(len(end).to_bytes(2, "big") + end)
        await ws.send_str(head + "Path:turn.end\r\n\r\n{}")
        await ws.close()

    async def _send_audio(
        self, ws: web.WebSocketResponse, audio: bytes, began: float, streamed: float
    ) -> None:
        header = b"X-RequestId:" + b"0" * 32 + b"\r\nContent-Type:audio/mpeg\r\nPath:audio\r\n"
        step = 20 * FRAME_BYTES  # about half a second of audio per message
        for start in range(0, len(audio), step):
            piece = audio[start : start + step]
            if self.first_audio_delay or self.speed:
                # Send each piece when the real service would: after its latency, at its pace.
                due = began + self.first_audio_delay + (streamed / self.speed if self.speed else 0.0)
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                streamed += len(piece) / FRAME_BYTES * FRAME_SECONDS
            await ws.send_bytes(len(header).to_bytes(2, "big") + header + piece)

    @staticmethod
    async def _wait_for_close(ws: web.WebSocketResponse) -> None:
        async for message in ws:  # silence until the client gives up and closes
            if message.type in (WSMsgType.CLOSE, WSMsgType.ERROR):
                break


@contextmanager
def running_edge_server(**options: object) -> Iterator[EdgeServer]:
    """Run an ``EdgeServer`` on 127.0.0.1 on its own thread for the duration of the block."""
    server = EdgeServer(**options)  # type: ignore[arg-type]
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    app = web.Application()
    app.router.add_get("/edge/v1", server.speak)
    app.router.add_get("/voices/list", server.voices)
    runner = web.AppRunner(app, shutdown_timeout=1.0)

    async def start() -> None:
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        server.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        ready.set()

    thread = threading.Thread(target=loop.run_forever, name="edge-server", daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(start(), loop).result(timeout=10)
    ready.wait(10)
    try:
        yield server
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
