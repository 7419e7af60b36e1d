"""The ``audio-edition`` command: parse options, call the pipeline, print.

No work happens here. Library errors (``AudioEditionError``) become one line on stderr and the
error's exit code; nothing else is caught, so a bug still shows its traceback.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from audio_edition import __version__
from audio_edition.errors import AudioEditionError

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(func: F) -> F:
    """Turn our named errors into one clear line on stderr and a non-zero exit."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AudioEditionError as error:
            click.echo(f"audio-edition: {error}", err=True)
            sys.exit(error.exit_code)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="audio-edition")
def main() -> None:
    """Turn a Chinese daily's printed pages into a podcast.

    \b
    Example:
      audio-edition clean articles/2023-12-25.txt
    """


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


# --- clean -----------------------------------------------------------------------------------
# (the clean command is added here)
