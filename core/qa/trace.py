"""The steps of understanding as data (`Answer.trace`, the JSON `steps`):
what each step read, in which words, for `nianbao ask --explain`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.qa.query import Query
from core.qa.understand import Understanding

if TYPE_CHECKING:
    from core.qa.answer import Answer


def trace(u: Understanding, q: Query, a: Answer) -> list[dict[str, Any]]:
    text = u.text
    steps: list[dict[str, Any]] = [
        {"step": "normalise", "original": u.norm.original, "text": text, "years": q.years},
        {
            "step": "agency",
            "mentions": [
                {
                    "words": text[m.start : m.end],
                    "how": m.how,
                    "agencies": [e.name for e in m.candidates],
                    "qualifier": m.qualifier,
                }
                for m in u.mentions
            ],
            "agencies": [e.name for e in q.agencies],
        },
        {
            "step": "metric",
            "words": [text[c.start : c.end] for c in u.words("metric") + u.words("column")],
            "metric_key": q.metric.key if q.metric else None,
            "metric": q.metric.label(q.lang) if q.metric else None,
            "keys": (q.metric.cell_keys() or [q.metric.key]) if q.metric else [],
            "ambiguous": u.ambiguous,
        },
        {
            "step": "operation",
            "words": [text[c.start : c.end] for c in u.words("operation") + u.words("scope")],
            "operation": q.operation,
            "order": q.order,
            "limit": q.limit,
            "filter": list(q.filters),
            "followup": q.followup,
        },
        {
            "step": "query",
            "operation": q.operation,
            "agencies": [e.name for e in q.agencies],
            "years": q.years,
            "metric_key": q.metric.key if q.metric else None,
            "ignored": [text[c.start : c.end] for c in u.words("filler")],
            "unknown": q.unknown,
            "not_stored": q.not_stored,
            "missing": q.missing,
        },
        {"step": "answer", "kind": a.kind, "value": a.value if a.kind != "multi" else None},
    ]
    return steps
