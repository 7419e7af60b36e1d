"""A client that reads too slowly loses its file slot, not everyone else: readers that take a
trickle hold every slot, and a listener still gets the file at once (not a 503 after 10 s)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from audio_edition.publish.serve import ServeLimits

from .conftest import start_server
from .raw_http import get, read_response

SLOTS = 4


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "output"
    folder.mkdir()
    (folder / "episode.mp3").write_bytes(os.urandom(300_000))
    with open(folder / "big.mp3", "wb") as big:  # sparse: far more than the socket buffers hold
        big.truncate(64 << 20)
    return folder


def trickle(address: tuple[str, int], stop: threading.Event) -> socket.socket:
    """A download read 1 KB at a time, one read per second: 1 KB/s, under any sane floor."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # before connect: a small window
    sock.connect(address)
    sock.sendall(get("/big.mp3"))

    def read() -> None:
        while not stop.wait(1.0):
            try:
                if not sock.recv(1024):
                    return
            except OSError:
                return

    threading.Thread(target=read, daemon=True).start()
    return sock


@pytest.fixture
def slow_readers() -> Iterator[tuple[list[socket.socket], threading.Event]]:
    stop = threading.Event()
    held: list[socket.socket] = []
    yield held, stop
    stop.set()
    for sock in held:
        sock.close()


def test_slow_readers_holding_every_file_slot_make_room_for_a_listener(
    site: Path, slow_readers: tuple[list[socket.socket], threading.Event]
) -> None:
    held, stop = slow_readers
    limits = ServeLimits(max_open_files=SLOTS, header_timeout=8.0)
    for server in start_server(site, limits):
        held.extend(trickle(server.server_address, stop) for _ in range(SLOTS + 2))
        time.sleep(2.5)  # every slot taken, and past the grace a new reader gets
        for attempt in range(3):  # again and again: the trickle never wins its slot back
            started = time.monotonic()
            with socket.create_connection(server.server_address, timeout=10) as listener:
                listener.sendall(get("/episode.mp3"))
                response = read_response(listener, timeout=10)
            waited = time.monotonic() - started
            print(f"listener {attempt}: 200 after {waited:.2f} s with {len(held)} slow readers")
            assert response.status == 200 and len(response.body) == 300_000, attempt
            assert waited < limits.header_timeout / 2, f"waited {waited:.1f} s for a slot"
            held.append(trickle(server.server_address, stop))


def test_fast_readers_keep_their_slots_when_others_wait(site: Path) -> None:
    limits = ServeLimits(max_open_files=2, header_timeout=20.0, min_send_rate=4096.0)
    for server in start_server(site, limits):
        done: list[int] = []

        def download() -> None:  # run and joined within this iteration
            with socket.create_connection(server.server_address, timeout=30) as sock:  # noqa: B023
                sock.sendall(get("/big.mp3", close=True))
                total = 0
                while chunk := sock.recv(1 << 20):
                    total += len(chunk)
                done.append(total)  # noqa: B023

        threads = [threading.Thread(target=download) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        # Four whole downloads through two slots: none dropped for the others' waiting.
        assert len(done) == 4 and all(total > 64 << 20 for total in done)
