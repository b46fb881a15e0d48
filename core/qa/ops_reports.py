"""Questions about reports rather than figures: which are stored, what is
wrong with one, and who has not filed (handed to the roster, see
core/qa/roster.py)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from core.qa.answer import Answer
from core.qa.evidence import defect_dict
from core.qa.ops_one import report_of_year
from core.qa.query import Query
from core.qa.roster import RosterHandler, RosterQuestion
from core.store import queries


def list_reports(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
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


def defects(q: Query, s: Session, chat_id: int | None, a: Answer) -> None:
    ref = report_of_year(q, s, chat_id, a)
    if ref is None:
        return
    a.detail["title"] = ref.title
    a.value = [defect_dict(d) for d in queries.defects(s, ref.id)]
    a.sources = [{"report_id": ref.id, "title": ref.title, "agency": ref.agency, "year": ref.year}]


def roster(
    q: Query, s: Session, chat_id: int | None, a: Answer, handler: RosterHandler | None
) -> None:
    """Who has not filed: the roster's answer, or why there is none."""
    question = RosterQuestion(
        year=q.year,
        place=q.filter_place,
        kind=q.filter_kind,
        agencies=tuple(e.name for e in q.agencies) + tuple(q.not_stored),
        chat_id=chat_id,
        lang=q.lang,
    )
    a.detail["roster"] = question
    if handler is None:
        a.detail["unavailable"] = True
        return
    a.detail["reply"] = handler(question)
