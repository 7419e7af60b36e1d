"""Chinese numerals the pre-pass says itself: cardinals and clock times."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wetext import Normalizer

from audio_edition.text.numerals import say_clock, say_integer, spell_digits

EXAMPLES = settings(deadline=None, max_examples=max(20, settings().max_examples // 3))

CARDINALS = [
    ("0", "零"), ("2", "二"), ("10", "十"), ("15", "十五"), ("20", "二十"), ("101", "一百零一"),
    ("110", "一百一十"), ("200", "两百"), ("2000", "两千"), ("20500", "两万零五百"), ("100000", "十万"),
    ("10010000", "一千零一万"), ("110111111", "一亿一千零一十一万一千一百一十一"),
    ("100000100000", "一千亿零一十万"), ("0042", "四十二"),
]  # fmt: skip


@pytest.mark.parametrize(("digits", "said"), CARDINALS)
def test_say_integer(digits: str, said: str) -> None:
    assert say_integer(digits) == said


def test_numbers_nobody_says_are_spelled() -> None:
    assert say_integer("1" * 17) == "一" * 17


@pytest.mark.parametrize(
    ("clock", "said"),
    [(("2", "02"), "两点零二分"), (("03", "04"), "三点零四分"), (("9", "00"), "九点"), (("0", "00"), "零点"),
     (("13", "10", "36"), "十三点十分三十六秒"), (("12", "30"), "十二点三十分")],
)  # fmt: skip
def test_say_clock(clock: tuple[str, ...], said: str) -> None:
    assert say_clock(*clock) == said


def test_spell_digits() -> None:
    assert spell_digits("12345") == "一二三四五"
    assert spell_digits("010-110", yao=True) == "零幺零幺幺零"


NORMALIZER = Normalizer(lang="zh", operator="tn")


@EXAMPLES
@given(st.integers(3, 10**12 - 1))
def test_say_integer_agrees_with_wetext_where_wetext_counts(number: int) -> None:
    # wetext reads a number before 个 as a count: our cardinal must be the same words.
    theirs = NORMALIZER.normalize(f"{number}个").removesuffix("个")
    ours = say_integer(str(number))
    assert re.sub("两(?=[百千万亿])", "二", theirs) == re.sub("两(?=[百千万亿])", "二", ours)
