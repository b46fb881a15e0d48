"""Fixtures of the bot's end-to-end tests: the fake Bot API server and the
real Application running against it (polling, or webhook)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

import pytest

from tests.bot.harness import SHANGHAI, Clock, Harness


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2025, 1, 10, 10, 0, tzinfo=SHANGHAI))


@pytest.fixture(params=["polling", "webhook"])
async def harness(request, fake, tmp_path, clock) -> AsyncIterator[Harness]:
    """The bot started in both modes: each test using it runs twice."""
    h = Harness(fake, tmp_path / "bot.sqlite3", clock, webhook=request.param == "webhook")
    await h.start()
    yield h
    await h.stop()


@pytest.fixture
async def polling_bot(fake, tmp_path, clock) -> AsyncIterator[Harness]:
    h = Harness(fake, tmp_path / "bot.sqlite3", clock)
    await h.start()
    yield h
    await h.stop()
