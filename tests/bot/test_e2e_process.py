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
