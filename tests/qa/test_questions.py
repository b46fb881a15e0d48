"""Questions in Chinese and English over the ingested seeds and the question
fixtures; every answer is checked for its exact value (and where it came from)."""

from __future__ import annotations

import pytest

from core.check import check_report
from core.parse import parse_file
from tests.conftest import seed_path

# question, agency, year, metric key, exact value
FIGURES = [
    ("硚口区司法局2024年收到多少政府信息公开申请？", "硚口区司法局", 2024, "t3.new_received.total", 0),
    ("硚口区司法局2023年收到多少申请", "硚口区司法局", 2023, "t3.new_received.total", 7),
    ("桥口区司法局2023年收到多少申请", "硚口区司法局", 2023, "t3.new_received.total", 7),
    ("硚口司法局去年上年结转多少件", "硚口区司法局", 2024, "t3.carried_over.total", 0),
    ("江岸区司法局2023年自然人申请多少件", "江岸区司法局", 2023, "t3.new_received.natural_person", 20),
    ("江岸区司法局2023年企业提出了多少申请", "江岸区司法局", 2023, "t3.new_received.commercial_enterprise", 3),
    ("江岸区司法局2023年不予公开多少件", "江岸区司法局", 2023, "t3.denied.total", 2),
    ("江岸区司法局2023年收费金额是多少", "江岸区司法局", 2023, "t2.admin_fees.amount_wan_yuan", 12.5),
    ("江岸区司法局2023年行政诉讼多少件", "江岸区司法局", 2023, "t4.litigation.total", 3),
    ("江岸区司法局2023年行政复议多少件", "江岸区司法局", 2023, "t4.review.total", 2),
    ("江岸区司法局2023年无法提供多少件", "江岸区司法局", 2023, "t3.unable.total", 4),
    ("正宁县司法局2022年行政复议总计", "正宁县司法局", 2022, "t4.review.total", 12),
    ("许昌司法局2022年新收申请多少件", "许昌市司法局", 2022, "t3.new_received.total", 9),
    ("洪山区司法局2023年收到多少申请", "洪山区司法局", 2023, "t3.new_received.total", 12),
    ("How many applications did 许昌市司法局 receive in 2023?", "许昌市司法局", 2023, "t3.new_received.total", 0),
    ("how many applications did 许昌市司法局 receive in 2022", "许昌市司法局", 2022, "t3.new_received.total", 9),
    ("How many requests did 江岸区司法局 receive from individuals in 2023?", "江岸区司法局", 2023, "t3.new_received.natural_person", 20),
    ("How many applications from companies did 江岸区司法局 get in 2023?", "江岸区司法局", 2023, "t3.new_received.commercial_enterprise", 3),
    ("How many applications were carried over from last year at 江岸区司法局 in 2023?", "江岸区司法局", 2023, "t3.carried_over.total", 2),
    ("How many applications did 江岸区司法局 carry forward to next year in 2023?", "江岸区司法局", 2023, "t3.carried_forward.total", 1),
    ("How many lawsuits did 江岸区司法局 face in 2023?", "江岸区司法局", 2023, "t4.litigation.total", 3),
    ("How many administrative reconsiderations did 江岸区司法局 have in 2023?", "江岸区司法局", 2023, "t4.review.total", 2),
    ("What administrative fees did 江岸区司法局 collect in 2023?", "江岸区司法局", 2023, "t2.admin_fees.amount_wan_yuan", 12.5),
    ("How many requests were refused by 江岸区司法局 in 2023?", "江岸区司法局", 2023, "t3.denied.total", 2),
    ("How many applications did 硚口区司法局 receive last year?", "硚口区司法局", 2024, "t3.new_received.total", 0),
    ("Applications received by 乔口区司法局 in 2023", "硚口区司法局", 2023, "t3.new_received.total", 7),
    ("How many normative documents did 江岸区司法局 issue in 2023?", "江岸区司法局", 2023, "t2.normative_docs.issued", 2),
    ("How many penalties did 江岸区司法局 decide in 2023?", "江岸区司法局", 2023, "t2.admin_penalty.decisions", 48),
]  # fmt: skip


@pytest.mark.parametrize(("question", "agency", "year", "key", "value"), FIGURES)
def test_a_figure_question_gets_the_exact_value_and_its_cell(
    ask, question, agency, year, key, value
):
    a = ask(question)
    assert (a.kind, a.agency, a.year, a.metric_key, a.value) == ("figure", agency, year, key, value)
    assert a.sources and all(src["agency"] == agency and src["year"] == year for src in a.sources)
    assert sum(src["value"] for src in a.sources) == value


def test_a_chinese_answer_names_the_report_table_row_column_and_raw_text(ask):
    a = ask("硚口区司法局2023年收到多少申请")
    assert a.sources[0]["title"] == "硚口区司法局2023年政府信息公开工作年度报告"
    assert (a.sources[0]["key"], a.sources[0]["raw"]) == ("t3.new_received.total", "7")
    assert (
        a.text().splitlines()[0] == "硚口区司法局2023年本年新收政府信息公开申请数量（总计）：7件。"
    )
    assert "来源：《硚口区司法局2023年政府信息公开工作年度报告》，表三" in a.text()
    assert "“一、本年新收政府信息公开申请数量”行，“总计”列，原文“7”" in a.text()


def test_an_english_question_is_answered_in_english(ask):
    a = ask("How many applications did 许昌市司法局 receive in 2022?")
    assert a.lang == "en"
    assert (
        a.text().splitlines()[0]
        == "许昌市司法局, 2022: new requests received this year (total): 9."
    )
    assert "Source: “许昌市司法局2022年政府信息公开工作年度报告”, table 3" in a.text()


def test_a_misspelt_agency_is_read_as_the_closest_stored_one_and_says_so(ask):
    a = ask("桥口区司法局2023年收到多少申请")
    assert (a.agency, a.value) == ("硚口区司法局", 7)
    assert "按“硚口区司法局”理解问题中的“桥口区司法局”。" in a.text()


def test_a_fee_amount_keeps_its_decimal_and_unit(ask):
    a = ask("江岸区司法局2023年收费金额是多少")
    assert (a.value, a.as_json()["unit"], a.as_json()["unit_text"]) == (12.5, "wan_yuan", "万元")
    assert "12.5万元" in a.text()


def test_a_question_without_a_year_uses_the_latest_stored_year_and_says_so(ask):
    a = ask("江岸区司法局结转下年度多少件")
    assert (a.year, a.value) == (2023, 1)
    assert "问题中没有年份，按已存的最近年份2023年回答。" in a.text()
    a = ask("how many normative documents are in force at 许昌市司法局")
    assert (a.year, a.metric_key, a.value) == (2023, "t2.normative_docs.in_force", 1)


@pytest.mark.parametrize(
    "question",
    ["正宁县司法局2022年收到多少申请", "How many applications did 正宁县司法局 receive in 2022?"],
)
def test_a_blank_cell_is_not_filled_in_never_zero(ask, question):
    a = ask(question)
    assert (a.kind, a.value, a.sources[0]["status"]) == ("figure", None, "blank")
    assert ("未填写" in a.text()) if a.lang == "zh" else ("not filled in" in a.text())


def test_a_figure_that_fails_a_check_comes_with_a_warning(ask):
    a = ask("青山区司法局2023年收到多少申请")
    assert a.value is None
    assert [w["code"] for w in a.warnings if w["kind"] == "defect"] == ["C1"]
    assert "注意：这个数字在报告中未通过检查：C1" in a.text()


def test_a_clean_figure_has_no_check_warning(ask):
    assert [
        w for w in ask("江岸区司法局2023年收到多少申请").warnings if w["kind"] == "defect"
    ] == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("东风区司法局历年申请数量", [(2021, 3), (2022, 5), (2023, 0)]),
        ("Trend of applications at 东风区司法局 over the years", [(2021, 3), (2022, 5), (2023, 0)]),
        ("硚口区司法局每年收到多少申请", [(2022, 3), (2023, 7), (2024, 0)]),
    ],
)
def test_a_trend_lists_every_stored_year(ask, question, expected):
    a = ask(question)
    assert a.kind == "trend"
    assert [(i["year"], i["value"]) for i in a.value] == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("硚口区司法局2023年和2024年申请对比", [(2023, 7), (2024, 0)]),
        ("Compare applications of 硚口区司法局 in 2022 and 2023", [(2022, 3), (2023, 7)]),
        ("东风区司法局2022年比上年申请增加了多少", [(2021, 3), (2022, 5)]),
    ],
)
def test_a_comparison_gives_each_year_and_the_change(ask, question, expected):
    a = ask(question)
    assert a.kind == "change"
    assert [(i["year"], i["value"]) for i in a.value] == expected


def test_a_comparison_states_the_difference(ask):
    assert (
        "2023年比2022年增加4件，变化率+133.3%" in ask("硚口区司法局2022年和2023年申请对比").text()
    )


JUSTICE_2023 = [
    ("江岸区司法局", 25),
    ("洪山区司法局", 12),
    ("硚口区司法局", 7),
    ("东丰县司法局", 4),
    ("东风区司法局", 0),
]


@pytest.mark.parametrize(
    "question",
    [
        "2023年哪些司法局收到的申请最多",
        "Which justice bureaus received the most applications in 2023?",
    ],
)
def test_a_ranking_of_justice_bureaus_leaves_out_other_offices_and_blank_cells(ask, question):
    a = ask(question)
    assert a.kind == "rank"
    assert [(i["agency"], i["value"]) for i in a.value] == JUSTICE_2023
    assert (a.detail["count"], a.detail["blank"]) == (6, 1)


@pytest.mark.parametrize(
    "question", ["2023年申请最多的前3个机关", "Top 3 agencies by applications in 2023"]
)
def test_a_ranking_of_all_agencies_can_be_cut_to_the_top_n(ask, question):
    a = ask(question)
    assert [(i["agency"], i["value"]) for i in a.value] == [
        ("江岸区教育局", 40),
        ("江岸区司法局", 25),
        ("洪山区司法局", 12),
    ]


@pytest.mark.parametrize(
    "question",
    [
        "2023年江岸区各机关申请最多的是哪个",
        "Which agencies of 江岸区 had the most applications in 2023?",
    ],
)
def test_a_ranking_can_be_limited_to_the_agencies_of_a_place(ask, question):
    a = ask(question)
    assert [(i["agency"], i["value"]) for i in a.value] == [
        ("江岸区教育局", 40),
        ("江岸区司法局", 25),
    ]


def test_a_ranking_from_the_fewest(ask):
    a = ask("2023年行政诉讼最少的司法局")
    assert a.detail["order"] == "asc"
    assert [i["value"] for i in a.value] == [0, 0, 0, 0, 0]


@pytest.mark.parametrize(
    "question",
    [
        "2023年各司法局合计收到多少申请",
        "How many applications did all justice bureaus receive in total in 2023?",
    ],
)
def test_a_total_over_agencies_counts_only_filled_cells(ask, question):
    a = ask(question)
    assert (a.kind, a.value, a.detail["count"], a.detail["blank"]) == ("sum_all", 48, 6, 1)


@pytest.mark.parametrize("question", ["有哪些报告", "List the stored reports"])
def test_the_list_of_stored_reports(ask, question):
    a = ask(question)
    assert a.kind == "list"
    assert len(a.value) == 15
    assert (a.value[0]["agency"], a.value[0]["year"]) == ("硚口区司法局", 2024)


@pytest.mark.parametrize(
    "question",
    ["正宁县司法局2022年报告有什么问题", "What is wrong with 正宁县司法局's 2022 report?"],
)
def test_the_defects_of_a_stored_report(ask, question):
    expected = [d.code for d in check_report(parse_file(seed_path("002")))]
    a = ask(question)
    assert a.kind == "defects"
    assert sorted(d["code"] for d in a.value) == sorted(expected)
    assert len(a.value) == len(expected) > 0


@pytest.mark.parametrize(
    "question",
    ["东风县司法局2023年收到多少申请", "How many applications did 东风县司法局 receive in 2023?"],
)
def test_two_close_agency_names_give_a_choice(ask, question):
    a = ask(question)
    assert (a.kind, a.value) == ("choose", None)
    assert sorted(a.choices) == ["东丰县司法局", "东风区司法局"]


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("2024年收到多少申请", ["agency"]),
        ("硚口区司法局2024年的情况", ["metric"]),
        ("Tell me about 硚口区司法局 in 2024", ["metric"]),
    ],
)
def test_a_question_it_cannot_understand_is_declined_with_examples(ask, question, missing):
    a = ask(question)
    assert (a.kind, a.value, a.understood["missing"]) == ("not_understood", None, missing)
    examples = [
        "硚口区司法局2024年收到多少政府信息公开申请？",
        "How many applications did 许昌市司法局 receive in 2023?",
    ]
    assert examples[0 if a.lang == "zh" else 1] in a.text()


@pytest.mark.parametrize(
    ("question", "unknown"),
    [("今天天气怎么样", ["今天天气"]), ("What is the weather like today?", ["weather", "today"])],
)
def test_a_question_about_something_else_names_the_words_not_understood(ask, question, unknown):
    a = ask(question)
    assert (a.kind, a.value, a.understood["unknown"]) == ("not_understood", None, unknown)


def test_a_declined_question_says_what_was_understood(ask):
    text = ask("2024年收到多少申请").text()
    assert "已识别：年份2024，项目“本年新收政府信息公开申请数量（总计）”；缺少机关名称。" in text


@pytest.mark.parametrize(
    "question",
    ["硚口区司法局2030年收到多少申请", "How many applications did 硚口区司法局 receive in 2030?"],
)
def test_a_year_with_no_stored_report_is_said_so_with_the_stored_years(ask, question):
    a = ask(question)
    assert (a.kind, a.value, a.detail["years"]) == ("no_data", None, [2022, 2023, 2024])


def test_the_json_answer_has_the_documented_fields(ask):
    j = ask("2023年哪些司法局收到的申请最多").as_json()
    assert {"answer", "value", "unit", "agency", "year", "metric_key", "sources"} <= set(j)
    assert [v["value"] for v in j["value"]] == [25, 12, 7, 4, 0]
    assert {"report_id", "title", "table", "row", "column", "raw", "location"} <= set(
        j["sources"][0]
    )
