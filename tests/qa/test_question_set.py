"""The question set (tests/qa/question_set): every question asked of a store
holding the seeds and the real reports of tests/corpus, ingested as a user
would (the files, published), on SQLite and on PostgreSQL.  Each answer is
checked against the figure a person read in the report — its value, its
agency, year and figure, or exactly why it was declined."""

from __future__ import annotations

from datetime import date

import pytest

from core.qa import ask
from core.store.repository import Store
from tests.qa.question_set.cases import Case, all_cases
from tests.qa.truth import READING_GAP_ROWS, READING_GAPS, names, reports
from tests.support.postgres import shared_cluster

TODAY = date(2025, 6, 1)  # "去年" is 2024
CASES = all_cases()


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def truth_store(request, tmp_path_factory):
    if request.param == "sqlite":
        store = Store(f"sqlite:///{tmp_path_factory.mktemp('qs') / 'qs.sqlite3'}")
    else:
        cluster = shared_cluster()
        if cluster is None:
            pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
        store = Store(cluster.new_database())
    for t in reports():
        res = store.ingest_bytes(t.path.read_bytes(), t.path.name, published=True)
        assert res.ok, res.message("en")
    yield store
    store.close()


def _params():
    for case in CASES:
        gaps = [READING_GAPS[r] for r in case.reports if r in READING_GAPS]
        row = case.expect.get("key", "").rsplit(".", 1)[0]
        gaps += [READING_GAP_ROWS[r, row] for r in case.reports if (r, row) in READING_GAP_ROWS]
        marks = [pytest.mark.xfail(strict=True, reason=gaps[0])] if gaps else []
        yield pytest.param(case, id=case.id, marks=marks)


def num(v):
    return None if v is None else float(v)


@pytest.mark.parametrize("case", list(_params()))
def test_the_question_gets_the_answer_the_report_holds(truth_store, case: Case):
    a = ask(truth_store, case.question, today=TODAY)
    e = case.expect
    text = a.text()  # every answer renders, in its language
    assert text and a.lang == case.lang
    check = CHECKS[e["kind"]] if e["kind"] in CHECKS else _declined
    check(a, e)


def _figure(a, e):
    got = (a.kind, a.agency in names(e["agency"]), a.year, a.metric_key, num(a.value))
    assert got == ("figure", True, e["year"], e["key"], num(e["value"])), a.agency
    if e["value"] is not None:
        assert a.sources and all(s["agency"] in names(e["agency"]) for s in a.sources)
        stated = all(s.get("from_text") for s in a.sources)
        assert stated or num(sum(s["value"] for s in a.sources)) == num(e["value"])
        assert stated or not e.get("from_text")
    else:
        assert a.detail.get("status") not in ("number", "stated")


def _compare(a, e):
    assert (a.kind, a.metric_key, a.year) == ("compare_agencies", e["key"], e["year"])
    assert [
        (i["agency"] in names(agency), num(i["value"]))
        for i, (agency, _) in zip(a.value, e["items"], strict=False)
    ] == [(True, num(v)) for _, v in e["items"]]
    assert len(a.value) == len(e["items"])
    assert num(a.detail.get("delta")) == num(e["delta"])


def _change(a, e):
    assert (a.kind, a.metric_key) == (e["kind"], e["key"])
    assert [(i["year"], num(i["value"])) for i in a.value] == [(y, num(v)) for y, v in e["items"]]
    if "delta" in e:
        assert num(a.detail.get("delta")) == num(e["delta"])
        assert a.detail.get("rate") == e["rate"]
    if e.get("missing_years"):
        assert {"kind": "missing_years", "years": e["missing_years"]} in a.warnings


def _rank(a, e):
    assert (a.kind, a.metric_key, a.year) == ("rank", e["key"], e["year"])
    assert [num(i["value"]) for i in a.value] == [num(v) for v in e["values"]]
    tied = sorted(a.detail.get("tied", []))
    assert len(tied) == len(e["first"])
    assert all(got in names(want) for got, want in zip(tied, e["first"], strict=True))
    assert (a.detail["count"], a.detail["blank"] + a.detail["without"]) == (e["count"], e["blank"])


def _sum_all(a, e):
    assert (a.kind, a.metric_key, a.year) == (e["kind"], e["key"], e["year"])
    assert (num(a.value), a.detail["count"]) == (num(e["value"]), e["count"])


def _sum_agencies(a, e):
    assert (a.kind, a.metric_key, a.year, num(a.value)) == (
        "sum_agencies",
        e["key"],
        e["year"],
        num(e["value"]),
    )


def _declined(a, e):
    assert a.kind == e["kind"]
    assert a.value in (None, [])
    u = a.understood
    for key in ("unknown", "missing", "not_stored"):
        if key in e:
            assert u.get(key) == e[key]
    if "years" in e:
        assert a.detail["years"] == e["years"]
    if "choices" in e:
        assert [c.value for c in a.choice_options] == e["choices"]
    if "agencies" in e:
        assert [c.label_zh for c in a.choice_options] == e["agencies"]
    if e["kind"] == "roster":
        assert a.detail["unavailable"] is True


def _multi(a, e):
    """Several figures asked at once (制发和废止分别多少): one part each, in order."""
    assert a.kind == "multi" and len(a.parts) == len(e["parts"])
    for part, want in zip(a.parts, e["parts"], strict=True):
        CHECKS[want["kind"]](part, want)


CHECKS = {
    "multi": _multi,
    "figure": _figure,
    "compare_agencies": _compare,
    "change": _change,
    "growth": _change,
    "rank": _rank,
    "sum_all": _sum_all,
    "average_all": _sum_all,
    "sum_agencies": _sum_agencies,
}


def test_the_question_set_has_every_category_and_at_least_300_questions():
    by = {}
    for c in CASES:
        by[c.category] = by.get(c.category, 0) + 1
    assert len(CASES) >= 300
    assert {
        "figure",
        "figure_handwritten",
        "text_figure",
        "agency_variant",
        "comparison",
        "ranking",
        "sum",
        "must_decline",
    } <= set(by)
    assert len({c.question for c in CASES}) == len(CASES)  # no question asked twice
