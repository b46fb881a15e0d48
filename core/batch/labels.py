"""Short names of where a defect or a figure is, from the template:
"表三 · （一）予以公开 · 总计"."""

from __future__ import annotations

from functools import cache

from core.defect import ui_text
from core.template import VERSIONS, load_template

TABLES = ("t2", "t3", "t4")


@cache
def _row(key: str):
    for version in VERSIONS:
        row = load_template(version).row(key)
        if row is not None:
            return row
    return None


def table_name(table: str | None, lang: str) -> str:
    """表三 / table 3; "" when there is no table."""
    if not table:
        return ""
    return ui_text(f"table.{table}", lang) if table in TABLES else table


def row_label(row_key: str | None, lang: str) -> str:
    if not row_key:
        return ""
    row = _row(row_key)
    if row is None:
        return row_key
    return row.label if lang == "zh" else row.en


def column_label(row_key: str | None, column: str | None, lang: str) -> str:
    if not column:
        return ""
    row = _row(row_key) if row_key else None
    rows = [row] if row is not None else []
    if not rows:
        rows = [
            r
            for version in VERSIONS
            for spec in load_template(version).tables.values()
            for r in spec.rows
        ]
    for r in rows:
        for c in r.columns:
            if c.key == column:
                return c.label if lang == "zh" else c.en
    return column


def cell_parts(key: str) -> tuple[str, str, str]:
    """(table, row key, column key) of a cell key: t3.new_received.total →
    ("t3", "t3.new_received", "total")."""
    row_key, _, column = key.rpartition(".")
    return key.split(".", 1)[0], row_key, column


def cell_label(key: str, lang: str) -> str:
    """The row and column a figure is in: "一、本年新收政府信息公开申请数量 / 总计"."""
    _, row_key, column = cell_parts(key)
    row, col = row_label(row_key, lang), column_label(row_key, column, lang)
    return f"{row} / {col}" if col else row


def short_where(table: str | None, row: str | None, column: str | None, lang: str) -> str:
    """表三 · （一）予以公开 · 总计 — as much of it as is known."""
    parts = [table_name(table, lang), row_label(row, lang), column_label(row, column, lang)]
    return " · ".join(p for p in parts if p)
