"""`nianbao ask "QUESTION" [--db URL] [--json] [--explain]`: answer a
question about the stored reports, with the cell each figure came from;
`--explain` shows every step of understanding first.  Exit 1 when the
question was not understood (or named an agency that is not stored)."""

from __future__ import annotations

import argparse
from datetime import date

from cli.common import print_json
from cli.ingest_cmd import add_db, db_url
from core.messages import LANGS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ask", help="就已保存的年报提问 / ask about the stored reports")
    p.add_argument("question", help="e.g. 硚口区司法局2024年收到多少政府信息公开申请？")
    add_db(p)
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.add_argument(
        "--explain",
        action="store_true",
        help="逐步显示问题是怎样理解的 / show each step of understanding",
    )
    p.add_argument(
        "--lang",
        choices=LANGS,
        help="回答语言（默认按问题）/ answer language (default: the question's)",
    )
    p.add_argument(
        "--today",
        type=date.fromisoformat,
        help="“去年”的参照日期 / the date 'last year' is counted from",
    )
    p.add_argument(
        "--chart",
        metavar="FILE.png",
        help="趋势问题的图表写入文件 / write the chart of a trend question to FILE.png",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from core.desk import answer_desk_question
    from core.qa import ask
    from core.store.repository import Store

    store = Store(db_url(args))
    try:
        desk = answer_desk_question(
            store, args.question, chat_id=None, lang=args.lang or "zh", today=args.today
        )
        if desk is not None:  # a reviewer's question (core.desk): the one hook
            return print_desk(desk, args)
        answer = ask(store, args.question, lang=args.lang, today=args.today)
    finally:
        store.close()
    if args.json:
        print_json(answer.as_json(args.lang))
    elif args.explain:
        print(answer.explain(args.lang))
    else:
        print(answer.text(args.lang))
    return 1 if answer.kind in ("not_understood", "not_stored") else 0


def print_desk(desk, args: argparse.Namespace) -> int:
    if args.json:
        print_json(desk.as_json())
    else:
        print(desk.text)
    if args.chart and desk.png is not None:
        from pathlib import Path

        Path(args.chart).write_bytes(desk.png)
    return 0
