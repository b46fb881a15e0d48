"""Deleting a draft: an unpublished report of the chat that uploaded it,
with its cells, its defects and — when no other report has the same bytes —
its stored file.  The version it had replaced becomes current again."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from core.store import versions
from core.store.models import DefectRecord, Fact, StoredFile, TextFactRecord
from core.store.models import Report as ReportRow


def delete_draft(session: Session, report_id: int, chat_id: int) -> str | None:
    """Delete report `report_id` if it is an unpublished report of `chat_id`;
    the SHA-256 of its file when the file was deleted too, "" when the file
    is kept for another report, None when nothing was deleted."""
    row = session.get(ReportRow, report_id)
    if row is None or row.published or row.chat_id is None or row.chat_id != chat_id:
        return None
    sha = row.sha256
    session.execute(delete(Fact).where(Fact.report_id == report_id))
    session.execute(delete(DefectRecord).where(DefectRecord.report_id == report_id))
    session.execute(delete(TextFactRecord).where(TextFactRecord.report_id == report_id))
    older = [
        r for (r,) in session.execute(select(ReportRow).where(ReportRow.superseded_by == report_id))
    ]
    session.delete(row)
    session.flush()
    if older:
        newest = max(older, key=lambda r: r.id)
        session.execute(
            update(ReportRow)
            .where(ReportRow.id == newest.id)
            .values(current=True, superseded_by=None)
        )
        session.execute(
            update(ReportRow)
            .where(ReportRow.id.in_([r.id for r in older if r.id != newest.id]))
            .values(superseded_by=newest.id)
        )
        if newest.published:
            session.refresh(newest)
            versions.set_public(session, [newest], True)
    others = session.execute(
        select(func.count(ReportRow.id)).where(ReportRow.sha256 == sha)
    ).scalar()
    if others:
        return ""
    session.execute(delete(StoredFile).where(StoredFile.sha256 == sha))
    return sha
