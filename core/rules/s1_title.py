"""S1: the title follows the standard pattern, names the agency in full and
the statistics year."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.document import Paragraph
from core.rules.context import Context, compiled, ui
from core.rules.registry import STRUCTURE, check, define

define("S1-NO-TITLE", "title", "error", also=("warning",), basis="absence", reads=STRUCTURE)
define("S1-TITLE", "title", "error", also=("warning", "info"), basis="form")
define("S1-AGENCY", "title", "error", also=("warning",), basis=("form", "heuristic"))
define("S1-YEAR", "title", "error", basis="form")


def normalise(text: str) -> str:
    """Full-width folded, all whitespace removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def title_parts(ctx: Context, title: str) -> tuple[str | None, int | None]:
    """(agency, year) as the title writes them."""
    for pattern in ctx.template.lexicon["title"]["patterns"]:
        m = re.match(pattern, title)
        if m:
            agency = m.groupdict().get("agency") or None
            year = m.groupdict().get("year")
            return agency, int(year) if year else None
    return None, None


def title_kind(ctx: Context, title: str) -> str:
    """standard | genre (another kind of paper: "关于…的报告", "…情况总结") |
    wording (the annual report's name worded otherwise)."""
    params = ctx.params("S1-TITLE")
    if any(re.match(p, title) for p in params["standard_forms"]):
        return "standard"
    return "genre" if any(re.search(p, title) for p in params["other_genres"]) else "wording"


def _abbreviation(ctx: Context, title: str) -> tuple[str, str] | None:
    """(short form, full form) of an agency name the title abbreviates ("科委")."""
    for short, full in ctx.template.lexicon["agency_abbreviations"].items():
        for m in re.finditer(re.escape(short), title):
            # the short form is not a piece of the full name written out
            if full not in title[max(0, m.start() - len(full)) : m.end() + len(full)]:
                return short, full
    return None


def _period_year(ctx: Context) -> int | None:
    pattern = compiled(ctx.template.lexicon["year"]["period"])
    for p in ctx.report.preamble[:6] + [
        p for s in ctx.report.sections[:1] for p in s.paragraphs[:3]
    ]:
        m = pattern.search(unicodedata.normalize("NFKC", p.text))
        if m:
            return int(m.group("year"))
    return None


@check("S1-NO-TITLE", "S1-TITLE", "S1-AGENCY", "S1-YEAR")
def title(ctx: Context) -> Iterator[Defect]:
    r = ctx.report
    if not r.title:
        first = next((b for b in r.document.blocks if isinstance(b, Paragraph)), None)
        yield ctx.defect(
            "S1-NO-TITLE",
            DefectLocation.at(first.location if first else None),
            {"text": first.text if first else ""},
            # absent from a sure reading; otherwise the opening may not have been read right
            severity=None if r.reading.sure else "warning",
            basis="absence",
        )
        return
    text = normalise(r.title)
    where = DefectLocation.at(r.title_location)
    agency, year = title_parts(ctx, text)
    expected = ctx.params("S1-TITLE")["expected"].format(
        agency=agency or r.agency or ctx.params("S1-TITLE")["agency_placeholder"],
        year=year or r.year or "YYYY",
    )
    kind = title_kind(ctx, text)
    if kind != "standard":
        # another genre ("关于…的报告", "…情况总结") breaks the form; a wording
        # variant of the annual report's name ("…信息公开年度报告") only its wording;
        # before 2019 no national form fixed the title
        old = ctx.era == "pre2019"
        severity = {"genre": "warning" if old else None, "wording": "info" if old else "warning"}
        yield ctx.defect(
            "S1-TITLE",
            where,
            {"text": r.title, "expected": expected, "kind": kind},
            severity=severity[kind],
            title=text,
            expected=expected,
        )
    bare = ctx.params("S1-AGENCY")["incomplete"]
    if not agency or re.match(bare, agency):
        yield ctx.defect(
            "S1-AGENCY",
            where,
            {"text": r.title, "agency": agency},
            title=text,
            agency=agency or "—",
            why=ui("agency.no_place" if agency else "agency.none"),
        )
    else:
        short = _abbreviation(ctx, text)
        if short is not None:
            yield ctx.defect(
                "S1-AGENCY",
                where,
                {"text": r.title, "agency": agency, "abbreviation": short[0], "full": short[1]},
                severity="warning",
                basis="heuristic",
                title=text,
                agency=agency,
                why=ui("agency.abbreviated", short=short[0], full=short[1]),
            )
    period = _period_year(ctx)
    if year is None:
        yield ctx.defect(
            "S1-YEAR",
            where,
            {"text": r.title},
            title=text,
            year="—",
            period=period or r.year or "—",
        )
    elif period is not None and period != year:
        yield ctx.defect(
            "S1-YEAR",
            where,
            {"text": r.title, "expected": period, "actual": year},
            title=text,
            year=year,
            period=period,
        )
