"""Defects, their texts and the rendered list — on hand-built reports, no parser."""

from __future__ import annotations

from datetime import date

from core.check import check_report
from core.defect import Defect, DefectLocation
from core.document import Location
from core.render import render_text, summary_counts
from core.report import Fact
from core.rules import registry
from tests.check.builders import report


def test_a_report_without_tables_misses_each_table_once():
    defects = check_report(report())
    assert [(d.code, d.location.table) for d in defects] == [
        ("C4", "t2"),
        ("C4", "t3"),
        ("C4", "t4"),
    ]


def test_a_blank_fact_is_blank_not_zero():
    blank = Fact(
        "t4.review.total",
        "t4",
        "t4.review",
        "total",
        None,
        "　",
        Location(line=30, table=0, row=1, cell=4),
        "blank",
    )
    r = report(
        facts={"t4.review.total": blank}, tables_found={"t2": False, "t3": False, "t4": True}
    )
    c1 = [d for d in check_report(r) if d.code == "C1"]
    assert [(d.location.row, d.location.column, d.evidence["cells"]) for d in c1] == [
        ("t4.review", "total", {"t4.review.total": "　"})
    ]


def test_defects_are_sorted_errors_first_then_in_document_order():
    r = report(closing_date=date(2024, 2, 20))  # late: error at line 18
    codes = [(d.severity, d.location.line) for d in check_report(r)]
    assert codes == [("error", None), ("error", None), ("error", None), ("error", 18)]


def test_a_message_fills_its_slots_in_the_chosen_language():
    d = Defect(
        "S8-LATE",
        "timeliness",
        "error",
        DefectLocation(line=18),
        {},
        {"date": "2024-02-20", "deadline": "2024-01-31", "days": 20},
    )
    assert d.message("zh") == "落款日期 2024-02-20 晚于法定期限 2024-01-31（逾期 20 天）。"
    assert (
        d.message("en")
        == "The closing date 2024-02-20 is after the legal deadline 2024-01-31 (20 days late)."
    )
    assert d.hint("en").startswith("Publish on time")


def test_localised_slots_and_lists_follow_the_language():
    d = Defect(
        "S4-ASPECTS",
        "structure",
        "warning",
        DefectLocation(section="s1"),
        {},
        {
            "missing": [
                {"zh": "依申请公开", "en": "disclosure on request"},
                {"zh": "监督保障", "en": "oversight"},
            ]
        },
    )
    assert "依申请公开、监督保障" in d.message("zh")
    assert "disclosure on request, oversight" in d.message("en")


def test_without_a_date_the_deadline_is_counted_from_today():
    r = report(closing_date=None, closing_location=None, year=2024)
    d = next(d for d in check_report(r, today=date(2025, 1, 21)) if d.code == "S8-NO-DATE")
    assert (
        d.message("zh")
        == "报告没有落款日期，无法核验发布时间（法定期限 2025-01-31，距期限还有 10 天）。"
    )
    d = next(d for d in check_report(r, today=date(2025, 2, 3)) if d.code == "S8-NO-DATE")
    assert d.message("en").endswith("(deadline 2025-01-31; 3 days past it).")
    d = next(d for d in check_report(r) if d.code == "S8-NO-DATE")
    assert d.message("en").endswith("(deadline 2025-01-31).")


def test_a_slot_left_unfilled_is_never_shown_as_a_placeholder_and_is_logged(caplog):
    d = Defect("S8-LATE", "timeliness", "error", DefectLocation(), {}, {})
    with caplog.at_level("ERROR", logger="core.defect"):
        text = d.message()
    assert "{" not in text and "}" not in text
    assert "deadline" in caplog.text


def test_a_cell_location_is_described_with_the_template_labels():
    loc = DefectLocation(
        section="s3", table="t3", row="t3.granted", column="natural_person", line=104
    )
    assert (
        loc.describe("zh")
        == "表三（收到和处理政府信息公开申请情况），（一）予以公开，“自然人”列，第104行"
    )
    assert loc.describe("en") == "table 3, granted, column “individuals”, line 104"
    assert loc.as_dict() == {
        "section": "s3",
        "table": "t3",
        "row": "t3.granted",
        "column": "natural_person",
        "line": 104,
    }


def test_a_docx_location_is_described_by_table_row_and_cell():
    loc = DefectLocation(table="t4", table_index=2, row_index=3, cell_index=4)
    assert loc.describe("en").endswith("table 3, row 4, cell 5")


def test_as_json_gives_the_contract_fields():
    d = Defect(
        "S9-BOOKMARK",
        "residue",
        "error",
        DefectLocation(section="s5", line=416),
        {"text": "_GoBack"},
        {"text": "[bookmark: _GoBack]"},
        "marker",
    )
    assert d.as_json("en") == {
        "code": "S9-BOOKMARK",
        "category": "residue",
        "severity": "error",
        "message": 'A bookmark marker "[bookmark: _GoBack]" is left in the text.',
        "hint": 'Delete the "[bookmark: …]" text before publishing.',
        "location": {"section": "s5", "line": 416},
        "basis": "marker",
        "evidence": {"text": "_GoBack"},
    }


def test_render_text_gives_a_summary_then_errors_first():
    r = report(closing_date=None)
    defects = check_report(r)
    text = render_text(r, defects, "zh")
    lines = text.splitlines()
    assert lines[:2] == [
        "某县统计局2023年政府信息公开工作年度报告",
        "检查结果：3 个错误，0 个警告，1 条提示",
    ]
    assert text.index("错误 (3)") < text.index("提示 (1)")
    assert "修改建议：" in text
    assert summary_counts(defects) == {"error": 3, "warning": 0, "info": 1}


def test_render_text_in_english_with_colours():
    r = report(closing_date=None)
    text = render_text(r, check_report(r), "en", color=True)
    assert "\033[31m[C4]\033[0m" in text and "Where: " in text


def test_render_text_of_a_clean_list_says_so():
    assert render_text(report(), [], "en").splitlines()[-1] == "No defects found."


def test_an_empty_report_is_checked_without_a_failure(caplog):
    empty = report(
        title=None,
        title_location=None,
        agency=None,
        year=None,
        closing_date=None,
        closing_location=None,
        issuer_kind="unknown",
        format_version="unknown",
        heading_style="none",
        sections=[],
    )
    codes = [d.code for d in check_report(empty)]
    assert {"S1-NO-TITLE", "S2-MISSING", "C4"} <= set(codes)
    assert caplog.text == ""


def test_a_failing_check_does_not_stop_the_others(monkeypatch, caplog):
    def broken(ctx):
        raise RuntimeError("bug")

    monkeypatch.setattr(registry, "_CHECKS", [((("C1",)), broken), *registry._CHECKS])
    defects = check_report(report())
    assert [d.code for d in defects] == ["C4", "C4", "C4"]
    assert "rule check broken failed" in caplog.text
