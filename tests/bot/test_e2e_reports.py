"""/reports with its buttons (reopen, export, delete a draft, publish for
administrators), /export, and the reviewer's questions answered in chat —
a trend as a photo — end to end."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from core.check import check_report
from core.parse import parse_file
from core.render import summary_counts
from core.store.db import session
from core.store.models import DefectRecord, Fact, StoredFile
from core.store.models import Report as ReportRow
from tests.bot.harness import ADMIN
from tests.conftest import SEEDS

pytestmark = pytest.mark.e2e

QA = Path(__file__).parents[1] / "fixtures" / "qa"
CHAT = 5301


async def upload(h, chat, path: Path):
    await h.fake.send_document(chat, path.name, path.read_bytes())
    return await h.upload_result(chat)


def buttons(message) -> dict[str, str]:
    return {
        b["callback_data"]: b["text"]
        for row in message["reply_markup"]["inline_keyboard"]
        for b in row
    }


async def reports_message(h, chat):
    await h.fake.send_command(chat, "/reports")
    return await h.text_reply(chat)


def counts(store, report_id: int, sha: str) -> tuple[int, int, int, int]:
    with session(store.engine) as s:
        return (
            s.execute(select(func.count()).where(ReportRow.id == report_id)).scalar(),
            s.execute(select(func.count()).where(Fact.report_id == report_id)).scalar(),
            s.execute(select(func.count()).where(DefectRecord.report_id == report_id)).scalar(),
            s.execute(select(func.count()).where(StoredFile.sha256 == sha)).scalar(),
        )


async def test_reports_buttons_reopen_export_and_delete_a_draft(polling_bot):
    h, fake = polling_bot, polling_bot.fake
    await upload(h, CHAT, SEEDS["000"])
    await upload(h, CHAT, SEEDS["003"])
    listing = await reports_message(h, CHAT)
    assert "共 2 份" in listing["text"] and "许昌市司法局2023年" in listing["text"]
    offered = buttons(listing)
    opens = [d for d in offered if d.startswith("ro:")]
    assert len(opens) == 2 and not any(d.startswith("p:") for d in offered)  # not an admin
    store = h.app.bot_data["services"].store
    xuchang = next(r for r in store.reports_for_chat(CHAT) if r.agency == "许昌市司法局")

    await fake.press_button(CHAT, listing, f"ro:{xuchang.id}")
    reopened = await h.text_reply(CHAT)
    assert reopened["text"].startswith("检查完成：《许昌市司法局2023年")
    # the counts the checker gives seed 003, whatever its rules' severities
    n = summary_counts(check_report(parse_file(SEEDS["003"])))
    assert f"错误 {n['error']} 项，警告 {n['warning']} 项，提示 {n['info']} 项" in reopened["text"]

    await fake.press_button(CHAT, listing, f"rx:{xuchang.id}")
    doc = await fake.wait_for(
        lambda c: c["method"] == "sendDocument" and c["result"]["chat"]["id"] == CHAT
    )
    ((_, data),) = doc["files"].values()
    rows = list(load_workbook(io.BytesIO(data))["汇总"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[2], r[3], r[11]) for r in rows] == [
        ("许昌市司法局", 2023, n["error"], xuchang.id)
    ]

    with session(store.engine) as s:
        sha = s.get(ReportRow, xuchang.id).sha256
    assert all(counts(store, xuchang.id, sha))  # stored: row, facts, defects, file
    await fake.press_button(CHAT, listing, f"rd:{xuchang.id}")
    confirm = (
        await fake.wait_for(
            lambda c: c["method"] == "sendMessage" and "确定删除草稿" in c["result"]["text"]
        )
    )["result"]
    assert "确定删除草稿《许昌市司法局2023年" in confirm["text"]
    await fake.press_button(CHAT, confirm, f"ry:{xuchang.id}")
    await fake.wait_for(
        lambda c: c["method"] == "editMessageText" and "已删除草稿" in c["result"]["text"]
    )
    assert counts(store, xuchang.id, sha) == (0, 0, 0, 0)  # row, facts, defects and file gone
    h.cursor[CHAT] = len(fake.calls)
    after = await reports_message(h, CHAT)
    assert "共 1 份" in after["text"] and "许昌" not in after["text"]
    await fake.send_command(CHAT, "/reports 2023 东风区")
    assert "东风区司法局" in (await h.text_reply(CHAT))["text"]
    await fake.send_command(CHAT, "/reports 2023 许昌市")
    assert "没有符合条件（2023 许昌市）的报告" in (await h.text_reply(CHAT))["text"]


async def test_a_forged_delete_button_for_another_chats_report_deletes_nothing(polling_bot):
    h, fake = polling_bot, polling_bot.fake
    await upload(h, CHAT + 1, SEEDS["001"])
    store = h.app.bot_data["services"].store
    (victim,) = store.reports_for_chat(CHAT + 1)
    msg = await fake.send_message(CHAT + 2, "hi")
    key = (CHAT + 2, msg["message"]["message_id"])
    fake.world.messages[key]["reply_markup"] = {
        "inline_keyboard": [[{"text": "x", "callback_data": f"ry:{victim.id}"}]]
    }
    await fake.press_button(CHAT + 2, msg["message"], f"ry:{victim.id}")
    await fake.wait_for(lambda c: c["method"] == "answerCallbackQuery")
    assert store.report_summary(victim.id) is not None


async def test_an_admin_is_offered_publish_for_a_draft(polling_bot):
    await upload(polling_bot, ADMIN, SEEDS["001"])
    listing = await reports_message(polling_bot, ADMIN)
    assert any(d.startswith("p:") for d in buttons(listing))


async def test_export_sends_the_workbook_of_what_the_chat_can_see(polling_bot):
    h, fake = polling_bot, polling_bot.fake
    for p in (SEEDS["000"], SEEDS["003"], SEEDS["002"]):
        await upload(h, CHAT + 3, p)
    await fake.send_command(CHAT + 3, "/export 2023")
    doc = await fake.wait_for(
        lambda c: c["method"] == "sendDocument" and c["result"]["chat"]["id"] == CHAT + 3
    )
    ((name, data),) = doc["files"].values()
    assert name.endswith(".xlsx")
    wb = load_workbook(io.BytesIO(data))
    units = sorted(r[1] for r in wb["汇总"].iter_rows(min_row=2, values_only=True))
    assert units == ["东风区司法局", "许昌市司法局"]  # 2023 only
    await fake.send_command(CHAT + 3, "/export 2023 许昌市")
    doc = await fake.wait_for(
        lambda c: c["method"] == "sendDocument" and c["result"]["chat"]["id"] == CHAT + 3
    )
    ((_, data),) = doc["files"].values()
    rows = list(load_workbook(io.BytesIO(data))["汇总"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == ["许昌市司法局"]


async def test_a_trend_question_gets_a_chart_as_a_photo(polling_bot):
    h, fake = polling_bot, polling_bot.fake
    for p in (QA / "dongfeng_2021.txt", QA / "dongfeng_2022.txt", SEEDS["000"]):
        await upload(h, CHAT + 4, p)
    await fake.send_message(CHAT + 4, "东风区司法局历年申请数量")
    photo = await fake.wait_for(
        lambda c: c["method"] == "sendPhoto" and c["result"]["chat"]["id"] == CHAT + 4
    )
    ((_, png),) = photo["files"].values()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert photo["result"]["photo"][0]["width"] == 1000
    assert "东风区司法局2022年" in photo["result"]["caption"]
    text = (await h.text_reply(CHAT + 4))["text"]
    assert "· 2021年：3" in text and "· 2022年：5" in text and "· 2023年：0" in text
    await fake.send_message(CHAT + 4, "东风区司法局 2022年和2023年对比")
    text = (await h.text_reply(CHAT + 4))["text"]
    assert "· 一、本年新收政府信息公开申请数量 / 总计：5 → 0（-5）" in text


async def test_who_has_not_filed_asked_in_words(polling_bot):
    h, fake = polling_bot, polling_bot.fake
    await fake.send_command(CHAT + 5, "/roster add 东风区司法局")
    await h.text_reply(CHAT + 5)
    await fake.send_message(CHAT + 5, "2024年哪些单位还没有提交年报")
    text = (await h.text_reply(CHAT + 5))["text"]
    assert "2024年度报告：名单共 1 个单位，已提交 0 个，未提交 1 个" in text
    await fake.send_message(CHAT + 5, "who has not filed for 2024", language_code="en")
    text = (await h.text_reply(CHAT + 5))["text"]
    assert "1 not filed" in text or "未提交 1 个" in text
