"""A unit's stored reports over the years: two years side by side (every
changed figure, table by table) and one figure year by year — from the
reports the chat may see, each figure traced to its report."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from core.agency_index import AgencyEntry, AgencyIndex
from core.batch.labels import cell_parts
from core.batch.record import figure_value
from core.store import queries
from core.store.models import Agency, Fact
from core.store.queries import ReportRef

DERIVED = "derived"


def agency_index(s) -> AgencyIndex:
    entries = [
        AgencyEntry(id=i, name=name, norm=norm, aliases=tuple(aliases or ()))
        for i, name, norm, aliases in s.execute(
            select(Agency.id, Agency.name, Agency.norm, Agency.aliases)
        )
    ]
    return AgencyIndex(entries)


@dataclass
class Resolution:
    """The agency a text names: one (`agency`), a choice (`choices`) or none."""

    agency: AgencyEntry | None = None
    choices: list[AgencyEntry] = field(default_factory=list)


def resolve(s, text: str) -> Resolution:
    if not s.execute(select(func.count(Agency.id))).scalar():
        return Resolution()
    _, mentions = agency_index(s).find(text)
    named = [m for m in mentions if m.candidates and m.how not in ("close", "unknown")]
    if not named:
        return Resolution()
    first = named[0]
    if first.agency is not None:
        return Resolution(first.agency)
    return Resolution(choices=list(first.candidates))


@dataclass(frozen=True)
class Change:
    key: str
    before: float | int | None
    after: float | int | None
    raw_before: str
    raw_after: str

    @property
    def delta(self) -> float | int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass
class Comparison:
    agency: str
    years: tuple[int, int]
    refs: dict[int, ReportRef]
    changes: list[Change] = field(default_factory=list)  # by table, in template order
    same: int = 0  # figures that did not change
    missing_years: list[int] = field(default_factory=list)


def _cells(s, ref: ReportRef) -> dict[str, Fact]:
    stmt = select(Fact).where(Fact.year == (ref.year or 0), Fact.report_id == ref.id)
    return {f.key: f for (f,) in s.execute(stmt) if f.status != DERIVED}


def compare(s, agency: AgencyEntry, years: tuple[int, int], chat_id: int | None) -> Comparison:
    refs = queries.reports_of_agency(s, agency.id, chat_id)
    out = Comparison(agency.name, years, {y: refs[y] for y in years if y in refs})
    out.missing_years = [y for y in years if y not in refs]
    if out.missing_years:
        return out
    a, b = (_cells(s, refs[y]) for y in years)
    for key in _order(set(a) | set(b)):
        fa, fb = a.get(key), b.get(key)
        va = figure_value(fa.value) if fa else None
        vb = figure_value(fb.value) if fb else None
        if va == vb and (fa is not None) == (fb is not None):
            out.same += 1
            continue
        out.changes.append(
            Change(key, va, vb, (fa.raw if fa else "") or "", (fb.raw if fb else "") or "")
        )
    return out


def _order(keys: set[str]) -> list[str]:
    """Cell keys in the template's order (table, then row, then column)."""
    from core.template import VERSIONS, load_template

    rank: dict[str, int] = {}
    for version in VERSIONS:
        for k in load_template(version).cell_keys():
            rank.setdefault(k, len(rank))
    return sorted(keys, key=lambda k: (rank.get(k, len(rank)), k))


@dataclass(frozen=True)
class Point:
    year: int
    value: float | int | None
    raw: str
    ref: ReportRef


@dataclass
class Trend:
    agency: str
    key: str
    points: list[Point] = field(default_factory=list)


def trend(s, agency: AgencyEntry, key: str, chat_id: int | None) -> Trend:
    refs = queries.reports_of_agency(s, agency.id, chat_id)
    out = Trend(agency.name, key)
    if not refs:
        return out
    got = queries.facts_of_reports(s, list(refs.values()), [key])
    for year in sorted(refs):
        ref = refs[year]
        f = got.get(ref.id, {}).get(key)
        if f is None:
            continue
        out.points.append(Point(year, figure_value(f.value), f.raw or "", ref))
    return out


def table_of(key: str) -> str:
    return cell_parts(key)[0]
