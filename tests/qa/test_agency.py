"""Agency names: structure, the ways people write them, and finding the
agencies a question names among stored ones (no database)."""

from __future__ import annotations

import pytest

from core.agency import aliases, normalise, office_kind, parse_name, surfaces
from core.agency_index import AgencyEntry, AgencyIndex

NAMES = [
    "硚口区司法局",
    "东风区司法局",
    "正宁县司法局",
    "许昌市司法局",
    "区司法局",
    "东丰县司法局",
    "硚口区公安局",
    "洪泽区人民政府",
    "平潭综合实验区交通与建设局",
    "平潭综合实验区社会事业局",
    "平潭综合实验区",
    "上海市科学技术委员会",
    "上海市",
]


@pytest.fixture(scope="module")
def index() -> AgencyIndex:
    return AgencyIndex(
        [AgencyEntry(i, n, normalise(n), tuple(aliases(n))) for i, n in enumerate(NAMES)]
    )


def found(index: AgencyIndex, text: str) -> list[tuple[str, str, list[str]]]:
    _, mentions = index.find(text)
    return [(m.text, m.how, sorted(e.name for e in m.candidates)) for m in mentions]


def test_normalising_folds_widths_and_drops_spaces_and_punctuation():
    assert normalise(" （尧都）区 司法局\u3000") == "尧都区司法局"
    assert normalise("ＡＢＣ司法局") == "abc司法局"


@pytest.mark.parametrize(
    ("name", "regions", "kind"),
    [
        ("硚口区司法局", ["硚口区"], "司法局"),
        ("淮安市洪泽区人民政府", ["淮安市", "洪泽区"], "人民政府"),
        ("平潭综合实验区交通与建设局", ["平潭综合实验区"], "交通与建设局"),
        ("上海市科学技术委员会", ["上海市"], "科学技术委员会"),
        ("平潭综合实验区住房和城乡建设局", ["平潭综合实验区"], "住房和城乡建设局"),
        ("区司法局", [], "区司法局"),
    ],
)
def test_a_name_splits_into_its_regions_and_its_kind(name, regions, kind):
    parts = parse_name(normalise(name))
    assert ([r.full for r in parts.regions], parts.kind) == (regions, kind)


def test_the_other_ways_of_writing_a_name():
    assert "硚口司法局" in aliases("硚口区司法局")
    assert {"平潭交通与建设局", "平潭交建局", "平潭实验区交通与建设局"} <= set(
        aliases("平潭综合实验区交通与建设局")
    )
    assert {"洪泽区政府", "淮安市洪泽区人民政府"} - set(aliases("洪泽区人民政府")) == {
        "淮安市洪泽区人民政府"  # an outer region is taken in when written, not invented
    }
    assert surfaces("洪泽区人民政府")["洪泽区"] == "place"
    assert aliases("区司法局") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("硚口区司法局2024年收到多少申请", ("硚口区司法局", "name", ["硚口区司法局"])),
        ("硚口司法局", ("硚口司法局", "alias", ["硚口区司法局"])),
        ("许昌司法局2023", ("许昌司法局", "alias", ["许昌市司法局"])),
        ("武汉市硚口区司法局", ("武汉市硚口区司法局", "name", ["硚口区司法局"])),
        ("桥口区司法局2024年收到多少申请", ("桥口区司法局", "typo", ["硚口区司法局"])),
        ("乔口区司法局", ("乔口区司法局", "typo", ["硚口区司法局"])),
        (
            "how many applications did 许昌市司法局 receive",
            ("许昌市司法局", "name", ["许昌市司法局"]),
        ),
        ("区司法局2019年报告", ("区司法局", "name", ["区司法局"])),
        ("洪泽区政府", ("洪泽区政府", "alias", ["洪泽区人民政府"])),
        ("洪泽区2023年", ("洪泽区", "place", ["洪泽区人民政府"])),
        ("平潭交建局", ("平潭交建局", "alias", ["平潭综合实验区交通与建设局"])),
        ("上海市科委", ("上海市科委", "alias", ["上海市科学技术委员会"])),
    ],
)
def test_an_agency_is_found_however_it_is_written(index, text, expected):
    assert found(index, text) == [expected]


def test_two_equally_close_names_are_offered_as_a_choice(index):
    [(_, how, names)] = found(index, "东风县司法局申请")
    assert (how, names) == ("close", ["东丰县司法局", "东风区司法局"])


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("北京市教育委员会2023年收到多少申请", "北京市教育委员会"),
        ("洪泽区司法局2023年", "洪泽区司法局"),
        ("北京市司法局", "北京市司法局"),
        # a stored report of a place alone (上海市) is not its departments'
        ("上海市教育委员会2023年收到多少申请", "上海市教育委员会"),
        ("平潭综合实验区财政金融局2023年", "平潭综合实验区财政金融局"),
    ],
)
def test_an_agency_that_is_not_stored_is_named_as_such_never_read_as_another(index, text, written):
    assert found(index, text) == [(written, "unknown", [])]


def test_two_agencies_in_one_question_are_both_found(index):
    assert [m[2] for m in found(index, "硚口区司法局和许昌市司法局哪个多")] == [
        ["硚口区司法局"],
        ["许昌市司法局"],
    ]


@pytest.mark.parametrize(
    "text", ["2023年哪些司法局收到的申请最多", "今天天气怎么样", "which justice bureaus"]
)
def test_a_question_naming_no_agency_finds_none(index, text):
    assert found(index, text) == []


def test_the_office_kind_of_a_ranking_question():
    assert office_kind("2023年哪些司法局收到的申请最多") == "司法局"
    assert office_kind("Which justice bureaus received the most") == "司法局"
    assert office_kind("2023年申请最多的机关") is None
