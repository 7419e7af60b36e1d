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

from tests.typeset.readable import flat as printed
from tests.typeset.readable import stories_of, stories_side_by_side

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
    # Over the stories the extraction keeps readable (tests/typeset/readable.py), when the
    # extraction's text was given, and whether each unreadable story got a warning.
    stories: int = 0
    readable: int = 0
    readable_headlines: int = 0
    readable_headlines_found: int = 0
    readable_gold: int = 0
    readable_read: int = 0
    readable_matched: int = 0
    unreadable_warned: int = 0
    # Pages whose every story the extraction kept readable: the "readable extractions".
    whole_pages: int = 0
    whole_gold: int = 0
    whole_read: int = 0
    whole_matched: int = 0
    whole_misread: int = 0
    whole_misread_warned: int = 0
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
            "stories",
            "readable",
            "readable_headlines",
            "readable_headlines_found",
            "readable_gold",
            "readable_read",
            "readable_matched",
            "unreadable_warned",
            "whole_pages",
            "whole_gold",
            "whole_read",
            "whole_matched",
            "whole_misread",
            "whole_misread_warned",
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

    @property
    def readable_f1(self) -> float:
        p = self.readable_matched / self.readable_read if self.readable_read else 0.0
        r = self.readable_matched / self.readable_gold if self.readable_gold else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def whole_f1(self) -> float:
        p = self.whole_matched / self.whole_read if self.whole_read else 0.0
        r = self.whole_matched / self.whole_gold if self.whole_gold else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def readable_line(self) -> str:
        """The figures over readable stories: the issue's target."""
        unreadable = self.stories - self.readable
        return (
            f"readable stories {self.readable:>3}/{self.stories:<3}  their headlines "
            f"{self.readable_headlines_found:>3}/{self.readable_headlines:<3}  paragraph F1 {self.readable_f1:6.1%}  "
            f"unreadable warned {self.unreadable_warned:>3}/{unreadable}"
        )

    def whole_line(self) -> str:
        """The figures over pages the extraction kept wholly readable."""
        warned = f"{self.whole_misread_warned}/{self.whole_misread}"
        return (
            f"wholly readable pages {self.whole_pages:>2}/{self.pages:<2}  paragraph F1 "
            f"{self.whole_f1:6.1%}  misread warned {warned:>5}"
        )

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


def doubts_every_story(warnings: Sequence[Any]) -> bool:
    """Whether a page's warnings (``ReadingWarning``) hold one that the editor reads as putting
    every story on the page in doubt (``whole_page``; a reader older than it has none)."""
    return any(getattr(w, "whole_page", False) for w in warnings)


def score_page(
    gold: dict[str, Any],
    read: Sequence[ReadArticle],
    warning_lines: Sequence[int | None],
    source: str = "",
    text: str | None = None,
    *,
    whole_page: bool = False,
    side_by_side: Sequence[tuple[int, int] | None] | None = None,
) -> Score:
    """Score one page's reading (``read``; warnings at ``warning_lines``) against its gold page;
    given the extraction's ``text``, also over the stories it keeps readable. ``whole_page``: a
    warning says every story on the page is in doubt (``doubts_every_story``), which warns every
    article read and every story spoiled; a page-level warning short of that warns none.
    ``side_by_side``: ``text`` prints the columns side by side (pdftotext -layout), read cut into
    its columns, and this is where each warning points on the page as printed
    (``places_as_printed``): its stories are judged as a person reads such a page
    (``stories_side_by_side``) and a spoiled one is warned by a warning inside its text."""
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
        for piece in (article.headline, *article.paragraphs):
            bare = flat(piece)
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
        if whole_page or any(w is not None and start <= w < end for w in warning_lines):
            score.misread_warned += 1
        else:
            score.notes.append(
                f"{source}:{article.line}: misread, no warning: {flat(article.headline)[:20]} "
                f"{flat(article.paragraphs[0] if article.paragraphs else '')[:20]}"
            )
    if text is not None:
        _score_readable(score, gold, read, warning_lines, source, text, whole_page, side_by_side)
    return score


def places_as_printed(
    text: str, cut: str, printed: Sequence[int], warning_lines: Sequence[int | None]
) -> list[tuple[int, int] | None]:
    """Where each warning of a page printed side by side (``text``), read cut into its columns
    (``cut``, whose lines come from the lines ``printed`` of ``text``), points on the page as
    printed: the line, and the position its cut line's text starts at there (None: the page)."""
    raw, cut_lines = text.split("\n"), cut.split("\n")
    places: list[tuple[int, int] | None] = []
    for line in warning_lines:
        if line is None or not 0 < line <= len(printed):
            places.append(None)
            continue
        here = printed[line - 1]
        words = cut_lines[line - 1].strip()
        at = raw[here - 1].find(words) if words and here <= len(raw) else -1
        places.append((here, max(at, 0) if words else -1))
    return places


def _score_readable(
    score: Score,
    gold: dict[str, Any],
    read: Sequence[ReadArticle],
    warning_lines: Sequence[int | None],
    source: str,
    text: str,
    whole_page: bool,
    side_by_side: Sequence[tuple[int, int] | None] | None = None,
) -> None:
    stories = stories_of(gold, text) if side_by_side is None else stories_side_by_side(gold, text)
    score.stories = len(stories)
    score.readable = sum(s.readable for s in stories)
    readable = [s.readable for s in stories]
    gold_paragraphs: Counter[str] = Counter()
    heads = Counter(flat(a.headline) for a in read if a.headline)
    for story, article in zip(stories, gold["articles"], strict=True):
        if story.readable:
            if article["headline"]:
                score.readable_headlines += 1
                score.readable_headlines_found += bool(heads[flat(article["headline"])])
            gold_paragraphs.update(flat(p) for p in article["paragraphs"])
            continue
        first, last = story.span
        if side_by_side is not None:
            warned = any(place is not None and _inside(place, story.places) for place in side_by_side)
        else:
            warned = any(w is not None and first <= w <= last for w in warning_lines)
        if whole_page or warned:
            score.unreadable_warned += 1
        else:
            headline = gold["articles"][stories.index(story)]["headline"] or "(brief)"
            score.notes.append(f"{source}:{first}: unreadable, no warning: {headline} ({story.problems[0]})")
    read_paragraphs: Counter[str] = Counter()
    owned: list[Counter[str]] = [Counter() for _ in stories]  # read paragraphs per story
    for article in read:
        for paragraph in article.paragraphs:
            # Its story: the one whose text holds it, else the one its opening words come from.
            norm = printed(paragraph)
            owner = next((i for i, s in enumerate(stories) if norm in s.body), None)
            if owner is None:
                owner = next((i for i, s in enumerate(stories) if norm[:8] in s.body), None)
            if owner is not None and readable[owner]:
                read_paragraphs[flat(paragraph)] += 1
                owned[owner][flat(paragraph)] += 1
    _note_readable_misses(score, gold, stories, owned, source)
    score.readable_gold = sum(gold_paragraphs.values())
    score.readable_read = sum(read_paragraphs.values())
    score.readable_matched = sum((gold_paragraphs & read_paragraphs).values())
    if score.readable == score.stories:
        score.whole_pages = 1
        score.whole_gold, score.whole_read = score.gold_paragraphs, score.read_paragraphs
        score.whole_matched = score.matched_paragraphs
        score.whole_misread, score.whole_misread_warned = score.misread, score.misread_warned


def _inside(place: tuple[int, int], places: Sequence[tuple[int, int, int]]) -> bool:
    """Whether ``place`` (a line, a position on it; -1: anywhere on it) is inside the box a story's
    text fills on the page as printed (its ``places``: line, first and past-last position)."""
    if not places:
        return False
    line, at = place
    rows = [row for row, _, _ in places]
    if not min(rows) <= line <= max(rows):
        return False
    return at < 0 or min(start for _, start, _ in places) <= at < max(end for _, _, end in places)


def _note_readable_misses(
    score: Score,
    gold: dict[str, Any],
    stories: Sequence[Any],
    owned: Sequence[Counter[str]],
    source: str,
) -> None:
    """A note for each readable story read with a paragraph wrong: its paragraph F1 and what
    it cost (gold paragraphs missed plus read paragraphs not the gold's), to list the worst."""
    for story, article, mine in zip(stories, gold["articles"], owned, strict=True):
        if not story.readable:
            continue
        expected = Counter(flat(p) for p in article["paragraphs"])
        matched = sum((expected & mine).values())
        cost = sum(expected.values()) + sum(mine.values()) - 2 * matched
        if cost:
            f1 = 2 * matched / (sum(expected.values()) + sum(mine.values()))
            title = article["headline"] or f"(brief) {flat(article['paragraphs'][0])[:12]}"
            score.notes.append(
                f"{source}:{story.span[0]}: readable story at F1 {f1:.0%}, cost {cost}: {title}"
            )


def _is_brief(article: ReadArticle, gold: Sequence[dict[str, Any]]) -> bool:
    """A headline-less reading is right when it is one of the page's headline-less gold items."""
    mine = [flat(p) for p in article.paragraphs]
    return any(a["headline"] is None and [flat(p) for p in a["paragraphs"]] == mine for a in gold)
