"""X5-PARENT-FIGURES: a department printing its government's figures.

A department's report counts the department's own work; a table 四, a fee
total or a table 三 identical to the same year's report of the government it
belongs to (the zone or county report, which sums every unit) was copied, not
counted.  Runs only when that report is given (`parent`)."""

from __future__ import annotations

from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.rules.c_cells import table_name
from core.rules.context import Context
from core.rules.registry import CELLS, SINCE_2019, check, define

define(
    "X5-PARENT-FIGURES",
    "consistency",
    "warning",
    basis="heuristic",
    scope="cross_report",
    eras=SINCE_2019,
    reads=CELLS,
)


def _same(ctx: Context, keys: list[str]) -> bool:
    """Every cell read in both reports, equal, and not all zero."""
    mine = [ctx.value(k) for k in keys]
    theirs = [ctx.value(k, ctx.parent) for k in keys]
    if any(v is None for v in mine + theirs):
        return False
    return mine == theirs and any(v != 0 for v in mine)


@check("X5-PARENT-FIGURES")
def parent_figures(ctx: Context) -> Iterator[Defect]:
    parent, r = ctx.parent, ctx.report
    if parent is None or parent.year != r.year or not parent.agency or parent.agency == r.agency:
        return
    if r.issuer_kind not in ("department", "unknown"):
        return
    same = [
        part
        for part in ctx.params("X5-PARENT-FIGURES")["parts"]
        if _same(ctx, [k for pattern in part["keys"] for k in _keys(ctx, pattern)])
    ]
    if not same:
        return
    table = same[0]["table"]
    spec = ctx.template.tables.get(table)
    cells = {k: ctx.value(k) for part in same for p in part["keys"] for k in _keys(ctx, p)}
    yield ctx.defect(
        "X5-PARENT-FIGURES",
        DefectLocation(section=spec.section if spec else None, table=table),
        {
            "parent": parent.agency,
            "parts": [part["name"]["zh"] for part in same],
            "cells": cells,
            "parent_cells": {k: ctx.value(k, parent) for k in cells},
        },
        parent=parent.agency,
        parts={
            lang: ("、" if lang == "zh" else ", ").join(part["name"][lang] for part in same)
            for lang in ("zh", "en")
        },
        table=table_name(table),
    )


def _keys(ctx: Context, pattern: str) -> list[str]:
    from core.rules.tt_text_table import expand

    return expand(ctx, [pattern])
