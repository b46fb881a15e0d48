"""Asking a store: `ask(store, question, …)` runs the pipeline — normalise →
agency → metric → operation → query → answer — against the store's query
functions.  The store knows nothing of questions; this module holds the
agency index of each store (rebuilt when an agency is added)."""

from __future__ import annotations

import threading
import weakref
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from core.agency_index import AgencyEntry, AgencyIndex
from core.qa import ops_many, ops_one, ops_reports
from core.qa.answer import Answer
from core.qa.query import Query, plan
from core.qa.roster import RosterHandler
from core.qa.trace import trace
from core.qa.understand import understand
from core.store import queries
from core.store.db import session

_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()
PER_YEAR = {"rank", "compare_agencies", "sum_all", "average_all", "position"}


def ask(
    store: Any,
    question: str,
    *,
    chat_id: int | None = None,
    lang: str | None = None,
    today: date | None = None,
    context: dict[str, Any] | None = None,
    picked: dict[str, Any] | None = None,
    roster: RosterHandler | None = None,
) -> Answer:
    """Answer `question` from the reports `chat_id` may see.

    lang: the language when the question's own cannot be told (a bare name);
    today: what 去年 counts from; context: the last answer's `context()` (for
    follow-ups); picked: an option the user chose from the last answer's
    choices ({"agency": id} or {"metric": row}); roster: who-has-not-filed."""
    with session(store.engine) as s:
        index = agency_index(store, s)
        u = understand(question, index, today or date.today())
        q = plan(u, index, lang=lang or "zh", context=context, picked=picked)
        a = run(q, s, chat_id, roster)
        a.trace = trace(u, q, a)
        return a


def agency_index(store: Any, s: Session) -> AgencyIndex:
    """The store's agency index, built again only when an agency was added."""
    version = queries.agencies_version(s)
    with _LOCK:
        cached = _INDEXES.get(store)
        if cached is not None and cached[0] == version:
            return cached[1]
    entries = [
        AgencyEntry(id=i, name=name, norm=norm, aliases=tuple(aliases))
        for i, name, norm, aliases in queries.agency_entries(s)
    ]
    index = AgencyIndex(entries)
    with _LOCK:
        _INDEXES[store] = (version, index)
    return index


def run(q: Query, s: Session, chat_id: int | None, roster: RosterHandler | None = None) -> Answer:
    """The answer of a query."""
    if len(q.metrics) > 1 and q.operation not in ("choose", "not_understood", "not_stored"):
        parts = [run(replace(q, metric=m, metrics=[m]), s, chat_id, roster) for m in q.metrics]
        return _combined(q, parts)
    if q.operation in PER_YEAR and len(q.years) >= 2:
        parts = [run(replace(q, years=[y], span_years=False), s, chat_id, roster) for y in q.years]
        a = _combined(q, parts)
        if q.operation == "sum_all" and all(p.value is not None for p in parts):
            a.value = sum(p.value for p in parts)
        return a
    a = Answer(kind=q.operation, lang=q.lang, metric=q.metric, query=q)
    a.understood = q.understood()
    a.unit = q.metric.unit if q.metric else ""
    a.agency = q.agencies[0].name if q.agencies else None
    a.choice_options = list(q.choices)
    a.warnings += list(q.notes)
    if q.operation in ("choose", "not_understood", "not_stored"):
        _declined(q, s, chat_id, a)
        return a
    handler = {
        "figure": ops_one.figure,
        "change": ops_one.change,
        "growth": ops_one.change,
        "trend": ops_one.trend,
        "sum_years": ops_one.over_years,
        "average_years": ops_one.over_years,
        "compare_agencies": ops_many.named_agencies,
        "sum_agencies": ops_many.named_agencies,
        "average_agencies": ops_many.named_agencies,
        "rank": ops_many.rank,
        "sum_all": ops_many.total,
        "average_all": ops_many.total,
        "position": ops_many.position,
        "list": ops_reports.list_reports,
        "defects": ops_reports.defects,
    }.get(q.operation)
    if q.operation == "roster":
        ops_reports.roster(q, s, chat_id, a, roster)
    else:
        handler(q, s, chat_id, a)
    if a.kind == "no_data":
        _stored(s, chat_id, a)
    return a


def _combined(q: Query, parts: list[Answer]) -> Answer:
    a = Answer(kind="multi", lang=q.lang, metric=q.metric, query=q, parts=parts)
    a.understood = q.understood()
    a.agency = q.agencies[0].name if q.agencies else None
    for p in parts:
        a.sources += p.sources
    return a


def _declined(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    if q.operation == "not_stored" or "agency" in q.missing:
        _stored(s, chat_id, a)


def _stored(s: Session, chat_id: int | None, a: Answer) -> None:
    """Which agencies and years are stored, for a reply that found nothing."""
    count, names = queries.agency_names(s, chat_id, limit=8)
    a.detail.update(
        stored_count=count, stored_names=names, stored_years=queries.stored_years(s, chat_id)
    )
