"""`publish --to`'s byte bar: drawn on a terminal from the first bytes counted, never before."""

from __future__ import annotations

import io

import pytest

from audio_edition import cli


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_appears_with_the_first_bytes_and_counts_them(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    with cli._upload_progress(quiet=False) as progress:
        assert progress is not None
        assert terminal.getvalue() == ""  # nothing counted, nothing drawn (a refused target shows no bar)
        progress(1_000_000, 2_000_000)
    assert "upload" in terminal.getvalue() and "2.00M" in terminal.getvalue()


def test_no_bar_when_quiet_or_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    with cli._upload_progress(quiet=True) as progress:
        assert progress is None
    monkeypatch.setattr("sys.stderr", io.StringIO())
    with cli._upload_progress(quiet=False) as progress:
        assert progress is None
