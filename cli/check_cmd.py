"""`nianbao check FILE [--json] [--lang zh|en]`: every defect of a report.

Exit code 0 when there is no error-level defect, 1 when there is, 2 when the
file cannot be read."""

from __future__ import annotations

import argparse
import sys

from cli.common import add_lang, fail_unreadable, print_json, read_and_check
from core.document import UnreadableFile
from core.render import render_text, summary_counts


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="检查一份年报 / check a report")
    p.add_argument("file", help=".txt .docx .html .htm .md")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    add_lang(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        report, defects = read_and_check(args.file, check=True)
    except UnreadableFile as exc:
        return fail_unreadable(exc, args.lang, args.file)
    counts = summary_counts(defects)
    if args.json:
        print_json(
            {
                "report": report.as_json(),
                "summary": counts,
                "defects": [d.as_json(args.lang) for d in defects],
            }
        )
    else:
        sys.stdout.write(render_text(report, defects, args.lang, color=sys.stdout.isatty()))
    return 1 if counts["error"] else 0
