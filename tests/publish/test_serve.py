"""`audio-edition serve` over real sockets: MIME types, HEAD, ranges, traversal, many clients."""

from __future__ import annotations

import http.client
import io
import json
import os
import socket
import threading
from pathlib import Path
from urllib.parse import urlsplit

import podcastparser
import pytest
from hypothesis import given
from hypothesis import strategies as st

from audio_edition.audio.manifest import EditionManifest
from audio_edition.errors import PublishError
from audio_edition.publish import Show, publish_edition
from audio_edition.publish.serve import (
    ByteRange,
    EditionServer,
    NotFound,
    Unsatisfiable,
    make_server,
    parse_range,
    resolve_request_path,
)

SECRET = b"TOP-SECRET outside the served folder"


def request(
    server: EditionServer, target: str, method: str = "GET", headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """One raw request: the target goes on the wire exactly as given (no normalisation)."""
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), port, timeout=10)
    try:
        connection.putrequest(method, target, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


def fetch_url(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.request("GET", parts.path, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


@pytest.fixture
def site(
    server: EditionServer,
    output_dir: Path,
    two_editions: tuple[EditionManifest, EditionManifest],
    show_for: Show,
) -> Path:
    for manifest in two_editions:
        publish_edition(output_dir, manifest, show_for)
    (output_dir.parent / "secret.txt").write_bytes(SECRET)
    return output_dir


def test_files_come_with_the_types_podcast_apps_expect(server: EditionServer, site: Path) -> None:
    expected = {
        "/feed.xml": "application/rss+xml",
        "/articles.xml": "application/rss+xml",
        "/2023-12-25/episode.mp3": "audio/mpeg",
        "/2023-12-25/episode.chapters.json": "application/json+chapters",
        "/2023-12-25/episode.vtt": "text/vtt",
        "/2023-12-25/episode.srt": "application/x-subrip",
        "/2023-12-25/edition.json": "application/json",
        "/index.html": "text/html",
        "/cover.jpg": "image/jpeg",
    }
    for target, mime in expected.items():
        status, headers, body = request(server, target)
        assert status == 200, target
        assert headers["content-type"].split(";")[0] == mime
        assert body == (site / target.lstrip("/")).read_bytes()
        assert int(headers["content-length"]) == len(body)
        assert headers["accept-ranges"] == "bytes"


def test_head_sends_headers_only(server: EditionServer, site: Path) -> None:
    status, headers, body = request(server, "/2023-12-25/episode.mp3", "HEAD")
    assert (status, body) == (200, b"")
    assert int(headers["content-length"]) == (site / "2023-12-25/episode.mp3").stat().st_size


def test_byte_ranges(server: EditionServer, site: Path) -> None:
    data = (site / "2023-12-25/episode.mp3").read_bytes()
    size = len(data)
    cases = {
        "bytes=0-99": (0, 99),
        "bytes=100-": (100, size - 1),
        "bytes=-10": (size - 10, size - 1),
        f"bytes=5-{size + 1000}": (5, size - 1),
    }
    for header, (first, last) in cases.items():
        status, headers, body = request(server, "/2023-12-25/episode.mp3", headers={"Range": header})
        assert status == 206, header
        assert headers["content-range"] == f"bytes {first}-{last}/{size}"
        assert body == data[first : last + 1]
    status, headers, body = request(server, "/2023-12-25/episode.mp3", headers={"Range": f"bytes={size}-"})
    assert (status, headers["content-range"], body) == (416, f"bytes */{size}", b"")
    # Several ranges or nonsense: the whole file, as RFC 9110 allows.
    for header in ("bytes=0-1,5-6", "pages=1-2", "bytes=9-3"):
        status, _, body = request(server, "/2023-12-25/episode.mp3", headers={"Range": header})
        assert (status, body) == (200, data)


def test_conditional_requests(server: EditionServer, site: Path) -> None:
    _, headers, _ = request(server, "/feed.xml")
    status, _, body = request(server, "/feed.xml", headers={"If-None-Match": headers["etag"]})
    assert (status, body) == (304, b"")
    status, _, body = request(
        server, "/2023-12-25/episode.mp3", headers={"Range": "bytes=0-9", "If-Range": '"stale"'}
    )
    assert status == 200 and len(body) > 10


@pytest.mark.parametrize(
    "target",
    [
        "/../secret.txt",
        "/2023-12-25/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/.%2e/secret.txt",
        "/2023-12-25%2f..%2f..%2fsecret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "http://127.0.0.1/../secret.txt",
        "/secret.txt%00.mp3",
        "/link-out/secret.txt",
        "/leak.mp3",
        "/catalog.sqlite3",
        "/.hidden",
    ],
)
def test_nothing_outside_the_folder_is_ever_served(server: EditionServer, site: Path, target: str) -> None:
    (site / "link-out").symlink_to(site.parent, target_is_directory=True)
    (site / "leak.mp3").symlink_to(site.parent / "secret.txt")
    (site / ".hidden").write_bytes(SECRET)
    status, _, body = request(server, target)
    assert status == 404
    assert SECRET not in body


def test_absolute_paths_are_read_inside_the_folder(server: EditionServer, site: Path) -> None:
    secret = site.parent / "secret.txt"
    for target in ("/" + str(secret), "//" + str(secret).lstrip("/"), "/" + str(secret).replace("/", "%2f")):
        status, _, body = request(server, target)
        assert status == 404 and SECRET not in body, target


def test_a_symlink_inside_the_folder_is_served(server: EditionServer, site: Path) -> None:
    (site / "latest").symlink_to(site / "2023-12-26", target_is_directory=True)
    status, _, body = request(server, "/latest/episode.vtt")
    assert (status, body) == (200, (site / "2023-12-26/episode.vtt").read_bytes())


def test_folders_redirect_and_serve_their_index(server: EditionServer, site: Path) -> None:
    status, _, body = request(server, "/")
    assert status == 200 and body == (site / "index.html").read_bytes()
    status, headers, _ = request(server, "/2023-12-25")
    assert (status, headers["location"]) == (301, "/2023-12-25/")
    status, _, body = request(server, "/2023-12-25/")  # the edition's own page
    assert status == 200 and body == (site / "2023-12-25/index.html").read_bytes()
    assert request(server, "/2023-12-25/articles/")[0] == 404  # no listings
    assert request(server, "/feed.xml", "POST")[0] == 501


def test_a_podcast_app_follows_the_feed_chapters_and_transcripts(server: EditionServer, site: Path) -> None:
    status, headers, body = fetch_url(server.url + "feed.xml")
    assert status == 200 and headers["content-type"].startswith("application/rss+xml")
    feed = podcastparser.parse(server.url + "feed.xml", io.BytesIO(body))
    assert len(feed["episodes"]) == 2
    for episode in feed["episodes"]:
        enclosure = episode["enclosures"][0]
        status, headers, audio = fetch_url(enclosure["url"], {"Range": "bytes=0-1023"})
        assert status == 206
        assert headers["content-range"] == f"bytes 0-1023/{enclosure['file_size']}"
        assert audio[:3] == b"ID3" or audio[0] == 0xFF  # an MP3 starts with a tag or a frame
        status, headers, chapters = fetch_url(episode["chapters_json_url"])
        assert status == 200 and headers["content-type"] == "application/json+chapters"
        document = json.loads(chapters)
        assert document["version"] == "1.2.0"
        assert [c["title"] for c in document["chapters"]][1] == "黄河岸边的“幸福路”"
        status, headers, transcript = fetch_url(episode["transcript_url"], {"Range": "bytes=0-5"})
        assert status == 206 and headers["content-type"].startswith("text/vtt")
        assert transcript == b"WEBVTT"


def test_many_clients_at_once_and_an_idle_one_blocks_nobody(server: EditionServer, site: Path) -> None:
    data = (site / "2023-12-26/episode.mp3").read_bytes()
    idle = socket.create_connection(server.server_address[:2])  # connects, never sends
    failures: list[str] = []

    def client(n: int) -> None:
        host, port = server.server_address[:2]
        connection = http.client.HTTPConnection(str(host), port, timeout=10)
        try:
            for i in range(5):  # keep-alive: five requests on one connection
                start = (n * 97 + i * 13) % (len(data) - 100)
                connection.request(
                    "GET", "/2023-12-26/episode.mp3", headers={"Range": f"bytes={start}-{start + 99}"}
                )
                response = connection.getresponse()
                if response.status != 206 or response.read() != data[start : start + 100]:
                    failures.append(f"client {n} request {i}")
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(32)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    idle.close()
    assert failures == []
    assert not any(thread.is_alive() for thread in threads)


def test_parse_range_examples() -> None:
    assert parse_range(None, 10) is None
    assert parse_range("bytes=0-0", 10) == ByteRange(0, 0)
    assert parse_range("bytes=-3", 10) == ByteRange(7, 9)
    assert parse_range("bytes=-30", 10) == ByteRange(0, 9)
    assert parse_range("bytes=-", 10) is None
    for header, size in (("bytes=-0", 10), ("bytes=-5", 0), ("bytes=10-", 10), ("bytes=0-", 0)):
        with pytest.raises(Unsatisfiable):
            parse_range(header, size)


@given(
    size=st.integers(0, 10_000),
    first=st.one_of(st.none(), st.integers(0, 20_000)),
    last=st.one_of(st.none(), st.integers(0, 20_000)),
)
def test_a_range_is_inside_the_file_or_refused(size: int, first: int | None, last: int | None) -> None:
    header = f"bytes={'' if first is None else first}-{'' if last is None else last}"
    try:
        result = parse_range(header, size)
    except Unsatisfiable:
        assert size == 0 or (first is not None and first >= size) or last == 0
        return
    if result is not None:
        assert 0 <= result.start <= result.end < size
        if first is not None:
            assert result.start == first
        else:
            assert last is not None and result.length == min(last, size)


def test_server_errors_are_named(tmp_path: Path, server: EditionServer) -> None:
    with pytest.raises(PublishError, match="no such folder"):
        make_server(tmp_path / "missing", "127.0.0.1", 0)
    port = server.server_address[1]
    with pytest.raises(PublishError, match=f"cannot listen on 127.0.0.1:{port}.*--port {port + 1}"):
        make_server(tmp_path, "127.0.0.1", port)


_PIECES = (
    "..",
    ".",
    "/",
    "%2e",
    "%2E",
    "%2f",
    "%5c",
    "%",
    "\\",
    "a",
    "secret.txt",
    "%00",
    "2023-12-25",
    "link-out",
    "%252e",
    "~",
    "//",
    "?x=/../",
)


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_any_request_path_resolves_inside_the_folder_or_is_refused(pieces: list[str]) -> None:
    root = Path(__file__).resolve().parent  # any real folder with a parent will do
    try:
        resolved = Path(resolve_request_path(str(root), "/" + "".join(pieces)))
    except NotFound:
        return
    assert resolved == root or root in resolved.parents


HUGE = "9" * 5000


def test_ranges_with_numbers_of_any_length(server: EditionServer, site: Path) -> None:
    data = (site / "2023-12-25/episode.mp3").read_bytes()
    size = len(data)
    cases = {
        f"bytes={HUGE}-": (416, None),  # starts past the end
        f"bytes={HUGE}-{HUGE}9": (416, None),
        f"bytes=10-{HUGE}": (206, (10, size - 1)),  # ends past the end: clamped
        f"bytes=-{HUGE}": (206, (0, size - 1)),  # the last "huge" bytes: all of them
        f"bytes={'0' * 5000}5-{'0' * 5000}9": (206, (5, 9)),  # leading zeros are still 5 and 9
        f"bytes=10-9{HUGE}": (206, (10, size - 1)),
        f"bytes={HUGE}-10": (200, None),  # last < first: invalid, ignored
        "BYTES=0-9": (206, (0, 9)),  # the unit is case-insensitive
        "bytes=0-4, 5-9": (206, (0, 9)),  # touching ranges: one part
        "bytes=0-9,5-20,-5": (200, None),  # two separate parts: the whole file
        f"bytes={size}-,{size + 5}-": (416, None),  # none satisfiable
        "bytes=" + ",".join(["0-0"] * 101): (200, None),  # too many parts: ignored
    }
    for header, (status, span) in cases.items():
        got, headers, body = request(server, "/2023-12-25/episode.mp3", headers={"Range": header})
        assert got == status, header[:40]
        if span is not None:
            assert headers["content-range"] == f"bytes {span[0]}-{span[1]}/{size}"
            assert body == data[span[0] : span[1] + 1]
        elif status == 200:
            assert body == data
        else:
            assert headers["content-range"] == f"bytes */{size}" and body == b""


@given(
    first=st.text("0123456789", max_size=6000),
    last=st.text("0123456789", max_size=6000),
    size=st.integers(0, 10**7),
)
def test_range_numbers_of_any_length_never_raise(first: str, last: str, size: int) -> None:
    try:
        result = parse_range(f"bytes={first}-{last}", size)
    except Unsatisfiable:
        return
    if result is not None:
        assert 0 <= result.start <= result.end < size


@pytest.mark.parametrize(
    "target",
    [
        "/" + "a" * 256,  # one segment over NAME_MAX
        "/2023-12-25/" + "%C3%A9" * 200 + ".mp3",  # 400 bytes once decoded
        "/" + "/".join(["abcdefgh"] * 600),  # over PATH_MAX
        "/loop/feed.xml",
        "/loop",
        "/self",
        "/alias.mp3",  # a public name for the catalog database
        "/alias-lock.mp3",
        "/alias-part.mp3",
        "/notes.html",  # a public name for a dotfile
        "/state/catalog.json",  # a public name for a hidden folder
        "/building/episode.mp3",  # a public name for a .build-* staging folder
        "/live.mp3",  # a FIFO: opening it must not hang the server
    ],
)
def test_unservable_paths_get_a_404_never_a_traceback(server: EditionServer, site: Path, target: str) -> None:
    (site / "loop").symlink_to(site / "pool")
    (site / "pool").symlink_to(site / "loop")
    (site / "self").symlink_to(site / "self")
    (site / "catalog.sqlite3").write_bytes(SECRET)
    (site / "alias.mp3").symlink_to(site / "catalog.sqlite3")
    (site / "edition.lock").write_bytes(SECRET)
    (site / "alias-lock.mp3").symlink_to("edition.lock")
    (site / "episode.mp3.part").write_bytes(SECRET)
    (site / "alias-part.mp3").symlink_to("episode.mp3.part")
    (site / ".notes").write_bytes(SECRET)
    (site / "notes.html").symlink_to(".notes")
    (site / ".state").mkdir()
    (site / ".state/catalog.json").write_bytes(SECRET)
    (site / "state").symlink_to(".state", target_is_directory=True)
    (site / ".build-2023-12-27").mkdir()
    (site / ".build-2023-12-27/episode.mp3").write_bytes(SECRET)
    (site / "building").symlink_to(".build-2023-12-27", target_is_directory=True)
    os.mkfifo(site / "live.mp3")
    status, _, body = request(server, target)
    assert status == 404 and SECRET not in body
    assert request(server, "/feed.xml")[0] == 200  # and the server is still answering


def test_a_folders_index_may_not_be_a_private_file(server: EditionServer, site: Path) -> None:
    (site / "2023-12-25/.secret").write_bytes(SECRET)
    (site / "2023-12-25/index.html").unlink(missing_ok=True)
    (site / "2023-12-25/index.html").symlink_to(".secret")
    status, _, body = request(server, "/2023-12-25/")
    assert status == 404 and SECRET not in body


def test_if_modified_since(server: EditionServer, site: Path) -> None:
    _, headers, _ = request(server, "/feed.xml")
    assert request(server, "/feed.xml", headers={"If-Modified-Since": headers["last-modified"]})[0] == 304
    assert (
        request(server, "/feed.xml", headers={"If-Modified-Since": "Mon, 01 Jan 1990 00:00:00 GMT"})[0] == 200
    )
    assert request(server, "/feed.xml", headers={"If-Modified-Since": "yesterday"})[0] == 200
    assert request(server, "/feed.xml", headers={"If-None-Match": "*"})[0] == 304
