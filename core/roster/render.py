"""Who has not filed, in words (the bot, the command line and reminders)."""

from __future__ import annotations

from core.batch.record import Failure
from core.batch.summary import failure_text
from core.desk_text import text
from core.roster.missing import Filing, Missing

MAX_LINES = 60  # per list in one message


def kind_name(kind: str, lang: str) -> str:
    return text(f"roster.kind_name.{kind}", lang)


def missing_line(m: Missing, lang: str) -> str:
    slots = {"unit": m.unit.name, "kind": kind_name(m.unit.kind, lang), "due": m.due.isoformat()}
    if m.days_left > 0:
        return text("missing.line_left", lang, days=m.days_left, **slots)
    if m.days_left == 0:
        return text("missing.line_today", lang, **slots)
    return text("missing.line_overdue", lang, days=-m.days_left, **slots)


def _capped(lines: list[str], lang: str) -> list[str]:
    if len(lines) <= MAX_LINES:
        return lines
    return lines[:MAX_LINES] + [text("missing.more", lang, count=len(lines) - MAX_LINES)]


def render_filing(f: Filing, lang: str, region: str | None = None) -> str:
    if f.units == 0:
        if region:
            return text("missing.no_units_in_region", lang, region=region)
        return text("missing.no_roster", lang)
    sep = "、" if lang == "zh" else ", "
    parts = [
        text(
            "missing.head",
            lang,
            year=f.year,
            region=text("missing.region", lang, region=region) if region else "",
            units=f.units,
            filed=len(f.filed),
            missing=len(f.missing),
            failed=len(f.failed),
            unsure=len(f.unsure),
        )
    ]
    if f.missing:
        lines = [missing_line(m, lang) for m in f.missing]
        parts.append(
            "\n".join(
                [text("missing.missing_head", lang, count=len(f.missing)), *_capped(lines, lang)]
            )
        )
    if f.failed:
        lines = [
            text(
                "missing.failed_line",
                lang,
                unit=x.unit.name,
                file=x.filename,
                reason=failure_text(Failure(x.filename, x.code, x.detail), lang),
            )
            for x in f.failed
        ]
        parts.append(
            "\n".join(
                [text("missing.failed_head", lang, count=len(f.failed)), *_capped(lines, lang)]
            )
        )
    if f.unsure:
        lines = [
            text(
                "missing.unsure_line",
                lang,
                title=u.title or u.agency,
                agency=u.agency,
                choices=sep.join(c.name for c in u.choices),
            )
            for u in f.unsure
        ]
        parts.append(
            "\n".join(
                [text("missing.unsure_head", lang, count=len(f.unsure)), *_capped(lines, lang)]
            )
        )
    if not (f.missing or f.failed or f.unsure):
        parts.append(text("missing.all_filed", lang, year=f.year))
    return "\n\n".join(parts)


def reminder_lines(f: Filing, kind: str | None, lang: str) -> list[str]:
    """The lines a deadline reminder adds: the units still missing."""
    missing = f.missing_of_kind(kind)
    failed = [
        x
        for x in f.failed
        if kind not in ("department", "government") or x.unit.kind in (kind, "unknown")
    ]
    names = [m.unit.name for m in missing] + [x.unit.name for x in failed]
    if not names:
        return []
    lines = [text("missing.reminder_head", lang, count=len(names), year=f.year)]
    lines += _capped([text("missing.reminder_line", lang, unit=n) for n in names], lang)
    return lines
