"""CSV (one table: the summary, every defect or every figure) and JSON
(everything) exports of a batch."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from core.batch.record import Batch, Checked
from core.batch.summary import failure_text, ranked
from core.export.tables import table


def to_csv(batch: Batch, kind: str = "summary", lang: str = "zh") -> str:
    """One table as CSV with a header row in `lang` (UTF-8; Excel opens it
    when written with a BOM, see `csv_bytes`)."""
    t = table(kind, batch, lang)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(t.header)
    writer.writerows([["" if v is None else v for v in row] for row in t.rows])
    return buf.getvalue()


def csv_bytes(batch: Batch, kind: str = "summary", lang: str = "zh") -> bytes:
    """CSV for a file: UTF-8 with a BOM, so that Excel reads the Chinese right."""
    return to_csv(batch, kind, lang).encode("utf-8-sig")


def _report(c: Checked, lang: str) -> dict[str, Any]:
    return {
        "file": c.path or c.name,
        "unit": c.unit,
        "year": c.year,
        "title": c.title,
        "format_version": c.format_version,
        "issuer_kind": c.issuer_kind,
        "source": c.source,
        "report_id": c.report_id,
        "status": c.status,
        "summary": {"error": c.errors, "warning": c.warnings, "info": c.infos},
        "defects": [
            {
                "code": d.code,
                "category": d.category,
                "severity": d.severity,
                "table": d.table,
                "row": d.row,
                "column": d.column,
                "message": d.text("message", lang),
                "hint": d.text("hint", lang),
                "where": d.text("where", lang),
            }
            for d in c.defects
        ],
        "figures": {f.key: {"value": f.value, "raw": f.raw, "status": f.status} for f in c.figures},
    }


def to_json_obj(batch: Batch, lang: str = "zh") -> dict[str, Any]:
    """Everything: counts, every report worst first, every unreadable file."""
    reports = ranked(batch.checked)
    return {
        "summary": {
            "files": batch.total,
            "checked": len(batch.checked),
            "unreadable": len(batch.failures),
            "with_errors": sum(1 for c in reports if c.errors),
            "error": sum(c.errors for c in reports),
            "warning": sum(c.warnings for c in reports),
            "info": sum(c.infos for c in reports),
        },
        "reports": [_report(c, lang) for c in reports],
        "unreadable": [
            {
                "file": f.path or f.name,
                "code": f.code,
                "detail": f.detail,
                "reason": failure_text(f, lang),
            }
            for f in batch.failures
        ],
    }


def to_json(batch: Batch, lang: str = "zh") -> str:
    return json.dumps(to_json_obj(batch, lang), ensure_ascii=False, indent=2)
