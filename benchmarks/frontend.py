"""The speech front end measured on other projects' test suites, before and after, in one run.

Run: .venv/bin/python benchmarks/frontend.py [--before e265edc] [--rounds 5] [--split test]

Text normalization (``normalization_figures``): misreadings of NeMo's and WeTextProcessing's
Chinese TN suites (``../shared/peer_suites/``, scored by ``tests/text/peer_suites.py``, the same
scoring the tests hold to) for wetext alone, our spoken text at ``--before`` (that commit's
package, from git archive, imported beside ours under another name) and our spoken text now; and
the time each takes per 1,000 sentences of the sample edition. Each section is one function returning rows, so another
section sits beside it in ``main``: the polyphones' CPP accuracy (``benchmarks/polyphones.py``: ours before
and after the model, plain pypinyin and the model alone, and time per 1,000 sentences).
"""

from __future__ import annotations

import argparse
import atexit
import importlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.text.peer_suites: one scoring for tests and benchmark

from wetext import Normalizer

from audio_edition.text import clean_page, read_page
from audio_edition.text.lexicon import Lexicon
from audio_edition.text.sentences import split_sentences
from audio_edition.text.spoken import SpokenReader
from tests.text.peer_suites import (
    ACCEPTED,
    EQUIVALENT_READINGS,
    OUT_OF_SCOPE,
    PEER_SUITES,
    SUITES,
    in_scope,
    load_cases,
    misreadings,
)

SAMPLE = ROOT / "articles" / "2023-12-25.txt"


@dataclass(frozen=True)
class NormalizationRow:
    """One reader's figures: misreadings per suite (of its in-scope cases) and speed."""

    reader: str
    misread: dict[str, int]
    cases: dict[str, int]
    ms_per_1000: float


def spoken_module_at(ref: str) -> ModuleType | None:
    """``audio_edition.text.spoken`` as it is at git ``ref``, with the whole package of that
    commit beside ours under another name (``audio_edition_before``), so modules it imports are
    of that commit too; None when the ref or the module is not there."""
    folder = Path(tempfile.mkdtemp(prefix="frontend-before-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "audio_edition"], capture_output=True, check=False
    )
    if archive.returncode != 0:
        return None
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    package = folder / "audio_edition_before"
    (folder / "audio_edition").rename(package)
    for path in package.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"\baudio_edition\b(?=[. ])", "audio_edition_before", source), encoding="utf-8"
        )
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module("audio_edition_before.text.spoken")
    except ImportError:
        return None


def sample_sentences() -> list[str]:
    sentences: list[str] = []
    for article in clean_page(read_page(SAMPLE)):
        for text in ([article.headline] if article.headline else []) + list(article.paragraphs):
            sentences.extend(split_sentences(text))
    return sentences


def ms_per_1000(
    readers: dict[str, Callable[[str], str]], sentences: list[str], rounds: int
) -> dict[str, float]:
    """Median milliseconds per 1,000 sentences for each reader, after a warm-up pass; the readers
    take turns within each round, so load from other work on the machine falls on all alike."""
    for speak in readers.values():
        for sentence in sentences:
            speak(sentence)
    times: dict[str, list[float]] = {name: [] for name in readers}
    for _ in range(rounds):
        for name, speak in readers.items():
            start = time.perf_counter()
            for sentence in sentences:
                speak(sentence)
            times[name].append(time.perf_counter() - start)
    return {name: 1e6 * statistics.median(spent) / len(sentences) for name, spent in times.items()}


def normalization_figures(before: str = "e265edc", rounds: int = 3) -> list[NormalizationRow]:
    """Misreadings per peer suite and time per 1,000 sentences: wetext alone, ``before``, now."""
    suites = {suite: load_cases(suite) for suite in SUITES}
    normalizer = Normalizer(lang="zh", operator="tn")
    readers: dict[str, Callable[[str], str]] = {"wetext alone": normalizer.normalize}
    before_module = spoken_module_at(before)
    if before_module is None:
        print(f"(no spoken text at git ref {before!r}: its row is left out)")
    else:
        # Its own lexicon class: an empty lexicon of that commit, so only the number reader counts.
        lexicon_module = importlib.import_module("audio_edition_before.text.lexicon")
        readers[f"ours at {before}"] = before_module.SpokenReader(lexicon_module.Lexicon()).speak
    readers["ours now"] = SpokenReader(Lexicon()).speak
    speed = ms_per_1000(readers, sample_sentences(), rounds)
    rows = []
    for name, speak in readers.items():
        misread = {suite: len(misreadings(speak, cases)) for suite, cases in suites.items()}
        cases = {suite: len(in_scope(cases)) for suite, cases in suites.items()}
        rows.append(NormalizationRow(name, misread, cases, speed[name]))
    return rows


def print_normalization(rows: list[NormalizationRow]) -> None:
    print(f"text normalization: peer suites at {PEER_SUITES}, timed on {SAMPLE.name}")
    header = "".join(f"{suite:>22}" for suite in SUITES)
    print(f"{'reader':<18}{header}{'ms/1000 sentences':>20}")
    for row in rows:
        cells = "".join(
            f"{row.misread[s]:>5} of {row.cases[s]:<3} ({100 * row.misread[s] / row.cases[s]:4.1f}%)"
            for s in SUITES
        )
        print(f"{row.reader:<18}{cells}{row.ms_per_1000:>20.0f}")
    plain = rows[0].ms_per_1000
    print(
        f"scored by tests/text/peer_suites.py: {len(EQUIVALENT_READINGS)} equivalences, "
        f"{len(ACCEPTED)} accepted readings, {len(OUT_OF_SCOPE)} cases out of scope"
    )
    print(
        "time ratio vs wetext alone: "
        + ", ".join(f"{r.reader} {r.ms_per_1000 / plain:.2f}x" for r in rows[1:])
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # e265edc: main before issue 24's work landed, the reading its misreadings are counted against.
    parser.add_argument(
        "--before", default="e265edc", help="git ref of the 'before' package (default: e265edc)"
    )
    parser.add_argument(
        "--split", default="test", choices=("test", "dev"), help="CPP split for the polyphones"
    )
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not PEER_SUITES.is_dir():
        sys.exit(
            f"error: peer suites not found at {PEER_SUITES} (../shared/peer_suites beside the repository)"
        )
    print_normalization(normalization_figures(args.before, args.rounds))
    print()
    import polyphones  # benchmarks/polyphones.py, beside this file

    polyphones.report(args.split)


if __name__ == "__main__":
    main()
