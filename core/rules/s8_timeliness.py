"""S8: published by the deadline of 条例第四十九条 (departments 31 January,
governments 31 March of the next year)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from core.deadlines import deadline
from core.defect import Defect, DefectLocation
from core.rules.context import Context, label, ui
from core.rules.registry import check, define

define("S8-LATE", "timeliness", "error", also=("warning",), basis="deadline")
define("S8-NO-DATE", "timeliness", "info", basis="absence")
define("S8-DATE-EARLY", "timeliness", "warning", basis="heuristic")


def _remaining(due: date, today: date | None) -> dict[str, str]:
    """ "N days left" / "N days past" when the checker knows today's date."""
    if today is None:
        return label("", "")
    days = (due - today).days
    return ui("days_left", days=days) if days >= 0 else ui("days_past", days=-days)


def era_deadline(ctx: Context) -> date:
    """The deadline of the report's own era: before the 2019 regulation every
    agency published by 31 March (2007 条例第三十一条)."""
    r = ctx.report
    old = ctx.params("S8-LATE")["before_2019"]
    if ctx.era == "pre2019":
        return date(r.year + 1, old["month"], old["day"])
    return deadline(r.issuer_kind, r.year)


@check("S8-LATE", "S8-NO-DATE", "S8-DATE-EARLY")
def timeliness(ctx: Context) -> Iterator[Defect]:
    r = ctx.report
    if r.year is None:
        return
    due = era_deadline(ctx)
    if r.closing_date is None:
        paragraphs = ctx.paragraphs()
        last = paragraphs[-1] if paragraphs else (None, None)
        yield ctx.defect(
            "S8-NO-DATE",
            DefectLocation.at(last[1].location if last[1] else None, section=last[0]),
            {"deadline": due.isoformat(), "issuer_kind": r.issuer_kind},
            deadline=due.isoformat(),
            remaining=_remaining(due, ctx.today),
        )
        return
    where = DefectLocation.at(r.closing_location)
    evidence = {
        "closing_date": r.closing_date.isoformat(),
        "deadline": due.isoformat(),
        "issuer_kind": r.issuer_kind,
    }
    if r.closing_date > due:
        # an issuer whose deadline the regulation does not fix (a township, or
        # one the parser could not tell) is late for certain only after the latest one
        latest = deadline("government", r.year) if ctx.era != "pre2019" else due
        sure = r.issuer_kind in ("department", "government") or r.closing_date > latest
        yield ctx.defect(
            "S8-LATE",
            where,
            {**evidence, "expected": due.isoformat(), "actual": r.closing_date.isoformat()},
            severity=None if sure else "warning",
            date=r.closing_date.isoformat(),
            deadline=due.isoformat(),
            days=(r.closing_date - due).days,
        )
    elif r.closing_date < date(r.year, 12, 31):  # signed on the period's last day is not early
        yield ctx.defect(
            "S8-DATE-EARLY", where, evidence, date=r.closing_date.isoformat(), year=r.year
        )
