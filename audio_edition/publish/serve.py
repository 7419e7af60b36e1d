"""``audio-edition serve``: serve ``output/`` over HTTP the way podcast apps and browsers need.

The standard library's ``ThreadingHTTPServer`` with the pieces ``http.server`` leaves out done
here: byte ranges (206 + Content-Range, 416), HEAD, conditional requests (ETag), HTTP/1.1
keep-alive, podcast MIME types, zero-copy ``sendfile``, and a path check that never leaves the
folder (``..``, ``%2e%2e``, encoded slashes, absolute paths, symlinks out, dotfiles).
"""

from __future__ import annotations

import email.utils
import mimetypes
import os
import re
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote, unquote, urlsplit

from audio_edition.errors import PublishError
from audio_edition.publish.config import DEFAULT_HOST, DEFAULT_PORT

# By file name ending, longest first: these are what podcast apps look for.
MIME_TYPES: tuple[tuple[str, str], ...] = (
    (".chapters.json", "application/json+chapters"),
    (".mp3", "audio/mpeg"),
    (".xml", "application/rss+xml; charset=utf-8"),
    (".vtt", "text/vtt; charset=utf-8"),
    (".srt", "application/x-subrip; charset=utf-8"),
    (".json", "application/json"),
    (".html", "text/html; charset=utf-8"),
    (".jpg", "image/jpeg"),
    (".png", "image/png"),
    (".css", "text/css; charset=utf-8"),
    (".js", "text/javascript; charset=utf-8"),
)
# The feed and page change with every publish: clients must revalidate (cheap: ETag → 304).
_REVALIDATE = (".xml", ".html", ".json")
_PRIVATE = re.compile(r"\.sqlite3(-journal|-wal|-shm)?$")
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_IDLE_TIMEOUT = 30.0  # seconds an idle keep-alive connection holds a thread


def content_type(name: str) -> str:
    """The Content-Type for a file name."""
    lower = name.lower()
    for suffix, mime in MIME_TYPES:
        if lower.endswith(suffix):
            return mime
    return mimetypes.guess_type(lower)[0] or "application/octet-stream"


class Forbidden(Exception):
    """The request path may not be served (outside the folder, hidden, or malformed)."""


def resolve_request_path(root: Path, target: str) -> Path:
    """Map a request target to a file or folder inside ``root`` (already resolved).

    Raises ``Forbidden`` for anything that could leave ``root``: ``..`` segments (plain or
    percent-encoded), encoded slashes or backslashes, NUL, hidden names, and symlinks that
    resolve outside ``root``.
    """
    # origin-form ("/a/b?q") is split by hand: urlsplit would read "//x/y" as a host "x".
    raw_path = target.split("?", 1)[0].split("#", 1)[0] if target.startswith("/") \
        else urlsplit(target).path
    if re.search(r"%(2f|5c|00)", raw_path, re.IGNORECASE) or "\\" in raw_path:
        raise Forbidden("encoded slash, backslash or NUL")
    try:
        path = unquote(raw_path, errors="strict")
    except UnicodeDecodeError as error:
        raise Forbidden("not UTF-8") from error
    segments = [s for s in path.split("/") if s]
    for segment in segments:
        # ".." leaves the folder; any other leading dot is a hidden or temporary file
        # (the .part files of atomic writes).
        if segment.startswith(".") or "\x00" in segment:
            raise Forbidden(f"segment {segment!r}")
    candidate = root.joinpath(*segments)
    if _PRIVATE.search(candidate.name):
        raise Forbidden("catalog database")
    resolved = candidate.resolve()
    if resolved != root and root not in resolved.parents:
        raise Forbidden("resolves outside the folder")
    return resolved


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int
    """Inclusive, as in Content-Range."""

    @property
    def length(self) -> int:
        return self.end - self.start + 1


class Unsatisfiable(Exception):
    """The Range header asks only for bytes past the end of the file."""


def parse_range(header: str | None, size: int) -> ByteRange | None:
    """One byte range from a ``Range`` header, or None to send the whole file.

    Several ranges or a malformed header are answered with the whole file (RFC 9110 lets a
    server ignore Range); a range starting past the end raises ``Unsatisfiable``.
    """
    if header is None:
        return None
    match = _RANGE.match(header.strip())
    if match is None:
        return None
    first, last = match.groups()
    if first == "" and last == "":
        return None
    if first == "":  # suffix range: the last N bytes
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise Unsatisfiable
        return ByteRange(max(0, size - suffix), size - 1)
    start = int(first)
    end = size - 1 if last == "" else min(int(last), size - 1)
    if last != "" and int(last) < start:
        return None  # invalid: ignore the header
    if start >= size:
        raise Unsatisfiable
    return ByteRange(start, end)


class EditionRequestHandler(BaseHTTPRequestHandler):
    """GET and HEAD for files under the server's root; nothing else."""

    protocol_version = "HTTP/1.1"  # keep-alive: podcast apps fetch many ranges in a row
    server_version = "audio-edition"
    timeout = _IDLE_TIMEOUT
    # Headers and a sendfile body go out as separate writes: with Nagle on, a body shorter than
    # one segment waits for the client's delayed ACK (~40 ms per request, measured).
    disable_nagle_algorithm = True
    server: EditionServer

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, *, send_body: bool) -> None:
        root = self.server.root
        try:
            path = resolve_request_path(root, self.path)
        except Forbidden:
            self._error(HTTPStatus.NOT_FOUND)  # 404, not 403: reveal nothing about the disk
            return
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                # Built from the resolved folder, never echoed: no open redirect via "//host".
                relative = path.relative_to(root).as_posix()
                self._redirect("/" + quote(relative) + "/" if relative != "." else "/")
                return
            path = path / "index.html"
        try:
            file = open(path, "rb")
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError, PermissionError):
            self._error(HTTPStatus.NOT_FOUND)
            return
        with file:
            self._send_file(file, path, send_body=send_body)

    def _send_file(self, file: BinaryIO, path: Path, *, send_body: bool) -> None:
        stat = os.fstat(file.fileno())
        size = stat.st_size
        etag = f'"{stat.st_mtime_ns:x}-{size:x}"'
        if etag in _etags(self.headers.get("If-None-Match")):
            self._head(HTTPStatus.NOT_MODIFIED, [("ETag", etag)], length=None)
            return
        byte_range: ByteRange | None = None
        if_range = self.headers.get("If-Range")
        if if_range is None or if_range.strip() == etag:
            try:
                byte_range = parse_range(self.headers.get("Range"), size)
            except Unsatisfiable:
                self._head(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                           [("Content-Range", f"bytes */{size}")], length=0)
                return
        headers = [
            ("Content-Type", content_type(path.name)),
            ("Accept-Ranges", "bytes"),
            ("ETag", etag),
            ("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True)),
        ]
        if path.name.lower().endswith(_REVALIDATE):
            headers.append(("Cache-Control", "no-cache"))
        if path.name.lower().endswith((".xml", ".json", ".vtt", ".srt")):
            # Web players (and the podcast index's checker) fetch these cross-origin.
            headers.append(("Access-Control-Allow-Origin", "*"))
        if byte_range is None:
            start, length, status = 0, size, HTTPStatus.OK
        else:
            start, length, status = byte_range.start, byte_range.length, HTTPStatus.PARTIAL_CONTENT
            headers.append(("Content-Range", f"bytes {byte_range.start}-{byte_range.end}/{size}"))
        self._head(status, headers, length=length)
        if send_body and length:
            self.wfile.flush()  # headers out before the kernel sends the body
            try:
                self.connection.sendfile(file, offset=start, count=length)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # a player that seeks drops the old request

    def _head(self, status: HTTPStatus, headers: list[tuple[str, str]],
              length: int | None) -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def _error(self, status: HTTPStatus) -> None:
        body = f"{status.value} {status.phrase}\n".encode()
        self._head(status, [("Content-Type", "text/plain; charset=utf-8")], length=len(body))
        if self.command != "HEAD":
            self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self._head(HTTPStatus.MOVED_PERMANENTLY, [("Location", location)], length=0)

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")


def _etags(header: str | None) -> set[str]:
    if not header:
        return set()
    return {tag.strip().removeprefix("W/") for tag in header.split(",")}


class EditionServer(ThreadingHTTPServer):
    """A thread per connection; daemon threads so Ctrl-C never waits for idle keep-alives."""

    daemon_threads = True
    request_queue_size = 128  # the default 5 drops connections from bursts of clients

    def __init__(self, address: tuple[str, int], root: Path, verbose: bool = False) -> None:
        self.root = root.resolve()
        self.verbose = verbose
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, EditionRequestHandler)

    @property
    def url(self) -> str:
        """The address the server is listening on, e.g. ``http://127.0.0.1:8000/``."""
        host, port = self.socket.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"


def make_server(folder: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
                verbose: bool = False) -> EditionServer:
    """Bind a server for ``folder`` (port 0 picks a free port); call ``serve_forever()``.

    Raises ``PublishError`` when the folder is missing or the address cannot be bound.
    """
    if not folder.is_dir():
        raise PublishError(f"{folder}: no such folder; build an edition first, or name the "
                           f"folder to serve")
    try:
        return EditionServer((host, port), folder, verbose=verbose)
    except OSError as error:
        hint = f"; try --port {port + 1}" if error.errno == 98 else ""
        raise PublishError(f"cannot listen on {host}:{port}: {error.strerror}{hint}") from error


def serve(folder: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
          verbose: bool = False, on_ready: Callable[[str], None] | None = None) -> None:
    """Serve ``folder`` until interrupted (Ctrl-C); ``on_ready`` gets the URL once listening."""
    server = make_server(folder, host, port, verbose=verbose)
    with server:
        if on_ready is not None:
            on_ready(server.url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
