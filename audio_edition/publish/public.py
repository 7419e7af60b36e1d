"""What is public: the one rule ``publish --to`` and ``serve`` both follow.

A file of the output folder is public when no name on its path is private — neither as asked
for nor once symbolic links are followed — and its real path stays inside the folder.
Private names: anything starting with a dot (``..``, dotfiles, locks, the ``.part`` files of
atomic writes, ``.staging-*`` and ``.previous-*`` folders), SQLite databases and their
journals, ``*.lock``, ``*.part``, and a state folder's record ``state.json`` (a state folder
belongs outside the output folder, and ``places.Places`` refuses one inside; these names keep
its contents private even if one is put there by hand).
"""

from __future__ import annotations

import os
import re

# Names are compared case-insensitively: a case-insensitive filesystem serves CATALOG.SQLITE3
# for catalog.sqlite3.
_PRIVATE_NAME = re.compile(
    r"^\.|\.sqlite3(-journal|-wal|-shm)?$|\.lock$|\.part$|^state\.json$", re.IGNORECASE
)


def is_private(name: str) -> bool:
    """True for a file or folder name that is never published nor served."""
    return _PRIVATE_NAME.search(name) is not None or "\x00" in name


def public_path(root: str, candidate: str) -> str | None:
    """The real path of ``candidate`` (a path under ``root``, a resolved folder) when it may be
    published, else None: missing, unresolvable (a loop, a name too long), outside ``root``
    once symlinks are followed, or private by a name before or after following them."""
    relative = os.path.relpath(candidate, root)
    if relative != "." and any(is_private(part) for part in relative.split(os.sep)):
        return None
    try:
        # strict: a missing name, a loop (ELOOP) or an overlong name is an OSError here.
        real = os.path.realpath(candidate, strict=True)
    except (OSError, ValueError):
        return None
    if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
        return None
    relative = os.path.relpath(real, root)
    if relative != "." and any(is_private(part) for part in relative.split(os.sep)):
        return None  # a symlink under a public name must not publish a private target
    return real
