"""Who has not filed: each roster unit of a chat against the reports of one
year the chat can see — filed, missing (with the days left before its
deadline), its upload could not be read, or a report that may be its own
awaits the reviewer's confirmation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from core.deadlines import deadline
from core.roster.match import match
from core.roster.repository import RosterRepository, Unit
from core.store import queries
from core.store.db import session

_YEAR = re.compile(r"(?:19|20)\d{2}")
MAX_REPORTS = 20000


@dataclass(frozen=True)
class Filed:
    unit: Unit
    report_id: int
    title: str | None


@dataclass(frozen=True)
class Missing:
    unit: Unit
    due: date
    days_left: int  # negative: overdue


@dataclass(frozen=True)
class Failed:
    unit: Unit
    filename: str
    code: str
    detail: str


@dataclass(frozen=True)
class Unsure:
    report_id: int
    agency: str
    title: str | None
    choices: tuple[Unit, ...]


@dataclass
class Filing:
    year: int
    today: date
    units: int = 0
    filed: list[Filed] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    unsure: list[Unsure] = field(default_factory=list)

    def missing_of_kind(self, kind: str | None) -> list[Missing]:
        """The missing units whose deadline is of `kind` (department/government; None: all)."""
        if kind not in ("department", "government"):
            return list(self.missing)
        return [m for m in self.missing if m.unit.kind in (kind, "unknown")]


def year_in(filename: str) -> int | None:
    found = _YEAR.findall(PurePath(filename).stem)
    return int(found[0]) if found else None


def filing(engine, chat_id: int, year: int, today: date, region: str | None = None) -> Filing:
    """Every roster unit of `chat_id` (in `region`) for reports of `year`."""
    repo = RosterRepository(engine)
    units = repo.units(chat_id, region)
    out = Filing(year, today, len(units))
    if not units:
        return out
    links = repo.links(chat_id)
    with session(engine) as s:
        reports = queries.list_reports(s, chat_id, year=year, limit=MAX_REPORTS)
    filed: dict[int, Filed] = {}
    all_units = repo.units(chat_id) if region else units
    for r in reports:
        m = match(r.agency, all_units, links)
        if m.sure and m.unit.id not in filed:
            filed[m.unit.id] = Filed(m.unit, r.id, r.title)
        elif m.unsure and any(u.in_region(region) for u in m.choices):
            out.unsure.append(Unsure(r.id, r.agency, r.title, tuple(m.choices)))
    out.filed = [filed[u.id] for u in units if u.id in filed]
    failed: dict[int, Failed] = {}
    for filename, code, detail in repo.failures(chat_id):
        y = year_in(filename)
        if y is not None and y != year:
            continue
        name = _YEAR.split(PurePath(filename).stem)[0] or PurePath(filename).stem
        m = match(name, units, links)
        if m.sure and m.unit.id not in filed and m.unit.id not in failed:
            failed[m.unit.id] = Failed(m.unit, filename, code, detail)
    out.failed = [failed[u.id] for u in units if u.id in failed]
    waiting = {u.id for s in out.unsure for u in s.choices}
    for u in units:
        if u.id in filed or u.id in failed:
            continue
        due = deadline(u.kind, year)
        out.missing.append(Missing(u, due, (due - today).days))
    out.missing.sort(key=lambda m: (m.due, m.unit.id not in waiting, m.unit.name))
    return out
