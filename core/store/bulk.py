"""Storing many already-parsed reports in one transaction (imports, the
benchmark): the same rules as one file at a time — agencies created once,
identical content skipped, older versions of an agency's year superseded —
with bulk inserts instead of one statement per row."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert, or_, select, update
from sqlalchemy.engine import Engine

from core import agency as agency_names
from core.defect import Defect
from core.report import Report
from core.store import versions
from core.store.db import session
from core.store.ingest import (
    add_text_facts,
    defect_row,
    fact_rows,
    insert_facts,
    sha_scope,
    text_fact_rows,
)
from core.store.models import Agency, DefectRecord, StoredFile, now_utc
from core.store.models import Report as ReportRow

CHUNK = 500  # rows per IN (...) list
SQLITE_CACHE_KIB = 256 * 1024  # page cache of the connection doing a bulk ingest


@dataclass
class BulkResult:
    new: int = 0
    unchanged: int = 0
    superseded: int = 0
    facts: int = 0


def content_sha(report: Report) -> str:
    """A digest of what was read, for reports that come without file bytes."""
    cells = "\x1e".join(f"{k}\x1f{f.raw}" for k, f in sorted(report.facts.items()))
    return hashlib.sha256(
        f"{report.agency}\x1f{report.year}\x1f{report.title}\x1d{cells}".encode()
    ).hexdigest()


def _chunks(seq: Sequence, n: int = CHUNK):
    for i in range(0, len(seq), n):
        yield seq[i : i + n]


def ingest_many(
    engine: Engine,
    reports: Sequence[Report],
    defects: Sequence[list[Defect]] | None = None,
    *,
    chat_id: int | None = None,
    user_id: int | None = None,
    published: bool = True,
) -> BulkResult:
    out = BulkResult()
    defects = defects or [[] for _ in reports]
    with session(engine) as s:
        if engine.dialect.name == "sqlite":  # a large batch touches many index pages
            s.connection().exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        shas = [content_sha(r) for r in reports]
        seen: set[str] = set()
        for part in _chunks(list(set(shas))):
            stmt = select(ReportRow.sha256).where(
                ReportRow.sha256.in_(part), ReportRow.current, sha_scope(chat_id)
            )
            seen |= {sha for (sha,) in s.execute(stmt)}
        todo = []
        for r, d, sha in zip(reports, defects, shas, strict=True):
            if sha in seen:
                out.unchanged += 1
            else:
                seen.add(sha)
                todo.append((r, d, sha))
        if not todo:
            return out
        agency_ids = _agencies(s, [r for r, _, _ in todo])
        now = now_utc()
        files = [
            {"sha256": sha, "filename": "", "size": 0, "data": None, "created_at": now}
            for _, _, sha in todo
        ]
        known = set()
        for part in _chunks([f["sha256"] for f in files]):
            known |= {
                sha
                for (sha,) in s.execute(
                    select(StoredFile.sha256).where(StoredFile.sha256.in_(part))
                )
            }
        files = [f for f in files if f["sha256"] not in known]
        if files:
            s.execute(insert(StoredFile), files)
        rows = [
            _report_row(r, d, sha, agency_ids, chat_id, user_id, published) | {"created_at": now}
            for r, d, sha in todo
        ]
        ids = list(
            s.scalars(insert(ReportRow).returning(ReportRow.id, sort_by_parameter_order=True), rows)
        )
        out.superseded = _supersede(s, rows, ids, chat_id, published)
        facts = []
        for (r, _, _), rid, row in zip(todo, ids, rows, strict=True):
            facts += fact_rows(rid, r, row["agency_id"], published)
            if len(facts) >= 20_000:
                insert_facts(s, facts)
                out.facts += len(facts)
                facts = []
        if facts:
            insert_facts(s, facts)
            out.facts += len(facts)
        texts = [
            t
            for (r, _, _), rid, row in zip(todo, ids, rows, strict=True)
            for t in text_fact_rows(rid, r, row["agency_id"])
        ]
        add_text_facts(s, texts)
        found = [defect_row(rid, x) for (_, d, _), rid in zip(todo, ids, strict=True) for x in d]
        if found:
            s.execute(insert(DefectRecord), found)
        s.commit()
    out.new = len(todo) - out.superseded
    return out


def _agencies(s, reports: list[Report]) -> dict[str, int]:
    """norm → id, creating the agencies not stored yet."""
    wanted: dict[str, Report] = {}
    for r in reports:
        if r.agency:
            wanted.setdefault(agency_names.normalise(r.agency), r)
    ids: dict[str, int] = {}
    for part in _chunks(list(wanted)):
        ids.update(
            dict(s.execute(select(Agency.norm, Agency.id).where(Agency.norm.in_(part))).all())
        )
    missing = [
        {
            "name": r.agency,
            "norm": n,
            "issuer_kind": r.issuer_kind,
            "aliases": agency_names.aliases(r.agency),
            "created_at": now_utc(),
        }
        for n, r in wanted.items()
        if n not in ids
    ]
    if missing:
        s.execute(insert(Agency), missing)
        for part in _chunks([m["norm"] for m in missing]):
            ids.update(
                dict(s.execute(select(Agency.norm, Agency.id).where(Agency.norm.in_(part))).all())
            )
    return ids


def _report_row(
    r: Report, d: list[Defect], sha: str, agency_ids: dict[str, int], chat_id, user_id, published
) -> dict:
    return {
        "agency_id": agency_ids.get(agency_names.normalise(r.agency or "")),
        "agency_written": r.agency,
        "year": r.year,
        "title": r.title,
        "format_version": r.format_version,
        "issuer_kind": r.issuer_kind,
        "closing_date": r.closing_date,
        "sha256": sha,
        "filename": "",
        "parser_version": r.parser_version,
        "user_id": user_id,
        "chat_id": chat_id,
        "published": published,
        "current": True,
        "errors": sum(x.severity == "error" for x in d),
        "warnings": sum(x.severity == "warning" for x in d),
        "infos": sum(x.severity == "info" for x in d),
    }


def _supersede(s, rows: list[dict], ids: list[int], chat_id: int | None, published: bool) -> int:
    """Older current versions of the same agency and year become history
    (the rules of core.store.versions, for a whole batch)."""
    newest: dict[tuple, int] = {}
    for row, rid in zip(rows, ids, strict=True):
        if row["agency_id"] is not None and row["year"] is not None:
            k = (row["agency_id"], row["year"])
            newest[k] = max(rid, newest.get(k, 0))
    scope = versions.own(ReportRow, chat_id)
    if published:
        scope = or_(scope, ReportRow.published)
    old: list[tuple[ReportRow, int]] = []
    for part in _chunks(sorted({k[0] for k in newest})):
        stmt = select(ReportRow).where(ReportRow.agency_id.in_(part), ReportRow.current, scope)
        for (r,) in s.execute(stmt):
            winner = newest.get((r.agency_id, r.year))
            if winner is not None and r.id != winner:
                old.append((r, winner))
    for r, winner in old:
        s.execute(
            update(ReportRow)
            .where(ReportRow.id == r.id)
            .values(current=False, superseded_by=winner)
        )
    versions.set_public(s, [r for r, _ in old if r.published], False)
    return len(old)
