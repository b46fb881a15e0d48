"""A defect list as text for a terminal or a chat: a summary line, what
could not be read reliably (once, before anything else: it is no defect of
the report), then the defects grouped by severity (errors first), each with
its rule code, location, message and fix hint."""

from __future__ import annotations

from collections.abc import Iterable

from core.defect import SEVERITIES, Defect, ui_text
from core.report import Report

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def summary_counts(defects: Iterable[Defect]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for d in defects:
        counts[d.severity] += 1
    return counts


def summary_line(defects: list[Defect], lang: str = "zh") -> str:
    return ui_text("summary", lang).format(**summary_counts(defects))


def render_defect(d: Defect, lang: str = "zh", *, color: bool = False) -> str:
    """One defect: "[CODE] message", then where it is and how to fix it."""
    code = f"[{d.code}]"
    if color:
        code = f"{_COLORS[d.severity]}{code}{_RESET}"
    lines = [f"  {code} {d.message(lang)}"]
    where = d.location.describe(lang)
    colon = "：" if lang == "zh" else ": "
    if where:
        lines.append(f"      {ui_text('where', lang)}{colon}{where}")
    hint = d.hint(lang)
    if hint:
        text = f"      {ui_text('fix', lang)}{colon}{hint}"
        lines.append(f"{_DIM}{text}{_RESET}" if color else text)
    return "\n".join(lines)


def render_text(
    report: Report, defects: list[Defect], lang: str = "zh", *, color: bool = False
) -> str:
    """The whole defect list of `report` as readable text."""
    title = report.title or ui_text("untitled", lang)
    out = [f"{_BOLD}{title}{_RESET}" if color else title, summary_line(defects, lang)]
    if not defects:
        out.append(ui_text("clean", lang))
        return "\n".join(out) + "\n"
    reading = [d for d in defects if d.category == "reading"]
    groups = [("category.reading", "info", reading)] + [
        (
            "severity." + severity,
            severity,
            [d for d in defects if d.severity == severity and d.category != "reading"],
        )
        for severity in SEVERITIES
    ]
    for key, severity, group in groups:
        if not group:
            continue
        heading = f"{ui_text(key, lang)} ({len(group)})"
        out.append("")
        out.append(f"{_COLORS[severity]}{_BOLD}{heading}{_RESET}" if color else heading)
        out.extend(render_defect(d, lang, color=color) for d in group)
    return "\n".join(out) + "\n"
