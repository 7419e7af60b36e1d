"""Other projects' text-normalization suites, read where they lie, and how we score a reading.

The suites are NeMo-text-processing's and WeTextProcessing's Chinese TN cases (Apache-2.0), kept
in ``../shared/peer_suites/`` beside the repository (SOURCES.md there names the commits); they are
never copied into the project. The tests and ``benchmarks/frontend.py`` both score with
``misreadings`` so the figure a benchmark prints is the one the tests hold to.

A reading passes when it equals the suite's, after ``canonical`` folds the differences a listener
does not hear as a mistake (the table ``EQUIVALENT_READINGS``, one reason each), or when
``ACCEPTED`` names the case and our reading (Mainland newsreader practice that differs from the
suite's). ``OUT_OF_SCOPE`` lists the cases that test something a spoken-text stage does not do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

PEER_SUITES = Path(__file__).resolve().parents[3] / "shared" / "peer_suites"
SUITES = ("nemo_zh_tn", "wetext_zh_tn")


@dataclass(frozen=True)
class PeerCase:
    """One written → spoken case of a peer suite."""

    suite: str  # folder name: nemo_zh_tn or wetext_zh_tn
    file: str
    line: int
    written: str
    spoken: str

    @property
    def where(self) -> str:
        return f"{self.suite}/{self.file}:{self.line}"


def load_cases(suite: str, root: Path = PEER_SUITES) -> list[PeerCase]:
    """Every case of one suite, in file and line order (NeMo: ``written~spoken``; WeText:
    ``written => spoken``)."""
    cases: list[PeerCase] = []
    for path in sorted((root / suite).glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if suite == "nemo_zh_tn":
                written, sep, spoken = line.partition("~")
            else:
                written, sep, spoken = (line + " ").partition(" => ")
                spoken = spoken.removesuffix(" ")
            if sep:
                cases.append(PeerCase(suite, path.name, number, written, spoken))
    return cases


# Differences a listener does not hear as a misreading: (pattern, replacement, reason).
EQUIVALENT_READINGS: tuple[tuple[str, str, str], ...] = (
    (r"两(?=[百千万亿])", "二", "二百/两百, 二千/两千: both are standard before 百千万亿"),
    (r"〇", "零", "〇 and 零 are the same syllable (líng) in years and codes"),
    (r"幺", "一", "幺/一 in numbers read digit by digit: the same digit, 幺 is phone practice"),
    (r"至", "到", "至/到 in ranges: both are said for a printed dash"),
    (r"(?<=零)一十", "十", "零一十/零十 inside a number (一千亿零一十万): both are heard"),
    (r"(?<=点)零(?=[一二三四五六七八九]分)", "", "三点零四分/三点四分: broadcast clocks say the 零"),
    (r"[\s,，.。!！:：\"“”]", "", "punctuation and spacing are pauses, not words"),
)


def canonical(reading: str) -> str:
    """A reading with the ``EQUIVALENT_READINGS`` folded, for comparison."""
    for pattern, replacement, _reason in EQUIVALENT_READINGS:
        reading = re.sub(pattern, replacement, reading)
    return reading


# Cases where our reading differs from the suite's and is what a Mainland newsreader says:
# (suite, written) → (our reading, reason).
ACCEPTED: dict[tuple[str, str], tuple[str, str]] = {
    ("nemo_zh_tn", "-23°C"): ("零下二十三摄氏度", "a temperature below zero is said 零下, not 负"),
    ("nemo_zh_tn", "6号"): ("六号", "a printed 号 is read as printed; 号 and 日 are both spoken dates"),
    ("nemo_zh_tn", "30号"): ("三十号", "a printed 号 is read as printed"),
    ("nemo_zh_tn", "2015年08月08号"): ("二零一五年八月八号", "a printed 号 is read as printed"),
    ("nemo_zh_tn", "50年"): ("五十年", "bare 50年 in news copy is a span of fifty years, not the year '50"),
    ("nemo_zh_tn", "￥5"): ("五元", "¥ is said 元 on air (人民币 only when currencies are compared)"),
    ("nemo_zh_tn", "00:00:00"): ("零点", "midnight is said 零点; 零分零秒 adds nothing"),
    ("nemo_zh_tn", "03:04:05am"): ("上午三点零四分五秒", "am is said 上午 before the time"),
    ("nemo_zh_tn", "03:04pm"): ("下午三点零四分", "pm is said 下午 before the time"),
    ("nemo_zh_tn", "10:04am"): ("上午十点零四分", "am is said 上午 before the time"),
    ("nemo_zh_tn", "10:04pm"): ("下午十点零四分", "pm is said 下午 before the time"),
    ("nemo_zh_tn", "13:10pm"): ("十三点十分", "a 24-hour time needs no 下午: the stray pm is dropped"),
    ("nemo_zh_tn", "12.2.3"): ("十二点二点三", "a dotted triple is a version number in news copy"),
}

# Cases that test something a spoken-text stage for a Mainland daily does not do.
OUT_OF_SCOPE: dict[tuple[str, str], str] = {
    **{
        ("wetext_zh_tn", written): "wetext's optional post-processing (interjections, erhua, OOV tags, "
        "half-width punctuation), off in our reader: a newsreader reads 儿 and 啊 as printed"
        for written in (
            "呃这个呃啊我不知道", "这儿有只鸟儿", "这事儿好办", "我儿子喜欢这地儿", "我们안녕", "雪の花",
            "好啊", "啊呃呃", "儿",
        )
    },
    ("wetext_zh_tn", "寶貝"): "traditional → simplified conversion: a Mainland daily prints simplified",
    **{
        ("nemo_zh_tn", written): "English letter case (nba → NBA): the voices spell letters either way"
        for written in (
            "这附近有Atm", "这是一个ufo的照片", "nba比赛如期举行", "我们需要升级gpu", "他是这个公司的c e o",
            "我们已经加入了wto", "小王以优秀的战绩成为这场游戏的mvp", "这位客人是我们的vip",
            "小王的iq是全班最高的", "小李读了一个mba",
        )
    },
}  # fmt: skip


def in_scope(cases: Iterable[PeerCase]) -> list[PeerCase]:
    """The cases a spoken-text stage is held to."""
    return [case for case in cases if (case.suite, case.written) not in OUT_OF_SCOPE]


def reads_right(case: PeerCase, reading: str) -> bool:
    """Whether ``reading`` is the suite's reading or one we accept for it."""
    if canonical(reading) == canonical(case.spoken):
        return True
    accepted = ACCEPTED.get((case.suite, case.written))
    return accepted is not None and canonical(reading) == canonical(accepted[0])


def misreadings(speak: Callable[[str], str], cases: Iterable[PeerCase]) -> list[tuple[PeerCase, str]]:
    """The in-scope cases ``speak`` reads wrong, with what it said."""
    wrong: list[tuple[PeerCase, str]] = []
    for case in in_scope(cases):
        reading = speak(case.written)
        if not reads_right(case, reading):
            wrong.append((case, reading))
    return wrong
