"""Peer projects' Chinese text-normalization suites (NeMo, WeTextProcessing), read in place.

Every in-scope case reads as the suite expects, or as the reading ``peer_suites.ACCEPTED`` names;
and wherever wetext alone reads a case right, our pre-pass must not make it wrong.
"""

from __future__ import annotations

import pytest
from wetext import Normalizer

from audio_edition.text.lexicon import Lexicon
from audio_edition.text.spoken import SpokenReader
from tests.text.peer_suites import (
    ACCEPTED,
    OUT_OF_SCOPE,
    PEER_SUITES,
    SUITES,
    PeerCase,
    canonical,
    in_scope,
    load_cases,
    misreadings,
    reads_right,
)

pytestmark = pytest.mark.skipif(
    not PEER_SUITES.is_dir(), reason=f"peer suites not found at {PEER_SUITES} (../shared/peer_suites)"
)


@pytest.fixture(scope="module")
def reader() -> SpokenReader:
    return SpokenReader(Lexicon())  # the number reader, not an editor's entries


@pytest.fixture(scope="module")
def wetext_alone() -> Normalizer:
    return Normalizer(lang="zh", operator="tn")


def all_cases() -> list[PeerCase]:
    return [case for suite in SUITES for case in load_cases(suite)] if PEER_SUITES.is_dir() else []


def test_the_suites_are_whole() -> None:
    counts = {suite: len(load_cases(suite)) for suite in SUITES}
    assert counts == {"nemo_zh_tn": 367, "wetext_zh_tn": 141}


def test_every_table_entry_names_a_real_case() -> None:
    written = {(case.suite, case.written) for case in all_cases()}
    assert set(ACCEPTED) <= written
    assert set(OUT_OF_SCOPE) <= written


def test_an_accepted_reading_is_not_the_suites_own() -> None:
    # An entry that the suite's reading already matches is dead weight: the table stays small.
    by_key = {(case.suite, case.written): case for case in all_cases()}
    for key, (reading, reason) in ACCEPTED.items():
        assert reason
        assert canonical(reading) != canonical(by_key[key].spoken), key


def test_scoring_catches_a_misreading() -> None:
    case = PeerCase("nemo_zh_tn", "x.txt", 1, "-1/3", "负三分之一")
    assert reads_right(case, "负三分之一")
    assert not reads_right(case, "三分之负一")
    assert not reads_right(PeerCase("nemo_zh_tn", "x.txt", 1, "2年后", "两年后"), "二年后")


@pytest.mark.parametrize("suite", SUITES)
def test_every_case_reads_right(reader: SpokenReader, suite: str) -> None:
    wrong = misreadings(reader.speak, load_cases(suite))
    report = "\n".join(
        f"{case.where}: {case.written!r} → {said!r}, want {case.spoken!r}" for case, said in wrong
    )
    assert not wrong, f"{len(wrong)} misreadings:\n{report}"


@pytest.mark.parametrize("suite", SUITES)
def test_the_pre_pass_never_spoils_what_wetext_reads_right(
    reader: SpokenReader, wetext_alone: Normalizer, suite: str
) -> None:
    spoiled = [
        (case, reader.speak(case.written))
        for case in in_scope(load_cases(suite))
        if reads_right(case, wetext_alone.normalize(case.written))
        and not reads_right(case, reader.speak(case.written))
    ]
    report = "\n".join(f"{case.where}: {case.written!r} → {said!r}" for case, said in spoiled)
    assert not spoiled, f"wetext alone reads these right, we do not:\n{report}"
