"""Writing a batch's results: the text summary, CSV, JSON or the .xlsx
workbook, to standard output or a file; progress on a terminal."""

from __future__ import annotations

import sys
from pathlib import Path

from core.batch.record import Batch
from core.batch.summary import render, text

DEFAULT_XLSX = "nianbao-check.xlsx"


def progress_printer(lang: str):
    """Print "已检查 37/120" in place on a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        print(
            f"\r{text('batch.progress', lang, done=done, total=total)}",
            end=end,
            file=sys.stderr,
            flush=True,
        )

    return show


def write_batch(batch: Batch, fmt: str, output: str | None, *, table: str, lang: str) -> None:
    if fmt == "xlsx":
        from core.export.workbook import build_workbook

        data = build_workbook(batch, lang)
        if output is None and not sys.stdout.isatty():
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        path = Path(output or DEFAULT_XLSX)
        path.write_bytes(data)
        print(text("batch.written", lang, file=path), file=sys.stderr)
        return
    if fmt == "csv":
        from core.export.tabular import csv_bytes, to_csv

        if output:
            Path(output).write_bytes(csv_bytes(batch, table, lang))
            print(text("batch.written", lang, file=output), file=sys.stderr)
        else:
            sys.stdout.write(to_csv(batch, table, lang))
        return
    if fmt == "json":
        from core.export.tabular import to_json

        out = to_json(batch, lang) + "\n"
    else:
        out = render(batch, lang) + "\n"
    if output:
        Path(output).write_text(out, encoding="utf-8")
        print(text("batch.written", lang, file=output), file=sys.stderr)
    else:
        sys.stdout.write(out)
