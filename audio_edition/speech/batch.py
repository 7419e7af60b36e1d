"""Many requests to one engine: bounded concurrency, the cache, retries, articles as they finish.

This module holds the data the speech layer takes and returns (``ArticleRequest`` in,
``SpokenArticle`` out) and ``speak_planned``, which runs one engine over planned articles. The
policy around it (which engine, which voice, fallbacks, progress, the summary) is the build's
``SpeechSession`` (``session.py``)::

    from audio_edition.speech import ArticleRequest, PartKind, PartRequest, SpeechSession

    requests = [
        ArticleRequest(
            key="01",
            title="主要篇目介绍",
            parts=(
                PartRequest(PartKind.HEADLINE, ("主要篇目介绍。",)),
                PartRequest(PartKind.PARAGRAPH, ("第一句。", "第二句。")),
            ),
        ),
    ]
    session = SpeechSession("auto", "xiaoxiao", cache_dir=Path(".audio-edition/cache/speech"))
    for article in session.speak(requests):     # as each article finishes, not in order
        for part in article.parts:              # same order as the request's parts
            part.speech.audio                   # MP3 (online engines) or WAV (offline) bytes
            part.speech.sentence_starts         # one per sentence of the part, seconds

Sentences arrive in spoken form (numbers already words) and must not be blank. Each part is cut
into requests at sentence ends (``chunks.py``); each request is cached on its own, so editing one
sentence re-synthesizes only the request holding it. Requests are submitted in article order
with only a few in flight, so articles finish roughly in order and an edition's audio is never
all in memory at once.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from audio_edition.errors import SpeechError, in_words
from audio_edition.speech.cache import SpeechCache, cache_key
from audio_edition.speech.chunks import Chunk
from audio_edition.speech.engine import Speech, SpeechEngine, Voice
from audio_edition.speech.join import join_speech
from audio_edition.speech.retry import SpeechRefusedError, call_with_retries
from audio_edition.speech.settings import RetryPolicy

Progress = Callable[[int, int], None]
"""``progress(done, total)`` counts requests; ``total`` grows if articles fall back to another engine."""


class PartKind(enum.Enum):
    """What a part of an article is; presets may give headlines their own voice."""

    HEADLINE = "headline"
    DATELINE = "dateline"
    BYLINE = "byline"
    SUBHEAD = "subhead"
    PARAGRAPH = "paragraph"
    ANNOUNCEMENT = "announcement"
    """The episode's own words: the opening and closing lines."""


@dataclass(frozen=True)
class PartRequest:
    """One part of an article to speak: its sentences, already in spoken form, in order."""

    kind: PartKind
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class ArticleRequest:
    """One article to speak. ``key`` and ``title`` only name it in messages and results."""

    key: str
    title: str
    parts: tuple[PartRequest, ...]


@dataclass(frozen=True)
class SpokenPart:
    """A part as audio: ``speech.sentence_starts`` has one entry per sentence of the request."""

    kind: PartKind
    sentences: tuple[str, ...]
    """As the engine read them (Latin letters spelled for an engine that cannot say them)."""
    speech: Speech


@dataclass(frozen=True)
class SpokenArticle:
    """One article as audio, every part by the same engine and voice."""

    key: str
    title: str
    engine: str
    voice: str
    """The body voice id."""
    parts: tuple[SpokenPart, ...]
    requests: int
    """Service/engine requests this article took (cache hits included)."""
    cache_hits: int
    retries: int
    fallback_reason: str | None = None
    """Why another engine than the build's first choice spoke it; None if it did not."""
    index: int = 0
    """Its position in the requests passed to ``speak`` (articles arrive as they finish)."""

    @property
    def fell_back(self) -> bool:
        return self.fallback_reason is not None

    @property
    def duration(self) -> float:
        return sum(part.speech.duration for part in self.parts)


@dataclass(frozen=True)
class EngineDecision:
    """Which engine a build speaks with, and why (printed by the build, kept in the manifest)."""

    choice: str
    """What was asked for: ``auto`` or an engine's name."""
    engine: str
    reason: str


@dataclass(frozen=True)
class SpokenEdition:
    """Every article as audio, in request order, and how the speaking went."""

    articles: tuple[SpokenArticle, ...]
    decision: EngineDecision
    preset: str

    @property
    def fallbacks(self) -> tuple[SpokenArticle, ...]:
        """Articles another engine spoke after the first choice failed them."""
        return tuple(a for a in self.articles if a.fell_back)

    @property
    def requests(self) -> int:
        return sum(a.requests for a in self.articles)

    @property
    def cache_hits(self) -> int:
        return sum(a.cache_hits for a in self.articles)

    @property
    def synthesized(self) -> int:
        """Requests the engines actually spoke (not served from the cache)."""
        return self.requests - self.cache_hits

    @property
    def retries(self) -> int:
        return sum(a.retries for a in self.articles)


@dataclass(frozen=True)
class PlannedArticle:
    """An article as one engine will speak it: its parts' sentences in that engine's spoken form,
    each part's voice, and each part cut into that engine's requests."""

    index: int
    request: ArticleRequest
    sentences: tuple[tuple[str, ...], ...]
    voices: tuple[Voice, ...]
    chunks: tuple[tuple[Chunk, ...], ...]

    @property
    def request_count(self) -> int:
        return sum(len(c) for c in self.chunks)

    def describe(self, part: int) -> str:
        return f"article {self.request.key} ({self.request.title}), {self.request.parts[part].kind.value}"


@dataclass(frozen=True)
class Done:
    speech: Speech
    hit: bool
    retries: int


@dataclass
class ArticleOutcome:
    """What ``speak_planned`` yields: an article's requests all done, or why it failed."""

    planned: PlannedArticle
    results: dict[tuple[int, int], Done] = field(default_factory=dict)
    """By (part, chunk)."""
    error: SpeechError | None = None


def assemble(outcome: ArticleOutcome, engine: str, reason: str | None) -> SpokenArticle:
    """The article's audio, part by part, from its requests' results."""
    planned = outcome.planned
    parts = []
    hits = retries = count = 0
    for p, chunks in enumerate(planned.chunks):
        pieces = []
        for c, chunk in enumerate(chunks):
            got = outcome.results[(p, c)]
            hits += got.hit
            retries += got.retries
            count += 1
            keep = [s for s, first in zip(got.speech.sentence_starts, chunk.starts_sentence) if first]
            pieces.append(Speech(got.speech.audio, got.speech.format, got.speech.duration, tuple(keep)))
        parts.append(SpokenPart(planned.request.parts[p].kind, planned.sentences[p], join_speech(pieces)))
    body = [
        v.voice_id for v, p in zip(planned.voices, planned.request.parts) if p.kind is not PartKind.HEADLINE
    ]
    return SpokenArticle(
        key=planned.request.key,
        title=planned.request.title,
        engine=engine,
        voice=(body or [v.voice_id for v in planned.voices] or [""])[0],
        parts=tuple(parts),
        requests=count,
        cache_hits=hits,
        retries=retries,
        fallback_reason=None if reason is None else in_words(reason),
        index=planned.index,
    )


def _speak_one(
    engine: SpeechEngine,
    cache: SpeechCache,
    retry: RetryPolicy,
    key: str,
    chunk: Chunk,
    voice: Voice,
    describe: str,
    refused: list[SpeechError],
) -> Done:
    if refused:  # queued before the engine refused a request: do not ask it again
        raise refused[0]
    cached = cache.get(key)
    if cached is not None:
        return Done(cached, True, 0)
    try:
        speech, retries = call_with_retries(
            lambda: engine.synthesize(chunk.pieces, voice), retry, describe=describe
        )
    except SpeechRefusedError as error:
        refused.append(error)  # at once, before this worker takes the next queued request
        raise
    if len(speech.sentence_starts) != len(chunk.pieces):
        raise SpeechError(
            f"{describe}: engine {engine.name!r} returned {len(speech.sentence_starts)} "
            f"sentence starts for {len(chunk.pieces)} sentences"
        )
    cache.put(key, speech)
    return Done(speech, False, retries)


def speak_planned(
    engine: SpeechEngine,
    planned: Sequence[PlannedArticle],
    *,
    cache: SpeechCache,
    retry: RetryPolicy,
    jobs: int,
    tick: Callable[[], None],
    fail_fast: bool,
) -> Iterator[ArticleOutcome]:
    """Speak every planned article with ``engine``; yield each as its last request finishes.

    At most ``min(jobs, engine.max_jobs)`` requests run at once and a few more wait, in article
    order. Identical requests in flight together (a repeated headline) are spoken once; later
    copies are cache hits. A failed article is yielded with its ``error`` (its other requests are
    skipped), or with ``fail_fast`` raised at once. ``SpeechRefusedError`` (a bad key) fails
    every article not yet finished: no other request would fare better.
    """
    workers = max(1, min(jobs, engine.max_jobs))
    window = workers * 2  # a few waiting, so a worker never idles; no more, so memory stays small
    outcomes = {a.index: ArticleOutcome(a) for a in planned}
    remaining = {a.index: a.request_count for a in planned}
    slots: dict[Future[Done], list[tuple[int, int, int]]] = {}
    by_key: dict[str, Future[Done]] = {}
    queue = [
        (a, p, c, chunk)
        for a in planned
        for p, chunks in enumerate(a.chunks)
        for c, chunk in enumerate(chunks)
    ]
    queue.reverse()  # pop() from the end takes them in article order
    refused: list[SpeechError] = []  # read by the workers; list.append is atomic

    def resolved(index: int) -> Iterator[ArticleOutcome]:
        """One more of the article's requests is settled (done, failed or skipped)."""
        tick()
        remaining[index] -= 1
        if remaining[index] == 0:
            yield outcomes.pop(index)

    def fail(index: int, error: SpeechError) -> None:
        outcome = outcomes.get(index)
        if outcome is not None and outcome.error is None:
            outcome.error = error
            if fail_fast:
                raise error

    pool = ThreadPoolExecutor(workers, thread_name_prefix=f"speak-{engine.name}")
    try:
        while queue or slots:
            while queue and len(slots) < window:
                article, p, c, chunk = queue.pop()
                if outcomes[article.index].error is not None:  # lost on this engine: save the effort
                    yield from resolved(article.index)
                    continue
                voice = article.voices[p]
                key = cache_key(engine.name, engine.version, voice, chunk.pieces)
                future = by_key.get(key)
                if future is None or future not in slots:
                    future = pool.submit(
                        _speak_one, engine, cache, retry, key, chunk, voice, article.describe(p), refused
                    )
                    by_key[key] = future
                    slots[future] = []
                slots[future].append((article.index, p, c))
            if not slots:
                continue
            finished, _ = wait(list(slots), return_when=FIRST_COMPLETED)
            for future in finished:
                waiting = slots.pop(future)
                try:
                    done = future.result()
                except SpeechError as error:
                    if isinstance(error, SpeechRefusedError):
                        for index in list(outcomes):
                            fail(index, error)
                    for index, _part, _chunk in waiting:
                        fail(index, error)
                    for index, _part, _chunk in waiting:
                        yield from resolved(index)
                    continue
                for n, (index, p, c) in enumerate(waiting):
                    # The first asker owns the request; the others got it for free, like a cache hit.
                    outcomes[index].results[(p, c)] = done if n == 0 else Done(done.speech, True, 0)
                    yield from resolved(index)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
