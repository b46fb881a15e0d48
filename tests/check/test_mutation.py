"""Mutation tests on the clean 2021 fixture: every single changed cell of
tables 三 and 四 breaks a sum that names its row or column; every single
blanked cell is reported exactly once, by C1, naming it — never again as an
arithmetic error."""

from __future__ import annotations

from functools import cache

import pytest

from core.check import check_report
from core.parse import parse_bytes
from core.template import load_template
from tests.rules.cases import CLEAN, set_cells

TEXT = CLEAN.read_text(encoding="utf-8")
T3_T4 = load_template("2021").cell_keys("t3") + load_template("2021").cell_keys("t4")
ALL_CELLS = load_template("2021").cell_keys("t2") + T3_T4


@cache
def clean_report():
    return parse_bytes(TEXT.encode("utf-8"), "clean_2021.txt")


def check_with(cells: dict[str, str]):
    report = parse_bytes(set_cells(TEXT, cells).encode("utf-8"), "mutant.txt")
    return check_report(report)


def test_the_clean_fixture_has_no_error_or_warning():
    defects = check_report(clean_report())
    assert [(d.code, d.severity) for d in defects if d.severity != "info"] == []


def test_the_clean_fixture_has_every_cell_as_a_number():
    facts = clean_report().facts
    assert [k for k in ALL_CELLS if facts[k].status != "number"] == []


@pytest.mark.parametrize("key", T3_T4)
def test_changing_one_cell_breaks_a_sum_naming_its_row_or_column(key):
    value = clean_report().facts[key].value
    defects = check_with({key: str(value + 1)})
    row, _, column = key.rpartition(".")
    arithmetic = [d for d in defects if d.category == "arithmetic"]
    assert arithmetic, "no arithmetic defect"
    assert any(d.location.row == row or d.location.column == column for d in arithmetic)
    for d in arithmetic:
        assert key in d.evidence["cells"]


@pytest.mark.parametrize("key", ALL_CELLS)
def test_blanking_one_cell_is_reported_once_by_the_blank_cell_rule(key):
    defects = check_with({key: ""})
    row, _, column = key.rpartition(".")
    blank = [d for d in defects if d.category == "blank_cell"]
    assert [(d.code, d.location.row, d.location.column) for d in blank] == [("C1", row, column)]
    assert blank[0].evidence["cells"] == {key: ""}
    assert blank[0].evidence["where"][key] == clean_report().facts[key].location.as_dict()
    assert [d.code for d in defects if d.severity != "info" and d.code != "C1"] == []
