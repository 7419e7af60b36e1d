"""Private state never goes public: a state folder inside the output folder is refused however
it is named, folders are compared resolved, and ``publish --to`` and ``serve`` share one rule
for what is public."""

from __future__ import annotations

import http.client
import io
import os
import string
from pathlib import Path

import podcastparser
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audio_edition.cli import main
from audio_edition.errors import ConfigError
from audio_edition.places import Places
from audio_edition.publish import Show, publish_catalog
from audio_edition.publish.public import public_path
from audio_edition.publish.serve import NotFound, resolve_request_path
from audio_edition.publish.sync import public_files
from tests.publish.conftest import start_server
from tests.publish.fixture_editions import make_edition

PUBLIC = "https://podcast.example.org/evening/"


def show(tmp_path: Path, extra: str = "") -> tuple[Path, Path]:
    settings_file = tmp_path / "proj" / "audio-edition.toml"
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(
        f'[show]\ntitle = "晚间新闻"\nbase_url = "{PUBLIC}"\nauthor = "晚报编辑部"\nowner_name = "晚报编辑部"\nowner_email = "desk@podcast.example.org"\n{extra}',
        encoding="utf-8",
    )
    out = tmp_path / "proj" / "output"
    make_edition(out, "2023-12-25")
    return settings_file, out


def private_traces(out: Path) -> list[str]:
    return [
        str(p.relative_to(out))
        for p in out.rglob("*")
        if p.name in ("state.json", "catalog.sqlite3", ".lock") or p.name == "cache"
    ]


_HOWS = [
    "--state output/private",
    "--state output",
    "env",
    "settings",
    "--state through a symlink",
    "--state output/./x/..",
]


# serve takes no --state: its state comes from the environment or the settings.
@pytest.mark.parametrize(
    "command, how",
    [
        (c, h)
        for c in ("publish", "build", "serve", "catalog rebuild", "remove")
        for h in _HOWS
        if c != "serve" or not h.startswith("--state")
    ],
)
def test_a_state_folder_inside_the_output_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str, command: str
) -> None:
    settings_file, out = show(tmp_path, '[build]\nstate = "output/private"\n' if how == "settings" else "")
    proj = settings_file.parent
    monkeypatch.chdir(proj)
    monkeypatch.delenv("AUDIO_EDITION_STATE", raising=False)
    args: list[str] = []
    if how == "env":
        monkeypatch.setenv("AUDIO_EDITION_STATE", "output/x")
    elif how == "--state through a symlink":
        (proj / "elsewhere").symlink_to(out, target_is_directory=True)
        args = ["--state", "elsewhere/private"]
    elif how.startswith("--state"):
        args = ["--state", how.split()[1]]
    line = {
        "publish": ["publish", *args],
        "build": ["build", *args, str(proj / "page.txt")],
        "serve": ["serve", "output", *args],
        "catalog rebuild": ["catalog", "rebuild", *args],
        "remove": ["remove", "2023-12-25", *args],
    }[command]
    if command == "build":
        (proj / "page.txt").write_text("本报讯 一段正文。\n", encoding="utf-8")
    result = CliRunner().invoke(main, line)
    assert result.exit_code == 2, result.output
    assert "is inside the output folder" in result.stderr and result.stderr.count("\n") == 1
    assert private_traces(out) == []


def test_places_compare_resolved_paths(tmp_path: Path) -> None:
    out = tmp_path / "a" / "output"
    with pytest.raises(ConfigError, match="inside the output folder"):
        Places(out, tmp_path / "a" / "b" / ".." / "output" / "state")
    Places(out, tmp_path / "a" / ".audio-edition")  # beside it: fine


@pytest.mark.parametrize("name", ["through ..", "through a symlink"])
def test_an_output_folder_named_another_way_is_published_with_its_own_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    settings_file, out = show(tmp_path)
    monkeypatch.chdir(settings_file.parent)
    assert CliRunner().invoke(main, ["publish"]).exit_code == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    if name == "through ..":
        given = Path("..") / "proj" / "output"
    else:
        (elsewhere / "link").symlink_to(out, target_is_directory=True)
        given = Path("link")
    (out / "feed.xml").unlink()
    result = CliRunner().invoke(main, ["publish", str(given)])
    assert result.exit_code == 0, result.output
    feed = podcastparser.parse(PUBLIC, io.BytesIO((out / "feed.xml").read_bytes()))
    assert feed["title"] == "晚间新闻"
    assert feed["episodes"][0]["enclosures"][0]["url"].startswith(PUBLIC)
    assert not (elsewhere / ".audio-edition").exists()


# --- one rule for what is public ------------------------------------------------------------

_NAME = st.one_of(
    st.sampled_from(
        [
            ".lock",
            "catalog.sqlite3",
            "CATALOG.SQLITE3",
            "x.sqlite3-journal",
            "a.part",
            ".hidden",
            ".staging-2023",
            "state.json",
            "edition.lock",
            "episode.mp3",
            "feed.xml",
            "index.html",
            "cover.jpg",
            "notes.txt",
        ]
    ),
    st.text(alphabet=string.ascii_letters + string.digits + "._-", min_size=1, max_size=12),
).filter(lambda n: n not in (".", ".."))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    files=st.lists(
        st.tuples(st.sampled_from(["", "2023-12-25/", ".staging-x/", "sub/", "state.json/"]), _NAME),
        min_size=1,
        max_size=12,
    ),
    links=st.lists(st.tuples(_NAME, st.integers(0, 11)), max_size=4),
)
def test_publish_and_serve_agree_on_what_is_public(
    tmp_path_factory: pytest.TempPathFactory, files: list[tuple[str, str]], links: list[tuple[str, int]]
) -> None:
    root = tmp_path_factory.mktemp("out")
    made: list[str] = []
    for folder, name in files:
        path = root / folder / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                path.write_bytes(b"x")
                made.append(f"{folder}{name}")
        except (FileExistsError, NotADirectoryError, IsADirectoryError):
            continue
    for name, index in links:  # symlinks under any name to files made above
        link = root / name
        if not os.path.lexists(link):
            link.symlink_to(root / made[index % len(made)])
    uploaded = {f.key for f in public_files(root)}
    real_root = os.path.realpath(root)
    served = set()
    for path in root.rglob("*"):
        relative = path.relative_to(root).as_posix()
        if "/" in relative and path.parent.is_symlink():
            continue  # folders reached through a symlink are not walked (documented)
        try:
            real = resolve_request_path(real_root, "/" + relative)
        except NotFound:
            continue
        if os.path.isfile(real):
            served.add(relative)
    assert uploaded == served
    for key in uploaded:
        assert public_path(real_root, os.path.join(real_root, key)) is not None
        assert not {"state.json", ".lock", "catalog.sqlite3"} & set(key.lower().split("/"))


def test_serve_refuses_what_publish_to_leaves_out(tmp_path: Path) -> None:
    out = tmp_path / "output"
    make_edition(out, "2023-12-25")
    publish_catalog(out, Show(base_url=PUBLIC))
    (out / "state.json").write_text("{}", encoding="utf-8")
    (out / "2023-12-25" / "episode.mp3.part").write_bytes(b"partial")
    keys = {f.key for f in public_files(out)}
    assert "state.json" not in keys and "2023-12-25/episode.mp3.part" not in keys
    server_iter = start_server(out)
    server = next(server_iter)
    try:
        for path, wanted in (("/state.json", 404), ("/2023-12-25/episode.mp3.part", 404), ("/feed.xml", 200)):
            connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=5)
            connection.request("GET", path)
            assert connection.getresponse().status == wanted, path
            connection.close()
    finally:
        next(server_iter, None)
