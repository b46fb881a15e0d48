"""Closed doors: a second chat that replays every button of the first
chat's messages, with every report id it can guess, learns nothing of the
first chat's private draft; an administrator cannot publish what does not
exist, what another chat keeps private, or an old version."""

from __future__ import annotations

import copy
import uuid

import pytest

from bot.i18n import t
from core.defect import CATEGORIES
from tests.bot.harness import ADMIN
from tests.bot.seeds import seed_bytes

pytestmark = pytest.mark.e2e

OWNER, STRANGER = 2101, 2102


async def forge(h, user_id: int, message: dict, data: str) -> dict:
    """A callback query with any `data` on `message`, as a modified client
    can send it; returns the bot's answer to it."""
    fake = h.fake
    user = fake.world.user(user_id, "攻击者", "zh")
    query = {
        "id": str(uuid.uuid4().int >> 64),
        "from": user,
        "message": copy.deepcopy(message),
        "chat_instance": "forged",
        "data": data,
    }
    fake.world.callback_queries[query["id"]] = {"query": query, "answer": None}
    fake.updates.push("callback_query", query)
    call = await fake.wait_for(
        lambda c: (
            c["method"] == "answerCallbackQuery"
            and str(c["params"].get("callback_query_id")) == query["id"]
        )
    )
    return call["params"]


def buttons(messages: list[dict]) -> list[str]:
    return [
        b["callback_data"]
        for m in messages
        for row in (m.get("reply_markup") or {}).get("inline_keyboard", [])
        for b in row
        if "callback_data" in b
    ]


async def test_a_second_chat_replaying_every_button_with_every_guessable_id_sees_nothing(
    polling_bot,
):
    h = polling_bot
    name, data = seed_bytes("003", "txt")
    await h.fake.send_document(OWNER, name, data)
    result = await h.upload_result(OWNER)
    assert "TT10" in result.codes
    own = buttons(h.fake.sent(OWNER))
    report_id = int(next(b for b in own if b.startswith("c:")).split(":")[1])
    guesses = set(own)
    for rid in [*range(0, report_id + 3), 999_999, 2**63, -1]:
        guesses |= {f"c:{rid}:{c}" for c in CATEGORIES}
        guesses |= {f"l:zh:{rid}", f"l:en:{rid}", f"p:{rid}"}
    guesses |= {"c:abc:structure", "c::", "p:", "l:xx:1", "c:1", "q:0", "q:99", "zz:1"}

    await h.fake.send_command(STRANGER, "/start")
    bait = await h.text_reply(STRANGER)
    for data_ in sorted(guesses):
        answer = await forge(h, STRANGER, bait, data_)
        if data_.startswith("p:"):
            assert answer.get("text") == t("publish.denied", "zh")
    seen = "\n".join(m.get("text", "") for m in h.fake.sent(STRANGER))
    for secret in ("TT10", "3585", "许昌市司法局", "第11行"):
        assert secret not in seen
    assert t("report.not_found", "zh") in seen
    # and the owner's own buttons still work for the owner
    await h.fake.press_button(OWNER, result.status_message, own[0])
    reply = await h.text_reply(OWNER)
    assert t("report.not_found", "zh") not in reply["text"]


async def test_an_unknown_and_a_foreign_id_get_the_same_not_found_answer(polling_bot):
    h = polling_bot
    name, data = seed_bytes("001", "txt")
    await h.fake.send_document(OWNER, name, data)
    result = await h.upload_result(OWNER)
    rid = int(next(b for b in buttons([result.status_message]) if b.startswith("c:")).split(":")[1])
    await h.fake.send_command(STRANGER, "/start")
    bait = await h.text_reply(STRANGER)
    replies = []
    for data_ in (f"c:{rid}:residue", "c:999999:residue"):
        await forge(h, STRANGER, bait, data_)
        replies.append((await h.text_reply(STRANGER))["text"])
    assert replies == [t("report.not_found", "zh")] * 2


async def test_an_admin_cannot_publish_a_missing_a_foreign_or_a_superseded_report(polling_bot):
    h = polling_bot
    name, data = seed_bytes("003", "txt")
    await h.fake.send_document(OWNER, name, data)
    foreign = await h.upload_result(OWNER)
    foreign_id = int(buttons([foreign.status_message])[0].split(":")[1])
    # the admin's own report, then a newer version of it
    await h.fake.send_document(ADMIN, name, data)
    old = await h.upload_result(ADMIN)
    old_id = next(b for b in buttons([old.status_message]) if b.startswith("p:"))
    await h.fake.send_document(ADMIN, name, data + "\n附：修订版。\n".encode())
    new = await h.upload_result(ADMIN)
    store = h.app.bot_data["services"].store
    answers = {}
    for data_ in ("p:999999", f"p:{foreign_id}", old_id):
        answers[data_] = (await forge(h, ADMIN, new.status_message, data_)).get("text")
    assert answers == {
        "p:999999": t("report.not_found", "zh"),
        f"p:{foreign_id}": t("report.not_found", "zh"),
        old_id: t("publish.superseded", "zh"),
    }
    assert not store.report_summary(foreign_id).published
    assert "已发布" not in "\n".join(m.get("text", "") for m in h.fake.sent(ADMIN))
    await h.fake.press_button(
        ADMIN,
        new.status_message,
        next(b for b in buttons([new.status_message]) if b.startswith("p:")),
    )
    done = await h.text_reply(ADMIN)
    assert done["text"] == t("publish.done", "zh", title=new.summary.split("《")[1].split("》")[0])
