"""The project's errors: one root, leaves named for what went wrong.

Only ``cli.py`` turns these into exit codes and one line on stderr.
"""

from __future__ import annotations

import re


class AudioEditionError(Exception):
    """Root of every error audio-edition raises on purpose."""

    exit_code = 1


class InputError(AudioEditionError):
    """The input is not something we can read: empty, binary, not Chinese, bad encoding."""

    exit_code = 2


class ConfigError(AudioEditionError):
    """A settings file, voice preset or lexicon entry is missing or invalid."""

    exit_code = 2


class SpeechError(AudioEditionError):
    """An engine could not speak a text (after its retries)."""


class AudioError(AudioEditionError):
    """ffmpeg or mutagen failed on a file; the message names the file."""


class PublishError(AudioEditionError):
    """The feed, catalog, page or server could not do its job."""


class ClusterError(AudioEditionError):
    """The Dask cluster a build speaks on cannot do its part: the scheduler cannot be reached or
    was lost, no worker came, or a worker cannot speak for this build (the message names it).

    Exit status 69 (EX_UNAVAILABLE in sysexits.h): nothing was published; a rerun asks the
    cluster only for what the speech cache does not already hold.
    """

    exit_code = 69


class BusyError(AudioEditionError):
    """Another audio-edition process is writing to the same output folder.

    Exit status 75 (EX_TEMPFAIL in sysexits.h): nothing is wrong, try again later.
    """

    exit_code = 75


class WriteError(AudioEditionError):
    """A file or folder could not be written: a file in the way, no permission, a read-only
    or full disk. The message names the path and the reason.

    Exit status 73 (EX_CANTCREAT in sysexits.h) when it could not be created, 74 (EX_IOERR)
    when writing it failed (the disk full, an I/O error).
    """

    exit_code = 73

    def __init__(self, message: str, exit_code: int = 73) -> None:
        super().__init__(message)
        self.exit_code = exit_code


_REPR = re.compile(r"\s*(\w+:)?<[\w.]+ object at 0x[0-9a-fA-F]+>")


def in_words(message: str) -> str:
    """``message`` without the object reprs a library's error text carries (aiohttp's
    ``ssl:<ssl.SSLContext object at 0x…>``): a listener-facing reason says what went wrong."""
    return re.sub(r"\s{2,}", " ", _REPR.sub("", message)).strip()
