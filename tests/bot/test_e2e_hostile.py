"""The attacker's kit through the bot end to end, and a user sending
runaway files while another user's upload and question are answered."""

from __future__ import annotations

import asyncio
import re

import pytest

from core.messages import message
from tests.bot.seeds import seed_bytes
from tests.hostile.files import KIT, READ, pdf_ruled_table
from tests.hostile.test_hostile_files import LEAKS

pytestmark = pytest.mark.e2e

ATTACKER, OTHER = 2301, 2302


def _prefix(code: str) -> str:
    """The Chinese message of `code` up to its first slot."""
    return re.split(r"\{", message("unreadable." + code, "zh"))[0]


async def test_every_hostile_file_gets_its_clear_answer_and_the_bot_serves_on(polling_bot):
    h = polling_bot
    await h.restart(uploads_per_window=1000)
    for key in sorted(KIT):
        case = KIT[key]
        await h.fake.send_document(ATTACKER, case.name, case.data())
        if case.expect == "too_large":  # refused from its declared size, before download
            reply = (await h.text_reply(ATTACKER))["text"]
        else:
            reply = (await h.upload_result(ATTACKER, timeout=90)).summary
        if case.expect == READ:
            assert reply.startswith("检查完成："), (key, reply)
            assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]|<!DOCTYPE", reply), key
        else:
            assert reply.startswith(_prefix(case.expect)), (key, reply)
        assert not LEAKS.search(reply), (key, reply)
    name, data = seed_bytes("003", "txt")
    await h.fake.send_document(OTHER, name, data)
    assert "TT10" in (await h.upload_result(OTHER)).codes


async def test_a_user_sending_runaway_files_does_not_stall_another_users_upload_or_question(
    polling_bot,
):
    h = polling_bot
    # files that take many times the time limit to read (rows allowed, so
    # only the clock stops them); two workers, one kept for the others
    await h.restart(check_timeout=4.0, max_table_rows=100_000, workers=2, uploads_per_window=100)
    runaway = pdf_ruled_table(8000, per_page=2000)
    for n in range(4):
        await h.fake.send_document(ATTACKER, f"runaway-{n}.pdf", runaway + b"%" * n)
    for _ in range(300):  # until all four are downloaded and in the queue
        if sum(c["method"] == "getFile" for c in h.fake.calls) >= 4:
            break
        await asyncio.sleep(0.1)
    name, data = seed_bytes("003", "txt")
    await h.fake.send_document(OTHER, name, data)
    mine = await h.upload_result(OTHER, timeout=60)
    await h.fake.send_message(OTHER, "许昌市司法局2023年收到多少政府信息公开申请？")
    answer = await h.text_reply(OTHER, timeout=60)
    assert "TT10" in mine.codes
    assert "许昌市司法局" in answer["text"]

    def slow(c) -> bool:
        return (
            c["method"] == "editMessageText"
            and c["result"]["chat"]["id"] == ATTACKER
            and "秒仍未完成" in c["result"]["text"]
        )

    answered = next(
        i
        for i, c in enumerate(h.fake.calls)
        if c["method"] == "sendMessage" and c["result"] is answer
    )
    for _ in range(4):  # every runaway file is stopped and its sender told once
        await h.next_call(ATTACKER, slow, timeout=120)
    stopped = [i for i, c in enumerate(h.fake.calls) if slow(c)]
    assert len(stopped) == 4
    # the other user was answered while the runaway files were still being stopped
    assert answered < stopped[-1]
    assert answered < stopped[1]
