"""`audio-edition serve` under load, vs aiohttp's web server and plain `python -m http.server`.

Run: .venv/bin/python benchmarks/serve.py [--clients 32] [--requests 1500] [--seconds 15]
                                          [--idle 400] [--open-files 256] [--calm-only]

Each server runs as its own process over the same folder: a 30-edition feed.xml and a
1 MB MP3. 32 concurrent clients (aiohttp, keep-alive when the server allows it) make:

- feed: GET /feed.xml (what podcast apps poll);
- ranged audio: GET /episode.mp3 with a random 64 KiB ``Range`` (what players do to seek).

Under abuse (issue 12): the same scenarios again, each server started with an open-file limit of
--open-files (256) and --idle (400) connections held open, each having sent half a request head
and nothing more (a slowloris); a held connection the server closes is opened again 0.25 s
later, so the pressure stays on. Requests time out after 5 s and count as errors.

Each scenario stops after --requests requests or --seconds seconds, whichever comes first.
Prints requests/second, p50/p99 latency of the answered requests, errors, statuses, bytes moved
and the server's CPU use, and the ratios ours/plain. All traffic goes to 127.0.0.1.
Note: http.server ignores Range and answers 200 with the whole file, so its "ranged" numbers
are for whole-file downloads: that is the plain alternative a podcast app would get.
"aiohttp.web (trial)" is benchmarks/serve_aiohttp.py, issue 27's trial: our path rules and
MIME types over aiohttp's parser, keep-alive and FileResponse (see that file for what it keeps).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import multiprocessing
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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
HALF_SENT = b"GET /feed.xml HTTP/1.1\r\nHost: 127.0.0.1\r\n"
REQUEST_TIMEOUT = 5.0
TRIAL = Path(__file__).with_name("serve_aiohttp.py")


@dataclass(frozen=True)
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    statuses: Counter[int]
    megabytes: float
    errors: int
    cpu_percent: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def make_folder(folder: Path) -> int:
    """Write feed.xml (30 editions) and episode.mp3 (~1 MB); returns the MP3's size."""
    show = Show(id="serve-benchmark")  # a fixed id: the feed needs one, any will do
    now = datetime.now(UTC)
    items = [
        FeedItem(
            f"有声日报 第{n}期",
            f"guid-{n}",
            now,
            "今日要闻\n" * 20,
            "<p>要闻</p>" * 20,
            show.base_url,
            Enclosure(show.base_url + f"{n}/episode.mp3", 10_000_000),
            1500.0,
            show.base_url + "c.json",
            (Transcript(show.base_url + "t.vtt", "text/vtt", "zh-cn"),),
        )
        for n in range(30)
    ]
    (folder / "feed.xml").write_bytes(render_rss(channel_for(show, "feed.xml", "cover.jpg", now), items))
    subprocess.run(
        [
            "ffmpeg",
            "-nostdin",
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:sample_rate=24000:duration=170",
            "-ac",
            "1",
            "-b:a",
            "48k",
            str(folder / "episode.mp3"),
        ],
        check=True,
    )
    return (folder / "episode.mp3").stat().st_size


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def open_file_limit(count: int) -> Callable[[], None]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (count, count))

    return limit


def start(
    command: list[str], port: int, preexec: Callable[[], None] | None = None
) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=preexec
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"{command[0]} did not start listening on {port}")


async def load(url: str, clients: int, limit: int, seconds: float, range_of: int | None, pid: int) -> Result:
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    moved = 0
    issued = 0
    errors = 0
    rng = random.Random(7)
    cpu_before = cpu_seconds(pid)
    started = time.perf_counter()

    async def client(session: aiohttp.ClientSession) -> None:
        nonlocal moved, issued, errors
        while issued < limit and time.perf_counter() - started < seconds:
            issued += 1
            headers = {}
            if range_of is not None:
                first = rng.randrange(0, range_of - RANGE_BYTES)
                headers["Range"] = f"bytes={first}-{first + RANGE_BYTES - 1}"
            t0 = time.perf_counter()
            try:
                async with session.get(url, headers=headers) as response:
                    body = await response.read()
            except (TimeoutError, aiohttp.ClientError):
                errors += 1
                continue
            latencies.append(time.perf_counter() - t0)
            statuses[response.status] += 1
            moved += len(body)

    connector = aiohttp.TCPConnector(limit=clients)
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
    async with aiohttp.ClientSession(connector=connector, trust_env=False, timeout=timeout) as session:
        await asyncio.gather(*(client(session) for _ in range(clients)))
    elapsed = time.perf_counter() - started
    cpu = (cpu_seconds(pid) - cpu_before) / elapsed * 100
    if len(latencies) < 2:
        return Result(len(latencies), elapsed, math.nan, math.nan, statuses, moved / 1e6, errors, cpu)
    cuts = statistics.quantiles(latencies, n=100)
    return Result(
        len(latencies),
        elapsed,
        statistics.median(latencies) * 1000,
        cuts[98] * 1000,
        statuses,
        moved / 1e6,
        errors,
        cpu,
    )


@dataclass
class Abuse:
    """Half-sent requests held open against a server; what happened to them."""

    held: int = 0
    reopened: int = 0
    refused: int = 0  # connect() failed or timed out: the server's backlog was full


async def hold_one(port: int, stop: asyncio.Event, abuse: Abuse, connecting: asyncio.Semaphore) -> None:
    while not stop.is_set():
        try:
            async with connecting:  # a few connects at a time, as one attacking machine does
                reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout=3)
        except (TimeoutError, OSError):
            abuse.refused += 1
            await asyncio.sleep(0.25)
            continue
        abuse.held += 1
        try:
            writer.write(HALF_SENT)
            closed = asyncio.create_task(reader.read())
            stopping = asyncio.create_task(stop.wait())
            await asyncio.wait({closed, stopping}, return_when=asyncio.FIRST_COMPLETED)
            closed.cancel()
            stopping.cancel()
        except OSError:
            pass
        finally:
            abuse.held -= 1
            writer.close()
        if not stop.is_set():
            abuse.reopened += 1
            await asyncio.sleep(0.25)


def hold_in_process(port: int, idle: int, stop: Any, report: Any) -> None:
    """A separate process holds the connections, so its churn does not slow the clients'
    own event loop (that would be measured as server latency)."""

    async def run() -> None:
        halt = asyncio.Event()
        abuse = Abuse()
        connecting = asyncio.Semaphore(32)
        holders = [asyncio.create_task(hold_one(port, halt, abuse, connecting)) for _ in range(idle)]
        # Let the held connections pile up: until their number is steady for 1.5 s (10 s at most).
        steady, last, started = 0.0, -1, time.monotonic()
        while steady < 1.5 and time.monotonic() - started < 10:
            await asyncio.sleep(0.25)
            steady = steady + 0.25 if abuse.held == last else 0.0
            last = abuse.held
        report.put(abuse.held)
        while not stop.is_set():
            await asyncio.sleep(0.1)
        halt.set()
        for holder in holders:
            holder.cancel()
        await asyncio.gather(*holders, return_exceptions=True)
        report.put((abuse.reopened, abuse.refused))

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, idle + 64)), hard))
    asyncio.run(run())


def under_abuse(
    base: str, port: int, pid: int, idle: int, clients: int, limit: int, seconds: float, size: int
) -> tuple[dict[str, Result], Abuse, int]:
    """The two scenarios while ``idle`` half-sent requests are held; also how many were held
    when the first scenario began."""
    context = multiprocessing.get_context("spawn")
    stop, report = context.Event(), context.Queue()
    holder = context.Process(target=hold_in_process, args=(port, idle, stop, report))
    holder.start()
    try:
        held_at_start: int = report.get(timeout=30)
        results = {}
        for scenario, path, range_of in (("feed", "feed.xml", None), ("ranged audio", "episode.mp3", size)):
            results[scenario] = asyncio.run(load(base + path, clients, limit, seconds, range_of, pid))
        stop.set()
        reopened, refused = report.get(timeout=30)
    finally:
        stop.set()
        holder.join(timeout=30)
        if holder.is_alive():
            holder.kill()
    return results, Abuse(0, reopened, refused), held_at_start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=1500, help="per scenario and server")
    parser.add_argument("--seconds", type=float, default=15.0, help="per scenario and server")
    parser.add_argument("--idle", type=int, default=400, help="connections held under abuse")
    parser.add_argument(
        "--open-files", type=int, default=256, help="the servers' open-file limit under abuse"
    )
    parser.add_argument(
        "--calm-only",
        action="store_true",
        help="skip the abuse scenarios (a quick run; repeat it: calm figures on "
        "shared cores vary from run to run)",
    )
    args = parser.parse_args()

    cli = str(Path(sys.executable).with_name("audio-edition"))
    results: dict[tuple[str, str], Result] = {}
    abuses: dict[str, tuple[Abuse, int]] = {}
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as tmp:
        folder = Path(tmp)
        size = make_folder(folder)
        feed_size = (folder / "feed.xml").stat().st_size

        def commands(port: int) -> dict[str, list[str]]:
            return {
                "audio-edition serve": [cli, "serve", str(folder), "--port", str(port)],
                "aiohttp.web (trial)": [sys.executable, str(TRIAL), str(folder), "--port", str(port)],
                "python -m http.server": [
                    sys.executable,
                    "-m",
                    "http.server",
                    str(port),
                    "--bind",
                    "127.0.0.1",
                    "--directory",
                    str(folder),
                ],
            }

        for name in commands(0):
            port = free_port()
            process = start(commands(port)[name], port)
            try:
                base = f"http://127.0.0.1:{port}/"
                for scenario, path, range_of in (
                    ("feed", "feed.xml", None),
                    ("ranged audio", "episode.mp3", size),
                ):
                    results[(name, scenario)] = asyncio.run(
                        load(base + path, args.clients, args.requests, args.seconds, range_of, process.pid)
                    )
            finally:
                process.terminate()
                process.wait(timeout=10)
        for name in () if args.calm_only else commands(0):
            port = free_port()
            process = start(commands(port)[name], port, open_file_limit(args.open_files))
            try:
                abused, abuse, held = under_abuse(
                    f"http://127.0.0.1:{port}/",
                    port,
                    process.pid,
                    args.idle,
                    args.clients,
                    args.requests,
                    args.seconds,
                    size,
                )
                for scenario, result in abused.items():
                    results[(name, scenario + ", abuse")] = result
                abuses[name] = (abuse, held)
            finally:
                process.kill()  # http.server may be too starved to stop politely
                process.wait(timeout=10)

    print(
        f"{args.clients} concurrent clients on loopback; feed.xml {feed_size / 1e3:.0f} kB, "
        f"episode.mp3 {size / 1e6:.2f} MB, "
        f"ranges of {RANGE_BYTES // 1024} KiB; load average {os.getloadavg()[0]:.2f}"
    )
    print(
        f"abuse: open-file limit {args.open_files}, {args.idle} half-sent requests held "
        f"(reopened 0.25 s after the server closes one); requests time out after "
        f"{REQUEST_TIMEOUT:g} s"
    )
    print(
        f"{'server':<24}{'scenario':<22}{'requests':>9}{'req/s':>8}{'p50 ms':>9}"
        f"{'p99 ms':>9}{'errors':>8}{'MB':>8}{'CPU %':>7}  statuses"
    )
    for (name, scenario), r in results.items():
        statuses = ", ".join(f"{k}×{v}" for k, v in sorted(r.statuses.items()))
        print(
            f"{name:<24}{scenario:<22}{r.requests:>9}{r.per_second:>8.0f}{r.p50_ms:>9.1f}"
            f"{r.p99_ms:>9.1f}{r.errors:>8}{r.megabytes:>8.1f}{r.cpu_percent:>7.0f}  {statuses}"
        )
    for name, (abuse, held) in abuses.items():
        print(
            f"{name} under abuse: {held} of {args.idle} held when the clients started; "
            f"{abuse.reopened} closed by the server and reopened; "
            f"{abuse.refused} connects refused or timed out"
        )
    scenarios = (
        ("feed", "ranged audio")
        if args.calm_only
        else ("feed", "ranged audio", "feed, abuse", "ranged audio, abuse")
    )
    for scenario in scenarios:
        ours = results[("audio-edition serve", scenario)]
        plain = results[("python -m http.server", scenario)]
        print(
            f"ratio ours/plain, {scenario}: {ours.per_second / plain.per_second:.2f}× req/s, "
            f"p99 {ours.p99_ms / plain.p99_ms:.2f}×"
            if plain.requests
            else f"ratio ours/plain, {scenario}: plain answered nothing ({plain.errors} errors)"
        )
    for scenario in scenarios:
        ours = results[("audio-edition serve", scenario)]
        trial = results[("aiohttp.web (trial)", scenario)]
        print(
            f"ratio ours/aiohttp, {scenario}: {ours.per_second / trial.per_second:.2f}× req/s, "
            f"p99 {ours.p99_ms / trial.p99_ms:.2f}×, errors {ours.errors} vs {trial.errors}"
            if trial.requests
            else f"ratio ours/aiohttp, {scenario}: aiohttp answered nothing ({trial.errors} errors)"
        )
    for scenario in () if args.calm_only else ("feed", "ranged audio"):
        calm = results[("audio-edition serve", scenario)]
        hit = results[("audio-edition serve", scenario + ", abuse")]
        print(
            f"ours under abuse / calm, {scenario}: {hit.per_second / calm.per_second:.2f}× "
            f"req/s, p99 {hit.p99_ms / calm.p99_ms:.2f}×"
        )


if __name__ == "__main__":
    main()
