"""Joining consecutive pieces of speech in one format into one ``Speech``."""

from __future__ import annotations

import io
import wave
from collections.abc import Sequence

from audio_edition.errors import SpeechError
from audio_edition.speech.engine import AudioFormat, Speech


def _join_wav(parts: Sequence[bytes]) -> bytes:
    frames: list[bytes] = []
    params = None
    for data in parts:
        with wave.open(io.BytesIO(data), "rb") as reader:
            shape = (reader.getnchannels(), reader.getsampwidth(), reader.getframerate())
            if params is not None and shape != params:
                raise SpeechError(f"cannot join WAV pieces of different shapes {params} and {shape}")
            params = shape
            frames.append(reader.readframes(reader.getnframes()))
    assert params is not None
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(params[0])
        writer.setsampwidth(params[1])
        writer.setframerate(params[2])
        writer.writeframes(b"".join(frames))
    return out.getvalue()


def join_speech(pieces: Sequence[Speech]) -> Speech:
    """One ``Speech`` playing ``pieces`` back to back; sentence starts shift by what precedes them.

    MP3 pieces (raw constant-bitrate frames, as the service sends them) join byte for byte; WAV
    pieces join by their PCM frames and must share rate, width and channels.
    """
    if not pieces:
        raise SpeechError("nothing to join: no speech pieces")
    if len(pieces) == 1:
        return pieces[0]
    formats = {p.format for p in pieces}
    if len(formats) != 1:
        raise SpeechError(f"cannot join speech in different formats: {sorted(f.value for f in formats)}")
    fmt = pieces[0].format
    starts: list[float] = []
    offset = 0.0
    for piece in pieces:
        starts.extend(offset + s for s in piece.sentence_starts)
        offset += piece.duration
    audio = (
        b"".join(p.audio for p in pieces) if fmt is AudioFormat.MP3 else _join_wav([p.audio for p in pieces])
    )
    return Speech(audio=audio, format=fmt, duration=offset, sentence_starts=tuple(starts))
