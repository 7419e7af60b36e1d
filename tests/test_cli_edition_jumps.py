"""Two- and three-page fixture editions with jumps, end to end through `build --dry-run --json`
and `clean --json`: one programme, each jumped article once, whole, where it starts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from audio_edition.cli import main

EDITIONS = Path(__file__).parent / "fixtures" / "editions"
TWO = [EDITIONS / "2023-12-26-02.txt", EDITIONS / "2023-12-26-01.txt"]  # given out of order
THREE = [EDITIONS / f"2023-12-27-0{n}.txt" for n in (3, 1, 2)]


def dry_run(paths: list[Path], tmp_path: Path) -> dict[str, Any]:
    result = CliRunner().invoke(
        main,
        ["build", "--dry-run", "--json", "--engine", "offline", "--out", str(tmp_path), *map(str, paths)],
    )
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def cleaned(paths: list[Path]) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["clean", "--json", *map(str, paths)])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def said(track: dict[str, Any]) -> str:
    return "".join(track["spoken"])


def test_a_two_page_edition_is_one_programme_with_its_jump_stitched(tmp_path: Path) -> None:
    plan = dry_run(TWO, tmp_path)
    assert plan["date"] == "2023-12-26"
    titles = [t["title"] for t in plan["tracks"]][1:-1]
    assert titles[:2] == ["全区冬季供暖保障平稳有序", "乌兰察布冷链物流园投入使用"]
    assert [t[:7] for t in titles[2:]] == ["简讯1：赤峰市", "简讯2：通辽市"]
    heating = plan["tracks"][1]
    # Spoken once, where it starts: the front part's dateline, then the sentence the jump cut.
    assert heating["spoken"][0] == "全区冬季供暖保障平稳有序" and "呼和浩特" in heating["spoken"][1]
    assert "对困难群众家庭逐户上门检查供热设施，确保温暖过冬。" in said(heating)
    assert said(heating).endswith("保障群众温暖过冬。")
    assert not any("下转" in s or "上接" in s for t in plan["tracks"] for s in t["spoken"])
    assert sum(said(t).count("逐户上门检查") for t in plan["tracks"]) == 1
    assert [w for w in plan["warnings"] if "jump" in w["message"]] == []


def test_clean_records_each_article_s_pages(tmp_path: Path) -> None:
    data = cleaned(TWO)
    assert data["sources"] == [str(p) for p in reversed(TWO)]  # page order, from the file names
    assert [(a["headline"], a["pages"]) for a in data["articles"]] == [
        ("全区冬季供暖保障平稳有序", [1, 2]),
        ("乌兰察布冷链物流园投入使用", [1]),
        (None, [2]),
        (None, [2]),
    ]
    heating = data["articles"][0]
    assert (heating["dateline"], heating["byline"]) == ("本报呼和浩特12月25日电", "记者 李明")
    # The jump cut a paragraph mid-word (确保 / 温暖过冬): one paragraph again.
    ends = [(p[:4], p[-7:]) for p in heating["paragraphs"]]
    assert ends == [
        ("入冬以来", "供暖运行平稳。"),
        ("据了解，", "确保温暖过冬。"),
        ("自治区住", "群众温暖过冬。"),
    ]
    assert heating["continued_from_page"] is None and heating["continued_on_page"] is None
    assert [p["number"] for p in data["pages"]] == [1, 2]


def test_a_three_page_edition_follows_the_article_over_every_page(tmp_path: Path) -> None:
    plan = dry_run(THREE, tmp_path)
    titles = [t["title"] for t in plan["tracks"]][1:-1]
    assert titles == [
        "草原生态保护修复取得新成效",
        "包头首条城市快速路全线通车",
        "冰雪运动进校园活动火热开展",
    ]
    grass = said(plan["tracks"][1])
    for words in ("今年以来", "牧民们正在补播草籽", "草原管护员制度", "牧民增收协同共进"):
        assert grass.count(words) == 1
    assert grass.index("今年以来") < grass.index("补播草籽") < grass.index("管护员") < grass.index("牧民增收")
    assert not any("下转" in s or "上接" in s for t in plan["tracks"] for s in t["spoken"])
    # The last page's other jump comes from page 4, which is not among the pages: kept, and named.
    jumps = [w for w in plan["warnings"] if "jump" in w["message"]]
    assert [
        (w["source"], "“冰雪运动进校园活动火热开展” continues from page 4" in w["message"]) for w in jumps
    ] == [(str(EDITIONS / "2023-12-27-03.txt"), True)]
    data = cleaned(THREE)
    assert [a["pages"] for a in data["articles"]] == [[1, 2, 3], [1], [3]]
    assert [p[:4] for p in data["articles"][0]["paragraphs"]] == [
        "今年以来",
        "在正镶白",
        "该盟创新",
        "据介绍，",
    ]
    assert data["articles"][0]["subheads"] == []
    assert data["articles"][2]["continued_from_page"] == 4


def test_lexicon_check_reads_the_pages_as_one_edition(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon.toml"
    lexicon.write_text('[[entry]]\ntext = "应急预案"\npinyin = "ying4 ji2 yu4 an4"\n', encoding="utf-8")
    result = CliRunner().invoke(
        main, ["lexicon", "check", "--json", "--lexicon", str(lexicon), *map(str, TWO)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)  # one document for the edition, not one per page
    assert report["sources"] == [str(EDITIONS / "2023-12-26-01.txt"), str(EDITIONS / "2023-12-26-02.txt")]
    (hit,) = [h for h in report["hits"] if h["text"] == "应急预案"]
    # Printed on page 2 after the jump, it belongs to page 1's article, the edition's first.
    assert (hit["article"], hit["headline"]) == (1, "全区冬季供暖保障平稳有序")
