"""S6 and S7: section 五 reviews last year's problems and states this
year's problems with measures; section 六 states the information-processing fees."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.rules.context import Context, compiled
from core.rules.registry import check, define

define("S6-PREV-YEAR", "structure", "error", also=("warning",))
define("S6-MEASURES", "structure", "warning")
define("S6-THIN", "structure", "warning")
define("S7-FEE", "structure", "error")


def _years(pattern: str, year: int | None) -> str:
    if year is None:
        return pattern.replace("{prev}", r"\d{4}").replace("{next}", r"\d{4}")
    return pattern.replace("{prev}", str(year - 1)).replace("{next}", str(year + 1))


def _any(patterns: list[str], text: str, year: int | None) -> bool:
    return any(compiled(_years(p, year)).search(text) for p in patterns)


@check("S6-PREV-YEAR", "S6-MEASURES", "S6-THIN")
def problems(ctx: Context) -> Iterator[Defect]:
    s5 = ctx.report.section("s5")
    if s5 is None:
        return
    text = s5.text
    year = ctx.report.year
    where = DefectLocation.at(s5.location, section="s5")
    body = re.sub(r"\s+", "", text)
    thin = ctx.params("S6-THIN")
    if len(body) < thin["min_chars"] or body.strip("。.") in thin["empty"]:
        yield ctx.defect(
            "S6-THIN", where, {"text": text}, length=len(body), min_chars=thin["min_chars"]
        )
        return
    prev = ctx.params("S6-PREV-YEAR")
    if not _any(prev["patterns"], text, year):
        lenient = (year is not None and year <= prev["first_year"]) or _any(
            prev["implicit"], text, year
        )
        yield ctx.defect(
            "S6-PREV-YEAR",
            where,
            {"text": text[:200]},
            severity="warning" if lenient else None,
            prev_year=year - 1 if year else "—",
        )
    if not _any(ctx.params("S6-MEASURES")["patterns"], text, year):
        yield ctx.defect(
            "S6-MEASURES", where, {"text": text[:200]}, next_year=year + 1 if year else "—"
        )


@check("S7-FEE")
def processing_fee(ctx: Context) -> Iterator[Defect]:
    s6 = ctx.report.section("s6")
    if s6 is None:
        return
    if any(compiled(p).search(s6.text) for p in ctx.params("S7-FEE")["patterns"]):
        return
    yield ctx.defect(
        "S7-FEE",
        DefectLocation.at(
            s6.paragraphs[0].location if s6.paragraphs else s6.location, section="s6"
        ),
        {"text": s6.text[:200]},
    )
