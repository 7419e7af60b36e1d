"""Where news usage overrules the polyphone model: spelled Latin letters, and 为 as "for" (wèi).

The offline voices hear Latin letters spelled in hanzi (``text.spoken.LETTER_NAMES``: GDP is
记地批, A is 诶), and the model, reading those as words, says 记de批 and 诶 as xī. A run of two or
more letter names, and 诶 anywhere (the letter A; as an interjection it is rare in news), is left
to pypinyin's reading of the character, as before the model.

g2pM learned from encyclopaedia sentences, where 为 is nearly always the copula wéi (X为Y, 改名为,
被评为), and reads every free-standing 为 so, with full confidence. News writes the preposition
wèi at least as often, in two shapes a rule recognises without a parser:

- at the head of a clause: 为确保安全，…; 为“十四冬”助力; 为此 (pypinyin's table has that one);
- after an adverb of intent or time: 还为全国人民…, 将为…带来, 要为群众…;
- before a beneficiary and a verb of service or gift in the same clause: 为人民服务, 为企业提供…,
  为…作出贡献, 为…保驾护航, 为…点赞.

Everything else keeps the model's reading (任命…为, 面积为…, 视为 stay wéi).
"""

from __future__ import annotations

import re

from audio_edition.speech.polyphones import Guess
from audio_edition.text.spoken import LETTER_NAMES

RULES_VERSION = 3
"""Part of the offline engines' versions (through ``MandarinReader.digest``): bump on any change here."""

_NAMES = sorted(LETTER_NAMES.values(), key=len, reverse=True)  # 艾克斯 before 艾
_LETTER = "(?:" + "|".join(_NAMES) + ")"
_SPELLED = re.compile(f"{_LETTER}{{2,}}|诶")

_CLAUSE_MARKS = frozenset("，。！？；：、,.!?;:“”‘’「」『』（）()《》\"' \n\t—…")
_SERVICE = re.compile(
    "服务|提供|作出|做出|贡献|创造|助力|加油|点赞|保驾护航|护航|办实事|办好事|排忧|解难|谋福|谋划|"
    "争光|增光|添彩|注入|奠定|打下|搭建|营造|赋能|撑腰|把关|开辟|铺路|出力|献策|献计|服役"
)
_OPENING = '“‘「『《（("'
_INTENT = frozenset("还也又将正要")  # 还为全国人民…, 将为…带来, 要为群众…: 均为/都为 (all are) stay wéi
_NUMBER_NEXT = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿]")


def overrule(sentence: str, guesses: dict[int, Guess]) -> dict[int, Guess]:
    """``guesses`` with news usage applied (see the module docstring); spelled letters are dropped."""
    spelled = {i for match in _SPELLED.finditer(sentence) for i in range(match.start(), match.end())}
    result = {index: guess for index, guess in guesses.items() if index not in spelled}
    for index, guess in list(result.items()):
        if sentence[index] == "为" and guess.reading == "wei2" and _preposition(sentence, index):
            result[index] = Guess("wei4", guess.confidence)
    return result


def _preposition(sentence: str, index: int) -> bool:
    """Whether the 为 at ``index`` is "for": at a clause's head, after an adverb of intent, or before a
    service verb in its clause."""
    after = sentence[index + 1 :].lstrip(_OPENING)[:1]  # 为“十四冬”: a quoted name, not an amount
    if not after or after in _CLAUSE_MARKS or _NUMBER_NEXT.match(sentence, index + 1):
        return False  # 为5亿元, 为三: the copula before an amount
    if index == 0 or sentence[index - 1] in _CLAUSE_MARKS or sentence[index - 1] in _INTENT:
        return True
    clause_end = next(
        (k for k in range(index + 1, len(sentence)) if sentence[k] in _CLAUSE_MARKS), len(sentence)
    )
    return _SERVICE.search(sentence, index + 2, clause_end) is not None
