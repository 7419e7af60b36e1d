"""A server that keeps serving: idle and slow clients, an open-file limit, a full house.

The open-file limit is real: the server runs in its own process with RLIMIT_NOFILE set to 256
before it starts. Timeouts are shortened so the tests take seconds; the defaults are checked
on their own.
"""

from __future__ import annotations

import http.client
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from audio_edition.publish.serve import EditionServer, ServeLimits
from tests.interruptible import default_sigint

from .conftest import serve_command, serving_module, start_server
from .raw_http import get, parse_responses, read_response, read_until_closed

ROOT = Path(__file__).resolve().parents[2]  # the launcher below imports from here

FEED = b"<rss>" + b"the feed " * 2000 + b"</rss>"
HALF_SENT = b"GET /feed.xml HTTP/1.1\r\nHost: 127.0.0.1\r\n"  # never finished: the slowloris
AUDIO_SIZE = 1 << 20


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "output"
    folder.mkdir()
    (folder / "feed.xml").write_bytes(FEED)
    (folder / "episode.mp3").write_bytes(os.urandom(AUDIO_SIZE))
    with open(folder / "big.mp3", "wb") as big:  # sparse: more than the socket buffers hold
        big.truncate(64 << 20)
    return folder


@contextmanager
def serving(site: Path, **limits: float) -> Iterator[EditionServer]:
    yield from start_server(site, ServeLimits(**limits))  # type: ignore[arg-type]


def test_the_default_timeouts_are_10_s_for_a_head_and_15_s_idle() -> None:
    limits = ServeLimits()
    assert (limits.header_timeout, limits.idle_timeout) == (10.0, 15.0)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def hold(address: tuple[str, int], count: int) -> list[socket.socket]:
    """``count`` connections that each send half a request head and then nothing."""
    held = []
    for _ in range(count):
        sock = socket.create_connection(address, timeout=10)
        sock.sendall(HALF_SENT)
        held.append(sock)
    return held


def listeners(address: tuple[str, int], clients: int, requests: int) -> list[str]:
    """Real clients at once, keep-alive, feed and ranged audio; returns what went wrong."""
    failures: list[str] = []

    def client(n: int) -> None:
        connection = http.client.HTTPConnection(*address, timeout=10)
        try:
            for i in range(requests):
                if i % 2:
                    start = (n * 4099 + i * 77) % (AUDIO_SIZE - 1000)
                    connection.request(
                        "GET", "/episode.mp3", headers={"Range": f"bytes={start}-{start + 999}"}
                    )
                    response = connection.getresponse()
                    ok = response.status == 206 and len(response.read()) == 1000
                else:
                    connection.request("GET", "/feed.xml")
                    response = connection.getresponse()
                    ok = response.status == 200 and response.read() == FEED
                if not ok:
                    failures.append(f"client {n} request {i}: {response.status}")
        except OSError as error:
            failures.append(f"client {n}: {error!r}")
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return failures


def limit_open_files() -> None:
    """``preexec_fn``: the child runs under 256 open files and stops on the test's SIGINT."""
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))
    default_sigint()


@contextmanager
def limited_process(
    command: list[str], stderr: Path
) -> Iterator[tuple[subprocess.Popen[str], tuple[str, int]]]:
    """Run a server under a 256 open-file limit; yields it and the address it printed."""
    with open(stderr, "w") as errors:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, text=True, preexec_fn=limit_open_files
        )
    try:
        assert process.stdout is not None
        url = next(word for word in process.stdout.readline().split() if "://" in word)
        parts = urlsplit(url)
        yield process, (parts.hostname or "", parts.port or 0)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_400_idle_connections_under_256_open_files_starve_nobody(site: Path, tmp_path: Path) -> None:
    stderr = tmp_path / "stderr.txt"
    command = serve_command(site, "--port", "0", "--header-timeout", "3", "-v")
    with limited_process(command, stderr) as (process, address):
        held = hold(address, 400)
        try:
            before = cpu_seconds(process.pid)
            time.sleep(1.0)
            assert cpu_seconds(process.pid) - before < 0.3  # waiting, not spinning on accept()
            assert listeners(address, clients=16, requests=4) == []
            # Every half-sent request is closed within the head timeout: quietly if it made
            # room for a listener, else with 408. None is held for ever.
            for sock in held:
                answer = read_until_closed(sock, timeout=8)
                assert answer == b"" or answer.startswith(b"HTTP/1.1 408 "), answer[:80]
        finally:
            for sock in held:
                sock.close()
        assert listeners(address, clients=4, requests=2) == []
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    log = stderr.read_text()
    assert "Traceback" not in log
    assert "idle connection closed" in log and " 408 request head not complete" in log


LAUNCHER = """
import os, sys
sys.path.insert(0, {root!r})
from pathlib import Path
from {module} import ServeLimits, make_server

server = make_server(Path(sys.argv[1]), "127.0.0.1", 0, limits=ServeLimits(header_timeout=5))
# Other work in a process holds descriptors too: leave ~40 free, far below the connection
# bound the server fitted to the limit, so accept() and open() meet EMFILE.
taken = []
while True:
    try:
        taken.append(os.open(os.devnull, os.O_RDONLY))
    except OSError:
        break
for fd in taken[-40:]:
    os.close(fd)
print("serving at", server.url, flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
"""


def test_out_of_file_descriptors_the_server_makes_room_and_never_spins(site: Path, tmp_path: Path) -> None:
    stderr = tmp_path / "stderr.txt"
    launcher = LAUNCHER.format(module=serving_module(), root=str(ROOT))
    with limited_process([sys.executable, "-c", launcher, str(site)], stderr) as (process, address):
        held = hold(address, 120)
        try:
            before = cpu_seconds(process.pid)
            time.sleep(1.0)
            assert cpu_seconds(process.pid) - before < 0.3
            assert listeners(address, clients=8, requests=4) == []
        finally:
            for sock in held:
                sock.close()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    log = stderr.read_text()
    assert "Traceback" not in log
    assert log.count("out of file descriptors") == 1  # said once, not once per accept()


def test_a_silent_connection_is_closed_after_the_head_timeout(site: Path) -> None:
    with serving(site, header_timeout=0.5) as server:
        with socket.create_connection(server.server_address, timeout=5) as silent:
            started = time.monotonic()
            assert read_until_closed(silent) == b""
            assert 0.4 < time.monotonic() - started < 3


def test_a_head_sent_a_byte_at_a_time_gets_408_in_time(site: Path) -> None:
    with serving(site, header_timeout=1.0) as server:
        with socket.create_connection(server.server_address, timeout=5) as slow:
            started = time.monotonic()
            try:
                for byte in HALF_SENT * 10:  # trickling never buys more time
                    slow.send(bytes([byte]))
                    time.sleep(0.05)
            except OSError:
                pass  # closed on us while we were still sending
            answer = read_until_closed(slow)
            assert answer.startswith(b"HTTP/1.1 408 ")
            assert time.monotonic() - started < 3


def test_keep_alive_lasts_the_idle_timeout_and_no_longer(site: Path) -> None:
    with serving(site, header_timeout=0.5, idle_timeout=3.0) as server:
        with socket.create_connection(server.server_address, timeout=5) as sock:
            sock.sendall(get("/feed.xml"))
            time.sleep(0.2)
            sock.sendall(get("/feed.xml"))
            time.sleep(0.9)  # past the head timeout, within the idle timeout: still open
            sock.sendall(get("/feed.xml"))
            started = time.monotonic()
            answers = parse_responses(read_until_closed(sock))
            assert [r.status for r in answers] == [200, 200, 200]
            assert 2.0 < time.monotonic() - started < 6


def test_past_the_bound_an_idle_connection_makes_room(site: Path) -> None:
    with serving(site, max_connections=3) as server:
        assert server.max_connections == 3
        idle = hold(server.server_address, 3)
        try:
            assert listeners(server.server_address, clients=1, requests=2) == []
            assert read_until_closed(idle[0], timeout=5) == b""  # the oldest made room
        finally:
            for sock in idle:
                sock.close()


def test_a_listener_between_requests_outlasts_half_sent_requests(site: Path) -> None:
    with serving(site, max_connections=3) as server:
        with socket.create_connection(server.server_address, timeout=5) as listener:
            listener.sendall(get("/feed.xml"))
            assert read_response(listener).body == FEED  # now idle, the oldest connection
            half_sent = hold(server.server_address, 2)
            time.sleep(0.1)
            newcomer = hold(server.server_address, 1)  # at the bound: someone must go
            try:
                assert read_until_closed(half_sent[0], timeout=5) == b""
                listener.sendall(get("/feed.xml", close=True))
                answers = parse_responses(read_until_closed(listener))
                assert [r.body for r in answers] == [FEED]
            finally:
                for sock in half_sent + newcomer:
                    sock.close()


def stalled_download(address: tuple[str, int]) -> socket.socket:
    """A client that asks for a big file and reads none of it: its connection stays busy."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(address)
    sock.sendall(get("/big.mp3"))
    return sock


def test_when_every_connection_is_busy_a_newcomer_gets_503_then_room(site: Path) -> None:
    with serving(site, max_connections=2, send_timeout=1.5) as server:
        stalled = [stalled_download(server.server_address) for _ in range(2)]
        try:
            for sock in stalled:  # both are being answered: busy, not idle
                sock.settimeout(5)
                assert sock.recv(1, socket.MSG_PEEK) == b"H"
            with socket.create_connection(server.server_address, timeout=5) as newcomer:
                newcomer.sendall(get("/feed.xml"))
                answers = parse_responses(read_until_closed(newcomer))
            assert [r.status for r in answers] == [503]
            assert answers[0].headers["retry-after"] == "5"
            time.sleep(2.0)  # the stalled readers took no bytes for send_timeout: dropped
            assert listeners(server.server_address, clients=2, requests=2) == []
        finally:
            for sock in stalled:
                sock.close()


def test_client_faults_are_one_line_with_verbose_and_silence_without(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for verbose in (True, False):
        with contextmanager(start_server)(site, ServeLimits(), verbose) as server:
            with socket.create_connection(server.server_address, timeout=5) as sock:
                sock.sendall(b"GET /feed.xml HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n")
                assert parse_responses(read_until_closed(sock))[0].status == 400
            with socket.create_connection(server.server_address, timeout=5) as sock:
                sock.sendall(get("/big.mp3"))
                sock.recv(10)  # then hang up in the middle of the body
            time.sleep(0.5)  # the server notices at its next write
        err = capsys.readouterr().err
        if verbose:
            lines = err.splitlines()
            assert sum("400 folded header line (obs-fold)" in line for line in lines) == 1
            assert sum("connection dropped" in line for line in lines) == 1
        else:
            assert err == ""
        assert "Traceback" not in err
