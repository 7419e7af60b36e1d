"""Streaming assembly: speech clips and pauses → tracks → MP3s, and tracks → the episode.

Nothing here holds more than one small chunk of audio in Python. Every clip is decoded by ffmpeg
straight into a track's intermediate PCM file on disk (raw s16le mono at the output rate); pauses
are written as zero chunks. Positions are counted in samples of that PCM, so a track's cue and
chapter times are exact. The episode is never written as a whole PCM file: its parts (normalized
track files and pauses) are streamed into ffmpeg twice, once to measure and once to encode.
"""

from __future__ import annotations

import functools
import math
import tempfile
import wave
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

from audio_edition.audio import ffmpeg
from audio_edition.audio.ffmpeg import Pcm
from audio_edition.audio.loudness import (
    Loudness,
    LoudnessTarget,
    ebur128_filter,
    loudness_from_summary,
    plan_adjustment,
)
from audio_edition.audio.transcript import Cue, cues_for_sentences
from audio_edition.errors import AudioError, ConfigError

CHUNK_BYTES = 1 << 20
"""What Python holds of the audio at any moment while streaming: one MiB."""

SPEECH_RATE = 24000
"""Tracks are assembled at the engines' own rate (both speak 24 kHz), so clips need no resampling
one by one; each track is resampled to the MP3's rate once, while it is encoded."""


@dataclass(frozen=True)
class Mp3Settings:
    """How the MP3s are encoded: podcast defaults are mono, 44.1 kHz, 64 kbit/s."""

    sample_rate: int = 44100
    bitrate_kbps: int = 64
    channels: Literal[1, 2] = 1
    lame_quality: int = 7
    """LAME's algorithm quality, 0 (best, slowest) to 9; 7 is ~2× faster than the default and
    inaudibly different for speech at 64 kbit/s."""

    def __post_init__(self) -> None:
        if self.sample_rate not in (22050, 24000, 32000, 44100, 48000):
            raise ConfigError(
                f"MP3 sample rate {self.sample_rate} Hz is not one of 22050, 24000, 32000, 44100, 48000"
            )
        if not 32 <= self.bitrate_kbps <= 320:
            raise ConfigError(f"MP3 bitrate {self.bitrate_kbps} kbit/s is outside 32…320")
        if not 0 <= self.lame_quality <= 9:
            raise ConfigError(f"LAME quality {self.lame_quality} is outside 0…9")

    @property
    def pcm(self) -> Pcm:
        """The normalized PCM the episode is assembled from: the MP3's rate."""
        return Pcm(self.sample_rate)

    @property
    def track_pcm(self) -> Pcm:
        """The PCM each track is rendered in: the speech rate."""
        return Pcm(SPEECH_RATE)

    def encoder_args(self) -> list[str]:
        """ffmpeg output arguments for an untagged MP3 (mutagen writes the tag afterwards)."""
        return [
            "-c:a", "libmp3lame", "-b:a", f"{self.bitrate_kbps}k",
            "-compression_level", str(self.lame_quality),
            "-ar", str(self.sample_rate), "-ac", str(self.channels),
            "-map_metadata", "-1", "-id3v2_version", "0", "-write_id3v1", "0",
            "-f", "mp3",
        ]  # fmt: skip


@dataclass(frozen=True)
class Clip:
    """One piece of speech on disk, with the printed sentences it says and where each starts."""

    path: Path
    sentences: tuple[str, ...] = ()
    """As printed (for transcripts); empty for a chime."""
    sentence_starts: tuple[float, ...] = ()


@dataclass(frozen=True)
class Silence:
    """A pause of ``seconds``."""

    seconds: float


Piece = Clip | Silence


@dataclass(frozen=True)
class Track:
    """One thing with its own chapter: the opening, an article, the closing, or the chime."""

    name: str
    """Names the track in errors and its intermediate files (ASCII)."""
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class RenderedTrack:
    """A track as intermediate PCM, with its sentence cues (seconds from the track's start)."""

    name: str
    pcm_path: Path
    n_bytes: int
    pcm: Pcm
    cues: tuple[Cue, ...]

    @property
    def duration(self) -> float:
        return self.pcm.seconds(self.n_bytes)


@dataclass(frozen=True)
class EncodedTrack:
    """A rendered track after loudness normalization: its MP3 and its normalized PCM."""

    rendered: RenderedTrack
    normalized_pcm: Path
    chain: str
    """The ffmpeg filter chain that normalized it."""


def _zeros(n_bytes: int) -> Iterator[bytes]:
    block = bytes(min(n_bytes, CHUNK_BYTES))
    while n_bytes > 0:
        step = min(n_bytes, len(block))
        yield block[:step]
        n_bytes -= step


def _copy_wav_frames(path: Path, out: IO[bytes], pcm: Pcm) -> int | None:
    """Append the frames of a WAV already in ``pcm``'s format; None if it is in any other.

    The offline engine's clips are 16-bit mono WAV at 24 kHz, the speech rate: copying their frames
    costs nothing, where starting an ffmpeg process per clip costs ~0.1 s each.
    """
    try:
        with wave.open(str(path), "rb") as reader:
            if (reader.getnchannels(), reader.getsampwidth(), reader.getframerate()) != (1, 2, pcm.rate):
                return None
            written = 0
            while frames := reader.readframes(CHUNK_BYTES // 2):
                out.write(frames)
                written += len(frames)
            return written
    except (wave.Error, EOFError):
        return None  # MP3, float WAV, WAVE_FORMAT_EXTENSIBLE…: ffmpeg reads them


def render_track(track: Track, dest: Path, pcm: Pcm) -> RenderedTrack:
    """Decode every clip of ``track`` and write pauses, in order, into the PCM file ``dest``.

    ``pcm`` is the speech rate (``SPEECH_RATE``); resampling to the MP3's rate happens once per
    track, in the encoding pass.
    """
    cues: list[Cue] = []
    with open(dest, "wb") as out:
        position = 0
        for piece in track.pieces:
            if isinstance(piece, Silence):
                for block in _zeros(pcm.n_bytes(piece.seconds)):
                    out.write(block)
                position = out.tell()
                continue
            copied = _copy_wav_frames(piece.path, out, pcm)
            written = copied if copied is not None else ffmpeg.decode_to_pcm(piece.path, out, pcm)
            if written % ffmpeg.SAMPLE_BYTES:  # never: s16le output is whole samples
                raise AudioError(f"{piece.path}: decoded to a partial sample")
            cues += cues_for_sentences(
                piece.sentences, piece.sentence_starts, pcm.seconds(written), pcm.seconds(position)
            )
            position += written
    return RenderedTrack(track.name, dest, position, pcm, tuple(cues))


@functools.lru_cache(maxsize=8)
def encoder_gain_db(settings: Mp3Settings) -> float:
    """How much louder (negative: quieter) the encoder's output plays than its input, in dB.

    Measured once per settings on a 1 kHz tone: LAME at these settings comes out ~0.4 dB quiet,
    which would leave every file ~0.5 LU under target. Tiny and constant, so measured, not guessed.
    """
    with tempfile.TemporaryDirectory(prefix="audio-edition-") as folder:
        tone = Path(folder) / "tone.mp3"
        source = f"sine=frequency=1000:sample_rate={settings.sample_rate}:duration=2"
        ffmpeg.run_ffmpeg(
            ["-f", "lavfi", "-i", source, "-ac", str(settings.channels), *settings.encoder_args(), str(tone)],
            file=tone, what="encode a calibration tone",
        )  # fmt: skip
        before = ffmpeg.mean_volume(["-f", "lavfi", "-i", source, "-ac", str(settings.channels)], tone)
        after = ffmpeg.mean_volume(["-i", str(tone)], tone)
    # A mono signal spread over two channels is 3 dB down in each; loudness sums the channels.
    return after - before + 10 * math.log10(settings.channels)


def measure_pcm(path: Path, pcm: Pcm, chain: str | None = None) -> Loudness:
    """A loudness pass over a PCM file, after the filter ``chain`` when one is given."""
    graph = ebur128_filter() if chain is None else f"{chain},{ebur128_filter()}"
    stderr = ffmpeg.run_ffmpeg(
        [*pcm.input_args(), "-i", str(path), "-af", graph, "-f", "null", "-"],
        file=path, what="measure its loudness", loglevel="info",
    )  # fmt: skip
    return loudness_from_summary(ffmpeg.parse_ebur128_summary(stderr, path))


TRIM_TOLERANCE_DB = 0.2
MAX_TRIMS = 2
HEAVY_LIMITING_DB = 6.0
"""Limiting a few dB off speech's rare peaks costs ~0.1–0.3 LU of loudness, well inside ±1 LU;
only when the limiter must take off more than this is the result measured again and trimmed."""


def plan_chain(path: Path, pcm: Pcm, target: LoudnessTarget, encoder_gain: float) -> str:
    """The filter chain that brings ``path`` to ``target``, from a first measuring pass.

    A gain alone reaches the target exactly. When the limiter works hard it also lowers the
    loudness, so the limited result is measured again and trimmed, at most ``MAX_TRIMS`` times.
    """
    measured = measure_pcm(path, pcm)
    adjustment = plan_adjustment(measured, target, encoder_gain)
    chain = adjustment.filter_chain()
    for _ in range(MAX_TRIMS):
        if adjustment.limit is None or adjustment.overshoot_db < HEAVY_LIMITING_DB:
            break
        after = measure_pcm(path, pcm, chain)
        adjustment = plan_adjustment(after, target, encoder_gain)
        if abs(adjustment.gain_db) < TRIM_TOLERANCE_DB:
            break
        chain = f"{chain},{adjustment.filter_chain()}"
    return chain


def encode_track(
    rendered: RenderedTrack,
    mp3_dest: Path | None,
    normalized_dest: Path,
    target: LoudnessTarget,
    settings: Mp3Settings,
) -> EncodedTrack:
    """Normalize ``rendered`` to ``target`` (two passes or more) and write its MP3 and normalized PCM.

    One ffmpeg process writes both: the MP3 for listeners and the PCM (at the MP3's rate) the
    episode is built from, so the episode's pieces are already at the target loudness. With
    ``mp3_dest`` None only the PCM is written (the opening and closing have no file of their own).
    """
    chain = plan_chain(rendered.pcm_path, rendered.pcm, target, encoder_gain_db(settings))
    pcm_out = [*settings.pcm.output_args(), str(normalized_dest)]
    if mp3_dest is None:
        args = ["-af", f"{chain},aresample={settings.sample_rate}", *pcm_out]
        what, file = "normalize it", normalized_dest
    else:
        # One filter run feeds both outputs (asplit), so the limiter works once, not twice.
        graph = f"[0:a]{chain},aresample={settings.sample_rate},asplit=2[mp3][pcm]"
        args = [
            "-filter_complex",
            graph,
            "-map",
            "[mp3]",
            *settings.encoder_args(),
            str(mp3_dest),
            "-map",
            "[pcm]",
            *pcm_out,
        ]
        what, file = "encode it", mp3_dest
    ffmpeg.run_ffmpeg([*rendered.pcm.input_args(), "-i", str(rendered.pcm_path), *args], file=file, what=what)
    return EncodedTrack(rendered, normalized_dest, chain)


@dataclass(frozen=True)
class EpisodeAudio:
    """The encoded episode and where each of its parts starts in the assembled PCM."""

    part_starts: tuple[float, ...]
    """Seconds, one per part given to ``assemble_episode``."""
    pcm_duration: float


EpisodePart = Path | Silence
"""A normalized PCM file, or a pause."""


def _part_bytes(part: EpisodePart, pcm: Pcm) -> int:
    return pcm.n_bytes(part.seconds) if isinstance(part, Silence) else part.stat().st_size


def _stream(parts: Sequence[EpisodePart], pcm: Pcm) -> Iterator[bytes]:
    for part in parts:
        if isinstance(part, Silence):
            yield from _zeros(pcm.n_bytes(part.seconds))
            continue
        with open(part, "rb") as f:
            while block := f.read(CHUNK_BYTES):
                yield block


def assemble_episode(
    parts: Sequence[EpisodePart],
    mp3_dest: Path,
    settings: Mp3Settings,
    wait_for: Callable[[int], None] | None = None,
) -> EpisodeAudio:
    """Concatenate ``parts`` into one MP3 at ``mp3_dest``, streamed from disk a MiB at a time.

    ``wait_for(i)``, when given, is called before part ``i`` is read: the parts may still be in
    the making when the encoding starts (the build overlaps it with the tracks' own work).

    No second loudness pass: every part was normalized in two passes by ``encode_track`` (with
    the encoder's loss made up) and pauses are silence, which R128's gates leave out, so the whole
    lands on the target as its parts do — one pass over two hours instead of three. The tests
    measure the finished episode to hold this to account.
    """
    pcm = settings.pcm
    starts: list[float] = []
    position = 0

    def stream() -> Iterator[bytes]:
        nonlocal position
        for i, part in enumerate(parts):
            if wait_for is not None:
                wait_for(i)
            starts.append(pcm.seconds(position))
            position += _part_bytes(part, pcm)
            yield from _stream([part], pcm)

    ffmpeg.run_ffmpeg_fed(
        [*pcm.input_args(), "-i", "-", *settings.encoder_args(), str(mp3_dest)],
        stream(), file=mp3_dest, what="encode the episode",
    )  # fmt: skip
    return EpisodeAudio(tuple(starts), pcm.seconds(position))
