"""Checking never fails on damaged reports: cut, with lines deleted,
repeated or swapped — every rule runs and none raises."""

from __future__ import annotations

import logging
import random

import pytest

from core.check import check_report
from core.document import UnreadableFile
from core.parse import parse_bytes
from tests.conftest import SEEDS
from tests.rules.cases import CLEAN

FILES = {**SEEDS, "clean": CLEAN}


def damaged(lines: list[str], rng: random.Random) -> list[str]:
    lines = list(lines)
    i = rng.randrange(len(lines))
    op = rng.choice(["cut", "delete", "repeat", "swap"])
    if op == "cut":
        return lines[:i]
    if op == "delete":
        del lines[i : i + rng.randint(1, 30)]
    elif op == "repeat":
        lines[i:i] = lines[i : i + rng.randint(1, 30)]
    else:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return lines


@pytest.mark.parametrize("name", sorted(FILES))
def test_no_rule_fails_on_a_damaged_report(name, caplog):
    rng = random.Random(name)
    lines = FILES[name].read_text(encoding="utf-8").split("\n")
    checked = 0
    with caplog.at_level(logging.ERROR, logger="core.check"):
        for _ in range(12):
            try:
                report = parse_bytes("\n".join(damaged(lines, rng)).encode("utf-8"), f"{name}.txt")
            except UnreadableFile:
                continue
            check_report(report)
            checked += 1
    assert checked > 0
    assert caplog.records == []
