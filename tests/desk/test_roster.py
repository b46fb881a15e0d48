"""Reading a roster and matching reports to its units."""

from __future__ import annotations

import io

from openpyxl import Workbook

from core.roster.load import RosterRow, read_roster
from core.roster.match import match
from core.roster.repository import Unit


def units(*names: str) -> list[Unit]:
    from core.agency import normalise

    return [Unit(i, n, normalise(n), "department", "") for i, n in enumerate(names, 1)]


def test_a_csv_in_gb18030_with_a_header_is_read_with_kinds_and_regions():
    data = "单位名称,类型,所属地区\n武汉市江岸区司法局,部门,江岸区\n江岸区人民政府,政府,武汉市\n".encode(
        "gb18030"
    )
    assert read_roster(data, "名单.csv") == [
        RosterRow("武汉市江岸区司法局", "department", "江岸区"),
        RosterRow("江岸区人民政府", "government", "武汉市"),
    ]


def test_a_roster_without_a_header_takes_the_first_column_and_guesses_the_kind():
    data = "硚口区司法局\n硚口区人民政府\n\n硚口区司法局\n".encode()
    assert read_roster(data, "r.csv") == [
        RosterRow("硚口区司法局", "department", ""),
        RosterRow("硚口区人民政府", "government", ""),
    ]


def test_an_xlsx_roster_is_read_from_its_first_sheet():
    wb = Workbook()
    wb.active.append(["序号", "名称", "上级"])
    wb.active.append([1, "正宁县司法局", "庆阳市"])
    buf = io.BytesIO()
    wb.save(buf)
    assert read_roster(buf.getvalue(), "r.xlsx") == [
        RosterRow("正宁县司法局", "department", "庆阳市")
    ]


def test_an_abbreviated_name_matches_its_unit_without_asking():
    m = match("江岸区司法局", units("武汉市江岸区司法局", "武汉市江汉区司法局"))
    assert m.sure and m.unit.name == "武汉市江岸区司法局"
    m = match("江岸司法局", units("江岸区司法局", "江汉区司法局"))
    assert m.sure and m.unit.name == "江岸区司法局"


def test_a_name_without_a_place_is_offered_as_a_choice():
    m = match("区司法局", units("江岸区司法局", "江汉区司法局", "江岸区教育局"))
    assert m.unsure and [u.name for u in m.choices] == ["江岸区司法局", "江汉区司法局"]


def test_a_different_office_of_the_same_place_is_not_a_match():
    m = match("江岸区教育局", units("江岸区司法局"))
    assert not m.sure and not m.unsure


def test_the_reviewers_answer_decides():
    us = units("桥口区司法局", "江岸区司法局")
    assert match("硚口区司法局", us).unsure
    m = match("硚口区司法局", us, {"硚口区司法局": 1})
    assert m.sure and m.confirmed and m.unit.name == "桥口区司法局"
    assert not match("硚口区司法局", us, {"硚口区司法局": None}).unsure
