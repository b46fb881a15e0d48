"""The limits of the work one file may cause: the same for the command line
and the bot, set once by the caller (bot settings, CLI defaults) and passed
in — core never reads them from the environment.

Each limit, when passed, is a typed `UnreadableFile` with a clear message
(data/messages.toml, `unreadable.<code>`); time and memory are enforced by
the worker process that runs the job (core.jobs)."""

from __future__ import annotations

from dataclasses import dataclass, replace

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    # The file as sent: the Bot API's getFile limit.
    file_bytes: int = 20 * MB
    # A zip container (.docx): the sum of its members' sizes once unpacked,
    # and how many members it may have (Word writes 10 to 50).
    unpacked_bytes: int = 200 * MB
    zip_members: int = 2000
    # A PDF's pages; a long report with annexes has about 60.
    pages: int = 500
    # Rows of one table; the report's tables have about 40.
    table_rows: int = 2000
    # Characters of text read out of the file (a report has 10,000 to 100,000).
    text_chars: int = 2_000_000
    # Wall-clock seconds of one job (parse and check) in a worker.
    seconds: float = 60.0
    # Address space of a worker process, bytes (RLIMIT_AS): the job's memory
    # with the interpreter and its libraries (about 120 MB of it at rest).
    memory_bytes: int = 1024 * MB

    def but(self, **changes: object) -> Limits:
        """These limits with some changed."""
        return replace(self, **changes)


DEFAULT = Limits()


def human_size(n: int) -> str:
    """20.0 MB, 512 KB: a size for a message."""
    return f"{n / MB:.1f} MB" if n >= MB else f"{max(1, n // 1024)} KB"
