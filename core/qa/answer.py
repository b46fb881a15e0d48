"""Query → Answer, from the store: the figure with the cell it came from, a
warning when that cell fails a check of its report, never a blank read as 0."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from core.qa.evidence import cell_value, defect_dict, defect_warnings, number, source
from core.qa.understand import Query
from core.qa.vocabulary import Metric, qa_data, unit_text
from core.store import queries

TOTAL_SOURCES = 20  # cells listed for a total over agencies (the rest are counted)


@dataclass
class Answer:
    kind: str  # figure compare trend ranking total list defects choose not_understood no_data
    lang: str = "zh"
    value: Any = None  # a number, a list for compare/trend/ranking/list/defects, or None
    unit: str = ""  # count | wan_yuan | amount
    agency: str | None = None
    year: int | None = None
    metric: Metric | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    understood: dict[str, Any] = field(default_factory=dict)
    detail: dict[str, Any] = field(default_factory=dict)  # kind-specific facts for rendering

    @property
    def metric_key(self) -> str | None:
        return self.metric.key if self.metric else None

    def text(self, lang: str | None = None) -> str:
        from core.qa.render import render

        return render(self, lang or self.lang)

    def as_json(self, lang: str | None = None) -> dict[str, Any]:
        from core.qa.render import render_warning

        lang = lang or self.lang
        return {
            "answer": self.text(lang),
            "kind": self.kind,
            "value": self.value,
            "unit": self.unit or None,  # count | wan_yuan | amount
            "unit_text": unit_text(self.unit, lang).strip() if self.unit else None,
            "agency": self.agency,
            "year": self.year,
            "metric_key": self.metric_key,
            "metric": self.metric.label(lang) if self.metric else None,
            "sources": self.sources,
            "warnings": [render_warning(w, lang) for w in self.warnings],
            "choices": self.choices,
            "understood": self.understood,
        }


def answer(q: Query, s: Session, chat_id: int | None) -> Answer:
    a = Answer(kind=q.kind, lang=q.lang, understood=q.understood(), metric=q.metric)
    a.unit = q.metric.unit if q.metric else ""
    if q.agency:
        a.agency = q.agency.name
        if not q.agency_exact:
            a.warnings.append({"kind": "fuzzy_agency", "agency": q.agency.name})
    if q.kind == "choose":
        a.choices = [c.name for c in q.choices]
        return a
    if q.kind == "not_understood":
        return a
    handler = {
        "figure": _figure,
        "compare": _series,
        "trend": _series,
        "ranking": _ranking,
        "total": _total,
        "list": _list,
        "defects": _defects,
    }[q.kind]
    handler(q, s, chat_id, a)
    return a


def _report_of_year(q: Query, s: Session, chat_id: int | None, a: Answer):
    """The agency's report of the question's year (the latest stored when the
    question names none), or None with the answer saying why."""
    refs = _agency_years(q, s, chat_id, a)
    if not refs:
        return None
    year = q.year
    if year is None:
        year = max(refs)
        a.warnings.append({"kind": "default_year", "year": year})
    a.year = year
    ref = refs.get(year)
    if ref is None:
        a.kind = "no_data"
        a.detail.update(reason="no_report", years=sorted(refs))
    return ref


def _agency_years(
    q: Query, s: Session, chat_id: int | None, a: Answer
) -> dict[int, queries.ReportRef]:
    refs = queries.reports_of_agency(s, q.agency.id, chat_id)
    if not refs:
        a.kind = "no_data"
        a.detail["reason"] = "no_agency_report"
    return refs


def _figure(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    ref = _report_of_year(q, s, chat_id, a)
    if ref is None:
        return
    cells = queries.facts(s, ref, q.metric.cell_keys())
    a.value, why = cell_value(q.metric, cells)
    a.detail.update(why=why, title=ref.title)
    a.sources = [source(ref, cells[k]) for k in q.metric.cell_keys() if k in cells]
    a.warnings += defect_warnings(s, ref.id, list(cells))


def _series(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    refs = _agency_years(q, s, chat_id, a)
    if not refs:
        return
    stored = sorted(refs)
    if q.kind == "trend":
        years = [y for y in q.years if y in refs] if len(q.years) > 1 else stored
    elif len(q.years) >= 2:
        years = q.years
    elif len(q.years) == 1:
        years = [q.years[0] - 1, q.years[0]]
    else:
        years = stored[-2:]
    missing = [y for y in years if y not in refs]
    if missing:
        a.warnings.append({"kind": "missing_years", "years": missing})
    items = []
    chosen = [refs[y] for y in years if y in refs]
    cells_of = queries.facts_of_reports(s, chosen, q.metric.cell_keys())
    defects_of = queries.defects_of_reports(s, [r.id for r in chosen])
    for ref in chosen:
        cells = cells_of.get(ref.id, {})
        value, why = cell_value(q.metric, cells)
        items.append(
            {"year": ref.year, "value": value, "status": why or "number", "report_id": ref.id}
        )
        a.sources += [source(ref, cells[k]) for k in q.metric.cell_keys() if k in cells]
        a.warnings += defect_warnings(s, ref.id, list(cells), defects_of[ref.id])
    a.value = items
    a.year = items[-1]["year"] if items else None
    if not items:
        a.kind = "no_data"
        a.detail.update(reason="no_report", years=stored)


def _year_for_agencies(q: Query, s: Session, chat_id: int | None, a: Answer) -> int | None:
    year = q.year or queries.latest_year(s, chat_id, q.filters)
    if q.year is None and year is not None:
        a.warnings.append({"kind": "default_year", "year": year})
    a.year = year
    a.detail["filter"] = list(q.filters)
    return year


def _aggregate(q: Query, s: Session, chat_id: int | None, a: Answer, *, order: str, limit: int):
    """The metric over the agencies of the question's year: (counts, shown rows)."""
    year = _year_for_agencies(q, s, chat_id, a)
    if not year:
        return None, []
    return queries.aggregate(
        s, q.metric.stored_keys(), year, chat_id, order=order, limit=limit, name_contains=q.filters
    )


def _ranking(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    keys = q.metric.cell_keys()
    limit = q.limit or qa_data()["kinds"].get("ranking_size", 5)
    counts, top = _aggregate(q, s, chat_id, a, order=q.order, limit=limit)
    if not counts or not counts.reports:
        a.kind = "no_data"
        a.value = []
        return
    cells = queries.facts_of_reports(s, [x.ref for x in top], keys)
    defects_of = queries.defects_of_reports(s, [x.ref.id for x in top])
    a.value = []
    for i, x in enumerate(top, 1):
        a.value.append(
            {"rank": i, "agency": x.ref.agency, "value": number(x.value), "report_id": x.ref.id}
        )
        mine = cells.get(x.ref.id, {})
        a.sources += [source(x.ref, mine[k]) for k in keys if k in mine]
        found = defect_warnings(s, x.ref.id, keys, defects_of[x.ref.id])
        a.warnings += [dict(w, agency=x.ref.agency) for w in found]
    a.detail.update(count=counts.filled, blank=counts.reports - counts.filled, order=q.order)


def _total(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    keys = q.metric.cell_keys()
    counts, shown = _aggregate(q, s, chat_id, a, order="id", limit=TOTAL_SOURCES)
    if not counts or not counts.reports:
        a.kind = "no_data"
        return
    a.value = number(counts.total or 0)
    a.detail.update(count=counts.filled, blank=counts.reports - counts.filled)
    cells = queries.facts_of_reports(s, [x.ref for x in shown], keys)
    for x in shown:
        mine = cells.get(x.ref.id, {})
        a.sources += [source(x.ref, mine[k]) for k in keys if k in mine]
    a.detail["more_sources"] = max(0, counts.filled - len(shown))


def _list(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    refs = queries.list_reports(
        s,
        chat_id,
        agency_id=q.agency.id if q.agency else None,
        year=q.year,
        name_contains=q.filters,
    )
    counts = queries.defect_counts(s, [r.id for r in refs])
    a.value = [
        {
            "report_id": r.id,
            "agency": r.agency,
            "year": r.year,
            "title": r.title,
            **counts.get(r.id, {}),
        }
        for r in refs
    ]
    a.year = q.year


def _defects(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    ref = _report_of_year(q, s, chat_id, a)
    if ref is None:
        return
    a.detail["title"] = ref.title
    a.value = [defect_dict(d) for d in queries.defects(s, ref.id)]
    a.sources = [{"report_id": ref.id, "title": ref.title, "agency": ref.agency, "year": ref.year}]
