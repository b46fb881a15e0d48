"""Which reminder is due when (pure logic)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from core.reminders.schedule import (
    Deadline,
    deadline_for,
    due_reminders,
    next_reminder,
    reminders_for,
    schedule_key,
)

SH = ZoneInfo("Asia/Shanghai")


def at(y, m, d, hh=9, mm=0, tz=SH):
    return datetime(y, m, d, hh, mm, tzinfo=tz)


def test_department_reminders_fall_30_14_7_3_1_days_before_31_january_at_nine():
    deadline = deadline_for("department", date(2024, 12, 1))
    assert deadline == Deadline("department", date(2025, 1, 31), 2024)
    days = [
        (r.remind_on.isoformat(), r.days_left, r.at.hour)
        for r in reminders_for("department", deadline, SH)
    ]
    assert days == [
        ("2025-01-01", 30, 9),
        ("2025-01-17", 14, 9),
        ("2025-01-24", 7, 9),
        ("2025-01-28", 3, 9),
        ("2025-01-30", 1, 9),
    ]


def test_government_schedule_is_due_31_march():
    assert deadline_for("government", date(2025, 2, 1)).due == date(2025, 3, 31)


def test_a_reminder_is_due_from_nine_until_the_end_of_its_day():
    assert due_reminders("department", at(2025, 1, 24, 8, 59), SH) == []
    [r] = due_reminders("department", at(2025, 1, 24, 9, 0), SH)
    assert (r.remind_on, r.days_left, r.deadline.key) == (
        date(2025, 1, 24),
        7,
        "department:2025-01-31",
    )
    assert len(due_reminders("department", at(2025, 1, 24, 23, 59), SH)) == 1
    assert due_reminders("department", at(2025, 1, 25, 9, 0), SH) == []


def test_due_reminders_use_the_schedule_time_zone_not_utc():
    utc = ZoneInfo("UTC")
    # 01:00 UTC is 09:00 in Shanghai
    assert len(due_reminders("department", datetime(2025, 1, 24, 1, 0, tzinfo=utc), SH)) == 1
    assert due_reminders("department", datetime(2025, 1, 24, 0, 59, tzinfo=utc), SH) == []


def test_next_reminder_moves_on_to_the_next_deadline_after_the_last_one():
    r = next_reminder("department", at(2025, 1, 30, 9, 0), SH)
    assert (r.remind_on, r.deadline.due) == (date(2026, 1, 1), date(2026, 1, 31))
    assert next_reminder("department", at(2025, 1, 24, 8, 0), SH).remind_on == date(2025, 1, 24)


def test_a_custom_date_reminds_before_it_and_never_after_it():
    key = schedule_key("2025-06-30")
    assert key == "custom:2025-06-30"
    assert next_reminder(key, at(2025, 6, 1), SH).remind_on == date(2025, 6, 16)
    [r] = due_reminders(key, at(2025, 6, 29, 10), SH)
    assert (r.days_left, r.deadline.report_year) == (1, None)
    assert next_reminder(key, at(2025, 6, 29, 10), SH) is None
    assert deadline_for(key, date(2025, 7, 1)) is None


def test_schedule_words_in_both_languages_are_understood():
    assert [
        schedule_key(w) for w in ("department", "部门", "GOV", "政府", "soon", "2025-13-01")
    ] == [
        "department",
        "department",
        "government",
        "government",
        None,
        None,
    ]
