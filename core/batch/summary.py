"""A batch's summary, worst report first: unit, year, format, errors,
warnings and the three most serious problems, each naming its table and
cell; then the files that could not be read, each with why."""

from __future__ import annotations

from collections.abc import Sequence

from core.batch.labels import short_where
from core.batch.record import Batch, Checked, DefectRow, Failure
from core.desk_text import desk_data, text

__all__ = ["text", "render", "fit", "ranked", "failure_text"]

TOP_PROBLEMS = 3


def ranked(checked: Sequence[Checked]) -> list[Checked]:
    """Worst first: most errors, then most warnings, then most notes; then by unit."""
    return sorted(
        checked, key=lambda c: (-c.errors, -c.warnings, -c.infos, c.unit or c.name, c.year or 0)
    )


def failure_text(f: Failure, lang: str) -> str:
    """Why a file could not be checked, in words."""
    from core.unreadable import unreadable_text

    kind, _, reason = f.code.partition(".")
    if kind == "archive" and reason in desk_data()["archive"]["reason"]:
        return text(f"archive.reason.{reason}", lang)
    return unreadable_text(f.code, lang, {"name": f.name, **f.slots})


def problem_where(d: DefectRow, lang: str) -> str:
    """The table and cell of a problem, else its full location."""
    if d.table:
        return short_where(d.table, d.row, d.column, lang)
    return d.text("where", lang)


def problem_line(d: DefectRow, lang: str, max_chars: int | None = None) -> str:
    msg = d.text("message", lang)
    if max_chars and len(msg) > max_chars:
        msg = msg[: max_chars - 1] + "…"
    where = problem_where(d, lang)
    return (
        text("batch.problem", lang, code=d.code, where=where, message=msg)
        if where
        else (text("batch.problem_nowhere", lang, code=d.code, message=msg))
    )


def report_line(c: Checked, lang: str, number: int) -> str:
    unknown = text("batch.unknown", lang)
    return text(
        "batch.line",
        lang,
        number=number,
        unit=c.unit or c.name,
        year=c.year or unknown,
        source=c.source,
        version=text(f"batch.version.{c.format_version}", lang),
        errors=c.errors,
        warnings=c.warnings,
        infos=c.infos,
    )


def headline(batch: Batch, lang: str) -> str:
    with_errors = sum(1 for c in batch.checked if c.errors)
    return text(
        "batch.head",
        lang,
        total=batch.total,
        checked=len(batch.checked),
        failed=len(batch.failures),
        with_errors=with_errors,
        errors=sum(c.errors for c in batch.checked),
        warnings=sum(c.warnings for c in batch.checked),
    )


def report_block(c: Checked, lang: str, number: int, max_chars: int | None = None) -> str:
    lines = [report_line(c, lang, number)]
    if c.unsure:
        lines.append(text("batch.unsure", lang))
    lines += [problem_line(d, lang, max_chars) for d in c.problems()[:TOP_PROBLEMS]]
    return "\n".join(lines)


def failures_block(failures: Sequence[Failure], lang: str) -> str:
    lines = [text("batch.failed_head", lang, count=len(failures))]
    lines += [
        text("batch.failed_line", lang, name=f.path or f.name, reason=failure_text(f, lang))
        for f in failures
    ]
    return "\n".join(lines)


def render(
    batch: Batch,
    lang: str = "zh",
    *,
    max_reports: int | None = None,
    max_chars: int | None = None,
    more_key: str = "batch.more",
) -> str:
    """The whole summary as text; with `max_reports`, the worst ones and a
    line saying how many more there are (in the workbook, `more_key`)."""
    order = ranked(batch.checked)
    shown = order if max_reports is None else order[:max_reports]
    parts = [headline(batch, lang)]
    if shown:
        parts.append(text("batch.ranked_head", lang))
        parts += [report_block(c, lang, i, max_chars) for i, c in enumerate(shown, 1)]
    if len(order) > len(shown):
        parts.append(text(more_key, lang, count=len(order) - len(shown)))
    if batch.failures:
        parts.append(failures_block(batch.failures, lang))
    return "\n\n".join(parts)


def fit(batch: Batch, lang: str, limit: int, *, max_chars: int = 90) -> str:
    """The summary with as many of the worst reports as fit in `limit`
    characters (a chat message); the rest are in the workbook."""
    n = len(batch.checked)
    while True:
        out = render(
            batch, lang, max_reports=n, max_chars=max_chars, more_key="batch.more_in_workbook"
        )
        if len(out) <= limit or n == 0:
            break
        n = max(0, min(n - 1, int(n * limit / len(out))))
    if len(out) > limit:  # the failures alone are too long
        out = out[: limit - 1] + "…"
    return out
