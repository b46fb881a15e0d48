"""Check a report against every rule: Report (+ last year's) → [Defect],
errors first, then warnings and info, each in document order.

A rule runs only on the eras it belongs to (the report's year decides), and a
defect built on a part the parser could not read reliably is not shown: the
reading notices (category `reading`) say once what could not be read."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from core.defect import SEVERITIES, Defect
from core.document import Document, Paragraph
from core.report import Reading, Report
from core.rules import RULES, checks
from core.rules.context import Context
from core.rules.registry import Rule

log = logging.getLogger(__name__)

# Doubts after which what was read is not the report at all (it is in an
# attached file): only the reading notice is said.
NOT_THE_REPORT = frozenset({"in_attachment"})
# Doubts about a table's figures only: its rows and columns were still read.
FIGURES_ONLY = frozenset({"cells_run_together", "inferred", "row_short"})
# Doubts after which every row of a table was still placed (its figures worked out).
ROWS_PLACED = frozenset({"inferred"})


def check_report(
    report: Report,
    previous: Report | None = None,
    *,
    today: date | None = None,
    parent: Report | None = None,
) -> list[Defect]:
    """Every defect of `report`; the cross-year rules run when `previous`
    (last year's) is given, the cross-report ones when `parent` (the same
    year's report of the government the agency belongs to) is."""
    ctx = Context(report, previous, today, parent)
    era = ctx.era
    found: list[Defect] = []
    for codes, fn in checks():
        rules = [RULES[c] for c in codes]
        if previous is None and all(r.scope == "cross_year" for r in rules):
            continue
        if parent is None and all(r.scope == "cross_report" for r in rules):
            continue
        if all(era not in r.eras for r in rules):
            continue
        try:
            found.extend(d for d in fn(ctx) if _shown(d, RULES[d.code], era, report, previous))
        except Exception:  # a rule must never stop the others; the log shows the bug
            log.exception("rule check %s failed on %s", fn.__name__, report.document.name)
    return sort_defects(found, report.document)


def _shown(d: Defect, rule: Rule, era: str, report: Report, previous: Report | None) -> bool:
    """Does the defect belong to the report's era, and rest on what was read surely?"""
    if d.category == "reading":
        return True
    if era not in rule.eras or any(x.code in NOT_THE_REPORT for x in report.reading.doubts):
        return False
    if "structure" in rule.reads and not report.reading.structure_sure:
        return False
    if "cells" in rule.reads:
        for table, last_year in tables_of(d):
            reading = previous.reading if last_year and previous is not None else report.reading
            if not reading.table_sure(table):
                return False
    for kind, spared in (("rows", ROWS_PLACED), ("labels", FIGURES_ONLY)):
        if kind in rule.reads:
            for table, _ in tables_of(d):
                if not sure_but(report.reading, table, spared):
                    return False
    return True


def sure_but(reading: Reading, table: str, spared: frozenset[str]) -> bool:
    """Was `table` read reliably but for doubts of the kinds `spared`?"""
    return reading.structure_sure and not any(
        d.table == table and d.code not in spared for d in reading.doubts
    )


def tables_of(d: Defect) -> set[tuple[str, bool]]:
    """The tables (and whether last year's) whose cells a defect rests on."""
    keys: list[str] = []
    cells = d.evidence.get("cells")
    if isinstance(cells, dict):
        keys.extend(cells)
    elif isinstance(cells, Iterable) and not isinstance(cells, str):
        keys.extend(str(k) for k in cells)
    for name in ("missing", "suspects"):
        keys.extend(str(k) for k in d.evidence.get(name, ()))
    out = {(_table(k.removeprefix("prev:")), k.startswith("prev:")) for k in keys}
    if d.location.table:
        out.add((_table(d.location.table), False))
    return out


def _table(key: str) -> str:
    table = key.split(".", 1)[0]
    return "t2" if table == "t2v19" else table


def check_bytes(
    data: bytes, filename: str, previous: Report | None = None
) -> tuple[Report, list[Defect]]:
    """Parse the file and check it; raises UnreadableFile when it cannot be read."""
    from core.parse import parse_bytes

    report = parse_bytes(data, filename)
    return report, check_report(report, previous)


def sort_defects(defects: list[Defect], document: Document | None = None) -> list[Defect]:
    block_of: dict[tuple[str, int], int] = {}
    if document is not None:
        for i, b in enumerate(document.blocks):
            if isinstance(b, Paragraph):
                if b.location.paragraph is not None:
                    block_of[("p", b.location.paragraph)] = i
            else:
                block_of[("t", b.index)] = i
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(defects, key=lambda d: (rank[d.severity], d.location.order(block_of), d.code))
