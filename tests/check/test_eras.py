"""The report's year decides the regulation, the form and the deadline it is
judged by: before 2019 the 2007 regulation (every agency by 31 March, no
fixed tables); 2019–2020 the trial form; from 2021 the 2021 form."""

from __future__ import annotations

from datetime import date

from core.check import check_report
from core.document import Location, Paragraph
from tests.check.builders import report, section


def codes(r) -> dict[str, str]:
    return {d.code: d.severity for d in check_report(r)}


def bare_s6(r):
    """Section 六 saying only that there is nothing else to report."""
    s6 = section(
        "s6", 6, "其他需要报告的事项", 15, Paragraph("无其他需要报告的事项。", Location(line=16))
    )
    r.sections = [s if s.key != "s6" else s6 for s in r.sections]
    return r


def test_a_report_on_2015_is_not_asked_for_the_tables_of_the_2021_form():
    found = codes(report(year=2015, title="某县统计局2015年政府信息公开工作年度报告"))
    assert "C4" not in found


def test_a_report_on_2023_without_tables_misses_them():
    assert codes(report())["C4"] == "error"


def report_2013(*sentences: str):
    """A report on 2013 in the structure of its time: 概述, then prose."""
    paragraphs = [Paragraph(t, Location(line=4 + i)) for i, t in enumerate(sentences)]
    overview = section("s1", 1, "概述", 3, *paragraphs)
    overview.style = "pre2019"
    return report(
        year=2013,
        title="某县统计局2013年政府信息公开工作年度报告",
        closing_date=date(2014, 1, 20),
        sections=[overview],
        heading_style="pre2019",
    )


THE_2007_CONTENT = (
    "全年主动公开政府信息120条。",
    "全年收到依申请公开申请2件，均已答复。",
    "全年未发生政府信息公开行政复议和行政诉讼。",
    "本局未收取任何费用，无减免情况。",
    "存在的主要问题是公开内容不够丰富，下一步将加以改进。",
)


def test_a_report_on_2013_is_held_to_the_content_of_the_2007_regulation_not_the_2021_parts():
    found = codes(report_2013(*THE_2007_CONTENT))
    assert [c for c in found if c.startswith(("S2", "S3", "S4", "S5", "S6", "S7"))] == []


def test_a_report_on_2013_silent_on_reconsideration_and_fees_misses_what_the_2007_regulation_asked():
    r = report_2013(*[t for t in THE_2007_CONTENT if "复议" not in t and "费" not in t])
    found = check_report(r)
    assert [(d.code, d.severity) for d in found if d.code in ("S2-MISSING", "S7-FEE")] == [
        ("S2-MISSING", "error"),
        ("S7-FEE", "warning"),  # the era's templates folded the fee item into other parts
    ]
    missing = next(d for d in found if d.code == "S2-MISSING")
    assert "因政府信息公开申请行政复议、提起行政诉讼的情况" in missing.message("zh")


def test_before_2019_every_agency_had_until_31_march():
    on_time = report(year=2015, closing_date=date(2016, 3, 20))
    assert "S8-LATE" not in codes(on_time)
    late = report(year=2015, closing_date=date(2016, 4, 2))
    assert codes(late)["S8-LATE"] == "error"


def test_from_2019_a_department_publishes_by_31_january():
    assert codes(report(year=2023, closing_date=date(2024, 2, 20)))["S8-LATE"] == "error"
    assert "S8-LATE" not in codes(report(year=2023, closing_date=date(2024, 1, 31)))


def test_an_issuer_whose_deadline_is_unknown_is_late_for_certain_only_after_31_march():
    late_maybe = report(issuer_kind="unknown", closing_date=date(2024, 2, 20))
    assert codes(late_maybe)["S8-LATE"] == "warning"
    late = report(issuer_kind="unknown", closing_date=date(2024, 4, 2))
    assert codes(late)["S8-LATE"] == "error"


def test_the_fee_statement_is_asked_for_from_the_reports_on_2021():
    assert codes(bare_s6(report(year=2022, closing_date=date(2023, 1, 20))))["S7-FEE"] == "error"
    assert "S7-FEE" not in codes(bare_s6(report(year=2020, closing_date=date(2021, 1, 20))))


def test_the_five_aspects_of_the_overview_are_asked_for_from_2021():
    r = report(year=2020, closing_date=date(2021, 1, 20))
    r.sections[0].paragraphs = r.sections[0].paragraphs[-1:]  # no sub-items
    assert "S4-ASPECTS" not in codes(r)
    r.year = 2022
    assert codes(r)["S4-ASPECTS"] == "warning"


def test_a_title_without_工作_is_a_wording_matter_and_before_2019_a_note():
    old = report(
        year=2015, title="某县统计局2015年政府信息公开年度报告", closing_date=date(2016, 1, 9)
    )
    assert codes(old)["S1-TITLE"] == "info"
    assert codes(report(title="某县统计局2023年政府信息公开年度报告"))["S1-TITLE"] == "warning"


def test_a_title_of_another_genre_is_an_error_and_before_2019_a_warning():
    assert codes(report(title="某县统计局2023年政府信息公开工作总结"))["S1-TITLE"] == "error"
    old = report(
        year=2013, title="某县统计局2013年度政府信息公开情况总结", closing_date=date(2014, 1, 9)
    )
    assert codes(old)["S1-TITLE"] == "warning"


def test_the_year_may_stand_before_the_agency():
    assert "S1-TITLE" not in codes(report(title="2023年某县统计局政府信息公开工作年度报告"))
