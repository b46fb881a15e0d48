"""`nianbao bot`: run the Telegram bot."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "bot",
        help="运行 Telegram 机器人 / run the Telegram bot",
        description="Run the Telegram bot. Settings come from the environment and .env "
        "(TELEGRAM_BOT_TOKEN, DATABASE_URL, …; see .env.example).",
    )
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from bot.__main__ import main

    return main()
