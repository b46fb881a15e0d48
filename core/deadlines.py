"""Filing deadlines (条例第四十九条): departments by 31 January, governments
by 31 March of the year after the report year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.template import load_template

SCHEDULES = ("department", "government")


def deadline(issuer_kind: str, report_year: int) -> date:
    """The last day to publish the report on `report_year`."""
    table = load_template().deadlines
    month, day = table.get(issuer_kind, table["unknown"])
    return date(report_year + 1, month, day)


@dataclass(frozen=True)
class UpcomingDeadline:
    schedule: str  # department | government
    report_year: int
    due: date
    days_left: int


def next_deadline(schedule: str, today: date) -> UpcomingDeadline:
    """The first deadline of `schedule` on or after `today`."""
    year = today.year - 1
    due = deadline(schedule, year)
    if due < today:
        year += 1
        due = deadline(schedule, year)
    return UpcomingDeadline(schedule, year, due, (due - today).days)


def upcoming(today: date) -> list[UpcomingDeadline]:
    """The next deadline of every schedule, soonest first."""
    return sorted((next_deadline(s, today) for s in SCHEDULES), key=lambda d: d.due)
