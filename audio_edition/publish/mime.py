"""The Content-Type of every file the output folder holds: one table for the server and the upload.

``serve`` and ``publish --to`` must say the same thing about a file, or a podcast app that plays
an episode from one refuses it from the other; so both read this table.
"""

from __future__ import annotations

import mimetypes

RSS_TYPE = "application/rss+xml; charset=utf-8"
"""The feeds' type (podcast apps accept either feed under it)."""

# By file name ending, longest first: these are what podcast apps and browsers look for.
MIME_TYPES: tuple[tuple[str, str], ...] = (
    (".chapters.json", "application/json+chapters"),
    (".mp3", "audio/mpeg"),
    (".vtt", "text/vtt; charset=utf-8"),
    (".srt", "application/x-subrip; charset=utf-8"),
    (".json", "application/json"),
    (".html", "text/html; charset=utf-8"),
    (".jpg", "image/jpeg"),
    (".png", "image/png"),
    (".css", "text/css; charset=utf-8"),
    (".js", "text/javascript; charset=utf-8"),
    (".svg", "image/svg+xml"),
)


def type_by_suffix(name: str) -> str:
    """The Content-Type for a file ``name`` by its ending (case does not matter); the system's
    guess for endings the table does not hold, else ``application/octet-stream``."""
    lower = name.lower()
    for suffix, mime in MIME_TYPES:
        if lower.endswith(suffix):
            return mime
    return mimetypes.guess_type(lower)[0] or "application/octet-stream"
