"""S6 and S7: section 五 reviews last year's problems and states this
year's problems with measures; section 六 states the information-processing fees."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.document import Paragraph
from core.rules.context import Context, compiled, ui
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


def problems_part(ctx: Context) -> tuple[list[Paragraph], DefectLocation] | None:
    """Part 五's paragraphs and where they start: the section, or — when its
    heading is missing — the problems written under another part
    ("（一）主要问题 …" after table 四)."""
    s5 = ctx.report.section("s5")
    if s5 is not None:
        return s5.paragraphs, DefectLocation.at(s5.location, section="s5")
    head = compiled(ctx.params("S6-MEASURES")["problems_heading"])
    for s in ctx.report.sections:
        for i, p in enumerate(s.paragraphs):
            if head.match(p.text.strip()) and len(p.text.strip()) <= 40:
                return s.paragraphs[i:], DefectLocation.at(p.location, section="s5")
    return None


def _after_last_problems(paragraphs: list[Paragraph], head: re.Pattern[str]) -> str:
    """The text from the last heading of problems on: where this year's
    measures stand (not the fixes of last year's problems before it)."""
    starts = [
        i
        for i, p in enumerate(paragraphs)
        if head.match(p.text.strip()) and len(p.text.strip()) <= 40
    ]
    return "\n".join(p.text for p in paragraphs[starts[-1] if starts else 0 :])


@check("S6-PREV-YEAR", "S6-MEASURES", "S6-THIN")
def problems(ctx: Context) -> Iterator[Defect]:
    found = problems_part(ctx)
    if found is None:
        return
    paragraphs, where = found
    text = "\n".join(p.text for p in paragraphs)
    year = ctx.report.year
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
    params = ctx.params("S6-MEASURES")
    measures = params["patterns"]
    s5 = ctx.report.section("s5")
    own_part = [
        s.heading for s in ctx.report.sections if s is not s5 and _any(measures, s.heading, year)
    ]
    tail = _after_last_problems(paragraphs, compiled(params["problems_heading"]))
    if not _any(measures, tail, year) and not own_part:
        yield ctx.defect(
            "S6-MEASURES", where, {"text": tail[:200]}, next_year=year + 1 if year else "—"
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
    if any(compiled(p).search(ctx.section_text("s6")) for p in params["patterns"]):
        return
    where = DefectLocation.at(
        s6.paragraphs[0].location if s6.paragraphs else s6.location, section="s6"
    )
    elsewhere = [(key, p) for p in params["patterns"] for key, _p, _m in ctx.find(p) if key != "s6"]
    mentions_fees = any(compiled(p).search(ctx.section_text("s6")) for p in params["fee_words"])
    if elsewhere or mentions_fees:
        yield ctx.defect(
            "S7-FEE",
            where,
            {"text": s6.text[:200], "elsewhere": sorted({k or "" for k, _ in elsewhere})},
            severity="warning",
            basis="prose",
            place=ui("fees.place"),
            fees=ui("fees.what"),
        )
        return
    yield ctx.defect(
        "S7-FEE",
        where,
        {"text": s6.text[:200]},
        basis="absence",
        place=ui("fees.place"),
        fees=ui("fees.what"),
    )


def _fees_before_2019(ctx: Context, params: dict) -> Iterator[Defect]:
    if any(ctx.find_sentences(p) or ctx.in_tables(p) for p in params["statements"]):
        return  # in the text, or in the statistics table of the time (收费减免金额)
    mentions = [m for p in params["mentions"] for m in ctx.find_sentences(p)]
    sentences = ctx.sentences()
    where = (
        mentions[0][0].location()
        if mentions
        else (sentences[0].location() if sentences else DefectLocation())
    )
    # the 2007 regulation's item on fees was often folded into other parts by
    # the provincial templates of the time: a missing statement is likely, not
    # certain, a breach — a warning
    yield ctx.defect(
        "S7-FEE",
        where,
        {"text": mentions[0][0].quote if mentions else "", "regulation": "2007"},
        severity="warning",
        basis="prose" if mentions else "absence",
        place=ui("fees.place_2007"),
        fees=ui("fees.what_2007"),
    )
