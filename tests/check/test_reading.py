"""What the parser could not read is said once, as a reading notice, and no
rule that depends on it speaks: reports built by hand with the doubts the
parser records (core/report.py DOUBTS), no parser involved."""

from __future__ import annotations

import pytest

from core.check import check_report
from core.render import render_text
from core.report import DOUBTS, Doubt, Reading
from core.rules.r_reading import CODES
from tests.check.builders import fact, report

GROUPS = ("review", "lit_direct", "lit_after_review")
OUTCOMES = ("upheld", "corrected", "other", "pending", "total")
T4 = {f"t4.{g}.{c}": 0 for g in GROUPS for c in OUTCOMES}


def with_t4(values: dict[str, int], *doubts: Doubt, status: str = "number", **changes):
    """The hand-built report with table 四 read (all 0 but `values`)."""
    facts = {k: fact(k, v, 30, status) for k, v in {**T4, **values}.items()}
    return report(
        facts=facts,
        tables_found={"t2": False, "t3": False, "t4": True},
        reading=Reading(doubts=list(doubts)),
        **changes,
    )


def codes(r) -> list[tuple[str, str, str | None]]:
    return [(d.code, d.severity, d.location.table) for d in check_report(r)]


def test_a_broken_sum_of_a_sure_table_is_an_error():
    assert ("T4-SUM", "error", "t4") in codes(with_t4({"t4.review.upheld": 1}))


def test_a_table_whose_figures_run_together_is_said_once_and_none_of_its_sums_is_judged():
    r = with_t4({"t4.review.upheld": 1}, Doubt("cells_run_together", "t4", "10000"))
    found = check_report(r)
    assert [d.code for d in found if d.location.table == "t4"] == ["R-CELLS-GLUED"]
    notice = next(d for d in found if d.code == "R-CELLS-GLUED")
    assert (notice.category, notice.severity) == ("reading", "info")
    assert notice.message("zh") == (
        "表四的数字粘连在一起（涉及“10000”），无法可靠读取，相关检查没有进行。"
    )
    assert "Word" in notice.hint("zh") and "PDF" in notice.hint("en")
    # the tables the parser was sure of are still judged
    assert [(d.code, d.location.table) for d in found if d.code == "C4"] == [
        ("C4", "t2"),
        ("C4", "t3"),
    ]


def test_a_doubt_about_table_3_leaves_table_4_judged():
    r = with_t4({"t4.review.upheld": 1}, Doubt("labels_detached", "t3"))
    assert ("T4-SUM", "error", "t4") in codes(r)
    assert ("C4", "error", "t3") not in codes(r)  # not "表三缺少整张表格"


def test_two_doubts_of_one_kind_make_one_notice_naming_both_tables():
    r = with_t4({}, Doubt("table_unparsed", "t2"), Doubt("table_unparsed", "t3"))
    notices = [d for d in check_report(r) if d.category == "reading"]
    assert [d.code for d in notices] == ["R-TABLE-UNPARSED"]
    assert notices[0].message("zh").startswith("看得到表二、表三的位置")
    assert [d.code for d in check_report(r) if d.code == "C4"] == []


def test_without_headings_no_part_is_said_to_be_missing():
    bare = {"sections": [], "heading_style": "none"}
    assert "S2-MISSING" in [c for c, _, _ in codes(report(**bare))]
    r = report(reading=Reading(doubts=[Doubt("no_headings")]), **bare)
    assert [c for c, _, _ in codes(r) if c.startswith(("S2", "S3", "S4", "S6", "S7"))] == []
    assert [c for c, _, _ in codes(r)].count("R-NO-HEADINGS") == 1


@pytest.mark.parametrize("doubt", ["text_run_together", "scanned"])
def test_a_text_that_could_not_be_read_is_not_missing_its_tables_or_parts(doubt):
    r = report(sections=[], heading_style="none", reading=Reading(doubts=[Doubt(doubt)]))
    found = [c for c, _, _ in codes(r)]
    assert [c for c in found if c in ("C4", "S2-MISSING", "S1-NO-TITLE")] == []
    assert found.count(CODES[doubt]) == 1


def test_a_missing_title_is_an_error_only_on_a_sure_reading():
    untitled = {"title": None, "title_location": None}
    assert ("S1-NO-TITLE", "error", None) in codes(report(**untitled))
    unsure = report(reading=Reading(doubts=[Doubt("labels_detached", "t3")]), **untitled)
    assert ("S1-NO-TITLE", "warning", None) in codes(unsure)
    blind = report(reading=Reading(doubts=[Doubt("no_headings")]), **untitled)
    assert "S1-NO-TITLE" not in [c for c, _, _ in codes(blind)]


def test_inferred_figures_are_never_used_for_an_error():
    broken = {"t4.review.upheld": 1}
    r = with_t4(broken, Doubt("inferred", "t4"), status="inferred")
    assert [s for _, s, t in codes(r) if t == "t4"] == ["info"]  # the notice alone
    # even when the parser recorded no doubt, an inferred figure is no evidence
    assert [(c, s) for c, s, t in codes(with_t4(broken, status="inferred")) if t == "t4"] == []


def test_last_years_unsure_table_silences_the_cross_year_check():
    keys = [f"t3.{row}.total" for row in ("carried_over", "carried_forward")]
    now = report(facts={keys[0]: fact(keys[0], 2, 40)}, year=2023)
    before = report(facts={keys[1]: fact(keys[1], 5, 40)}, year=2022)
    assert "X1-CARRY" in [c for c, _, _ in _cross(now, before)]
    before.reading = Reading(doubts=[Doubt("cells_run_together", "t3")])
    assert "X1-CARRY" not in [c for c, _, _ in _cross(now, before)]


def _cross(now, before):
    return [(d.code, d.severity, d.location.table) for d in check_report(now, before)]


@pytest.mark.parametrize("doubt", DOUBTS)
def test_every_reading_notice_fills_its_slots_in_both_languages(doubt):
    r = with_t4(
        {}, Doubt(doubt, "t4" if doubt not in ("no_headings", "text_run_together") else None)
    )
    notice = next(d for d in check_report(r) if d.category == "reading")
    for lang in ("zh", "en"):
        text = notice.message(lang) + notice.hint(lang)
        assert text.strip() and "{" not in text and "}" not in text
    assert notice.location.as_dict()


def test_reading_notices_come_first_in_the_rendered_list():
    r = with_t4({"t4.review.upheld": 1}, Doubt("cells_run_together", "t3"))
    text = render_text(r, check_report(r), "zh")
    assert text.index("读取情况 (1)") < text.index("错误 (")


def test_a_page_that_only_links_to_its_report_gets_the_notice_and_nothing_else():
    r = with_t4({"t4.review.upheld": 1}, Doubt("in_attachment", None, "年报.pdf"), title=None)
    found = check_report(r)
    assert [d.code for d in found] == ["R-IN-ATTACHMENT"]
    assert "年报.pdf" in found[0].message("zh")


def test_rows_missing_from_a_table_whose_figures_were_worked_out_are_still_missing():
    short = {k: v for k, v in T4.items() if not k.startswith("t4.lit_after_review")}
    facts = {k: fact(k, v, 30, "inferred") for k, v in short.items()}

    def c4(*doubts):
        r = report(
            facts=facts,
            tables_found={"t2": False, "t3": False, "t4": True},
            reading=Reading(doubts=list(doubts)),
        )
        return [d.code for d in check_report(r) if d.location.table == "t4"]

    assert "C4" in c4(Doubt("inferred", "t4"))  # every row found was placed
    assert "C4" not in c4(Doubt("cells_run_together", "t4"))  # rows may be unplaced
