"""S6 and S7: section 五 reviews last year's problems and states this
year's problems with measures; section 六 states the information-processing fees."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.rules.context import Context, compiled
from core.rules.registry import SINCE_2019, SINCE_2021, STRUCTURE, check, define

define("S6-PREV-YEAR", "structure", "warning", basis="practice", eras=SINCE_2019, reads=STRUCTURE)
define("S6-MEASURES", "structure", "warning", basis="practice", reads=STRUCTURE)
define("S6-THIN", "structure", "warning", basis="heuristic", reads=STRUCTURE)
define(
    "S7-FEE",
    "structure",
    "error",
    also=("warning",),
    basis=("absence", "prose"),
    eras=SINCE_2021,
    reads=STRUCTURE,
)


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
        yield ctx.defect(
            "S6-PREV-YEAR",
            where,
            {"text": text[:200], "implicit_fixes": _any(prev["implicit"], text, year)},
            prev_year=year - 1 if year else "—",
        )
    if not _any(ctx.params("S6-MEASURES")["patterns"], text, year):
        yield ctx.defect(
            "S6-MEASURES", where, {"text": text[:200]}, next_year=year + 1 if year else "—"
        )


@check("S7-FEE")
def processing_fee(ctx: Context) -> Iterator[Defect]:
    """A statement on information-processing fees in section 六: an error only
    when section 六 says nothing about fees at all and no other part does."""
    s6 = ctx.report.section("s6")
    if s6 is None:
        return
    params = ctx.params("S7-FEE")
    if any(compiled(p).search(s6.text) for p in params["patterns"]):
        return
    where = DefectLocation.at(
        s6.paragraphs[0].location if s6.paragraphs else s6.location, section="s6"
    )
    elsewhere = [(key, p) for p in params["patterns"] for key, _p, _m in ctx.find(p) if key != "s6"]
    mentions_fees = any(compiled(p).search(s6.text) for p in params["fee_words"])
    if elsewhere or mentions_fees:
        yield ctx.defect(
            "S7-FEE",
            where,
            {"text": s6.text[:200], "elsewhere": sorted({k or "" for k, _ in elsewhere})},
            severity="warning",
            basis="prose",
        )
        return
    yield ctx.defect("S7-FEE", where, {"text": s6.text[:200]}, basis="absence")
