"""Deadline reminders over HTTP: the test moves the bot's clock and fires the
scheduled job itself; nothing sleeps."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest

from bot import reminders
from bot.app import build_application
from tests.bot.harness import SHANGHAI, Harness
from tests.support.postgres import shared_cluster

pytestmark = pytest.mark.e2e

USER = 601


def shanghai(*args):
    return datetime(*args, tzinfo=SHANGHAI)


def job_of(app, chat_id, schedule="department"):
    [job] = app.job_queue.get_jobs_by_name(reminders.job_name(chat_id, schedule))
    return job


def reminders_sent(fake, chat_id):
    return [
        c["result"]["text"]
        for c in fake.calls
        if c["method"] == "sendMessage"
        and c["result"]["chat"]["id"] == chat_id
        and "⏰" in c["result"]["text"]
    ]


async def subscribe(h, chat_id, arg="department", lang="zh"):
    await h.fake.send_command(chat_id, f"/remind {arg}", language_code=lang)
    return (await h.text_reply(chat_id))["text"]


async def fire(h, chat_id, schedule="department"):
    """Move the clock to the job's instant and run the job, as JobQueue would."""
    job = job_of(h.app, chat_id, schedule)
    h.clock.now = job.data["at"]
    await job.run(h.app)


async def test_a_subscription_schedules_a_job_that_sends_the_reminder_at_nine(harness):
    text = await subscribe(harness, USER)  # clock: 2025-01-10 10:00
    assert "下一次提醒：2025-01-17 09:00" in text
    await fire(harness, USER)
    reminder = (await harness.text_reply(USER))["text"]
    assert "2024年度" in reminder and "2025-01-31" in reminder and "还剩 14 天" in reminder
    # the job has moved on to the next reminder of the schedule
    assert job_of(harness.app, USER).data["at"] == shanghai(2025, 1, 24, 9, 0)


async def test_a_reminder_names_the_deadline_in_the_chats_language(polling_bot):
    await polling_bot.fake.send_command(USER, "/lang")
    menu = await polling_bot.text_reply(USER)
    await polling_bot.fake.press_button(USER, menu, "l:en")
    await polling_bot.text_reply(USER)
    await subscribe(polling_bot, USER, "government", lang="en")
    await fire(polling_bot, USER, "government")
    text = (await polling_bot.text_reply(USER))["text"]
    assert text == (
        "⏰ Reminder: Local governments (31 March) — the 2024 government information-disclosure "
        "annual report is due by 2025-03-31, 30 days left."
    )


async def test_a_restart_reschedules_from_the_database_and_does_not_resend(polling_bot):
    h = polling_bot
    await subscribe(h, USER)
    await fire(h, USER)  # 2025-01-17 09:00: the 14-day reminder
    await h.text_reply(USER)
    h.clock.now = shanghai(2025, 1, 17, 9, 30)
    await h.restart()  # post_init has re-scheduled and sent what was due
    assert len(reminders_sent(h.fake, USER)) == 1
    assert job_of(h.app, USER).data["at"] == shanghai(2025, 1, 24, 9, 0)
    assert await reminders.send_due(h.app, h.clock.now) == []


async def test_a_reminder_missed_while_the_bot_was_down_goes_out_at_start_up(polling_bot):
    h = polling_bot
    await subscribe(h, USER)
    await h.stop()
    h.clock.now = shanghai(2025, 1, 24, 11, 0)  # down at 09:00, up at 11:00
    await h.start()
    assert "还剩 7 天" in (await h.text_reply(USER))["text"]
    h.clock.now = shanghai(2025, 1, 24, 15, 0)
    await h.restart()
    assert len(reminders_sent(h.fake, USER)) == 1


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def shared_db_bot(request, fake, tmp_path, clock):
    """The bot on SQLite, or on a throwaway PostgreSQL database."""
    if request.param == "sqlite":
        db = tmp_path / "bot.sqlite3"
    else:
        cluster = shared_cluster()
        if cluster is None:
            pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
        db = cluster.new_database()
    h = Harness(fake, db, clock)
    await h.start()
    yield h
    await h.stop()


async def test_two_bot_processes_on_one_database_send_a_reminder_once(shared_db_bot):
    h = shared_db_bot
    for chat in range(USER, USER + 5):
        await subscribe(h, chat)
    other = build_application(h.settings(), clock=h.clock)
    await other.initialize()
    try:
        instant = shanghai(2025, 1, 28, 9, 0)
        sent_a, sent_b = await asyncio.gather(
            reminders.send_due(h.app, instant), reminders.send_due(other, instant)
        )
    finally:
        await other.shutdown()
        other.bot_data["services"].store.close()
    assert sorted(c for c, _ in sent_a + sent_b) == list(range(USER, USER + 5))
    for chat in range(USER, USER + 5):
        assert "还剩 3 天" in (await h.text_reply(chat))["text"]
        assert len(reminders_sent(h.fake, chat)) == 1


async def test_remind_off_cancels_the_subscription_and_its_job(polling_bot):
    h = polling_bot
    await subscribe(h, USER)
    await subscribe(h, USER, "2025-02-20")
    await h.fake.send_command(USER, "/remind off")
    assert "2 项" in (await h.text_reply(USER))["text"]
    assert [j for j in h.app.job_queue.jobs() if j.name.startswith(f"reminder:{USER}:")] == []
    assert await reminders.send_due(h.app, shanghai(2025, 1, 17, 9, 0)) == []


async def test_a_custom_date_in_the_past_is_refused(polling_bot):
    assert "已经过去" in await subscribe(polling_bot, USER, "2024-12-01")
    assert "看不懂" in await subscribe(polling_bot, USER, "next-week")
