"""The real bot Application against the fake Bot API server, with a clock the
test controls, and helpers that read the bot's replies as a user sees them."""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.app import build_application, start, stop
from bot.settings import Settings
from tests.fake_telegram import FakeTelegram

TOKEN = "123456:TEST-TOKEN"
ADMIN = 1000
SHANGHAI = ZoneInfo("Asia/Shanghai")
DEFECT_LINE = re.compile(r"^\d+\. \[([A-Za-z0-9_.-]+)\]", re.M)
COUNTS = {
    "zh": re.compile(r"错误 (\d+) 项，警告 (\d+) 项，提示 (\d+) 项"),
    "en": re.compile(r"(\d+) errors, (\d+) warnings, (\d+) notes"),
}


class Clock:
    """The bot's clock; the test moves it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Result:
    """What the bot replied to one upload."""

    summary: str
    codes: list[str]
    messages: list[dict[str, Any]]
    attachment: str | None = None
    status_message: dict[str, Any] = field(default_factory=dict)

    @property
    def counts(self) -> tuple[int, int, int]:
        for rx in COUNTS.values():
            m = rx.search(self.summary)
            if m:
                return tuple(int(x) for x in m.groups())
        raise AssertionError(f"no counts in {self.summary!r}")


class Harness:
    def __init__(self, fake: FakeTelegram, db: Path | str, clock: Clock, *, webhook: bool = False):
        self.fake = fake
        self.db_url = db if isinstance(db, str) else f"sqlite:///{db}"
        self.clock = clock
        self.webhook = webhook
        self.app = None
        self.cursor: dict[int, int] = {}  # per chat: calls before this index are read

    def settings(self, **overrides: Any) -> Settings:
        values = {
            "token": TOKEN,
            "database_url": self.db_url,
            "base_url": self.fake.base_url,
            "base_file_url": self.fake.base_file_url,
            "admin_ids": frozenset({ADMIN}),
            "check_timeout": 25.0,
            "overall_max_rate": 0,  # the fake server does not throttle; see the benchmark
            "uploads_per_window": 5,
        }
        values.update(overrides)
        return Settings(**values)

    async def start(self, **overrides: Any):
        app = build_application(self.settings(**overrides), clock=self.clock)
        webhook = None
        if self.webhook:
            port = free_port()
            webhook = {
                "listen": "127.0.0.1",
                "port": port,
                "url_path": "telegram",
                "webhook_url": f"http://127.0.0.1:{port}/telegram",
                "secret_token": "e2e-secret",
            }
        await start(app, webhook=webhook, poll_timeout=1)
        self.app = app
        return app

    async def stop(self) -> None:
        if self.app is not None:
            await stop(self.app)
            self.app.bot_data["services"].store.close()
            self.app = None

    async def restart(self, **overrides: Any):
        await self.stop()
        return await self.start(**overrides)

    # --- reading replies ---------------------------------------------------
    async def next_call(self, chat_id: int, predicate, *, timeout: float = 10.0) -> dict[str, Any]:
        """The first call matching `predicate` after what the test has read in `chat_id`."""
        since = self.cursor.get(chat_id, 0)
        call = await self.fake.wait_for(predicate, since=since, timeout=timeout)
        index = next(i for i in range(since, len(self.fake.calls)) if self.fake.calls[i] is call)
        self.cursor[chat_id] = index + 1
        return call

    async def text_reply(self, chat_id: int, *, timeout: float = 10.0) -> dict[str, Any]:
        """The next text message the bot sends to `chat_id`."""
        call = await self.next_call(
            chat_id,
            lambda c: c["method"] == "sendMessage" and c["result"]["chat"]["id"] == chat_id,
            timeout=timeout,
        )
        return call["result"]

    async def upload_result(self, chat_id: int, *, timeout: float = 25.0) -> Result:
        """Wait for the reply to an upload: the status message edited into
        the summary, then every defect message (or the attached full list)."""
        edit = await self.next_call(
            chat_id,
            lambda c: (
                c["method"] == "editMessageText"
                and c["result"]["chat"]["id"] == chat_id
                and (
                    any(rx.search(c["result"]["text"]) for rx in COUNTS.values())
                    or "reply_markup" not in c["params"]
                )
            ),
            timeout=timeout,
        )
        summary = edit["result"]["text"]
        # the defects ride in the summary's own message when they fit
        result = Result(summary, DEFECT_LINE.findall(summary), [], status_message=edit["result"])
        if not any(rx.search(summary) for rx in COUNTS.values()):
            return result  # a failure message: nothing follows
        total = sum(result.counts)
        attach = "附件" in summary or "attached" in summary
        while len(result.codes) < total and not (attach and result.attachment):
            call = await self.next_call(
                chat_id,
                lambda c: (
                    c["method"] in ("sendMessage", "sendDocument")
                    and c["result"]["chat"]["id"] == chat_id
                ),
                timeout=timeout,
            )
            if call["method"] == "sendDocument":
                (_, data), *_ = call["files"].values()
                result.attachment = data.decode("utf-8")
                result.codes = DEFECT_LINE.findall(result.attachment)
            else:
                result.messages.append(call["result"])
                result.codes += DEFECT_LINE.findall(call["result"]["text"])
        return result
