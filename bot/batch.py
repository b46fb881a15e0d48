"""Run a batch of uploaded files in chat: every file through
`bot.checking.ingest_file` (the one entry of all uploads), one progress
message edited as reports finish ("已检查 37/120"), then one summary worst
first and the workbook."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from telegram import InputFile, Message
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot.checking import ingest_file
from bot.context import now, services
from core.batch.record import Batch, Failure
from core.batch.stored import Entry, checked_of_ids, later_of_pairs
from core.batch.summary import fit
from core.desk_text import text
from core.document import UnreadableFile

logger = logging.getLogger(__name__)

PARALLEL = 2  # files of one batch in flight at once (the worker pool is shared fairly)
PROGRESS_EVERY = 1.5  # seconds between edits of the progress message
MAX_FILES = 300  # files checked from one batch
MESSAGE_LIMIT = 4096

# bot_data["after_batch"]: called with (context, chat_id, batch, lang) once a
# batch is stored (the roster remembers unreadable files and asks about
# unsure units: bot/handlers/roster.py).
AfterBatch = Callable[[ContextTypes.DEFAULT_TYPE, int, Batch, str], Awaitable[None]]


@dataclass
class Upload:
    name: str
    data: bytes


@dataclass
class Progress:
    """The one progress message, edited at most every PROGRESS_EVERY seconds."""

    message: Message
    total: int
    lang: str
    done: int = 0
    _last: float = field(default=0.0)

    async def step(self) -> None:
        self.done += 1
        if self.done < self.total and time.monotonic() - self._last < PROGRESS_EVERY:
            return
        await self.show(text("bot.batch.progress", self.lang, done=self.done, total=self.total))

    async def show(self, body: str) -> None:
        self._last = time.monotonic()
        try:
            await self.message.edit_text(body)
        except BadRequest:  # "message is not modified"
            pass
        except TelegramError:
            logger.warning("progress message of chat %s not edited", self.message.chat_id)


async def run_batch(
    context: ContextTypes.DEFAULT_TYPE,
    *,
    chat_id: int,
    user_id: int,
    lang: str,
    uploads: list[Upload],
    failures: list[Failure],
    status: Message,
) -> Batch:
    """Check and store every upload, report progress, send the summary and workbook."""
    svc = services(context)
    failures = list(failures)
    if len(uploads) > MAX_FILES:
        await context.bot.send_message(
            chat_id,
            text("bot.batch.too_many", lang, limit=MAX_FILES, count=len(uploads) - MAX_FILES),
        )
        uploads = uploads[:MAX_FILES]
    progress = Progress(status, len(uploads), lang)
    await progress.show(text("bot.batch.progress", lang, done=0, total=len(uploads)))
    gate = asyncio.Semaphore(PARALLEL)
    results: list[Entry | Failure | None] = [None] * len(uploads)

    async def one(i: int, up: Upload) -> None:
        async with gate:
            results[i] = await _ingest(context, up, user_id=user_id, chat_id=chat_id)
        await progress.step()

    await asyncio.gather(*(one(i, up) for i, up in enumerate(uploads)))
    entries = [r for r in results if isinstance(r, Entry)]
    failures += [r for r in results if isinstance(r, Failure)]
    await progress.show(text("bot.batch.done", lang, done=len(uploads), total=len(uploads)))
    batch = Batch(failures=failures)
    if entries:
        await asyncio.to_thread(_recheck_pairs, svc.store, entries)
        batch.checked = await asyncio.to_thread(checked_of_ids, svc.store.engine, entries)
    if batch.total == 0:
        await context.bot.send_message(chat_id, text("bot.batch.nothing", lang))
        return batch
    await context.bot.send_message(chat_id, fit(batch, lang, MESSAGE_LIMIT))
    if batch.checked:
        await send_workbook(context, chat_id, batch, lang, now(context))
    for hook in context.bot_data.get("after_batch", ()):
        try:
            await hook(context, chat_id, batch, lang)
        except Exception:
            logger.exception("after-batch hook %s failed for chat %s", hook, chat_id)
    return batch


async def _ingest(
    context: ContextTypes.DEFAULT_TYPE, up: Upload, *, user_id: int, chat_id: int
) -> Entry | Failure:
    timeout = services(context).settings.check_timeout
    try:
        result = await ingest_file(context, up.data, up.name, user_id=user_id, chat_id=chat_id)
    except TimeoutError:
        return Failure(up.name, "timeout", "", up.name, {"seconds": f"{timeout:g}"})
    except UnreadableFile as exc:
        return Failure(up.name, exc.code, exc.detail, up.name, exc.slots)
    except Exception as exc:
        logger.exception("checking %s for chat %s failed", up.name, chat_id)
        return Failure(up.name, "internal", type(exc).__name__, up.name)
    code = getattr(result, "error_code", None)
    report_id = getattr(result, "report_id", None)
    if code or report_id is None:
        return Failure(up.name, code or "internal", getattr(result, "error_detail", ""), up.name)
    return Entry(up.name, report_id, getattr(result, "status", "stored"))


def _recheck_pairs(store, entries: list[Entry]) -> None:
    """Reports of one unit for two consecutive years in the same batch may
    have been stored at the same moment, each before the other could be
    compared with it: check the later ones against the earlier again."""
    later = later_of_pairs(store.engine, [e.report_id for e in entries])
    if later:
        store.recheck(later)


async def send_workbook(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, batch: Batch, lang: str, at: datetime
) -> None:
    from core.export.workbook import build_workbook

    data = await asyncio.to_thread(build_workbook, batch, lang)
    name = text("bot.export.filename", lang, stamp=at.strftime("%Y%m%d-%H%M"))
    await context.bot.send_document(
        chat_id,
        InputFile(data, filename=name),
        caption=text("bot.batch.workbook_caption", lang, count=len(batch.checked)),
    )
