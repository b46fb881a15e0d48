"""Questions about one agency: a figure, its change and growth rate between
years, its trend, its sum or average over years."""

from __future__ import annotations

from sqlalchemy.orm import Session

from core.qa.answer import Answer
from core.qa.evidence import number
from core.qa.query import Query
from core.qa.values import Value, read
from core.store import queries


def agency_reports(q: Query, s: Session, chat_id: int | None, a: Answer):
    """The visible reports of the question's agency by year, or {} with the
    answer saying there are none."""
    refs = queries.reports_of_agency(s, q.agency.id, chat_id)
    if not refs:
        a.kind = "no_data"
        a.detail["reason"] = "no_agency_report"
    return refs


def report_of_year(q: Query, s: Session, chat_id: int | None, a: Answer):
    """The agency's visible report of the question's year (its latest when the
    question names none), or None with the answer saying why."""
    refs = agency_reports(q, s, chat_id, a)
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


def add_value(a: Answer, v: Value) -> None:
    a.sources += v.sources or v.stated
    a.warnings += v.warnings


def item(v: Value) -> dict:
    return {
        "year": v.ref.year,
        "agency": v.ref.agency,
        "value": v.value,
        "status": v.status,
        "report_id": v.ref.id,
        "approximate": v.approximate,
    }


def figure(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    ref = report_of_year(q, s, chat_id, a)
    if ref is None:
        return
    v = read(s, [ref], q.metric)[ref.id]
    a.value = v.value
    a.detail.update(status=v.status, title=ref.title, stated=v.stated, approximate=v.approximate)
    add_value(a, v)


def years_asked(q: Query, stored: list[int], *, endpoints: bool) -> list[int]:
    """The years a change or a trend is about: the given ones (a range's ends
    for a change), the year before a single year, else the latest stored."""
    years = sorted(q.years)
    if q.operation == "trend" and len(years) <= 1:
        return stored
    if len(years) >= 2:
        return [years[0], years[-1]] if endpoints else years
    if len(years) == 1:
        return [years[0] - 1, years[0]]
    return stored[-2:]


def series(q: Query, s: Session, chat_id: int | None, a: Answer) -> list[Value]:
    refs = agency_reports(q, s, chat_id, a)
    if not refs:
        return []
    endpoints = q.operation in ("change", "growth") and not q.span_years
    years = years_asked(q, sorted(refs), endpoints=endpoints)
    missing = [y for y in years if y not in refs]
    if missing:
        a.warnings.append({"kind": "missing_years", "years": missing})
    chosen = [refs[y] for y in years if y in refs]
    found = read(s, chosen, q.metric)
    values = [found[r.id] for r in chosen]
    for v in values:
        add_value(a, v)
    a.value = [item(v) for v in values]
    a.year = values[-1].ref.year if values else None
    a.detail["years"] = years
    if not values:
        a.kind = "no_data"
        a.detail.update(reason="no_report", years=sorted(refs))
    return values


def change(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    values = series(q, s, chat_id, a)
    if len(values) >= 2 and all(v.ok for v in (values[0], values[-1])):
        a.detail.update(delta(values[0].value, values[-1].value))
    elif len(values) < 2 and a.kind != "no_data":
        a.detail["single"] = True


def delta(first: float, last: float) -> dict:
    out = {"delta": number(last - first)}
    if first:
        out["rate"] = round((last - first) / first * 100, 1)
    return out


def trend(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    values = series(q, s, chat_id, a)
    known = [v for v in values if v.ok]
    if len(known) >= 2:
        a.detail.update(delta(known[0].value, known[-1].value))
        a.detail["from_year"], a.detail["to_year"] = known[0].ref.year, known[-1].ref.year


def over_years(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    """The sum (or average) of one agency's figure over the years asked."""
    refs = agency_reports(q, s, chat_id, a)
    if not refs:
        return
    years = sorted(q.years)
    missing = [y for y in years if y not in refs]
    chosen = [refs[y] for y in years if y in refs]
    found = read(s, chosen, q.metric)
    values = [found[r.id] for r in chosen]
    for v in values:
        add_value(a, v)
    a.value = None
    a.detail.update(items=[item(v) for v in values], missing_years=missing, years=years)
    lacking = [v.ref.year for v in values if not v.ok]
    a.detail["lacking"] = lacking
    if not missing and not lacking and values:
        total = sum(v.value for v in values)
        a.value = number(
            round(total / len(values), 2) if q.operation.startswith("average") else total
        )
    a.year = years[-1] if years else None
