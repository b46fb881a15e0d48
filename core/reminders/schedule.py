"""Which reminder is due when: pure logic, no I/O.

A subscription names a schedule: `department` (31 January), `government`
(31 March) or `custom:YYYY-MM-DD`.  Reminders go out at 09:00 local time,
30, 14, 7, 3 and 1 days before the deadline.  A reminder is due from its
instant until the end of that local day, so a bot that was down at 09:00
still sends it later the same day (the database keeps it from going out
twice).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from core.deadlines import SCHEDULES, next_deadline

OFFSETS = (30, 14, 7, 3, 1)
SEND_AT = time(9, 0)
CUSTOM = "custom"


@dataclass(frozen=True)
class Deadline:
    kind: str  # department | government | custom
    due: date
    report_year: int | None  # None for a custom date

    @property
    def key(self) -> str:
        """The deadline's stable key, part of the de-duplication key."""
        return f"{self.kind}:{self.due.isoformat()}"


@dataclass(frozen=True)
class Reminder:
    schedule_key: str
    deadline: Deadline
    remind_on: date
    at: datetime  # aware, in the schedule's time zone

    @property
    def days_left(self) -> int:
        return (self.deadline.due - self.remind_on).days


def schedule_key(text: str) -> str | None:
    """Normalise what a user typed into a schedule key, or None."""
    text = text.strip().lower()
    aliases = {
        "department": "department",
        "dept": "department",
        "部门": "department",
        "government": "government",
        "gov": "government",
        "政府": "government",
    }
    if text in aliases:
        return aliases[text]
    try:
        return f"{CUSTOM}:{date.fromisoformat(text).isoformat()}"
    except ValueError:
        return None


def custom_date(key: str) -> date | None:
    if key.startswith(CUSTOM + ":"):
        return date.fromisoformat(key.split(":", 1)[1])
    return None


def deadline_for(key: str, today: date) -> Deadline | None:
    """The first deadline of schedule `key` on or after `today`."""
    if key in SCHEDULES:
        nd = next_deadline(key, today)
        return Deadline(key, nd.due, nd.report_year)
    due = custom_date(key)
    if due is None:
        raise ValueError(f"unknown schedule {key!r}")
    return Deadline(CUSTOM, due, None) if due >= today else None


def reminders_for(key: str, deadline: Deadline, tz: tzinfo, offsets=OFFSETS) -> list[Reminder]:
    """Every reminder of one deadline, earliest first."""
    out = []
    for days in sorted(set(offsets), reverse=True):
        day = deadline.due - timedelta(days=days)
        out.append(Reminder(key, deadline, day, datetime.combine(day, SEND_AT, tzinfo=tz)))
    return out


def due_reminders(key: str, now: datetime, tz: tzinfo, offsets=OFFSETS) -> list[Reminder]:
    """The reminders of schedule `key` to send at instant `now`: their day is
    today (local) and their time has come."""
    local = now.astimezone(tz)
    deadline = deadline_for(key, local.date())
    if deadline is None:
        return []
    return [
        r
        for r in reminders_for(key, deadline, tz, offsets)
        if r.remind_on == local.date() and r.at <= local
    ]


def next_reminder(key: str, now: datetime, tz: tzinfo, offsets=OFFSETS) -> Reminder | None:
    """The first reminder of schedule `key` strictly after `now`."""
    local = now.astimezone(tz)
    day = local.date()
    for _ in range(3):  # this deadline, else the next one
        deadline = deadline_for(key, day)
        if deadline is None:
            return None
        for r in reminders_for(key, deadline, tz, offsets):
            if r.at > local:
                return r
        day = deadline.due + timedelta(days=1)
    return None
