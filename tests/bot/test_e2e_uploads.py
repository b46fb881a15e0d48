"""Uploads over HTTP: each seed as .txt and .docx gets its defects; refusals
happen before any download; a bad file never stops the bot."""

from __future__ import annotations

import asyncio
import io
import zipfile

import pytest

from core.messages import message
from tests.bot.harness import ADMIN
from tests.bot.seeds import CLEAN, checker_codes, seed_bytes

pytestmark = pytest.mark.e2e

# Rule codes each seed must show (format-spec §6), whatever the file format.
KEY_DEFECTS = {
    "000": {"S2", "S9"},
    "001": {"S9"},
    "002": {"S1", "C1", "S7"},
    "003": {"TT10"},
    "004": {"S1", "C1"},
}
AGENCY = {
    "000": "东风区司法局",
    "001": "硚口区司法局",
    "002": "正宁县司法局",
    "003": "许昌市司法局",
    "004": "区司法局",
}


def families(codes):
    """Rule codes and their families: S9-BOOKMARK counts as S9."""
    return set(codes) | {c.split("-")[0] for c in codes}


def got_file(fake, chat_id):
    return [c for c in fake.calls if c["method"] == "getFile"]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
@pytest.mark.parametrize("seed", sorted(KEY_DEFECTS))
async def test_each_seed_upload_gets_its_key_defects(polling_bot, seed, fmt):
    user = 700 + int(seed)
    name, data = seed_bytes(seed, fmt)
    await polling_bot.fake.send_document(user, name, data)
    result = await polling_bot.upload_result(user)
    assert KEY_DEFECTS[seed] <= families(result.codes)
    assert sorted(result.codes) == checker_codes(name, data)
    assert AGENCY[seed] in result.summary
    assert sum(result.counts) == len(result.codes)


@pytest.mark.parametrize("seed", ["002", "003", "004"])
async def test_a_seed_uploaded_as_pdf_gets_its_key_defects(polling_bot, seed):
    user = 750 + int(seed)
    name, data = seed_bytes(seed, "pdf")
    await polling_bot.fake.send_document(user, name, data, mime_type="application/pdf")
    result = await polling_bot.upload_result(user)
    assert KEY_DEFECTS[seed] <= families(result.codes)
    assert sorted(result.codes) == checker_codes(name, data)
    assert AGENCY[seed] in result.summary


async def test_an_upload_in_webhook_mode_gets_the_same_reply(harness):
    name, data = seed_bytes("001", "docx")
    await harness.fake.send_document(801, name, data)
    result = await harness.upload_result(801)
    assert sorted(result.codes) == checker_codes(name, data)


async def test_the_reply_is_in_english_for_an_english_user(polling_bot):
    name, data = seed_bytes("003", "txt")
    await polling_bot.fake.send_document(802, name, data, language_code="en")
    result = await polling_bot.upload_result(802)
    assert result.summary.startswith("Checked:")
    assert "Fix: " in result.summary  # the defects fit in the summary's message


async def test_every_message_respects_the_4096_character_limit(polling_bot):
    name, data = seed_bytes("002", "txt")
    await polling_bot.fake.send_document(803, name, data)
    await polling_bot.upload_result(803)
    assert all(len(m.get("text", "")) <= 4096 for m in polling_bot.fake.sent(803))


async def test_a_30_mb_document_is_refused_politely_without_downloading(polling_bot):
    fake = polling_bot.fake
    await fake.send_document(
        804, "big.docx", b"PK\x03\x04 small body", declared_size=30 * 1024 * 1024
    )
    reply = (await polling_bot.text_reply(804))["text"]
    assert reply == message("unreadable.too_large", "zh", size="30.0 MB", limit="20.0 MB")
    assert got_file(fake, 804) == []


async def test_an_unsupported_type_is_refused_without_downloading(polling_bot):
    # (.xlsx and .csv are rosters now: see test_e2e_roster.py)
    await polling_bot.fake.send_document(805, "report.pptx", b"PK\x03\x04")
    assert "不支持的文件类型" in (await polling_bot.text_reply(805))["text"]
    assert got_file(polling_bot.fake, 805) == []


async def test_a_file_named_doc_that_is_no_word_file_is_called_damaged(polling_bot):
    await polling_bot.fake.send_document(815, "report.doc", b"\xd0\xcf\x11\xe0 not a document")
    result = await polling_bot.upload_result(815)
    assert "文件已损坏，或内容与文件扩展名不符" in result.summary


async def test_a_corrupt_docx_gets_a_clear_message_and_the_bot_goes_on_serving(polling_bot):
    fake = polling_bot.fake
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document>not really")
    for user, data in ((806, b"this is not a zip file at all"), (807, buf.getvalue())):
        await fake.send_document(user, "草稿.docx", data)
        result = await polling_bot.upload_result(user)
        assert result.codes == []
        assert "文件已损坏" in result.summary
        assert "Traceback" not in result.summary
    name, data = seed_bytes("000", "txt")
    await fake.send_document(806, name, data)
    assert "S9" in families((await polling_bot.upload_result(806)).codes)


async def test_fifty_users_uploading_at_once_all_get_correct_replies(polling_bot):
    fake = polling_bot.fake
    uploads = {}
    for i in range(50):
        seed = sorted(KEY_DEFECTS)[i % 5]
        uploads[900 + i] = (seed, *seed_bytes(seed, "txt" if i % 2 else "docx"))
    await asyncio.gather(
        *(fake.send_document(u, name, data) for u, (_, name, data) in uploads.items())
    )
    results = await asyncio.gather(*(polling_bot.upload_result(u, timeout=28) for u in uploads))
    for (user, (seed, name, data)), result in zip(uploads.items(), results, strict=True):
        assert sorted(result.codes) == checker_codes(name, data), user
        assert AGENCY[seed] in result.summary


async def test_uploads_beyond_the_per_user_rate_are_queued_and_then_checked(polling_bot):
    h = polling_bot
    await h.restart(uploads_per_window=2, upload_window_seconds=2.0)
    fake = h.fake
    for n in range(3):
        name, data = seed_bytes(f"00{n}", "txt")
        await fake.send_document(808, name, data)
    queued = await fake.wait_for(
        lambda c: (
            c["method"] == "sendMessage"
            and c["result"]["chat"]["id"] == 808
            and "已排队" in c["result"]["text"]
        )
    )
    assert "每 2 秒最多检查 2 个文件" in queued["result"]["text"]
    results = [await h.upload_result(808) for _ in range(3)]
    assert all(sum(r.counts) > 0 for r in results)
    # the queued upload's own status message became its result
    assert queued["result"]["message_id"] in [r.status_message["message_id"] for r in results]


async def test_a_category_button_lists_that_categorys_defects(polling_bot):
    fake = polling_bot.fake
    name, data = seed_bytes("001", "txt")
    await fake.send_document(809, name, data)
    result = await polling_bot.upload_result(809)
    buttons = [
        b["callback_data"]
        for row in result.status_message["reply_markup"]["inline_keyboard"]
        for b in row
    ]
    category = next(b for b in buttons if b.startswith("c:") and b.endswith(":residue"))
    await fake.press_button(809, result.status_message, category)
    text = (await polling_bot.text_reply(809))["text"]
    assert text.startswith("编辑残留类问题")
    assert "[S9-" in text


async def test_the_language_button_renders_the_result_again_in_english(polling_bot):
    fake = polling_bot.fake
    name, data = seed_bytes("003", "txt")
    await fake.send_document(810, name, data)
    result = await polling_bot.upload_result(810)
    await fake.press_button(
        810,
        result.status_message,
        f"l:en:{result.status_message['reply_markup']['inline_keyboard'][-1][0]['callback_data'].split(':')[-1]}",
    )
    edit = await fake.wait_for(
        lambda c: c["method"] == "editMessageText" and c["result"]["chat"]["id"] == 810
    )
    assert edit["result"]["text"].startswith("Checked:")


async def test_only_admins_see_and_may_press_publish(polling_bot):
    fake = polling_bot.fake
    name, data = seed_bytes("003", "txt")
    await fake.send_document(811, name, data)
    mine = await polling_bot.upload_result(811)
    offered = [
        b["callback_data"]
        for row in mine.status_message["reply_markup"]["inline_keyboard"]
        for b in row
    ]
    assert not any(b.startswith("p:") for b in offered)
    await fake.send_document(ADMIN, name, data)
    admins = await polling_bot.upload_result(ADMIN)
    offered = [
        b["callback_data"]
        for row in admins.status_message["reply_markup"]["inline_keyboard"]
        for b in row
    ]
    assert any(b.startswith("p:") for b in offered)


async def test_a_pasted_report_is_checked_like_an_upload(polling_bot):
    text = CLEAN.read_text(encoding="utf-8")
    await polling_bot.fake.send_message(812, text)
    result = await polling_bot.upload_result(812)
    assert "清河市生态环境局" in result.summary
    assert sorted(result.codes) == checker_codes("pasted.txt", text.encode("utf-8"))
