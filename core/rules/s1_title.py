"""S1: the title follows the standard pattern, names the agency in full and
the statistics year."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.document import Paragraph
from core.rules.context import Context, compiled
from core.rules.registry import check, define

define("S1-NO-TITLE", "title", "error")
define("S1-TITLE", "title", "error")
define("S1-AGENCY", "title", "error")
define("S1-YEAR", "title", "error")


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
        )
        return
    text = normalise(r.title)
    where = DefectLocation.at(r.title_location)
    agency, year = title_parts(ctx, text)
    expected = ctx.params("S1-TITLE")["expected"].format(
        agency=agency or r.agency or ctx.params("S1-TITLE")["agency_placeholder"],
        year=year or r.year or "YYYY",
    )
    if not re.match(ctx.template.lexicon["title"]["standard"], text):
        yield ctx.defect(
            "S1-TITLE",
            where,
            {"text": r.title, "expected": expected},
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
            agency=agency or "",
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
