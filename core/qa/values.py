"""The value of a figure in stored reports, with where it came from: the
cell (or the cells a derived total adds up, or the row of another form that
holds it), else what the text states; a blank is "not filled in", never 0;
the defects of the report that concern those cells come with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from core.qa.evidence import defect_dict, defect_warnings, number, source, text_source
from core.qa.vocabulary import Metric
from core.store import queries
from core.store.models import Fact, TextFactRecord


@dataclass
class Value:
    """A figure of one report.  status: number | blank | text (a cell such as
    "/") | partial (a sum with a cell that is no number) | missing (no such
    cell) | stated (read from the text) | conflict (the text states
    different figures) | not_stated (a text figure the text does not give)."""

    ref: queries.ReportRef
    value: int | float | None
    status: str
    sources: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    stated: list[dict[str, Any]] = field(default_factory=list)  # what the text says too
    approximate: bool = False

    @property
    def ok(self) -> bool:
        return self.value is not None and self.status in ("number", "stated")


def read(s: Session, refs: list[queries.ReportRef], metric: Metric) -> dict[int, Value]:
    """The metric's value in each report, by report id (three queries in all)."""
    ids = [r.id for r in refs]
    if metric.source == "text":
        texts = queries.text_facts(s, ids, [metric.key])
        defects = queries.defects_of_reports(s, ids)
        out = {}
        for r in refs:
            v = _from_text(r, texts[r.id], "not_stated")
            v.warnings = _sentence_defects(texts[r.id], defects[r.id])
            out[r.id] = v
        return out
    keys = metric.cell_keys()
    cells = queries.facts_of_reports(s, refs, keys + metric.alternative_keys())
    unread = [r.id for r in refs if not _numbers(cells.get(r.id, {}), keys)]
    texts = queries.text_facts(s, unread, _stated_keys(metric))  # only where no cell tells
    defects = queries.defects_of_reports(s, ids)
    out = {}
    for r in refs:
        v = _from_cells(r, metric, cells.get(r.id, {}), texts.get(r.id, []))
        v.warnings = defect_warnings(s, r.id, [src["key"] for src in v.sources], defects[r.id])
        out[r.id] = v
    return out


def _numbers(cells: dict[str, Fact], keys: list[str]) -> bool:
    return all(k in cells and cells[k].value is not None for k in keys)


def _stated_keys(metric: Metric) -> list[str]:
    """Text facts that may state a table figure (its total cell)."""
    return [metric.key] if metric.column == "total" else []


def _from_cells(
    ref: queries.ReportRef, metric: Metric, cells: dict[str, Fact], texts: list[TextFactRecord]
) -> Value:
    keys = metric.cell_keys()
    if any(k not in cells for k in keys):
        alt = [k for k in metric.alternative_keys() if k in cells]
        if alt:
            keys = alt
        else:
            return _from_text(ref, texts, "missing")
    found = [cells[k] for k in keys]
    sources = [source(ref, f) for f in found]
    bad = [f for f in found if f.value is None]
    if not bad:
        return Value(ref, number(sum(f.value for f in found)), "number", sources)
    status = "partial" if len(found) > 1 else ("blank" if bad[0].status == "blank" else "text")
    stated = [text_source(ref, t) for t in texts]
    return Value(ref, None, status, sources, stated=stated)


def _from_text(ref: queries.ReportRef, texts: list[TextFactRecord], none: str) -> Value:
    if not texts:
        return Value(ref, None, none)
    stated = [text_source(ref, t) for t in texts]
    values = {number(t.value) for t in texts}
    if len(values) > 1:
        return Value(ref, None, "conflict", stated=stated)
    approximate = any(t.approximate for t in texts)
    return Value(ref, values.pop(), "stated", stated=stated, approximate=approximate)


def _sentence_defects(texts: list[TextFactRecord], found: list) -> list[dict[str, Any]]:
    """Defects (not notes) about the sentences a text figure was read from."""
    places = {_place(t.location) for t in texts}
    return [
        defect_dict(d)
        for d in found
        if d.severity != "info" and d.category == "consistency" and _place(d.location) in places
    ]


def _place(loc: dict[str, Any] | None) -> tuple:
    loc = loc or {}
    return (loc.get("page"), loc.get("line"), loc.get("paragraph"))
