"""`audio-edition serve` under load, vs plain `python -m http.server`, on loopback.

Run: .venv/bin/python benchmarks/serve.py [--clients 32] [--requests 1500] [--seconds 15]

Both servers run as their own processes over the same folder: a 30-edition feed.xml and a
1 MB MP3. 32 concurrent clients (aiohttp, keep-alive when the server allows it) make:

- feed: GET /feed.xml (what podcast apps poll);
- ranged audio: GET /episode.mp3 with a random 64 KiB ``Range`` (what players do to seek).

Each scenario stops after --requests requests or --seconds seconds, whichever comes first.
Prints requests/second, p50/p99 latency, statuses and bytes moved, and the ratios ours/plain.
Note: http.server ignores Range and answers 200 with the whole file, so its "ranged" numbers
are for whole-file downloads: that is the plain alternative a podcast app would get.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import aiohttp

from audio_edition.publish.config import Show
from audio_edition.publish.feed import (
    Enclosure,
    FeedItem,
    Transcript,
    channel_for,
    render_rss,
)

RANGE_BYTES = 64 * 1024


@dataclass(frozen=True)
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    statuses: Counter[int]
    megabytes: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def make_folder(folder: Path) -> int:
    """Write feed.xml (30 editions) and episode.mp3 (~1 MB); returns the MP3's size."""
    show = Show()
    now = datetime.now(timezone.utc)
    items = [
        FeedItem(f"有声日报 第{n}期", f"guid-{n}", now, "今日要闻\n" * 20, "<p>要闻</p>" * 20,
                 show.base_url, Enclosure(show.base_url + f"{n}/episode.mp3", 10_000_000),
                 1500.0, show.base_url + "c.json",
                 (Transcript(show.base_url + "t.vtt", "text/vtt", "zh-cn"),))
        for n in range(30)
    ]
    (folder / "feed.xml").write_bytes(render_rss(channel_for(show, "feed.xml", "cover.jpg", now),
                                                 items))
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "sine=frequency=440:sample_rate=24000:duration=170", "-ac", "1", "-b:a",
                    "48k", str(folder / "episode.mp3")], check=True)
    return (folder / "episode.mp3").stat().st_size


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start(command: list[str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"{command[0]} did not start listening on {port}")


async def load(url: str, clients: int, limit: int, seconds: float,
               range_of: int | None) -> Result:
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    moved = 0
    issued = 0
    started = time.perf_counter()
    rng = random.Random(7)

    async def client(session: aiohttp.ClientSession) -> None:
        nonlocal moved, issued
        while issued < limit and time.perf_counter() - started < seconds:
            issued += 1
            headers = {}
            if range_of is not None:
                first = rng.randrange(0, range_of - RANGE_BYTES)
                headers["Range"] = f"bytes={first}-{first + RANGE_BYTES - 1}"
            t0 = time.perf_counter()
            async with session.get(url, headers=headers) as response:
                body = await response.read()
            latencies.append(time.perf_counter() - t0)
            statuses[response.status] += 1
            moved += len(body)

    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(connector=connector, trust_env=False) as session:
        await asyncio.gather(*(client(session) for _ in range(clients)))
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return Result(len(latencies), elapsed, statistics.median(latencies) * 1000, cuts[98] * 1000,
                  statuses, moved / 1e6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=1500, help="per scenario and server")
    parser.add_argument("--seconds", type=float, default=15.0, help="per scenario and server")
    args = parser.parse_args()

    cli = str(Path(sys.executable).with_name("audio-edition"))
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as tmp:
        folder = Path(tmp)
        size = make_folder(folder)
        feed_size = (folder / "feed.xml").stat().st_size
        ports = {"audio-edition serve": free_port(), "python -m http.server": free_port()}
        commands = {
            "audio-edition serve": [cli, "serve", str(folder), "--port",
                                    str(ports["audio-edition serve"])],
            "python -m http.server": [sys.executable, "-m", "http.server",
                                      str(ports["python -m http.server"]), "--bind", "127.0.0.1",
                                      "--directory", str(folder)],
        }
        results: dict[tuple[str, str], Result] = {}
        for name, command in commands.items():
            process = start(command, ports[name])
            try:
                base = f"http://127.0.0.1:{ports[name]}/"
                for scenario, path, range_of in (("feed", "feed.xml", None),
                                                 ("ranged audio", "episode.mp3", size)):
                    results[(name, scenario)] = asyncio.run(
                        load(base + path, args.clients, args.requests, args.seconds, range_of))
            finally:
                process.terminate()
                process.wait(timeout=10)

    print(f"{args.clients} concurrent clients on loopback; feed.xml {feed_size / 1e3:.0f} kB, "
          f"episode.mp3 {size / 1e6:.2f} MB, "
          f"ranges of {RANGE_BYTES // 1024} KiB; load average {os.getloadavg()[0]:.2f}")
    print(f"{'server':<24}{'scenario':<15}{'requests':>9}{'req/s':>9}{'p50 ms':>9}"
          f"{'p99 ms':>9}{'MB':>9}  statuses")
    for (name, scenario), r in results.items():
        statuses = ", ".join(f"{k}×{v}" for k, v in sorted(r.statuses.items()))
        print(f"{name:<24}{scenario:<15}{r.requests:>9}{r.per_second:>9.0f}{r.p50_ms:>9.1f}"
              f"{r.p99_ms:>9.1f}{r.megabytes:>9.1f}  {statuses}")
    for scenario in ("feed", "ranged audio"):
        ours = results[("audio-edition serve", scenario)]
        plain = results[("python -m http.server", scenario)]
        print(f"ratio ours/plain, {scenario}: {ours.per_second / plain.per_second:.2f}× req/s, "
              f"p99 {ours.p99_ms / plain.p99_ms:.2f}×")


if __name__ == "__main__":
    main()
