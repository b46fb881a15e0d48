"""`nianbao check FILE|DIR|ZIP... [--format text|csv|xlsx|json] [--output FILE]`:
every defect of one report, or a batch summary of many (worst first) with
exports.

One plain file without --format: the full defect list (or --json).  Several
files, a folder or a .zip: the batch summary, or with --format the export
(csv and json to standard output unless --output names a file).

Exit code 0 when no report has an error-level defect, 1 when one has, 2 when
a file cannot be read.  Imports stay inside the handlers: `nianbao check`
must start fast."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.common import add_lang, fail_unreadable, print_json, read_and_check
from core.extract import SUPPORTED

FORMATS = ("text", "csv", "xlsx", "json")
TABLES = ("summary", "defects", "figures")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="检查年报（一份、文件夹或 .zip）/ check reports (one, a folder or a .zip)",
        description="检查年报：.docx .pdf .txt .html .htm .md，或含这些文件的文件夹、.zip 压缩包。"
        " / Check reports: .docx .pdf .txt .html .htm .md files, folders or .zip archives of them.",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="FILE|DIR|ZIP",
        help=".docx .pdf .txt .html .htm .md, a folder, a .zip",
    )
    p.add_argument("--json", action="store_true", help="输出 JSON（同 --format json）/ print JSON")
    p.add_argument("--format", choices=FORMATS, help="批量结果格式 / output format of the results")
    p.add_argument("--output", "-o", metavar="FILE", help="写入文件 / write to FILE")
    p.add_argument(
        "--table",
        choices=TABLES,
        default="summary",
        help="CSV 输出哪张表 / which table --format csv writes (default: summary)",
    )
    p.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="并行进程数（默认每核一个）/ processes (default: one per core)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="S",
        help="每个文件的时限（秒）/ seconds per file",
    )
    add_lang(p)
    p.set_defaults(handler=run)


def _single(args: argparse.Namespace) -> bool:
    if len(args.paths) != 1 or args.format not in (None, "text") or args.output:
        return False
    p = Path(args.paths[0])
    # a folder called like a report (folder.txt) is not taken for a batch of it
    return (not p.is_dir() or p.suffix.lower() in SUPPORTED) and p.suffix.lower() != ".zip"


def run(args: argparse.Namespace) -> int:
    if _single(args):
        return run_one(args, args.paths[0])
    return run_batch(args)


def run_one(args: argparse.Namespace, path: str) -> int:
    from core.document import UnreadableFile
    from core.render import render_text, summary_counts

    try:
        report, defects = read_and_check(path, check=True)
    except UnreadableFile as exc:
        return fail_unreadable(exc, args.lang, path)
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


def run_batch(args: argparse.Namespace) -> int:
    from cli.batch_out import progress_printer, write_batch
    from core.batch.run import check_many
    from core.batch.sources import expand

    fmt = "json" if args.json and not args.format else (args.format or "text")
    sources, failures = expand(args.paths)
    batch = check_many(
        sources, workers=args.workers, timeout=args.timeout, progress=progress_printer(args.lang)
    )
    batch.failures = failures + batch.failures
    write_batch(batch, fmt, args.output, table=args.table, lang=args.lang)
    if batch.failures:
        return 2
    return 1 if any(c.errors for c in batch.checked) else 0
