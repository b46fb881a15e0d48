"""Versions and visibility of stored reports.

Invariants kept here:
- per agency, year and scope (one chat, or the command line) at most one
  report is current; older versions stay as history (`superseded_by`);
- per agency and year at most one *published* report is current: publishing
  (or ingesting published) supersedes the other published versions;
- `fact.public` is true exactly for the cells of current published reports,
  so rankings and totals over all agencies read the fact index alone."""

from __future__ import annotations

from functools import cache

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from core.derived import derived_totals
from core.store.models import Fact
from core.store.models import Report as ReportRow
from core.template import load_template


@cache
def all_keys() -> tuple[str, ...]:
    """Every cell key of every form and the derived totals kept with them
    (the fact rows a report can have)."""
    keys = {k for v in ("2021", "2019") for k in load_template(v).cell_keys()}
    return tuple(sorted(keys | set(derived_totals())))


def own(table, chat_id: int | None):
    """Reports of this scope: the same chat, or (no chat) the command line."""
    return table.chat_id.is_(None) if chat_id is None else table.chat_id == chat_id


def set_public(session: Session, reports: list[ReportRow], public: bool) -> None:
    """Flag the cells of `reports` as (not) visible to everyone."""
    for r in reports:
        session.execute(
            update(Fact)
            .where(Fact.key.in_(all_keys()), Fact.year == (r.year or 0), Fact.report_id == r.id)
            .values(public=public)
        )


def supersede(session: Session, row: ReportRow) -> int | None:
    """`row` is the newest version: older current versions of its agency and
    year in its scope (and, when it is published, every other published one)
    become history.  Returns the newest superseded id."""
    if row.agency_id is None or row.year is None:
        return None
    scope = own(ReportRow, row.chat_id)
    if row.published:
        scope = or_(scope, ReportRow.published)
    stmt = select(ReportRow).where(
        ReportRow.agency_id == row.agency_id,
        ReportRow.year == row.year,
        ReportRow.current,
        ReportRow.id != row.id,
        scope,
    )
    old = [r for (r,) in session.execute(stmt)]
    if not old:
        return None
    session.execute(
        update(ReportRow)
        .where(ReportRow.id.in_([r.id for r in old]))
        .values(current=False, superseded_by=row.id)
    )
    set_public(session, [r for r in old if r.published], False)
    return max(r.id for r in old)


def publish(session: Session, report_id: int) -> None:
    """Make a report visible to every chat (it replaces the published version)."""
    row = session.get(ReportRow, report_id)
    if row is None or row.published:
        return
    row.published = True
    session.add(row)
    session.flush()
    if row.current:
        set_public(session, [row], True)
        supersede(session, row)
