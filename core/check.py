"""Check a report against every rule: Report (+ last year's) → [Defect],
errors first, then warnings and info, each in document order."""

from __future__ import annotations

import logging
from datetime import date

from core.defect import SEVERITIES, Defect
from core.document import Document, Paragraph
from core.report import Report
from core.rules import RULES, checks
from core.rules.context import Context

log = logging.getLogger(__name__)


def check_report(
    report: Report, previous: Report | None = None, *, today: date | None = None
) -> list[Defect]:
    """Every defect of `report`; the cross-year rules run when `previous` (last year's) is given."""
    ctx = Context(report, previous, today)
    found: list[Defect] = []
    for codes, fn in checks():
        if previous is None and all(RULES[c].scope == "cross_year" for c in codes):
            continue
        try:
            found.extend(fn(ctx))
        except Exception:  # a rule must never stop the others; the log shows the bug
            log.exception("rule check %s failed on %s", fn.__name__, report.document.name)
    return sort_defects(found, report.document)


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
