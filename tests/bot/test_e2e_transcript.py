"""A short session as a user sees it (the README's transcript comes from here:
`.venv/bin/pytest tests/bot/test_e2e_transcript.py -s` prints it)."""

from __future__ import annotations

import pytest

from tests.bot.seeds import CLEAN, seed_bytes

pytestmark = pytest.mark.e2e

USER = 1300


def transcript(fake, chat_id) -> str:
    lines = []
    for m in fake.history(chat_id):
        who = "bot" if m["from"]["is_bot"] else "user"
        body = m.get("text") or f"[file {m['document']['file_name']}]"
        buttons = [
            b["text"]
            for row in (m.get("reply_markup") or {}).get("inline_keyboard", [])
            for b in row
        ]
        lines.append(f"{who}> " + body.replace("\n", "\n     "))
        if buttons:
            lines.append("     " + " ".join(f"[{b}]" for b in buttons))
    return "\n".join(lines)


async def test_a_short_session_reads_well(polling_bot):
    h, fake = polling_bot, polling_bot.fake
    await fake.send_command(USER, "/start")
    await h.text_reply(USER)
    name, data = seed_bytes("000", "txt")
    await fake.send_document(USER, name, data)
    result = await h.upload_result(USER)
    await fake.send_document(USER, "清河市生态环境局2024年报.txt", CLEAN.read_bytes())
    await h.upload_result(USER)
    await fake.send_message(USER, "清河市生态环境局2024年收到多少政府信息公开申请？")
    answer = await h.text_reply(USER)
    await fake.send_command(USER, "/deadline")
    await h.text_reply(USER)
    await fake.send_command(USER, "/remind department")
    await h.text_reply(USER)
    text = transcript(fake, USER)
    print("\n" + text)
    assert "东风区司法局" in result.summary and "[S9-" in text
    assert "43" in answer["text"]
    assert "Traceback" not in text
