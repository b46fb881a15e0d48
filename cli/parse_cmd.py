"""`nianbao parse FILE [--json]`: what the parser read out of a report."""

from __future__ import annotations

import argparse
from collections import Counter

from cli.common import add_lang, fail_unreadable, print_json, read_and_check
from core.document import UnreadableFile
from core.messages import message
from core.report import Report


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("parse", help="解析一份年报 / parse a report")
    p.add_argument("file", help=".docx .pdf .txt .html .htm .md")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    add_lang(p)
    p.set_defaults(handler=run)


def summary(report: Report, lang: str) -> str:
    none = message("parse.none", lang)
    lines = [
        message(
            "parse.summary",
            lang,
            title=report.title or none,
            agency=report.agency or none,
            year=report.year or none,
            closing_date=report.closing_date.isoformat() if report.closing_date else none,
            issuer_kind=message(f"issuer.{report.issuer_kind}", lang),
            format_version=report.format_version,
            heading_style=report.heading_style,
        ),
        message("parse.sections", lang, count=len(report.sections)),
    ]
    for s in report.sections:
        lines.append(
            f"  {s.key or '-':3} {s.heading}  ({s.score:.0f}, {s.location.describe(lang)})"
        )
    counts = Counter(f.status for f in report.facts.values())
    lines.append(
        message(
            "parse.tables",
            lang,
            total=len(report.facts),
            number=counts["number"],
            inferred=counts["inferred"],
            blank=counts["blank"],
            other=counts["text"] + counts["invalid"],
        )
    )
    missing = [t for t, found in report.tables_found.items() if not found]
    if missing:
        lines.append(message("parse.missing", lang, tables=", ".join(missing)))
    lines.extend(reading_lines(report, lang))
    return "\n".join(lines)


def reading_lines(report: Report, lang: str) -> list[str]:
    """How sure the parser is of what it read, and why not."""
    r = report.reading
    lines = [
        message(
            "parse.reading",
            lang,
            sections=r.sections_found,
            tables=sum(r.tables_found.values()),
            read=r.cells_read,
            expected=r.cells_expected,
        )
    ]
    if r.sure:
        lines.append("  " + message("parse.reading_sure", lang))
    for d in r.doubts:
        table = message(f"table_name.{d.table}", lang) if d.table else ""
        lines.append("  · " + message(f"doubt.{d.code}", lang, table=table, detail=d.detail))
    return lines


def run(args: argparse.Namespace) -> int:
    try:
        report, _ = read_and_check(args.file, check=False)
    except UnreadableFile as exc:
        return fail_unreadable(exc, args.lang, args.file)
    if args.json:
        print_json(report.as_json())
    else:
        print(summary(report, args.lang))
    return 0
