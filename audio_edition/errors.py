"""The project's errors: one root, leaves named for what went wrong.

Only ``cli.py`` turns these into exit codes and one line on stderr.
"""

from __future__ import annotations


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


class BusyError(AudioEditionError):
    """Another audio-edition process is writing to the same output folder.

    Exit status 75 (EX_TEMPFAIL in sysexits.h): nothing is wrong, try again later.
    """

    exit_code = 75
