"""Reading PDF pages: our PDF route against pdftotext on the same pages, in one run.

Prints:

- one typeset page read into articles (``read_pdf``), seconds, against ``pdftotext`` (plain mode)
  extracting its text;
- a 16-page edition in one PDF read into a stitched edition (``read_edition``), seconds, against
  pdftotext on the same file; the ratios;
- peak RSS of each run (its own process, ``wait4``) and RSS per page;
- the libraries the PDF route could stand on, each reading every character with its box, size and
  font on the same 16 pages: pypdfium2 (chosen), pdfminer.six, pdfplumber; characters found.

    .venv/bin/python benchmarks/pdf.py [--pages 16] [--repeat 3]

Targets (issue 23): a page in ≤ 0.5 s, a 16-page edition in ≤ 8 s on 2 cores. The pages are
typeset here with Typst (tests/typeset, a dev dependency); typesetting is not timed. The load
average is printed with the figures: the 2 cores are shared.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PY = sys.executable

# Each prints the seconds its reading took in-process (start-up aside), then what it read.
READ_EDITION = """
import sys, time
from pathlib import Path
from audio_edition.text import read_edition
start = time.perf_counter()
edition = read_edition([Path(sys.argv[1])])
print(time.perf_counter() - start, len(edition.articles))
"""
READ_PAGE = """
import sys, time
from pathlib import Path
from audio_edition.text.pdf import read_pdf
start = time.perf_counter()
pages = read_pdf(Path(sys.argv[1]))
print(time.perf_counter() - start, sum(len(p.articles) for p in pages))
"""
CHARS = {
    "pypdfium2": """
import sys, pypdfium2 as pdfium, pypdfium2.raw as c
doc = pdfium.PdfDocument(sys.argv[1]); n = 0
for page in doc:
    tp = page.get_textpage()
    for i in range(tp.count_chars()):
        if c.FPDFText_IsGenerated(tp, i) or c.FPDFText_GetUnicode(tp, i) < 33: continue
        tp.get_charbox(i, loose=True); c.FPDFText_GetFontSize(tp, i); c.FPDFText_GetFontWeight(tp, i); n += 1
print(n)
""",
    "pdfminer.six": """
import sys
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar
def walk(o):
    if isinstance(o, LTChar): return 1
    return sum(walk(x) for x in o) if hasattr(o, "__iter__") else 0
print(sum(walk(p) for p in extract_pages(sys.argv[1])))
""",
    "pdfplumber": """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as d: print(sum(len(p.chars) for p in d.pages))
""",
}


def run_measured(args: list[str]) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak RSS MB, stdout) of ``args`` in its own process.

    posix_spawn, not fork: a forked child starts with this process's memory counted as its own."""
    out_path = Path(tempfile.mkstemp(prefix="bench-pdf-")[1])
    actions = [(os.POSIX_SPAWN_OPEN, 1, str(out_path), os.O_WRONLY | os.O_TRUNC, 0o600)]
    start = time.perf_counter()
    pid = os.posix_spawnp(args[0], args, {**os.environ, "PYTHONPATH": str(ROOT)}, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    out = out_path.read_text(encoding="utf-8", errors="replace")
    out_path.unlink()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{args[:3]} failed")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.strip()


def best(args: list[str], repeat: int) -> tuple[float, float, float, str]:
    runs = [run_measured(args) for _ in range(repeat)]
    return min(runs, key=lambda r: r[0])


TYPESET = """
import random, sys
from pathlib import Path
from tests.typeset.corpus import jumping_edition
from tests.typeset.pages import EditionSpec
from tests.typeset.typeset import typeset
folder, pages = Path(sys.argv[1]), int(sys.argv[2])
columns = tuple(random.Random(p).choice((4, 5, 6)) for p in range(pages))
leading = tuple(random.Random(100 + p).choice((1.25, 1.5, 1.75)) for p in range(pages))
spec = jumping_edition(7, "bench", columns, leading=leading)
typeset(spec, folder / "2024-03-05.pdf")
typeset(EditionSpec("one", (spec.pages[1],)), folder / "2024-03-05-02.pdf")
"""


def typeset_edition(folder: Path, pages: int) -> tuple[Path, Path]:
    """A ``pages``-page edition in one PDF and its page 2 alone (typeset in a child: this process stays small)."""
    subprocess.run(
        [PY, "-c", TYPESET, str(folder), str(pages)],
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return folder / "2024-03-05.pdf", folder / "2024-03-05-02.pdf"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        edition, single = typeset_edition(Path(tmp), options.pages)
        print(
            f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; {options.pages}-page edition typeset by Typst"
        )
        ours_page = best([PY, "-c", READ_PAGE, str(single)], options.repeat)
        plain_page = best(["pdftotext", "-enc", "UTF-8", str(single), os.devnull], options.repeat)
        ours_edition = best([PY, "-c", READ_EDITION, str(edition)], options.repeat)
        plain_edition = best(["pdftotext", "-enc", "UTF-8", str(edition), os.devnull], options.repeat)
        base = best([PY, "-c", "import audio_edition.text"], options.repeat)
        print()
        print(f"{'':32}{'wall s':>9}{'cpu s':>9}{'peak MB':>9}")
        print(
            f"{'one page, ours (articles)':32}{ours_page[0]:9.3f}{ours_page[1]:9.3f}{ours_page[2]:9.0f}   target <= 0.5 s"
        )
        print(
            f"{'one page, pdftotext (text)':32}{plain_page[0]:9.3f}{plain_page[1]:9.3f}{plain_page[2]:9.0f}"
        )
        print(
            f"{f'{options.pages} pages, ours (edition)':32}{ours_edition[0]:9.3f}{ours_edition[1]:9.3f}{ours_edition[2]:9.0f}   target <= 8 s"
        )
        print(
            f"{f'{options.pages} pages, pdftotext (text)':32}{plain_edition[0]:9.3f}{plain_edition[1]:9.3f}{plain_edition[2]:9.0f}"
        )
        print(f"{'python + import only':32}{base[0]:9.3f}{base[1]:9.3f}{base[2]:9.0f}")
        print()
        page_read = float(ours_page[3].split()[0])
        edition_read = float(ours_edition[3].split()[0])
        print(
            f"reading in-process (start-up aside): one page {page_read:.3f} s (target <= 0.5), "
            f"{options.pages} pages {edition_read:.3f} s (target <= 8), {edition_read / options.pages:.3f} s a page"
        )
        print(
            f"ours / pdftotext: one page {ours_page[0] / plain_page[0]:.1f}x, edition {ours_edition[0] / plain_edition[0]:.1f}x wall, "
            f"{ours_edition[1] / plain_edition[1]:.1f}x CPU; reading alone (less start-up): "
            f"{(ours_edition[1] - base[1]) / options.pages:.3f} CPU s a page against pdftotext's {plain_edition[1] / options.pages:.3f}"
        )
        print(
            f"memory: {(ours_edition[2] - base[2]) / options.pages:.1f} MB a page above the interpreter "
            f"({ours_edition[2] - base[2]:.0f} MB for {options.pages} pages, {ours_page[2] - base[2]:.0f} MB for one)"
        )
        print()
        print(f"characters with box, size and font, {options.pages} pages:")
        for name, code in CHARS.items():
            wall, cpu, rss, out = best([PY, "-c", code, str(edition)], 1)
            print(f"  {name:14}{wall:8.3f} s {cpu:8.3f} CPU s{rss:8.0f} MB  {out} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
