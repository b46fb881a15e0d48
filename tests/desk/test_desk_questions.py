"""The reviewer's questions: recognised from the patterns in data/desk.toml,
answered from the store — two years side by side, a figure over the years
as a chart drawn in a CJK font with the stored values on it."""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from sqlalchemy import select

from core.desk import answer_desk_question
from core.desk.chart import figure, font_path
from core.desk.questions import recognise
from core.store.db import session
from core.store.models import Agency, Fact
from core.store.models import Report as ReportRow
from core.store.repository import Store
from tests.conftest import SEEDS

QA = Path(__file__).parents[1] / "fixtures" / "qa"
TODAY = date(2025, 6, 1)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(f"sqlite:///{tmp_path_factory.mktemp('desk') / 'q.sqlite3'}")
    for path in [*SEEDS.values(), *sorted(QA.glob("*.txt"))]:
        assert s.ingest_bytes(path.read_bytes(), path.name, published=True).ok
    yield s
    s.close()


def ask(store, question, lang=None):
    return answer_desk_question(store, question, chat_id=None, lang=lang, today=TODAY)


@pytest.mark.parametrize(
    ("question", "kind", "detail"),
    [
        ("2025年哪些单位还没有提交年报", "missing", 2025),
        ("2024年度哪些单位没有报送", "missing", 2024),
        ("who has not filed for 2024", "missing", 2024),
        ("Which units have not submitted their 2023 reports?", "missing", 2023),
        ("东风区司法局 2022年和2023年对比", "compare", (2022, 2023)),
        ("compare 许昌市司法局 2022 and 2023", "compare", (2022, 2023)),
        ("东风区司法局历年申请数量", "trend", "t3.new_received.total"),
        ("trend of applications for 东风区司法局", "trend", "t3.new_received.total"),
        ("许昌市司法局历年行政复议", "trend", "t4.review.total"),
    ],
)
def test_the_reviewers_questions_are_recognised(question, kind, detail):
    q = recognise(question)
    assert q is not None and q.kind == kind
    got = {"missing": q.year, "compare": q.years, "trend": q.metric and q.metric.key}[kind]
    assert got == detail


@pytest.mark.parametrize(
    "question",
    [
        "硚口区司法局2024年收到多少政府信息公开申请？",
        "硚口区司法局2023年和2024年申请对比",  # one figure compared: the general answering's
        "2023年哪些司法局收到的申请最多",
        "how many applications did 许昌市司法局 receive in 2023",
    ],
)
def test_other_questions_are_left_to_the_general_answering(question):
    assert recognise(question) is None


def stored_values(store, agency: str, key: str) -> dict[int, float | None]:
    with session(store.engine) as s:
        rows = s.execute(
            select(ReportRow.year, Fact.value)
            .join(Fact, Fact.report_id == ReportRow.id)
            .join(Agency, Agency.id == ReportRow.agency_id)
            .where(Agency.name == agency, Fact.key == key, ReportRow.current)
        ).all()
    return dict(rows)


def test_a_trend_is_a_chart_of_the_stored_values_in_a_cjk_font(store):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        a = ask(store, "东风区司法局历年申请数量")
    assert not [w for w in caught if "Glyph" in str(w.message)]  # no missing-glyph boxes
    assert a.kind == "trend" and a.png is not None
    assert a.png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(a.png[16:20], "big"), int.from_bytes(a.png[20:24], "big")
    assert (width, height) == (1000, 600)
    assert 10_000 < len(a.png) < 500_000
    stored = stored_values(store, "东风区司法局", "t3.new_received.total")
    assert stored == {2021: 3.0, 2022: 5.0, 2023: 0.0}
    assert dict(zip(a.chart.years, a.chart.values, strict=True)) == stored
    fig = figure(a.chart)
    ax = fig.axes[0]
    assert [round(p.get_height()) for p in ax.patches] == [3, 5, 0]
    assert [t.get_text() for t in ax.texts] == ["3", "5", "0"]  # the figures on the bars
    assert ax.get_title() == "东风区司法局历年本年新收政府信息公开申请数量"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("年度", "件数")
    cmap = TTFont(font_path(), fontNumber=0, lazy=True).getBestCmap()
    drawn = [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.texts, *fig.texts]
    for t in drawn:
        assert Path(font_manager.findfont(t.get_fontproperties())) == font_path(), t.get_text()
        missing = {ch for ch in t.get_text() if not ch.isspace() and ord(ch) not in cmap}
        assert not missing, (t.get_text(), missing)
    caption = fig.texts[0].get_text().replace("\n", "")
    assert "东风区司法局2021年" in caption and "2023" in caption  # the source reports named
    assert a.caption and len(a.caption) <= 1024


def test_a_trend_in_english_keeps_the_unit_name_and_draws_in_the_same_font(store):
    a = ask(store, "trend of applications for 东风区司法局")
    assert a.chart.title.startswith("东风区司法局:") and a.chart.xlabel == "Year"
    assert "· 2022: 5" in a.text


def test_two_years_side_by_side_show_each_changed_figure_with_the_change(store):
    a = ask(store, "东风区司法局 2022年和2023年对比")
    assert a.kind == "compare"
    head, *lines = a.text.splitlines()
    assert head.startswith("东风区司法局 2022年与2023年对比：")
    assert "【表三】" in lines
    assert "· 一、本年新收政府信息公开申请数量 / 总计：5 → 0（-5）" in lines
    before = stored_values(store, "东风区司法局", "t3.new_received.total")
    assert (before[2022], before[2023]) == (5.0, 0.0)
    assert lines[-1].startswith("来源：《东风区司法局2022年")


def test_a_comparison_with_a_missing_year_says_which(store):
    a = ask(store, "东风区司法局 2019年和2020年对比")
    assert "没有找到东风区司法局2019、2020年的报告" in a.text


def test_an_unknown_unit_is_said_so(store):
    a = ask(store, "不存在区某某局历年申请数量")
    assert a.kind == "trend" and a.png is None and "没有找到" in a.text


def test_who_has_not_filed_from_the_command_line_says_there_is_no_roster(store):
    a = ask(store, "2024年哪些单位还没有提交年报")
    assert a.kind == "missing" and "/roster add" in a.text
