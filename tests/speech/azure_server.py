"""A local stand-in for Azure Speech's text-to-speech REST API (never the real service).

It speaks the documented contract: ``POST /cognitiveservices/v1`` with ``Ocp-Apim-Subscription-Key``,
``Content-Type: application/ssml+xml`` and ``X-Microsoft-OutputFormat``; 401 for a wrong key, 415
for another content type, 400 for an unknown format or unparsable SSML; 200 with real MP3 frames
(ffmpeg's, from ``edge_server``) about as long as the text takes to read. ``fail_next`` scripts the
next requests' faults: 401, 429 with ``Retry-After``, 500, a body cut off before its
``Content-Length``, a body ending mid-frame, a stall.
"""

from __future__ import annotations

import asyncio
import enum
import re
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from aiohttp import web

from tests.speech.edge_server import CHARS_PER_SECOND, audio_for

KEY = "test-key-0123456789"
FORMAT = "audio-24khz-48kbitrate-mono-mp3"
SSML_NS = "{http://www.w3.org/2001/10/synthesis}"


class Fault(enum.Enum):
    HTTP_401 = "401"
    HTTP_429 = "429"
    HTTP_500 = "500"
    CUT_BODY = "cut body"  # Content-Length promises more than arrives, then the connection closes
    CUT_FRAME = "cut frame"  # a complete-looking response whose last MP3 frame is cut short
    STALL = "stall"  # never answers


@dataclass
class AzureRequest:
    """What one request asked for, as the server understood it."""

    voice: str
    text: str
    prosody: dict[str, str]
    headers: dict[str, str]
    at: float
    status: int


@dataclass
class AzureServer:
    port: int = 0
    retry_after: str = "1"
    requests: list[AzureRequest] = field(default_factory=list)
    _next: list[Fault] = field(default_factory=list)
    _matching: list[tuple[str, Fault]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/cognitiveservices/v1"

    def fail_next(self, fault: Fault, times: int = 1) -> None:
        with self._lock:
            self._next.extend([fault] * times)

    def fail_matching(self, text: str, fault: Fault) -> None:
        """Every request whose text contains ``text`` fails with ``fault``."""
        with self._lock:
            self._matching.append((text, fault))

    def statuses(self) -> list[int]:
        with self._lock:
            return [r.status for r in self.requests]

    def _fault_for(self, text: str) -> Fault | None:
        with self._lock:
            for needle, fault in self._matching:
                if needle in text:
                    return fault
            return self._next.pop(0) if self._next else None

    def _record(
        self, request: web.Request, voice: str, text: str, prosody: dict[str, str], status: int
    ) -> None:
        with self._lock:
            self.requests.append(
                AzureRequest(voice, text, prosody, dict(request.headers), time.monotonic(), status)
            )

    async def speak(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        if request.headers.get("Ocp-Apim-Subscription-Key") != KEY:
            self._record(request, "", "", {}, 401)
            return web.Response(status=401, text="Access denied due to invalid subscription key.")
        if request.headers.get("Content-Type", "").split(";")[0] != "application/ssml+xml":
            self._record(request, "", "", {}, 415)
            return web.Response(status=415)
        if request.headers.get("X-Microsoft-OutputFormat") != FORMAT or not request.headers.get("User-Agent"):
            self._record(request, "", "", {}, 400)
            return web.Response(status=400, text="unsupported output format or no User-Agent")
        try:
            root = ET.fromstring(body.decode("utf-8"))
            voice_node = root.find(f"{SSML_NS}voice")
            prosody_node = voice_node.find(f"{SSML_NS}prosody") if voice_node is not None else None
            assert voice_node is not None and prosody_node is not None
        except (ET.ParseError, UnicodeDecodeError, AssertionError):
            self._record(request, "", "", {}, 400)
            return web.Response(status=400, text="SSML is invalid")
        text = "".join(prosody_node.itertext())
        voice = voice_node.get("name", "")
        prosody = dict(prosody_node.attrib)
        fault = self._fault_for(text)
        status = {Fault.HTTP_401: 401, Fault.HTTP_429: 429, Fault.HTTP_500: 500}.get(fault, 200)  # type: ignore[arg-type]
        self._record(request, voice, text, prosody, status)
        if fault is Fault.HTTP_401:
            return web.Response(status=401, text="Access denied due to invalid subscription key.")
        if fault is Fault.HTTP_429:
            return web.Response(
                status=429, headers={"Retry-After": self.retry_after}, text="Too many requests"
            )
        if fault is Fault.HTTP_500:
            return web.Response(status=500, text="Internal server error")
        if fault is Fault.STALL:
            await asyncio.sleep(3600)
        audio = audio_for(len(re.sub(r"[\W_]+", "", text)) / CHARS_PER_SECOND)
        if fault is Fault.CUT_FRAME:
            return web.Response(body=audio[:-50], content_type="audio/mpeg")
        if fault is Fault.CUT_BODY:
            response = web.StreamResponse(headers={"Content-Type": "audio/mpeg"})
            response.content_length = len(audio)
            await response.prepare(request)
            await response.write(audio[: len(audio) // 2])
            assert request.transport is not None
            request.transport.close()
            return response
        return web.Response(body=audio, content_type="audio/mpeg")


@contextmanager
def running_azure_server(**options: object) -> Iterator[AzureServer]:
    """Run an ``AzureServer`` on 127.0.0.1 on its own thread for the duration of the block."""
    server = AzureServer(**options)  # type: ignore[arg-type]
    loop = asyncio.new_event_loop()
    app = web.Application()
    app.router.add_post("/cognitiveservices/v1", server.speak)
    runner = web.AppRunner(app, shutdown_timeout=1.0)

    async def start() -> None:
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        server.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    thread = threading.Thread(target=loop.run_forever, name="azure-server", daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(start(), loop).result(timeout=10)
    try:
        yield server
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
