"""Story identity: which story of a rebuilt edition is which story listeners already have.

A story's guid is assigned once, when the story is first recorded, and kept in the catalog.
When an edition is recorded again (a correction, a brief given a headline, stories reordered,
a rebuild), each new story is matched to an old one by what it says — the overlap of its body's
character bigrams — never by its place or its file name, both of which corrections change.
A matched story keeps its guid; one whose headline or text changed is marked corrected (the
feed says 更正 with the time). A story matching none gets a new guid derived from the edition's
guid and its own text, so a lost catalog rebuilt from unchanged editions gives the same guids.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from audio_edition.audio.manifest import ArticleFile

MATCH_THRESHOLD = 0.5
"""Dice overlap of two bodies' bigrams above which they are the same story. A one-word
correction keeps it above 0.9; two different briefs of one page share well under 0.3."""

_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Story:
    """One story as the catalog keeps it."""

    number: int
    """Its place in the edition now (1 = the lead)."""
    guid: str
    headline: str
    text: str
    corrected: str | None = None
    """ISO time of the last change to its headline or text after it was first recorded."""


def body_of(headline: str, text: str) -> str:
    """The story's text without its headline line (a brief given a headline is the same brief)."""
    first, _, rest = text.partition("\n")
    return rest if first.strip() == headline.strip() else text


def _printed(headline: str, text: str) -> str | None:
    return headline if body_of(headline, text) != text else None


def bigrams(text: str) -> frozenset[str]:
    """The pairs of neighbouring letters, digits and CJK characters (punctuation and spaces out)."""
    letters = "".join(_WORD.findall(text))
    return frozenset(letters[i : i + 2] for i in range(len(letters) - 1)) or frozenset(letters)


def similarity(a: str, b: str) -> float:
    """Dice coefficient of two texts' bigram sets: 1.0 the same letters, 0.0 nothing shared."""
    x, y = bigrams(a), bigrams(b)
    if not x and not y:
        return 1.0
    return 2 * len(x & y) / (len(x) + len(y))


def new_story_guid(edition_guid: str, body: str, taken: set[str]) -> str:
    """A guid for a story never seen before: from the edition's guid and the story's letters
    (``#2``, ``#3`` for the same text met again), so rebuilding a lost catalog gives it again."""
    letters = "".join(_WORD.findall(body))
    namespace = uuid.UUID(edition_guid)
    n = 1
    while True:
        guid = str(uuid.uuid5(namespace, f"story/{letters}" + (f"#{n}" if n > 1 else "")))
        if guid not in taken:
            return guid
        n += 1


def match_stories(
    old: Sequence[Story],
    articles: Sequence[ArticleFile],
    edition_guid: str,
    now: datetime,
    *,
    flag_changes: bool = True,
) -> tuple[Story, ...]:
    """The stories of ``articles`` with their guids: an old story's where the bodies match
    (best pairs first), a new one otherwise. ``now`` dates a correction; ``flag_changes``
    False takes the old stories' correction times as they are (stories read back from a feed,
    whose text was cut to fit)."""
    bodies = [body_of(a.headline, a.text) for a in articles]
    old_bodies = [body_of(s.headline, s.text) for s in old]

    def overlap(b: str, ob: str) -> float:
        # Read back from a feed, a long story's text was cut to fit the description: compare
        # the same stretch of the new one.
        return similarity(b if flag_changes else b[: len(ob)], ob)

    # Best pairs first; bodies that tie (briefs printed alike) are told apart by headline,
    # then by the nearest place.
    pairs = sorted(
        (
            (overlap(b, ob), similarity(articles[i].headline, old[j].headline), -abs(i - j), i, j)
            for i, b in enumerate(bodies)
            for j, ob in enumerate(old_bodies)
        ),
        reverse=True,
    )
    chosen: dict[int, int] = {}
    used: set[int] = set()
    for score, _, _, i, j in pairs:
        if score < MATCH_THRESHOLD:
            break
        if i not in chosen and j not in used:
            chosen[i] = j
            used.add(j)
    taken = {s.guid for s in old}
    stories = []
    for i, article in enumerate(articles):
        if i in chosen:
            before = old[chosen[i]]
            # A made title (a headline-less brief's 简讯一) moving is no correction; a
            # printed headline or the text changing is.
            changed = flag_changes and (
                before.text != article.text
                and (
                    bodies[i] != old_bodies[chosen[i]]
                    or _printed(before.headline, before.text) != _printed(article.headline, article.text)
                )
            )
            stories.append(
                Story(
                    article.number,
                    before.guid,
                    article.headline,
                    article.text,
                    now.isoformat() if changed else before.corrected,
                )
            )
        else:
            guid = new_story_guid(edition_guid, bodies[i], taken)
            taken.add(guid)
            stories.append(Story(article.number, guid, article.headline, article.text))
    return tuple(stories)
