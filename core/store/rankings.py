"""Figures over the agencies of a year: rankings, totals, positions, and
the reports that lack a figure.  One pass over the fact index
(key, year, report) where the caller sees no private reports of its own."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, case, exists, false, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from core.store.models import Agency, Fact, Report
from core.store.queries import ReportRef, Words, named, refs, visible
from core.store.versions import own


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
    session: Session,
    keys: list[str],
    year: int,
    chat_id: int | None,
    name_contains: Words,
    agency_ids: list[int] | None = None,
):
    """Per visible report of `year` (one per agency): id, SUM (v) and COUNT
    (n) of its numeric `keys` cells.  Without private reports of the caller
    this reads the fact index alone (`fact.public`).  Reports whose agency
    was not read are left out: a figure nobody can be named for is not ranked."""
    cond = [Fact.key.in_(keys), Fact.year == year, Fact.agency_id.is_not(None)]
    if name_contains:
        cond.append(Fact.agency_id.in_(select(Agency.id).where(named(name_contains))))
    if agency_ids is not None:
        cond.append(Fact.agency_id.in_(agency_ids))
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
    agency_ids: list[int] | None = None,
) -> tuple[Counts, list[Ranked]]:
    """One pass over the visible reports of `year`: how many have the figure
    (all its cells numbers, or not), their total, and the first `limit`
    complete ones by value (`order` desc or asc; equal values: the earlier
    stored first) or, with order "id", in the order they were stored.
    Reports with a blank or non-numeric cell among `keys` are never ranked."""
    sub = _per_report(session, keys, year, chat_id, name_contains, agency_ids).subquery()
    full = sub.c.n == len(keys)
    by_value = {"desc": sub.c.v.desc(), "asc": sub.c.v.asc()}.get(order)
    if len(keys) == 1:  # two index range scans beat one pass that sorts every row
        reports, filled, total = session.execute(
            select(func.count(), func.count(sub.c.v), func.sum(sub.c.v))
        ).one()
        stmt = select(sub.c.id, sub.c.v).where(sub.c.v.is_not(None))
        stmt = stmt.order_by(*([by_value] if by_value is not None else []), sub.c.id).limit(limit)
        top = [tuple(r) for r in session.execute(stmt)]
        counts = Counts(int(filled or 0), int(reports or 0), total)
        return counts, _ranked(session, top)
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
    return counts, _ranked(session, top)


def _ranked(session: Session, top: list[tuple[int, float]]) -> list[Ranked]:
    found = {r.id: r for r in refs(session, [i for i, _ in top])}
    return [Ranked(found[i], v) for i, v in top if i in found]


def position(
    session: Session,
    keys: list[str],
    year: int,
    chat_id: int | None,
    value: float,
    *,
    order: str = "desc",
    name_contains: Words = None,
    agency_ids: list[int] | None = None,
) -> int:
    """How many complete reports of `year` rank before `value` (strictly)."""
    sub = _per_report(session, keys, year, chat_id, name_contains, agency_ids).subquery()
    better = sub.c.v > value if order == "desc" else sub.c.v < value
    stmt = select(func.count()).where(sub.c.n == len(keys), better)
    return int(session.execute(stmt).scalar() or 0)


def lacking(
    session: Session,
    keys: list[str],
    year: int,
    chat_id: int | None,
    *,
    name_contains: Words = None,
    agency_ids: list[int] | None = None,
    limit: int = 10,
) -> list[ReportRef]:
    """Reports of `year` that have the figure's cells but not all as numbers."""
    sub = _per_report(session, keys, year, chat_id, name_contains, agency_ids).subquery()
    stmt = select(sub.c.id).where(sub.c.n < len(keys)).order_by(sub.c.id).limit(limit)
    return refs(session, [i for (i,) in session.execute(stmt)])


def count_reports(
    session: Session,
    year: int,
    chat_id: int | None,
    *,
    name_contains: Words = None,
    agency_ids: list[int] | None = None,
) -> int:
    """Visible reports of `year` with a named agency (one per agency).  Without
    private reports of the caller each agency has at most one published
    current report a year, so the (year, current) index is counted as is."""
    counted = (
        func.count(func.distinct(Report.agency_id))
        if _has_private(session, year, chat_id)
        else func.count()
    )
    stmt = (
        select(counted)
        .select_from(Report)
        .where(Report.year == year, visible(chat_id), Report.agency_id.is_not(None))
    )
    if name_contains:
        stmt = stmt.join(Agency, Agency.id == Report.agency_id).where(named(name_contains))
    if agency_ids is not None:
        stmt = stmt.where(Report.agency_id.in_(agency_ids))
    return int(session.execute(stmt).scalar() or 0)
