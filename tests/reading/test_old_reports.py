"""Reports of 2018 and before: the figures their old statistics table and
their prose state, under the form's keys; the agency the article names."""

from __future__ import annotations

from pathlib import Path

from core.parse import parse_bytes, parse_file
from core.parse.meta import abbreviates

CORPUS = Path(__file__).parents[1] / "corpus"


def _facts(report):
    return {k: (f.value, f.status) for k, f in report.facts.items()}


def test_the_old_statistics_table_gives_the_years_figures_not_the_cumulative_ones():
    r = parse_file(CORPUS / "pingtan-shichang-2018.html")
    got = _facts(r)
    assert got["t3.new_received.total"] == (2, "number")  # 历年累计 is 7
    assert got["t3.granted.total"] == (1, "number")
    assert got["t3.results_total.total"] == (2, "number")
    assert got["t4.lit_direct.total"] == got["t4.lit_after_review.total"] == (0, "number")


OLD_TABLE = """<html><head><meta charset="utf-8"></head><body><div class="TRS_Editor">
<p>某县人民政府2014年政府信息公开工作年度报告</p><p>一、概述</p><p>本年度工作有序开展。</p>
<table border="1"><tr><td>指标名称</td><td>计量单位</td><td>2014年度</td><td>历年累计</td></tr>
<tr><td>受理依申请公开信息总数</td><td>条</td><td>9</td><td>40</td></tr>
<tr><td>行政复议数</td><td>件</td><td>1</td><td>2</td></tr>
<tr><td>行政诉讼数</td><td>件</td><td>{suits}</td><td>3</td></tr>
<tr><td>其中：1.当面申请数</td><td>条</td><td>4</td><td>9</td></tr></table>
</div></body></html>"""


def test_a_lawsuit_count_above_zero_is_not_split_over_the_two_lawsuit_rows():
    r = parse_bytes(OLD_TABLE.format(suits=2).encode(), "old.html")
    got = _facts(r)
    assert got == {"t3.new_received.total": (9, "number"), "t4.review.total": (1, "number")}
    zero = _facts(parse_bytes(OLD_TABLE.format(suits=0).encode(), "old.html"))
    assert zero["t4.lit_direct.total"] == zero["t4.lit_after_review.total"] == (0, "number")


def test_prose_that_says_no_application_came_gives_zero():
    r = parse_file(CORPUS / "pingtan-weisheng-2013.html")
    assert _facts(r) == {"t3.new_received.total": (0, "prose")}


def test_prose_that_says_no_review_or_lawsuit_came_gives_zero_for_all_three():
    r = parse_file(CORPUS / "pingtan-zhifa-2017.html")
    got = _facts(r)
    for key in ("t4.review.total", "t4.lit_direct.total", "t4.lit_after_review.total"):
        assert got[key] == (0, "prose")


def _old(text: str):
    head = "某县水利局2016年政府信息公开工作年度报告\n一、概述\n本年度工作有序开展。\n"
    return parse_bytes((head + text).encode(), "r.txt")


def test_a_stated_count_of_applications_is_read_and_a_cumulative_one_is_not():
    r = _old(
        "二、依申请公开政府信息情况\n2016年，我局共收到有关政府信息公开的申请12件。历年累计受理申请30件。\n"
    )
    assert _facts(r)["t3.new_received.total"] == (12, "prose")


def test_an_approximate_or_unrelated_figure_is_not_read():
    r = _old("二、依申请公开政府信息情况\n2016年，我局收到政府信息公开申请20余件。\n")
    assert "t3.new_received.total" not in r.facts
    r = _old("五、行政复议情况\n本年度未发生行政复议被纠错的情况。\n")
    assert "t4.review.total" not in r.facts


def test_a_modern_report_gets_no_prose_figures():
    r = parse_file(CORPUS / "pingtan-ziran-2023.html")
    assert not any(f.status == "prose" for f in r.facts.values())


def test_the_agency_the_article_names_wins_over_the_page_header_and_its_office():
    r = parse_file(CORPUS / "pingtan-zhifa-2017.html")
    assert r.title_source == "heading"
    assert (r.agency, r.agency_source) == ("平潭综合实验区综合执法局", "text")


def test_a_unit_of_an_agency_is_not_its_full_name():
    assert not abbreviates("某市综合执法局", "某市综合执法局办公室")
