"""`python -m bot` as a real process against the fake Bot API server, in
polling and in webhook mode; it stops cleanly on SIGINT."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from tests.bot.harness import TOKEN, free_port

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_python_m_bot_serves_and_stops_on_sigint(fake, tmp_path, mode):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))},
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": fake.base_url,
        "TELEGRAM_BASE_FILE_URL": fake.base_file_url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
        "LOG_LEVEL": "WARNING",
    }
    if mode == "webhook":
        port = free_port()
        env |= {
            "WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
            "WEBHOOK_SECRET": "s3cret",
            "PORT": str(port),
        }
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await fake.wait_for(lambda c: c["method"] == "setMyCommands", timeout=20)
        if mode == "webhook":
            hook = await fake.wait_for(lambda c: c["method"] == "setWebhook", timeout=10)
            assert hook["params"]["secret_token"] == "s3cret"
        await fake.send_command(1400, "/start")
        reply = await fake.wait_for(lambda c: c["method"] == "sendMessage", timeout=10)
        assert "年度报告助手" in reply["result"]["text"]
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = await asyncio.wait_for(proc.communicate(), 20)
    assert proc.returncode == 0, err.decode()
    assert b"Traceback" not in err


async def test_at_debug_level_the_token_is_never_logged_and_sigterm_stops_the_bot_mid_check(
    fake, tmp_path
):
    from tests.hostile.files import pdf_ruled_table

    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))},
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": fake.base_url,
        "TELEGRAM_BASE_FILE_URL": fake.base_file_url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
        "LOG_LEVEL": "DEBUG",
        "MAX_TABLE_ROWS": "100000",
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await fake.wait_for(lambda c: c["method"] == "setMyCommands", timeout=30)
        await fake.send_command(1401, "/start")
        await fake.wait_for(lambda c: c["method"] == "sendMessage", timeout=10)
        # a file that takes far longer than the stop may: the stop ends its work
        await fake.send_document(1401, "slow.pdf", pdf_ruled_table(8000, per_page=2000))
        await fake.wait_for(lambda c: c["method"] == "getFile", timeout=10)
        await asyncio.sleep(1)
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(proc.communicate(), 30)
    log = err.decode()
    assert proc.returncode == 0, log[-2000:]
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert "pdfminer" not in log  # capped libraries write nothing at DEBUG
    stopped = [c for c in fake.calls if c["method"] == "editMessageText"]
    assert any("服务正在重启" in c["params"].get("text", "") for c in stopped)
