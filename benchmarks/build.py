"""The build's speed and memory, against the plain alternative, in one run.

Prints:

- a cold build of the sample edition (offline engine, empty speech cache) as a fraction of the
  audio it makes, and its peak RSS (model included);
- a warm rebuild (everything cached) in seconds;
- the assembly stage alone (render tracks, normalize, encode article MP3s and the episode) on a
  synthetic edition of generated audio: speed as a multiple of real time and peak RSS, for a
  two-hour edition;
- the plain alternative on the same synthetic audio: pydub, concatenating in memory and
  exporting one MP3 (and doing less: no loudness, no per-article files); ratios of the two.

Every measured piece runs in its own process so its peak RSS is its own (``wait4``).

    .venv/bin/python benchmarks/build.py [--hours 2] [--naive-minutes 30] [--skip-sample]

Targets (issue 5): cold build ≤ 0.1 of audio duration; assembly ≥ 100× real time; warm rebuild
≤ 3 s; assembly peak RSS < 400 MB for two hours. The machine's 2 cores are shared: the load
average is printed with the figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "articles" / "2023-12-25.txt"
PY = sys.executable
CLIP_SECONDS = 30.0
CLIPS_PER_ARTICLE = 6


CPU_SECONDS: list[float] = []
"""CPU seconds (user + system, ffmpeg children included) of each ``run_measured`` call, in order."""


def run_measured(args: list[str]) -> tuple[float, float, str]:
    """Run ``args``; return (wall seconds, peak RSS in MB of it and its waited-for children, stdout).

    Its CPU time, children included, is appended to ``CPU_SECONDS``: on shared cores wall time
    depends on the neighbours, CPU time does not."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout is not None and proc.stderr is not None
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    CPU_SECONDS.append(usage.ru_utime + usage.ru_stime)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(args[:4])}… failed:\n{err.decode(errors='replace')[-2000:]}")
    return wall, usage.ru_maxrss / 1024, out.decode()


def make_speechlike(path: Path, seconds: float) -> None:
    """Noise shaped like speech: 24 kHz mono, syllable-rate amplitude modulation, short pauses."""
    expr = "(0.25+0.2*sin(2*PI*4*t))*gt(sin(2*PI*0.3*t)\\,-0.8)*(random(0)-0.5)"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"aevalsrc={expr}:s=24000:d={seconds}",
         "-af", "lowpass=f=4000", "-c:a", "pcm_s16le", str(path)],
        check=True,
    )  # fmt: skip


# The two assembly runs, executed in child processes (``--child ours|naive``).


def child_ours(clip: Path, n_articles: int, out: Path) -> None:
    import datetime as dt

    from audio_edition.audio.assemble import Clip
    from audio_edition.audio.clips import SpokenTrack
    from audio_edition.audio.episode import Production, make_audio
    from audio_edition.audio.script import Line, TrackScript
    from audio_edition.edition import BuildOptions, work_folder
    from audio_edition.speech.batch import PartKind

    options = BuildOptions(out=out, production=Production(jobs=2))
    date = dt.date(2023, 12, 25)
    folder = out / date.isoformat()
    tracks = []
    for n in range(n_articles):
        line = Line(PartKind.PARAGRAPH, ("句子。",), ("句子。",), 0.6)
        script = TrackScript(f"{n + 1:02d}-synthetic", f"文章{n + 1}", (line,), article=n + 1, text="句子。")
        tracks.append(
            SpokenTrack(
                script, tuple((Clip(clip, ("句子。",), (0.0,)), 0.6) for _ in range(CLIPS_PER_ARTICLE))
            )
        )
    with work_folder(folder) as work:
        _, episode = make_audio(tracks, date, folder, work, options.production, "synthetic")
    print(json.dumps({"duration": episode.duration}))


def child_naive(clip: Path, n_articles: int, out: Path) -> None:
    from pydub import AudioSegment

    episode = AudioSegment.silent(duration=0, frame_rate=44100)
    gap = AudioSegment.silent(duration=600, frame_rate=44100)
    for _ in range(n_articles * CLIPS_PER_ARTICLE):
        episode += AudioSegment.from_file(clip).set_frame_rate(44100) + gap  # how it is usually written
    out.mkdir(parents=True, exist_ok=True)
    episode.set_channels(1).export(out / "episode.mp3", format="mp3", bitrate="64k")
    print(json.dumps({"duration": episode.duration_seconds}))


def assembly(kind: str, clip: Path, minutes: float, scratch: Path) -> tuple[float, float, float]:
    """(wall seconds, peak RSS MB, audio seconds) of one assembly child."""
    n_articles = max(1, round(minutes * 60 / (CLIP_SECONDS * CLIPS_PER_ARTICLE)))
    out = scratch / f"{kind}-{minutes:g}"
    wall, rss, stdout = run_measured([PY, __file__, "--child", kind, str(clip), str(n_articles), str(out)])
    return wall, rss, float(json.loads(stdout)["duration"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hours", type=float, default=2.0, help="length of the synthetic edition")
    parser.add_argument(
        "--naive-minutes",
        type=float,
        default=30.0,
        help="length for the pydub comparison (it holds everything in memory)",
    )
    parser.add_argument("--skip-sample", action="store_true", help="only the synthetic assembly runs")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, clip, n, out = args.child
        (child_ours if kind == "ours" else child_naive)(Path(clip), int(n), Path(out))
        return

    if (
        importlib.util.find_spec("pydub") is None
    ):  # the plain alternative is the bench extra's, not the tool's
        sys.exit(
            "benchmarks/build.py: the comparison needs pydub: pip install -e '.[bench]' (make bench does)"
        )
    print(f"load average at start: {os.getloadavg()[0]:.2f} (2 shared cores)")
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        scratch = Path(tmp)
        if not args.skip_sample:
            cli = [str(Path(PY).parent / "audio-edition"), "build", str(SAMPLE), "--out", str(scratch / "sample"),
                   "--engine", "offline", "--jobs", "2", "--json"]  # fmt: skip
            cold, cold_rss, out = run_measured(cli)
            cold_cpu = CPU_SECONDS[-1]
            summary = json.loads(out)
            audio = float(summary["duration"])
            print(
                f"sample, cold build: {cold:.1f} s for {audio / 60:.1f} min of audio = {cold / audio:.3f} of its "
                f"duration (target ≤ 0.1), {cold_cpu / audio:.3f} in CPU time; peak RSS {cold_rss:.0f} MB; "
                f"stages {summary['seconds']}"
            )
            assembly_wall = summary["seconds"]["audio"]
            print(
                f"sample, assembly stage (tracks and episode): {assembly_wall:.1f} s = "
                f"{audio / assembly_wall:.0f}× real time"
            )
            warm, warm_rss, out = run_measured(cli)
            print(
                f"sample, warm rebuild: {warm:.1f} s (target ≤ 3 s), {warm / cold:.2f}× the cold build; "
                f"stages {json.loads(out)['seconds']}; peak RSS {warm_rss:.0f} MB"
            )

        clip = scratch / "clip.wav"
        make_speechlike(clip, CLIP_SECONDS)
        wall, rss, seconds = assembly("ours", clip, args.hours * 60, scratch)
        cpu = CPU_SECONDS[-1]
        print(
            f"assembly, synthetic {seconds / 3600:.2f} h: {wall:.1f} s = {seconds / wall:.0f}× real time "
            f"(target ≥ 100×); {cpu:.1f} CPU s = {seconds / cpu:.0f}× real time per core; "
            f"peak RSS {rss:.0f} MB (target < 400 MB)"
        )
        small_wall, small_rss, small_seconds = assembly("ours", clip, args.naive_minutes, scratch)
        small_cpu = CPU_SECONDS[-1]
        naive_wall, naive_rss, naive_seconds = assembly("naive", clip, args.naive_minutes, scratch)
        naive_cpu = CPU_SECONDS[-1]
        print(
            f"assembly, synthetic {small_seconds / 60:.0f} min: ours {small_wall:.1f} s, {small_rss:.0f} MB; "
            f"pydub in memory {naive_wall:.1f} s, {naive_rss:.0f} MB (one MP3, no loudness, no article files)"
        )
        print(
            f"  ratios pydub/ours: time {naive_wall / small_wall:.2f}×, CPU {naive_cpu / small_cpu:.2f}×, "
            f"peak RSS {naive_rss / small_rss:.2f}×; "
            f"pydub's RSS per audio hour ≈ {naive_rss / (naive_seconds / 3600):.0f} MB, "
            f"ours at {seconds / 3600:.1f} h: {rss:.0f} MB"
        )
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
