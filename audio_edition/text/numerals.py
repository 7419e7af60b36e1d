"""Chinese numerals for the numbers the pre-pass must say itself (wetext left alone spells some
bare integers digit by digit, ``110111111`` → 幺幺零…, and reads clock hours as 二点).

Cardinals follow broadcast practice: 两 for a leading 2 before 百/千/万/亿 (两千, 两万), 二 elsewhere
(二十, 一万二千), one 零 for any run of zeros inside a number, and 十 rather than 一十 at the
very start (十万, but 一百一十).
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ("", "十", "百", "千")
_GROUP_UNITS = ("", "万", "亿", "万亿")


def _say_group(group: str) -> str:
    """A group of up to four digits (no leading zeros said), e.g. ``"0105"`` → 零一百零五."""
    said = ""
    zeros = False
    for place, digit in zip(range(len(group) - 1, -1, -1), group):
        if digit == "0":
            zeros = bool(said)
            continue
        if zeros:
            said += "零"
            zeros = False
        said += _DIGITS[int(digit)] + _SMALL_UNITS[place]
    return said


def say_integer(number: str) -> str:
    """A non-negative integer given as digits, said as a cardinal (``"20500"`` → 两万零五百).

    Up to 16 digits (万亿); longer strings are spelled digit by digit, as no one says them.
    """
    digits = number.lstrip("0") or "0"
    if digits == "0":
        return "零"
    if len(digits) > 16:
        return "".join(_DIGITS[int(d)] for d in digits)
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-4:])
        digits = digits[:-4]
    said = ""
    pending_zero = False
    for index, group in enumerate(groups):
        unit = _GROUP_UNITS[len(groups) - 1 - index]
        if int(group) == 0:
            pending_zero = bool(said)
            continue
        if said and (pending_zero or group[0] == "0"):
            said += "零"
        said += _say_group(group) + unit
        pending_zero = False
    if said.startswith("一十"):
        said = said[1:]
    if said.startswith("二") and len(said) > 1 and said[1] in "百千万亿":
        said = "两" + said[1:]
    return said


def say_clock(hours: str, minutes: str, seconds: str | None = None) -> str:
    """A clock time as a newsreader says it: ``2:02`` → 两点零二分, ``9:00`` → 九点,
    ``13:10:36`` → 十三点十分三十六秒 (the hour is never said with a leading 零)."""
    hour = int(hours)
    said = ("两" if hour == 2 else say_integer(str(hour))) + "点"
    if int(minutes) or seconds is not None:
        said += ("零" if int(minutes) < 10 and int(minutes) else "") + say_integer(minutes) + "分"
    if seconds is not None:
        said += say_integer(seconds) + "秒"
    return said


def spell_digits(number: str, *, yao: bool = False) -> str:
    """Read a digit string digit by digit (``"12345"`` → 一二三四五; with ``yao`` → 幺二三四五)."""
    spelled = "".join(_DIGITS[int(d)] for d in number if d.isdigit())
    return spelled.replace("一", "幺") if yao else spelled
