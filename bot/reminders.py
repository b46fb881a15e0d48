"""Deadline reminders: JobQueue jobs rebuilt from the database.

Subscriptions live in the database; each has one JobQueue job named
`reminder:{chat_id}:{schedule}` for its next reminder, so scheduling again
(at start-up, or after /remind) replaces the job.  Before sending, a process
claims the reminder in the database (unique per chat, deadline and date), so
a reminder goes out once across restarts and across bot processes.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from telegram.ext import Application, ContextTypes

from bot.context import now, services
from bot.handlers.roster import reminder_missing
from bot.i18n import t
from core.reminders.schedule import CUSTOM, Reminder, due_reminders, next_reminder

logger = logging.getLogger(__name__)


def job_name(chat_id: int, schedule_key: str) -> str:
    return f"reminder:{chat_id}:{schedule_key}"


def schedule_subscription(
    app: Application, chat_id: int, schedule_key: str, at: datetime
) -> Reminder | None:
    """(Re)schedule the job of one subscription for its first reminder after `at`."""
    name = job_name(chat_id, schedule_key)
    for job in app.job_queue.get_jobs_by_name(name):
        job.schedule_removal()
    tz = services(app).settings.tz
    upcoming = next_reminder(schedule_key, at, tz)
    if upcoming is None:
        return None
    delay = max(0.0, (upcoming.at - now(app)).total_seconds())
    app.job_queue.run_once(
        reminder_job,
        when=delay,
        name=name,
        chat_id=chat_id,
        data={"chat_id": chat_id, "schedule": schedule_key, "at": upcoming.at},
    )
    return upcoming


def unschedule_chat(app: Application, chat_id: int) -> None:
    prefix = job_name(chat_id, "")
    for job in app.job_queue.jobs():
        if job.name and job.name.startswith(prefix):
            job.schedule_removal()


async def reschedule_all(app: Application) -> int:
    """Schedule a job for every subscription in the database; the count."""
    subs = await asyncio.to_thread(services(app).reminders.subscriptions)
    at = now(app)
    for chat_id, key in subs:
        schedule_subscription(app, chat_id, key, at)
    return len(subs)


async def reminder_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the reminder this job stands for, then schedule the next one."""
    data = context.job.data
    # The job stands for its instant: if the clock lags behind (a test
    # clock, or the scheduler firing a little early) use the instant.
    at = max(now(context), data["at"])
    await send_due(context.application, at, chat_id=data["chat_id"], schedule=data["schedule"])
    schedule_subscription(
        context.application, data["chat_id"], data["schedule"], at + timedelta(seconds=1)
    )


async def send_due(
    app: Application, at: datetime, *, chat_id: int | None = None, schedule: str | None = None
) -> list[tuple[int, Reminder]]:
    """Send every reminder due at instant `at` that no process has sent yet;
    the (chat_id, reminder) pairs this call sent."""
    svc = services(app)
    subs = await asyncio.to_thread(svc.reminders.subscriptions, chat_id)
    sent = []
    for chat, key in subs:
        if schedule is not None and key != schedule:
            continue
        for reminder in due_reminders(key, at, svc.settings.tz):
            deadline = reminder.deadline
            claimed = await asyncio.to_thread(
                svc.reminders.claim, chat, deadline.key, reminder.remind_on
            )
            if not claimed:
                continue
            try:
                text = await reminder_text(app, chat, reminder)
                await app.bot.send_message(chat, text)
            except Exception:
                logger.exception("reminder %s for chat %s not sent", deadline.key, chat)
                await asyncio.to_thread(
                    svc.reminders.release, chat, deadline.key, reminder.remind_on
                )
                continue
            sent.append((chat, reminder))
    return sent


async def reminder_text(app: Application, chat_id: int, reminder: Reminder) -> str:
    """Name the deadline and the days left, and say whether this chat's
    report of that year is stored and how many errors it still has."""
    svc = services(app)
    lang = await asyncio.to_thread(svc.reminders.get_lang, chat_id) or svc.settings.default_lang
    deadline = reminder.deadline
    due = deadline.due.isoformat()
    if deadline.kind == CUSTOM:
        lines = [t("reminder.custom_text", lang, due=due, days=reminder.days_left)]
        year = deadline.due.year - 1
    else:
        year = deadline.report_year
        schedule = t(f"schedule.{deadline.kind}", lang)
        lines = [
            t("reminder.text", lang, schedule=schedule, year=year, due=due, days=reminder.days_left)
        ]
    status = await asyncio.to_thread(report_status, svc.store, chat_id, year, lang)
    if status:
        lines.append(status)
    kind = None if deadline.kind == CUSTOM else deadline.kind
    lines += await asyncio.to_thread(
        reminder_missing, svc.store, chat_id, year, kind, reminder.remind_on, lang
    )
    return "\n".join(lines)


def report_status(store: Any, chat_id: int, year: int, lang: str) -> str | None:
    """Whether the chat's report of `year` is stored, and its errors; None
    when the chat has stored no report at all."""
    if not store.reports_for_chat(chat_id):
        return None
    latest = store.latest_report_for_chat(chat_id, year)
    if latest is None:
        return t("reminder.report_missing", lang, year=year)
    key = "reminder.report_present" if latest.errors else "reminder.report_clean"
    return t(key, lang, year=year, title=latest.title or "", errors=latest.errors)
