"""Installed as users install it: a built wheel in a fresh venv, run from a folder far from the repo.

The wheel must carry the voice presets and the default lexicon (package data): nothing may be found
by walking up from the source tree. The fresh venv gets its dependencies from this test run's own
site-packages through a ``.pth`` line, so the test downloads nothing; the editable install's hook
there is not run (a ``.pth`` inside a path added that way is never read).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "articles" / "2023-12-25.txt"


def clean_checkout(into: Path) -> Path:
    """The project's files as a fresh clone has them (tracked or new, not ignored), without the
    ``build/`` and ``*.egg-info`` leftovers of earlier installs, which would hide a missing
    package-data line."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = REPO / name
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the work tree, not yet committed
        (into / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, into / name, follow_symlinks=False)
    return into


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    source = clean_checkout(tmp_path_factory.mktemp("checkout"))
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(dist),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (found,) = dist.glob("audio_edition-*.whl")
    return found


@pytest.fixture(scope="module")
def fresh(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with the wheel installed; returns its bin folder."""
    root = tmp_path_factory.mktemp("venv")
    venv.create(root, with_pip=False)
    python = root / "bin" / "python"
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert installed.returncode == 0, installed.stderr
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "dependencies.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    return root / "bin"


def far_from_the_repo() -> dict[str, str]:
    """This environment without what points at a checkout (a test run may set PYTHONPATH to one)."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


def run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bin_dir / "audio-edition"), *args],
        cwd=cwd,
        env=far_from_the_repo(),
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_wheel_carries_every_preset_and_the_lexicon(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        shipped = {Path(n).name for n in archive.namelist() if n.startswith("audio_edition/voices/")}
    in_repo = {p.name for p in (REPO / "audio_edition" / "voices").glob("*.toml")}
    assert "lexicon.toml" in in_repo and "xiaoxiao.toml" in in_repo
    assert in_repo <= shipped


def test_the_installed_tool_runs_from_anywhere(fresh: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [str(fresh / "python"), "-c", "import audio_edition; print(audio_edition.__file__)"],
        cwd=tmp_path,
        env=far_from_the_repo(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(fresh.parent)), where  # the wheel's copy, not the repository's

    listed = run(fresh, tmp_path, "voices", "--json")
    assert listed.returncode == 0, listed.stderr
    presets = {p["name"]: p for p in json.loads(listed.stdout)}
    assert {"xiaoxiao", "yunyang", "offline", "offline-fast", "kokoro-yunyang"} <= set(presets)
    assert not any(p["yours"] for p in presets.values())

    page = tmp_path / "2023-12-25.txt"
    page.write_bytes(SAMPLE.read_bytes())
    planned = run(
        fresh,
        tmp_path,
        "build",
        "--dry-run",
        "--json",
        "--engine",
        "offline",
        "--voice",
        "offline-fast",
        page.name,
    )
    assert planned.returncode == 0, planned.stderr
    plan = json.loads(planned.stdout)
    assert plan["date"] == "2023-12-25" and len(plan["tracks"]) >= 10
    # The shipped lexicon is read: it has 六安 said as 陆安.
    spoken = run(fresh, tmp_path, "normalize", "六安")
    assert spoken.returncode == 0 and spoken.stdout.strip() == "陆安", spoken.stderr


def test_the_editors_voices_folder_overrides_the_installed_presets(fresh: Path, tmp_path: Path) -> None:
    (tmp_path / "voices").mkdir()
    (tmp_path / "voices" / "yunyang.toml").write_text(
        'engine = "kokoro"\nvoice = "zm_yunyang"\ngender = "male"\ndescription = "ours"\n', encoding="utf-8"
    )
    listed = run(fresh, tmp_path, "voices", "--json")
    assert listed.returncode == 0, listed.stderr
    presets = {p["name"]: p for p in json.loads(listed.stdout)}
    assert presets["yunyang"]["yours"] and presets["yunyang"]["engine"] == "kokoro"
    assert presets["yunyang"]["commercial_use"] is True
