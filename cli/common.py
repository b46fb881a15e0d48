"""Helpers shared by the subcommands: language choice and unreadable files."""

from __future__ import annotations

import json
import sys
from typing import Any

from core.document import UnreadableFile
from core.messages import LANGS, message


def add_lang(parser) -> None:  # noqa: ANN001
    parser.add_argument("--lang", choices=LANGS, default="zh", help="语言 / language (zh, en)")


def fail_unreadable(exc: UnreadableFile, lang: str, filename: str) -> int:
    """Print one line on stderr saying why the file cannot be read; exit code 2."""
    slots = {
        "ext": exc.detail or filename,
        "detail": exc.detail or filename,
        "size": "",
        "limit": "",
    }
    try:
        text = message(f"unreadable.{exc.code}", lang, **slots)
    except KeyError:
        text = message("unreadable.corrupt", lang, **slots)
    print(f"nianbao: {filename}: {text}", file=sys.stderr)
    return 2


def print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))
