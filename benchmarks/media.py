"""What content-versioned audio addresses (``publish/media.py``) cost a publish, in one run:

- the first publish of an archive of N editions (default 30): every MP3 hashed (SHA-256) and
  hard-linked under ``media/``: seconds, bytes read, extra disk used (target 0: hard links);
- the daily publish after that (nothing changed): seconds (target: only ``stat`` calls);
- the plain alternative for comparison, in the same run: hashing every MP3 at every publish and
  copying it under its versioned name, as seconds and extra disk, and the ratios.

Editions are made cheaply: one edition of real MP3s (ffmpeg tones at the voices' 48 kbit/s, as
many bytes as a real edition's audio: a 30-minute episode and 10 three-minute stories) copied
under other dates.

    .venv/bin/python benchmarks/media.py [--editions 30]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audio_edition.audio.manifest import read_manifest  # noqa: E402
from audio_edition.publish.media import MEDIA_DIR, download_name, publish_media  # noqa: E402
from tests.publish.fixture_editions import make_edition  # noqa: E402


def disk_bytes(folder: Path) -> int:
    """Blocks actually used under ``folder``, each inode counted once (hard links share)."""
    seen: set[int] = set()
    total = 0
    for path in folder.rglob("*"):
        stat = path.stat()
        if path.is_file() and stat.st_ino not in seen:
            seen.add(stat.st_ino)
            total += stat.st_blocks * 512
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--editions", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-media-") as tmp:
        out, state = Path(tmp) / "output", Path(tmp) / "state"
        first = date(2024, 1, 1)
        model = make_edition(
            out,
            first.isoformat(),
            article_seconds=180.0,
            headlines=tuple(f"第{n}篇报道" for n in range(1, 11)),
        )
        for n in range(1, args.editions):
            day = (first + timedelta(days=n)).isoformat()
            shutil.copytree(out / model.date, out / day)
            (out / day / "edition.json").write_text(
                model.to_json().replace(model.date, day), encoding="utf-8"
            )
        manifests = [
            read_manifest(out / (first + timedelta(days=n)).isoformat()) for n in range(args.editions)
        ]
        audio = sum(
            (out / m.date / s).stat().st_size
            for m in manifests
            for s in (m.episode, *(a.audio for a in m.articles))
        )
        before = disk_bytes(out)
        now = datetime(2024, 2, 1, tzinfo=UTC)

        started = time.perf_counter()
        publish_media(out, state, manifests, now)
        first_seconds = time.perf_counter() - started
        extra = disk_bytes(out) - before
        started = time.perf_counter()
        publish_media(out, state, manifests, now)
        daily_seconds = time.perf_counter() - started

        plain = Path(tmp) / "plain"
        started = time.perf_counter()
        for m in manifests:
            for source in (m.episode, *(a.audio for a in m.articles)):
                path = out / m.date / source
                version = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
                target = plain / MEDIA_DIR / m.date / version / download_name(m.date, source, m.episode)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        plain_seconds = time.perf_counter() - started
        plain_extra = disk_bytes(plain)

    print(f"{args.editions} editions, {audio / 1e6:.0f} MB of MP3s; load average {os.getloadavg()[0]:.2f}")
    print(f"first publish (hash + hard link):   {first_seconds:6.2f} s, extra disk {extra / 1e6:7.1f} MB")
    print(f"daily publish (unchanged, stat only): {daily_seconds:6.3f} s")
    print(
        f"plain (hash + copy every publish):  {plain_seconds:6.2f} s, extra disk {plain_extra / 1e6:7.1f} MB"
    )
    print(f"ratio plain / ours, daily publish:  {plain_seconds / max(daily_seconds, 1e-6):6.0f}x faster")
    print(f"extra disk, ours / plain:           {extra / max(plain_extra, 1):6.3f}")


if __name__ == "__main__":
    main()
