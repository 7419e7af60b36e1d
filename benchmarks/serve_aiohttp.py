"""The trial of issue 27 step 7: ``audio-edition serve`` rebuilt on aiohttp's web server.

Not part of the product. It is what ``benchmarks/serve.py`` measures beside our own server and
what ``pytest tests/publish/test_serve*.py --serve-with=aiohttp`` runs the serve tests against;
the verdict and the figures are in ``audio_edition/publish/serve/server.py``'s header.

It keeps everything of ours that aiohttp has no place for in its file handling (the request
path check and the public-file rule, folder redirects and index pages, the preview overlay,
podcast MIME types, file slots with a 503 after ``header_timeout``) and leaves to aiohttp what
it does itself: the HTTP/1.1 parser (llhttp), keep-alive with ``idle_timeout``, and
``FileResponse`` (HEAD, Range, ETag/If-None-Match, If-Modified-Since, If-Range, sendfile).
It does not rebuild what aiohttp offers no hook for: a timeout on a request head, a bound on
connections that evicts the longest-idle one, dropping the slowest reader for a waiting request.

Run: python benchmarks/serve_aiohttp.py FOLDER [--port 0] [--header-timeout 10] [-v]
(prints "serving at URL" once listening; Ctrl-C stops).
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import os
import socket
import stat
import sys
import threading
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path

from aiohttp import web
from aiohttp.abc import AbstractStreamWriter

from audio_edition.errors import PublishError
from audio_edition.publish.serve.files import (
    NotFound,
    content_type,
    folder_redirect,
    index_of,
    resolve_request_path,
)
from audio_edition.publish.serve.request import MAX_HEAD_BYTES, MAX_HEADERS
from audio_edition.publish.serve.server import ServeLimits, fit_to_open_file_limit

_REVALIDATE = (".xml", ".html", ".json")
_CROSS_ORIGIN = (".xml", ".json", ".vtt", ".srt")


class AiohttpEditionServer:
    """The same face as ``EditionServer`` (``serve_forever``, ``shutdown``, ``url``...)."""

    def __init__(
        self,
        address: tuple[str, int],
        root: Path,
        *,
        verbose: bool = False,
        limits: ServeLimits = ServeLimits(),
    ) -> None:
        self.root = os.path.realpath(root)
        self.overlay: str | None = None
        self.verbose = verbose
        self.limits = limits
        self.max_connections, self.max_open_files = fit_to_open_file_limit(limits)
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.socket = socket.create_server(address, family=family, backlog=1024)
        self.server_address: tuple[str, int] = self.socket.getsockname()[:2]
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._files: asyncio.Semaphore | None = None
        self._finished = threading.Event()
        self._running = threading.Event()

    @property
    def url(self) -> str:
        host, port = self.server_address
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/"

    def serve_forever(self) -> None:
        self._finished.clear()
        try:
            asyncio.run(self._serve())
        finally:
            self._running.clear()
            self._finished.set()

    def shutdown(self) -> None:
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and self._running.is_set():
            try:
                loop.call_soon_threadsafe(stop.set)
            except RuntimeError:
                return
            self._finished.wait()

    def server_close(self) -> None:
        self.socket.close()

    async def _serve(self) -> None:
        loop = asyncio.get_running_loop()
        self._loop, self._stop = loop, asyncio.Event()
        self._files = asyncio.Semaphore(self.max_open_files)
        server = web.Server(
            self._handle,
            keepalive_timeout=self.limits.idle_timeout,
            max_line_size=MAX_HEAD_BYTES,
            max_field_size=MAX_HEAD_BYTES,
            max_headers=MAX_HEADERS,
            access_log=None,
        )
        listener = await loop.create_server(server, sock=self.socket, backlog=1024)
        self._running.set()
        try:
            await self._stop.wait()
        finally:
            listener.close()
            await server.shutdown(1.0)

    def _log(self, message: str) -> None:
        if self.verbose:
            sys.stderr.write(message + "\n")

    async def _handle(self, request: web.BaseRequest) -> web.StreamResponse:
        if request.method not in ("GET", "HEAD"):
            return _status(501)
        try:
            path = resolve_request_path(self.root, request.raw_path)
            if os.path.isdir(path):
                redirect = folder_redirect(self.root, path, request.raw_path)
                if redirect is not None:
                    return web.Response(status=301, headers={"Location": redirect.location})
                path = index_of(self.root, path)
            if self.overlay is not None:
                instead = os.path.join(self.overlay, os.path.relpath(path, self.root))
                path = instead if os.path.isfile(instead) else path
            if not stat.S_ISREG(os.stat(path).st_mode):  # aiohttp would say 403
                raise NotFound("not a regular file")
        except (NotFound, OSError) as reason:
            self._log(f'{request.remote} "{request.method} {request.raw_path[:200]}" 404 ({reason})')
            return _status(404)
        name = os.path.basename(path).lower()
        headers = {"Content-Type": content_type(name)}
        if name.endswith(_REVALIDATE):
            headers["Cache-Control"] = "no-cache"
        if name.endswith(_CROSS_ORIGIN):
            headers["Access-Control-Allow-Origin"] = "*"
        assert self._files is not None
        try:
            async with asyncio.timeout(self.limits.header_timeout):
                await self._files.acquire()
        except TimeoutError:
            return _status(503, {"Retry-After": "5"})
        return _SlottedFile(path, self._files.release, headers=headers)


class _SlottedFile(web.FileResponse):
    """A FileResponse that gives its file slot back once sent (aiohttp prepares and sends it
    after the handler has returned, so the handler cannot hold the slot itself)."""

    def __init__(self, path: str, release: Callable[[], None], *, headers: dict[str, str]) -> None:
        super().__init__(path, headers=headers)
        self._release: Callable[[], None] | None = release

    async def prepare(self, request: web.BaseRequest) -> AbstractStreamWriter | None:
        try:
            return await super().prepare(request)
        finally:
            if self._release is not None:
                self._release()
                self._release = None


def _status(code: int, headers: dict[str, str] | None = None) -> web.Response:
    status = HTTPStatus(code)
    return web.Response(status=code, text=f"{code} {status.phrase}\n", headers=headers)


def make_server(
    folder: Path,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    verbose: bool = False,
    limits: ServeLimits = ServeLimits(),
) -> AiohttpEditionServer:
    """Bind the aiohttp variant for ``folder``, as ``audio_edition.publish.serve.make_server``."""
    if not folder.is_dir():
        raise PublishError(f"{folder}: no such folder; build an edition first, or name the folder to serve")
    try:
        return AiohttpEditionServer((host, port), folder, verbose=verbose, limits=limits)
    except OSError as error:
        hint = f"; try --port {port + 1}" if error.errno == errno.EADDRINUSE else ""
        raise PublishError(f"cannot listen on {host}:{port}: {error.strerror or error}{hint}") from error


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--header-timeout", type=float, default=10.0)
    parser.add_argument("--idle-timeout", type=float, default=15.0)
    parser.add_argument("--max-connections", type=int, default=1024)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    limits = ServeLimits(
        header_timeout=args.header_timeout,
        idle_timeout=args.idle_timeout,
        max_connections=args.max_connections,
    )
    try:
        server = make_server(args.folder, args.host, args.port, verbose=args.verbose, limits=limits)
    except PublishError as error:
        sys.exit(f"serve_aiohttp: {error}")
    print(f"serving at {server.url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
