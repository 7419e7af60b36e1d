"""Where news usage overrules the polyphone model: 为 as the preposition "for" (wèi).

g2pM learned from encyclopaedia sentences, where 为 is nearly always the copula wéi (X为Y, 改名为,
被评为), and reads every free-standing 为 so, with full confidence. News writes the preposition
wèi at least as often, in two shapes a rule recognises without a parser:

- at the head of a clause: 为确保安全，…; 为深入贯彻…，…; 为此 (pypinyin's table has that one);
- before a beneficiary and a verb of service or gift in the same clause: 为人民服务, 为企业提供…,
  为…作出贡献, 为…保驾护航, 为…点赞.

Everything else keeps the model's reading (任命…为, 面积为…, 视为 stay wéi). Measured on CPP's test
split: the rule changes no reading there that was right.
"""

from __future__ import annotations

import re

from audio_edition.speech.polyphones import Guess

_CLAUSE_MARKS = frozenset("，。！？；：、,.!?;:“”‘’「」『』（）()《》\"' \n\t—…")
_SERVICE = re.compile(
    "服务|提供|作出|做出|贡献|创造|助力|加油|点赞|保驾护航|护航|办实事|办好事|排忧|解难|谋福|谋划|"
    "争光|增光|添彩|注入|奠定|打下|搭建|营造|赋能|撑腰|把关|开辟|铺路|出力|献策|献计|服役"
)
_NUMBER_NEXT = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿]")


def overrule(sentence: str, guesses: dict[int, Guess]) -> dict[int, Guess]:
    """``guesses`` with news usage applied (see the module docstring); the others unchanged."""
    result = dict(guesses)
    for index, guess in guesses.items():
        if sentence[index] == "为" and guess.reading == "wei2" and _preposition(sentence, index):
            result[index] = Guess("wei4", guess.confidence)
    return result


def _preposition(sentence: str, index: int) -> bool:
    """Whether the 为 at ``index`` is "for": at a clause's head, or before a service verb in its clause."""
    after = sentence[index + 1 : index + 2]
    if not after or after in _CLAUSE_MARKS or _NUMBER_NEXT.match(after):
        return False  # 为5亿元, 为三: the copula before an amount
    if index == 0 or sentence[index - 1] in _CLAUSE_MARKS:
        return True
    clause_end = next((k for k in range(index + 1, len(sentence)) if sentence[k] in _CLAUSE_MARKS), len(sentence))
    return _SERVICE.search(sentence, index + 2, clause_end) is not None
