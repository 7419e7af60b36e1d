"""``publish --to --dry-run`` says exactly what the real run then does: the same uploads, in the
same order, the same bytes, the same deletes, checked against what the target really holds
afterwards — a folder, and the S3 stand-in (moto over HTTP, checking Content-MD5) — on a first
publish, an unchanged one, after an edition or the show changed, with ``--keep N --delete``,
with a broken edition, and with ``[publish] media_grace_days``."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from PIL import Image

from audio_edition.cli import main

from .fixture_editions import make_edition
from .s3_standin import standin_bucket, stored_under
from .test_publish_safety import break_edition

PUBLIC = "https://podcast.example.org/daily/"
BUCKET = "newsroom"
DATES = ("2023-12-24", "2023-12-25", "2023-12-26")

Snapshot = Callable[[], dict[str, bytes]]


def settings_file(tmp_path: Path, extra: str = "", title: str = "有声日报") -> Path:
    path = tmp_path / "audio-edition.toml"
    path.write_text(
        f'[show]\ntitle = "{title}"\nbase_url = "{PUBLIC}"\nauthor = "某某日报社"\n'
        f'owner_name = "某某日报社"\nowner_email = "podcast@paper.cn"\n{extra}',
        encoding="utf-8",
    )
    return path


def folder_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def output_state(out: Path) -> dict[str, tuple[int, int]]:
    """Every file of the output folder with its size and time: a dry run changes none."""
    return {
        p.relative_to(out).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in out.rglob("*")
        if p.is_file()
    }


@pytest.fixture(params=["folder", "bucket"])
def target(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, Snapshot]]:
    """``--to``'s value and a way to read everything the target holds (key → bytes)."""
    if request.param == "folder":
        www = tmp_path / "www" / "daily"
        yield str(www), lambda: folder_tree(www) if www.is_dir() else {}
        return
    with standin_bucket(monkeypatch, BUCKET) as (client, checker):
        yield f"s3://{BUCKET}/daily", lambda: stored_under(client, BUCKET, "daily/")
        assert checker.rejected == 0


def invoke(args: list[str]) -> Result:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, (result.output, result.stderr)
    return result


def dry_then_real(command: list[str], out: Path, snapshot: Snapshot) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run ``command`` with --dry-run, check it changed nothing, run it for real, check the real
    run did what the dry run said, there and in its own report; returns both reports."""
    before, local = snapshot(), output_state(out)
    dry = invoke([*command, "--json", "--dry-run"])
    assert snapshot() == before and output_state(out) == local  # nothing changed, here or there
    planned = json.loads(dry.stdout)
    real = json.loads(invoke([*command, "--json"]).stdout)
    after = snapshot()
    said, did = planned["sync"], real["sync"]
    # The report: the same files in the same order, the same bytes, deletes and unchanged.
    assert did["files"] == said["files"], (did["files"], said["files"])
    for field in ("uploaded", "bytes", "unchanged", "deleted"):
        assert did[field] == said[field], field
    assert real["pruned"] == planned["would_remove"]
    assert sorted(real.get("broken", [])) == sorted(planned["broken"])
    # The target: what changed there is exactly what was said.
    changed = {k for k, data in after.items() if before.get(k) != data}
    assert changed == set(said["files"])
    assert set(before) - set(after) == set(said["deleted"])
    assert sum(len(after[k]) for k in said["files"]) == said["bytes"]
    return planned, real


def test_the_dry_run_is_the_real_run_from_a_first_publish_on(
    tmp_path: Path, target: tuple[str, Snapshot]
) -> None:
    to, snapshot = target
    settings = settings_file(tmp_path)
    out = tmp_path / "output"
    for date in DATES:
        make_edition(out, date)
    publish = ["publish", "--config", str(settings), "--to", to]

    # A first publish: nothing published anywhere yet, not even in the output folder.
    planned, _ = dry_then_real(publish, out, snapshot)
    files = set(planned["sync"]["files"])
    assert {"feed.xml", "articles.xml", "index.html", "cover.jpg", "assets/site.css"} <= files
    assert {f"{d}/index.html" for d in DATES} <= files and any(k.startswith("media/") for k in files)
    assert planned["sync"]["files"][-2:] in (["articles.xml", "feed.xml"], ["feed.xml", "articles.xml"])
    assert set(snapshot()) == set(folder_tree(out))

    # Unchanged: nothing to say, nothing done.
    planned, _ = dry_then_real(publish, out, snapshot)
    assert planned["sync"]["uploaded"] == 0 and planned["sync"]["unchanged"] == len(snapshot())

    # An edition rebuilt (new audio, new title): its files, a new audio version, pages, feeds.
    make_edition(out, DATES[1], title="更正版", article_seconds=2.0, frequency=523)
    planned, _ = dry_then_real([*publish, "--delete"], out, snapshot)
    assert any(k.startswith(f"media/{DATES[1]}/") for k in planned["sync"]["files"])
    assert "feed.xml" in planned["sync"]["files"] and planned["sync"]["deleted"] == []

    # The show renamed: a new generated cover, every page and both feeds.
    settings_file(tmp_path, title="晚间新闻")
    planned, _ = dry_then_real(publish, out, snapshot)
    assert "cover.jpg" in planned["sync"]["files"] and "index.html" in planned["sync"]["files"]

    # Rebuilt with other stories: pages under new names, the old ones gone locally and there.
    make_edition(out, DATES[2], headlines=("长江岸边的新码头", "冬小麦长势喜人", "一条短讯"))
    planned, _ = dry_then_real([*publish, "--delete"], out, snapshot)
    assert f"{DATES[2]}/articles/03-一条.html" in planned["sync"]["files"]
    assert f"{DATES[2]}/articles/01-黄河.html" in planned["sync"]["deleted"]

    # A configured PNG cover instead of the generated JPEG: one up, the other deleted.
    Image.new("RGB", (1400, 1400), (10, 120, 200)).save(tmp_path / "art.png", "PNG")
    settings_file(tmp_path, title="晚间新闻", extra='cover = "art.png"\n')
    planned, _ = dry_then_real([*publish, "--delete"], out, snapshot)
    assert "cover.png" in planned["sync"]["files"] and "cover.jpg" in planned["sync"]["deleted"]

    # --keep 1 --delete: two editions go, here and there (their audio versions stay their grace).
    planned, _ = dry_then_real([*publish, "--keep", "1", "--delete"], out, snapshot)
    assert planned["would_remove"] == [DATES[1], DATES[0]]
    assert {k.split("/")[0] for k in planned["sync"]["deleted"]} == {DATES[0], DATES[1]}
    assert not [k for k in snapshot() if k.startswith((f"{DATES[0]}/", f"{DATES[1]}/"))]


def test_a_first_publish_with_keep_counts_the_editions_it_finds(
    tmp_path: Path, target: tuple[str, Snapshot]
) -> None:
    to, snapshot = target
    settings = settings_file(tmp_path)
    out = tmp_path / "output"
    for date in DATES:
        make_edition(out, date)
    planned, real = dry_then_real(
        ["publish", "--config", str(settings), "--to", to, "--keep", "2", "--delete"], out, snapshot
    )
    assert planned["would_remove"] == [DATES[0]] and real["editions"] == [DATES[2], DATES[1]]
    assert not [k for k in snapshot() if k.startswith(DATES[0])]


@pytest.mark.parametrize("how", ["folder deleted", "audio cut short"])
def test_a_dry_run_holds_a_broken_editions_files_as_the_real_run_does(
    tmp_path: Path, target: tuple[str, Snapshot], how: str
) -> None:
    to, snapshot = target
    settings = settings_file(tmp_path)
    out = tmp_path / "output"
    for date in DATES:
        make_edition(out, date)
    invoke(["publish", "--config", str(settings), "--to", to])
    published = {k: v for k, v in snapshot().items() if DATES[2] in k}
    break_edition(out, DATES[2], how)
    command = ["publish", "--config", str(settings), "--to", to, "--keep", "1", "--delete"]

    text = CliRunner().invoke(main, [*command, "--dry-run"])
    assert text.exit_code == 0, text.output
    assert f"audio-edition: warning: {DATES[2]}: " in text.stderr  # as the real run warns
    assert DATES[2] not in text.stdout  # neither uploaded nor deleted

    planned, real = dry_then_real(command, out, snapshot)
    assert planned["broken"] == real["broken"] == [DATES[2]]
    assert planned["would_remove"] == [DATES[0]]  # --keep 1 counts intact editions
    assert not [k for k in [*planned["sync"]["files"], *planned["sync"]["deleted"]] if DATES[2] in k]
    assert {k: v for k, v in snapshot().items() if DATES[2] in k} == published  # the copy there is whole


@pytest.mark.parametrize("days", [0, 2.5])
def test_media_grace_days_is_how_long_superseded_audio_stays(tmp_path: Path, days: float) -> None:
    settings = settings_file(tmp_path, extra=f"[publish]\nmedia_grace_days = {days}\n")
    out = tmp_path / "output"
    make_edition(out, DATES[0])
    www = tmp_path / "www"
    publish = ["publish", "--config", str(settings), "--to", str(www), "--delete"]
    invoke(publish)
    old = {k for k in folder_tree(out) if k.startswith("media/")}
    make_edition(out, DATES[0], title="更正版", article_seconds=2.0, frequency=523)
    planned, real = dry_then_real(publish, out, lambda: folder_tree(www))
    if days == 0:  # gone at the first publish that no longer names them
        assert set(planned["would_remove_superseded"]) == old == set(planned["sync"]["deleted"])
        assert not [k for k in old if (out / k).exists()]
        return
    assert planned["would_remove_superseded"] == [] and all((out / k).is_file() for k in old)
    # Two days on, still there; a day later (past 2.5 days), removed, here and there, as said.
    record = tmp_path / ".audio-edition" / "media.json"
    for hours, gone in ((48, False), (24, True)):
        rows = json.loads(record.read_text(encoding="utf-8"))
        record.write_text(
            json.dumps(
                [dict(r, superseded=_earlier(r["superseded"], hours)) if r["superseded"] else r for r in rows]
            ),
            encoding="utf-8",
        )
        planned, _ = dry_then_real(publish, out, lambda: folder_tree(www))
        assert set(planned["would_remove_superseded"]) == (old if gone else set())
        assert set(planned["sync"]["deleted"]) == (old if gone else set())
        assert all((out / k).exists() != gone for k in old)


def _earlier(iso: str, hours: int) -> str:
    """An ISO time ``hours`` earlier: the record aged, as if that much time had passed."""
    return (datetime.fromisoformat(iso) - timedelta(hours=hours)).isoformat()


@pytest.mark.parametrize("value", ["-1", '"7"', "nan", "1e9", "true"])
def test_a_bad_media_grace_days_is_one_line_and_exit_2(tmp_path: Path, value: str) -> None:
    settings = settings_file(tmp_path, extra=f"[publish]\nmedia_grace_days = {value}\n")
    make_edition(tmp_path / "output", DATES[0])
    for dry in ([], ["--dry-run"]):
        result = CliRunner().invoke(main, ["publish", "--config", str(settings), *dry])
        assert result.exit_code == 2, result.output
        assert (
            result.stderr.count("\n") == 1
            and "publish.media_grace_days: must be a number of days" in result.stderr
        )
    assert not (tmp_path / "output" / "feed.xml").exists()
    assert not os.path.exists(tmp_path / "output" / "media")


def test_a_dry_run_says_when_the_real_run_would_first_repair_a_cut_short_build(tmp_path: Path) -> None:
    settings = settings_file(tmp_path)
    out = tmp_path / "output"
    make_edition(out, DATES[0])
    invoke(["publish", "--config", str(settings)])
    # A build killed between its two renames: the live folder gone, the previous one beside it.
    (out / DATES[0]).rename(out / f".previous-{DATES[0]}")
    before = output_state(out)
    dry = CliRunner().invoke(main, ["publish", "--config", str(settings), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert f"warning: {DATES[0]}: a build of it was cut short" in dry.stderr
    assert output_state(out) == before  # put back by the real run only
    real = CliRunner().invoke(main, ["publish", "--config", str(settings)])
    assert real.exit_code == 0 and (out / DATES[0] / "episode.mp3").is_file()
