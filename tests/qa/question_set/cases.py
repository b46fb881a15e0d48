"""The question set: questions as people ask them, each with its expected
answer computed from the truth of tests/qa/truth.py (never from the parser).
Categories: figure, text_figure, agency_variant, comparison, ranking, sum,
must_decline (the hand-written ones are in handwritten.py; questions as
readers type them, with the same categories suffixed _reader, in readers.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from tests.qa.question_set.phrasings import (
    AGENCY_FORMS,
    FIGURES,
    TEXT_FIGURES,
    agency_forms,
    year_forms,
)
from tests.qa.truth import Truth, reports


@dataclass(frozen=True)
class Case:
    category: str
    question: str
    expect: dict[str, Any]  # kind, and what that kind must give
    reports: tuple[str, ...] = ()  # the truth files it rests on
    lang: str = field(default="zh")

    @property
    def id(self) -> str:
        return f"{self.category}:{self.question}"


def _y(phrasing: str, year: int, k: int) -> str:
    """The phrasing with a year written the k-th way (digits for English)."""
    forms = year_forms(year)
    return phrasing.replace("{y}", forms[k % len(forms)]).replace("{Y}", str(year))


def _lang(question: str) -> str:
    """English when the question has English words, else Chinese."""
    return "en" if re.search(r"[A-Za-z]{2,}", question) else "zh"


def figure_cases() -> list[Case]:
    out = []
    for t in reports():
        k = 0
        for row, column, phrasings in FIGURES:
            value = t.value(row, column)
            if value is None and t.partial:
                continue  # the truth of an old report does not say the figure is absent
            for p in phrasings:
                q = _y(p, t.year, k).replace("{a}", t.agency)
                k += 1
                expect = {
                    "kind": "figure",
                    "agency": t.agency,
                    "year": t.year,
                    "key": f"{row}.{column}",
                    "value": value,
                }
                out.append(Case("figure", q, expect, (t.name,), _lang(p)))
    return out


def text_figure_cases() -> list[Case]:
    out = []
    for t in reports():
        for key, phrasings in TEXT_FIGURES:
            if key not in t.stated:
                continue
            for k, p in enumerate(phrasings):
                q = _y(p, t.year, k).replace("{a}", t.agency)
                expect = {
                    "kind": "figure",
                    "agency": t.agency,
                    "year": t.year,
                    "key": key,
                    "value": t.stated[key],
                    "from_text": True,
                }
                out.append(Case("text_figure", q, expect, (t.name,), _lang(p)))
    return out


def agency_variant_cases() -> list[Case]:
    out = []
    for t in reports():
        for k, form in enumerate(agency_forms(t.agency)):
            for j, phrasing in enumerate(("{a}{y}收到多少申请", "{a}{y}的依申请公开数量")):
                q = _y(phrasing, t.year, k + j + 1).replace("{a}", form)
                expect = {
                    "kind": "figure",
                    "agency": t.agency,
                    "year": t.year,
                    "key": "t3.new_received.total",
                    "value": t.value("t3.new_received", "total"),
                }
                out.append(Case("agency_variant", q, expect, (t.name,)))
    return out


def _same_year() -> dict[int, list[Truth]]:
    """The reports of each year whose truth gives every figure (rankings and
    sums need them all; an old report's truth gives only some)."""
    years: dict[int, list[Truth]] = {}
    for t in reports():
        years.setdefault(t.year, []).append(t)
    return {y: ts for y, ts in years.items() if not any(t.partial for t in ts)}


COMPARISONS = [
    ("t3.new_received", "total", "{A}和{B}{y}哪个收到的申请多"),
    ("t3.new_received", "total", "Which received more requests in {Y}, {A} or {B}?"),
    ("t4.review", "total", "{A}与{B}{y}行政复议案件数量对比"),
    ("t3.granted", "total", "{A}比{B}{y}予以公开的多多少件"),
    ("t4.litigation", "total", "compare lawsuits of {A} and {B} in {Y}"),
]


def comparison_cases() -> list[Case]:
    out = []
    for year, ts in sorted(_same_year().items()):
        for k, (a, b) in enumerate(combinations(ts, 2)):
            row, column, p = COMPARISONS[k % len(COMPARISONS)]
            va, vb = a.value(row, column), b.value(row, column)
            q = _y(p, year, k).replace("{A}", a.agency).replace("{B}", b.agency)
            expect = {
                "kind": "compare_agencies",
                "key": f"{row}.{column}",
                "year": year,
                "items": [(a.agency, va), (b.agency, vb)],
                "delta": None if va is None or vb is None else va - vb,
            }
            out.append(Case("comparison", q, expect, (a.name, b.name), _lang(p)))
    # changes between the years of one agency, or from a year that is not stored
    by_agency: dict[str, list[Truth]] = {}
    for t in reports():
        by_agency.setdefault(t.agency, []).append(t)
    for agency, ts in by_agency.items():
        ts = sorted(ts, key=lambda t: t.year)
        if len(ts) >= 2:
            first, last = ts[0], ts[-1]
            v1, v2 = first.value("t3.new_received", "total"), last.value("t3.new_received", "total")
            for p in (
                "{a}{l}年比{f}年收到的申请增加了多少",
                "How did the number of requests {a} received change from {f} to {l}?",
                "{a}{f}到{l}年申请数量的增长率",
            ):
                q = p.replace("{a}", agency).replace("{f}", str(first.year))
                q = q.replace("{l}", str(last.year))
                kind = "growth" if "增长率" in p else "change"
                expect = {
                    "kind": kind,
                    "key": "t3.new_received.total",
                    # "X年比Y年": the two years; "from Y to X", "Y到X年": every year between
                    "items": [(first.year, v1), (last.year, v2)]
                    if "比" in p
                    else [(t.year, t.value("t3.new_received", "total")) for t in ts],
                    "delta": v2 - v1,
                    "rate": None if not v1 else round((v2 - v1) / v1 * 100, 1),
                }
                out.append(Case("comparison", q, expect, (first.name, last.name), _lang(p)))
        t = ts[-1]
        for p in ("{a}{y}收到的申请比上年增加了多少", "{a}{y}申请量同比变化"):
            q = _y(p, t.year, 0).replace("{a}", agency)
            prev = [x for x in ts if x.year == t.year - 1]
            expect = {
                "kind": "change",
                "key": "t3.new_received.total",
                "items": [(x.year, x.value("t3.new_received", "total")) for x in prev + [t]],
                "missing_years": [] if prev else [t.year - 1],
            }
            out.append(Case("comparison", q, expect, (t.name,)))
    return out


RANKINGS = [
    ("t3.new_received", "total", "desc", None, "{y}哪个单位收到的政府信息公开申请最多"),
    ("t3.new_received", "total", "desc", 3, "{y}收到申请最多的前三名是哪些单位"),
    ("t3.new_received", "total", "asc", None, "Which agency received the fewest requests in {Y}?"),
    ("t4.review", "total", "desc", None, "{y}各单位行政复议数量排名"),
    (
        "t2.admin_penalty",
        "decisions",
        "desc",
        2,
        "top 2 agencies by administrative penalties in {Y}",
    ),
    ("t3.granted", "total", "desc", None, "{y}予以公开最多的是哪个机关"),
    ("t4.litigation", "total", "asc", None, "{y}行政诉讼最少的单位"),
]


def ranking_cases() -> list[Case]:
    out = []
    for year, ts in sorted(_same_year().items()):
        if len(ts) < 2:
            continue
        for k, (row, column, order, limit, p) in enumerate(RANKINGS):
            values = [(t.agency, t.value(row, column)) for t in ts]
            known = [(a, v) for a, v in values if v is not None]
            known.sort(key=lambda av: av[1], reverse=order == "desc")
            size = limit or 5
            top = known[0][1] if known else None
            expect = {
                "kind": "rank",
                "key": f"{row}.{column}",
                "year": year,
                "values": [v for _, v in known[:size]],
                "first": sorted(a for a, v in known if v == top),
                "count": len(known),
                "blank": len(values) - len(known),
            }
            q = _y(p, year, k)
            out.append(Case("ranking", q, expect, tuple(t.name for t in ts), _lang(p)))
    return out


SUMS = [
    ("t3.new_received", "total", "{y}各单位一共收到多少政府信息公开申请"),
    ("t4.review", "total", "How many administrative reconsiderations were there in total in {Y}?"),
    ("t3.results_total", "total", "{y}所有机关办结的申请合计多少件"),
]


def sum_cases() -> list[Case]:
    out = []
    for year, ts in sorted(_same_year().items()):
        if len(ts) < 2:
            continue
        for k, (row, column, p) in enumerate(SUMS):
            values = [t.value(row, column) for t in ts]
            known = [v for v in values if v is not None]
            expect = {
                "kind": "sum_all",
                "key": f"{row}.{column}",
                "year": year,
                "value": sum(known) if known else None,
                "count": len(known),
            }
            out.append(Case("sum", _y(p, year, k), expect, tuple(t.name for t in ts), _lang(p)))
        values = [t.value("t3.new_received", "total") for t in ts]
        known = [v for v in values if v is not None]
        expect = {
            "kind": "average_all",
            "key": "t3.new_received.total",
            "year": year,
            "value": round(sum(known) / len(known), 2) if known else None,
            "count": len(known),
        }
        q = _y("{y}各单位平均收到多少申请", year, 1)
        out.append(Case("sum", q, expect, tuple(t.name for t in ts)))
        a, b = ts[0], ts[1]
        va, vb = a.value("t3.new_received", "total"), b.value("t3.new_received", "total")
        for p in (
            "{A}和{B}{y}一共收到多少申请",
            "How many requests did {A} and {B} receive altogether in {Y}?",
        ):
            q = _y(p, year, 0).replace("{A}", a.agency).replace("{B}", b.agency)
            expect = {
                "kind": "sum_agencies",
                "key": "t3.new_received.total",
                "year": year,
                "value": None if va is None or vb is None else va + vb,
            }
            out.append(Case("sum", q, expect, (a.name, b.name), _lang(p)))
    return out


def all_cases() -> list[Case]:
    from tests.qa.question_set.handwritten import handwritten_cases
    from tests.qa.question_set.readers import reader_cases

    return (
        figure_cases()
        + text_figure_cases()
        + agency_variant_cases()
        + comparison_cases()
        + ranking_cases()
        + sum_cases()
        + handwritten_cases()
        + reader_cases()
    )


__all__ = ["AGENCY_FORMS", "Case", "all_cases"]
