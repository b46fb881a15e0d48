"""The tables every export is made of, in one language: the summary (one
row per report, worst first), every defect, every figure, and the files
that could not be read.  Each is a header and rows of plain values."""

from __future__ import annotations

from dataclasses import dataclass

from core.batch.labels import cell_label, column_label, row_label, table_name
from core.batch.record import Batch
from core.batch.summary import TOP_PROBLEMS, failure_text, problem_line, ranked, text

SUMMARY = (
    "rank",
    "unit",
    "year",
    "errors",
    "warnings",
    "infos",
    "top",
    "format",
    "source",
    "file",
    "status",
    "report_id",
)
DEFECTS = (
    "unit",
    "year",
    "rule",
    "severity",
    "category",
    "table",
    "row",
    "column",
    "message",
    "hint",
    "where",
    "file",
)
FIGURES = ("unit", "year", "key", "label", "value", "raw", "cell_status", "file")
FAILURES = ("file", "reason")
KINDS = {"summary": SUMMARY, "defects": DEFECTS, "figures": FIGURES, "failures": FAILURES}


@dataclass
class Table:
    kind: str  # summary | defects | figures | failures
    columns: tuple[str, ...]  # stable keys (JSON, CSV with --keys)
    header: list[str]  # in the language
    rows: list[list]


def header(kind: str, lang: str) -> list[str]:
    return [text(f"export.column.{c}", lang) for c in KINDS[kind]]


def summary_table(batch: Batch, lang: str) -> Table:
    rows = []
    for i, c in enumerate(ranked(batch.checked), 1):
        top = "\n".join(problem_line(d, lang).strip() for d in c.problems()[:TOP_PROBLEMS])
        rows.append(
            [
                i,
                c.unit or "",
                c.year,
                c.errors,
                c.warnings,
                c.infos,
                top,
                text(f"batch.version.{c.format_version}", lang),
                c.source,
                c.path or c.name,
                text(f"export.status.{c.status}", lang),
                c.report_id,
            ]
        )
    return Table("summary", SUMMARY, header("summary", lang), rows)


def defects_table(batch: Batch, lang: str) -> Table:
    rows = []
    for c in ranked(batch.checked):
        for d in c.defects:
            rows.append(
                [
                    c.unit or "",
                    c.year,
                    d.code,
                    text(f"export.severity.{d.severity}", lang),
                    d.category,
                    table_name(d.table, lang),
                    row_label(d.row, lang),
                    column_label(d.row, d.column, lang),
                    d.text("message", lang),
                    d.text("hint", lang),
                    d.text("where", lang),
                    c.path or c.name,
                ]
            )
    return Table("defects", DEFECTS, header("defects", lang), rows)


def figures_table(batch: Batch, lang: str) -> Table:
    rows = []
    for c in ranked(batch.checked):
        for f in c.figures:
            rows.append(
                [
                    c.unit or "",
                    c.year,
                    f.key,
                    cell_label(f.key, lang),
                    f.value,
                    f.raw,
                    text(f"export.cell.{f.status}", lang),
                    c.path or c.name,
                ]
            )
    return Table("figures", FIGURES, header("figures", lang), rows)


def failures_table(batch: Batch, lang: str) -> Table:
    rows = [[f.path or f.name, failure_text(f, lang)] for f in batch.failures]
    return Table("failures", FAILURES, header("failures", lang), rows)


BUILDERS = {
    "summary": summary_table,
    "defects": defects_table,
    "figures": figures_table,
    "failures": failures_table,
}


def table(kind: str, batch: Batch, lang: str) -> Table:
    return BUILDERS[kind](batch, lang)
