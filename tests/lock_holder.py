"""Another process holding an output folder's lock, for tests of what waits on it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_HOLDER = """
import sys
from pathlib import Path
from audio_edition.fsutil import sole_writer
with sole_writer(Path(sys.argv[1]), sys.argv[2]):
    print("holding", flush=True)
    sys.stdin.read()  # until the test closes our stdin (or kills us)
"""


@contextmanager
def lock_held_elsewhere(folder: Path, doing: str = "build of 2023-12-25") -> Iterator[subprocess.Popen[str]]:
    """A real child process holds ``sole_writer(folder)`` until the block ends (or it is killed)."""
    child = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(folder), doing],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "holding"
        yield child
    finally:
        if child.stdin is not None:
            child.stdin.close()
        child.wait(timeout=10)
