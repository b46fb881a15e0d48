"""S2 and S3: the six sections with their standard headings, in order,
numbered 一…六; the form of the year (tables and headings) not outdated.

Only a report of the 2019 regulation's eras is held to the six parts; a
report of an earlier year follows the structure of its own time.  One
heading worded the old way is a wording matter (S2-WORDING), not an old
structure (S3-OLD-HEADINGS)."""

from __future__ import annotations

from collections.abc import Iterator

from core.defect import Defect, DefectLocation, ui_text
from core.report import Section
from core.rules.context import Context, compiled, label, ui
from core.rules.registry import LABELS, SINCE_2019, STRUCTURE, check, define
from core.rules.s1_title import normalise

define(
    "S2-MISSING",
    "structure",
    "error",
    also=("warning",),
    basis=("absence", "form"),
    reads=STRUCTURE,
)
define("S2-ORDER", "structure", "error", basis="form", eras=SINCE_2019, reads=STRUCTURE)
define("S2-NUMBERING", "structure", "warning", basis="form", eras=SINCE_2019, reads=STRUCTURE)
define("S2-WORDING", "structure", "warning", basis="form", eras=SINCE_2019, reads=STRUCTURE)
define("S2-EXTRA", "structure", "warning", basis="form", eras=SINCE_2019, reads=STRUCTURE)
define("S3-OLD-HEADINGS", "format_version", "error", basis="form", eras=SINCE_2019, reads=STRUCTURE)
define(
    "S3-VERSION",
    "format_version",
    "error",
    also=("warning",),
    basis="form",
    eras=SINCE_2019,
    reads=LABELS,
)

_RANK = {"pre2019": 0, "2019": 1, "2021": 2}


def _standard(ctx: Context, key: str) -> dict[str, str]:
    spec = ctx.template.section(key)
    numeral = ctx.template.numerals[spec.number - 1]
    return label(f"{numeral}、{spec.heading}", f"{spec.number}. {spec.en}")


def old_structure(ctx: Context) -> tuple[list[Section], list[str]] | None:
    """(old headings, keys of the missing parts) when the report follows the
    pre-2019 structure: several headings of that time, and parts of the
    current form missing or parts it does not have (概述 and 咨询处理情况
    beside 总体情况) — not old wordings of the six parts."""
    r = ctx.report
    if r.heading_style not in ("pre2019", "mixed"):
        return None
    old = [s for s in r.sections if s.style == "pre2019"]
    if len(old) < ctx.params("S3-OLD-HEADINGS")["min_old_headings"]:
        return None
    present = {s.key for s in r.sections if s.key}
    missing = [spec.key for spec in ctx.template.sections if spec.key not in present]
    foreign = any(s.key is None for s in old) or len(r.sections) > len(ctx.template.sections)
    return (old, missing) if missing or foreign else None


def _content_elsewhere(ctx: Context, key: str) -> bool:
    """Is the content of part `key` in the report although its heading is not
    (its table, its sub-items, or a paragraph opening with the heading's words:
    a heading the reading ran into its paragraph)?  A sentence listing the six
    parts ("本报告由总体情况、……组成") is no content."""
    content = ctx.params("S2-MISSING")["content"].get(key, {})
    if any(ctx.report.tables_found.get(t) for t in content.get("tables", ())):
        return True
    if any(ctx.find(p) for p in content.get("patterns", ())):
        return True
    spec = ctx.template.section(key)
    if spec is None:
        return False
    words = [normalise(h) for h in (spec.heading, *spec.variants)]
    opening = compiled(ctx.params("S2-MISSING")["heading_opening"])
    for _, p in ctx.paragraphs():  # the preamble too: a missed heading leaves its part there
        text = normalise(p.text)
        m = opening.match(text)
        rest = text[m.end() :] if m else text
        if any(rest.startswith(w) for w in words):
            return True
    return False


def _missing_before_2019(ctx: Context) -> Iterator[Defect]:
    """A report before 2019 holds the content the 2007 regulation (art. 32)
    asked of every report; its headings are those of its own time."""
    present = {s.key for s in ctx.report.sections if s.key}
    for item in ctx.params("S2-MISSING")["before_2019"]:
        if item["key"] in present or any(
            ctx.find_sentences(p) or ctx.in_tables(p) for p in item["patterns"]
        ):
            continue
        yield ctx.defect(
            "S2-MISSING",
            DefectLocation(section=item["key"]),
            {"expected": item["heading"]["zh"], "regulation": "2007"},
            basis="absence",
            heading=label(item["heading"]["zh"], item["heading"]["en"]),
            detail=ui("missing.before_2019"),
        )


@check("S2-MISSING", "S2-ORDER", "S2-NUMBERING", "S2-WORDING", "S2-EXTRA")
def sections(ctx: Context) -> Iterator[Defect]:
    if ctx.era == "pre2019":
        yield from _missing_before_2019(ctx)
        return
    r = ctx.report
    old = old_structure(ctx) is not None  # S3-OLD-HEADINGS reports the structure as a whole
    present = {s.key for s in r.sections if s.key}
    if not old:
        for spec in ctx.template.sections:
            if spec.key in present:
                continue
            elsewhere = _content_elsewhere(ctx, spec.key)
            yield ctx.defect(
                "S2-MISSING",
                DefectLocation(section=spec.key),
                {"expected": spec.heading, "content_present": elsewhere},
                severity="warning" if elsewhere else None,
                basis="form" if elsewhere else "absence",
                heading=_standard(ctx, spec.key),
                detail=ui("missing.heading_only") if elsewhere else label("", ""),
            )
    yield from _order(ctx)
    for s in r.sections:
        where = DefectLocation.at(s.location, section=s.key)
        if s.key is None:
            if not old:
                yield ctx.defect("S2-EXTRA", where, {"text": s.heading}, heading=s.heading)
            continue
        spec = ctx.template.section(s.key)
        if spec is None or (s.style != "2021" and old):
            continue
        if s.style == "2021" and (
            not s.standard_numbering
            or (s.written_number is not None and s.written_number != spec.number)
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


def _order(ctx: Context) -> Iterator[Defect]:
    """Parts out of order or repeated; a run of them from one restart of the
    numbering is one defect, the first, with the others in its evidence."""
    last, seen = 0, set()
    run: list[Section] = []
    runs: list[list[Section]] = []
    for s in ctx.report.sections:
        spec = ctx.template.section(s.key) if s.key else None
        if spec is None:
            continue
        if s.key in seen or spec.number < last:
            run.append(s)
        elif run:
            runs.append(run)
            run = []
        seen.add(s.key)
        last = max(last, spec.number)
    if run:
        runs.append(run)
    for group in runs:
        s = group[0]
        yield ctx.defect(
            "S2-ORDER",
            DefectLocation.at(s.location, section=s.key),
            {
                "text": s.heading,
                "number": ctx.template.section(s.key).number,
                "same_restart": [o.heading for o in group[1:]],
            },
            heading=s.heading,
            standard=_standard(ctx, s.key),
            also=_joined(ctx, "order.also", [label(o.heading, o.heading) for o in group[1:]]),
        )


@check("S3-OLD-HEADINGS", "S3-VERSION")
def form_version(ctx: Context) -> Iterator[Defect]:
    r = ctx.report
    found = old_structure(ctx)
    if found is not None:
        old, missing = found
        first = old[0]
        yield ctx.defect(
            "S3-OLD-HEADINGS",
            DefectLocation.at(first.location, section=first.key),
            {
                "headings": [s.heading for s in old],
                "missing": [_standard(ctx, k)["zh"] for k in missing],
                "count": len(r.sections),
            },
            headings=[s.heading for s in old],
            count=len(r.sections),
            missing=_joined(ctx, "old.missing", [_standard(ctx, k) for k in missing]),
        )
    if r.year is None or r.format_version not in _RANK:
        return
    expected = ctx.template.expected_version(r.year)
    if expected in _RANK and _RANK[r.format_version] < _RANK[expected]:
        t2 = ctx.report.section("s2")
        mixed = _current_labels(ctx, expected, r.format_version)
        yield ctx.defect(
            "S3-VERSION",
            DefectLocation.at(t2.location if t2 else None, section="s2", table="t2"),
            {"expected": expected, "actual": r.format_version, "year": r.year, "current": mixed},
            # some tables already in the current form: one old row, not an old form
            severity="warning" if mixed else None,
            version=_version_name(r.format_version),
            expected=_version_name(expected),
            year=r.year,
        )


def _current_labels(ctx: Context, expected: str, old: str) -> list[str]:
    """Column labels of table 二 that only the expected form has, written in the file."""
    from core.template import load_template

    def labels(version: str) -> set[str]:
        spec = load_template(version).tables["t2"]
        return {normalise(c.label) for b in spec.blocks for c in b.columns}

    only = labels(expected) - labels(old) if old in ("2019", "2021") else set()
    texts = [normalise(p.text) for p in ctx.report.document.paragraphs]
    texts += [normalise(c.text) for t in ctx.report.document.tables for row in t.rows for c in row]
    return sorted(w for w in only if any(w in t for t in texts))


def _version_name(version: str) -> dict[str, str]:
    return ui(f"version.{version}") if version in _RANK else label(version, version)


def _joined(ctx: Context, key: str, items: list[dict[str, str]]) -> dict[str, str]:
    """A [ui] text listing `items` in each language, or nothing when there are none."""
    if not items:
        return label("", "")
    return {
        lang: ui_text(key, lang).format(
            items=("、" if lang == "zh" else ", ").join(i[lang] for i in items), count=len(items)
        )
        for lang in ("zh", "en")
    }
