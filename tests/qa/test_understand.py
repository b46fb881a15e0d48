"""Question → Query without a database: agency, years, figure, kind."""

from __future__ import annotations

from datetime import date

import pytest

from core.agency import AgencyEntry, AgencyIndex, aliases, normalise
from core.qa.understand import understand

NAMES = ["硚口区司法局", "东风区司法局", "许昌市司法局", "东丰县司法局"]
TODAY = date(2025, 6, 1)


@pytest.fixture
def index() -> AgencyIndex:
    return AgencyIndex(
        [AgencyEntry(i, n, normalise(n), tuple(aliases(n))) for i, n in enumerate(NAMES)]
    )


@pytest.mark.parametrize(
    ("question", "kind", "agency", "years", "key"),
    [
        (
            "硚口区司法局2024年收到多少政府信息公开申请？",
            "figure",
            "硚口区司法局",
            [2024],
            "t3.new_received.total",
        ),
        (
            "硚口区司法局2024年上年结转政府信息公开申请数量",
            "figure",
            "硚口区司法局",
            [2024],
            "t3.carried_over.total",
        ),
        ("硚口区司法局2024年收到多少行政复议", "figure", "硚口区司法局", [2024], "t4.review.total"),
        (
            "许昌市司法局2023年自然人申请多少",
            "figure",
            "许昌市司法局",
            [2023],
            "t3.new_received.natural_person",
        ),
        (
            "许昌市司法局2023年规范性文件现行有效多少件",
            "figure",
            "许昌市司法局",
            [2023],
            "t2.normative_docs.in_force",
        ),
        (
            "硚口区司法局2021到2024年申请变化",
            "compare",
            "硚口区司法局",
            [2021, 2022, 2023, 2024],
            "t3.new_received.total",
        ),
        ("东风区司法局历年申请数量", "trend", "东风区司法局", [], "t3.new_received.total"),
        ("2023年哪些司法局收到的申请最多", "ranking", None, [2023], "t3.new_received.total"),
        ("2023年各司法局合计收到多少申请", "total", None, [2023], "t3.new_received.total"),
        (
            "How many applications were carried over from last year at 硚口区司法局 in 2024?",
            "figure",
            "硚口区司法局",
            [2024],
            "t3.carried_over.total",
        ),
        (
            "how many requests from companies did 许昌市司法局 get last year",
            "figure",
            "许昌市司法局",
            [2024],
            "t3.new_received.commercial_enterprise",
        ),
        (
            "top 3 justice bureaus by lawsuits in 2023",
            "ranking",
            None,
            [2023],
            "t4.litigation.total",
        ),
        ("what is wrong with 许昌市司法局's 2023 report", "defects", "许昌市司法局", [2023], None),
        ("list reports", "list", None, [], None),
    ],
)
def test_a_question_is_read_into_a_query(index, question, kind, agency, years, key):
    q = understand(question, index, TODAY)
    assert (
        q.kind,
        q.agency.name if q.agency else None,
        q.years,
        q.metric.key if q.metric else None,
    ) == (
        kind,
        agency,
        years,
        key,
    )


def test_last_year_and_the_year_before_count_from_today(index):
    assert understand("硚口区司法局去年收到多少申请", index, TODAY).years == [2024]
    assert understand("硚口区司法局前年收到多少申请", index, TODAY).years == [2023]
    assert understand("硚口区司法局去年收到多少申请", index, date(2026, 1, 5)).years == [2025]


def test_carried_over_from_last_year_is_a_figure_not_a_year(index):
    q = understand(
        "How many applications were carried over from last year at 硚口区司法局?", index, TODAY
    )
    assert (q.years, q.metric.key) == ([], "t3.carried_over.total")


def test_the_language_follows_the_question_not_the_agency_name(index):
    assert (
        understand("How many applications did 硚口区司法局 receive in 2024?", index, TODAY).lang
        == "en"
    )
    assert understand("硚口区司法局2024年收到多少申请", index, TODAY).lang == "zh"


def test_a_ranking_reads_its_order_size_and_filter(index):
    q = understand("2023年不予公开最少的前3个司法局", index, TODAY)
    assert (q.kind, q.order, q.limit, q.filter_word, q.metric.key) == (
        "ranking",
        "asc",
        3,
        "司法局",
        "t3.denied.total",
    )
