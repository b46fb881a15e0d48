"""C1–C5: every cell of tables 二/三/四 present, filled and a proper number;
labels as in the template."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from core.defect import Defect, DefectLocation, ui_text
from core.report import LabelMatch, UnmatchedRow
from core.rules.context import Context, label, ui
from core.rules.registry import CELLS, ROWS, SINCE_2019, check, define
from core.template import load_template

define("C1", "blank_cell", "error", basis="absence", eras=SINCE_2019, reads=CELLS)
define("C2", "table_format", "error", also=("warning",), basis="form", eras=SINCE_2019, reads=CELLS)
define("C3", "table_format", "warning", basis="heuristic", eras=SINCE_2019, reads=CELLS)
define(
    "C4", "table_format", "error", also=("warning",), basis="absence", eras=SINCE_2019, reads=ROWS
)
define("C5", "table_format", "warning", basis="heuristic", eras=SINCE_2019, reads=CELLS)

_PREVIEW = 6


def table_name(key: str) -> dict[str, str]:
    return ui(f"table.{key}") if key in ("t2", "t3", "t4") else label(key, key)


def _only(values: list[str]) -> str | None:
    return values[0] if len(set(values)) == 1 else None


def _cells_slot(ctx: Context, keys: list[str]) -> dict[str, str]:
    """The cells named briefly: a whole row by its label, else row/column."""
    names: list[dict[str, str]] = []
    by_row: dict[str, list[str]] = {}
    for key in keys:
        by_row.setdefault(key.rpartition(".")[0], []).append(key)
    for row, row_keys in by_row.items():
        if len(row_keys) == len(ctx.row_cells(row)):
            names.append(ctx.row_label(row))
        else:
            names.extend(ctx.cell_label(k) for k in row_keys)
    shown = names[:_PREVIEW]
    more = ui("more") if len(names) > _PREVIEW else label("", "")
    return label(
        "、".join(s["zh"] for s in shown) + more["zh"],
        "; ".join(s["en"] for s in shown) + more["en"],
    )


def _group_location(ctx: Context, table: str, keys: list[str]) -> DefectLocation:
    rows = [k.rpartition(".")[0] for k in keys]
    cols = [k.rpartition(".")[2] for k in keys]
    first = ctx.fact(keys[0])
    return DefectLocation.at(
        first.location if first else None,
        section=ctx.template.tables[table].section,
        table=table,
        row=_only(rows),
        column=_only(cols),
    )


@check("C1")
def blank_cells(ctx: Context) -> Iterator[Defect]:
    """One defect per table listing its blank or non-numeric cells."""
    for table in ctx.template.tables:
        if not ctx.report.tables_found.get(table):
            continue
        facts = ctx.report.facts
        keys = [
            k
            for k in ctx.cell_keys(table)
            if (f := facts.get(k)) is not None and f.status in ("blank", "text")
        ]
        if not keys:
            continue
        written = sorted({ctx.fact(k).raw.strip() for k in keys} - {""})
        marks = (
            label(
                ui_text("marks", "zh").format(marks="、".join(f"“{m}”" for m in written)),
                ui_text("marks", "en").format(marks=", ".join(f"“{m}”" for m in written)),
            )
            if written
            else label("", "")
        )
        yield ctx.defect(
            "C1",
            _group_location(ctx, table, keys),
            {
                "cells": {k: ctx.fact(k).raw for k in keys},
                "where": {k: ctx.fact(k).location.as_dict() for k in keys},
            },
            table=table_name(table),
            count=len(keys),
            cells=_cells_slot(ctx, keys),
            marks=marks,
        )


def _sign_words(ctx: Context) -> tuple[str, ...]:
    """The words a drafter writes for a change's sign ("增", "减" …)."""
    return tuple(ctx.template.lexicon["cells"].get("signed_words", {}))


@check("C2")
def bad_numbers(ctx: Context) -> Iterator[Defect]:
    """Unreadable numbers, negative counts and fractions of a count."""
    facts = ctx.report.facts
    for key in ctx.cell_keys():
        f = facts.get(key)
        if f is None or f.status == "blank" or f.status == "text":
            continue
        col = ctx.column(key)
        worded = (
            f.status == "number"
            and col is not None
            and col.signed
            and _norm(f.raw).startswith(_sign_words(ctx))
        )
        if f.status == "number" and isinstance(f.value, int) and f.value >= 0 and not worded:
            continue  # the usual case
        problem = None
        if f.status == "invalid":
            problem = ui("cell.invalid")
        elif worded:
            problem = ui("cell.worded_sign", value=f"{f.value:+d}")
        elif f.status == "number" and f.value is not None:
            if f.value < 0 and not (col and col.signed):
                problem = ui("cell.negative")
            elif (
                isinstance(f.value, Decimal)
                and col is not None
                and col.unit == "count"
                and f.value != f.value.to_integral_value()
            ):
                problem = ui("cell.fraction")
        if problem:
            yield ctx.defect(
                "C2",
                ctx.cell_location(key),
                {"raw": f.raw, "value": f.value},
                # a negative or fractional count is impossible; text such as "减12" is
                # no number but may be plain to a reader
                severity="warning" if f.status == "invalid" or worded else None,
                cell=ctx.cell_label(key),
                raw=f.raw.strip(),
                problem=problem,
            )


def split_header(ctx: Context, table: str) -> bool:
    """Does the text show the table's header cut in two by a conversion: a
    line holding the first halves of its column labels ("结果结果其他尚未"
    for 结果维持 · 结果纠正 · 其他结果 · 尚未审结)?"""
    spec = ctx.template.tables.get(table)
    if spec is None:
        return False
    labels = [c.label for c in (spec.columns or ()) if len(c.label) >= 4 and len(c.label) % 2 == 0]
    if len(labels) < 3:
        return False
    halves = "".join(lab[: len(lab) // 2] for lab in labels)
    return any(halves in _norm(p.text) for p in ctx.report.document.paragraphs)


def _misread(ctx: Context, m: LabelMatch, split: dict[str, bool]) -> bool:
    """A label the reading cut or shifted, not one the report altered: the
    second half of a split header, or another column's own label."""
    if m.table not in split:
        split[m.table] = split_header(ctx, m.table)
    spec = ctx.template.tables.get(m.table)
    written = _norm(m.written)
    others = {_norm(c.label) for c in (spec.columns if spec else ())} - {_norm(m.standard)}
    if written in others:
        return True
    return split[m.table] and _norm(m.standard).endswith(written) and written != _norm(m.standard)


@check("C3")
def labels(ctx: Context) -> Iterator[Defect]:
    """Row and column labels that are known misspellings or far from the template."""
    threshold = ctx.params("C3").get("min_score", 85)
    seen: set[tuple[str, str]] = set()
    split: dict[str, bool] = {}
    for m in ctx.report.labels:
        if not (m.misspelling or m.score < threshold):
            continue
        if (m.table, m.written) in seen or _misread(ctx, m, split):
            continue
        seen.add((m.table, m.written))
        row = m.key if m.kind == "row" else None
        column = m.key.rpartition(".")[2] if m.kind == "column" else None
        spec = ctx.template.tables.get(m.table)
        yield ctx.defect(
            "C3",
            DefectLocation.at(
                m.location,
                section=spec.section if spec else None,
                table=m.table,
                row=row,
                column=column,
            ),
            {"written": m.written, "standard": m.standard, "score": round(m.score, 1)},
            table=table_name(m.table),
            written=m.written,
            standard=m.standard,
        )


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def _replacing_rows(ctx: Context, table: str, missing: list[str]) -> list[UnmatchedRow]:
    """Unmatched rows of `table` labelled as the group the missing rows belong
    to: one deviation (an old row standing for the template's sub-rows)."""
    unmatched = [u for u in ctx.report.unmatched_rows if u.table == table]
    if not unmatched:
        return []
    parents: set[str] = set()
    for row_key in {key.rpartition(".")[0] for key in missing}:
        parents |= _parents(ctx.template.version, row_key)
    return [u for u in unmatched if _norm(u.label) in parents]


@cache
def _parents(version: str, row_key: str) -> frozenset[str]:
    row = load_template(version).row(row_key)
    return frozenset(_norm(p) for p in row.parents) if row is not None else frozenset()


def _optional_rows(ctx: Context) -> frozenset[str]:
    """Rows the issuer cannot fill (规章 of a department): their absence loses no figure."""
    return frozenset(ctx.params("C4").get("not_applicable", {}).get(ctx.report.issuer_kind, ()))


@check("C4")
def missing(ctx: Context) -> Iterator[Defect]:
    """Tables not found, and template cells the parser did not find."""
    for table, spec in ctx.template.tables.items():
        if not ctx.report.tables_found.get(table):
            yield ctx.defect(
                "C4",
                DefectLocation(section=spec.section, table=table),
                {"table": table},
                table=table_name(table),
                what=ui("cell.whole_table", zh=spec.title, en=spec.en),
            )
            continue
        keys = [k for k in ctx.cell_keys(table) if k not in ctx.report.facts]
        if not keys:
            continue
        optional = _optional_rows(ctx)
        required = [k for k in keys if k.rpartition(".")[0] not in optional]
        for group, severity in (
            (required, None),
            ([k for k in keys if k.rpartition(".")[0] in optional], "warning"),
        ):
            if not group:
                continue
            replaced = _replacing_rows(ctx, table, group)
            evidence: dict[str, object] = {"missing": group}
            if replaced:
                evidence["written_instead"] = [
                    {"label": u.label, "cells": u.cells} for u in replaced
                ]
            yield ctx.defect(
                "C4",
                DefectLocation(
                    section=spec.section,
                    table=table,
                    row=_only([k.rpartition(".")[0] for k in group]),
                    column=_only([k.rpartition(".")[2] for k in group]),
                ),
                evidence,
                severity=severity,
                table=table_name(table),
                what=_cells_slot(ctx, group),
            )


def merged_into_missing(ctx: Context) -> set[int]:
    """Unmatched rows already reported as standing for missing rows (C4)."""
    out: set[int] = set()
    for table in ctx.template.tables:
        if not ctx.report.tables_found.get(table):
            continue
        keys = [k for k in ctx.cell_keys(table) if k not in ctx.report.facts]
        out.update(id(u) for u in _replacing_rows(ctx, table, keys))
    return out


@check("C5")
def unmatched_rows(ctx: Context) -> Iterator[Defect]:
    """Rows the parser could not place in the template (the parser names
    the row's own label and the table it stands in)."""
    merged = merged_into_missing(ctx)
    for u in ctx.report.unmatched_rows:
        if id(u) in merged:
            continue
        table = u.table
        spec = ctx.template.tables.get(table or "")
        yield ctx.defect(
            "C5",
            DefectLocation.at(u.location, section=spec.section if spec else None, table=table),
            {"label": u.label, "cells": u.cells},
            table=table_name(table) if table else ui("table.any"),
            written=u.label,
        )
