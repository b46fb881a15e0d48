"""Storing one report: its file bytes (once per SHA-256), its agency, its
cells and its defects; a new version of the same agency and year supersedes
the old one, which is kept as history."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from core import agency as agency_names
from core.defect import Defect
from core.derived import derived_totals
from core.document import Location
from core.messages import message as core_message
from core.normalize import printable
from core.report import Report
from core.store.models import Agency, DefectRecord, StoredFile, TextFactRecord
from core.store.models import Report as ReportRow
from core.textfacts import extract as text_facts


@dataclass
class IngestResult:
    report_id: int | None  # None when the file could not be read
    status: str  # new | unchanged | superseded | failed
    report: Report | None = None
    defects: list[Defect] = field(default_factory=list)
    error_code: str | None = None
    error_detail: str = ""
    filename: str = ""
    superseded_id: int | None = None
    error_slots: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    def count(self, severity: str) -> int:
        return sum(1 for d in self.defects if d.severity == severity)

    def message(self, lang: str = "zh") -> str:
        """One line for the user, in `lang`."""
        if self.status == "failed":
            reason = _failure_reason(self.error_code, self.error_slots, lang)
            return core_message("ingest.failed", lang, name=printable(self.filename), reason=reason)
        r = self.report
        agency = (r.agency if r else None) or core_message("ingest.unknown_agency", lang)
        year = (r.year if r else None) or core_message("ingest.unknown_year", lang)
        return core_message(
            f"ingest.{self.status}",
            lang,
            name=self.filename,
            agency=agency,
            year=year,
            errors=self.count("error"),
            warnings=self.count("warning"),
            infos=self.count("info"),
        )


def _failure_reason(code: str | None, slots: dict[str, Any], lang: str) -> str:
    from core.unreadable import unreadable_text

    if code and code != "internal":
        return unreadable_text(code, lang, slots)
    return core_message("ingest.internal", lang)


def sha_scope(chat_id: int | None):
    """Versions in one scope supersede each other: the same chat, or the CLI."""
    return ReportRow.chat_id.is_(None) if chat_id is None else ReportRow.chat_id == chat_id


def find_same_file(session: Session, sha: str, chat_id: int | None) -> ReportRow | None:
    """A report of these exact bytes that this chat can already see."""
    stmt = select(ReportRow).where(ReportRow.sha256 == sha, ReportRow.current)
    for (row,) in session.execute(stmt.order_by(ReportRow.id.desc())):
        if row.chat_id == chat_id or row.published:
            return row
    return None


def agency_for(session: Session, name: str | None, issuer_kind: str) -> Agency | None:
    """The stored agency of `name`, created when new; spellings become aliases."""
    if not name:
        return None
    norm = agency_names.normalise(name)
    if not norm:
        return None
    found = session.execute(select(Agency).where(Agency.norm == norm)).scalar_one_or_none()
    if found is None:
        found = Agency(
            name=name, norm=norm, issuer_kind=issuer_kind, aliases=agency_names.aliases(name)
        )
        session.add(found)
        session.flush()
    return found


def store_file(session: Session, sha: str, data: bytes | None, filename: str) -> None:
    if session.get(StoredFile, sha) is None:
        session.add(StoredFile(sha256=sha, filename=filename, size=len(data or b""), data=data))
        session.flush()


def add_report(
    session: Session,
    report: Report,
    defects: Iterable[Defect],
    *,
    sha: str,
    filename: str,
    agency: Agency | None,
    user_id: int | None,
    chat_id: int | None,
    published: bool,
) -> ReportRow:
    defects = list(defects)
    row = ReportRow(
        agency_id=agency.id if agency else None,
        agency_written=report.agency,
        year=report.year,
        title=report.title,
        format_version=report.format_version,
        issuer_kind=report.issuer_kind,
        closing_date=report.closing_date,
        sha256=sha,
        filename=filename,
        parser_version=report.parser_version,
        user_id=user_id,
        chat_id=chat_id,
        published=published,
        errors=sum(d.severity == "error" for d in defects),
        warnings=sum(d.severity == "warning" for d in defects),
        infos=sum(d.severity == "info" for d in defects),
    )
    session.add(row)
    session.flush()
    insert_facts(session, fact_rows(row.id, report, row.agency_id, published))
    add_text_facts(session, text_fact_rows(row.id, report, row.agency_id))
    add_defects(session, row.id, defects)
    return row


def text_fact_rows(report_id: int, report: Report, agency_id: int | None) -> list[dict[str, Any]]:
    """The figures the report's text states, as rows of the text_fact table."""
    return [
        {
            "report_id": report_id,
            "agency_id": agency_id,
            "year": report.year or 0,
            "key": f.key,
            "value": float(f.value),
            "unit": f.unit,
            "approximate": f.approximate,
            "raw": f.raw,
            "sentence": f.sentence,
            "section": f.section,
            "heading": f.heading,
            "location": f.location.as_dict(),
        }
        for f in text_facts(report)
    ]


def add_text_facts(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(TextFactRecord), rows)


FACT_COLUMNS = (
    "key",
    "year",
    "report_id",
    "agency_id",
    "public",
    "value",
    "raw",
    "status",
    "location",
)
_LOC_FIELDS = ("page", "line", "paragraph", "table", "row", "cell")


def _location_json(loc: Location) -> str:
    """Location.as_dict() as JSON, written directly (this runs once per cell)."""
    line, par, table, row, cell = loc.line, loc.paragraph, loc.table, loc.row, loc.cell
    if par is None and table is not None and row is not None and cell is not None:  # a table cell
        head = f'"page": {loc.page}, ' if loc.page is not None else ""
        head += f'"line": {line}, ' if line is not None else ""
        return f'{{{head}"table": {table}, "row": {row}, "cell": {cell}}}'
    parts = [f'"{n}": {v}' for n in _LOC_FIELDS if (v := getattr(loc, n)) is not None]
    return "{" + ", ".join(parts) + "}"


def fact_rows(report_id: int, report: Report, agency_id: int | None, public: bool) -> list[tuple]:
    """The fact table's rows of one report, in FACT_COLUMNS order: every
    cell, then the derived totals (status "derived", no raw text; None when
    one of their cells is not a number)."""
    year = report.year or 0
    facts = report.facts
    rows = [
        (
            key,
            year,
            report_id,
            agency_id,
            public,
            _number(f.value),
            f.raw or "",
            f.status,
            _location_json(f.location),
        )
        for key, f in facts.items()
    ]
    for key, parts in derived_totals().items():
        if all(p in facts for p in parts):
            values = [facts[p].value for p in parts]
            total = None if any(v is None for v in values) else _number(sum(values))
            rows.append((key, year, report_id, agency_id, public, total, "", "derived", "{}"))
    return rows


def insert_facts(session: Session, rows: list[tuple]) -> None:
    """Insert fact rows fast: COPY on PostgreSQL, executemany elsewhere."""
    if not rows:
        return
    conn = session.connection()
    names = ", ".join(FACT_COLUMNS)
    rows = sorted(rows)  # index order (key, year, report_id): fewer pages touched
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        if conn.dialect.name == "postgresql":
            with cursor.copy(f"COPY fact ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(
                "?" if conn.dialect.paramstyle == "qmark" else "%s" for _ in FACT_COLUMNS
            )
            cursor.executemany(f"INSERT INTO fact ({names}) VALUES ({marks})", rows)
    finally:
        cursor.close()


def add_defects(session: Session, report_id: int, defects: list[Defect]) -> None:
    rows = [defect_row(report_id, d) for d in defects]
    if rows:
        session.execute(insert(DefectRecord), rows)


def replace_defects(session: Session, row: ReportRow, defects: list[Defect]) -> None:
    """Store a report's defects again (after last year's report arrived)."""
    session.execute(delete(DefectRecord).where(DefectRecord.report_id == row.id))
    add_defects(session, row.id, defects)
    row.errors = sum(d.severity == "error" for d in defects)
    row.warnings = sum(d.severity == "warning" for d in defects)
    row.infos = sum(d.severity == "info" for d in defects)
    session.add(row)


def defect_row(report_id: int, d: Defect) -> dict[str, Any]:
    zh = d.as_json("zh")
    loc = d.location
    return {
        "report_id": report_id,
        "code": d.code,
        "category": d.category,
        "severity": d.severity,
        "table_key": getattr(loc, "table", None),
        "row_key": getattr(loc, "row", None),
        "column_key": getattr(loc, "column", None),
        "message_zh": zh["message"],
        "message_en": d.message("en"),
        "hint_zh": zh["hint"],
        "hint_en": d.hint("en"),
        "location": _plain(zh["location"]),
        "evidence": _plain(zh["evidence"]),
    }


def _plain(value: Any) -> Any:
    """JSON-safe copy (dates and other objects as text)."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def _number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value)
    return float(value)


Checker = Callable[[Report, Report | None], list[Defect]]
