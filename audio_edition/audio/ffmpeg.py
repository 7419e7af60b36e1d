"""The one wrapper around the ffmpeg and ffprobe programs.

Every subprocess call the audio stages make goes through here, so there is one place that knows
the command lines, one place that parses their output, and one place where a failure becomes an
:class:`~audio_edition.errors.AudioError` naming the file it was working on.

Audio never passes through Python memory in bulk: ffmpeg reads files and writes files (or our open
file handles) itself; when Python must feed it (the episode is a concatenation of pieces on disk),
it is fed in small chunks.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from audio_edition.errors import AudioError, WriteError

FFMPEG = "ffmpeg"
FFPROBE = "ffprobe"

SAMPLE_BYTES = 2
"""Bytes per sample of the intermediate PCM (signed 16-bit little-endian, mono)."""

_QUIET = ("-hide_banner", "-nostdin", "-nostats")


@dataclass(frozen=True)
class Probe:
    """What ffprobe says about an audio file."""

    duration: float
    """Seconds, as ffprobe reports for the format."""
    start_time: float
    """Seconds before the first real sample: an MP3's encoder delay as the file's timeline has it."""
    sample_rate: int
    channels: int
    codec: str
    bit_rate: int | None


@dataclass(frozen=True)
class Pcm:
    """The intermediate audio format: raw signed 16-bit little-endian mono at ``rate`` Hz."""

    rate: int = 44100

    def seconds(self, n_bytes: int) -> float:
        """Duration of ``n_bytes`` of this PCM."""
        return n_bytes / (SAMPLE_BYTES * self.rate)

    def n_bytes(self, seconds: float) -> int:
        """Whole samples' worth of bytes closest to ``seconds``."""
        return round(seconds * self.rate) * SAMPLE_BYTES

    def input_args(self) -> list[str]:
        """ffmpeg arguments that describe a raw input of this format (put before ``-i``)."""
        return ["-f", "s16le", "-ar", str(self.rate), "-ac", "1"]

    def output_args(self) -> list[str]:
        """ffmpeg arguments that produce this format (put before the output)."""
        return ["-f", "s16le", "-acodec", "pcm_s16le", "-ar", str(self.rate), "-ac", "1"]


def require_tools() -> None:
    """Raise :class:`AudioError` with how to fix it when ffmpeg or ffprobe is not installed."""
    missing = [tool for tool in (FFMPEG, FFPROBE) if shutil.which(tool) is None]
    if missing:
        raise AudioError(f"{' and '.join(missing)} not found; install it with: sudo apt-get install ffmpeg")


def _fail(file: Path | str, what: str, stderr: str) -> AudioError | WriteError:
    # A full or read-only disk is the machine's trouble, not the audio's: say so as the other
    # writes do (exit 74 or 73), not as a broken file.
    for code, status in ((errno.ENOSPC, 74), (errno.EDQUOT, 74), (errno.EROFS, 73)):
        if os.strerror(code) in stderr:
            return WriteError(f"{file}: {os.strerror(code)} (ffmpeg could not {what})", status)
    # ffmpeg's last lines say what went wrong; the rest is noise for a one-line error.
    tail = " | ".join(line.strip() for line in stderr.strip().splitlines()[-3:])
    return AudioError(f"{file}: ffmpeg could not {what}: {tail or 'no message'}")


def _ffmpeg_command(args: Sequence[str], loglevel: str) -> list[str]:
    """ffmpeg quiet but for ``loglevel``, overwriting its outputs, with ``args``."""
    return [FFMPEG, *_QUIET, "-loglevel", loglevel, "-y", *args]


def run_ffmpeg(
    args: Sequence[str],
    *,
    file: Path | str,
    what: str,
    stdout: IO[bytes] | None = None,
    loglevel: str = "error",
) -> str:
    """Run ffmpeg with ``args``; return what it logged on stderr.

    ``file`` and ``what`` name the failure (``"episode.mp3: ffmpeg could not encode: …"``).
    ``stdout`` lets ffmpeg write straight into an open file of ours (``-`` as its output).
    """
    cmd = _ffmpeg_command(args, loglevel)
    try:
        done = subprocess.run(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=stdout if stdout is not None else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
    except FileNotFoundError:
        require_tools()
        raise
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        raise _fail(file, what, stderr)
    return stderr


def run_ffmpeg_fed(
    args: Sequence[str],
    chunks: Iterable[bytes],
    *,
    file: Path | str,
    what: str,
    loglevel: str = "error",
) -> str:
    """Run ffmpeg reading its input (``-i -``) from ``chunks``, written one at a time.

    stderr goes to a temporary file rather than a pipe: a pipe nobody reads while we write stdin
    would fill up and deadlock both processes.
    """
    cmd = _ffmpeg_command(args, loglevel)
    with tempfile.TemporaryFile() as err:
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err)
        except FileNotFoundError:
            require_tools()
            raise
        assert proc.stdin is not None
        try:
            for chunk in chunks:
                proc.stdin.write(chunk)
            proc.stdin.close()
        except BrokenPipeError:
            pass  # ffmpeg stopped reading: its exit code and stderr say why
        except BaseException:
            # Our side failed (a part could not be read, Ctrl-C): ffmpeg would wait for more
            # input forever, and we for it. Stop it, then let the error through.
            proc.kill()
            proc.wait()
            raise
        returncode = proc.wait()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if returncode != 0:
        raise _fail(file, what, stderr)
    return stderr


def probe(path: Path) -> Probe:
    """Ask ffprobe for the duration, encoder delay and format of the audio file ``path``."""
    cmd = [
        FFPROBE, "-v", "error", "-select_streams", "a:0",
        "-show_entries", "format=duration,start_time,bit_rate:stream=sample_rate,channels,codec_name,start_time",
        "-of", "json", str(path),
    ]  # fmt: skip
    try:
        done = subprocess.run(cmd, capture_output=True, check=False)
    except FileNotFoundError:
        require_tools()
        raise
    if done.returncode != 0:
        raise AudioError(f"{path}: ffprobe could not read it: {done.stderr.decode(errors='replace').strip()}")
    data = json.loads(done.stdout)
    streams = data.get("streams") or []
    if not streams:
        raise AudioError(f"{path}: ffprobe found no audio stream in it")
    stream, fmt = streams[0], data.get("format", {})

    def number(value: object, default: float = 0.0) -> float:
        try:
            return float(str(value))
        except ValueError:
            return default

    bit_rate = fmt.get("bit_rate")
    return Probe(
        duration=number(fmt.get("duration")),
        start_time=number(stream.get("start_time", fmt.get("start_time"))),
        sample_rate=int(stream.get("sample_rate", 0)),
        channels=int(stream.get("channels", 0)),
        codec=str(stream.get("codec_name", "")),
        bit_rate=int(bit_rate) if bit_rate not in (None, "N/A") else None,
    )


def decode_to_pcm(source: Path, out: IO[bytes], pcm: Pcm) -> int:
    """Decode the audio file ``source`` (MP3, WAV, …) and append it to ``out`` as ``pcm``.

    Returns the number of bytes appended. ffmpeg writes into ``out`` directly.
    """
    out.flush()
    before = out.seek(0, 2)
    run_ffmpeg(["-i", str(source), *pcm.output_args(), "-"], file=source, what="decode it", stdout=out)
    return out.seek(0, 2) - before


_MEAN_VOLUME = re.compile(r"mean_volume:\s*(-?[\d.]+|-inf) dB")


def mean_volume(input_args: Sequence[str], file: Path | str) -> float:
    """The RMS level in dBFS of the input ``input_args`` describe (``volumedetect``)."""
    stderr = run_ffmpeg(
        [*input_args, "-af", "volumedetect", "-f", "null", "-"],
        file=file,
        what="measure its level",
        loglevel="info",
    )
    found = _MEAN_VOLUME.search(stderr)
    if found is None:
        raise AudioError(f"{file}: ffmpeg's volumedetect filter printed no mean volume")
    return float(found.group(1))


_SUMMARY = re.compile(r"Summary:(.*)\Z", re.S)
_FIELD = {
    "integrated": re.compile(r"\bI:\s+(-?[\d.]+|-inf) LUFS"),
    "lra": re.compile(r"\bLRA:\s+(-?[\d.]+) LU\b"),
    "peak": re.compile(r"\bPeak:\s+(-?[\d.]+|-inf) dBFS"),
}


def parse_ebur128_summary(stderr: str, file: Path | str) -> dict[str, float]:
    """Integrated loudness, loudness range and peak (true or sample, as measured) from ``ebur128``.

    Internal to the audio stages (``loudness.py`` turns it into a dataclass).
    """
    match = _SUMMARY.search(stderr)
    if match is None:
        raise AudioError(f"{file}: ffmpeg's ebur128 filter printed no summary")
    values: dict[str, float] = {}
    for name, pattern in _FIELD.items():
        found = pattern.search(match.group(1))
        if found is None:
            raise AudioError(f"{file}: no {name} in ffmpeg's ebur128 summary")
        values[name] = float(found.group(1))  # float("-inf") is what silence measures
    return values
