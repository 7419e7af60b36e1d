"""No request hides inside another: raw bytes on a real socket, every response counted."""

from __future__ import annotations

import socket
import time
from http import HTTPStatus
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audio_edition.publish.serve import BadRequest, EditionServer, parse_head
from audio_edition.publish.serve.request import MAX_DISCARDED_BODY

from .raw_http import exchange, get, parse_responses, read_until_closed

FEED = b"<rss>the feed</rss>"
SMUGGLED = b"a private word the smuggled request asks for"


@pytest.fixture
def site(server: EditionServer, output_dir: Path) -> Path:
    (output_dir / "feed.xml").write_bytes(FEED)
    (output_dir / "index.html").write_bytes(b"<p>page</p>")
    (output_dir / "smuggled.txt").write_bytes(SMUGGLED)
    return output_dir


def address(server: EditionServer) -> tuple[str, int]:
    return server.server_address


def test_a_gets_body_is_read_and_thrown_away_never_answered(server: EditionServer, site: Path) -> None:
    inner = get("/smuggled.txt")
    outer = get("/feed.xml", f"Content-Length: {len(inner)}") + inner
    responses = exchange(address(server), outer + get("/index.html", close=True))
    assert [(r.status, r.body) for r in responses] == [(200, FEED), (200, b"<p>page</p>")]


def test_a_body_sent_slowly_is_still_only_a_body(server: EditionServer, site: Path) -> None:
    inner = get("/smuggled.txt", close=True)
    with socket.create_connection(address(server), timeout=5) as sock:
        sock.sendall(get("/feed.xml", f"Content-Length: {len(inner)}", close=True))
        time.sleep(0.2)
        sock.sendall(inner)
        responses = parse_responses(read_until_closed(sock))
    assert [(r.status, r.body) for r in responses] == [(200, FEED)]


def test_pipelined_requests_are_answered_in_order(server: EditionServer, site: Path) -> None:
    responses = exchange(
        address(server), b"\r\n" + get("/feed.xml") + get("/index.html") + get("/feed.xml", close=True)
    )
    assert [r.body for r in responses] == [FEED, b"<p>page</p>", FEED]


AMBIGUOUS = {
    "Content-Length beside Transfer-Encoding": ("Content-Length: 5", "Transfer-Encoding: chunked"),
    "Transfer-Encoding on a GET": ("Transfer-Encoding: chunked",),
    "two different lengths": ("Content-Length: 5", "Content-Length: 6"),
    "two lengths in one line": ("Content-Length: 5, 6",),
    "a signed length": ("Content-Length: +5",),
    "a negative length": ("Content-Length: -1",),
    "a hex length": ("Content-Length: 0x10",),
    "a length with a space": ("Content-Length: 5 5",),
    "an empty length": ("Content-Length:",),
    "a 5,000-digit length": ("Content-Length: " + "9" * 5000,),
    "a folded header line": ("X-Note: one", " two"),
    "a tab-folded header line": ("X-Note: one", "\tContent-Length: 5"),
    "space before the colon": ("Content-Length : 5",),
    "a bare LF inside the head": ("X-Note: one\nContent-Length: 5",),
    "a bare CR inside the head": ("X-Note: one\rContent-Length: 5",),
    "a NUL in a value": ("X-Note: a\x00b",),
    "a second Host": ("Host: elsewhere",),
}


@pytest.mark.parametrize("lines", AMBIGUOUS.values(), ids=AMBIGUOUS.keys())
def test_an_ambiguous_head_gets_one_400_and_the_connection_closes(
    server: EditionServer, site: Path, lines: tuple[str, ...]
) -> None:
    inner = get("/smuggled.txt", close=True)
    responses = exchange(address(server), get("/feed.xml", *lines) + inner + inner)
    assert [r.status for r in responses] == [400]
    assert responses[0].headers["connection"] == "close"
    assert SMUGGLED not in responses[0].body


@pytest.mark.parametrize(
    "request_bytes, status",
    [
        (b"GET /feed.xml HTTP/1.1\r\n\r\n", 400),  # no Host
        (b"GET /feed.xml  HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET /f\xc3\xa9ed.xml HTTP/1.1\r\nHost: x\r\n\r\n", 400),  # raw UTF-8 in the target
        (b"GET /feed.xml HTTP/2.0\r\nHost: x\r\n\r\n", 505),
        (b"GET /feed.xml HTTP/1.1\r\nHost: x\r\n" + b"X-A: b\r\n" * 101 + b"\r\n", 431),
        (b"GET /feed.xml HTTP/1.1\r\nHost: x\r\nX-A: " + b"b" * 20_000 + b"\r\n\r\n", 431),
        (b"POST /feed.xml HTTP/1.1\r\nHost: x\r\nContent-Length: 45\r\n\r\n" + get("/smuggled.txt"), 501),
        (b"POST /feed.xml HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 501),
        (get("/feed.xml", f"Content-Length: {MAX_DISCARDED_BODY + 1}"), 413),
    ],
)
def test_refusals_are_one_response_then_close(
    server: EditionServer, site: Path, request_bytes: bytes, status: int
) -> None:
    responses = exchange(address(server), request_bytes + get("/smuggled.txt"))
    assert [r.status for r in responses] == [status]


def test_http_1_0_closes_unless_asked_to_keep_alive(server: EditionServer, site: Path) -> None:
    one_shot = exchange(address(server), b"GET /feed.xml HTTP/1.0\r\n\r\n" + get("/feed.xml"))
    assert [(r.status, r.body) for r in one_shot] == [(200, FEED)]
    kept = exchange(
        address(server),
        b"GET /feed.xml HTTP/1.0\r\nConnection: keep-alive\r\n\r\n" + get("/index.html", close=True),
    )
    assert [r.status for r in kept] == [200, 200]
    assert kept[0].headers["connection"] == "keep-alive"


def test_parse_head_reads_what_a_client_sends() -> None:
    request = parse_head(
        b"GET /a?b HTTP/1.1\r\nHost: x\r\nRange:  bytes=0-9 \r\n"
        b'If-None-Match: "a"\r\nIf-None-Match: "b"\r\nContent-Length: 007'
    )
    assert (request.method, request.target, request.version) == ("GET", "/a?b", (1, 1))
    assert request.single("range") == "bytes=0-9"
    assert request.header("if-none-match") == '"a", "b"' and request.single("if-none-match") is None
    assert request.body_length == 7 and request.keep_alive


def test_parse_head_names_what_is_wrong() -> None:
    with pytest.raises(BadRequest, match="obs-fold") as caught:
        parse_head(b"GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n b")
    assert caught.value.status == HTTPStatus.BAD_REQUEST


@given(st.binary(max_size=300))
def test_any_bytes_parse_or_are_refused_with_a_status(head: bytes) -> None:
    try:
        request = parse_head(head)
    except BadRequest as error:
        assert 400 <= error.status < 600
        return
    assert request.method and request.target and request.body_length >= 0
