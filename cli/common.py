"""Helpers shared by the subcommands: language choice and unreadable files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from core import jobs
from core.document import UnreadableFile
from core.files import read_file
from core.jobs import Pool
from core.limits import DEFAULT, Limits
from core.messages import LANGS
from core.normalize import printable
from core.report import Report
from core.unreadable import explain


def add_lang(parser) -> None:  # noqa: ANN001
    parser.add_argument("--lang", choices=LANGS, default="zh", help="语言 / language (zh, en)")


def fail_unreadable(exc: UnreadableFile, lang: str, filename: str) -> int:
    """Print one line on stderr saying why the file cannot be read; exit code 2."""
    print(f"nianbao: {printable(str(filename))}: {explain(exc, lang)}", file=sys.stderr)
    return 2


def limits() -> Limits:
    """The command line's limits: the same defaults as the bot's."""
    return DEFAULT


def pool(workers: int = 1) -> Pool:
    """Worker processes that read files with the time and memory limits."""
    return Pool(limits(), workers)


def read_and_check(path: str, *, check: bool) -> tuple[Report, list]:
    """Read the file at `path` in a worker process within the limits: the
    Report, and its defects when `check`; UnreadableFile otherwise.  One
    file, one forked worker (no pool to start and stop)."""
    data = read_file(path, limits())
    name = Path(path).name
    if check:
        return jobs.run_once(jobs.read, data, name, limits(), limits=limits())
    return jobs.run_once(jobs.parse, data, name, limits(), limits=limits()), []


def print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))
