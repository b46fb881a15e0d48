"""`nianbao ingest FILE|DIR... [--db URL]`: parse, check and store reports,
one line per file; goes on past bad files; exit 1 when any failed."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from cli.common import add_lang, limits, pool
from core.document import UnreadableFile
from core.extract import SUPPORTED
from core.files import read_file
from core.jobs import PooledReader
from core.normalize import printable
from core.store.db import DEFAULT_URL
from core.unreadable import explain


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
        "paths", nargs="+", metavar="FILE|DIR", help="files or directories (searched recursively)"
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
    from core.store.repository import Store

    store = Store(db_url(args), reader=PooledReader(pool()))
    failed = 0
    try:
        for path in files(args.paths):
            shown = printable(str(path))
            try:
                data = read_file(path, limits())
            except UnreadableFile as exc:
                failed += 1
                print(f"failed\t-\t{shown}\t{explain(exc, args.lang)}", flush=True)
                continue
            res = store.ingest_bytes(data, path.name, published=not args.private)
            failed += not res.ok
            ident = f"#{res.report_id}" if res.report_id else "-"
            print(f"{res.status}\t{ident}\t{shown}\t{res.message(args.lang)}", flush=True)
        store.analyze()
    finally:
        store.close()
    return 1 if failed else 0
