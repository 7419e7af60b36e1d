"""The connections: one event loop, a bounded number of clients, each on a clock.

Decision (issue 12): one asyncio loop over non-blocking sockets instead of ``http.server``'s
thread per connection, which let 400 idle half-sent requests take every thread and file
descriptor, spin at 93% CPU on EMFILE and print hundreds of tracebacks. Here an idle
connection costs one socket and one timer, and:

- at most ``max_connections`` sockets are open, fitted under the open-file limit together with
  ``max_open_files`` files being sent, so accept() normally never meets EMFILE. A client that
  arrives at the bound takes the place of the connection idle the longest, first among those
  that have not yet sent a whole request (silent or half-sent: where a slowloris lives), then
  among kept-alive ones between requests: a half-sent request cannot hold a slot against a
  real listener. Only when every connection is busy sending does the newcomer get
  503 with Retry-After.
- should accept() still run out of descriptors (other files in the process, ENFILE), the loop
  closes the longest-idle connection or waits 0.1 s before trying again: it never spins, and
  says so in one line at most once a minute.
- a request head must arrive whole within ``header_timeout`` (10 s); a kept-alive connection
  must start its next request within ``idle_timeout`` (15 s); a client that takes no bytes for
  ``send_timeout`` (60 s) is dropped.
- a file slot is held by a client only while it reads: when every slot is taken and another
  request waits, the reader that has taken the fewest bytes per second (counted as the kernel
  sees them acknowledged, not as they left for the socket buffer), if under ``min_send_rate``,
  is dropped and its slot goes to the newcomer. Time alone did not bound it: a client reading
  1 KB every 20 s never hit the 60 s send timeout and held its slot for as long as it liked.
- a client's fault is never a traceback: one line on stderr with ``--verbose``, else silence.

Files go out with sendfile(2) (zero copy), a small one in the same write as its head.

Decision (issue 27, step 7): this loop stays; aiohttp's web server was tried and fails at
what this module exists for. The trial, ``benchmarks/serve_aiohttp.py``, keeps our path check,
public-file rule, redirects, preview overlay, MIME types and file slots, and gives aiohttp the
rest: its llhttp parser, keep-alive and ``FileResponse`` (HEAD, ranges, conditionals,
sendfile). ``pytest tests/publish/test_serve*.py --serve-with=aiohttp`` (aiohttp 3.14.5):
51 of 90 pass. What fails:

- slowloris and slow readers (8 of the 12 limits tests): aiohttp has one clock for a silent,
  half-sent or kept-alive connection (``keepalive_timeout`` from connect or the last answer,
  here ``idle_timeout``; closed without a 408), no bound on connections, no eviction of idle
  ones, no send timeout and no way to drop a slow reader. With 400 half-sent heads under 256
  open files every listener timed out; out of descriptors, ``FileResponse`` answers 404 for a
  file that exists (an app may drop the episode). A client's fault is logged at ERROR with a
  traceback (the 9th).
- ranges (3 of test_serve.py's 45): If-Range with an ETag is ignored (read only as a date),
  so resuming a changed file gets 206 and new bytes spliced onto old ones; several ranges, an
  invalid one (``9-3``) or a number over 4,300 digits get 416 where RFC 9110 says ignore (200).
- strict requests (27 of 33): llhttp refuses every ambiguous head as well (400, closed, nothing
  smuggled) but without ``Connection: close``; it says 400 where we say 431 or 505, keeps the
  connection after a 501, waits for a GET's 64 KiB+ body instead of 413, answers HTTP/1.0 with
  an ``HTTP/1.0`` status line (RFC 9110 §2.5 asks for 1.1), and accepts a request line with two
  spaces.

``benchmarks/serve.py`` (32 clients, 1,500 requests a scenario, 2 cores shared with other
work). Cores to spare (load ~2; ``--calm-only``, two runs): ours answers 1.9-2.8x aiohttp's
requests a second at 0.3-0.5x its p99 (feed 5,956 and 3,516 vs 2,136 and 1,560/s; ranged
5,186 and 3,165 vs 2,175 and 1,632/s), each using about one core. Cores contended (load 5-6;
two full runs): aiohttp answers 1.2-1.6x ours (feed 2,076 vs 1,765 and 1,260 vs 987/s; ranged
1,861 vs 1,335 and 1,347 vs 839/s), using 45-62% CPU to our 20-32% (it opens and stats files
in a thread pool; not profiled further). Under abuse (400 half-sent heads, 256 open files)
ours answers 787-1,452/s with no error; aiohttp 2-7/s, every answer a 404, 64 requests timed
out. What aiohttp does as well (strict parsing, sendfile) would take no code out of here:
what stays is the connection loop, which aiohttp keeps inside its protocol class.
"""

from __future__ import annotations

import asyncio
import email.utils
import errno
import fcntl
import os
import resource
import socket
import stat
import struct
import sys
import termios
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from http import HTTPStatus
from pathlib import Path
from typing import BinaryIO

from audio_edition.errors import PublishError
from audio_edition.publish.serve.files import (
    NotFound,
    Unsatisfiable,
    content_type,
    folder_redirect,
    index_of,
    parse_range,
    resolve_request_path,
)
from audio_edition.publish.serve.request import (
    MAX_DISCARDED_BODY,
    MAX_HEAD_BYTES,
    BadRequest,
    Request,
    parse_head,
)
from audio_edition.show import DEFAULT_HOST, DEFAULT_PORT

# The feed and page change with every publish: clients must revalidate (cheap: ETag → 304).
_REVALIDATE = (".xml", ".html", ".json")
# Web players (and the podcast index's checker) fetch these cross-origin.
_CROSS_ORIGIN = (".xml", ".json", ".vtt", ".srt")
_INLINE_BODY = 64 * 1024  # a body this small goes out in the same write as its head
_SEND_CHUNK = 128 * 1024  # a client must take this much within send_timeout to stay connected
_RECV_BYTES = 16 * 1024
_RESERVED_FDS = 32  # stdio, the event loop's own descriptors, the listening socket, logs
_OUT_OF_FDS = (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM)
_MAX_REFUSING = 16  # 503s being written at once; past this a newcomer is simply closed
_WARN_EVERY = 60.0
_GRACE = 2.0  # seconds a new reader gets before its pace is judged
_SLOT_POLL = 0.25  # how often a request waiting for a file slot looks for a slow reader to drop


@dataclass(frozen=True)
class ServeLimits:
    """How much any one client may hold, and for how long (seconds)."""

    header_timeout: float = 10.0
    """A request head must arrive whole within this (from connect, or from its first byte)."""
    idle_timeout: float = 15.0
    """A kept-alive connection must start its next request within this."""
    send_timeout: float = 60.0
    """A client that takes no bytes of a response for this long is dropped."""
    max_connections: int = 1024
    """Open connections at most; lowered to fit the open-file limit."""
    max_open_files: int = 64
    """Files being sent at once; further requests wait their turn (503 after header_timeout)."""
    min_send_rate: float = 4096.0
    """Bytes per second a client must take, on average, to keep a file slot another request is
    waiting for: below it (after ``_GRACE`` seconds) the slowest reader is dropped to make room."""


def fit_to_open_file_limit(limits: ServeLimits) -> tuple[int, int]:
    """(connections, open files) that fit this process's open-file limit, with room to spare.

    Raises the soft limit toward the hard one first, only as far as ``limits`` needs (a
    default soft limit of 1024 is a leftover of select(), not a policy).
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = limits.max_connections + limits.max_open_files + _RESERVED_FDS
    if soft != resource.RLIM_INFINITY and soft < wanted:
        raised = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (raised, hard))
            soft = raised
        except (ValueError, OSError):
            pass
    budget = wanted if soft == resource.RLIM_INFINITY else max(8, soft - _RESERVED_FDS)
    files = max(1, min(limits.max_open_files, budget // 4))
    return max(1, min(limits.max_connections, budget - files)), files


class _Connection:
    """One client's socket and the task that talks to it."""

    __slots__ = ("sock", "peer", "task", "evicted", "sending_since", "sent")

    def __init__(self, sock: socket.socket, peer: str) -> None:
        self.sock = sock
        self.peer = peer
        self.task: asyncio.Task[None] | None = None
        self.evicted = False
        self.sending_since = 0.0
        """When it took its file slot (loop time)."""
        self.sent = 0
        """Bytes handed to its socket since then."""

    def taken(self) -> int:
        """Bytes the client has taken since it took its slot: what was handed to the socket less
        what still waits in the kernel's send queue (SIOCOUTQ), which a client that does not
        read fills without reading a byte."""
        try:
            queued: int = struct.unpack("i", fcntl.ioctl(self.sock.fileno(), termios.TIOCOUTQ, b"\0\0\0\0"))[
                0
            ]
        except OSError:
            queued = 0
        return max(0, self.sent - queued)


def _no_follow(path: str, flags: int) -> int:
    # The path is already resolved: a symlink swapped in since is refused, and O_NONBLOCK
    # keeps a FIFO from blocking the loop until fstat() turns it away.
    return os.open(path, flags | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)


class EditionServer:
    """Serves a folder on one address; ``serve_forever()`` runs it, ``shutdown()`` stops it."""

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
        """A folder whose files are served instead of the same paths under ``root`` (the feeds
        and pages of a local preview, rendered for this server's address)."""
        self.verbose = verbose
        self.limits = limits
        self.max_connections, self.max_open_files = fit_to_open_file_limit(limits)
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        # The backlog holds a burst of newcomers while the loop is busy; the kernel caps it.
        self.socket = socket.create_server(address, family=family, backlog=1024)
        self.socket.setblocking(False)
        self.server_address: tuple[str, int] = self.socket.getsockname()[:2]
        self._connections: dict[_Connection, None] = {}
        # Idle connections in the order they became idle, oldest first: those that have not
        # yet sent one whole request (where a slowloris lives), then kept-alive ones that have.
        self._unanswered: dict[_Connection, None] = {}
        self._kept_alive: dict[_Connection, None] = {}
        self._evicting = 0
        self._refusals: set[asyncio.Task[None]] = set()
        self._senders: dict[_Connection, None] = {}
        """Connections holding a file slot."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._files: asyncio.Semaphore | None = None
        self._running = threading.Event()
        self._finished = threading.Event()
        self._stop_requested = False
        self._last_warning = -_WARN_EVERY
        self._date = (0, "")

    @property
    def url(self) -> str:
        """The address the server is listening on, e.g. ``http://127.0.0.1:8000/``."""
        host, port = self.server_address
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def serve_forever(self) -> None:
        """Answer requests until ``shutdown()`` is called from another thread, or Ctrl-C."""
        self._finished.clear()
        try:
            asyncio.run(self._serve())
        finally:
            self._running.clear()
            self._finished.set()

    def shutdown(self) -> None:
        """Stop ``serve_forever()`` (running in another thread) and wait until it returns."""
        self._stop_requested = True
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and self._running.is_set():
            try:
                loop.call_soon_threadsafe(stop.set)
            except RuntimeError:  # the loop has already closed
                return
            self._finished.wait()

    def server_close(self) -> None:
        """Close the listening socket."""
        self.socket.close()

    def __enter__(self) -> EditionServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server_close()

    # --- the loop ----------------------------------------------------------------------------
    async def _serve(self) -> None:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(self._loop_trouble)
        self._loop, self._stop = loop, asyncio.Event()
        self._files = asyncio.Semaphore(self.max_open_files)
        self._running.set()
        if self._stop_requested:
            return
        accepting = asyncio.create_task(self._accept_forever())
        try:
            await self._stop.wait()
        finally:
            accepting.cancel()
            tasks = [c.task for c in self._connections if c.task is not None]
            for task in [*tasks, *self._refusals]:
                task.cancel()
            await asyncio.gather(accepting, *tasks, *self._refusals, return_exceptions=True)

    async def _accept_forever(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            try:
                sock, address = await loop.sock_accept(self.socket)
            except OSError as error:
                if error.errno in _OUT_OF_FDS:
                    self._warn(
                        f"out of file descriptors ({error.strerror}) with "
                        f"{len(self._connections)} connections open; raise the "
                        f"open-file limit (ulimit -n) or lower --max-connections"
                    )
                    # Free a descriptor by closing the longest-idle client; with nothing to
                    # close, wait: retrying at once would spin while the backlog waits.
                    if not await self._evict_and_wait("out of file descriptors"):
                        await asyncio.sleep(0.1)
                elif error.errno in (errno.ECONNABORTED, errno.EPROTO, errno.EPERM):
                    pass  # that client gave up before we took it
                else:
                    self._warn(f"accept() failed: {error.strerror or error}")
                    await asyncio.sleep(0.1)
                continue
            self._admit(sock, str(address[0]))
            # Let the new connection (and any evicted one) run before the next accept, so a
            # burst of newcomers cannot outrun the closing of the connections they replace.
            await asyncio.sleep(0)

    def _admit(self, sock: socket.socket, peer: str) -> None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # head, then sendfile body
        if (
            len(self._connections) - self._evicting >= self.max_connections
            and self._evict_idle(f"{self.max_connections} connections open") is None
        ):
            self._refuse(sock, peer)
            return
        connection = _Connection(sock, peer)
        self._connections[connection] = None
        self._unanswered[connection] = None
        task = asyncio.create_task(self._converse(connection))
        connection.task = task
        # A done-callback, not a finally: a task cancelled before it first ran has no finally.
        task.add_done_callback(lambda done: self._forget(connection, done))

    def _evict_idle(self, why: str) -> asyncio.Task[None] | None:
        """Start closing the connection idle the longest; its task, or None if none is idle."""
        for idle in (self._unanswered, self._kept_alive):
            if not idle:
                continue
            connection = next(iter(idle))
            del idle[connection]
            connection.evicted = True
            self._evicting += 1
            assert connection.task is not None
            connection.task.cancel()
            self._log(f"{connection.peer} idle connection closed: {why}")
            return connection.task
        return None

    async def _evict_and_wait(self, why: str) -> bool:
        """Close the longest-idle connection and wait until its descriptor is free."""
        task = self._evict_idle(why)
        if task is None:
            return False
        # The socket is closed by the task's done-callback, which runs before this wait's.
        await asyncio.wait([task], timeout=1.0)
        return True

    def _forget(self, connection: _Connection, task: asyncio.Task[None]) -> None:
        self._connections.pop(connection, None)
        self._not_idle(connection)
        if connection.evicted:
            self._evicting -= 1
        connection.sock.close()
        error = None if task.cancelled() else task.exception()
        if error is not None:  # our bug, not the client's: worth its traceback
            sys.stderr.write(
                "audio-edition serve: internal error\n" + "".join(traceback.format_exception(error))
            )

    def _refuse(self, sock: socket.socket, peer: str) -> None:
        if len(self._refusals) >= _MAX_REFUSING:
            sock.close()
            return
        task = asyncio.create_task(self._send_refusal(sock))
        self._refusals.add(task)

        def refused(done: asyncio.Task[None]) -> None:
            self._refusals.discard(done)
            sock.close()

        task.add_done_callback(refused)
        self._log(f"{peer} 503: every connection is busy ({self.max_connections})")

    async def _send_refusal(self, sock: socket.socket) -> None:
        loop = asyncio.get_running_loop()
        head = self._head_bytes(
            HTTPStatus.SERVICE_UNAVAILABLE, [("Retry-After", "5"), ("Content-Length", "0")], None
        )
        try:
            async with asyncio.timeout(1.0):
                await loop.sock_sendall(sock, head)
                sock.shutdown(socket.SHUT_WR)
                # Read what the client sent before closing: closing with unread bytes sends a
                # reset, which can destroy the 503 before the client reads it.
                for _ in range(4):
                    if not await loop.sock_recv(sock, _RECV_BYTES):
                        break
        except OSError:
            pass

    # --- one connection ----------------------------------------------------------------------
    def _mark_idle(self, connection: _Connection, *, answered: bool) -> None:
        self._not_idle(connection)
        (self._kept_alive if answered else self._unanswered)[connection] = None

    def _not_idle(self, connection: _Connection) -> None:
        self._unanswered.pop(connection, None)
        self._kept_alive.pop(connection, None)

    async def _converse(self, connection: _Connection) -> None:
        loop = asyncio.get_running_loop()
        buffer = bytearray()
        connected_at: float | None = loop.time()
        try:
            while True:
                self._mark_idle(connection, answered=connected_at is None)
                try:
                    head = await self._read_head(connection.sock, buffer, connected_at)
                    if head is None:
                        return
                    self._not_idle(connection)
                    connected_at = None
                    request = parse_head(head)
                    if request.method not in ("GET", "HEAD"):
                        raise BadRequest(HTTPStatus.NOT_IMPLEMENTED, f"method {request.method}")
                    await self._discard_body(connection.sock, buffer, request.body_length)
                except BadRequest as error:
                    self._not_idle(connection)
                    self._log(f"{connection.peer} {error.status.value} {error.reason}")
                    await self._send_status(connection, error.status, None)
                    return
                if not await self._respond(connection, request):
                    return
        except OSError as error:  # reset, broken pipe, a send timeout: the client is gone
            reason = (
                "took no bytes"
                if isinstance(error, TimeoutError)
                else (error.strerror or type(error).__name__)
            )
            self._log(f"{connection.peer} connection dropped: {reason}")

    async def _read_head(
        self, sock: socket.socket, buffer: bytearray, connected_at: float | None
    ) -> bytes | None:
        """The next request head from ``buffer`` and the socket; None when the client left
        or stayed silent past its time (closed quietly)."""
        loop = asyncio.get_running_loop()
        limits = self.limits
        # A new connection has header_timeout from connect for its whole head; a kept-alive
        # one has idle_timeout for the first byte of its next request, then header_timeout.
        deadline = None if connected_at is None else connected_at + limits.header_timeout
        idle_deadline = loop.time() + limits.idle_timeout
        searched = 0
        while True:
            while buffer[:2] == b"\r\n":  # RFC 9112 §2.2: empty lines before a request
                del buffer[:2]
            if buffer:
                if deadline is None:
                    deadline = loop.time() + limits.header_timeout
                end = buffer.find(b"\r\n\r\n", searched)
                if 0 <= end <= MAX_HEAD_BYTES:
                    head = bytes(buffer[:end])
                    del buffer[: end + 4]
                    return head
                if end > MAX_HEAD_BYTES or len(buffer) > MAX_HEAD_BYTES:
                    raise BadRequest(
                        HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        f"request head over {MAX_HEAD_BYTES // 1024} KiB",
                    )
                searched = max(0, len(buffer) - 3)
            try:
                async with asyncio.timeout_at(idle_deadline if deadline is None else deadline):
                    data = await loop.sock_recv(sock, _RECV_BYTES)
            except TimeoutError:
                if buffer:
                    raise BadRequest(
                        HTTPStatus.REQUEST_TIMEOUT,
                        f"request head not complete within {limits.header_timeout:g} s",
                    ) from None
                return None
            if not data:
                return None
            buffer += data

    async def _discard_body(self, sock: socket.socket, buffer: bytearray, length: int) -> None:
        """Read and throw away a GET's declared body, so it is never read as a request."""
        if length > MAX_DISCARDED_BODY:
            raise BadRequest(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a {length}-byte body on a GET or HEAD")
        taken = min(length, len(buffer))
        del buffer[:taken]
        remaining = length - taken
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(self.limits.header_timeout):
                while remaining:
                    data = await loop.sock_recv(sock, min(remaining, _RECV_BYTES))
                    if not data:
                        raise ConnectionResetError(errno.ECONNRESET, "closed within its body")
                    remaining -= len(data)
        except TimeoutError:
            raise BadRequest(HTTPStatus.REQUEST_TIMEOUT, "request body not complete") from None

    async def _respond(self, connection: _Connection, request: Request) -> bool:
        """Answer one GET or HEAD; True when the connection stays open for the next."""
        try:
            path = resolve_request_path(self.root, request.target)
            if os.path.isdir(path):
                redirect = folder_redirect(self.root, path, request.target)
                if redirect is not None:
                    await self._send_status(
                        connection,
                        HTTPStatus.MOVED_PERMANENTLY,
                        request,
                        (("Location", redirect.location),),
                        body=False,
                    )
                    return request.keep_alive
                path = index_of(self.root, path)
            if self.overlay is not None:
                instead = os.path.join(self.overlay, os.path.relpath(path, self.root))
                path = instead if os.path.isfile(instead) else path
        except NotFound as reason:
            self._log(f'{connection.peer} "{request.request_line[:200]}" 404 ({reason})')
            await self._send_status(connection, HTTPStatus.NOT_FOUND, request)
            return request.keep_alive
        assert self._files is not None
        if not await self._take_file_slot():
            await self._send_status(
                connection, HTTPStatus.SERVICE_UNAVAILABLE, request, (("Retry-After", "5"),)
            )
            return request.keep_alive
        connection.sending_since, connection.sent = asyncio.get_running_loop().time(), 0
        self._senders[connection] = None
        try:
            try:
                file = await self._open(path)
            except OSError as error:
                busy = error.errno in _OUT_OF_FDS
                if busy:
                    self._warn(f"cannot open a file to send: {error.strerror}")
                await self._send_status(
                    connection,
                    HTTPStatus.SERVICE_UNAVAILABLE if busy else HTTPStatus.NOT_FOUND,
                    request,
                    (("Retry-After", "5"),) if busy else (),
                )
                return request.keep_alive
            with file:
                return await self._send_file(connection, request, file, path)
        finally:
            self._senders.pop(connection, None)
            self._files.release()

    async def _take_file_slot(self) -> bool:
        """Wait for a file slot, dropping the slowest reader under ``min_send_rate`` to make
        room; False after ``header_timeout`` without one (the request gets 503)."""
        assert self._files is not None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.limits.header_timeout
        while True:
            if not self._files.locked():
                await self._files.acquire()
                return True
            self._drop_slowest_reader(loop.time())
            try:
                async with asyncio.timeout(min(_SLOT_POLL, max(0.0, deadline - loop.time()))):
                    await self._files.acquire()
                return True
            except TimeoutError:
                if loop.time() >= deadline:
                    return False

    def _drop_slowest_reader(self, now: float) -> None:
        slowest, pace = None, self.limits.min_send_rate
        for sender in self._senders:
            age = now - sender.sending_since
            if age < _GRACE or sender.evicted or sender.task is None:
                continue
            rate = sender.taken() / age
            if rate < pace:
                slowest, pace = sender, rate
        if slowest is not None and slowest.task is not None:
            slowest.evicted = True
            self._evicting += 1
            slowest.task.cancel()  # its finally gives the slot back
            self._log(
                f"{slowest.peer} dropped: took {pace:.0f} bytes/s while another request waited "
                f"for a file slot (at least {self.limits.min_send_rate:.0f} wanted)"
            )

    async def _open(self, path: str) -> BinaryIO:
        """Open a file to send; out of descriptors, first make room by closing an idle client."""
        for _ in range(3):
            try:
                return open(path, "rb", buffering=0, opener=_no_follow)
            except OSError as error:
                if error.errno not in _OUT_OF_FDS or not await self._evict_and_wait(
                    "out of file descriptors"
                ):
                    raise
        return open(path, "rb", buffering=0, opener=_no_follow)

    async def _send_file(self, connection: _Connection, request: Request, file: BinaryIO, path: str) -> bool:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device reached through a symlink
            await self._send_status(connection, HTTPStatus.NOT_FOUND, request)
            return request.keep_alive
        size = info.st_size
        etag = f'"{info.st_mtime_ns:x}-{size:x}"'
        headers = [("ETag", etag), ("Last-Modified", email.utils.formatdate(info.st_mtime, usegmt=True))]
        name = os.path.basename(path).lower()
        if name.endswith(_REVALIDATE):
            headers.append(("Cache-Control", "no-cache"))
        if name.endswith(_CROSS_ORIGIN):
            headers.append(("Access-Control-Allow-Origin", "*"))
        if _not_modified(request, etag, info.st_mtime):
            await self._send(connection, request, HTTPStatus.NOT_MODIFIED, headers, b"")
            return request.keep_alive
        byte_range = None
        if_range = request.header("if-range")
        if if_range is None or if_range.strip() == etag:
            try:
                # A repeated Range header is ambiguous: single() ignores it (200, whole file).
                byte_range = parse_range(request.single("range"), size)
            except Unsatisfiable:
                await self._send(
                    connection,
                    request,
                    HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    [*headers, ("Content-Range", f"bytes */{size}"), ("Content-Length", "0")],
                    b"",
                )
                return request.keep_alive
        headers = [("Content-Type", content_type(name)), ("Accept-Ranges", "bytes"), *headers]
        if byte_range is None:
            start, length, status = 0, size, HTTPStatus.OK
        else:
            start, length, status = byte_range.start, byte_range.length, HTTPStatus.PARTIAL_CONTENT
            headers.append(("Content-Range", f"bytes {byte_range.start}-{byte_range.end}/{size}"))
        headers.append(("Content-Length", str(length)))
        if request.method == "HEAD" or length == 0:
            await self._send(connection, request, status, headers, b"")
        elif length <= _INLINE_BODY:
            data = os.pread(file.fileno(), length, start)
            if len(data) != length:  # cut short under us: never send bytes we did not promise
                self._log(f"{connection.peer} {path}: file changed while being read")
                return False
            await self._send(connection, request, status, headers, data)
        else:
            await self._send(connection, request, status, headers, b"")
            if not await self._send_body(connection, file, start, length):
                self._log(f"{connection.peer} {path}: file changed while being sent")
                return False
        self._log(f'{connection.peer} "{request.request_line[:200]}" {status.value} {length}')
        return request.keep_alive

    async def _send_body(self, connection: _Connection, file: BinaryIO, start: int, length: int) -> bool:
        loop = asyncio.get_running_loop()
        sock = connection.sock
        offset, end = start, start + length
        while offset < end:
            async with asyncio.timeout(self.limits.send_timeout):
                sent = await loop.sock_sendfile(sock, file, offset, min(_SEND_CHUNK, end - offset))
            if sent == 0:
                return False
            offset += sent
            connection.sent += sent
        return True

    async def _send(
        self,
        connection: _Connection,
        request: Request | None,
        status: HTTPStatus,
        headers: list[tuple[str, str]],
        body: bytes,
    ) -> None:
        data = self._head_bytes(status, headers, request) + body
        async with asyncio.timeout(self.limits.send_timeout):
            await asyncio.get_running_loop().sock_sendall(connection.sock, data)

    async def _send_status(
        self,
        connection: _Connection,
        status: HTTPStatus,
        request: Request | None,
        extra: tuple[tuple[str, str], ...] = (),
        *,
        body: bool = True,
    ) -> None:
        """A short plain-text answer; without a request (unreadable) the connection closes."""
        text = f"{status.value} {status.phrase}\n".encode() if body else b""
        headers = [*extra, ("Content-Length", str(len(text)))]
        if text:
            headers.insert(0, ("Content-Type", "text/plain; charset=utf-8"))
        if request is not None and request.method == "HEAD":
            text = b""
        await self._send(connection, request, status, headers, text)

    def _head_bytes(
        self, status: HTTPStatus, headers: list[tuple[str, str]], request: Request | None
    ) -> bytes:
        now = int(time.time())
        if self._date[0] != now:
            self._date = (now, email.utils.formatdate(now, usegmt=True))
        lines = [
            f"HTTP/1.1 {status.value} {status.phrase}",
            f"Date: {self._date[1]}",
            "Server: audio-edition",
            *(f"{name}: {value}" for name, value in headers),
        ]
        if request is None or not request.keep_alive:
            lines.append("Connection: close")
        elif request.version < (1, 1):
            lines.append("Connection: keep-alive")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    # --- what the operator sees ----------------------------------------------------------------
    def _log(self, message: str) -> None:
        if self.verbose:
            sys.stderr.write(message + "\n")

    def _warn(self, message: str) -> None:
        """One line on stderr, at most once a minute: trouble the operator should know of."""
        now = time.monotonic()
        if now - self._last_warning >= _WARN_EVERY:
            self._last_warning = now
            sys.stderr.write(f"audio-edition serve: {message}\n")

    def _loop_trouble(self, loop: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
        error = context.get("exception")
        self._warn(
            f"{context.get('message', 'event loop error')}" + (f": {error!r}" if error is not None else "")
        )


def _not_modified(request: Request, etag: str, mtime: float) -> bool:
    if_none_match = request.header("if-none-match")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or etag in tags
    if_modified_since = request.single("if-modified-since")
    if if_modified_since is None:
        return False
    try:
        since = email.utils.parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError, IndexError, OverflowError):
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return int(mtime) <= since.timestamp()


def make_server(
    folder: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    verbose: bool = False,
    limits: ServeLimits = ServeLimits(),
) -> EditionServer:
    """Bind a server for ``folder`` (port 0 picks a free port); call ``serve_forever()``.

    Raises ``PublishError`` when the folder is missing or the address cannot be bound.
    """
    if not folder.is_dir():
        raise PublishError(f"{folder}: no such folder; build an edition first, or name the folder to serve")
    try:
        return EditionServer((host, port), folder, verbose=verbose, limits=limits)
    except OSError as error:
        hint = f"; try --port {port + 1}" if error.errno == errno.EADDRINUSE else ""
        raise PublishError(f"cannot listen on {host}:{port}: {error.strerror or error}{hint}") from error


def serve(
    folder: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    verbose: bool = False,
    limits: ServeLimits = ServeLimits(),
    on_ready: Callable[[str], None] | None = None,
    overlay_for: Callable[[str], Path | None] | None = None,
) -> None:
    """Serve ``folder`` until interrupted (Ctrl-C); ``on_ready`` gets the URL once listening.
    ``overlay_for(url)``, once the address is known, may give a folder served over ``folder``
    (a preview's feeds and pages, rendered for that address)."""
    server = make_server(folder, host, port, verbose=verbose, limits=limits)
    with server:
        if overlay_for is not None:
            overlay = overlay_for(server.url)
            server.overlay = os.path.realpath(overlay) if overlay is not None else None
        if on_ready is not None:
            on_ready(server.url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
