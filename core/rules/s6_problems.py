"""S6 and S7: section 五 reviews last year's problems and states this
year's problems with measures; section 六 states the information-processing fees."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.rules.context import Context, compiled
from core.rules.registry import SINCE_2019, STRUCTURE, check, define

define(
    "S6-PREV-YEAR",
    "structure",
    "warning",
    also=("info",),
    basis="practice",
    eras=SINCE_2019,
    reads=STRUCTURE,
)
define("S6-MEASURES", "structure", "warning", basis="practice", reads=STRUCTURE)
define("S6-THIN", "structure", "warning", basis="heuristic", reads=STRUCTURE)
define(
    "S7-FEE",
    "structure",
    "error",
    also=("warning",),
    basis=("absence", "prose"),
    eras=("pre2019", "2021"),  # 2007 条例 (收费及减免); from 2021 the fee measures
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
            # the two-part split comes with the 2021 form: a note for the trial form's years
            severity="info" if ctx.era == "2019" else None,
            prev_year=year - 1 if year else "—",
        )
    measures = ctx.params("S6-MEASURES")["patterns"]
    own_part = [
        s.heading for s in ctx.report.sections if s is not s5 and _any(measures, s.heading, year)
    ]
    if not _any(measures, text, year) and not own_part:
        yield ctx.defect(
            "S6-MEASURES", where, {"text": text[:200]}, next_year=year + 1 if year else "—"
        )


@check("S7-FEE")
def processing_fee(ctx: Context) -> Iterator[Defect]:
    """A statement on information-processing fees in section 六: an error only
    when section 六 says nothing about fees at all and no other part does.
    Before 2019: the 2007 regulation's 收费及减免情况, anywhere in the text."""
    params = ctx.params("S7-FEE")
    if ctx.era == "pre2019":
        yield from _fees_before_2019(ctx, params["before_2019"])
        return
    s6 = ctx.report.section("s6")
    if s6 is None:
        return
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


def _fees_before_2019(ctx: Context, params: dict) -> Iterator[Defect]:
    if any(ctx.find_sentences(p) for p in params["statements"]):
        return
    mentions = [m for p in params["mentions"] for m in ctx.find_sentences(p)]
    sentences = ctx.sentences()
    where = (
        mentions[0][0].location()
        if mentions
        else (sentences[0].location() if sentences else DefectLocation())
    )
    yield ctx.defect(
        "S7-FEE",
        where,
        {"text": mentions[0][0].quote if mentions else "", "regulation": "2007"},
        severity="warning" if mentions else None,
        basis="prose" if mentions else "absence",
    )
