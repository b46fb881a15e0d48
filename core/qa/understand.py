"""Question → Query: which agency, which year(s), which figure, which kind of
answer.  Deterministic: words from data files, agency names fuzzily matched
against the stored ones."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from core.agency import AgencyEntry, AgencyIndex, normalise, office_kind
from core.qa.vocabulary import (
    Metric,
    column_matcher,
    column_vocabulary,
    fold,
    kind_matcher,
    make_metric,
    metric_matcher,
    qa_data,
)

NEEDS_AGENCY = {"figure", "compare", "trend", "defects"}
NEEDS_METRIC = {"figure", "compare", "trend", "ranking", "total"}


@dataclass
class Query:
    question: str
    lang: str
    kind: (
        str  # figure | compare | trend | ranking | total | list | defects | choose | not_understood
    )
    agency: AgencyEntry | None = None
    choices: list[AgencyEntry] = field(default_factory=list)
    agency_exact: bool = True
    years: list[int] = field(default_factory=list)
    metric: Metric | None = None
    order: str = "desc"  # rankings
    limit: int | None = None
    filter_word: str | None = None  # an office kind the names must contain (司法局)
    filter_place: str | None = None  # a place the names must contain (江岸区)
    missing: list[str] = field(default_factory=list)  # agency | metric | year

    @property
    def filters(self) -> tuple[str, ...]:
        return tuple(w for w in (self.filter_place, self.filter_word) if w)

    @property
    def year(self) -> int | None:
        return self.years[-1] if self.years else None

    def understood(self) -> dict:
        """What was understood, for answers and JSON."""
        out: dict = {"kind": self.kind}
        if self.agency:
            out["agency"] = self.agency.name
        if self.choices:
            out["choices"] = [c.name for c in self.choices]
        if self.years:
            out["years"] = self.years
        if self.metric:
            out["metric_key"] = self.metric.key
            out["metric"] = self.metric.label(self.lang)
        if self.filters:
            out["filter"] = list(self.filters)
        if self.missing:
            out["missing"] = self.missing
        return out


def understand(question: str, agencies: AgencyIndex, today: date, lang: str | None = None) -> Query:
    """Read `question` against the stored `agencies`; `today` anchors 去年."""
    text = fold(question)
    res = agencies.resolve(text)
    rest = _remove_span(text, res.span) if res.span else text
    metric, rest = _metric(rest)
    kind = _kind(rest)
    years, rest = _years(rest, today)
    q = Query(
        question=question,
        lang=lang or _language(rest),
        kind=kind or "figure",
        agency=res.agency,
        choices=res.choices,
        agency_exact=res.exact,
        years=years,
        metric=metric,
    )
    q.limit = _top_n(rest)
    if q.kind in ("ranking", "ranking_asc"):
        q.order = "asc" if q.kind == "ranking_asc" else "desc"
        q.kind = "trend" if q.agency else "ranking"
    if q.kind in ("ranking", "total", "list"):
        q.filter_word = office_kind(rest)
        q.filter_place = agencies.place_in(rest)
    if q.kind == "total" and q.agency:
        q.kind = "figure"
    if q.kind == "figure" and len(q.years) > 1:
        q.kind = "compare"
    _complete(q)
    return q


def _complete(q: Query) -> None:
    """Decide what is missing; turn the query into a choice or a decline."""
    if q.kind in NEEDS_AGENCY and not q.agency:
        if q.choices:
            q.kind = "choose"
            return
        q.missing.append("agency")
    if q.kind in NEEDS_METRIC and not q.metric:
        q.missing.append("metric")
    if q.missing:
        q.kind = "not_understood"


def _remove_span(text: str, span: tuple[int, int]) -> str:
    """Blank out the agency name (span in normalised coordinates)."""
    kept = [i for i, ch in enumerate(text) if normalise(ch)]
    a, b = span
    if not kept or a >= len(kept):
        return text
    start, end = kept[a], kept[min(b, len(kept)) - 1] + 1
    return text[:start] + " " + text[end:]


def _metric(text: str) -> tuple[Metric | None, str]:
    """The figure named in `text` (longest word; generic words only when no
    specific one is there) and the text without it."""
    found = metric_matcher(False).longest(text) or metric_matcher(True).longest(text)
    if not found:
        return None, text
    word, start, end = found
    text = text[:start] + " " * (end - start) + text[end:]
    # Left in the text: "in total" still marks a total over agencies.
    col = column_matcher(column_vocabulary(word.target)).longest(text)
    column = col[0].target if col else None
    # A generic word left in the text ("申请") is part of the metric phrase.
    for _, a, b in metric_matcher(True).matches(text):
        text = text[:a] + " " * (b - a) + text[b:]
    return make_metric(word.target, column), text


def _kind(text: str) -> str | None:
    order = qa_data()["kinds"]["order"]
    hits = {w.target for w, _, _ in kind_matcher().matches(text)}
    return next((k for k in order if k in hits), None)


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)\s*(?:年度?)?")


def _years(text: str, today: date) -> tuple[list[int], str]:
    data = qa_data()["years"]
    years: list[int] = []
    matches = list(_YEAR.finditer(text))
    for i, m in enumerate(matches):
        y = int(m.group(1))
        if i and _is_range(text[matches[i - 1].end() : m.start()], data) and years:
            years.extend(range(years[-1] + 1, y + 1))
        else:
            years.append(y)
    text = _YEAR.sub(" ", text)
    for word, offset in sorted(data["relative"].items(), key=lambda kv: -len(kv[0])):
        w = fold(word)
        pattern = rf"(?<![a-z]){re.escape(w)}(?![a-z])" if w.isascii() else re.escape(w)
        if re.search(pattern, text):
            years.append(today.year + offset)
            text = re.sub(pattern, " ", text)
    return sorted(dict.fromkeys(years)), text


def _is_range(between: str, data: dict) -> bool:
    between = between.strip()
    words = {fold(w) for w in data["range_zh"] + data["range_en"]}
    return between in words


def _top_n(text: str) -> int | None:
    for pattern in qa_data().get("top_n", ()):
        m = re.search(pattern, text)
        if m:
            return int(m.group(1))
    return None


def _language(text: str) -> str:
    latin = sum(1 for c in text if "a" <= c <= "z")
    cjk = sum(1 for c in text if "\u3400" <= c <= "\u9fff")
    return "en" if latin > cjk else "zh"
