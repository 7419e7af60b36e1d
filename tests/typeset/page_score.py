"""Scoring one page's reading (the product's Articles) against its gold: paragraph F1, the head
fields found and missed, furniture spoken; whitespace aside. Used by the PDF route's tests."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

_SPACE = re.compile(r"\s+")
HEAD_FIELDS = ("headline", "kicker", "subtitle", "dateline", "byline")


def flat(text: str | None) -> str:
    return _SPACE.sub("", text or "").replace("\u2011", "-").replace("⋯", "…")


def f1(got: Iterable[str], want: Iterable[str]) -> float:
    """F1 of exact matches (whitespace aside) between two lists of paragraphs."""
    got_c, want_c = Counter(flat(t) for t in got), Counter(flat(t) for t in want)
    hits = sum((got_c & want_c).values())
    if not hits:
        return 1.0 if not got_c and not want_c else 0.0
    precision, recall = hits / sum(got_c.values()), hits / sum(want_c.values())
    return 2 * precision * recall / (precision + recall)


@dataclass
class PageScore:
    paragraph_f1: float
    missing: dict[str, list[str]] = field(default_factory=dict)
    """Per head field, the gold values not read."""
    extra: dict[str, list[str]] = field(default_factory=dict)
    spoken_furniture: list[str] = field(default_factory=list)
    articles: tuple[int, int] = (0, 0)
    """(read, gold)."""

    def perfect_heads(self) -> bool:
        return not any(self.missing.values())


def score_page(articles: Sequence[Any], gold: dict[str, Any]) -> PageScore:
    """``articles``: the product's Article objects for one page; ``gold``: that page's gold."""
    got = [p for a in articles for p in a.paragraphs]
    want = [p for a in gold["articles"] for p in a["paragraphs"]]
    score = PageScore(f1(got, want), articles=(len(articles), len(gold["articles"])))
    for key in HEAD_FIELDS:
        wanted = Counter(flat(a[key]) for a in gold["articles"] if a[key])
        read = Counter(flat(getattr(a, key)) for a in articles if getattr(a, key))
        score.missing[key] = sorted((wanted - read).elements())
        score.extra[key] = sorted((read - wanted).elements())
    spoken = "".join(flat(p) for p in got)
    for item in gold["furniture"]:
        text = flat(item["text"])
        if len(text) >= 4 and text in spoken and not any(text in flat(p) for p in want):
            score.spoken_furniture.append(item["text"])
    return score
