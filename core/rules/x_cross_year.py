"""X4: this year's text is a near copy of last year's (内容雷同、照搬照抄).
X1 and X2 (figures carried from last year) are relations: see t_arithmetic."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from core.defect import Defect, DefectLocation
from core.report import Report
from core.rules.context import Context
from core.rules.registry import check, define

define("X4-COPY", "cross_year", "warning", basis="heuristic", scope="cross_year")

_SPLIT = re.compile(r"[。！？；;!?\n]")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_SPACE = re.compile(r"\s+")


def sentences(report: Report, keys: list[str], min_chars: int) -> list[str]:
    """The sentences of sections `keys`, years masked, spaces removed."""
    out = []
    for key in keys:
        s = report.section(key)
        if s is None:
            continue
        for p in s.paragraphs:
            for part in _SPLIT.split(unicodedata.normalize("NFKC", p.text)):
                part = _YEAR.sub("#", _SPACE.sub("", part))
                if len(part) >= min_chars:
                    out.append(part)
    return out


@check("X4-COPY")
def near_copy(ctx: Context) -> Iterator[Defect]:
    if ctx.previous is None:
        return
    params = ctx.params("X4-COPY")
    keys = params["sections"]
    now = sentences(ctx.report, keys, params["min_chars"])
    before = sentences(ctx.previous, keys, params["min_chars"])
    if len(now) < params["min_sentences"] or not before:
        return
    copied = []
    for s in now:
        hit = process.extractOne(s, before, scorer=fuzz.ratio, score_cutoff=params["similarity"])
        if hit is not None:
            copied.append((s, hit[0], round(hit[1], 1)))
    share = len(copied) / len(now)
    if share < params["share"]:
        return
    same_figures = bool(ctx.report.facts) and all(
        ctx.previous.facts.get(k) is not None and ctx.previous.facts[k].value == f.value
        for k, f in ctx.report.facts.items()
    )
    first = ctx.report.section(keys[0])
    yield ctx.defect(
        "X4-COPY",
        DefectLocation.at(first.location if first else None, section=keys[0]),
        {
            "share": round(share, 3),
            "sentences": len(now),
            "copied": len(copied),
            "examples": [{"this_year": a, "last_year": b, "score": sc} for a, b, sc in copied[:3]],
            "same_figures": same_figures,
            "previous_year": ctx.previous.year,
        },
        percent=round(share * 100),
        previous_year=ctx.previous.year or "—",
        copied=len(copied),
        sentences=len(now),
    )
