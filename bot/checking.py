"""Check file bytes off the event loop and reply with the result: the status
message edited into the summary, the defects by severity, and the full list
as a file when it is long.  Shared by uploads and pasted reports."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from pathlib import PurePath
from typing import Any

from telegram import InputFile, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot import replies
from bot.context import CheckResult, services
from bot.handlers.keyboards import result_keyboard
from bot.i18n import t
from bot.workers import QueueClosed
from core.document import UnreadableFile
from core.limits import human_size  # noqa: F401  (re-exported for the handlers)
from core.store.ingest import IngestResult
from core.unreadable import unreadable_text as _unreadable

logger = logging.getLogger(__name__)


def unreadable_text(code: str, lang: str, detail: str = "", **slots: Any) -> str:
    """A clear sentence for a file that cannot be read (`detail`: the
    extension, for an unsupported type)."""
    if detail and "ext" not in slots:
        slots["ext"] = detail
    return _unreadable(code, lang, slots)


def failure_text(result: Any, lang: str) -> str:
    """Why a file could not be checked: core's clear message when the file
    is unreadable, one polite sentence for anything else."""
    if result.error_code and result.error_code != "internal":
        return _unreadable(result.error_code, lang, getattr(result, "error_slots", {}))
    return t("error.generic", lang)


async def ingest_file(
    context: ContextTypes.DEFAULT_TYPE,
    data: bytes,
    name: str,
    *,
    user_id: int,
    chat_id: int,
    delay: float = 0.0,
) -> IngestResult:
    """Parse, check and store one uploaded file as the chat's report: the
    one way every upload path (single file, album, archive) runs its work.

    The job waits its turn in the fair queue (bot.workers: users take turns,
    one user never holds every worker), `delay` seconds at least (the
    user's upload rate); parsing and checking then run in a worker process
    within the time and memory limits, the database work in a thread.
    Never raises for a bad file: an IngestResult with status "failed" and
    its error_code (too_slow, too_much_memory … when a limit stopped it;
    stopped when the bot is shutting down)."""
    svc = services(context)
    loop = asyncio.get_running_loop()

    def work() -> Awaitable[IngestResult]:
        return asyncio.to_thread(
            svc.store.ingest_bytes, data, name, user_id=user_id, chat_id=chat_id
        )

    try:
        return await svc.queue.run(user_id, work, not_before=loop.time() + delay)
    except QueueClosed:
        return IngestResult(None, "failed", error_code="stopped", filename=name)


def status_text(
    context: ContextTypes.DEFAULT_TYPE, user_id: int, name: str, lang: str, delay: float
) -> str:
    """What the status message says before the check starts: working, or
    the queue position, or the wait the upload rate imposes."""
    svc = services(context)
    if delay > 0:
        limiter = svc.limiter
        return t(
            "upload.rate_queued",
            lang,
            name=name,
            limit=limiter.limit,
            window=int(limiter.window),
            wait=int(delay) + 1,
        )
    ahead = svc.queue.ahead(user_id)
    if ahead:
        return t("upload.queued", lang, name=name, ahead=ahead)
    return t("upload.working", lang, name=name)


async def check_and_reply(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    data: bytes,
    name: str,
    status: Message,
    lang: str,
    *,
    delay: float = 0.0,
) -> CheckResult | None:
    """Check `data`, store it as this chat's report and reply by editing
    `status` (and sending what one message cannot hold)."""
    svc = services(context)
    chat_id = update.effective_chat.id
    user_id = update.effective_user.id if update.effective_user else chat_id
    try:
        result = await ingest_file(
            context, data, name, user_id=user_id, chat_id=chat_id, delay=delay
        )
    except UnreadableFile as exc:
        await _edit(status, _unreadable(exc.code, lang, exc.slots))
        return None
    except Exception:
        logger.exception("checking a file for chat %s failed", chat_id)
        await _edit(status, t("error.generic", lang))
        return None
    if result.error_code or result.report_id is None:
        await _edit(status, failure_text(result, lang))
        await after_upload(context, chat_id, result, name, lang)
        return None

    checked = CheckResult(result.report_id, name, result.report, list(result.defects))
    svc.remember(checked)
    await reply_result(
        update, context, checked, status, lang, duplicate=result.status == "unchanged"
    )
    await after_upload(context, chat_id, result, name, lang)
    return checked


async def after_upload(context, chat_id: int, result: Any, name: str, lang: str) -> None:
    """The follow-ups registered in bot_data["after_upload"] (the roster's)."""
    for hook in context.bot_data.get("after_upload", ()):
        await hook(context, chat_id, result, name, lang)


async def _edit(status: Message, text: str, **kwargs: Any) -> None:
    try:
        await status.edit_text(text, **kwargs)
    except BadRequest as exc:  # "message is not modified"
        if "not modified" not in str(exc).lower():
            raise


def result_messages(
    checked: CheckResult, lang: str, *, admin: bool, duplicate: bool = False
) -> tuple[str, Any, list[str], bool]:
    """The summary with its keyboard, the defect messages that follow it,
    and whether the full list goes as a file.  When the defects fit in the
    summary's message they are in it: no message is sent that an edit can
    carry (Telegram allows about 30 a second for all chats)."""
    head = replies.summary(checked.report, checked.defects, lang, checked.name)
    if duplicate:
        head += "\n" + t("upload.duplicate", lang)
    keyboard = result_keyboard(checked.report_id, checked.defects, lang, admin=admin)
    messages, attach = replies.check_messages(checked.defects, lang)
    if attach:
        head += "\n" + t("summary.full_list", lang)
    elif len(messages) == 1 and len(head) + 2 + len(messages[0]) <= replies.LIMIT:
        head, messages = head + "\n\n" + messages[0], []
    return head, keyboard, messages, attach


async def reply_result(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    checked: CheckResult,
    status: Message,
    lang: str,
    *,
    duplicate: bool = False,
) -> None:
    svc = services(context)
    user = update.effective_user
    admin = bool(user and user.id in svc.settings.admin_ids)
    head, keyboard, messages, attach = result_messages(
        checked, lang, admin=admin, duplicate=duplicate
    )
    await _edit(status, head, reply_markup=keyboard)
    chat_id = update.effective_chat.id
    for text in messages:
        await context.bot.send_message(chat_id, text)
    if attach:
        full = replies.full_text(checked.report, checked.defects, lang, checked.name)
        stem = PurePath(checked.name).stem or "report"
        await context.bot.send_document(
            chat_id,
            InputFile(full.encode("utf-8"), filename=f"{stem}-defects-{lang}.txt"),
        )
