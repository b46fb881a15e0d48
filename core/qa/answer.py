"""Step 6: the answer — the query run against the store (through
core.store.queries) — with every figure's source, the warnings that concern
it, and what was understood on the way (for `--explain`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.qa.query import Choice, Query
from core.qa.vocabulary import Metric, unit_text


@dataclass
class Answer:
    """kind: the query's operation (figure, change, growth, trend,
    compare_agencies, sum_agencies, sum_years, average_*, rank, position,
    sum_all, list, defects, roster), or choose, not_understood, not_stored,
    no_data, multi (several figures asked at once: `parts`)."""

    kind: str
    lang: str = "zh"
    value: Any = None  # a number, or a list of items for the list-like kinds
    unit: str = ""  # count | wan_yuan | item | yuan …
    agency: str | None = None
    year: int | None = None
    metric: Metric | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    choice_options: list[Choice] = field(default_factory=list)
    understood: dict[str, Any] = field(default_factory=dict)
    detail: dict[str, Any] = field(default_factory=dict)  # kind-specific facts for rendering
    parts: list[Answer] = field(default_factory=list)
    query: Query | None = None
    trace: list[dict[str, Any]] = field(default_factory=list)  # the steps, for --explain

    @property
    def metric_key(self) -> str | None:
        return self.metric.key if self.metric else None

    @property
    def choices(self) -> list[str]:
        """The labels of the options offered (agency names, or figures)."""
        return [c.label(self.lang) for c in self.choice_options]

    @property
    def answered(self) -> bool:
        return self.kind not in ("choose", "not_understood", "not_stored", "no_data")

    def context(self) -> dict[str, Any] | None:
        """What a follow-up question may take from this one (JSON-safe)."""
        if self.query is None or self.kind in ("choose", "not_understood", "not_stored"):
            return None
        return self.query.context()

    def text(self, lang: str | None = None) -> str:
        from core.qa.render import render

        return render(self, lang or self.lang)

    def explain(self, lang: str | None = None) -> str:
        from core.qa.explain import explain

        return explain(self, lang or self.lang)

    def as_json(self, lang: str | None = None) -> dict[str, Any]:
        from core.qa.render import render_warning

        lang = lang or self.lang
        return {
            "answer": self.text(lang),
            "kind": self.kind,
            "lang": self.lang,
            "value": self.value,
            "unit": self.unit or None,
            "unit_text": unit_text(self.unit, lang).strip() if self.unit else None,
            "agency": self.agency,
            "year": self.year,
            "metric_key": self.metric_key,
            "metric": self.metric.label(lang) if self.metric else None,
            "sources": self.sources,
            "warnings": [render_warning(w, lang) for w in self.warnings],
            "choices": [
                {"kind": c.kind, "value": c.value, "label": c.label(lang)}
                for c in self.choice_options
            ],
            "understood": self.understood,
            "parts": [p.as_json(lang) for p in self.parts],
            "steps": self.trace,
        }
