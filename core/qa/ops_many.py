"""Questions about several named agencies (A和B哪个多, A和B一共) and
about all stored agencies of a year (rankings, totals, an agency's place)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from core.qa.answer import Answer
from core.qa.evidence import number
from core.qa.ops_one import add_value, delta, item
from core.qa.query import Query
from core.qa.values import read
from core.qa.vocabulary import qa_data
from core.store import queries, rankings


def named_agencies(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    """compare_agencies, sum_agencies, average_agencies: one year (the one
    asked, else the latest year all of them have), each agency's figure."""
    by_agency = queries.reports_of_agencies(s, [e.id for e in q.agencies], chat_id)
    none = [e.name for e in q.agencies if not by_agency[e.id]]
    year = q.year
    if year is None:
        common = set.intersection(*(set(r) for r in by_agency.values())) if not none else set()
        known = [max(r) for r in by_agency.values() if r]
        year = max(common) if common else (max(known) if known else None)
        if year is not None:
            a.warnings.append({"kind": "default_year", "year": year})
    a.year = year
    refs = [by_agency[e.id][year] for e in q.agencies if year in by_agency[e.id]]
    found = read(s, refs, q.metric) if refs else {}
    items = []
    for e in q.agencies:
        ref = by_agency[e.id].get(year)
        if ref is None:
            items.append({"agency": e.name, "year": year, "value": None, "status": "no_report"})
            continue
        v = found[ref.id]
        add_value(a, v)
        items.append(item(v))
    known = [i for i in items if i["value"] is not None and i["status"] in ("number", "stated")]
    a.detail.update(no_agency_report=none, year=year)
    if q.operation == "compare_agencies":
        if len(items) > 2 and len(known) == len(items):
            items.sort(key=lambda i: i["value"], reverse=q.order == "desc")
        if len(items) == 2 and len(known) == 2:
            a.detail.update(delta(items[1]["value"], items[0]["value"]))
        if len(known) == len(items) and known:
            top = max(i["value"] for i in known)
            a.detail["most"] = [i["agency"] for i in known if i["value"] == top]
        a.value = items
        return
    a.detail["items"] = items
    if len(known) == len(items) and items:
        total = sum(i["value"] for i in items)
        a.value = number(
            round(total / len(items), 2) if q.operation.startswith("average") else total
        )


def _scope(q: Query, s: Session, chat_id: int | None, a: Answer) -> int | None:
    """The year of a question over all agencies (the latest stored when none)."""
    year = q.year or queries.latest_year(s, chat_id, q.filters)
    if q.year is None and year is not None:
        a.warnings.append({"kind": "default_year", "year": year})
    a.year = year
    a.detail["filter"] = list(q.filters)
    return year


def _counts(q: Query, s: Session, chat_id: int | None, a: Answer, year: int, counts) -> None:
    keys = q.metric.stored_keys()
    stored = rankings.count_reports(s, year, chat_id, name_contains=q.filters)
    lack = []
    if counts.reports > counts.filled:
        lack = rankings.lacking(s, keys, year, chat_id, name_contains=q.filters)
    a.detail.update(
        count=counts.filled,
        blank=counts.reports - counts.filled,
        blank_names=[r.agency for r in lack],
        without=max(0, stored - counts.reports),
        stored=stored,
    )


TIED_MAX = 50  # agencies named as tied for first at most


def rank(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    year = _scope(q, s, chat_id, a)
    if not year:
        a.kind = "no_data"
        return
    if q.metric.source == "text":
        return _text_rank(q, s, chat_id, a, year)
    size = qa_data()["operations"]
    limit = q.limit or (size["list_size"] if q.limit == 0 else size["ranking_size"])
    keys = q.metric.stored_keys()
    counts, top = rankings.aggregate(
        s, keys, year, chat_id, order=q.order, limit=limit, name_contains=q.filters
    )
    if not counts.reports and q.metric.alternative_keys():
        # a year of the 2019 form: the row of that form holding the same figure
        keys = q.metric.alternative_keys()
        counts, top = rankings.aggregate(
            s, keys, year, chat_id, order=q.order, limit=limit, name_contains=q.filters
        )
    if not counts.reports:
        a.kind, a.value = "no_data", []
        return
    found = read(s, [x.ref for x in top], q.metric)
    a.value = []
    for i, x in enumerate(top, 1):
        v = found[x.ref.id]
        a.value.append(
            {"rank": i, "agency": x.ref.agency, "value": number(x.value), "report_id": x.ref.id}
        )
        a.sources += v.sources
        a.warnings += [dict(w, agency=x.ref.agency) for w in v.warnings]
    _counts(q, s, chat_id, a, year, counts)
    a.detail.update(order=q.order, shown=len(a.value), every=q.limit == 0)
    if a.value:
        best = a.value[0]["value"]
        tied = [i["agency"] for i in a.value if i["value"] == best]
        if len(tied) == len(a.value) < counts.filled:
            # every one shown ties for first: name all who do, not the shown ones only
            _, more = rankings.aggregate(
                s, keys, year, chat_id, order=q.order, limit=TIED_MAX, name_contains=q.filters
            )
            tied = [x.ref.agency for x in more if number(x.value) == best]
        a.detail["tied"] = tied


def _text_rank(q: Query, s: Session, chat_id: int | None, a: Answer, year: int) -> None:
    """A ranking of a figure stated in the text: only unambiguous statements count."""
    rows = queries.text_facts_of_year(s, q.metric.key, year, chat_id, name_contains=q.filters)
    known, lacking = [], []
    for ref, facts in rows:
        values = {number(f.value) for f in facts}
        if len(values) == 1:
            known.append((ref, values.pop()))
        else:
            lacking.append(ref.agency)
    known.sort(key=lambda kv: (-kv[1] if q.order == "desc" else kv[1], kv[0].id))
    limit = q.limit or qa_data()["operations"]["ranking_size"]
    a.value = [
        {"rank": i, "agency": r.agency, "value": v, "report_id": r.id}
        for i, (r, v) in enumerate(known[:limit], 1)
    ]
    a.detail.update(
        count=len(known),
        blank=len(lacking),
        blank_names=lacking[:10],
        without=0,
        stored=len(rows),
        order=q.order,
        shown=len(a.value),
        from_text=True,
    )
    if not rows:
        a.kind = "no_data"


def total(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    """sum_all, average_all: the figure over every agency of a year."""
    year = _scope(q, s, chat_id, a)
    if not year:
        a.kind = "no_data"
        return
    counts, _ = rankings.aggregate(
        s, q.metric.stored_keys(), year, chat_id, order="id", limit=1, name_contains=q.filters
    )
    if not counts.reports:
        a.kind = "no_data"
        return
    _counts(q, s, chat_id, a, year, counts)
    value = counts.total or 0
    if q.operation.startswith("average"):
        value = round(value / counts.filled, 2) if counts.filled else None
    a.value = number(value) if value is not None else None


def position(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    """Where one agency stands among the agencies of its year."""
    refs = queries.reports_of_agency(s, q.agency.id, chat_id)
    year = q.year or (max(refs) if refs else None)
    a.year = year
    ref = refs.get(year) if year else None
    if ref is None:
        a.kind = "no_data"
        a.detail.update(reason="no_report" if refs else "no_agency_report", years=sorted(refs))
        return
    v = read(s, [ref], q.metric)[ref.id]
    add_value(a, v)
    a.value = v.value
    a.detail.update(status=v.status, filter=list(q.filters), order=q.order)
    if not v.ok:
        return
    keys = q.metric.stored_keys()
    before = rankings.position(
        s, keys, year, chat_id, v.value, order=q.order, name_contains=q.filters
    )
    counts, _ = rankings.aggregate(s, keys, year, chat_id, limit=1, name_contains=q.filters)
    a.detail.update(position=before + 1, count=counts.filled)
