"""S11 and S12: no political padding in place of facts (“不宜泛化”); no
narrative in the table sections that belongs in section 一."""

from __future__ import annotations

from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.rules.context import Context, compiled
from core.rules.registry import STRUCTURE, check, define
from core.rules.s4_aspects import subheadings

define("S11-PADDING", "structure", "info", basis="style")
define("S12-MISPLACED", "structure", "info", basis="style", reads=STRUCTURE)


@check("S11-PADDING")
def padding(ctx: Context) -> Iterator[Defect]:
    params = ctx.params("S11-PADDING")
    for section, p in ctx.paragraphs(("s1",)) + [(None, p) for p in ctx.report.preamble]:
        hits = [w for w in params["phrases"] if w in p.text]
        if len(hits) >= params["min_hits"]:
            yield ctx.defect(
                "S11-PADDING",
                DefectLocation.at(p.location, section=section),
                {"text": p.text[:200], "phrases": hits},
                phrases=hits,
            )


@check("S12-MISPLACED")
def misplaced(ctx: Context) -> Iterator[Defect]:
    min_items = ctx.params("S12-MISPLACED")["min_items"]
    problems = compiled(ctx.params("S6-MEASURES")["problems_heading"])
    for key in ("s2", "s3", "s4"):
        s = ctx.report.section(key)
        if s is None:
            continue
        table = next((t for t, spec in ctx.template.tables.items() if spec.section == key), None)
        if table and not ctx.report.reading.table_sure(table):
            continue  # the "items" may be the table's labels, cut loose by a conversion
        # problems and measures belong to part 五 (S2-MISSING says its heading is missing)
        heads = [h for h in subheadings(ctx, s) if not problems.match(h[0].text.strip())]
        heads = [h for h in heads if not _measures(ctx, h[2])]
        if len(heads) >= min_items:
            yield ctx.defect(
                "S12-MISPLACED",
                DefectLocation.at(heads[0][0].location, section=key),
                {"subheadings": [h for _, _, h in heads]},
                headings=[h for _, _, h in heads],
                section=ctx.template.section(key).heading,
            )


def _measures(ctx: Context, heading: str) -> bool:
    return any(compiled(p).search(heading) for p in ctx.params("S12-MISPLACED")["part_five"])
