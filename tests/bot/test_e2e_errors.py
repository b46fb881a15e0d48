"""One error handler: the user gets one polite sentence, never a traceback,
and the bot goes on serving."""

from __future__ import annotations

import logging

import pytest

from bot.i18n import t
from tests.bot.seeds import seed_bytes

pytestmark = pytest.mark.e2e


async def test_a_crashing_handler_gets_one_polite_sentence_and_a_logged_traceback(
    polling_bot, caplog, monkeypatch
):
    import bot.handlers.questions as questions

    def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(questions, "ask", broken)
    with caplog.at_level(logging.ERROR, logger="bot.handlers.errors"):
        await polling_bot.fake.send_message(1201, "东风区司法局2023年收到多少申请")
        reply = (await polling_bot.text_reply(1201))["text"]
    assert reply == t("error.generic", "zh")
    assert "database on fire" not in reply
    assert any(r.exc_info and "database on fire" in str(r.exc_info[1]) for r in caplog.records)
    await polling_bot.fake.send_command(1201, "/start")
    assert "年度报告助手" in (await polling_bot.text_reply(1201))["text"]


async def test_a_telegram_error_while_replying_does_not_stop_the_bot(polling_bot):
    fake = polling_bot.fake
    fake.fail_next("sendMessage", 400, "Bad Request: chat not found")
    await fake.send_command(1202, "/help", language_code="en")
    apology = (await polling_bot.text_reply(1202))["text"]
    assert apology == t("error.generic", "en")
    await fake.send_command(1202, "/check", language_code="en")
    assert "Send the report as a file" in (await polling_bot.text_reply(1202))["text"]


async def test_a_failed_download_is_reported_in_the_status_message(polling_bot):
    fake = polling_bot.fake
    fake.fail_next(
        "getFile", 400, "Bad Request: wrong file_id or the file is temporarily unavailable"
    )
    name, data = seed_bytes("003", "txt")
    await fake.send_document(1203, name, data)
    result = await polling_bot.upload_result(1203)
    assert result.summary == t("upload.download_failed", "zh", name=name)
    await fake.send_document(1203, name, data)
    assert "TT10" in (await polling_bot.upload_result(1203)).codes


async def test_reports_lists_this_chats_reports_with_their_counts(polling_bot):
    fake = polling_bot.fake
    await fake.send_command(1204, "/reports")
    assert "还没有上传过报告" in (await polling_bot.text_reply(1204))["text"]
    name, data = seed_bytes("003", "txt")
    await fake.send_document(1204, name, data)
    result = await polling_bot.upload_result(1204)
    errors, warnings, info = result.counts
    await fake.send_command(1204, "/reports")
    text = (await polling_bot.text_reply(1204))["text"]
    assert f"（2023年）：错误 {errors}，警告 {warnings}，提示 {info}" in text
    await fake.send_command(1205, "/reports")
    assert "还没有上传过报告" in (await polling_bot.text_reply(1205))["text"]


async def test_a_check_that_runs_over_the_time_limit_is_stopped_with_one_message(polling_bot):
    from core.unreadable import unreadable_text
    from tests.hostile.files import pdf_ruled_table

    h = polling_bot
    await h.restart(check_timeout=1.0)
    # a ruled table of 1,500 rows: within the row limit, seconds to read
    await h.fake.send_document(1206, "slow.pdf", pdf_ruled_table(1500))
    result = await h.upload_result(1206)
    assert result.summary == unreadable_text("too_slow", "zh", {"seconds": "1"})
    await h.fake.send_command(1206, "/start")
    assert "年度报告助手" in (await h.text_reply(1206))["text"]
    # told once: the status message edited, nothing else sent about it
    assert sum("秒仍未完成" in m.get("text", "") for m in h.fake.sent(1206)) == 1


async def test_a_file_getfile_finds_too_big_is_refused_as_too_large(polling_bot):
    fake = polling_bot.fake
    fake.fail_next("getFile", 400, "Bad Request: file is too big")
    name, data = seed_bytes("003", "txt")
    await fake.send_document(1207, name, data)
    result = await polling_bot.upload_result(1207)
    assert result.summary.startswith("文件太大")
