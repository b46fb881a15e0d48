"""Question → Query without a database: each step of the pipeline, the
years in every notation, and what a question leaves unexplained."""

from __future__ import annotations

from datetime import date

import pytest

from core.agency import aliases, normalise
from core.agency_index import AgencyEntry, AgencyIndex
from core.qa.normalise import normalise as normalise_question
from core.qa.query import plan
from core.qa.understand import understand

NAMES = ["硚口区司法局", "东风区司法局", "许昌市司法局", "东丰县司法局", "洪泽区人民政府"]
TODAY = date(2025, 6, 1)


@pytest.fixture(scope="module")
def index() -> AgencyIndex:
    return AgencyIndex(
        [AgencyEntry(i, n, normalise(n), tuple(aliases(n))) for i, n in enumerate(NAMES)]
    )


def query(index, question, today=TODAY, **kw):
    return plan(understand(question, index, today), index, lang="zh", **kw)


def row(q):
    return (
        q.operation,
        [a.name for a in q.agencies],
        q.years,
        q.metric.key if q.metric else None,
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("硚口区司法局2024年收到多少政府信息公开申请？", ("figure", ["硚口区司法局"], [2024], "t3.new_received.total")),
        ("硚口区司法局2024年上年结转政府信息公开申请数量", ("figure", ["硚口区司法局"], [2024], "t3.carried_over.total")),
        ("硚口区司法局2024年收到多少行政复议", ("figure", ["硚口区司法局"], [2024], "t4.review.total")),
        ("许昌市司法局2023年自然人申请多少", ("figure", ["许昌市司法局"], [2023], "t3.new_received.natural_person")),
        ("许昌市司法局2023年规范性文件现行有效多少件", ("figure", ["许昌市司法局"], [2023], "t2.normative_docs.in_force")),
        ("硚口区司法局2021到2024年申请变化", ("change", ["硚口区司法局"], [2021, 2022, 2023, 2024], "t3.new_received.total")),
        ("东风区司法局历年申请数量", ("trend", ["东风区司法局"], [], "t3.new_received.total")),
        ("2023年哪些司法局收到的申请最多", ("rank", [], [2023], "t3.new_received.total")),
        ("2023年各司法局合计收到多少申请", ("sum_all", [], [2023], "t3.new_received.total")),
        ("How many applications were carried over from last year at 硚口区司法局 in 2024?", ("figure", ["硚口区司法局"], [2024], "t3.carried_over.total")),
        ("how many requests from companies did 许昌市司法局 get last year", ("figure", ["许昌市司法局"], [2024], "t3.new_received.commercial_enterprise")),
        ("top 3 justice bureaus by lawsuits in 2023", ("rank", [], [2023], "t4.litigation.total")),
        ("what is wrong with 许昌市司法局's 2023 report", ("defects", ["许昌市司法局"], [2023], None)),
        ("list reports", ("list", [], [], None)),
        ("硚口区司法局和许昌市司法局2023年哪个收到的申请多", ("compare_agencies", ["硚口区司法局", "许昌市司法局"], [2023], "t3.new_received.total")),
        ("硚口区司法局和许昌市司法局2023年一共收到多少申请", ("sum_agencies", ["硚口区司法局", "许昌市司法局"], [2023], "t3.new_received.total")),
        ("硚口区司法局2022到2024年一共收到多少申请", ("sum_years", ["硚口区司法局"], [2022, 2023, 2024], "t3.new_received.total")),
        ("硚口区司法局2023年申请的增长率是多少", ("growth", ["硚口区司法局"], [2023], "t3.new_received.total")),
        ("东风区司法局2022年比上年申请增加了多少", ("change", ["东风区司法局"], [2021, 2022], "t3.new_received.total")),
        ("硚口区司法局2023年的收到申请在各司法局中排第几", ("position", ["硚口区司法局"], [2023], "t3.new_received.total")),
        ("洪泽区2023年行政诉讼总计", ("figure", ["洪泽区人民政府"], [2023], "t4.litigation.total")),
        ("2025年哪些单位还没有提交年报", ("roster", [], [2025], None)),
    ],
)  # fmt: skip
def test_a_question_is_read_into_a_query(index, question, expected):
    assert row(query(index, question)) == expected


@pytest.mark.parametrize(
    ("written", "years"),
    [
        ("二〇二四年", [2024]),
        ("二零二三年", [2023]),
        ("２０２４年", [2024]),
        ("2024年度", [2024]),
        ("23年", [2023]),
        ("24年度", [2024]),
        ("去年", [2024]),
        ("前年", [2023]),
        ("今年", [2025]),
        ("2021到2023年", [2021, 2022, 2023]),
        ("2021年至2023年", [2021, 2022, 2023]),
        ("22-24年", [2022, 2023, 2024]),
        ("2022年和2024年", [2022, 2024]),
        ("近三年", [2022, 2023, 2024]),
        ("from 2021 to 2023", [2021, 2022, 2023]),
        ("between 2022 and 2024", [2022, 2023, 2024]),
        ("last year", [2024]),
        ("in fy2023", [2023]),
    ],
)
def test_years_are_read_in_every_notation(written, years):
    assert normalise_question(f"硚口区司法局{written}收到多少申请", TODAY).years == years


def test_last_year_counts_from_today():
    assert normalise_question("硚口区司法局去年收到多少申请", date(2026, 1, 5)).years == [2025]


def test_carried_over_from_last_year_is_a_figure_not_a_year(index):
    q = query(index, "How many applications were carried over from last year at 硚口区司法局?")
    assert (q.years, q.metric.key) == ([], "t3.carried_over.total")


def test_the_language_follows_the_question_not_the_agency_name(index):
    assert query(index, "How many applications did 硚口区司法局 receive in 2024?").lang == "en"
    assert query(index, "硚口区司法局2024年收到多少申请").lang == "zh"
    assert understand("硚口区司法局2024", index, TODAY).lang is None


def test_a_ranking_reads_its_order_size_and_filter(index):
    q = query(index, "2023年不予公开最少的前3个司法局")
    assert (q.operation, q.order, q.limit, q.filter_kind, q.metric.key) == (
        "rank",
        "asc",
        3,
        "司法局",
        "t3.denied.total",
    )


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("硚口区司法局2024年收到多少只猫", ["猫"]),
        ("硚口区司法局2024年收到多少申请超过10件的", ["超过10"]),
        ("How many cats did 硚口区司法局 receive in 2024?", ["cats"]),
        ("硚口区司法局2024年未予答复多少件", ["未予"]),
    ],
)
def test_an_unknown_word_is_not_understood_never_dropped(index, question, unknown):
    q = query(index, question)
    assert (q.operation, q.unknown) == ("not_understood", unknown)


@pytest.mark.parametrize(
    ("question", "choices"),
    [
        ("硚口区司法局2024年收费多少", ["t2.admin_fees", "text.processing_fee"]),
        ("硚口区司法局2024年结转了多少件", ["t3.carried_over", "t3.carried_forward"]),
    ],
)
def test_a_word_naming_two_figures_is_a_choice_never_a_guess(index, question, choices):
    q = query(index, question)
    assert (q.operation, [c.value for c in q.choices]) == ("choose", choices)
    picked = query(index, question, picked={"metric": choices[1]})
    assert (picked.operation, picked.metric.row) == ("figure", choices[1])


def test_information_processing_fees_are_not_administrative_fees(index):
    assert query(index, "硚口区司法局2024年信息处理费收了多少").metric.key == "text.processing_fee"


@pytest.mark.parametrize(
    ("follow", "expected"),
    [
        ("那2023年呢？", ("figure", ["硚口区司法局"], [2023], "t3.new_received.total")),
        ("许昌市司法局呢", ("figure", ["许昌市司法局"], [2024], "t3.new_received.total")),
        ("and for 许昌?", ("figure", ["许昌市司法局"], [2024], "t3.new_received.total")),
        ("自然人呢？", ("figure", ["硚口区司法局"], [2024], "t3.new_received.natural_person")),
        ("行政复议呢", ("figure", ["硚口区司法局"], [2024], "t4.review.total")),
    ],
)
def test_a_follow_up_takes_the_rest_from_the_last_question(index, follow, expected):
    first = query(index, "硚口区司法局2024年收到多少申请")
    assert row(query(index, follow, context=first.context())) == expected


def test_without_a_last_question_a_follow_up_is_missing_its_figure(index):
    assert query(index, "那2023年呢？").operation == "not_understood"


# ------------------------------------------------------------ readers' phrasings
def test_a_misspelt_word_of_the_form_is_read_right_and_shown(index):
    n = normalise_question("洪泽区2023年部份公开和不与公开、复义多少件", TODAY)
    assert n.text == "洪泽区2023年部分公开和不予公开、复议多少件"
    assert n.original.startswith("洪泽区2023年部份公开")


@pytest.mark.parametrize(("written", "years"), [("两年前", [2023]), ("大前年", [2022])])
def test_years_ago_are_relative_years(written, years):
    assert normalise_question(f"硚口区司法局{written}收到多少申请", TODAY).years == years


def test_two_columns_of_one_figure_are_two_figures(index):
    q = query(index, "洪泽区2023年规范性文件制发和废止分别是多少")
    assert [m.key for m in q.metrics] == ["t2.normative_docs.issued", "t2.normative_docs.repealed"]
    assert [a.name for a in q.agencies] == ["洪泽区人民政府"]  # 分别: each figure, not each agency


def test_each_after_two_figures_with_an_agency_scope_still_ranks(index):
    q = query(index, "2023年各单位规范性文件制发和废止")
    assert q.operation == "rank" and len(q.metrics) == 2


def test_granted_yields_to_the_licences_it_is_the_verb_of(index):
    q = query(index, "How many administrative licences did 洪泽区人民政府 grant in 2023?")
    assert row(q) == ("figure", ["洪泽区人民政府"], [2023], "t2.admin_license.decisions")
    q = query(index, "How many requests did 洪泽区人民政府 grant in full in 2023?")
    assert row(q) == ("figure", ["洪泽区人民政府"], [2023], "t3.granted.total")


def test_a_place_written_before_and_another_name_is_an_agency_not_a_kind(index):
    q = query(index, "许昌和硚口司法局2023年哪个申请多")
    assert row(q) == (
        "compare_agencies",
        ["许昌市司法局", "硚口区司法局"],
        [2023],
        "t3.new_received.total",
    )


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("洪泽区2023年从上年转过来的申请", "t3.carried_over.total"),
        ("洪泽区2023年有多少申请转到下一年", "t3.carried_forward.total"),
        ("洪泽区2023年打了几场官司", "t4.litigation.total"),
        ("洪泽区2023年行政处罚的处理决定数量", "t2.admin_penalty.decisions"),
        (
            "洪泽区2023年要求确认或重新出具已获取信息的申请",
            "t3.not_processed.confirm_reissue.total",
        ),
        ("洪泽区2023年信息处理费收了多少", "text.processing_fee"),
    ],
)
def test_everyday_words_for_the_forms_rows(index, question, key):
    assert row(query(index, question)) == ("figure", ["洪泽区人民政府"], [2023], key)


def test_a_place_alone_names_its_government_stored_one_letter_apart():
    names = ["沐阳县人民政府", "沭阳县发展和改革局", "硚口区司法局"]
    idx = AgencyIndex(
        [AgencyEntry(i, n, normalise(n), tuple(aliases(n))) for i, n in enumerate(names)]
    )
    q = query(idx, "沭阳县2025年行政复议多少件")  # the report spells its county 沐阳
    assert row(q) == ("figure", ["沐阳县人民政府"], [2025], "t4.review.total")
    assert {"kind": "agency_read", "written": "沭阳县", "agency": "沐阳县人民政府"} in q.notes
    q = query(idx, "2025年沭阳县各单位行政复议排名")  # every agency of the place
    assert q.operation == "rank" and q.filter_place
    q = query(idx, "东阳县2025年行政复议多少件")  # a place not stored: a choice, not a guess
    assert q.operation == "choose" and [c.label_zh for c in q.choices] == ["沐阳县人民政府"]


def test_a_clause_asking_for_requests_counts_beside_another_figure(index):
    q = query(index, "东风区司法局2023年收到多少申请，行政复议多少")
    assert [m.key for m in q.metrics] == ["t3.new_received.total", "t4.review.total"]
    q = query(index, "东风区司法局2023年收到多少行政复议")  # one clause: the general word yields
    assert [m.key for m in q.metrics] == ["t4.review.total"]
    q = query(index, "洪泽区2023年申请中，不予公开的有几件")  # no question in the first clause
    assert [m.key for m in q.metrics] == ["t3.denied.total"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("2023年哪三个单位收到的申请最多", ("rank", 3)),
        ("2023年行政处罚排名第一的是谁", ("rank", None)),
        ("Total requests received by all agencies in 2025", ("sum_all", None)),
        ("2023年有哪些单位的报告", ("list", None)),
    ],
)
def test_readers_words_for_rankings_totals_and_lists(index, question, expected):
    q = query(index, question)
    assert (q.operation, q.limit) == expected and not q.unknown


@pytest.mark.parametrize(
    "question",
    [
        "How many requests did 洪泽区人民政府 receive in FY2023?",
        "How many requests came from individuals at 洪泽区人民政府 in 2023?",
        "How many coercive measures did 洪泽区人民政府 take in 2023?",
    ],
)
def test_english_readers_words_are_understood(index, question):
    q = query(index, question)
    assert q.operation == "figure" and q.years == [2023] and not q.unknown


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("洪泽区人民政府2023年收到的申请中予以公开的比例", ["比例"]),
        ("洪泽区人民政府2023年予以公开占比", ["占比"]),
        ("What percentage of requests did 洪泽区人民政府 grant in 2023?", ["percentage of"]),
    ],
)
def test_a_ratio_is_declined_naming_it_never_answered_with_a_count(index, question, unknown):
    q = query(index, question)
    assert q.operation == "not_understood" and q.unknown == unknown


def test_growth_words_are_still_growth(index):
    assert query(index, "洪泽区人民政府2022到2023年申请增长了百分之多少").operation == "growth"


def test_a_place_before_a_word_for_every_agency_names_its_agencies():
    names = ["平潭综合实验区", "平潭综合实验区行政审批局", "平潭综合实验区社会事业局"]
    idx = AgencyIndex(
        [AgencyEntry(i, n, normalise(n), tuple(aliases(n))) for i, n in enumerate(names)]
    )
    q = query(idx, "2023年平潭各单位收到的申请合计")
    assert (q.operation, q.agencies, q.filter_place) == ("sum_all", [], "平潭")
    q = query(idx, "平潭2023年收到多少申请")  # alone: the zone itself
    assert row(q) == ("figure", ["平潭综合实验区"], [2023], "t3.new_received.total")


def test_the_whole_asked_in_a_clause_of_its_own_beside_a_part(index):
    q = query(index, "洪泽区2023年收到申请多少件，其中自然人多少")
    assert [m.key for m in q.metrics] == ["t3.new_received.total", "t3.new_received.natural_person"]
    q = query(index, "洪泽区2023年收到的申请中，自然人有多少")  # one question: the part
    assert [m.key for m in q.metrics] == ["t3.new_received.natural_person"]


@pytest.mark.parametrize(
    "question",
    [
        "老师好，想问下洪泽区人民政府23年依申请公开收了多少件呀，谢谢！",
        "Hi, how many requests did 洪泽区人民政府 receive in 2023? Thanks!",
    ],
)
def test_politeness_around_a_question_is_no_unknown_word(index, question):
    assert row(query(index, question)) == (
        "figure",
        ["洪泽区人民政府"],
        [2023],
        "t3.new_received.total",
    )


def test_legal_persons_or_other_organisations_is_one_column_however_written(index):
    q = query(index, "洪泽区2023年法人或者其他组织申请多少")
    assert [m.key for m in q.metrics] == ["t3.new_received.legal_persons"]


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("2024年发布的洪泽区人民政府年报中收到多少申请", [2023]),
        ("How many requests were in the report 洪泽区人民政府 published in 2024?", [2023]),
        ("洪泽区人民政府2024年发布的规范性文件有多少", [2024]),  # the year's own documents
    ],
)
def test_a_report_published_in_a_year_reports_on_the_year_before(index, question, years):
    q = query(index, question)
    assert q.years == years
    assert ({"kind": "year_published", "year": 2023} in q.notes) == (years == [2023])


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("洪泽区人民政府2023年复议尚未办结的有几件", "t4.review.pending"),
        (
            "How many reconsiderations are still pending at 洪泽区人民政府 for 2023?",
            "t4.review.pending",
        ),
        ("洪泽区人民政府2023年尚未办结的申请", "t3.carried_forward.total"),
    ],
)
def test_words_of_requests_carried_forward_are_table_fours_column_beside_it(index, question, key):
    assert row(query(index, question)) == ("figure", ["洪泽区人民政府"], [2023], key)


def test_such_a_word_that_is_no_column_there_is_not_understood_never_the_total(index):
    q = query(index, "How many lawsuits were unfinished at 洪泽区人民政府 in 2023?")
    assert q.operation == "not_understood" and q.unknown == ["unfinished"]


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        (
            "洪泽区2023年收到申请和办结申请分别多少",
            ["t3.new_received.total", "t3.results_total.total"],
        ),
        ("洪泽区2023年办结和收到的申请各多少", ["t3.results_total.total", "t3.new_received.total"]),
        ("洪泽区2023年收到多少行政复议", ["t4.review.total"]),  # no list: the general word yields
    ],
)
def test_a_general_word_listed_beside_a_named_figure_is_a_figure_too(index, question, keys):
    assert [m.key for m in query(index, question).metrics] == keys
