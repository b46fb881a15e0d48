"""Checked reports read back from the store: a bot batch's results once
stored (its final defects, cross-year checks included), and what a chat
can see for /export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from core.batch.record import Checked, DefectRow, FigureRow, figure_value
from core.store import queries
from core.store.db import session
from core.store.models import Agency, Fact
from core.store.models import Report as ReportRow

DERIVED = "derived"  # totals worked out by the store, not cells of the report
MAX_EXPORT = 5000  # reports in one export


@dataclass(frozen=True)
class Entry:
    """One file of a batch that was stored: its name and report id."""

    name: str
    report_id: int
    status: str = "stored"  # new | superseded | unchanged


def _source(filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return {"htm": "html", "markdown": "md", "text": "txt"}.get(suffix, suffix)


def checked_of_ids(engine, entries: Sequence[Entry]) -> list[Checked]:
    """The stored reports of `entries`, in order, as Checked records."""
    ids = sorted({e.report_id for e in entries})
    if not ids:
        return []
    with session(engine) as s:
        rows = {
            r.id: (r, name)
            for r, name in s.execute(
                select(ReportRow, Agency.name)
                .outerjoin(Agency, Agency.id == ReportRow.agency_id)
                .where(ReportRow.id.in_(ids))
            )
        }
        defects = queries.defects_of_reports(s, ids)
        figures: dict[int, list[FigureRow]] = {i: [] for i in ids}
        years = sorted({(r.year or 0) for r, _ in rows.values()})
        stmt = select(Fact.report_id, Fact.key, Fact.value, Fact.raw, Fact.status).where(
            Fact.report_id.in_(ids), Fact.year.in_(years), Fact.status != DERIVED
        )
        for report_id, key, value, raw, status in s.execute(stmt):
            figures[report_id].append(FigureRow(key, figure_value(value), raw, status))
    out = []
    for e in entries:
        if e.report_id not in rows:
            continue
        row, agency = rows[e.report_id]
        out.append(
            Checked(
                name=e.name,
                unit=agency or row.agency_written,
                year=row.year,
                title=row.title,
                format_version=row.format_version,
                issuer_kind=row.issuer_kind,
                source=_source(row.filename or e.name),
                defects=[DefectRow.of_record(d) for d in defects.get(row.id, [])],
                figures=sorted(figures.get(row.id, []), key=lambda f: f.key),
                report_id=row.id,
                status=e.status,
                path=e.name,
            )
        )
    return out


def visible_ids(
    engine, chat_id: int | None, *, year: int | None = None, limit: int = MAX_EXPORT
) -> list[tuple[int, str]]:
    """(id, filename) of the current reports chat `chat_id` may see (its
    own and the published ones), newest year first."""
    with session(engine) as s:
        stmt = select(ReportRow.id, ReportRow.filename).where(queries.visible(chat_id))
        if year is not None:
            stmt = stmt.where(ReportRow.year == year)
        stmt = stmt.order_by(ReportRow.year.desc(), ReportRow.id.desc()).limit(limit)
        return [(i, f or "") for i, f in s.execute(stmt)]


def later_of_pairs(engine, ids: Sequence[int]) -> list[int]:
    """Those of `ids` whose unit's report of the year before is among `ids`."""
    with session(engine) as s:
        rows = list(
            s.execute(
                select(ReportRow.id, ReportRow.agency_id, ReportRow.year).where(
                    ReportRow.id.in_(list(ids))
                )
            )
        )
    have = {(a, y) for _, a, y in rows if a is not None and y is not None}
    return sorted(i for i, a, y in rows if a is not None and y is not None and (a, y - 1) in have)
