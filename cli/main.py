"""The `nianbao` command line: a thin adapter over core."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module

# Each module defines register(subparsers) adding its subcommand; the
# subcommand's handler returns the exit code.
COMMANDS = (
    "cli.parse_cmd",
    "cli.check_cmd",
    "cli.rules_cmd",
    "cli.ingest_cmd",
    "cli.ask_cmd",
    "cli.bot_cmd",
)


def _epilog() -> str:
    from core.desk_text import text

    return text("cli.epilog", "zh") + "\n" + text("cli.epilog", "en")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nianbao",
        description="政府信息公开工作年度报告：解析、检查、问答与提醒 / "
        "read, check and answer questions about government information-disclosure annual reports",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        return int(args.handler(args) or 0)
    except BrokenPipeError:  # output piped into head(1) and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
