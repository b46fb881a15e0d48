"""Every table cell of the five seed reports, checked against the spec (§6)
and the seeds' own text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.parse import parse_file
from core.template import load_template
from tests.conftest import seed_path

T2_2021 = load_template("2021").cell_keys("t2")
T3_2021 = load_template("2021").cell_keys("t3")
T3_2019 = load_template("2019").cell_keys("t3")
T4 = load_template("2021").cell_keys("t4")


def values(report, keys):
    return [report.facts[k].value for k in keys]


def statuses(report, keys):
    return {report.facts[k].status for k in keys}


@pytest.mark.parametrize("seed", ["000", "001"])
def test_all_zero_seeds_have_every_cell_zero(seed):
    report = parse_file(seed_path(seed))
    assert sorted(report.facts) == sorted(T2_2021 + T3_2021 + T4)
    assert all(
        f.value == 0 and f.status == "number" and f.raw == "0" for f in report.facts.values()
    )


def test_002_has_every_table_two_and_three_cell_blank_not_zero():
    report = parse_file(seed_path("002"))
    for key in T2_2021 + T3_2021:
        fact = report.facts[key]
        assert fact.status == "blank", key
        assert fact.value is None
        assert not fact.raw.strip(" \u3000\xa0\t")  # only spaces, kept as written
    assert report.facts["t2.rules.issued"].raw == "\u3000\u3000"
    assert report.facts["t3.new_received.total"].raw == "\xa0"
    assert report.facts["t3.carried_forward.total"].raw == ""


def test_002_table_four_reads_5_2_5_0_12_then_zeros_then_2_0_0_1_3():
    report = parse_file(seed_path("002"))
    assert values(report, T4) == [5, 2, 5, 0, 12, 0, 0, 0, 0, 0, 2, 0, 0, 1, 3]
    assert report.facts["t4.review.upheld"].raw == "\xa05"
    assert report.facts["t4.review.upheld"].location.line == 387


def test_003_reads_in_force_one_and_every_table_three_cell_zero():
    report = parse_file(seed_path("003"))
    assert report.facts["t2.normative_docs.in_force"].value == 1
    assert [k for k in T2_2021 if report.value(k) != 0] == ["t2.normative_docs.in_force"]
    assert values(report, T3_2021) == [0] * 175
    assert values(report, T4) == [0] * 15


def test_003_rows_shifted_left_by_lost_label_cells_map_to_the_right_columns():
    report = parse_file(seed_path("003"))
    # "5.要求行政机关确认…" (line 70) and "(七) 总计" (line 74) lost a label cell.
    first = report.facts["t3.not_processed.confirm_reissue.natural_person"]
    assert (first.location.line, first.location.cell) == (70, 2)
    total = report.facts["t3.results_total.total"]
    assert (total.location.line, total.location.cell) == (74, 7)
    normal = report.facts["t3.denied.state_secret.natural_person"]
    assert (normal.location.line, normal.location.cell) == (55, 3)


def test_004_reads_2019_table_two_with_other_services_40_0_40():
    report = parse_file(seed_path("004"))
    assert report.format_version == "2019"
    assert values(
        report,
        [
            "t2v19.other_services.prev_year_items",
            "t2v19.other_services.delta",
            "t2v19.other_services.decisions",
        ],
    ) == [40, 0, 40]
    assert values(
        report,
        [
            "t2v19.normative_docs.new_made",
            "t2v19.normative_docs.new_published",
            "t2v19.normative_docs.total_published",
        ],
    ) == [1, 1, 1]
    assert report.facts["t2v19.procurement.amount"].value == Decimal(0)
    assert report.facts["t2v19.rules.new_made"].raw == "\u3000\u30000"


def test_004_fills_only_the_totals_of_rows_one_two_seven_and_four():
    report = parse_file(seed_path("004"))
    assert sorted(report.facts) == sorted(load_template("2019").cell_keys())
    filled = {k for k in T3_2019 + T4 if report.facts[k].status != "blank"}
    assert filled == {
        "t3.new_received.total",
        "t3.carried_over.total",
        "t3.results_total.total",
        "t3.carried_forward.total",
        "t4.review.total",
        "t4.lit_direct.total",
        "t4.lit_after_review.total",
    }
    assert {report.facts[k].value for k in filled} == {0}
    assert all(report.facts[k].value is None for k in T3_2019 + T4 if k not in filled)
    assert report.facts["t3.results_total.total"].raw == "0\xa0"


def test_the_clean_fixture_parses_every_figure_exactly(fixtures_dir):
    report = parse_file(fixtures_dir / "clean_2021.txt")
    assert len(report.facts) == 200
    assert statuses(report, report.facts) == {"number"}
    got = {
        k: report.facts[k].value
        for k in (
            "t3.new_received.total",
            "t3.carried_over.total",
            "t3.results_total.total",
            "t3.carried_forward.total",
            "t3.granted.natural_person",
            "t3.other.other.other_org",
        )
    }
    assert got == {
        "t3.new_received.total": 43,
        "t3.carried_over.total": 5,
        "t3.results_total.total": 47,
        "t3.carried_forward.total": 1,
        "t3.granted.natural_person": 14,
        "t3.other.other.other_org": 1,
    }
    assert values(report, T4) == [2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 1, 0, 0, 0, 1]
    assert report.facts["t2.admin_fees.amount_wan_yuan"].value == Decimal("12.5")
    assert values(
        report,
        ["t2.normative_docs.issued", "t2.normative_docs.repealed", "t2.normative_docs.in_force"],
    ) == [3, 1, 12]
    # the identity of table 三 holds in every column
    for col in load_template().tables["t3"].columns:
        k = col.key
        assert report.value(f"t3.new_received.{k}") + report.value(
            f"t3.carried_over.{k}"
        ) == report.value(f"t3.results_total.{k}") + report.value(f"t3.carried_forward.{k}")


def test_a_row_with_an_unknown_label_is_kept_as_unmatched_with_its_table(fixtures_dir):
    from core.parse import parse_bytes

    text = (
        (fixtures_dir / "clean_2021.txt")
        .read_text(encoding="utf-8")
        .replace("\t1.属于国家秘密", "\t1.某某事项")
    )
    report = parse_bytes(text.encode("utf-8"), "odd.txt")
    assert [(u.table, u.label) for u in report.unmatched_rows] == [("t3", "1.某某事项")]
    assert "t3.denied.state_secret.total" not in report.facts  # missing, never invented
    assert report.facts["t3.denied.law_prohibited.total"].value == 1


@pytest.mark.parametrize(
    ("written", "value"), [("减12", -12), ("增3", 3), ("增加 3件", 3), ("减少2", -2)]
)
def test_a_change_written_with_a_word_for_its_sign_reads_signed_and_is_still_warned(written, value):
    # seed 004 (2019 form): 行政事业性收费 上一年项目数量 0, 本年增/减 0
    from core.check import check_report
    from core.parse import parse_bytes

    text = seed_path("004").read_text(encoding="utf-8")
    old = "\t行政事业性收费\n\t\u30000\n\t0\u00a0\n"  # the figures as the seed writes them
    text = text.replace(old, f"\t行政事业性收费\n\t\u30000\n\t{written}\n", 1)
    assert written in text
    report = parse_bytes(text.encode("utf-8"), "004.txt")
    fact = report.facts["t2v19.admin_fees.delta"]
    assert (fact.value, fact.status, fact.raw.strip()) == (value, "number", written)
    c2 = [d for d in check_report(report) if d.code == "C2"]
    assert [(d.severity, d.evidence["raw"].strip()) for d in c2] == [("warning", written)]
    assert f"读作 {value:+d}" in c2[0].message("zh")


def test_a_sign_word_in_a_count_column_is_no_number():
    from core.parse.cells import read_cell

    assert read_cell("减12") == (None, "invalid")
