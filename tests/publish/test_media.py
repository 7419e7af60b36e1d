"""Content-versioned addresses: new bytes a new address, old ones kept for a grace period."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from audio_edition.publish.media import GRACE, publish_media, superseded_due

from .fixture_editions import make_edition, rebuilt

NOW = datetime(2023, 12, 25, 8, tzinfo=UTC)


def test_unchanged_audio_keeps_its_address_changed_audio_gets_a_new_one(tmp_path: Path) -> None:
    out, state = tmp_path / "output", tmp_path / "state"
    first = make_edition(out, "2023-12-25")
    before = publish_media(out, state, [first], NOW).addresses
    assert publish_media(out, state, [first], NOW).addresses == before
    for (date, source), key in before.items():
        published, original = out / key, out / date / source
        assert published.read_bytes() == original.read_bytes()
        assert os.path.samefile(published, original)  # a hard link: no second copy on disk
    again = rebuilt(first, out, title="更正")
    after = publish_media(out, state, [again], NOW + timedelta(hours=1)).addresses
    assert set(after) == set(before) and not set(after.values()) & set(before.values())
    # The superseded versions are still there for apps that read the old feed...
    assert all((out / key).is_file() for key in before.values())
    assert superseded_due(state, NOW + timedelta(hours=2)) == ()
    # ...until a publish after the grace period removes them, and their folders.
    later = NOW + timedelta(hours=1) + GRACE
    assert set(superseded_due(state, later)) == set(before.values())
    result = publish_media(out, state, [again], later)
    assert set(result.removed) == set(before.values())
    assert not any((out / key).exists() or (out / key).parent.exists() for key in before.values())
    assert all((out / key).is_file() for key in after.values())


def test_a_lost_record_finds_the_same_addresses_and_forgets_nothing(tmp_path: Path) -> None:
    out, state = tmp_path / "output", tmp_path / "state"
    first = make_edition(out, "2023-12-25")
    before = publish_media(out, state, [first], NOW).addresses
    again = rebuilt(first, out, title="更正")
    publish_media(out, state, [again], NOW)
    (state / "media.json").unlink()
    # Found again by content; the old versions, unknown now, get a full grace period.
    result = publish_media(out, state, [again], NOW + GRACE)
    assert result.removed == () and all((out / key).is_file() for key in before.values())
    assert publish_media(out, state, [again], NOW + 2 * GRACE).removed != ()


def test_a_held_editions_versions_are_neither_superseded_nor_removed(tmp_path: Path) -> None:
    out, state = tmp_path / "output", tmp_path / "state"
    kept, other = make_edition(out, "2023-12-25"), make_edition(out, "2023-12-26")
    before = publish_media(out, state, [kept, other], NOW).addresses
    held = {k: v for k, v in before.items() if k[0] == "2023-12-26"}
    # The edition's folder is gone (broken): its versioned audio may be the only copy left.
    result = publish_media(out, state, [kept], NOW + 2 * GRACE, held=frozenset({"2023-12-26"}))
    assert result.removed == () and all((out / key).is_file() for key in held.values())
    # Once it is let go (removed on purpose), it is superseded from then on, not from before.
    assert publish_media(out, state, [kept], NOW + 3 * GRACE).removed == ()
    gone = publish_media(out, state, [kept], NOW + 4 * GRACE).removed
    assert set(gone) == set(held.values())


def test_the_grace_period_is_the_callers(tmp_path: Path) -> None:
    out, state = tmp_path / "output", tmp_path / "state"
    first = make_edition(out, "2023-12-25")
    before = set(publish_media(out, state, [first], NOW).addresses.values())
    again = rebuilt(first, out, title="更正")
    assert publish_media(out, state, [again], NOW, timedelta(0)).removed == tuple(sorted(before))
