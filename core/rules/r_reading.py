"""R-*: what the parser could not read reliably, said once per kind of doubt.

Not a defect of the report: the rules that depend on what could not be read
stay silent (core/check.py), and this notice tells the user why and what to
do (usually: send the original Word or PDF file)."""

from __future__ import annotations

from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.document import Location
from core.report import DOUBTS, Doubt
from core.rules.c_cells import table_name
from core.rules.context import Context, label, ui
from core.rules.registry import check, define

# The rule code of each kind of doubt (core/report.py DOUBTS).
CODES = {
    "cells_run_together": "R-CELLS-GLUED",
    "labels_detached": "R-LABELS-DETACHED",
    "row_short": "R-ROW-SHORT",
    "table_unparsed": "R-TABLE-UNPARSED",
    "no_headings": "R-NO-HEADINGS",
    "text_run_together": "R-TEXT-GLUED",
    "scanned": "R-SCANNED",
    "inferred": "R-INFERRED",
    "table_image": "R-TABLE-IMAGE",
    "in_attachment": "R-IN-ATTACHMENT",
}
assert set(CODES) == set(DOUBTS), "every kind of doubt has its notice"
for _code in CODES.values():
    define(_code, "reading", "info", basis="reading")


def _tables(ctx: Context, doubts: list[Doubt]) -> dict[str, str]:
    tables = sorted({d.table for d in doubts if d.table})
    if not tables:
        return label("", "")
    names = [table_name(t) for t in tables]
    return {
        lang: ("、" if lang == "zh" else ", ").join(n[lang] for n in names) for lang in ("zh", "en")
    }


@check(*CODES.values())
def reading(ctx: Context) -> Iterator[Defect]:
    by_code: dict[str, list[Doubt]] = {}
    for d in ctx.report.reading.doubts:
        if d.code in CODES:
            by_code.setdefault(d.code, []).append(d)
    for code, doubts in by_code.items():
        tables = sorted({d.table for d in doubts if d.table})
        first = doubts[0]
        spec = ctx.template.tables.get(tables[0]) if len(tables) == 1 else None
        where = first.location or next(
            (d.location for d in doubts if d.location is not None), _opening(ctx)
        )
        yield ctx.defect(
            CODES[code],
            DefectLocation.at(
                where,
                section=spec.section if spec else None,
                table=tables[0] if len(tables) == 1 else None,
            ),
            {"doubts": [d.as_json() for d in doubts], "tables": tables},
            tables=_tables(ctx, doubts) if tables else ui("tables.all"),
            detail=_detail(doubts),
        )


def _opening(ctx: Context) -> Location | None:
    """Where the text begins: the place of a doubt about the whole text."""
    first = next(iter(ctx.report.document.paragraphs), None)
    if first is not None:
        return first.location
    text = ctx.paragraphs()
    return text[0][1].location if text else ctx.report.title_location


def _detail(doubts: list[Doubt]) -> dict[str, str]:
    quote = next((d.detail.strip() for d in doubts if d.detail.strip()), "")
    if not quote:
        return label("", "")
    return ui("reading.detail", quote=quote)
