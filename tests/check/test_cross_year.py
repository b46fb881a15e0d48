"""Cross-year rules X1, X2, X4 run when last year's report is given (the
store passes it), and report with category cross_year."""

from __future__ import annotations

from core.check import check_report
from core.parse import parse_bytes
from tests.rules.cases import CLEAN, shift_years

TEXT = CLEAN.read_text(encoding="utf-8")


def parse(text: str, name: str = "r.txt"):
    return parse_bytes(text.encode("utf-8"), name)


def test_last_years_copy_gives_carry_roll_and_copy_defects():
    this_year, last_year = parse(TEXT), parse(shift_years(TEXT, -1))
    cross = [
        (d.code, d.severity, d.location.column or d.location.row)
        for d in check_report(this_year, last_year)
        if d.category == "cross_year"
    ]
    assert cross == [
        ("X1-CARRY", "error", "total"),  # 5 carried over, last year carried 1 forward
        ("X4-COPY", "warning", None),  # at part 一, line 4
        ("X2-IN-FORCE", "warning", "t2.normative_docs"),  # 12 ≠ 12 + 3 − 1, line 33
        ("X1-CARRY", "warning", "natural_person"),  # 3 vs 1
        ("X1-CARRY", "warning", "commercial_enterprise"),  # 1 vs 0
        ("X1-CARRY", "warning", "other_org"),  # 1 vs 0
    ]


def test_the_carry_defect_gives_both_years_figures():
    d = next(
        d for d in check_report(parse(TEXT), parse(shift_years(TEXT, -1))) if d.code == "X1-CARRY"
    )
    assert (d.evidence["actual"], d.evidence["expected"]) == (5, 1)
    assert d.evidence["cells"] == {"t3.carried_over.total": 5, "prev:t3.carried_forward.total": 1}
    assert "去年报告的“结转下年度继续办理”为 1" in d.message()


def test_the_copy_defect_quotes_copied_sentences_and_identical_figures():
    d = next(
        d for d in check_report(parse(TEXT), parse(shift_years(TEXT, -1))) if d.code == "X4-COPY"
    )
    assert d.evidence["share"] == 1.0 and d.evidence["same_figures"] is True
    assert d.evidence["previous_year"] == 2023
    assert len(d.evidence["examples"]) == 3


def test_without_last_years_report_no_cross_year_rule_runs():
    assert [d for d in check_report(parse(TEXT)) if d.category == "cross_year"] == []


def test_a_report_of_another_form_is_compared_on_the_total_only():
    seed_2019 = next(CLEAN.parent.glob("004_*.txt")).read_text(encoding="utf-8")
    last_year = parse(seed_2019.replace("区司法局2019年", "区司法局2023年"))
    assert last_year.format_version == "2019"
    codes = [
        (d.code, d.severity, d.location.column)
        for d in check_report(parse(TEXT), last_year)
        if d.code == "X1-CARRY"
    ]
    assert codes == [
        ("X1-CARRY", "error", "total")
    ]  # 5 carried over, 0 carried forward; its blank columns are not compared
