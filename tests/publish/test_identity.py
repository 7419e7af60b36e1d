"""Story identity through corrections and moves, replayed against a gPodder-like client.

An editor's review round trip rebuilds an edition several times; a subscriber's app polls the
feeds in between (podcastparser over each successive feed, files fetched over real HTTP from
``serve``). No guid may move to another story, no story may be listed twice, changed audio must
be fetched again and unchanged audio not.
"""

from __future__ import annotations

import io
import json
import shutil
import urllib.request
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

import podcastparser
from hypothesis import given, settings
from hypothesis import strategies as st

from audio_edition.audio.manifest import ArticleFile, Chapter, EditionManifest, SourceFile
from audio_edition.publish import Show, publish_catalog, publish_edition
from audio_edition.publish.identity import Story, match_stories, similarity
from audio_edition.publish.serve import EditionServer

from .fixture_editions import make_mp3

SHOW_ID = "0f9c3a2e-7d1b-4c55-9e0a-3b6f1d2c4e5f"

LEAD = (
    "我区第一次举办冰雪运动会",
    (
        "本报讯 12月24日，我区第一次举办冰雪运动会，全区三千余名群众参加了滑雪、冰壶和雪地拔河等十二个项目的比赛。"
        "运动会持续三天，各旗县代表队同场竞技。"
    ),
)
BRIEF_A = (
    "新右旗开展冬季消防安全检查，检查组深入商场、学校和养老院等人员密集场所，排查隐患二十三处，当场整改十九处。"
    "（王丽）"
)
BRIEF_B = (
    "鄂托克旗举办农牧民职业技能培训班，二百余名农牧民学习了牛羊养殖、饲草种植和电商销售等实用技术。（郝园园）"
)


def article(headline: str, body: str, printed_headline: bool = True) -> tuple[str, str]:
    """(headline as the feed shows it, text as printed: headline line first when printed)."""
    return headline, (f"{headline}\n{body}" if printed_headline else body)


def build(out: Path, date: str, stories: list[tuple[str, str]]) -> EditionManifest:
    """An edition as the episode stage writes it; each story's audio depends on its text and
    headline only, as the speech does (the same words give the same bytes)."""
    folder = out / date
    if folder.exists():
        shutil.rmtree(folder)  # a rebuild replaces the folder, as the build's swap does
    articles = []
    for number, (headline, text) in enumerate(stories, start=1):
        audio = f"articles/{number:02d}-{'brief' if headline.startswith('简讯') else headline[:4]}.mp3"
        make_mp3(folder / audio, 1.0, 200 + zlib.crc32((headline + text).encode()) % 800)
        transcript = audio.removesuffix(".mp3") + ".vtt"
        (folder / transcript).write_text("WEBVTT\n\n", encoding="utf-8")
        articles.append(
            ArticleFile(number, headline, audio, transcript, 1.0, (folder / audio).stat().st_size, text)
        )
    make_mp3(folder / "episode.mp3", 1.0 + len(stories), 200 + zlib.crc32(json.dumps(stories).encode()) % 800)
    (folder / "episode.chapters.json").write_text('{"version": "1.2.0", "chapters": []}')
    (folder / "episode.vtt").write_text("WEBVTT\n\n")
    (folder / "episode.srt").write_text("")
    manifest = EditionManifest(
        date=date,
        title=f"有声日报 {date}",
        episode="episode.mp3",
        episode_size=(folder / "episode.mp3").stat().st_size,
        duration=1.0 + len(stories),
        chapters_json="episode.chapters.json",
        transcript_vtt="episode.vtt",
        transcript_srt="episode.srt",
        chapters=tuple(Chapter(h, float(i), i + 1.0, article=i) for i, (h, _) in enumerate(stories, 1)),
        articles=tuple(articles),
        engine="kokoro",
        voice="zf",
        sources=(SourceFile("a.txt", "0" * 64),),
        built_at=f"{date}T05:00:00+08:00",
    )
    (folder / "edition.json").write_text(manifest.to_json(), encoding="utf-8")
    return manifest


def json_articles(manifest: Path) -> tuple[ArticleFile, ...]:
    return EditionManifest.from_json(manifest.read_text(encoding="utf-8")).articles


@dataclass
class Episode:
    title: str
    url: str
    fetched: bytes
    fetches: int = 1


@dataclass
class Client:
    """What gPodder keeps of a subscription: episodes by guid, each with its downloaded file;
    an episode whose enclosure URL changes is downloaded again."""

    feed_url: str
    episodes: dict[str, Episode] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    """The guids as the last poll listed them (podcastparser: newest first)."""

    def poll(self) -> list[str]:
        """Read the feed and download what is new or moved; returns the guids fetched."""
        with urllib.request.urlopen(self.feed_url) as response:
            feed = podcastparser.parse(self.feed_url, io.BytesIO(response.read()))
        fetched = []
        self.order = []
        for item in feed["episodes"]:
            guid, url = item["guid"], item["enclosures"][0]["url"]
            self.order.append(guid)
            known = self.episodes.get(guid)
            if known is None or known.url != url:
                with urllib.request.urlopen(url) as response:
                    body = response.read()
                assert len(body) == item["enclosures"][0]["file_size"]
                fetches = 1 if known is None else known.fetches + 1
                self.episodes[guid] = Episode(item["title"], url, body, fetches)
                fetched.append(guid)
            else:
                known.title = item["title"]
        return fetched


def test_an_editors_corrections_move_no_guid_and_refetch_only_changed_audio(
    output_dir: Path, server: EditionServer
) -> None:
    show = Show(base_url=server.url, id=SHOW_ID)
    date = "2023-12-25"
    lead, a, b = article(*LEAD), ("简讯一", BRIEF_A), ("简讯二", BRIEF_B)
    publish_edition(output_dir, build(output_dir, date, [lead, a, b]), show)
    client = Client(server.url + "articles.xml")
    assert len(client.poll()) == 3
    by_story = {title: guid for guid, title in ((g, e.title) for g, e in client.episodes.items())}
    guid_lead, guid_a, guid_b = by_story[LEAD[0]], by_story["简讯一"], by_story["简讯二"]
    assert client.order[0] == guid_lead  # newest first: the lead story on top
    audio_a = client.episodes[guid_a].fetched

    # Review round 1: brief A is given a headline, so brief B becomes the first headline-less
    # brief (its made title moves to 简讯一); the lead's headline is corrected 第一次 → 首次.
    lead2 = article(LEAD[0].replace("第一次", "首次"), LEAD[1].replace("第一次", "首次"))
    a2 = article("新右旗排查消防隐患", BRIEF_A)
    b2 = ("简讯一", BRIEF_B)
    publish_edition(output_dir, build(output_dir, date, [lead2, a2, b2]), show)
    fetched = client.poll()
    assert len(client.episodes) == 3  # no story listed twice
    assert client.episodes[guid_a].title == "新右旗排查消防隐患"
    assert client.episodes[guid_b].title == "简讯一" and client.episodes[guid_lead].title.startswith(
        "我区首次"
    )
    # The audio that changed is fetched again (its address changed); each guid's new audio is
    # its own story's, never the other brief's.
    assert set(fetched) == {guid_lead, guid_a, guid_b}
    assert client.episodes[guid_a].fetched != audio_a
    folder = output_dir / date
    heard = {a.headline: (folder / a.audio).read_bytes() for a in json_articles(folder / "edition.json")}
    for guid, headline in ((guid_lead, lead2[0]), (guid_a, a2[0]), (guid_b, "简讯一")):
        assert client.episodes[guid].fetched == heard[headline]  # its own story's audio
    # Corrections say so.
    with urllib.request.urlopen(server.url + "articles.xml") as response:
        feed = podcastparser.parse(server.url + "articles.xml", io.BytesIO(response.read()))
    descriptions = {e["guid"]: e["description"] for e in feed["episodes"]}
    assert descriptions[guid_lead].startswith("【更正 ") and descriptions[guid_a].startswith("【更正 ")
    assert not descriptions[guid_b].startswith("【更正")  # only its made title moved

    # A rebuild that changes nothing: nothing fetched again.
    publish_edition(output_dir, build(output_dir, date, [lead2, a2, b2]), show)
    assert client.poll() == []
    # The briefs swapped on the page: guids follow the stories, not their places.
    publish_edition(output_dir, build(output_dir, date, [lead2, ("简讯一", BRIEF_B), a2]), show)
    client.poll()
    assert len(client.episodes) == 3 and client.order[0] == guid_lead
    assert client.episodes[guid_a].title == "新右旗排查消防隐患"

    # The next day's edition, with briefs of its own: no download name collides with any.
    publish_edition(output_dir, build(output_dir, "2023-12-26", [lead, ("简讯一", BRIEF_A)]), show)
    client.poll()
    names = [PurePosixPath(e.url).name for e in client.episodes.values()]
    assert len(names) == len(set(names)) == 5
    assert all(name.startswith(("2023-12-25-", "2023-12-26-")) for name in names)
    # The catalog rebuilt from scratch (a lost state folder): still the same guids.
    shutil.rmtree(output_dir.parent / ".audio-edition")
    publish_catalog(output_dir, show)
    assert client.poll() == [] and len(client.episodes) == 5


def test_the_edition_feed_names_the_edition_by_date(output_dir: Path, server: EditionServer) -> None:
    show = Show(base_url=server.url, id=SHOW_ID)
    for date in ("2023-12-25", "2023-12-26"):
        publish_edition(output_dir, build(output_dir, date, [article(*LEAD)]), show)
    client = Client(server.url + "feed.xml")
    client.poll()
    assert sorted(PurePosixPath(e.url).name for e in client.episodes.values()) == [
        "2023-12-25-edition.mp3",
        "2023-12-26-edition.mp3",
    ]


def test_a_show_without_an_id_keeps_its_podcast_guid(output_dir: Path) -> None:
    publish_edition(output_dir, build(output_dir, "2023-12-25", [article(*LEAD)]), Show())
    first = podcastparser.parse("x", io.BytesIO((output_dir / "feed.xml").read_bytes()))
    publish_catalog(output_dir, Show(base_url="https://podcast.example.org/"))
    again = podcastparser.parse("x", io.BytesIO((output_dir / "feed.xml").read_bytes()))
    assert [e["guid"] for e in first["episodes"]] == [e["guid"] for e in again["episodes"]]
    assert b"<podcast:guid>" in (output_dir / "feed.xml").read_bytes()


_HAN = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=30, max_size=120)


@settings(max_examples=40, deadline=None)
@given(bodies=st.lists(_HAN, min_size=2, max_size=6, unique=True), data=st.data())
def test_any_reorder_keeps_each_storys_guid(bodies: list[str], data: st.DataObject) -> None:
    # Random texts share few bigrams: the property is that a permutation, with one character
    # of each story changed, maps every guid to its own story.
    now = datetime(2023, 12, 25, tzinfo=UTC)
    first = [ArticleFile(i, f"简讯{i}", f"a/{i}.mp3", "", 1.0, 1, body) for i, body in enumerate(bodies, 1)]
    old = match_stories((), first, "0f9c3a2e-7d1b-4c55-9e0a-3b6f1d2c4e5f", now)
    order = data.draw(st.permutations(range(len(bodies))))
    changed = [bodies[j][:-1] + "改" for j in order]
    second = [ArticleFile(i, f"简讯{i}", f"a/{i}.mp3", "", 1.0, 1, body) for i, body in enumerate(changed, 1)]
    new = match_stories(old, second, "0f9c3a2e-7d1b-4c55-9e0a-3b6f1d2c4e5f", now)
    for story, j in zip(new, order):
        if similarity(bodies[j], changed[order.index(j)]) >= 0.5:
            assert story.guid == old[j].guid
    assert len({s.guid for s in new}) == len(new)


def test_a_new_story_gets_a_new_guid_and_a_dropped_one_leaves() -> None:
    now = datetime(2023, 12, 25, tzinfo=UTC)
    old = (Story(1, "g-a", "简讯一", BRIEF_A), Story(2, "g-b", "简讯二", BRIEF_B))
    new = match_stories(
        old,
        [ArticleFile(1, "简讯一", "a.mp3", "", 1.0, 1, LEAD[1])],
        "0f9c3a2e-7d1b-4c55-9e0a-3b6f1d2c4e5f",
        now,
    )
    assert new[0].guid not in ("g-a", "g-b") and new[0].corrected is None


def test_stories_read_back_from_a_feed_match_though_their_text_was_cut() -> None:
    now = datetime(2023, 12, 25, tzinfo=UTC)
    long_body = "".join(
        f"第{n}段：呼和浩特市今年新建改造城市道路{n}条，惠及沿线居民{n * 7}户。" for n in range(1, 600)
    )
    article_ = ArticleFile(1, "城市道路", "a.mp3", "", 1.0, 1, "城市道路\n" + long_body)
    brief = ArticleFile(2, "简讯一", "b.mp3", "", 1.0, 1, BRIEF_B)
    # As the feed gives them: the description cut at 4000 characters, in the feed's order.
    recovered = (
        Story(1, "g-brief", "简讯一", BRIEF_B),
        Story(2, "g-long", "城市道路", ("城市道路\n" + long_body)[:4000]),
    )
    stories = match_stories(
        recovered, [article_, brief], "0f9c3a2e-7d1b-4c55-9e0a-3b6f1d2c4e5f", now, flag_changes=False
    )
    assert [s.guid for s in stories] == ["g-long", "g-brief"] and not any(s.corrected for s in stories)
