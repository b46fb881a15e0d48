"""`nianbao bot`: run the Telegram bot."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "bot",
        help="运行 Telegram 机器人 / run the Telegram bot",
        description="Run the Telegram bot. Settings come from the environment and .env "
        "(TELEGRAM_BOT_TOKEN, DATABASE_URL, …; see .env.example). Users send .docx, .pdf, "
        ".txt, .html/.htm or .md reports (up to 20 MB each; at most 5 uploads per person per "
        "60 seconds — a .zip or several files sent together count as one), rosters as .xlsx "
        "or .csv. / 运行 Telegram 机器人：用户发送 .docx、.pdf、.txt、.html/.htm、.md 报告（每个不超过 "
        "20 MB；每人每 60 秒最多上传 5 次，.zip 或一次发送的多个文件算一次），名单为 .xlsx 或 .csv。",
    )
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from bot.__main__ import main

    return main()
