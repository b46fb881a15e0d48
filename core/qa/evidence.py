"""Where a figure comes from and what its report says about it: the source
cell or sentence of an answer and the defects of the report that concern
those cells."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from core.store import queries
from core.store.models import DefectRecord, Fact, TextFactRecord


def number(v: float | None) -> int | float | None:
    if v is None:
        return None
    # 万元 written to six places is a figure to the cent: keep every place written
    return int(v) if float(v).is_integer() else round(float(v), 6)


def source(ref: queries.ReportRef, f: Fact) -> dict[str, Any]:
    row, _, column = f.key.rpartition(".")
    return {
        "report_id": ref.id,
        "title": ref.title,
        "agency": ref.agency,
        "year": ref.year,
        "key": f.key,
        "table": f.key.split(".")[0],
        "row": row,
        "column": column,
        "raw": f.raw,
        "status": f.status,
        "value": number(f.value),
        "location": f.location,
    }


def text_source(ref: queries.ReportRef, t: TextFactRecord) -> dict[str, Any]:
    """Where a figure stated in the text comes from: its words, sentence and section."""
    return {
        "report_id": ref.id,
        "title": ref.title,
        "agency": ref.agency,
        "year": ref.year,
        "key": t.key,
        "value": number(t.value),
        "raw": t.raw,
        "sentence": t.sentence,
        "section": t.section,
        "heading": t.heading,
        "approximate": t.approximate,
        "location": t.location,
        "from_text": True,
    }


def defect_warnings(
    s: Session, report_id: int, keys: list[str], found: list[DefectRecord] | None = None
) -> list[dict[str, Any]]:
    """Defects of the report (`found`, else read) that concern one of the cells `keys`."""
    out = []
    for d in found if found is not None else queries.defects(s, report_id):
        if d.severity == "info":
            continue
        if any(_concerns(d, k) for k in keys):
            out.append(defect_dict(d))
    return out


def _concerns(d: DefectRecord, key: str) -> bool:
    """Whether defect `d` is about cell `key`: the cells its evidence names,
    else its location's row and column."""
    named = _evidence_keys(d.evidence)
    if named:
        return key in named
    row, _, column = key.rpartition(".")
    if d.row_key is not None:
        return d.row_key == row and d.column_key in (None, column)
    return d.column_key == column and d.table_key == key.split(".")[0]


def _evidence_keys(evidence: Any) -> set[str]:
    out: set[str] = set()
    if isinstance(evidence, dict):
        for k, v in evidence.items():
            if isinstance(k, str) and k.count(".") >= 2:
                out.add(k)
            out |= _evidence_keys(v)
    elif isinstance(evidence, list):
        for v in evidence:
            out |= _evidence_keys(v)
    elif isinstance(evidence, str) and evidence.count(".") >= 2 and " " not in evidence:
        out.add(evidence)
    return out


def defect_dict(d: DefectRecord) -> dict[str, Any]:
    return {
        "kind": "defect",
        "code": d.code,
        "severity": d.severity,
        "category": d.category,
        "message_zh": d.message_zh,
        "message_en": d.message_en,
        "location": d.location,
    }
