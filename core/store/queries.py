"""Read queries for answers: which reports a chat may see, their cells,
rankings and totals over agencies.  Plain SQL expressions over the indexes
(report: agency_id+year+current, year+current, chat_id+year; fact: key+year+report_id)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, case, exists, false, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from core.store.models import Agency, DefectRecord, Fact, Report
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


def _one_per_agency(session: Session, year: int, chat_id: int | None):
    """A condition keeping one visible report per agency and year (the chat's
    own first, then the newest), or None when no agency has two this year."""
    dup = (
        select(Report.agency_id)
        .where(Report.year == year, visible(chat_id))
        .group_by(Report.agency_id)
        .having(func.count() > 1)
        .limit(1)
    )
    if session.execute(dup).first() is None:
        return None
    r2 = aliased(Report)
    own1, own2 = _own_strict(Report, chat_id), _own_strict(r2, chat_id)
    visible2 = and_(r2.current == true(), or_(r2.published == true(), own2))
    better = or_(and_(own2, ~own1), and_(own2 == own1, r2.id > Report.id))
    return ~exists().where(
        r2.agency_id == Report.agency_id, r2.year == Report.year, visible2, better
    )


def _own_strict(table, chat_id: int | None):
    """Like `own`, but false, never NULL, for reports of no chat."""
    if chat_id is None:
        return table.chat_id.is_(None)
    return and_(table.chat_id.is_not(None), table.chat_id == chat_id)


def _has_private(session: Session, year: int, chat_id: int | None) -> bool:
    """Whether the caller sees unpublished reports of its own in `year`
    (asked once per session: a question's queries share the answer)."""
    memo = session.info.setdefault("has_private", {})
    if (year, chat_id) not in memo:
        memo[year, chat_id] = _private_exists(session, year, chat_id)
    return memo[year, chat_id]


def _private_exists(session: Session, year: int, chat_id: int | None) -> bool:
    stmt = select(Report.id).where(
        own(Report, chat_id),
        Report.year == year,
        Report.current == true(),
        Report.published == false(),
    )
    return session.execute(stmt.limit(1)).first() is not None


def _per_report(
    session: Session, keys: list[str], year: int, chat_id: int | None, name_contains: Words
):
    """Per visible report of `year` (one per agency): id, SUM (v) and COUNT
    (n) of its numeric `keys` cells.  Without private reports of the caller
    this reads the fact index alone (`fact.public`)."""
    cond = [Fact.key.in_(keys), Fact.year == year]
    if name_contains:
        cond.append(Fact.agency_id.in_(select(Agency.id).where(named(name_contains))))
    single = len(keys) == 1  # one cell per report: no grouping needed
    columns = (
        Fact.report_id.label("id"),
        Fact.value.label("v") if single else func.sum(Fact.value).label("v"),
        case((Fact.value.is_not(None), 1), else_=0).label("n")
        if single
        else func.count(Fact.value).label("n"),
    )
    if not _has_private(session, year, chat_id):
        stmt = select(*columns).where(*cond, Fact.public == true())
    else:
        stmt = (
            select(*columns)
            .join(Report, Report.id == Fact.report_id)
            .where(*cond, visible(chat_id))
        )
        one = _one_per_agency(session, year, chat_id)
        if one is not None:
            stmt = stmt.where(one)
    return stmt if single else stmt.group_by(Fact.report_id)


def refs(session: Session, ids: list[int]) -> list[ReportRef]:
    """The reports `ids`, in that order."""
    if not ids:
        return []
    stmt = (
        select(*_REF_COLUMNS).join(Agency, Agency.id == Report.agency_id).where(Report.id.in_(ids))
    )
    found = {r.id: r for r in _refs(session, stmt)}
    return [found[i] for i in ids if i in found]


@dataclass(frozen=True)
class Ranked:
    ref: ReportRef
    value: float


@dataclass(frozen=True)
class Counts:
    filled: int  # reports whose cells are all numbers
    reports: int  # reports with the figure at all
    total: float | None  # sum over the filled ones


def aggregate(
    session: Session,
    keys: list[str],
    year: int,
    chat_id: int | None,
    *,
    order: str = "desc",
    limit: int = 5,
    name_contains: Words = None,
) -> tuple[Counts, list[Ranked]]:
    """One pass over the visible reports of `year`: how many have the figure
    (all its cells numbers, or not), their total, and the first `limit`
    complete ones by value (`order` desc or asc; equal values: the earlier
    stored first) or, with order "id", in the order they were stored.
    Reports with a blank or non-numeric cell among `keys` are never ranked."""
    sub = _per_report(session, keys, year, chat_id, name_contains).subquery()
    full = sub.c.n == len(keys)
    by_value = {"desc": sub.c.v.desc(), "asc": sub.c.v.asc()}.get(order)
    if len(keys) == 1:  # two index range scans beat one pass that sorts every row
        reports, filled, total = session.execute(
            select(func.count(), func.count(sub.c.v), func.sum(sub.c.v))
        ).one()
        stmt = select(sub.c.id, sub.c.v).where(sub.c.v.is_not(None))
        stmt = stmt.order_by(*([by_value] if by_value is not None else []), sub.c.id).limit(limit)
        top = [tuple(r) for r in session.execute(stmt)]
        found = refs(session, [i for i, _ in top])
        counts = Counts(int(filled or 0), int(reports or 0), total)
        return counts, [Ranked(ref, v) for ref, (_, v) in zip(found, top, strict=True)]
    stmt = select(
        sub.c.id,
        sub.c.v,
        sub.c.n,
        func.count().over().label("reports"),
        func.sum(case((full, 1), else_=0)).over().label("filled"),
        func.sum(case((full, sub.c.v))).over().label("total"),
    ).order_by(case((full, 0), else_=1), *([by_value] if by_value is not None else []), sub.c.id)
    rows = session.execute(stmt.limit(limit)).all()
    if not rows:
        return Counts(0, 0, None), []
    counts = Counts(int(rows[0].filled or 0), int(rows[0].reports), rows[0].total)
    top = [(r.id, r.v) for r in rows if r.n == len(keys)]
    found = refs(session, [i for i, _ in top])
    return counts, [Ranked(ref, v) for ref, (_, v) in zip(found, top, strict=True)]


def has_reports(session: Session) -> bool:
    return session.execute(select(Report.id).limit(1)).first() is not None


def defect_counts(session: Session, report_ids: list[int]) -> dict[int, dict[str, int]]:
    if not report_ids:
        return {}
    stmt = select(Report.id, Report.errors, Report.warnings, Report.infos).where(
        Report.id.in_(report_ids)
    )
    return {i: {"errors": e, "warnings": w, "infos": n} for i, e, w, n in session.execute(stmt)}
