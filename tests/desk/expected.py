"""What the checker itself says of each file of a batch, to compare a
batch's summary and exports with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from core.check import check_report
from core.parse import parse_bytes
from core.report import Report

RANK = {"error": 0, "warning": 1, "info": 2}

# "3. 正宁县司法局 · 2022年 · txt · 2021版格式 — 错误 6，警告 8，提示 2"
LINE = re.compile(
    r"^(?P<n>\d+)\. (?P<unit>.+?) · (?P<year>\S+?)年 · (?P<source>\w+) · (?P<version>\S+) — "
    r"错误 (?P<errors>\d+)，警告 (?P<warnings>\d+)，提示 (?P<infos>\d+)$",
    re.M,
)


@dataclass(frozen=True)
class Expected:
    name: str
    unit: str
    year: int | None
    errors: int
    warnings: int
    infos: int
    codes: tuple[str, ...]
    problem_codes: tuple[str, ...]  # most serious first, reading doubts left out
    report: Report


@cache
def expected(name: str, data: bytes, previous: tuple[str, bytes] | None = None) -> Expected:
    """What the checker says of one file; with `previous` (last year's report
    of the same agency, as the store finds it) the cross-year checks too."""
    report = parse_bytes(data, name)
    defects = check_report(report, parse_bytes(previous[1], previous[0]) if previous else None)
    count = {s: sum(d.severity == s for d in defects) for s in ("error", "warning", "info")}
    return Expected(
        name,
        report.agency or name,
        report.year,
        count["error"],
        count["warning"],
        count["info"],
        tuple(d.code for d in defects),
        tuple(
            d.code
            for d in sorted(
                (d for d in defects if d.category != "reading"), key=lambda d: RANK[d.severity]
            )
        ),
        report,
    )


def summary_lines(text: str) -> list[dict]:
    return [m.groupdict() for m in LINE.finditer(text)]


def worst_first(rows: list[tuple[int, int, int]]) -> bool:
    keys = [(-e, -w, -i) for e, w, i in rows]
    return keys == sorted(keys)


def stored_expected(name: str, data: bytes, files) -> Expected:  # noqa: ANN001
    """What the store says of one file of a batch: checked against the batch's
    report of the same agency and the year before, when there is one."""
    report = _parsed(name, data)
    previous = None
    if report.agency and report.year:
        for other_name, other in files:
            r = _parsed(other_name, other)
            if r.agency == report.agency and r.year == report.year - 1:
                previous = (other_name, other)
                break
    return expected(name, data, previous)


@cache
def _parsed(name: str, data: bytes) -> Report:
    return parse_bytes(data, name)
