"""Agency names: normalisation, aliases and fuzzy resolution (no database)."""

from __future__ import annotations

import pytest

from core.agency import AgencyEntry, AgencyIndex, aliases, normalise, office_kind, split_name

NAMES = [
    "硚口区司法局",
    "东风区司法局",
    "正宁县司法局",
    "许昌市司法局",
    "区司法局",
    "东丰县司法局",
    "硚口区公安局",
]


@pytest.fixture
def index() -> AgencyIndex:
    return AgencyIndex(
        [AgencyEntry(i, n, normalise(n), tuple(aliases(n))) for i, n in enumerate(NAMES)]
    )


def test_normalising_folds_widths_and_drops_spaces_and_punctuation():
    assert normalise(" （尧都）区 司法局\u3000") == "尧都区司法局"
    assert normalise("ＡＢＣ司法局") == "abc司法局"


def test_a_name_splits_into_place_and_office_kind():
    assert split_name("硚口区司法局") == ("硚口区", "司法局")
    assert split_name("清河市生态环境局") == ("清河市", "生态环境局")


def test_the_alias_drops_the_administrative_level():
    assert aliases("硚口区司法局") == ["硚口司法局"]
    assert aliases("区司法局") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("硚口区司法局2024年收到多少申请", "硚口区司法局"),
        ("桥口区司法局2024年收到多少申请", "硚口区司法局"),
        ("乔口区司法局", "硚口区司法局"),
        ("硚口司法局", "硚口区司法局"),
        ("许昌司法局2023", "许昌市司法局"),
        ("how many applications did 许昌市司法局 receive", "许昌市司法局"),
        ("区司法局2019年报告", "区司法局"),
        ("硚口区公安局", "硚口区公安局"),
    ],
)
def test_an_agency_is_found_in_a_question_even_misspelt(index, text, expected):
    assert index.resolve(text).agency.name == expected


def test_two_equally_close_names_are_offered_as_a_choice(index):
    res = index.resolve("东风县司法局申请")
    assert res.agency is None
    assert sorted(c.name for c in res.choices) == ["东丰县司法局", "东风区司法局"]


@pytest.mark.parametrize(
    "text", ["2023年哪些司法局收到的申请最多", "今天天气怎么样", "which justice bureaus"]
)
def test_a_question_naming_no_agency_resolves_to_none(index, text):
    res = index.resolve(text)
    assert (res.agency, res.choices) == (None, [])


def test_the_office_kind_of_a_ranking_question():
    assert office_kind("2023年哪些司法局收到的申请最多") == "司法局"
    assert office_kind("Which justice bureaus received the most") == "司法局"
    assert office_kind("2023年申请最多的机关") is None
