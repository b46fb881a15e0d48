"""T4-SCOPE, T2-RULES-DEPT, T2-V19-TOTAL: figures that are possible but
unlikely, to be explained or corrected."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from core.defect import Defect
from core.rules.context import FIGURE_SECTIONS, Context, compiled, ui
from core.rules.registry import CELLS, SINCE_2019, check, define

define("T4-SCOPE", "consistency", "warning", basis="heuristic", eras=SINCE_2019, reads=CELLS)
define("T2-RULES-DEPT", "consistency", "warning", basis="heuristic", eras=SINCE_2019, reads=CELLS)
define("T2-V19-TOTAL", "consistency", "warning", basis="arithmetic", eras=SINCE_2019, reads=CELLS)


def _no_requests(ctx: Context) -> bool:
    """No request received this year: by the table, or by the text when the table is blank."""
    received = ctx.sum(["t3.new_received.total", "t3.carried_over.total"])
    if received is not None:
        return received == 0
    patterns = [compiled(p) for p in ctx.params("T4-SCOPE")["no_requests"]]
    return any(pt.search(p.text) for _, p in ctx.paragraphs(FIGURE_SECTIONS) for pt in patterns)


@check("T4-SCOPE")
def scope(ctx: Context) -> Iterator[Defect]:
    """Challenges to the disclosure work that no request of the year can explain."""
    rows = [r.key for r in ctx.template.tables["t4"].rows]
    busy = [r for r in rows if (ctx.value(f"{r}.total") or 0) > 0]
    if not busy:
        return
    requests = ctx.sum(["t3.new_received.total", "t3.carried_over.total"])
    first = ctx.params("T4-SCOPE")["first_instance"]
    challenges = sum(ctx.value(f"{r}.total") or 0 for r in first)
    total = sum(ctx.value(f"{r}.total") for r in busy)
    if _no_requests(ctx):
        if (
            ctx.previous is not None
            and (ctx.sum(["t3.new_received.total", "t3.carried_over.total"], ctx.previous) or 0) > 0
        ):
            return
        why = ui("scope.no_requests")
    elif requests is not None and challenges > ctx.params("T4-SCOPE")["times_requests"] * requests:
        why = ui("scope.more_than_requests", requests=requests)
    else:
        return
    hint_words = [w for w in ctx.params("T4-SCOPE")["other_work"] if w in ctx.section_text("s4")]
    cells = {f"{r}.total": ctx.value(f"{r}.total") for r in busy}
    if requests is not None:
        cells.update({k: ctx.value(k) for k in ("t3.new_received.total", "t3.carried_over.total")})
    yield ctx.defect(
        "T4-SCOPE",
        replace(ctx.cell_location(f"{busy[0]}.total"), section="s4"),
        {"cells": cells, "other_work": hint_words},
        total=total,
        why=why,
    )


@check("T2-RULES-DEPT")
def rules_by_department(ctx: Context) -> Iterator[Defect]:
    if ctx.report.issuer_kind not in ("department", "township"):
        return
    keys = [k for k in ctx.cell_keys("t2") if k.startswith(("t2.rules.", "t2v19.rules."))]
    busy = [k for k in keys if (ctx.value(k) or 0) > 0]
    if busy:
        yield ctx.defect(
            "T2-RULES-DEPT",
            ctx.cell_location(busy[0]),
            {"cells": {k: ctx.value(k) for k in busy}},
            value=ctx.value(busy[0]),
        )


@check("T2-V19-TOTAL")
def published_totals(ctx: Context) -> Iterator[Defect]:
    for row in ("t2v19.rules", "t2v19.normative_docs"):
        new, total = ctx.value(f"{row}.new_published"), ctx.value(f"{row}.total_published")
        if new is not None and total is not None and total < new:
            yield ctx.defect(
                "T2-V19-TOTAL",
                ctx.cell_location(f"{row}.total_published"),
                {"expected": f">= {new}", "actual": total},
                row=ctx.row_label(row),
                new=new,
                total=total,
            )
