"""Title, agency, year, closing date, issuer and format of each seed report."""

from __future__ import annotations

from datetime import date

import pytest

from core.parse import parse_file
from tests.conftest import seed_path

EXPECTED = {
    "000": (
        "东风区司法局2023年政府信息公开工作年度报告",
        "东风区司法局",
        2023,
        None,
        "2021",
        "2021",
    ),
    "001": (
        "硚口区司法局2024年政府信息公开工作年度报告",
        "硚口区司法局",
        2024,
        date(2025, 1, 10),
        "2021",
        "2021",
    ),
    "002": (
        "正宁县司法局关于2022年度政府信息公开工作的报告",
        "正宁县司法局",
        2022,
        date(2023, 1, 13),
        "2021",
        "2021",
    ),
    "003": (
        "许昌市司法局2023年政府信息公开工作年度报告",
        "许昌市司法局",
        2023,
        None,
        "2021",
        "2021",
    ),
    "004": ("区司法局2019年政府信息公开年度报告", "区司法局", 2019, None, "2019", "mixed"),
}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_metadata_is_read_from_title_and_closing(seed):
    r = parse_file(seed_path(seed))
    title, agency, year, closing, version, headings = EXPECTED[seed]
    assert (r.title, r.agency, r.year, r.closing_date, r.format_version, r.heading_style) == (
        title,
        agency,
        year,
        closing,
        version,
        headings,
    )
    assert r.issuer_kind == "department"


def test_a_title_broken_over_two_lines_is_joined():
    r = parse_file(seed_path("001"))
    assert r.title_location.line == 1
    assert r.title == "硚口区司法局2024年政府信息公开工作年度报告"


def test_sections_keep_the_heading_as_written_with_score_and_line():
    r = parse_file(seed_path("000"))
    first = r.sections[0]
    assert (first.key, first.heading, first.numbering, first.line, first.standard_numbering) == (
        "s1",
        "1、 总体情况",
        "1、",
        4,
        False,
    )
    assert [s.key for s in r.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert all(s.score == 100 for s in r.sections)
    assert [s.line for s in r.sections] == [4, 16, 63, 352, 410, 420]


def test_pre2019_headings_of_004_are_recognised_as_such():
    r = parse_file(seed_path("004"))
    got = [(s.key, s.title, s.style) for s in r.sections]
    assert got == [
        ("s1", "概述", "pre2019"),
        ("s2", "主动公开政府信息情况", "2021"),
        ("s3", "政府信息依申请公开办理情况", "pre2019"),
        ("s4", "行政复议和行政诉讼情况", "pre2019"),
        (None, "咨询处理情况", "pre2019"),
        (None, "政府信息公开支出与收费情况", "pre2019"),
        (None, "举办各类培训情况", "pre2019"),
        ("s5", "存在的问题和改进措施", "pre2019"),
    ]


def test_misspelled_and_nonstandard_labels_are_recorded_with_the_standard_label():
    r3 = parse_file(seed_path("003"))
    miss = [(m.written, m.standard) for m in r3.labels if m.misspelling]
    assert miss == [("本年度止件数", "本年废止件数")]
    r2 = parse_file(seed_path("002"))
    miss = [(m.key, m.written, m.standard) for m in r2.labels if m.misspelling]
    assert miss == [
        ("t4.review.upheld", "维持", "结果维持"),
        ("t4.review.corrected", "撤销或纠错", "结果纠正"),
    ]
    assert not [m for m in parse_file(seed_path("000")).labels if m.misspelling or m.score < 100]


def test_residue_markers_are_stripped_from_text_and_recorded():
    r = parse_file(seed_path("001"))
    got = [(x.kind, x.author, x.location.line) for x in r.document.residues]
    assert got == [("comment", "707", 411), ("bookmark", None, 412)]
    assert r.document.residues[0].text == "此处上年度应指2023年，而不是2024年。"
    s5 = r.section("s5").text
    assert "Comment by" not in s5 and "[bookmark" not in s5
    assert "改进情况：一是进一步加强政务公开队伍建设" in s5
    r2 = parse_file(seed_path("002"))
    assert r2.title.startswith("正宁县司法局关于2022年度")


def test_a_heading_run_into_its_first_sentence_is_split_from_it(fixtures_dir):
    from core.parse import parse_bytes

    text = (fixtures_dir / "clean_2021.txt").read_text(encoding="utf-8")
    text = text.replace("一、总体情况\n", "一、总体情况。").replace(
        "五、存在的主要问题及改进情况\n", "五、存在的主要问题及改进情况："
    )
    r = parse_bytes(text.encode("utf-8"), "run-in.txt")
    assert [s.key for s in r.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert r.sections[0].heading == "一、总体情况"
    assert r.sections[0].paragraphs[0].text.startswith("2024年，清河市生态环境局")
    assert r.section("s5").subheadings[0].text == "（一）上年度存在的问题及改进情况"
