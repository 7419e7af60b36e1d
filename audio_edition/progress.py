"""Progress for a build that runs off a terminal (cron, systemd, CI): one line about once a minute.

A terminal gets live bars (the CLI's); a log gets nothing for the length of a build unless it is
told, and a 22-minute build that says nothing until it ends looks hung. So off a terminal a
build that runs past a minute reports at most one line a minute, and when a stage starts or ends:

    audio-edition: speech 120/480, 6:02 elapsed, about 18:05 left

The estimate is the stage's own pace so far (the stages differ: speech is most of a build).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum

INTERVAL = 60.0
"""Seconds between two lines within a stage."""


def clock_text(seconds: float) -> str:
    """``m:ss`` (``h:mm:ss`` past an hour)."""
    total = max(0, round(seconds))
    hours, minutes, secs = total // 3600, total % 3600 // 60, total % 60
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressLines:
    """A build's ``progress(stage, done, total)`` that writes a line at most every ``interval``
    seconds, at each stage's start and at its end; ``clock`` and ``write`` can be replaced."""

    def __init__(
        self,
        write: Callable[[str], None],
        *,
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.write, self.interval, self.clock = write, interval, clock
        self.started = clock()
        self.stage: Enum | None = None
        self.stage_started = self.started
        self.last = float("-inf")
        self.previous = self.started

    def __call__(self, stage: Enum, done: int, total: int) -> None:
        now = self.clock()
        if stage != self.stage:
            # A stage begins when the one before it last reported (its first report may come
            # only when its first step is done).
            self.stage, self.stage_started = stage, self.previous
        self.previous = now
        if now - self.started < self.interval:
            return  # a build done within a minute needs no progress in its log
        if (
            stage == self.stage
            and self.last >= self.stage_started
            and now - self.last < self.interval
            and done < total
        ):
            return
        self.last = now
        self.write(self.line(stage, done, total, now))

    def line(self, stage: Enum, done: int, total: int, now: float) -> str:
        """The line for ``stage`` at ``done`` of ``total`` at time ``now``."""
        text = f"audio-edition: {stage.value} {done}/{total}, {clock_text(now - self.started)} elapsed"
        if 0 < done < total:
            left = (now - self.stage_started) / done * (total - done)
            text += f", about {clock_text(left)} left"
        elif done >= total:
            text += ", done"
        return text
