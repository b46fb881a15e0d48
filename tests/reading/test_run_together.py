"""A report whose text was run together on one line (a crawler's copy): its
headings are found, and its figures are worked out only where the digits
allow one reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.extract import extract
from core.parse import glued, parse_bytes, parse_file
from core.template import load_template

CORPUS = Path(__file__).parents[1] / "corpus"
COPY = CORPUS / "pingtan-zone-2024.txt"
TRUTH = json.loads((CORPUS / "pingtan-zone-2024.html.cells.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report():
    return parse_file(COPY)


def test_the_six_headings_inside_one_line_are_found(report):
    assert [s.key for s in report.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert report.reading.structure_sure


def test_the_table_text_belongs_to_no_section(report):
    s2 = report.section("s2")
    assert not any("规章000" in p.text for p in s2.paragraphs)


def test_every_figure_worked_out_is_the_true_one_and_marked_inferred(report):
    inferred = {k: f for k, f in report.facts.items() if f.status == "inferred"}
    assert len(inferred) >= 190
    wrong = {k: f.value for k, f in inferred.items() if float(f.value) != TRUTH["facts"][k]}
    assert wrong == {}
    assert not any(f.status == "number" for f in report.facts.values())


def test_digits_that_can_be_cut_several_ways_are_not_read(report):
    # "行政规范性文件6233440": 62|33|440, 6|233|440, 623|3|440 … nothing ties them
    assert "t2.normative_docs.issued" not in report.facts
    doubts = {(d.code, d.table) for d in report.reading.doubts}
    assert ("cells_run_together", "t2") in doubts
    assert {("inferred", "t3"), ("inferred", "t4")} <= doubts


def test_a_table_that_adds_up_no_way_is_not_read_at_all():
    text = COPY.read_text(encoding="utf-8").replace(
        "（七）总计21710000218", "（七）总计21710000219"
    )
    r = parse_bytes(text.encode("utf-8"), "copy.txt")
    assert not any(f.table == "t3" and f.row == "t3.results_total" for f in r.facts.values())
    assert ("cells_run_together", "t3") in {(d.code, d.table) for d in r.reading.doubts}


def test_a_row_whose_digits_add_up_two_ways_is_left_unread():
    # "112000013" reads 1|12|0|0|0|0|13 and 11|2|0|0|0|0|13: both add up
    assert len(glued._readings("112000013", 7, 1)) == 2
    text = "三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量112000013"
    line = "本报告依据条例编制。" * 50 + "一、总体情况" + text + "五、存在的主要问题及改进情况无。"
    reading = glued.read(glued.split(extract(line.encode(), "c.txt")), load_template("2021"))
    assert "t3.new_received.total" not in reading.facts
    assert [(d.code, d.table) for d in reading.doubts] == [("cells_run_together", "t3")]


def test_a_line_with_one_heading_is_left_as_it_is():
    doc = extract(("一、总体情况" + "本年度工作有序开展。" * 60).encode(), "c.txt")
    assert glued.split(doc) is doc
