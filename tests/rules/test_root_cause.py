"""One root cause, one defect: broken relations of the tables that one wrong
cell (or two cells written wrong together) explains are reported once, as
those cells, with every relation they break in the evidence — on the clean
2021 fixture, changed cell by cell."""

from __future__ import annotations

from functools import cache

from core.check import check_report
from core.parse import parse_bytes
from core.rules.root_cause import Evaluated, group
from core.template import Relation, Term
from tests.rules.cases import CLEAN, set_cells

TEXT = CLEAN.read_text(encoding="utf-8")


@cache
def clean():
    return parse_bytes(TEXT.encode("utf-8"), "clean.txt")


def arithmetic(changes: dict[str, int]):
    cells = {k: str(clean().facts[k].value + d) for k, d in changes.items()}
    report = parse_bytes(set_cells(TEXT, cells).encode("utf-8"), "changed.txt")
    return [d for d in check_report(report) if d.category == "arithmetic"]


def test_one_wrong_cell_that_breaks_its_row_and_its_column_is_one_defect_at_that_cell():
    found = arithmetic({"t3.new_received.total": 1})
    assert [(d.code, d.location.row, d.location.column) for d in found] == [
        ("T3-SUM-ROW", "t3.new_received", "total")
    ]
    d = found[0]
    assert d.evidence["suspects"] == ["t3.new_received.total"]
    assert [r["relation"] for r in d.evidence["relations"]] == ["t3.row_sum", "t3.identity"]
    assert d.message("zh").endswith(
        "最可能填错的是“一、本年新收政府信息公开申请数量/总计”。"
        "同一原因还使1处关系不成立：“总计”列的勾稽关系。"
    )
    assert "{" not in d.message("en")


def test_a_stray_figure_written_into_a_row_and_its_total_is_one_defect_naming_both_cells():
    found = arithmetic(
        {"t3.partial.commercial_enterprise": 1, "t3.results_total.commercial_enterprise": 1}
    )
    assert len(found) == 1
    d = found[0]
    assert sorted(d.evidence["suspects"]) == [
        "t3.partial.commercial_enterprise",
        "t3.results_total.commercial_enterprise",
    ]
    assert sorted(r["relation"] for r in d.evidence["relations"]) == [
        "t3.identity",
        "t3.row_sum",
        "t3.row_sum",
    ]
    assert "同时改正它们可使全部关系成立" in d.message("zh")


def test_two_wrong_cells_far_apart_are_two_defects():
    found = arithmetic({"t3.granted.natural_person": 1, "t4.review.upheld": 1})
    assert sorted((d.code, d.location.table) for d in found) == [
        ("T3-SUM-ROW", "t3"),
        ("T4-SUM", "t4"),
    ]


def test_a_single_broken_relation_names_no_suspect():
    found = arithmetic({"t4.review.upheld": 1})
    assert [(d.code, d.location.row) for d in found] == [("T4-SUM", "t4.review")]
    assert "suspects" not in found[0].evidence
    assert "最可能" not in found[0].message("zh")


def test_two_wrong_totals_of_table_4_are_two_defects():
    found = arithmetic({"t4.review.total": -4, "t4.lit_after_review.total": -1})
    assert [(d.code, d.location.row) for d in found] == [
        ("T4-SUM", "t4.review"),
        ("T4-SUM", "t4.lit_after_review"),
    ]


def _rel(rule: str, lhs: list[str], rhs: list[str]) -> Relation:
    return Relation(rule, rule, tuple(Term(k) for k in lhs), tuple(Term(k) for k in rhs))


def _evaluated(values: dict[str, int], relations: list[Relation]) -> list[Evaluated]:
    out = []
    for r in relations:
        lhs = sum(values[t.key] for t in r.lhs)
        rhs = sum(values[t.key] for t in r.rhs)
        out.append(Evaluated(r, lhs, rhs, {t.key: values[t.key] for t in r.terms}))
    return out


def test_the_cells_named_are_those_a_correction_leaves_at_zero_or_more():
    # rows x and y, their total R, column 1 and the total column t; the new
    # requests N balance R.  A stray 1 stands in x (and its total): taking 1
    # off y instead would leave -1, and changing R would unbalance N.
    relations = [
        _rel("row_x", ["x.t"], ["x.1"]),
        _rel("row_y", ["y.t"], ["y.1"]),
        _rel("row_R", ["R.t"], ["R.1"]),
        _rel("col_1", ["R.1"], ["x.1", "y.1"]),
        _rel("col_t", ["R.t"], ["x.t", "y.t"]),
        _rel("id_1", ["N.1"], ["R.1"]),
        _rel("id_t", ["N.t"], ["R.t"]),
    ]
    values = {"x.1": 1, "x.t": 1, "y.1": 0, "y.t": 0, "R.1": 0, "R.t": 0, "N.1": 0, "N.t": 0}
    groups = group(_evaluated(values, relations))
    assert [(g.suspects, [e.relation.id for e in g.relations]) for g in groups] == [
        (("x.1", "x.t"), ["col_1", "col_t"])
    ]


def test_a_stray_figure_two_rows_could_hold_alike_is_one_defect_naming_no_cell():
    # the clean fixture has 科研机构 1 in 予以公开 already: the stray could be either row
    found = arithmetic({"t3.unable.unclear.research_institution": 1, "t3.unable.unclear.total": 1})
    assert len(found) == 1
    assert "suspects" not in found[0].evidence
    assert len(found[0].evidence["relations"]) == 2
