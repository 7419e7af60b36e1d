"""What ``publish --to`` sends to an object store, measured against a real S3 API (moto's
standalone server on 127.0.0.1), in one run:

- a fresh edition: objects and bytes uploaded, seconds;
- the same output published again (the daily case for every older edition): objects and bytes
  uploaded (target 0), seconds;
- an archive of N editions (a built edition copied under N dates, default 30) published to an
  empty prefix: objects, bytes and wall time; then republished unchanged;
- the plain alternative for comparison: uploading every file every time (what a naive
  ``aws s3 cp --recursive`` does), as bytes, and the ratio.

Editions are made cheaply: one edition of real MP3s (ffmpeg tones at the voices' 48 kbit/s: a
30-minute episode and two 15-minute articles, as many bytes as a real edition's audio) with its
manifest, transcripts and pages, then copied under other dates and published into the catalog.

    .venv/bin/python benchmarks/publish.py [--editions 30] [--minutes 30]

The machine's 2 cores are shared: the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audio_edition.publish import Show, publish_catalog  # noqa: E402
from audio_edition.publish.bucket import BucketDestination, bucket_client  # noqa: E402
from audio_edition.publish.sync import BucketTarget, public_files, sync_output  # noqa: E402
from tests.publish.fixture_editions import make_edition  # noqa: E402

PUBLIC = "https://podcast.example.org/daily/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_moto() -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, f"http://127.0.0.1:{port}"
        except OSError:
            if time.monotonic() > deadline:
                server.kill()
                raise SystemExit("moto's server did not start") from None
            time.sleep(0.1)


def make_sized_edition(out: Path, day: str, minutes: float) -> None:
    """The tests' fixture edition (real MP3s by ffmpeg, 24 kHz 48 kbit/s mono like the voices)
    with two articles of ``minutes / 2`` each, so the episode is ``minutes`` long."""
    make_edition(out, day, article_seconds=minutes * 30)


def sync(out: Path, prefix: str) -> tuple[int, int, int, float]:
    destination = BucketDestination(BucketTarget("bench", prefix), bucket_client())
    start = time.perf_counter()
    plan = sync_output(out, destination)
    return len(plan.uploads), plan.upload_bytes, plan.unchanged, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--editions", type=int, default=30)
    parser.add_argument("--minutes", type=float, default=30.0)
    args = parser.parse_args()
    server, endpoint = start_moto()
    os.environ.update(
        {
            "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": endpoint,
            "NO_PROXY": "127.0.0.1",
        }
    )
    try:
        bucket_client().create_bucket(Bucket="bench")
        with tempfile.TemporaryDirectory() as tmp:
            show = Show(base_url=PUBLIC)
            one = Path(tmp) / "one" / "output"
            make_sized_edition(one, "2024-01-01", args.minutes)
            publish_catalog(one, show)
            files, size = len(public_files(one)), sum(f.size for f in public_files(one))
            fresh = sync(one, "one")
            again = sync(one, "one")

            archive = Path(tmp) / "archive" / "output"
            first = date(2024, 1, 1)
            make_sized_edition(archive, first.isoformat(), args.minutes)
            for n in range(1, args.editions):
                shutil.copytree(
                    archive / first.isoformat(), archive / (first + timedelta(days=n)).isoformat()
                )
            publish_catalog(archive, show)
            whole = sync(archive, "archive")
            unchanged = sync(archive, "archive")
            naive = sum(f.size for f in public_files(archive))
    finally:
        server.terminate()
        server.wait(timeout=10)

    print(f"load average: {open('/proc/loadavg').read().split()[:3]}")
    print(f"one edition: {files} public files, {size / 1e6:.1f} MB")
    print(f"  fresh publish:     {fresh[0]:>5} objects {fresh[1] / 1e6:>8.1f} MB  {fresh[3]:6.2f} s")
    print(
        f"  unchanged publish: {again[0]:>5} objects {again[1] / 1e6:>8.1f} MB  {again[3]:6.2f} s"
        f"  ({again[2]} unchanged; target 0 objects)"
    )
    print(f"archive of {args.editions} editions:")
    print(f"  fresh publish:     {whole[0]:>5} objects {whole[1] / 1e6:>8.1f} MB  {whole[3]:6.2f} s")
    print(
        f"  unchanged publish: {unchanged[0]:>5} objects {unchanged[1] / 1e6:>8.1f} MB  {unchanged[3]:6.2f} s"
    )
    print(
        f"  plain alternative (upload everything every time): {naive / 1e6:.1f} MB per publish; "
        f"ours unchanged: {unchanged[1] / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
