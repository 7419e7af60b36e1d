"""The Kokoro engine: Kokoro-82M v1.0's Mandarin voices (Apache-2.0) on onnxruntime, no network.

Text goes in already in spoken form. Our own front end (``mandarin.py``: jieba words, pypinyin,
tone sandhi, the lexicon's pinned readings) gives pinyin; misaki's table (``py2ipa``, the one
Kokoro's Mandarin voices were trained with) turns each syllable into Kokoro's phonemes, with
tones as arrows (→ ↗ ↓ ↘); words are separated by spaces and punctuation kept as the model's
own marks, as misaki's Mandarin path writes them. misaki's own text path is not used: it does no
tone sandhi and never sees the lexicon.

The model takes at most 510 phoneme tokens per call (about 100 hanzi), so a sentence is cut at
its punctuation (at word boundaries if a clause alone is too long) into pieces that fit. Pieces are
spoken in parallel on ``workers`` workers of one thread each (measured faster than one worker
spreading each piece over both cores), on onnxruntime or OpenVINO (``runtime``); every
worker runs the same single-threaded kernels, so the audio never depends on how many there are,
and the same text and voice give byte-identical audio every time. What works at the sample rate
(the harmonic source, the generator, the inverse STFT) runs in windows of about 5 s that meet
where the voice pauses (``windows``), so a whole sentence costs no more memory than a clause.

The style vector a voice applies depends on the piece's length (row ``len(tokens)`` of its
510×256 table), as in Kokoro's reference code.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from audio_edition.errors import ConfigError, SpeechError
from audio_edition.speech.engine import AudioFormat, Speech, Voice
from audio_edition.speech.kokoro.assets import MODEL_SHA256, VOICE_SHA256, KokoroAssets, locate_kokoro
from audio_edition.speech.kokoro.float_model import locate_float_model
from audio_edition.speech.kokoro.runtime import (
    Audio,
    ModelPart,
    Runner,
    RuntimeChoice,
    choose_runtime,
    start_runner,
    worker_count,
)
from audio_edition.speech.kokoro.windows import WINDOWS_VERSION
from audio_edition.speech.mandarin import MandarinReader, is_hanzi
from audio_edition.speech.wav import wav_bytes
from audio_edition.text.lexicon import Lexicon, load_default_lexicon
from audio_edition.text.spoken import spell_for_offline_voice

SAMPLE_RATE = 24_000
MAX_TOKENS = 510
"""Phoneme tokens per call: the style table has 510 rows, the model's context 512 with the pads."""
SENTENCE_PAUSE = 0.2
"""Seconds of silence between two sentences (the model already pauses at commas)."""
FRONTEND_VERSION = 1
"""Part of ``KokoroEngine.version``: bump when the same text would be given other phonemes."""
DEFAULT_VOICE = "zf_xiaoxiao"
WHOLE_MODEL = "whole model"
"""Part of ``KokoroEngine.version`` in place of ``WINDOWS_VERSION`` where the model runs whole."""

_PUNCTUATION = {
    "，": ",",
    "、": ",",
    "。": ".",
    "！": "!",
    "？": "?",
    "：": ":",
    "；": ";",
    "—": "—",
    "…": "…",
}
_PUNCTUATION |= {",": ",", ".": ".", "!": "!", "?": "?", ":": ":", ";": ";"}
_CLAUSE_ENDS = frozenset(",.!?:;—…")
_TONES = (("˧˩˧", "↓"), ("˧˥", "↗"), ("˥˩", "↘"), ("˥", "→"))
# Kokoro's phoneme vocabulary (kokoro-onnx's config.json, MIT; the model's input ids).
VOCAB: dict[str, int] = {
    ";": 1, ":": 2, ",": 3, ".": 4, "!": 5, "?": 6, "—": 9, "…": 10, '"': 11, "(": 12, ")": 13,
    "“": 14, "”": 15, " ": 16, "\u0303": 17, "ʣ": 18, "ʥ": 19, "ʦ": 20, "ʨ": 21, "ᵝ": 22, "ꭧ": 23,
    "A": 24, "I": 25, "O": 31, "Q": 33, "S": 35, "T": 36, "W": 39, "Y": 41, "ᵊ": 42, "a": 43, "b": 44,
    "c": 45, "d": 46, "e": 47, "f": 48, "h": 50, "i": 51, "j": 52, "k": 53, "l": 54, "m": 55, "n": 56,
    "o": 57, "p": 58, "q": 59, "r": 60, "s": 61, "t": 62, "u": 63, "v": 64, "w": 65, "x": 66, "y": 67,
    "z": 68, "ɑ": 69, "ɐ": 70, "ɒ": 71, "æ": 72, "β": 75, "ɔ": 76, "ɕ": 77, "ç": 78, "ɖ": 80, "ð": 81,
    "ʤ": 82, "ə": 83, "ɚ": 85, "ɛ": 86, "ɜ": 87, "ɟ": 90, "ɡ": 92, "ɥ": 99, "ɨ": 101, "ɪ": 102,
    "ʝ": 103, "ɯ": 110, "ɰ": 111, "ŋ": 112, "ɳ": 113, "ɲ": 114, "ɴ": 115, "ø": 116, "ɸ": 118,
    "θ": 119, "œ": 120, "ɹ": 123, "ɾ": 125, "ɻ": 126, "ʁ": 128, "ɽ": 129, "ʂ": 130, "ʃ": 131,
    "ʈ": 132, "ʧ": 133, "ʊ": 135, "ʋ": 136, "ʌ": 138, "ɣ": 139, "ɤ": 140, "χ": 142, "ʎ": 143,
    "ʒ": 147, "ʔ": 148, "ˈ": 156, "ˌ": 157, "ː": 158, "ʰ": 162, "ʲ": 164, "↓": 169, "→": 171,
    "↗": 172, "↘": 173, "ᵻ": 177,
}  # fmt: skip


def syllable_phonemes(syllable: str) -> str:
    """One TONE3 syllable in Kokoro's phonemes (misaki's ``py2ipa``): ``hao3`` → ``xau↓``.

    "" for a syllable misaki's table cannot read (a bare ``r5`` of 儿化, a typo in the lexicon).
    """
    from misaki.transcription import pinyin_to_ipa  # the table only: misaki.zh imports cn2an

    try:
        ipa = "".join(pinyin_to_ipa(syllable)[0])
    except (ValueError, KeyError, IndexError, AssertionError):
        return ""
    for mark, arrow in _TONES:  # as misaki.zh.ZHG2P.retone
        ipa = ipa.replace(mark, arrow)
    ipa = ipa.replace("ɻ̩", "ɨ").replace("ɹ̩", "ɨ").replace("\u032f", "")  # syllabic z/zh-row vowels; glides
    return "".join(c for c in ipa if c in VOCAB)


@dataclass(frozen=True)
class Piece:
    """What the model speaks in one call: phonemes within ``MAX_TOKENS``."""

    phonemes: str

    @property
    def tokens(self) -> tuple[int, ...]:
        return tuple(VOCAB[c] for c in self.phonemes)


def phonemes_for(sentence: str, reader: MandarinReader) -> str:
    """A spoken sentence as Kokoro's phoneme string: words spaced, punctuation as ASCII marks.

    Digits and Latin letters left in the text are spelled with the project's one table
    (``text.spoken``); quotes, brackets and symbols the voice cannot say are dropped.
    """
    spelled = "".join(spell_for_offline_voice(c) for c in sentence)
    pieces: list[str] = [""]  # runs of hanzi and the marks between them, in order
    for char in spelled:
        if is_hanzi(char):
            pieces[-1] += char
        elif char in _PUNCTUATION:
            pieces += [_PUNCTUATION[char], ""]
    runs = [piece for piece in pieces[::2] if piece]
    said = iter(reader.phrase_words(runs))  # the whole sentence is the polyphones' context
    out: list[str] = []
    for k, piece in enumerate(pieces):
        if k % 2 == 0 and piece:
            words = next(said)
            out.append(
                " ".join(p for w in words if (p := "".join(syllable_phonemes(s) for s in w.syllables if s)))
            )
        elif k % 2 == 1 and out and out[-1] and out[-1][-1] not in _CLAUSE_ENDS:  # "。”" or "……": one mark
            out.append(piece)
    text = ""
    for part in out:
        if part in _CLAUSE_ENDS:
            text += part
        elif part:
            text += (" " if text else "") + part
    return text.strip()


def pieces_for(phonemes: str, limit: int = MAX_TOKENS) -> tuple[Piece, ...]:
    """Cut a phoneme string into pieces of at most ``limit`` tokens: at clause ends, else words."""
    if not phonemes:
        return ()
    if len(phonemes) <= limit:
        return (Piece(phonemes),)
    clauses: list[str] = []
    current = ""
    for char in phonemes:
        current += char
        if char in _CLAUSE_ENDS:
            clauses.append(current.strip())
            current = ""
    if current.strip():
        clauses.append(current.strip())
    units: list[str] = []
    for clause in clauses:
        if len(clause) <= limit:
            units.append(clause)
            continue
        words = clause.split(" ")  # a clause alone too long: words, and a word is ≤ a few tokens
        line = ""
        for word in words:
            if line and len(line) + 1 + len(word) > limit:
                units.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        if line:
            units.append(line)
    pieces: list[Piece] = []
    line = ""
    # As few calls as fit: the model sounds most natural on whole sentences, and cut at 250
    # tokens the same text reads 1.21x longer for 1.13x the work (benchmarks/kokoro_pieces.py).
    for unit in units:
        if line and len(line) + 1 + len(unit) > limit:
            pieces.append(Piece(line))
            line = unit
        else:
            line = f"{line} {unit}" if line else unit
    if line:
        pieces.append(Piece(line))
    return tuple(pieces)


def _speed(voice: Voice) -> float:
    value = voice.rate.strip().removesuffix("%")
    try:
        return min(2.0, max(0.5, 1.0 + float(value) / 100.0))
    except ValueError:
        raise ConfigError(f"bad rate {voice.rate!r} for the Kokoro voice; write it like +10%") from None


def _gain(voice: Voice) -> float:
    value = voice.volume.strip().removesuffix("%")
    try:
        return min(2.0, max(0.0, 1.0 + float(value) / 100.0))
    except ValueError:
        raise ConfigError(f"bad volume {voice.volume!r} for the Kokoro voice; write it like -10%") from None


class KokoroEngine:
    """Kokoro-82M's seven Mandarin voices (Apache-2.0), 24 kHz, deterministic, offline.

    Construction checks the installed assets (``SpeechError`` naming ``voices install kokoro``
    if missing or altered); the model loads on the first ``synthesize``. Pitch is not offered
    (the model has no such control); rate and volume are.
    """

    name = "kokoro"
    max_jobs = 2
    """Two requests at once: a request of one short piece (a headline) would otherwise leave the
    other workers idle; the pieces of both share the workers, longest first within each."""
    voices: tuple[str, ...] = tuple(VOICE_SHA256)

    @property
    def runs_on(self) -> str:
        """The runtime chosen at load (``kokoro_runtime``) and its precision."""
        return f"{self.runtime.name} {self.runtime.precision}"

    reads_latin = False
    """Kokoro's Mandarin voices are given pinyin only: Latin letters are spelled in Chinese first."""
    times_sentences = True
    """It speaks sentence by sentence and knows where each one starts."""

    def __init__(
        self,
        *,
        cache_dir: Path | None = None,
        workers: int | None = None,
        lexicon: Lexicon | None = None,
        runtime: str = "auto",
    ) -> None:
        self._assets: KokoroAssets = locate_kokoro(cache_dir)
        self._reader = MandarinReader(lexicon if lexicon is not None else load_default_lexicon(), sandhi=True)
        self.runtime: RuntimeChoice = choose_runtime(
            runtime, self._assets.model, MODEL_SHA256, self._float_model
        )
        """Where the model runs (``runtime``): onnxruntime int8, or OpenVINO (bf16 or f32)."""
        self.workers: int = worker_count(self.runtime.name, workers)
        """How many pieces are spoken at once: one per core, as the free memory allows."""
        # Both runtimes run the same windows, which shape the samples; the whole model, none.
        windows = WHOLE_MODEL if self.runtime.whole else WINDOWS_VERSION
        recipe = f"{self.runtime.model_digest}|{self.runtime.precision}|{windows}|{FRONTEND_VERSION}|{self._reader.digest}"
        tag = f"{self.runtime.name}-{self.runtime.precision}"
        self.version: str = f"kokoro-v1.0-{tag}+{hashlib.sha256(recipe.encode()).hexdigest()[:12]}"
        self._lock = threading.Lock()
        self._runner: Runner | None = None
        self._styles: dict[str, npt.NDArray[np.float32]] = {}

    def _float_model(self) -> tuple[tuple[ModelPart, ...], str] | None:
        found = locate_float_model(self._assets.folder, MODEL_SHA256)
        return (found.parts, found.digest) if found is not None else None

    def probe(self, timeout: float) -> float:
        """Always ready: construction already verified the files (the model loads on first use)."""
        return 0.0

    def phonemes(self, sentence: str) -> str:
        """What the model is given for ``sentence`` (for tests and for checking a reading)."""
        return phonemes_for(sentence, self._reader)

    def _loaded(self, voice_id: str) -> tuple[Runner, npt.NDArray[np.float32]]:
        with self._lock:
            if self._runner is None:
                self._runner = start_runner(self.runtime, self.workers)
            if voice_id not in self._styles:
                table = np.fromfile(self._assets.voices[voice_id], dtype=np.float32)
                self._styles[voice_id] = table.reshape(-1, 1, 256)
            return self._runner, self._styles[voice_id]

    def synthesize(self, sentences: Sequence[str], voice: Voice) -> Speech:
        """Speak ``sentences`` in order as one WAV (24 kHz mono 16-bit), 0.2 s between sentences."""
        if voice.voice_id not in self.voices:
            raise ConfigError(
                f"the Kokoro engine has no voice {voice.voice_id!r}; choose one of: {', '.join(self.voices)}"
            )
        speed, gain = _speed(voice), _gain(voice)
        plans = [pieces_for(self.phonemes(s)) for s in sentences]
        if not any(plans):
            shown = "".join(sentences)[:40]
            raise SpeechError(
                f"nothing the Kokoro voice can say in {shown!r}" if shown.strip() else "no text to speak"
            )
        runner, style = self._loaded(voice.voice_id)
        # Longest first, so the last piece to finish is a short one and no core waits long.
        queued = sorted(
            ((s, p) for s, pieces in enumerate(plans) for p in range(len(pieces))),
            key=lambda at: -len(plans[at[0]][at[1]].phonemes),
        )
        spoken = {at: runner.speak(plans[at[0]][at[1]].tokens, style, speed) for at in queued}
        chunks: list[Audio] = []
        starts: list[float] = []
        position = 0
        for s, pieces in enumerate(plans):
            if pieces and position:
                chunks.append(np.zeros(round(SENTENCE_PAUSE / speed * SAMPLE_RATE), dtype=np.float32))
                position += len(chunks[-1])
            starts.append(position / SAMPLE_RATE)
            for p in range(len(pieces)):
                try:
                    chunks.append(spoken[s, p].result())
                except Exception as error:  # onnxruntime's errors are untyped
                    for future in spoken.values():
                        future.cancel()
                    raise SpeechError(f"the Kokoro voice failed on {sentences[s]!r}: {error}") from error
                position += len(chunks[-1])
        samples = np.concatenate(chunks)
        return Speech(
            audio=wav_bytes(samples, gain, SAMPLE_RATE),
            format=AudioFormat.WAV,
            duration=len(samples) / SAMPLE_RATE,
            sentence_starts=tuple(starts),
        )
