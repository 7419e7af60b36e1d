"""HTTP at the byte level for the server tests: send exact bytes, count the answers that come back.

``http.client`` tidies requests and reads one response at a time; a smuggled request is only
visible to a client that writes raw bytes and counts every response on the wire.
"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class RawResponse:
    status: int
    headers: dict[str, str]
    body: bytes


def read_until_closed(sock: socket.socket, timeout: float = 5.0) -> bytes:
    """Everything the server sends until it closes; TimeoutError if it keeps the line open."""
    sock.settimeout(timeout)
    chunks = []
    deadline = time.monotonic() + timeout
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError("the server kept the connection open")
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def parse_responses(data: bytes) -> list[RawResponse]:
    """Split a stream of HTTP/1.1 responses (each with Content-Length, or none for 304)."""
    responses = []
    while data:
        head, separator, data = data.partition(b"\r\n\r\n")
        assert separator, f"a truncated response head: {head[:200]!r}"
        lines = head.decode("latin-1").split("\r\n")
        assert lines[0].startswith("HTTP/1.1 "), lines[0]
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        responses.append(RawResponse(int(lines[0].split()[1]), headers, data[:length]))
        data = data[length:]
    return responses


def read_response(sock: socket.socket, timeout: float = 5.0) -> RawResponse:
    """Exactly one response (head and Content-Length body), leaving the connection open."""
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, "closed before a whole response head"
        data += chunk
    head = data.split(b"\r\n\r\n", 1)[0]
    length = int(parse_responses(head + b"\r\n\r\n")[0].headers.get("content-length", "0"))
    while len(data) < len(head) + 4 + length:
        chunk = sock.recv(65536)
        assert chunk, "closed within a response body"
        data += chunk
    (response,) = parse_responses(data)
    return response


def exchange(address: tuple[str, int], data: bytes, timeout: float = 5.0) -> list[RawResponse]:
    """Send ``data`` on a fresh connection; every response the server sends before closing."""
    with socket.create_connection(address, timeout=timeout) as sock:
        sock.sendall(data)
        return parse_responses(read_until_closed(sock, timeout))


def get(path: str, *extra: str, close: bool = False) -> bytes:
    """A GET's bytes with Host (and ``extra`` header lines), CRLF line ends."""
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", *extra]
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
