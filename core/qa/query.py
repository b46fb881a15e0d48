"""Step 5 of understanding: what was understood becomes a query — one
operation over agencies, years and a figure — or a choice to offer, or a
decline that says exactly what is missing or not understood.  A follow-up
("那2023年呢？", "and for 许昌?") takes what it does not say from the chat's
last question."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.agency import Region
from core.agency import normalise as normalise_name
from core.agency_index import AgencyEntry, AgencyIndex, Mention
from core.qa.understand import Understanding
from core.qa.vocabulary import Metric, make_metric

# Operations and what they need.
ONE_AGENCY = {"figure", "change", "growth", "trend", "sum_years", "average_years", "position"}
MANY_AGENCIES = {"compare_agencies", "sum_agencies", "average_agencies"}
ALL_AGENCIES = {"rank", "sum_all", "average_all"}
NEEDS_METRIC = ONE_AGENCY | MANY_AGENCIES | ALL_AGENCIES


@dataclass
class Choice:
    kind: str  # agency | metric
    value: Any  # an agency id, or a metric row
    label_zh: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_zh


@dataclass
class Query:
    question: str
    lang: str
    operation: str  # see ONE_AGENCY …, list, defects, roster, choose, not_understood, not_stored
    agencies: list[AgencyEntry] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    span_years: bool = False
    previous: bool = False  # "比上年" without a year
    metric: Metric | None = None
    metrics: list[Metric] = field(default_factory=list)  # several figures asked at once
    order: str = "desc"
    limit: int | None = None
    filter_kind: str | None = None
    filter_place: str | None = None
    choices: list[Choice] = field(default_factory=list)
    written: str = ""  # the words a choice is about (东风县司法局, 收费)
    missing: list[str] = field(default_factory=list)  # agency | metric
    unknown: list[str] = field(default_factory=list)
    not_stored: list[str] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    followup: bool = False

    @property
    def year(self) -> int | None:
        return self.years[-1] if self.years else None

    @property
    def agency(self) -> AgencyEntry | None:
        return self.agencies[0] if len(self.agencies) == 1 else None

    @property
    def filters(self) -> tuple[str, ...]:
        return tuple(w for w in (self.filter_place, self.filter_kind) if w)

    def context(self) -> dict[str, Any]:
        """What a follow-up question may take from this one (JSON-safe)."""
        return {
            "operation": self.operation,
            "agencies": [a.id for a in self.agencies],
            "years": list(self.years),
            "span_years": self.span_years,
            "metric": self.metric.row if self.metric else None,
            "column": self.metric.column if self.metric else None,
            "order": self.order,
            "limit": self.limit,
            "filter_kind": self.filter_kind,
            "filter_place": self.filter_place,
        }

    def understood(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.operation}
        if self.agencies:
            out["agencies"] = [a.name for a in self.agencies]
            out["agency"] = self.agencies[0].name
        if self.years:
            out["years"] = self.years
        if self.metric:
            out["metric_key"] = self.metric.key
            out["metric"] = self.metric.label(self.lang)
        if self.filters:
            out["filter"] = list(self.filters)
        for name in ("missing", "unknown", "not_stored"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        return out


def plan(
    u: Understanding,
    index: AgencyIndex,
    *,
    lang: str,
    context: dict[str, Any] | None = None,
    picked: dict[str, Any] | None = None,
) -> Query:
    """The query of an understood question (see the module docstring)."""
    q = Query(u.norm.original, u.lang or lang, "figure")
    q.years, q.span_years, q.previous = list(u.norm.years), u.norm.span_years, u.norm.previous
    for ref in u.norm.refs:
        if ref.how == "published":
            q.notes.append({"kind": "year_published", "year": ref.value})
    q.limit = u.limit
    q.filter_kind = u.kind_filter
    q.unknown = list(u.unknown)
    follow = bool(context) and _is_followup(u)
    q.followup = follow
    places = _agencies(q, u, index, picked or {}, context if follow else None)
    _metrics(q, u, picked or {})
    _operation(q, u, places)
    if follow:
        _merge(q, u, context, index)
    _complete(q)
    return q


def _is_followup(u: Understanding) -> bool:
    said_little = (not u.metrics or u.metric_from_column) and not u.ambiguous
    return u.followup or (said_little and u.operation is None and bool(u.mentions or u.norm.years))


def _agencies(
    q: Query,
    u: Understanding,
    index: AgencyIndex,
    picked: dict,
    context: dict | None,
) -> list[Mention]:
    """The agencies named; places (江岸区, 平潭) are returned for filters."""
    places = []
    scoped = u.scope_all or u.scope_each or bool(u.kind_filter)
    for i, m in enumerate(u.mentions):
        if "agency" in picked and picked.get("mention", i) == i and m.how != "unknown":
            chosen = index.entries.get(picked["agency"])
            if chosen is not None:
                q.agencies.append(chosen)
                continue
        region = _region_before_scope(u, m, index)
        if region is not None:
            places.append(region)
        elif m.how == "unknown":
            q.not_stored.append(m.text)
        elif m.how == "place" and m.government is not None and not scoped:
            # the place's government, its place stored one letter apart: read
            # so (and said) when the place is stored as written, else offered
            if m.candidates:
                q.agencies.append(m.government)
                q.notes.append(
                    {"kind": "agency_read", "written": m.text, "agency": m.government.name}
                )
            else:
                q.choices = [
                    Choice("agency", m.government.id, m.government.name, m.government.name)
                ]
                q.written = m.text
        elif m.how == "place":
            prev = _previous_agency(context, index)
            same = [e for e in m.candidates if prev and e.parts.kind == prev.parts.kind]
            own = len(m.candidates) == 1 and index.government_of(m.candidates) is not None
            if scoped or not (own or len(same) == 1):
                places.append(m)
            elif own:
                q.agencies.append(m.candidates[0])
            else:
                q.agencies.append(same[0])
                q.notes.append({"kind": "agency_read", "written": m.text, "agency": same[0].name})
        elif m.agency is not None and m.how != "close":
            q.agencies.append(m.agency)
            if m.how == "typo" or m.qualifier:
                q.notes.append({"kind": "agency_read", "written": m.text, "agency": m.agency.name})
        else:
            q.choices = [Choice("agency", e.id, e.name, e.name) for e in m.candidates]
            q.written = m.text
    q.agencies = list(dict.fromkeys(q.agencies))
    return _distribute(q, places)


def _region_before_scope(u: Understanding, m: Mention, index: AgencyIndex) -> Mention | None:
    """平潭各单位, 洪泽区所有部门: a place written right before a word for every
    agency names the agencies of that place, not its government or zone."""
    if m.how == "unknown" or not any(c.step == "scope" and c.start == m.end for c in u.claims):
        return None
    key = normalise_name(u.text[m.start : m.end])
    inside = index.agencies_in(key)
    if not inside or [e.name for e in inside] == [e.name for e in m.candidates]:
        return None  # no agencies there, or the name is only its own
    return Mention(m.start, m.end, m.text, "place", inside, region=Region(key, ""))


def _distribute(q: Query, places: list[Mention]) -> list[Mention]:
    """东风区和硚口区司法局: a place written before another agency's name
    shares its kind — the place's agency of that kind, when there is one."""
    kinds = {a.parts.kind for a in q.agencies}
    rest = []
    for m in places:
        same = [e for e in m.candidates if e.parts.kind in kinds]
        if len(kinds) == 1 and len(same) == 1:
            q.agencies.insert(0, same[0]) if m.start < 1 else q.agencies.append(same[0])
            q.notes.append({"kind": "agency_read", "written": m.text, "agency": same[0].name})
        else:
            rest.append(m)
    return rest


def _previous_agency(context: dict | None, index: AgencyIndex) -> AgencyEntry | None:
    if not context or len(context.get("agencies") or ()) != 1:
        return None
    return index.entries.get(context["agencies"][0])


def _metrics(q: Query, u: Understanding, picked: dict) -> None:
    rows = list(u.metrics)
    if "metric" in picked and picked["metric"] in (u.ambiguous or [picked["metric"]]):
        rows = [picked["metric"]]
    elif u.ambiguous and not rows:
        q.choices = q.choices or [
            Choice("metric", r, make_metric(r).label("zh"), make_metric(r).label("en"))
            for r in u.ambiguous
        ]
    q.metrics = [make_metric(r, u.column if _column_fits(r, u.column) else None) for r in rows]
    columns = [c for c in u.columns if rows and (c == "" or _column_fits(rows[0], c))]
    if len(rows) == 1 and len(columns) > 1:  # 制发和废止分别多少: one figure per column
        q.metrics = [make_metric(rows[0], c or None) for c in columns]
    q.metric = q.metrics[0] if q.metrics else None


def _column_fits(row: str, column: str | None) -> bool:
    if column is None:
        return False
    from core.derived import derived_rows
    from core.qa.vocabulary import column_groups
    from core.qa.vocabulary import rows as template_rows

    base = derived_rows()[row].rows[0] if row in derived_rows() else row
    r = template_rows().get(base)
    if r is not None and column in column_groups():
        return r.table == "t3"
    return r is not None and any(c.key == column for c in r.columns)


def _operation(q: Query, u: Understanding, places: list[Mention]) -> None:
    op, n = u.operation, len(q.agencies)
    if places:
        q.filter_place = places[0].region.full if places[0].region else places[0].text
    scoped = u.scope_all or u.scope_each or q.filter_kind or q.filter_place
    if op in ("roster", "defects", "list"):
        q.operation = "list" if op == "defects" and not n else op
        return
    if op == "position" or (op in ("rank_desc", "rank_asc") and n == 1 and scoped):
        q.operation = "position"
    elif op in ("rank_desc", "rank_asc"):
        q.order = "asc" if op == "rank_asc" else "desc"
        q.operation = "compare_agencies" if n >= 2 else ("trend" if n == 1 else "rank")
    elif op == "trend":
        q.operation = "trend"
    elif op == "growth":
        q.operation = "growth"
    elif op in ("change", "compare"):
        q.operation = "compare_agencies" if n >= 2 else "change"
    elif op in ("sum", "average"):
        kind = "sum" if op == "sum" else "average"
        many_years = len(q.years) >= 2
        if n >= 2:
            q.operation = f"{kind}_agencies"
        elif n == 1:
            q.operation = f"{kind}_years" if many_years else "figure"
        else:
            q.operation = f"{kind}_all"
    elif n >= 2:
        q.operation = "compare_agencies"
    elif n == 1:
        q.operation = "figure"
        if len(q.years) >= 2:
            q.operation = "trend" if q.span_years and len(q.years) > 2 else "change"
    elif scoped or u.which:
        q.operation = "rank"
        if u.scope_each or not u.which:
            q.limit = q.limit or 0  # 0: every agency, up to the list size
    if q.previous and q.operation == "figure":
        q.operation = "change"
    if places and q.operation not in ALL_AGENCIES | {"list", "roster"}:
        m = places[0]
        if not q.choices:
            q.choices = [Choice("agency", e.id, e.name, e.name) for e in m.candidates]
            q.written = m.text


def _merge(q: Query, u: Understanding, ctx: dict, index: AgencyIndex) -> None:
    """Fill what a follow-up leaves out from the last question's query."""
    prev_op = ctx.get("operation") or "figure"
    if not q.agencies and not q.choices and not q.filter_place:
        q.agencies = [index.entries[i] for i in ctx.get("agencies") or () if i in index.entries]
    if not q.years and not q.previous:
        q.years, q.span_years = list(ctx.get("years") or ()), bool(ctx.get("span_years"))
    if (not q.metrics or u.metric_from_column) and ctx.get("metric") and not q.choices:
        column = u.column if _column_fits(ctx["metric"], u.column) else ctx.get("column")
        q.metric = make_metric(ctx["metric"], column)
        q.metrics = [q.metric]
    if u.operation is None:
        n = len(q.agencies)
        if prev_op in MANY_AGENCIES and n == 1:
            q.operation = "figure"
        elif prev_op in ONE_AGENCY and n >= 2:
            q.operation = "compare_agencies"
        elif prev_op == "change" and len(q.years) == 1:
            q.operation = "change"
        elif prev_op in ("figure", "change") and n == 1:
            q.operation = "change" if len(q.years) >= 2 else "figure"
        else:
            q.operation = prev_op
        q.order = ctx.get("order") or q.order
        q.limit = q.limit if q.limit is not None else ctx.get("limit")
        q.filter_kind = q.filter_kind or ctx.get("filter_kind")
        q.filter_place = q.filter_place or ctx.get("filter_place")


def _complete(q: Query) -> None:
    """Decide what is missing; turn the query into a choice or a decline."""
    if q.unknown:
        q.operation = "not_understood"
        return
    if q.not_stored and q.operation != "roster":
        q.operation = "not_stored"
        return
    if q.choices:
        q.operation = "choose"
        return
    if q.operation in ONE_AGENCY | {"defects"} and not q.agencies:
        q.missing.append("agency")
    if q.operation in ONE_AGENCY | {"defects"} and len(q.agencies) > 1:
        q.operation = "compare_agencies" if q.operation == "figure" else q.operation
    if q.operation in MANY_AGENCIES and len(q.agencies) < 2:
        q.missing.append("agency")
    if q.operation in NEEDS_METRIC and not q.metric:
        q.missing.append("metric")
    if q.missing:
        q.operation = "not_understood"
