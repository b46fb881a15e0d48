"""Shared test helpers: where the seed reports are."""

from __future__ import annotations

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
