"""Whether this paper's own pages read exactly as before: every page in tests/fixtures/*.txt,
tests/fixtures/editions/*.txt and /work/shared/samples/*.txt (when present) read by a reference
commit's cleaner and by this tree's, compared segment by segment, article by article, furniture and
warnings too. Prints the first differences and exits 1 when any page reads differently.

    .venv/bin/python benchmarks/fixture_reads.py [--ref main]

Each reader runs in its own process from its own copy of the package (the reference's from ``git
archive``), as benchmarks/text_route.py does.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    *sorted((ROOT / "tests" / "fixtures").glob("*.txt")),
    *sorted((ROOT / "tests" / "fixtures" / "editions").glob("*.txt")),
    *sorted(Path("/work/shared/samples").glob("*.txt")),
]

# Run in the reader's process: one block of lines per page, every field of what it read.
DUMP = r"""
import dataclasses, sys
from pathlib import Path
from audio_edition.text import parse_page, read_page
from audio_edition.text.extraction import is_extraction
from audio_edition.text.layout import read_layout
for name in sys.argv[1:]:
    text = read_page(Path(name))
    print("=====", name)
    if not is_extraction(text):
        for segment in read_layout(text).segments:
            print("  segment", segment)
    page = parse_page(text, name)
    print("  headlines", page.headlines, "number", page.number)
    for article in page.articles:
        print("  article", dataclasses.asdict(article))
    for piece in page.furniture:
        print("  furniture", piece)
    for warning in page.warnings:
        print("  warning", warning)
"""


def read_all(package_root: Path) -> dict[str, list[str]]:
    """Every page as the cleaner under ``package_root`` reads it: its name and one line per thing
    read."""
    env = {**os.environ, "PYTHONPATH": str(package_root)}
    names = [str(page) for page in PAGES]
    done = subprocess.run(
        [sys.executable, "-c", DUMP, *names],
        env=env,
        cwd=package_root,  # python -c puts its working directory first on the path
        capture_output=True,
        text=True,
        check=True,
    )
    pages: dict[str, list[str]] = {}
    for line in done.stdout.splitlines():
        if line.startswith("===== "):
            current = pages.setdefault(line.removeprefix("===== "), [])
        else:
            current.append(line)
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="main", help="the commit to compare with (default: main)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.ref, "audio_edition"], capture_output=True, check=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        before = read_all(Path(folder))
    after = read_all(ROOT)
    differing = [name for name in before if before[name] != after.get(name)]
    for name in differing:
        diff = difflib.unified_diff(before[name], after.get(name, []), args.ref, "this tree", lineterm="")
        print(f"{name}:", *list(diff)[:40], sep="\n")
    same = len(before) - len(differing)
    print(f"{same}/{len(before)} pages read exactly as at {args.ref}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
