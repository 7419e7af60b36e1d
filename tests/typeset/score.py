"""Scoring a reading of a typeset page against its gold (which comes from the page's spec).

Per page: headline tiers found (headline, kicker, subtitle), paragraph precision/recall/F1 over the
page's paragraphs (subheads included, as ``Article.paragraphs`` holds them), pieces of furniture
spoken, and the misread articles (a read article whose paragraphs or headline are not the gold's)
with whether a warning points into them. Texts are compared with whitespace removed only: the
reader must itself turn U+2011 into "-" and ⋯⋯ into …….
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

_SPACE = re.compile(r"\s+")


def flat(text: str | None) -> str:
    return _SPACE.sub("", text or "")


@dataclass
class Score:
    headlines: int = 0
    headlines_found: int = 0
    tiers: int = 0  # kickers and subtitles
    tiers_found: int = 0
    gold_paragraphs: int = 0
    read_paragraphs: int = 0
    matched_paragraphs: int = 0
    furniture_spoken: int = 0
    misread: int = 0
    misread_warned: int = 0
    pages: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in (
            "headlines",
            "headlines_found",
            "tiers",
            "tiers_found",
            "gold_paragraphs",
            "read_paragraphs",
            "matched_paragraphs",
            "furniture_spoken",
            "misread",
            "misread_warned",
            "pages",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.notes += other.notes

    @property
    def precision(self) -> float:
        return self.matched_paragraphs / self.read_paragraphs if self.read_paragraphs else 0.0

    @property
    def recall(self) -> float:
        return self.matched_paragraphs / self.gold_paragraphs if self.gold_paragraphs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        hl = f"{self.headlines_found}/{self.headlines}"
        tiers = f"{self.tiers_found}/{self.tiers}"
        warned = f"{self.misread_warned}/{self.misread}"
        return (
            f"headlines {hl:>7}  tiers {tiers:>6}  paragraph F1 {self.f1:6.1%} (P {self.precision:6.1%} "
            f"R {self.recall:6.1%})  furniture spoken {self.furniture_spoken:>3}  misread warned {warned:>7}"
        )


@dataclass(frozen=True)
class ReadArticle:
    """What a reader made of one article (the product's ``Article`` fields the score needs)."""

    headline: str | None
    kicker: str | None
    subtitle: str | None
    paragraphs: tuple[str, ...]
    line: int | None


def score_page(
    gold: dict[str, Any], read: Sequence[ReadArticle], warning_lines: Sequence[int | None], source: str = ""
) -> Score:
    """Score one page's reading (``read``; warnings at ``warning_lines``) against its gold page."""
    score = Score(pages=1)
    articles = gold["articles"]
    heads = Counter(flat(a.headline) for a in read if a.headline)
    tiers = Counter(flat(t) for a in read for t in (a.kicker, a.subtitle, a.headline) if t)
    for article in articles:
        if article["headline"]:
            score.headlines += 1
            if heads[flat(article["headline"])]:
                score.headlines_found += 1
            else:
                score.notes.append(f"{source}: headline not found: {article['headline']}")
        for tier in ("kicker", "subtitle"):
            if article[tier]:
                score.tiers += 1
                score.tiers_found += bool(tiers[flat(article[tier])])
    gold_paragraphs = Counter(flat(p) for a in articles for p in a["paragraphs"])
    read_paragraphs = Counter(flat(p) for a in read for p in a.paragraphs)
    score.gold_paragraphs = sum(gold_paragraphs.values())
    score.read_paragraphs = sum(read_paragraphs.values())
    score.matched_paragraphs = sum((gold_paragraphs & read_paragraphs).values())
    furniture = [flat(f["text"]) for f in gold["furniture"]]
    furniture = [f for f in furniture if len(f) >= 4 and f not in gold_paragraphs]
    for article in read:
        for text in (article.headline, *article.paragraphs):
            bare = flat(text)
            if any(f in bare for f in furniture) and not any(bare == flat(p) for p in gold_paragraphs):
                score.furniture_spoken += 1
                score.notes.append(f"{source}: furniture spoken: {bare[:40]}")
    gold_heads = {flat(a["headline"]) for a in articles if a["headline"]}
    starts = sorted(a.line or 0 for a in read)
    for article in read:
        wrong = (
            any(not gold_paragraphs[flat(p)] for p in article.paragraphs)
            or (article.headline is not None and flat(article.headline) not in gold_heads)
            or (article.headline is None and not _is_brief(article, articles))
        )
        if not wrong:
            continue
        score.misread += 1
        start = article.line or 0
        later = [s for s in starts if s > start]
        end = later[0] if later else 10**9
        if any(w is not None and start <= w < end for w in warning_lines):
            score.misread_warned += 1
        else:
            score.notes.append(
                f"{source}:{article.line}: misread, no warning: {flat(article.headline)[:20]} "
                f"{flat(article.paragraphs[0] if article.paragraphs else '')[:20]}"
            )
    return score


def _is_brief(article: ReadArticle, gold: Sequence[dict[str, Any]]) -> bool:
    """A headline-less reading is right when it is one of the page's headline-less gold items."""
    mine = [flat(p) for p in article.paragraphs]
    return any(a["headline"] is None and [flat(p) for p in a["paragraphs"]] == mine for a in gold)
