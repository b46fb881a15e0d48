"""The slots of the examples in /help, /rule and /remind, filled in on the
day they are shown, so that each works as written: a reminder date in the
future, a rule code that exists, the upload limits in force."""

from __future__ import annotations

from datetime import timedelta

from bot.context import now, services
from core.desk_text import desk_data


def example_slots(context) -> dict[str, object]:
    svc = services(context)
    today = now(context).astimezone(svc.settings.tz).date()
    cfg = desk_data()["examples"]
    return {
        "rule": cfg["rule"],
        "example_date": (today + timedelta(days=cfg["custom_reminder_days"])).isoformat(),
        "report_year": today.year - 1,
        "limit": svc.limiter.limit,
        "window": int(svc.limiter.window),
    }
