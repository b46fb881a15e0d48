"""The roster end to end: a reviewer uploads the list of units, asks who
has not filed before and after the reports arrive (one with its unit's name
abbreviated, one whose name matches no unit exactly and is confirmed with a
button, one that cannot be read), filters by region, and gets a reminder
that names the units still missing."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import Workbook

from bot import reminders
from tests.bot.harness import SHANGHAI
from tests.conftest import SEEDS
from tests.desk.corpus import CORPUS, zip_of

pytestmark = pytest.mark.e2e

CHAT = 4201
UNITS = [
    ("名称", "类型", "上级地区"),
    ("东风区司法局", "部门", "东风区"),
    ("河南省许昌市司法局", "部门", "许昌市"),  # the report says 许昌市司法局
    ("淮安市洪泽区人民政府", "政府", "淮安市"),  # the report says 洪泽区人民政府
    ("平潭综合实验区社会事业局", "部门", "平潭综合实验区"),
    ("正宁县司法局", "部门", "庆阳市正宁县"),  # only its 2022 report arrives
    ("江汉区教育局", "部门", "武汉市江汉区"),  # its upload cannot be read
    ("桥口区司法局", "部门", "武汉市"),  # 硚口区司法局 written differently: confirmed by hand
]


def roster_xlsx() -> bytes:
    wb = Workbook()
    ws = wb.active
    for row in UNITS:
        ws.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.fixture
def in_january_2024(clock):
    clock.now = datetime(2024, 1, 10, 10, 0, tzinfo=SHANGHAI)
    return clock


async def missing(h, arg):
    await h.fake.send_command(CHAT, f"/missing {arg}")
    return (await h.text_reply(CHAT, timeout=20))["text"]


async def test_who_has_not_filed_before_and_after_the_reports_arrive(in_january_2024, polling_bot):
    h, fake = polling_bot, polling_bot.fake
    await fake.send_document(CHAT, "名单.xlsx", roster_xlsx())
    edit = await fake.wait_for(
        lambda c: c["method"] == "editMessageText" and "名单已更新" in c["result"]["text"]
    )
    assert "新增 7 个单位" in edit["result"]["text"] and "/missing 2023" in edit["result"]["text"]
    h.cursor[CHAT] = len(fake.calls)

    before = await missing(h, "2023")
    assert "名单共 7 个单位，已提交 0 个，未提交 7 个" in before
    assert "· 东风区司法局（部门）：截止 2024-01-31，还有 21 天" in before
    assert "· 淮安市洪泽区人民政府（政府）：截止 2024-03-31，还有 81 天" in before

    reports = [
        (SEEDS["000"].name, SEEDS["000"].read_bytes()),  # 东风区司法局 2023
        (SEEDS["003"].name, SEEDS["003"].read_bytes()),  # 许昌市司法局 2023
        (SEEDS["002"].name, SEEDS["002"].read_bytes()),  # 正宁县司法局 2022
        (SEEDS["001"].name, SEEDS["001"].read_bytes()),  # 硚口区司法局 2024
        ("hongze-2023.pdf", (CORPUS / "hongze-2023.pdf").read_bytes()),
        ("pingtan-shehui-2023.html", (CORPUS / "pingtan-shehui-2023.html").read_bytes()),
        ("江汉区教育局2023年政府信息公开工作年度报告.docx", b"not a docx"),
    ]
    await fake.send_document(CHAT, "报送.zip", zip_of(reports))
    ask = await fake.wait_for(
        lambda c: c["method"] == "sendMessage" and "它属于哪个单位" in c["result"]["text"],
        timeout=60,
    )
    assert "硚口区司法局" in ask["result"]["text"]
    buttons = [b for row in ask["result"]["reply_markup"]["inline_keyboard"] for b in row]
    assert [b["text"] for b in buttons] == ["桥口区司法局", "都不是"]
    # only the unsure one is asked about: 许昌市司法局 and 洪泽区人民政府 are sure
    asked = [
        c
        for c in fake.calls
        if c["method"] == "sendMessage" and "它属于哪个单位" in c["result"]["text"]
    ]
    assert len(asked) == 1
    await fake.press_button(CHAT, ask["result"], buttons[0]["callback_data"])
    done = await fake.wait_for(
        lambda c: c["method"] == "editMessageText" and "已确认" in c["result"]["text"]
    )
    assert "属于“桥口区司法局”" in done["result"]["text"]
    h.cursor[CHAT] = len(fake.calls)

    after = await missing(h, "2023")
    assert "名单共 7 个单位，已提交 4 个，未提交 2 个，报告无法读取 1 个" in after
    not_filed = after.split("未提交（2）：")[1].split("\n\n")[0]
    assert "正宁县司法局" in not_filed and "桥口区司法局" in not_filed
    assert "许昌市司法局" not in not_filed and "洪泽区人民政府" not in not_filed
    assert (
        "· 江汉区教育局：《江汉区教育局2023年政府信息公开工作年度报告.docx》这份 Word 文件已损坏"
        in after
    )

    year_2024 = await missing(h, "2024")
    assert "已提交 1 个" in year_2024  # 硚口区司法局's 2024 report, confirmed by hand
    assert "桥口区司法局" not in year_2024.split("未提交")[1].split("\n\n")[0]

    region = await missing(h, "2023 江汉区")
    assert "2023年度报告（江汉区）：名单共 1 个单位" in region
    assert "正宁县司法局" not in region

    await fake.send_command(CHAT, "/remind department")
    await h.text_reply(CHAT)
    [job] = h.app.job_queue.get_jobs_by_name(reminders.job_name(CHAT, "department"))
    h.clock.now = job.data["at"]
    await job.run(h.app)
    reminder = await fake.wait_for(
        lambda c: c["method"] == "sendMessage" and "⏰" in c["result"]["text"]
    )
    body = reminder["result"]["text"]
    assert "名单中还有 3 个单位没有提交 2023 年度报告：" in body
    listed = body.split("年度报告：")[-1]
    for unit in ("正宁县司法局", "桥口区司法局", "江汉区教育局"):
        assert f"· {unit}" in listed
    assert "淮安市洪泽区人民政府" not in listed  # filed, and not a department anyway


async def test_roster_add_remove_and_show(polling_bot):
    h, fake = polling_bot, polling_bot.fake
    await fake.send_command(CHAT, "/roster add 武汉市江岸区司法局，部门，江岸区")
    assert "新增 1 个单位" in (await h.text_reply(CHAT))["text"]
    await fake.send_command(CHAT, "/roster add 江岸区人民政府")
    assert "现共 2 个" in (await h.text_reply(CHAT))["text"]
    await fake.send_command(CHAT, "/roster")
    shown = (await h.text_reply(CHAT))["text"]
    assert "· 武汉市江岸区司法局（部门，江岸区）" in shown
    assert "· 江岸区人民政府（政府）" in shown  # the kind guessed from the name
    await fake.send_command(CHAT, "/roster remove 江岸区人民政府")
    assert "已从名单中删除" in (await h.text_reply(CHAT))["text"]
    await fake.send_command(CHAT, "/missing 2024")
    text = (await h.text_reply(CHAT))["text"]
    assert "名单共 1 个单位" in text and "截止 2025-01-31，还有 21 天" in text


async def test_missing_without_a_roster_says_how_to_make_one(polling_bot):
    await polling_bot.fake.send_command(CHAT + 1, "/missing")
    text = (await polling_bot.text_reply(CHAT + 1))["text"]
    assert "还没有单位名单" in text and "/roster add" in text


async def test_a_forged_confirmation_button_changes_nothing(polling_bot):
    h, fake = polling_bot, polling_bot.fake
    await fake.send_command(CHAT + 2, "/roster add 桥口区司法局")
    await h.text_reply(CHAT + 2)
    msg = await fake.send_message(CHAT + 2, "hello")
    # a button the bot never sent, naming another chat's report and unit
    fake.world.messages[(CHAT + 2, msg["message"]["message_id"])]["reply_markup"] = {
        "inline_keyboard": [[{"text": "x", "callback_data": "mc:1:1"}]]
    }
    await fake.press_button(CHAT + 2, msg["message"], "mc:1:1")
    query_id = next(q for q in fake.world.callback_queries)
    await fake.wait_for(lambda c: c["method"] == "answerCallbackQuery")
    assert "已不存在" in fake.callback_answer(query_id)["text"]
