"""Reading one HTTP/1.1 request head strictly, so no request hides inside another.

A request smuggled past a proxy lives in the gaps between two readings of the same bytes: a
body one side counts and the other does not (a GET with Content-Length, Content-Length beside
Transfer-Encoding, two different lengths, "+5" or "0x10"), a header line folded onto the
previous one, a bare CR or LF. This server only answers GET and HEAD, so it takes the strict
side of RFC 9112 everywhere: anything ambiguous is a 400 and the connection is closed (the
server reads no further bytes from it); a declared body on a GET is read and thrown away
(by the server, bounded), never parsed as a request.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus

MAX_HEAD_BYTES = 16 * 1024  # request line + headers; browsers send well under 8 KiB
MAX_HEADERS = 100
MAX_DISCARDED_BODY = 64 * 1024  # a GET's body, read and thrown away; larger: 413 and close

_TOKEN = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_TARGET = re.compile(rb"[\x21-\x7e]+")  # visible ASCII: no spaces, controls or raw UTF-8
_VERSION = re.compile(rb"HTTP/([0-9])\.([0-9])")
_CONTROL = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")  # CTLs except HT, forbidden in values
_DIGITS = re.compile(r"[0-9]{1,18}")


class BadRequest(Exception):
    """The head cannot be read safely: answer ``status`` and close the connection."""

    def __init__(self, status: HTTPStatus, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Request:
    """One request head as read off the wire; header names are lower case."""

    method: str
    target: str
    version: tuple[int, int]
    headers: Mapping[str, tuple[str, ...]]
    body_length: int
    """Bytes of body that follow the head (Content-Length; 0 when absent)."""
    keep_alive: bool

    def header(self, name: str) -> str | None:
        """The header's value, several lines joined with ", " as RFC 9110 §5.3 allows."""
        values = self.headers.get(name)
        return None if values is None else ", ".join(values)

    def single(self, name: str) -> str | None:
        """The header's value when it is sent once; None when absent or repeated."""
        values = self.headers.get(name)
        return values[0] if values is not None and len(values) == 1 else None

    @property
    def request_line(self) -> str:
        return f"{self.method} {self.target} HTTP/{self.version[0]}.{self.version[1]}"


def parse_head(head: bytes) -> Request:
    """Read a request head (the bytes before the blank line, CRLF line ends).

    Raises ``BadRequest`` (400, 431, 501 or 505) for anything this server will not guess at.
    """
    lines = head.split(b"\r\n")
    if any(b"\r" in line or b"\n" in line for line in lines):
        raise BadRequest(HTTPStatus.BAD_REQUEST, "bare CR or LF in the head")
    method, target, version = _request_line(lines[0])
    if len(lines) - 1 > MAX_HEADERS:
        raise BadRequest(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "too many header lines")
    headers: dict[str, list[str]] = {}
    for line in lines[1:]:
        if line[:1] in (b" ", b"\t"):
            raise BadRequest(HTTPStatus.BAD_REQUEST, "folded header line (obs-fold)")
        name, colon, value = line.partition(b":")
        if not colon or _TOKEN.fullmatch(name) is None:
            # Includes "Name : value": whitespace before the colon MUST be refused (RFC 9112 §5.1).
            raise BadRequest(HTTPStatus.BAD_REQUEST, "malformed header line")
        value = value.strip(b" \t")
        if _CONTROL.search(value):
            raise BadRequest(HTTPStatus.BAD_REQUEST, "control character in a header value")
        headers.setdefault(name.decode("ascii").lower(), []).append(value.decode("latin-1"))
    frozen = {name: tuple(values) for name, values in headers.items()}
    if version >= (1, 1) and len(frozen.get("host", ())) != 1:
        raise BadRequest(HTTPStatus.BAD_REQUEST, "HTTP/1.1 needs exactly one Host header")
    body_length = _body_length(method, frozen)
    tokens = {t.strip().lower() for v in frozen.get("connection", ()) for t in v.split(",")}
    keep_alive = "close" not in tokens and (version >= (1, 1) or "keep-alive" in tokens)
    return Request(method, target, version, frozen, body_length, keep_alive)


def _request_line(line: bytes) -> tuple[str, str, tuple[int, int]]:
    parts = line.split(b" ")
    if len(parts) != 3:
        raise BadRequest(HTTPStatus.BAD_REQUEST, "malformed request line")
    method, target, version = parts
    match = _VERSION.fullmatch(version)
    if _TOKEN.fullmatch(method) is None or _TARGET.fullmatch(target) is None or match is None:
        raise BadRequest(HTTPStatus.BAD_REQUEST, "malformed request line")
    major, minor = int(match.group(1)), int(match.group(2))
    if major != 1:
        raise BadRequest(HTTPStatus.HTTP_VERSION_NOT_SUPPORTED, f"HTTP/{major}.{minor}")
    return method.decode("ascii"), target.decode("ascii"), (1, min(minor, 1))


def _body_length(method: str, headers: Mapping[str, tuple[str, ...]]) -> int:
    lengths = [v.strip() for value in headers.get("content-length", ()) for v in value.split(",")]
    if "transfer-encoding" in headers:
        if lengths:
            raise BadRequest(HTTPStatus.BAD_REQUEST, "both Transfer-Encoding and Content-Length")
        if method in ("GET", "HEAD"):
            raise BadRequest(HTTPStatus.BAD_REQUEST, f"Transfer-Encoding on a {method}")
        raise BadRequest(HTTPStatus.NOT_IMPLEMENTED, f"{method} with a chunked body")
    if not lengths:
        return 0
    if any(_DIGITS.fullmatch(v) is None for v in lengths):
        raise BadRequest(HTTPStatus.BAD_REQUEST, "invalid Content-Length")
    if len({int(v) for v in lengths}) != 1:
        raise BadRequest(HTTPStatus.BAD_REQUEST, "differing Content-Length values")
    return int(lengths[0])
