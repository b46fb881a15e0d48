"""T3-SUM-ROW, T3-SUM-RESULTS, T3-IDENTITY, T4-SUM, X1-CARRY, X2-IN-FORCE:
one generic check of the template's relations (Σ lhs = Σ rhs, data/relations.toml).

A relation with a missing, blank or non-numeric operand is skipped: the cell
is reported once by C1/C2/C4, not again by every sum that uses it."""

from __future__ import annotations

from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.report import Number
from core.rules.context import Context, equal
from core.rules.registry import check, define, rules
from core.template import Relation

define("T3-SUM-ROW", "arithmetic", "error")
define("T3-SUM-RESULTS", "arithmetic", "error")
define("T3-IDENTITY", "arithmetic", "error")
define("T4-SUM", "arithmetic", "error")
define("X1-CARRY", "cross_year", "error", also=("warning",), scope="cross_year")
define("X2-IN-FORCE", "cross_year", "warning", scope="cross_year")

CODES = ("T3-SUM-ROW", "T3-SUM-RESULTS", "T3-IDENTITY", "T4-SUM", "X1-CARRY", "X2-IN-FORCE")


def comparable_previous(ctx: Context) -> bool:
    """Is `previous` last year's report of the same form family?"""
    prev, cur = ctx.previous, ctx.report
    if prev is None:
        return False
    return prev.year is None or cur.year is None or prev.year == cur.year - 1


def _slot_name(key: str, previous: bool) -> str:
    return ("prev_" if previous else "") + key.rpartition(".")[2]


def _evaluate(ctx: Context, rel: Relation) -> tuple[Number, Number, dict[str, Number]] | None:
    values: dict[str, Number] = {}
    sums: list[Number] = []
    now = ctx.report.facts
    before = ctx.previous.facts if ctx.previous is not None else {}
    for side in (rel.lhs, rel.rhs):
        total: Number = 0
        for term in side:
            f = (before if term.previous else now).get(term.key)
            if f is None or f.status != "number" or f.value is None:
                return None
            v = f.value
            values[("prev:" if term.previous else "") + term.key] = v
            total += term.weight * v
        sums.append(total)
    return sums[0], sums[1], values


def _severity(ctx: Context, rel: Relation) -> str | None:
    strict = ctx.params(rel.rule).get("error_columns")
    if strict is None:
        return None
    return "error" if rel.column in strict else "warning"


@check(*CODES)
def relations(ctx: Context) -> Iterator[Defect]:
    known = rules()
    cross_year = comparable_previous(ctx)
    both_2021 = cross_year and ctx.previous.format_version == ctx.report.format_version == "2021"
    for rel in ctx.template.relations:
        if rel.rule not in known:
            continue
        if rel.scope == "cross_year":
            if not cross_year:
                continue
            only = ctx.params(rel.rule).get("only_column_unless_2021")
            if only and not both_2021 and rel.column not in (None, only):
                continue
        result = _evaluate(ctx, rel)
        if result is None:
            continue
        lhs, rhs, values = result
        if equal(lhs, rhs):
            continue
        first = rel.lhs[0].key
        table = first.split(".", 1)[0]
        f = ctx.fact(first)
        loc = DefectLocation.at(
            f.location if f else None,
            section=ctx.template.tables[table].section if table in ctx.template.tables else None,
            table=table,
            row=rel.row,
            column=rel.column,
        )
        slots = {
            _slot_name(k.removeprefix("prev:"), k.startswith("prev:")): v for k, v in values.items()
        }
        if rel.row:
            slots["row"] = ctx.row_label(rel.row)
        if rel.column:
            slots["column"] = _column_only(ctx, first.rpartition(".")[0], rel.column)
        yield ctx.defect(
            rel.rule,
            loc,
            {"relation": rel.id, "expected": rhs, "actual": lhs, "cells": values},
            severity=_severity(ctx, rel),
            lhs=lhs,
            rhs=rhs,
            actual=lhs,
            expected=rhs,
            **slots,
        )


def _column_only(ctx: Context, row_key: str, col_key: str) -> dict[str, str]:
    row = ctx.template.row(row_key)
    col = next((c for c in row.columns if c.key == col_key), None) if row else None
    return {"zh": col.label, "en": col.en} if col else {"zh": col_key, "en": col_key}
