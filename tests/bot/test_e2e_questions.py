"""Questions over HTTP: the right number, private drafts, a choice of agency,
and the reminder that knows the chat's report."""

from __future__ import annotations

import pytest

from tests.bot.harness import ADMIN
from tests.bot.seeds import CLEAN

pytestmark = pytest.mark.e2e

QUESTION = "清河市生态环境局2024年收到多少政府信息公开申请？"


def clean(agency: str = "清河市生态环境局") -> bytes:
    return CLEAN.read_text(encoding="utf-8").replace("清河市生态环境局", agency).encode("utf-8")


async def upload(h, chat_id, name, data, **kw):
    await h.fake.send_document(chat_id, name, data, **kw)
    return await h.upload_result(chat_id)


async def test_a_question_about_an_uploaded_report_gets_the_right_number(harness):
    await upload(harness, 1101, "qinghe.txt", clean())
    await harness.fake.send_message(1101, QUESTION)
    answer = (await harness.text_reply(1101))["text"]
    assert "43" in answer
    await harness.fake.send_message(
        1101, "how many applications did 清河市生态环境局 receive in 2024", language_code="en"
    )
    assert "43" in (await harness.text_reply(1101))["text"]


async def test_another_chat_never_sees_a_draft_until_an_admin_publishes_it(polling_bot):
    h = polling_bot
    result = await upload(h, ADMIN, "qinghe.txt", clean())
    await h.fake.send_message(1102, QUESTION)
    assert "43" not in (await h.text_reply(1102))["text"]
    publish = next(
        b["callback_data"]
        for row in result.status_message["reply_markup"]["inline_keyboard"]
        for b in row
        if b["callback_data"].startswith("p:")
    )
    await h.fake.press_button(ADMIN, result.status_message, publish)
    assert "已发布到共享库" in (await h.text_reply(ADMIN))["text"]
    await h.fake.send_message(1102, QUESTION)
    assert "43" in (await h.text_reply(1102))["text"]


async def test_a_non_admin_pressing_publish_is_refused(polling_bot):
    h = polling_bot
    result = await upload(h, ADMIN, "qinghe.txt", clean())
    publish = next(
        b["callback_data"]
        for row in result.status_message["reply_markup"]["inline_keyboard"]
        for b in row
        if b["callback_data"].startswith("p:")
    )
    # the admin forwards the message to a group where a non-admin presses the button
    press = await h.fake.press_button(1103, result.status_message, publish)
    call = await h.fake.wait_for(lambda c: c["method"] == "answerCallbackQuery")
    assert call["params"]["text"] == "只有管理员可以发布报告。"
    assert press["callback_query"]["from"]["id"] == 1103
    await h.fake.send_message(1104, QUESTION)
    assert "43" not in (await h.text_reply(1104))["text"]


async def test_an_ambiguous_agency_gets_a_keyboard_to_choose_from(polling_bot):
    h = polling_bot
    await upload(h, 1105, "a.txt", clean("清河市生态环境局"))
    await upload(h, 1105, "b.txt", clean("清河县生态环境局"))
    await h.fake.send_message(1105, "清河生态环境局2024年收到多少政府信息公开申请？")
    menu = await h.text_reply(1105)
    offered = [b["text"] for row in menu["reply_markup"]["inline_keyboard"] for b in row]
    assert set(offered) == {"清河市生态环境局", "清河县生态环境局"}
    pick = next(
        b["callback_data"]
        for row in menu["reply_markup"]["inline_keyboard"]
        for b in row
        if b["text"] == "清河县生态环境局"
    )
    await h.fake.press_button(1105, menu, pick)
    answer = (await h.text_reply(1105))["text"]
    assert "清河县生态环境局" in answer and "43" in answer


async def test_a_reminder_says_whether_this_years_report_is_stored_and_its_errors(polling_bot):
    h = polling_bot
    await h.fake.send_command(1106, "/remind department")
    await h.text_reply(1106)
    result = await upload(h, 1106, "qinghe.txt", clean())
    errors = result.counts[0]
    [job] = h.app.job_queue.get_jobs_by_name("reminder:1106:department")
    # the 2024 reports are due 2025-01-31; the next reminder is on 2025-01-17
    h.clock.now = job.data["at"]
    await job.run(h.app)
    text = (await h.text_reply(1106))["text"]
    assert "2024 年度报告《清河市生态环境局2024年政府信息公开工作年度报告》" in text
    assert (f"仍有 {errors} 个错误" if errors else "未发现错误") in text


def buttons(message) -> list[dict]:
    return [
        b for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row
    ]


async def edited(h, chat_id) -> dict:
    call = await h.next_call(
        chat_id,
        lambda c: c["method"] == "editMessageText" and c["result"]["chat"]["id"] == chat_id,
    )
    return call["result"]


async def test_a_figure_choice_keyboard_answers_the_question_with_the_figure_chosen(polling_bot):
    h = polling_bot
    await upload(h, 1111, "qinghe.txt", clean())
    await h.fake.send_message(1111, "清河市生态环境局2024年收费多少")
    menu = await h.text_reply(1111)
    offered = [b["text"] for b in buttons(menu)]
    assert offered == ["行政事业性收费", "收取信息处理费（正文所述）"]
    await h.fake.press_button(1111, menu, buttons(menu)[0]["callback_data"])
    answer = (await h.text_reply(1111))["text"]
    assert answer.startswith("清河市生态环境局2024年行政事业性收费：12.5万元。")


async def test_a_follow_up_reuses_the_chats_last_question(polling_bot):
    h = polling_bot
    await upload(h, 1112, "a.txt", clean("清河市生态环境局"))
    await upload(h, 1112, "b.txt", clean("清河县生态环境局"))
    await h.fake.send_message(1112, "清河市生态环境局2024年行政复议多少件")
    first = (await h.text_reply(1112))["text"]
    assert first.startswith("清河市生态环境局2024年行政复议（总计）：4件。")
    await h.fake.send_message(1112, "那清河县生态环境局呢？")
    assert (await h.text_reply(1112))["text"].startswith(
        "清河县生态环境局2024年行政复议（总计）：4件。"
    )
    await h.fake.send_message(1112, "那2023年呢？")
    assert (await h.text_reply(1112))["text"].startswith(
        "没有找到清河县生态环境局2023年的报告。已存的年份：2024。"
    )
    await h.fake.send_message(1112, "and for 清河市生态环境局?", language_code="en")
    reply = (await h.text_reply(1112))["text"]
    assert reply.startswith("There is no stored 2023 report of 清河市生态环境局.")


async def test_two_agencies_are_compared_not_offered_as_a_choice(polling_bot):
    h = polling_bot
    await upload(h, 1113, "a.txt", clean("清河市生态环境局"))
    await upload(h, 1113, "b.txt", clean("清河县生态环境局"))
    await h.fake.send_message(1113, "清河市生态环境局和清河县生态环境局2024年哪个收到的申请多？")
    reply = await h.text_reply(1113)
    assert reply["text"].startswith(
        "2024年本年新收政府信息公开申请数量（总计）：清河市生态环境局43件；清河县生态环境局43件。两者相同。"
    )
    assert not any(b["callback_data"].startswith("q:") for b in buttons(reply))


async def test_an_english_question_in_a_chinese_chat_is_answered_in_english(polling_bot):
    h = polling_bot
    await upload(h, 1114, "qinghe.txt", clean())
    await h.fake.send_message(
        1114, "How many applications did 清河市生态环境局 receive in 2024?", language_code="zh"
    )
    reply = await h.text_reply(1114)
    assert reply["text"].startswith(
        "清河市生态环境局, 2024: new requests received this year (total): 43."
    )
    [switch] = buttons(reply)
    assert switch["text"] == "中文"
    # the language button changes this answer only
    await h.fake.press_button(1114, reply, switch["callback_data"])
    changed = await edited(h, 1114)
    assert changed["message_id"] == reply["message_id"]
    assert changed["text"].startswith(
        "清河市生态环境局2024年本年新收政府信息公开申请数量（总计）：43件。"
    )
    assert [b["text"] for b in buttons(changed)] == ["English"]
    await h.fake.send_command(1114, "/help")
    assert "English" not in (await h.text_reply(1114))["text"].splitlines()[0]


async def test_an_answers_language_button_after_a_restart_says_it_has_expired(polling_bot):
    h = polling_bot
    await upload(h, 1115, "qinghe.txt", clean())
    await h.fake.send_message(1115, QUESTION)
    reply = await h.text_reply(1115)
    [switch] = buttons(reply)
    await h.restart()
    await h.fake.press_button(1115, reply, switch["callback_data"])
    assert (await h.text_reply(1115))["text"] == "这个选项已过期，请重新提问。"
