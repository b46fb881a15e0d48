"""Shared test helpers: where the seed reports are, and the fake Telegram
Bot API server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = {p.name[:3]: p for p in sorted(FIXTURES.glob("00[0-9]_*.txt"))}


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


def seed_path(number: str) -> Path:
    """The path of seed report `number` ("000" … "004")."""
    return SEEDS[number]


FAKE_TOKEN = "123456:TEST-TOKEN"


@pytest.fixture
async def fake() -> AsyncIterator:
    """A fake Telegram Bot API server on 127.0.0.1 (tests/fake_telegram)."""
    from tests.fake_telegram import FakeTelegram

    server = FakeTelegram(token=FAKE_TOKEN, bot_username="nianbao_test_bot")
    await server.start()
    yield server
    await server.stop()
