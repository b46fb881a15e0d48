"""A batch in chat, end to end: at least 30 reports as a .zip and as albums
(Telegram's way of sending several files: separate messages sharing a
media_group_id, at most 10 per album), checked through the one upload
entry, one progress message edited as they finish, one summary worst first
and the workbook, reopened and compared with the parsed facts.

The batch is the seeds and every real report of tests/corpus, topped up to
30 with the same files under other names (tests/desk/corpus.py)."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from openpyxl import load_workbook

from tests.desk.corpus import batch_files, zip_of
from tests.desk.expected import stored_expected, summary_lines, worst_first

pytestmark = pytest.mark.e2e

BROKEN = ("损坏的报告.docx", b"this is not a docx at all")


def expected_rows() -> Counter:
    return Counter(
        (e.unit, str(e.year), e.errors, e.warnings, e.infos)
        for e in (stored_expected(n, d, batch_files()) for n, d in batch_files())
    )


def calls(fake, chat_id, method):
    return [
        c
        for c in fake.calls
        if c["method"] == method and c["ok"] and c["result"]["chat"]["id"] == chat_id
    ]


async def workbook_of(bot, chat_id, timeout=120):
    call = await bot.fake.wait_for(
        lambda c: (
            c["method"] == "sendDocument"
            and c["result"]["chat"]["id"] == chat_id
            and c["result"]["document"]["file_name"].endswith(".xlsx")
        ),
        timeout=timeout,
    )
    ((name, data),) = call["files"].values()
    return name, load_workbook(io.BytesIO(data)), call


def summary_of(fake, chat_id) -> str:
    (msg,) = [
        c for c in calls(fake, chat_id, "sendMessage") if "批量检查完成" in c["result"]["text"]
    ]
    return msg["result"]["text"]


def check_progress(fake, chat_id, total):
    edits = [c for c in calls(fake, chat_id, "editMessageText") if "已检查" in c["result"]["text"]]
    assert len({c["result"]["message_id"] for c in edits}) == 1  # one progress message
    assert edits[0]["result"]["text"] == f"已检查 0/{total}"
    assert edits[-1]["result"]["text"] == f"已检查 {total}/{total}，结果如下。"


def check_summary(text: str, failed: int):
    rows = summary_lines(text)
    assert rows, text
    assert worst_first([(int(r["errors"]), int(r["warnings"]), int(r["infos"])) for r in rows])
    assert len(text) <= 4096
    exp = expected_rows()
    got = Counter(
        (r["unit"], r["year"], int(r["errors"]), int(r["warnings"]), int(r["infos"])) for r in rows
    )
    assert got <= exp  # the worst ones that fit in one message, each right
    worst = max(exp, key=lambda k: (k[2], k[3], k[4]))
    assert (rows[0]["unit"], int(rows[0]["errors"])) == (worst[0], worst[2])
    n = len(batch_files())
    assert f"共 {n + failed} 个文件，已检查 {n} 份，无法读取 {failed} 份" in text


def check_workbook(wb, failed_names):
    summary, defects, figures = wb["汇总"], wb["问题"], wb["数据"]
    rows = list(summary.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(batch_files())
    assert all(isinstance(r[11], int) for r in rows)  # every report stored, with its id
    assert Counter((r[1] or r[9], str(r[2]), r[3], r[4], r[5]) for r in rows) == expected_rows()
    by_file = Counter(r[11] for r in defects.iter_rows(min_row=2, values_only=True))
    cells = {(r[7], r[2]): r for r in figures.iter_rows(min_row=2, values_only=True)}
    for name, data in batch_files():
        e = stored_expected(name, data, batch_files())
        assert by_file[name] == len(e.codes), name
        for key, fact in e.report.facts.items():
            row = cells[(name, key)]
            assert row[5] == (fact.raw or None) and row[4] == (
                None if fact.value is None else float(fact.value)
            ), (name, key)
    if failed_names:
        assert [r[0] for r in wb["无法读取"].iter_rows(min_row=2, values_only=True)] == failed_names


async def test_a_zip_of_30_reports_gets_progress_one_summary_and_the_workbook(polling_bot):
    fake, chat = polling_bot.fake, 3101
    archive = zip_of([*batch_files(), BROKEN], gbk_names=True)
    await fake.send_document(chat, "一月报送.zip", archive)
    name, wb, _ = await workbook_of(polling_bot, chat)
    assert name.endswith(".xlsx")
    total = len(batch_files()) + 1
    check_progress(fake, chat, total)
    text = summary_of(fake, chat)
    check_summary(text, failed=1)
    assert f"{BROKEN[0]}：这份 Word 文件已损坏" in text  # the GBK name decoded, the reason given
    check_workbook(wb, [BROKEN[0]])
    assert not [c for c in fake.calls if "太快" in str(c.get("result", ""))]


async def test_albums_sent_together_are_one_batch(polling_bot):
    fake, chat = polling_bot.fake, 3102
    files = [*batch_files(), ("说明.jpg", b"\xff\xd8 not a report")]
    albums = await fake.send_album(chat, files)
    assert len(albums) >= 3  # Telegram splits 30+ files into albums of 10
    _, wb, _ = await workbook_of(polling_bot, chat)
    check_progress(fake, chat, len(batch_files()))
    text = summary_of(fake, chat)
    check_summary(text, failed=1)
    assert "说明.jpg：不支持的文件类型" in text
    check_workbook(wb, ["说明.jpg"])
    # more than 5 files within a minute, and none refused: a batch is one upload
    assert not [c for c in calls(fake, chat, "sendMessage") if "太快" in c["result"]["text"]]


async def test_a_damaged_zip_gets_a_clear_message(polling_bot):
    fake, chat = polling_bot.fake, 3103
    await fake.send_document(chat, "坏的.zip", b"PK\x03\x04 not really a zip")
    edit = await fake.wait_for(
        lambda c: c["method"] == "editMessageText" and c["result"]["chat"]["id"] == chat
    )
    assert "压缩包已损坏" in edit["result"]["text"]
    assert "Traceback" not in edit["result"]["text"]
