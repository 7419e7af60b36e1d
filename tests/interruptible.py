"""Child processes a test stops with SIGINT (Ctrl-C), whatever shell started the test run.

A shell starts a background job (``pytest ... &``) with SIGINT ignored, and a child inherits an
ignored signal across exec: Python then installs no KeyboardInterrupt handler, the server never
sees the test's Ctrl-C and every such test waits out its timeout. Each child here gets the
default disposition back before it runs, as it would have from an interactive shell.
"""

from __future__ import annotations

import signal


def default_sigint() -> None:
    """``preexec_fn`` for a child that a test interrupts: SIGINT as an interactive shell leaves it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
