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
    connection, or a stream that ended without audio. Engines raise it; the batch layer retries.

    ``retry_after`` is how long the service asked us to wait (an HTTP ``Retry-After``), if it said.
    """

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SpeechRefusedError(SpeechError):
    """The engine refuses every request (a wrong key or region): no retry, and no other request of
    the build would fare better, so the session stops asking that engine at once."""


def call_with_retries(
    call: Callable[[], T],
    policy: RetryPolicy,
    *,
    describe: str,
    sleep: Callable[[float], None] = time.sleep,
    rand: Callable[[], float] = random.random,
) -> tuple[T, int]:
    """Run ``call`` until it succeeds; return its value and the number of retries it needed.

    Only ``TransientSpeechError`` is retried; any other error passes through at once. The wait
    before a retry is the backoff, or the service's ``retry_after`` when that is longer; a
    ``retry_after`` beyond ``policy.longest_retry_after`` fails at once. After
    ``policy.attempts`` transient failures a ``SpeechError`` naming ``describe`` and the last
    cause is raised.
    """
    last: TransientSpeechError | None = None
    for attempt in range(max(1, policy.attempts)):
        if last is not None:
            wait = policy.delay(attempt - 1, rand())
            if last.retry_after is not None:
                if last.retry_after > policy.longest_retry_after:
                    raise SpeechError(
                        f"{describe}: the service asks to wait {last.retry_after:.0f} s before trying "
                        f"again ({last}); not waiting that long"
                    ) from last
                wait = max(wait, last.retry_after)
            sleep(wait)
        try:
            return call(), attempt
        except TransientSpeechError as error:
            last = error
    raise SpeechError(
        f"{describe}: gave up after {max(1, policy.attempts)} attempts; last error: {last}"
    ) from last
