"""Read queries for answers: which reports a chat may see, their cells,
rankings and totals over agencies.  Plain SQL expressions over the indexes
(report: agency_id+year+current, year+current, chat_id+year; fact: key+year+report_id)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, exists, func, or_, select, true
from sqlalchemy.orm import Session

from core.store.models import Agency, DefectRecord, Fact, Report, TextFactRecord
from core.store.versions import own

Words = str | tuple[str, ...] | None  # words an agency's name must contain


def named(words: Words):
    """Agencies whose normalised name contains every word."""
    words = (words,) if isinstance(words, str) else tuple(words or ())
    return and_(*(Agency.norm.contains(w) for w in words))


def visible(chat_id: int | None):
    """Reports a chat may see: published ones and its own; without a chat
    (the command line) published ones and those ingested without a chat."""
    return and_(Report.current == true(), or_(Report.published == true(), own(Report, chat_id)))


@dataclass(frozen=True)
class ReportRef:
    id: int
    agency_id: int | None
    agency: str
    year: int | None
    title: str | None
    chat_id: int | None


def _prefer(rows: Iterable[ReportRef], chat_id: int | None) -> dict[tuple, ReportRef]:
    """One report per agency and year: the chat's own first, then the newest."""
    best: dict[tuple, ReportRef] = {}
    for r in rows:
        k = (r.agency_id, r.year)
        cur = best.get(k)
        if cur is None or (r.chat_id == chat_id, r.id) > (cur.chat_id == chat_id, cur.id):
            best[k] = r
    return best


_REF_COLUMNS = (
    Report.id,
    Report.agency_id,
    Agency.name.label("name"),
    Report.year,
    Report.title,
    Report.chat_id,
)


def _refs(session: Session, stmt) -> list[ReportRef]:
    return [ReportRef(*row) for row in session.execute(stmt)]


def reports_of_agency(
    session: Session, agency_id: int, chat_id: int | None
) -> dict[int, ReportRef]:
    """The visible report of each year of one agency, by year."""
    stmt = (
        select(*_REF_COLUMNS)
        .join(Agency, Agency.id == Report.agency_id)
        .where(Report.agency_id == agency_id, visible(chat_id), Report.year.is_not(None))
    )
    return {k[1]: r for k, r in _prefer(_refs(session, stmt), chat_id).items()}


def reports_of_agencies(
    session: Session, agency_ids: list[int], chat_id: int | None
) -> dict[int, dict[int, ReportRef]]:
    """The visible report of each year of several agencies: agency → year → report."""
    out: dict[int, dict[int, ReportRef]] = {a: {} for a in agency_ids}
    if not agency_ids:
        return out
    stmt = (
        select(*_REF_COLUMNS)
        .join(Agency, Agency.id == Report.agency_id)
        .where(Report.agency_id.in_(agency_ids), visible(chat_id), Report.year.is_not(None))
    )
    for (agency, year), r in _prefer(_refs(session, stmt), chat_id).items():
        out[agency][year] = r
    return out


def list_reports(
    session: Session,
    chat_id: int | None,
    *,
    agency_id: int | None = None,
    year: int | None = None,
    name_contains: Words = None,
    limit: int = 50,
) -> list[ReportRef]:
    stmt = select(*_REF_COLUMNS).join(Agency, Agency.id == Report.agency_id).where(visible(chat_id))
    if agency_id is not None:
        stmt = stmt.where(Report.agency_id == agency_id)
    if year is not None:
        stmt = stmt.where(Report.year == year)
    if name_contains:
        stmt = stmt.where(named(name_contains))
    stmt = stmt.order_by(Report.year.desc(), Agency.name, Report.id.desc()).limit(limit * 2)
    refs = list(_prefer(_refs(session, stmt), chat_id).values())
    refs.sort(key=lambda r: (-(r.year or 0), r.agency))
    return refs[:limit]


def facts(session: Session, ref: ReportRef, keys: Iterable[str]) -> dict[str, Fact]:
    """Cells of one report (point lookups on the (key, year, report) key)."""
    stmt = select(Fact).where(
        Fact.key.in_(list(keys)), Fact.year == (ref.year or 0), Fact.report_id == ref.id
    )
    return {f.key: f for (f,) in session.execute(stmt)}


def facts_of_reports(
    session: Session, refs: list[ReportRef], keys: list[str]
) -> dict[int, dict[str, Fact]]:
    """Cells of several reports in one query; grouped by report id."""
    out: dict[int, dict[str, Fact]] = {}
    if not refs:
        return out
    years = sorted({r.year or 0 for r in refs})
    stmt = select(Fact).where(
        Fact.key.in_(keys), Fact.year.in_(years), Fact.report_id.in_([r.id for r in refs])
    )
    for (f,) in session.execute(stmt):
        out.setdefault(f.report_id, {})[f.key] = f
    return out


SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def defects(session: Session, report_id: int) -> list[DefectRecord]:
    return defects_of_reports(session, [report_id]).get(report_id, [])


def defects_of_reports(session: Session, report_ids: list[int]) -> dict[int, list[DefectRecord]]:
    """Defects of several reports in one query, errors first, by report id."""
    out: dict[int, list[DefectRecord]] = {i: [] for i in report_ids}
    if report_ids:
        stmt = select(DefectRecord).where(DefectRecord.report_id.in_(report_ids))
        for (d,) in session.execute(stmt):
            out[d.report_id].append(d)
    for rows in out.values():
        rows.sort(key=lambda d: (SEVERITY_ORDER.get(d.severity, 3), d.id))
    return out


def latest_year(session: Session, chat_id: int | None, name_contains: Words = None) -> int | None:
    stmt = select(func.max(Report.year)).where(visible(chat_id))
    if name_contains:
        stmt = stmt.join(Agency, Agency.id == Report.agency_id).where(named(name_contains))
    return session.execute(stmt).scalar()


def refs(session: Session, ids: list[int]) -> list[ReportRef]:
    """The reports `ids`, in that order."""
    if not ids:
        return []
    stmt = (
        select(*_REF_COLUMNS).join(Agency, Agency.id == Report.agency_id).where(Report.id.in_(ids))
    )
    found = {r.id: r for r in _refs(session, stmt)}
    return [found[i] for i in ids if i in found]


def stored_years(session: Session, chat_id: int | None, most: int = 50) -> list[int]:
    """The years of the reports a chat may see: one index probe per year
    (the next year after the last found), not a pass over every report."""
    years: list[int] = []
    while len(years) < most:
        stmt = select(func.min(Report.year)).where(visible(chat_id), Report.year.is_not(None))
        if years:
            stmt = stmt.where(Report.year > years[-1])
        year = session.execute(stmt).scalar()
        if year is None:
            return years
        years.append(year)
    return years


def agency_names(session: Session, chat_id: int | None, limit: int = 10) -> tuple[int, list[str]]:
    """How many agencies have visible reports, and the first `limit` stored."""
    has = exists().where(Report.agency_id == Agency.id, visible(chat_id))
    count = session.execute(select(func.count()).select_from(Agency).where(has)).scalar() or 0
    stmt = select(Agency.name).where(has).order_by(Agency.id).limit(limit)
    return int(count), [n for (n,) in session.execute(stmt)]


def agency_entries(session: Session) -> list[tuple[int, str, str, list[str]]]:
    """Every stored agency: id, name, normalised name, aliases."""
    stmt = select(Agency.id, Agency.name, Agency.norm, Agency.aliases)
    return [
        (i, name, norm, list(aliases or ())) for i, name, norm, aliases in session.execute(stmt)
    ]


def agencies_version(session: Session) -> tuple[int, int | None]:
    """Changes whenever an agency is added: (count, highest id)."""
    return tuple(session.execute(select(func.count(Agency.id), func.max(Agency.id))).one())


def text_facts(
    session: Session, report_ids: list[int], keys: list[str]
) -> dict[int, list[TextFactRecord]]:
    """The figures the text of these reports states for `keys`, by report."""
    out: dict[int, list[TextFactRecord]] = {i: [] for i in report_ids}
    if report_ids and keys:
        stmt = (
            select(TextFactRecord)
            .where(TextFactRecord.report_id.in_(report_ids), TextFactRecord.key.in_(keys))
            .order_by(TextFactRecord.id)
        )
        for (t,) in session.execute(stmt):
            out[t.report_id].append(t)
    return out


def text_facts_of_year(
    session: Session,
    key: str,
    year: int,
    chat_id: int | None,
    *,
    name_contains: Words = None,
    agency_ids: list[int] | None = None,
) -> list[tuple[ReportRef, list[TextFactRecord]]]:
    """Visible reports of `year` (one per agency) and what their text states for `key`."""
    stmt = (
        select(*_REF_COLUMNS)
        .join(Agency, Agency.id == Report.agency_id)
        .where(Report.year == year, visible(chat_id))
    )
    if name_contains:
        stmt = stmt.where(named(name_contains))
    if agency_ids is not None:
        stmt = stmt.where(Report.agency_id.in_(agency_ids))
    chosen = list(_prefer(_refs(session, stmt), chat_id).values())
    found = text_facts(session, [r.id for r in chosen], [key])
    return [(r, found[r.id]) for r in chosen]


def has_reports(session: Session) -> bool:
    return session.execute(select(Report.id).limit(1)).first() is not None


def defect_counts(session: Session, report_ids: list[int]) -> dict[int, dict[str, int]]:
    if not report_ids:
        return {}
    stmt = select(Report.id, Report.errors, Report.warnings, Report.infos).where(
        Report.id.in_(report_ids)
    )
    return {i: {"errors": e, "warnings": w, "infos": n} for i, e, w, n in session.execute(stmt)}
