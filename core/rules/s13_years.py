"""S13-YEAR: a date in the prose that cannot be the report's.

Reports are written in the first weeks after the year they cover, and a
year copied from last year's report or typed as the year just ended is a
common slip: "截至2025年1月21日，累计发送1106条信息" in the report on 2025
(the date meant is in 2026), or "截至2023年12月31日" as the end of the
statistics period in the report on 2024."""

from __future__ import annotations

from collections.abc import Iterator

from core.defect import Defect
from core.rules.context import Context, compiled, ui
from core.rules.registry import check, define

define("S13-YEAR", "consistency", "warning", basis="prose")


@check("S13-YEAR")
def wrong_year(ctx: Context) -> Iterator[Defect]:
    year = ctx.report.year
    if year is None:
        return
    params = ctx.params("S13-YEAR")
    mention = compiled(ctx.template.lexicon["year"]["mention"])
    for sent, m in ctx.find_sentences(params["as_of"]):
        y, month = int(m.group("year")), int(m.group("month"))
        day = int(m.group("day")) if m.group("day") else None
        others = {int(x.group("year")) for x in mention.finditer(sent.text)} - {y}
        if y == year and month <= params["early_month"]:
            why = ui("year.early", year=year, next=year + 1)
        elif y == year - 1 and month == 12 and day in (None, 31) and year not in others:
            why = ui("year.last_year", year=year, prev=year - 1)
        else:
            continue
        yield ctx.defect(
            "S13-YEAR",
            sent.location(m.start()),
            {"text": sent.quote, "date": m.group(0), "report_year": year},
            quote=sent.quote,
            date=m.group(0),
            why=why,
        )
