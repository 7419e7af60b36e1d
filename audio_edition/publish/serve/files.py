"""Which file a request names, and which of its bytes: the path check, private names, ranges.

Pure decisions over the served folder, no sockets. Everything that cannot or may not be served
ends as ``NotFound`` (the server answers 404 and reveals nothing about the disk): a missing
file, a path that leaves the folder (``..``, ``%2e%2e``, encoded slashes, absolute paths, a
symlink out), a private or hidden name anywhere on the way *or at the symlink's target*
(dotfiles, the catalog database, locks, ``.part`` files of atomic writes, ``.build-*`` staging
folders), and paths the kernel refuses (a name over 255 bytes, a symlink loop).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from audio_edition.publish.mime import RSS_TYPE, type_by_suffix
from audio_edition.publish.public import is_private, public_path

_RANGE_SPEC = re.compile(r"([0-9]*)-([0-9]*)")  # [0-9], not \d: \d also matches "٣"
# More digits than any file size: a longer number is compared as "huge" without int(), which
# refuses strings over 4,300 digits (ValueError) and is quadratic below that.
_MAX_DIGITS = 18
_HUGE = 10**_MAX_DIGITS
_MAX_RANGES = 100  # more parts than a player ever asks for: ignore the header (RFC 9110 §14.2)


def content_type(name: str) -> str:
    """The Content-Type for a file name (any ``.xml`` here is one of the feeds)."""
    return RSS_TYPE if name.lower().endswith(".xml") else type_by_suffix(name)


class NotFound(Exception):
    """The request names nothing that may be served; the reason is for the verbose log only."""


@dataclass(frozen=True)
class Redirect:
    """A folder asked for without its trailing slash: send the client to ``location``."""

    location: str


def request_path(target: str) -> str:
    """The decoded path of a request target (origin or absolute form), without query/fragment.

    Raises ``NotFound`` for encoded slashes, backslashes or NUL, and for bytes that are not
    UTF-8 once decoded.
    """
    # origin-form ("/a/b?q") is split by hand: urlsplit would read "//x/y" as a host "x".
    raw_path = target.split("?", 1)[0].split("#", 1)[0] if target.startswith("/") else urlsplit(target).path
    if re.search(r"%(2f|5c|00)", raw_path, re.IGNORECASE) or "\\" in raw_path:
        raise NotFound("encoded slash, backslash or NUL")
    try:
        return unquote(raw_path, errors="strict")
    except UnicodeDecodeError as error:
        raise NotFound("not UTF-8") from error


def resolve_request_path(root: str, target: str) -> str:
    """Map a request target to a real file or folder inside ``root`` (a resolved folder).

    Returns the path with every symlink resolved. Raises ``NotFound`` for anything missing,
    outside ``root``, private (see ``is_private``) before or after following symlinks, or
    unresolvable (names over 255 bytes, symlink loops).
    """
    segments = [s for s in request_path(target).split("/") if s]
    for segment in segments:
        if is_private(segment):
            raise NotFound(f"private name {segment[:40]!r}")
    return _real_inside(root, os.path.join(root, *segments))


def index_of(root: str, folder: str) -> str:
    """The listening page of a folder already resolved inside ``root``; ``NotFound`` if none."""
    return _real_inside(root, os.path.join(folder, "index.html"))


def _real_inside(root: str, candidate: str) -> str:
    # The same rule as publish --to (publish/public.py): what one would upload, the other serves.
    real = public_path(root, candidate)
    if real is None:
        raise NotFound("missing, unresolvable, outside the folder or private")
    return real


def folder_redirect(root: str, folder: str, target: str) -> Redirect | None:
    """A redirect to ``folder/`` when the request named a folder without its slash."""
    if request_path(target).endswith("/"):
        return None
    # Built from the resolved folder, never echoed: no open redirect via "//host".
    relative = os.path.relpath(folder, root)
    return Redirect("/" if relative == "." else "/" + quote(relative.replace(os.sep, "/")) + "/")


@dataclass(frozen=True)
class ByteRange:
    """One satisfiable byte range of a file; ``end`` is inclusive, as in Content-Range."""

    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start + 1


class Unsatisfiable(Exception):
    """The Range header asks only for bytes past the end of the file (answered 416)."""


def _number(digits: str) -> int:
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) <= _MAX_DIGITS else _HUGE


def parse_range(header: str | None, size: int) -> ByteRange | None:
    """The byte range to send for a ``Range`` header, or None to send the whole file (200).

    Follows RFC 9110 §14: an unknown unit or an invalid header is ignored (None); a set with no
    satisfiable range raises ``Unsatisfiable`` (416); positions past the end are clamped;
    numbers of any length are fine. Several ranges are merged when they touch or overlap into
    one; otherwise the whole file is sent, as a server without multipart responses may.
    """
    if header is None:
        return None
    unit, equals, spec_list = header.partition("=")
    if not equals or unit.strip().lower() != "bytes":
        return None
    specs = [s.strip() for s in spec_list.split(",") if s.strip()]
    if not specs or len(specs) > _MAX_RANGES:
        return None
    ranges: list[ByteRange] = []
    for spec in specs:
        match = _RANGE_SPEC.fullmatch(spec)
        if match is None or match.group(0) == "-":
            return None
        first, last = match.groups()
        if first == "":  # suffix range: the last N bytes
            suffix = _number(last)
            if suffix > 0 and size > 0:
                ranges.append(ByteRange(max(0, size - suffix), size - 1))
            continue
        start = _number(first)
        if last != "" and _number(last) < start:
            return None  # invalid: the whole header is ignored
        if start < size:
            ranges.append(ByteRange(start, size - 1 if last == "" else min(_number(last), size - 1)))
    if not ranges:
        raise Unsatisfiable
    ranges.sort(key=lambda r: r.start)
    merged = ranges[0]
    for byte_range in ranges[1:]:
        if byte_range.start > merged.end + 1:
            return None  # two separate parts would need multipart/byteranges
        merged = ByteRange(merged.start, max(merged.end, byte_range.end))
    return merged
