"""`nianbao ingest FILE|DIR|ZIP... [--db URL]`: parse, check and store
reports, one line per file, then a summary (new, replaced, unchanged,
failed with why); goes on past bad files; exit 1 when any failed."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from cli.common import add_lang, limits, pool
from core.document import UnreadableFile
from core.extract import SUPPORTED
from core.normalize import printable
from core.store.url import DEFAULT_URL


def db_url(args: argparse.Namespace) -> str:
    """--db, else $DATABASE_URL, else the SQLite file in the current directory."""
    return args.db or os.environ.get("DATABASE_URL") or DEFAULT_URL


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help=f"数据库 / database URL (default: $DATABASE_URL or {DEFAULT_URL})",
    )


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="保存年报以便问答 / store reports for questions")
    p.add_argument(
        "paths",
        nargs="+",
        metavar="FILE|DIR|ZIP",
        help="files, directories (searched recursively) or .zip archives",
    )
    add_db(p)
    p.add_argument(
        "--private",
        action="store_true",
        help="不公开（仅命令行可见）/ do not publish (the bot's chats will not see them)",
    )
    add_lang(p)
    p.set_defaults(handler=run)


def files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
        else:
            out.append(p)
    return out


def run(args: argparse.Namespace) -> int:
    from collections import Counter

    from core.batch.record import Failure
    from core.batch.sources import expand
    from core.batch.summary import failure_text
    from core.desk_text import text
    from core.files import read_file
    from core.jobs import PooledReader
    from core.store.repository import Store
    from core.unreadable import explain

    sources, failures = expand(args.paths)
    store = Store(db_url(args), reader=PooledReader(pool()))
    statuses: Counter = Counter()
    total = len(sources) + len(failures)
    try:
        for f in failures:
            shown = printable(f.path or f.name)
            print(f"failed\t-\t{shown}\t{failure_text(f, args.lang)}", flush=True)
        for source in sources:
            shown = printable(source.path)
            try:
                data = (
                    read_file(Path(source.path), limits()) if source.data is None else source.data
                )
            except UnreadableFile as exc:
                failures.append(Failure(source.name, exc.code, exc.detail, source.path, exc.slots))
                print(f"failed\t-\t{shown}\t{explain(exc, args.lang)}", flush=True)
                continue
            res = store.ingest_bytes(data, source.name, published=not args.private)
            statuses[res.status] += 1
            if not res.ok:
                failures.append(
                    Failure(
                        source.name,
                        res.error_code or "internal",
                        res.error_detail,
                        source.path,
                        res.error_slots,
                    )
                )
            ident = f"#{res.report_id}" if res.report_id else "-"
            print(f"{res.status}\t{ident}\t{shown}\t{res.message(args.lang)}", flush=True)
        store.analyze()
    finally:
        store.close()
    lang = args.lang
    print(
        text(
            "ingest.summary",
            lang,
            total=total,
            new=statuses["new"],
            superseded=statuses["superseded"],
            unchanged=statuses["unchanged"],
            failed=len(failures),
        )
    )
    if failures:
        print(text("ingest.failed_head", lang))
        for f in failures:
            print(
                text(
                    "ingest.failed_line", lang, name=f.path or f.name, reason=failure_text(f, lang)
                )
            )
    return 1 if failures else 0
