"""Every example the bot shows works as written on the day it is shown:
the commands in /help, /rule and /remind, and the example questions, on
two days a year apart; /deadline shows the deadlines, not today's date in
their place; /help states the upload limit and the formats."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from tests.bot.harness import SHANGHAI
from tests.conftest import FIXTURES, SEEDS

QA = FIXTURES / "qa"

pytestmark = pytest.mark.e2e

USER = 6101
# A command with arguments written as they are typed: /rule S9-BOOKMARK,
# /remind 2026-02-24, /missing 2024 (descriptions like "/remind 订阅提醒" and
# placeholders like "/rule 编号" are not examples).
ARG = (
    r"(?:\d{4}(?:-\d{2}-\d{2})?|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|[A-Z]+\d+|department|government|off)"
)
COMMAND = re.compile(rf"(/(?:rule|remind|missing|export|reports)(?: {ARG})+)(?![\w-])")
QUESTION = re.compile(r"^   · (.+?)(?:（附趋势图）| \(with a chart\))?$", re.M)
NOT_UNDERSTOOD = ("没能理解", "did not understand")


def examples(body: str) -> list[str]:
    """The example commands of a text, leaving out /help's list of commands
    (where each command is followed by what it does, not by arguments)."""
    body = re.split(r"\n(?:命令|Commands)\n", body)[0]
    out = []
    for m in COMMAND.finditer(body):
        cmd = m.group(1).strip().rstrip("。.，,")
        if any(
            w in cmd
            for w in ("编号", "CODE", "YEAR", "年度", "名称", "NAME", "UNIT", "单位名称", "[", "…")
        ):
            continue  # a usage line with placeholders, not an example
        out.append(cmd)
    return out


def library(h) -> None:
    """Publish the seeds and the question fixtures, as `nianbao ingest` does."""
    store = h.app.bot_data["services"].store
    for path in [*SEEDS.values(), *sorted(QA.glob("*.txt"))]:
        assert store.ingest_bytes(path.read_bytes(), path.name, published=True).ok


async def shown(h, command: str, lang: str) -> str:
    await h.fake.send_command(USER, command, language_code=lang)
    return (await h.text_reply(USER))["text"]


@pytest.mark.parametrize("day", [datetime(2025, 1, 10, 10, 0), datetime(2026, 12, 30, 20, 0)])
@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_every_example_command_works_on_the_day_it_is_shown(polling_bot, clock, day, lang):
    h = polling_bot
    clock.now = day.replace(tzinfo=SHANGHAI)
    library(h)  # the shared library the example questions are about
    await h.fake.send_command(USER, "/lang " + lang)
    await h.text_reply(USER)
    help_text = await shown(h, "/help", lang)
    texts = [help_text, await shown(h, "/rule", lang), await shown(h, "/remind", lang)]
    cmds = sorted({c for t in texts for c in examples(t)})
    assert any(c.startswith("/remind 20") for c in cmds) and any(
        c.startswith("/rule ") for c in cmds
    )
    for cmd in cmds:
        reply = await shown(h, cmd, lang)
        assert not any(
            bad in reply
            for bad in (
                "没有编号为",
                "There is no rule",
                "看不懂",
                "did not understand",
                "已经过去",
                "has passed",
            )
        ), (cmd, reply)
        if cmd.startswith("/remind 20"):
            assert reply.startswith(("已订阅", "Subscribed")), (cmd, reply)
        if cmd.startswith("/rule "):
            assert reply.startswith(cmd.split()[1]), (cmd, reply)
    questions = QUESTION.findall(help_text)
    assert len(questions) >= 5
    for q in questions:
        await h.fake.send_message(USER, q, language_code=lang)
        reply = (await h.text_reply(USER, timeout=20))["text"]
        assert not any(bad in reply for bad in NOT_UNDERSTOOD), (q, reply)


async def test_help_states_the_upload_limit_and_the_formats(polling_bot):
    for lang, limit in (
        ("zh", "每人每 60 秒最多上传 5 个文件"),
        ("en", "at most 5 files per 60 seconds"),
    ):
        text = await shown(polling_bot, "/help", lang)
        assert limit in text
        assert all(
            ext in text for ext in (".docx", ".pdf", ".txt", ".html", ".md", ".zip", "20 MB")
        )


async def test_deadline_shows_the_deadlines_themselves(polling_bot):
    text = await shown(polling_bot, "/deadline", "zh")  # the clock: 2025-01-10
    first, *rest = text.splitlines()
    assert first == "发布截止日期："
    assert "2025-01-10" not in first
    assert "2024年度报告须在 2025-01-31 前发布" in rest[0]
    assert "2024年度报告须在 2025-03-31 前发布" in rest[1]
    assert rest[-1].startswith("（今天是 2025-01-10。）")
