"""T3-SUM-ROW, T3-SUM-RESULTS, T3-IDENTITY, T4-SUM, X1-CARRY, X2-IN-FORCE:
one generic check of the template's relations (Σ lhs = Σ rhs, data/relations.toml).

A relation with a missing, blank or non-numeric operand is skipped: the cell
is reported once by C1/C2/C4, not again by every sum that uses it.  Broken
relations of one year's tables that one wrong cell (or two cells standing in
a relation together) explains are reported once, as that cell, with the
other relations it breaks in the evidence (core/rules/root_cause.py)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

from core.defect import Defect, DefectLocation, ui_text
from core.rules.context import Context, label
from core.rules.registry import CELLS, SINCE_2019, SINCE_2021, check, define, rules
from core.rules.root_cause import Evaluated, Group, group
from core.template import Relation

define("T3-SUM-ROW", "arithmetic", "error", basis="arithmetic", eras=SINCE_2019, reads=CELLS)
define("T3-SUM-RESULTS", "arithmetic", "error", basis="arithmetic", eras=SINCE_2019, reads=CELLS)
define("T3-IDENTITY", "arithmetic", "error", basis="arithmetic", eras=SINCE_2019, reads=CELLS)
define("T4-SUM", "arithmetic", "error", basis="arithmetic", eras=SINCE_2019, reads=CELLS)
define(
    "X1-CARRY",
    "cross_year",
    "error",
    also=("warning",),
    basis="arithmetic",
    scope="cross_year",
    eras=SINCE_2019,
    reads=CELLS,
)
define(
    "X2-IN-FORCE",
    "cross_year",
    "warning",
    basis="practice",
    scope="cross_year",
    eras=SINCE_2021,
    reads=CELLS,
)

CODES = ("T3-SUM-ROW", "T3-SUM-RESULTS", "T3-IDENTITY", "T4-SUM", "X1-CARRY", "X2-IN-FORCE")
_NO_SLOT = label("", "")


def comparable_previous(ctx: Context) -> bool:
    """Is `previous` last year's report of the same form family?"""
    prev, cur = ctx.previous, ctx.report
    if prev is None:
        return False
    return prev.year is None or cur.year is None or prev.year == cur.year - 1


def _slot_name(key: str, previous: bool) -> str:
    return ("prev_" if previous else "") + key.rpartition(".")[2]


def _evaluate(ctx: Context, rel: Relation) -> Evaluated | None:
    values: dict[str, Any] = {}
    sums = []
    now = ctx.report.facts
    before = ctx.previous.facts if ctx.previous is not None else {}
    for side in (rel.lhs, rel.rhs):
        total = 0
        for term in side:
            f = (before if term.previous else now).get(term.key)
            if f is None or f.status != "number" or f.value is None:
                return None
            values[("prev:" if term.previous else "") + term.key] = f.value
            total += term.weight * f.value
        sums.append(total)
    amounts = any(isinstance(v, Decimal) for v in values.values())
    return Evaluated(rel, sums[0], sums[1], values, Fraction(1, 200) if amounts else Fraction(0))


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
    this_year: list[Evaluated] = []
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
        if rel.scope == "cross_year":
            if result.broken:
                yield _defect(ctx, Group((), (result,)))
            continue
        this_year.append(result)
    for g in group(this_year):
        yield _defect(ctx, g)


def _relation_slots(ctx: Context, e: Evaluated) -> dict[str, Any]:
    rel = e.relation
    slots: dict[str, Any] = {
        _slot_name(k.removeprefix("prev:"), k.startswith("prev:")): v for k, v in e.values.items()
    }
    first = rel.lhs[0].key
    if rel.row:
        slots["row"] = ctx.row_label(rel.row)
    if rel.column:
        slots["column"] = _column_only(ctx, first.rpartition(".")[0], rel.column)
    return slots


def _describe(ctx: Context, e: Evaluated) -> dict[str, str]:
    """A broken relation in a few words: "“（七）总计”一行的合计"."""
    slots = _relation_slots(ctx, e)
    fmt = {k: slots[k] for k in ("row", "column") if k in slots}
    return {
        lang: ui_text(f"relation.{e.relation.rule}", lang).format(
            **{k: v[lang] for k, v in fmt.items()}
        )
        for lang in ("zh", "en")
    }


def _line(suspects: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(row, column) the suspect cells share, if any."""
    rows = {k.rpartition(".")[0] for k in suspects}
    cols = {k.rpartition(".")[2] for k in suspects}
    return (rows.pop() if len(rows) == 1 else None, cols.pop() if len(cols) == 1 else None)


def _defect(ctx: Context, g: Group) -> Defect:
    row_key, col_key = _line(g.suspects) if g.suspects else (None, None)
    # the defect stands where its cells are: one cell, or the row or column two share;
    # it is told by a broken relation along that line when there is one
    main = next(
        (
            e
            for e in g.relations
            if len(g.suspects) > 1
            and (
                (col_key and e.relation.column == col_key)
                or (row_key and e.relation.row == row_key)
            )
        ),
        g.relations[0],
    )
    g = Group(g.suspects, (main, *[e for e in g.relations if e is not main]), g.joint)
    rel = main.relation
    first = rel.lhs[0].key
    table = first.split(".", 1)[0]
    section = ctx.template.tables[table].section if table in ctx.template.tables else None
    if g.suspects:
        f = ctx.fact(g.suspects[0])
        loc = DefectLocation.at(
            f.location if f else None, section=section, table=table, row=row_key, column=col_key
        )
    else:
        f = ctx.fact(first)
        loc = DefectLocation.at(
            f.location if f else None, section=section, table=table, row=rel.row, column=rel.column
        )
    cells: dict[str, Any] = {}
    for e in g.relations:
        cells.update(e.values)
    slots = _relation_slots(ctx, main)
    slots["suspect"] = _suspect_slot(ctx, g)
    others = g.relations[1:]
    slots["also"] = (
        {
            lang: ui_text("also", lang).format(
                count=len(others),
                relations=("、" if lang == "zh" else "; ").join(
                    _describe(ctx, e)[lang] for e in others
                ),
            )
            for lang in ("zh", "en")
        }
        if others
        else _NO_SLOT
    )
    evidence: dict[str, Any] = {
        "relation": rel.id,
        "expected": main.rhs,
        "actual": main.lhs,
        "cells": cells,
    }
    if g.suspects:
        evidence["suspects"] = list(g.suspects)
    if others:
        evidence["relations"] = [
            {
                "relation": e.relation.id,
                "rule": e.relation.rule,
                "row": e.relation.row,
                "column": e.relation.column,
                "expected": e.rhs,
                "actual": e.lhs,
            }
            for e in g.relations
        ]
    return ctx.defect(
        rel.rule,
        loc,
        evidence,
        severity=_severity(ctx, rel),
        lhs=main.lhs,
        rhs=main.rhs,
        actual=main.lhs,
        expected=main.rhs,
        **slots,
    )


def _suspect_slot(ctx: Context, g: Group) -> dict[str, str]:
    if not g.suspects:
        return _NO_SLOT
    names = [ctx.cell_label(k) for k in g.suspects]
    key = "suspect.one" if len(names) == 1 else "suspect.both" if g.joint else "suspect.either"
    return {
        lang: ui_text(key, lang).format(
            cells=("、" if lang == "zh" else ", ").join(f"“{n[lang]}”" for n in names),
            count=len(names),
        )
        for lang in ("zh", "en")
    }


def _column_only(ctx: Context, row_key: str, col_key: str) -> dict[str, str]:
    row = ctx.template.row(row_key)
    col = next((c for c in row.columns if c.key == col_key), None) if row else None
    return {"zh": col.label, "en": col.en} if col else {"zh": col_key, "en": col_key}
