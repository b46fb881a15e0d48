"""Logging that tells what happened and nothing secret: libraries that log
every request or every PDF operator are capped, and secrets (the bot's
token) are blanked out of every record before any handler writes it."""

from __future__ import annotations

import logging
from collections.abc import Iterable

# Loggers of libraries that write a line per request, per PDF object or per
# job at INFO or DEBUG (pdfminer alone writes hundreds of MB a minute).
LIBRARY_LOGGERS = (
    "pdfminer",
    "pdfplumber",
    "PIL",
    "charset_normalizer",
    "httpx",
    "httpcore",
    "hpack",
    "telegram",
    "apscheduler",
    "aiohttp",
    "tornado",
    "asyncio",
    "multiprocessing",
    "pebble",
    "sqlalchemy",
    "psycopg",
)
MASK = "[secret]"


def cap_library_loggers(level: int = logging.WARNING) -> None:
    """Libraries log at `level` and above, whatever the root level is."""
    for name in LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level < level:
            logger.setLevel(level)


class Redact(logging.Filter):
    """Blank `secrets` out of a record: its message, its arguments and its
    traceback.  Installed on handlers, so it sees every logger's records."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def hide(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        record.msg = self.hide(record.getMessage())
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.hide(record.exc_text)
        if record.stack_info:
            record.stack_info = self.hide(record.stack_info)
        return True


def configure(level: str | int, secrets: Iterable[str] = ()) -> None:
    """Log to stderr at `level` with secrets blanked and libraries capped."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    redact = Redact(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)
    cap_library_loggers()
