"""Speaking a whole edition: many requests, bounded concurrency, a cache, retries, ``auto`` fallback.

This is what the episode builder calls::

    from audio_edition.speech import ArticleRequest, PartKind, PartRequest, speak_articles

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
    edition = speak_articles(
        requests, "auto", "xiaoxiao", jobs=4, cache_dir=Path("output/.cache/speech")
    )
    for article in edition.articles:          # same order as ``requests``
        for part in article.parts:            # same order as the request's parts
            part.speech.audio                 # MP3 (edge) or WAV (offline) bytes
            part.speech.sentence_starts       # one per sentence of the part, seconds

Sentences arrive in spoken form (numbers already words) and must not be blank. Each part is cut
into requests at sentence ends (``chunks.py``); each request is cached on its own, so editing one
sentence re-synthesizes only the request holding it. An article is spoken by one engine only:
when ``auto`` chose edge and one of an article's requests still fails after its retries, the whole
article is spoken again offline and ``SpokenArticle.fallback_reason`` says why. With ``edge`` or
``offline`` chosen explicitly, such a failure raises ``SpeechError`` naming the article.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from audio_edition.errors import ConfigError, InputError, SpeechError
from audio_edition.speech.cache import SpeechCache, cache_key
from audio_edition.speech.chunks import Chunk, plan_chunks
from audio_edition.speech.engine import Speech, SpeechEngine, Voice
from audio_edition.speech.join import join_speech
from audio_edition.speech.presets import OFFLINE_ENGINE, VoicePreset, load_preset
from audio_edition.speech.registry import ENGINES, EngineFactory, create_engine
from audio_edition.speech.retry import call_with_retries
from audio_edition.speech.settings import EngineSettings, RetryPolicy

EngineChoice = str
"""``auto`` or a registered engine's name."""
ENGINE_CHOICES: tuple[str, ...] = ("auto", *ENGINES)
ONLINE_ENGINE = "edge"
DEFAULT_JOBS = 4

Progress = Callable[[int, int], None]
"""``progress(done, total)`` counts requests; ``total`` grows if articles fall back offline."""


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
    """Why this article was spoken offline although ``auto`` chose edge; None if it was not."""

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
    """What was asked for: ``auto``, ``edge`` or ``offline``."""
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
        """Articles ``auto`` re-spoke offline after edge failed them."""
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


def _create(name: str, settings: EngineSettings, engines: Mapping[str, EngineFactory] | None) -> SpeechEngine:
    return create_engine(name, settings, engines=engines)


def choose_engine(
    engine_choice: str,
    *,
    settings: EngineSettings | None = None,
    engines: Mapping[str, EngineFactory] | None = None,
) -> EngineDecision:
    """Decide the build's engine. ``auto`` asks the service once with a short timeout.

    ``edge`` and ``offline`` are taken as asked. ``auto`` sends one short request to the online
    engine (``settings.probe_timeout``) and picks it when audio comes back, else ``offline``.
    """
    settings = settings or EngineSettings()
    if engine_choice not in ENGINE_CHOICES:
        raise ConfigError(f"unknown engine {engine_choice!r}; choose one of: {', '.join(ENGINE_CHOICES)}")
    if engine_choice != "auto":
        return EngineDecision(engine_choice, engine_choice, f"{engine_choice} was asked for")
    engine = _create(ONLINE_ENGINE, settings, engines)
    try:
        seconds = engine.probe(settings.probe_timeout)
    except SpeechError as error:
        return EngineDecision("auto", OFFLINE_ENGINE, f"the online service did not answer ({error})")
    return EngineDecision("auto", ONLINE_ENGINE, f"the online service answered in {seconds:.1f} s")


@dataclass(frozen=True)
class _Task:
    article: int
    part: int
    chunk: int
    voice: Voice
    content: Chunk


@dataclass(frozen=True)
class _Done:
    speech: Speech
    hit: bool
    retries: int


class _Runner:
    """Speaks tasks with one engine on a bounded thread pool, through the cache, with retries."""

    def __init__(
        self,
        engine: SpeechEngine,
        cache: SpeechCache,
        retry: RetryPolicy,
        jobs: int,
        tick: Callable[[], None],
    ) -> None:
        self.engine = engine
        self.cache = cache
        self.retry = retry
        self.workers = max(1, min(jobs, engine.max_jobs))
        self.tick = tick
        self.failed: dict[int, SpeechError] = {}
        self.lock = threading.Lock()

    def _speak(self, key: str, group: Sequence[_Task], describe: str) -> _Done:
        task = group[0]
        with self.lock:
            if all(t.article in self.failed for t in group):  # lost on this engine; save the effort
                raise self.failed[task.article]
        cached = self.cache.get(key)
        if cached is not None:
            return _Done(cached, True, 0)
        speech, retries = call_with_retries(
            lambda: self.engine.synthesize(task.content.pieces, task.voice), self.retry, describe=describe
        )
        if len(speech.sentence_starts) != len(task.content.pieces):
            raise SpeechError(
                f"{describe}: engine {self.engine.name!r} returned {len(speech.sentence_starts)} "
                f"sentence starts for {len(task.content.pieces)} sentences"
            )
        self.cache.put(key, speech)
        return _Done(speech, False, retries)

    def run(
        self, tasks: Sequence[_Task], describe: Callable[[_Task], str], *, fail_fast: bool
    ) -> dict[tuple[int, int, int], _Done]:
        """Speak every task; failed articles end up in ``self.failed``.

        Identical requests (a repeated headline, say) are spoken once and shared; the copies
        count as cache hits. With ``fail_fast`` the first failure stops the pool and is raised.
        """
        groups: dict[str, list[_Task]] = {}
        for task in tasks:
            key = cache_key(self.engine.name, self.engine.version, task.voice, task.content.pieces)
            groups.setdefault(key, []).append(task)
        results: dict[tuple[int, int, int], _Done] = {}
        with ThreadPoolExecutor(self.workers, thread_name_prefix=f"speak-{self.engine.name}") as pool:
            # Longest requests first: the last one to finish is then a short one, so all workers
            # stay busy until near the end instead of one long paragraph running alone.
            ordered = sorted(groups.items(), key=lambda item: -sum(map(len, item[1][0].content.pieces)))
            pending: dict[Future[_Done], list[_Task]] = {
                pool.submit(self._speak, key, group, describe(group[0])): group for key, group in ordered
            }
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    group = pending.pop(future)
                    try:
                        done = future.result()
                    except SpeechError as error:
                        with self.lock:
                            for task in group:
                                self.failed.setdefault(task.article, error)
                        for _ in group:
                            self.tick()
                        if fail_fast:
                            for other in pending:
                                other.cancel()
                            raise self.failed[group[0].article] from None
                        continue
                    for index, task in enumerate(group):
                        shared = done if index == 0 else _Done(done.speech, True, 0)
                        results[(task.article, task.part, task.chunk)] = shared
                        self.tick()
        return results


def _validate(requests: Sequence[ArticleRequest]) -> None:
    for article in requests:
        for part in article.parts:
            if not part.sentences or any(not s.strip() for s in part.sentences):
                raise InputError(
                    f"article {article.key} ({article.title}): a {part.kind.value} part has a blank "
                    "or no sentence; leave out empty parts"
                )


def _check_voice(engine: SpeechEngine, preset: VoicePreset) -> None:
    known = engine.voices
    if not known:
        return
    for voice in {preset.body.voice_id, preset.headline.voice_id}:
        if voice not in known:
            raise ConfigError(
                f"voice preset {preset.name!r}: engine {engine.name!r} has no voice {voice!r}; "
                f"choose one of: {', '.join(known)}"
            )


def speak_articles(
    requests: Sequence[ArticleRequest],
    engine_choice: str,
    voice: VoicePreset | str,
    *,
    jobs: int = DEFAULT_JOBS,
    cache_dir: Path,
    progress: Progress | None = None,
    settings: EngineSettings | None = None,
    retry: RetryPolicy | None = None,
    engines: Mapping[str, EngineFactory] | None = None,
    decision: EngineDecision | None = None,
) -> SpokenEdition:
    """Speak every article and return its audio per part, in order.

    ``engine_choice`` is ``auto``, ``edge`` or ``offline``; ``voice`` a preset or its name
    (``voices/*.toml``). ``jobs`` bounds the requests in flight (the offline engine may take fewer).
    ``cache_dir`` holds the speech cache (the build passes ``output/.cache/speech``).
    ``decision`` skips ``choose_engine`` when the caller already probed; ``engines`` replaces
    the registry (tests). Raises ``SpeechError`` naming the article when an article cannot be
    spoken, ``ConfigError`` for an unknown engine, preset or voice, ``InputError`` for blank text.
    """
    settings = settings or EngineSettings()
    retry = retry or RetryPolicy()
    preset = load_preset(voice) if isinstance(voice, str) else voice
    if jobs < 1:
        raise ConfigError(f"jobs must be at least 1, not {jobs}")
    _validate(requests)
    decision = decision or choose_engine(engine_choice, settings=settings, engines=engines)
    cache = SpeechCache(cache_dir)
    plans = [[plan_chunks(part.sentences) for part in article.parts] for article in requests]

    def tasks_for(article_indexes: Sequence[int], spoken_by: VoicePreset) -> list[_Task]:
        tasks = []
        for a in article_indexes:
            for p, part in enumerate(requests[a].parts):
                part_voice = spoken_by.headline if part.kind is PartKind.HEADLINE else spoken_by.body
                for c, chunk in enumerate(plans[a][p]):
                    tasks.append(_Task(a, p, c, part_voice, chunk))
        return tasks

    def describe(task: _Task) -> str:
        article = requests[task.article]
        return f"article {article.key} ({article.title}), {requests[task.article].parts[task.part].kind.value}"

    done = 0
    total = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    first_voice = preset.for_engine(decision.engine)
    engine = _create(decision.engine, settings, engines)
    _check_voice(engine, first_voice)
    first_tasks = tasks_for(range(len(requests)), first_voice)
    total = len(first_tasks)
    falls_back = decision.choice == "auto" and decision.engine != OFFLINE_ENGINE
    runner = _Runner(engine, cache, retry, jobs, tick)
    results = runner.run(first_tasks, describe, fail_fast=not falls_back)
    spoken_with: dict[int, tuple[str, VoicePreset, str | None]] = {
        a: (engine.name, first_voice, None) for a in range(len(requests))
    }

    if runner.failed:  # only reached under ``auto``: re-speak each failed article whole, offline
        offline_voice = preset.for_engine(OFFLINE_ENGINE)
        try:
            offline = _create(OFFLINE_ENGINE, settings, engines)
        except SpeechError as error:
            a, cause = next(iter(runner.failed.items()))
            raise SpeechError(f"{cause}; and the offline engine is unavailable: {error}") from error
        retry_tasks = tasks_for(sorted(runner.failed), offline_voice)
        total += len(retry_tasks)
        offline_runner = _Runner(offline, cache, retry, jobs, tick)
        results.update(offline_runner.run(retry_tasks, describe, fail_fast=True))
        for a, cause in runner.failed.items():
            spoken_with[a] = (offline.name, offline_voice, str(cause))

    articles = []
    for a, article in enumerate(requests):
        engine_name, used, reason = spoken_with[a]
        parts = []
        hits = retries = count = 0
        for p, part in enumerate(article.parts):
            pieces = []
            for c, chunk in enumerate(plans[a][p]):
                got = results[(a, p, c)]
                hits += got.hit
                retries += got.retries
                count += 1
                keep = [s for s, first in zip(got.speech.sentence_starts, chunk.starts_sentence) if first]
                pieces.append(
                    Speech(got.speech.audio, got.speech.format, got.speech.duration, tuple(keep))
                )
            parts.append(SpokenPart(part.kind, part.sentences, join_speech(pieces)))
        articles.append(
            SpokenArticle(
                key=article.key,
                title=article.title,
                engine=engine_name,
                voice=used.body.voice_id,
                parts=tuple(parts),
                requests=count,
                cache_hits=hits,
                retries=retries,
                fallback_reason=reason,
            )
        )
    return SpokenEdition(tuple(articles), decision, preset.name)
