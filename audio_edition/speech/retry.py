"""Retrying a request that failed for a reason that may pass: backoff with jitter, then fail loudly."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from audio_edition.errors import SpeechError
from audio_edition.speech.settings import RetryPolicy

T = TypeVar("T")


class TransientSpeechError(SpeechError):
    """A failure worth retrying: throttling (429), refusal (403), 5xx, a dropped or stalled
    connection, or a stream that ended without audio. Engines raise it; the batch layer retries."""


def call_with_retries(
    call: Callable[[], T],
    policy: RetryPolicy,
    *,
    describe: str,
    sleep: Callable[[float], None] = time.sleep,
    rand: Callable[[], float] = random.random,
) -> tuple[T, int]:
    """Run ``call`` until it succeeds; return its value and the number of retries it needed.

    Only ``TransientSpeechError`` is retried; any other error passes through at once. After
    ``policy.attempts`` transient failures a ``SpeechError`` naming ``describe`` and the last
    cause is raised.
    """
    last: TransientSpeechError | None = None
    for attempt in range(max(1, policy.attempts)):
        if attempt:
            sleep(policy.delay(attempt - 1, rand()))
        try:
            return call(), attempt
        except TransientSpeechError as error:
            last = error
    raise SpeechError(
        f"{describe}: gave up after {max(1, policy.attempts)} attempts; last error: {last}"
    ) from last
