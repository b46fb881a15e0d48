"""Commands over HTTP: the real bot against the fake Bot API server."""

from __future__ import annotations

import pytest

from bot.app import DESK_COMMANDS
from bot.handlers.commands import COMMANDS

MENU = [*COMMANDS, *(c for c in DESK_COMMANDS if c not in COMMANDS)]

pytestmark = pytest.mark.e2e

USER = 501


async def test_start_greets_in_the_users_language(harness):
    await harness.fake.send_command(USER, "/start", language_code="zh-hans")
    assert "年度报告助手" in (await harness.text_reply(USER))["text"]
    await harness.fake.send_command(USER + 1, "/start", language_code="en")
    assert "annual reports" in (await harness.text_reply(USER + 1))["text"]


async def test_command_menus_are_set_in_chinese_and_english(harness):
    menus = harness.fake.commands
    zh = menus[("default", "zh")]
    en = menus[("default", "en")]
    assert [c["command"] for c in zh] == MENU == [c["command"] for c in en]
    assert {"export", "roster", "missing"} <= set(MENU)
    assert zh[0]["description"] == "开始使用" and en[0]["description"] == "Start"
    assert menus[("default", "")] == zh  # the default language for everyone else


async def test_help_lists_formats_size_limit_and_example_questions(harness):
    await harness.fake.send_command(USER, "/help", language_code="en")
    text = (await harness.text_reply(USER))["text"]
    assert ".docx" in text and ".pdf" in text and ".md" in text and "20 MB" in text
    assert "how many applications did" in text


async def test_deadline_counts_days_from_the_bots_clock(harness):
    # the clock says 2025-01-10 10:00 in Shanghai
    await harness.fake.send_command(USER, "/deadline")
    text = (await harness.text_reply(USER))["text"]
    assert "2024年度报告须在 2025-01-31 前发布，还有 21 天" in text
    assert "2025-03-31" in text and "还有 80 天" in text


async def test_rules_lists_the_catalog_and_rule_shows_one_rule(polling_bot):
    fake = polling_bot.fake
    await fake.send_command(USER, "/rules", language_code="en")
    listing = (await polling_bot.text_reply(USER))["text"]
    first_code = listing.splitlines()[1].split(" · ")[0]
    await fake.send_command(USER, f"/rule {first_code.lower()}", language_code="en")
    text = (await polling_bot.text_reply(USER))["text"]
    assert text.startswith(first_code)
    assert "What it checks:" in text
    await fake.send_command(USER, "/rule NOPE", language_code="en")
    assert 'no rule "NOPE"' in (await polling_bot.text_reply(USER))["text"]


async def test_lang_button_switches_language_and_it_is_remembered_across_a_restart(polling_bot):
    fake = polling_bot.fake
    await fake.send_command(USER, "/lang")
    menu = await polling_bot.text_reply(USER)
    await fake.press_button(USER, menu, "l:en")
    assert "English" in (await polling_bot.text_reply(USER))["text"]
    await polling_bot.restart()
    await fake.send_command(USER, "/start", language_code="zh")  # Telegram still says zh
    assert "Hello!" in (await polling_bot.text_reply(USER))["text"]


async def test_lang_with_an_argument_switches_at_once(polling_bot):
    await polling_bot.fake.send_command(USER, "/lang en")
    assert (await polling_bot.text_reply(USER))[
        "text"
    ] == "OK, I will reply in English from now on."
    await polling_bot.fake.send_command(USER, "/deadline")
    assert "days left" in (await polling_bot.text_reply(USER))["text"]
