"""S2 and S3: the six sections with their standard headings, in order,
numbered 一…六; the form of the year (tables and headings) not outdated."""

from __future__ import annotations

from collections.abc import Iterator

from core.defect import Defect, DefectLocation
from core.rules.context import Context, label, ui
from core.rules.registry import check, define
from core.rules.s1_title import normalise

define("S2-MISSING", "structure", "error")
define("S2-ORDER", "structure", "error")
define("S2-NUMBERING", "structure", "warning")
define("S2-WORDING", "structure", "warning")
define("S2-EXTRA", "structure", "warning")
define("S3-OLD-HEADINGS", "format_version", "error")
define("S3-VERSION", "format_version", "error")

_RANK = {"pre2019": 0, "2019": 1, "2021": 2}


def _standard(ctx: Context, key: str) -> dict[str, str]:
    spec = ctx.template.section(key)
    numeral = ctx.template.numerals[spec.number - 1]
    return label(f"{numeral}、{spec.heading}", f"{spec.number}. {spec.en}")


@check("S2-MISSING", "S2-ORDER", "S2-NUMBERING", "S2-WORDING", "S2-EXTRA")
def sections(ctx: Context) -> Iterator[Defect]:
    r = ctx.report
    old = r.heading_style in ("pre2019", "mixed")  # S3-OLD-HEADINGS lists the missing parts
    present = {s.key for s in r.sections if s.key}
    if not old:
        for spec in ctx.template.sections:
            if spec.key not in present:
                yield ctx.defect(
                    "S2-MISSING",
                    DefectLocation(section=spec.key),
                    {"expected": spec.heading},
                    heading=_standard(ctx, spec.key),
                )
    last, seen = 0, set()
    for s in r.sections:
        where = DefectLocation.at(s.location, section=s.key)
        if s.key is None:
            if s.style != "pre2019" and not old:
                yield ctx.defect("S2-EXTRA", where, {"text": s.heading}, heading=s.heading)
            continue
        spec = ctx.template.section(s.key)
        if spec is None:
            continue
        if s.key in seen or spec.number < last:
            yield ctx.defect(
                "S2-ORDER",
                where,
                {"text": s.heading, "number": spec.number},
                heading=s.heading,
                standard=_standard(ctx, s.key),
            )
        seen.add(s.key)
        last = max(last, spec.number)
        if s.style != "2021":
            continue
        if not s.standard_numbering or (
            s.written_number is not None and s.written_number != spec.number
        ):
            yield ctx.defect(
                "S2-NUMBERING",
                where,
                {"text": s.heading, "expected": _standard(ctx, s.key)["zh"]},
                heading=s.heading,
                standard=_standard(ctx, s.key),
            )
        accepted = {normalise(h) for h in (spec.heading, *spec.variants)}
        if normalise(s.title).rstrip(":：。.") not in accepted:
            yield ctx.defect(
                "S2-WORDING",
                where,
                {"text": s.heading, "expected": spec.heading, "score": round(s.score, 1)},
                heading=s.heading,
                standard=_standard(ctx, s.key),
            )


@check("S3-OLD-HEADINGS", "S3-VERSION")
def form_version(ctx: Context) -> Iterator[Defect]:
    r = ctx.report
    if r.heading_style in ("pre2019", "mixed"):
        old = [s for s in r.sections if s.style == "pre2019"]
        present = {s.key for s in r.sections if s.key}
        missing = [
            _standard(ctx, spec.key) for spec in ctx.template.sections if spec.key not in present
        ]
        first = old[0] if old else (r.sections[0] if r.sections else None)
        yield ctx.defect(
            "S3-OLD-HEADINGS",
            DefectLocation.at(
                first.location if first else None, section=first.key if first else None
            ),
            {
                "headings": [s.heading for s in old],
                "missing": [m["zh"] for m in missing],
                "count": len(r.sections),
            },
            headings=[s.heading for s in old],
            count=len(r.sections),
            missing=list(missing) or ui("none"),
        )
    if r.year is None or r.format_version not in _RANK:
        return
    expected = ctx.template.expected_version(r.year)
    if expected in _RANK and _RANK[r.format_version] < _RANK[expected]:
        t2 = ctx.report.section("s2")
        yield ctx.defect(
            "S3-VERSION",
            DefectLocation.at(t2.location if t2 else None, section="s2", table="t2"),
            {"expected": expected, "actual": r.format_version, "year": r.year},
            version=_version_name(r.format_version),
            expected=_version_name(expected),
            year=r.year,
        )


def _version_name(version: str) -> dict[str, str]:
    return ui(f"version.{version}") if version in _RANK else label(version, version)
