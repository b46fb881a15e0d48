"""Check file bytes off the event loop and reply with the result: the status
message edited into the summary, the defects by severity, and the full list
as a file when it is long.  Shared by uploads and pasted reports."""

from __future__ import annotations

import asyncio
import logging
from pathlib import PurePath
from typing import Any

from telegram import InputFile, Message, Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import replies
from bot.context import CheckResult, services
from bot.handlers.keyboards import result_keyboard
from bot.i18n import t
from core.document import UnreadableFile
from core.messages import message

logger = logging.getLogger(__name__)

TYPING_EVERY = 4.5  # seconds; Telegram shows a chat action for 5 s


def unreadable_text(code: str, lang: str, detail: str = "", **slots: Any) -> str:
    """A clear sentence for a file that cannot be read."""
    try:
        return message("unreadable." + code, lang, ext=detail, detail=detail, **slots)
    except KeyError:
        return message("unreadable.corrupt", lang, detail=detail or code)


def failure_text(result: Any, lang: str) -> str:
    """Why a file could not be checked: core's clear message when the file
    is unreadable, one polite sentence for anything else."""
    if result.error_code and result.error_code != "internal":
        return unreadable_text(result.error_code, lang, result.error_detail)
    return t("error.generic", lang)


def human_size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


async def ingest_file(
    context: ContextTypes.DEFAULT_TYPE, data: bytes, name: str, *, user_id: int, chat_id: int
) -> Any:
    """Parse, check and store one uploaded file as the chat's report, off the
    event loop; the one way every upload path (single file, album, archive)
    runs its work.  Raises TimeoutError past the check time limit."""
    svc = services(context)
    return await asyncio.wait_for(
        asyncio.to_thread(svc.store.ingest_bytes, data, name, user_id=user_id, chat_id=chat_id),
        svc.settings.check_timeout,
    )


async def check_and_reply(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    data: bytes,
    name: str,
    status: Message,
    lang: str,
) -> CheckResult | None:
    """Check `data`, store it as this chat's report and reply."""
    svc = services(context)
    chat_id = update.effective_chat.id
    user_id = update.effective_user.id if update.effective_user else chat_id
    timeout = svc.settings.check_timeout
    typing = asyncio.create_task(_keep_typing(context, chat_id))
    try:
        result = await ingest_file(context, data, name, user_id=user_id, chat_id=chat_id)
    except TimeoutError:
        await status.edit_text(t("upload.timeout", lang, name=name, seconds=f"{timeout:g}"))
        return None
    except UnreadableFile as exc:
        await status.edit_text(unreadable_text(exc.code, lang, exc.detail))
        return None
    except Exception:
        logger.exception("checking %s for chat %s failed", name, chat_id)
        await status.edit_text(t("error.generic", lang))
        return None
    finally:
        typing.cancel()
    if result.error_code or result.report_id is None:
        await status.edit_text(failure_text(result, lang))
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


async def _keep_typing(context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> None:
    """Keep the "typing…" indicator on (it lasts 5 s) while a check runs."""
    while True:
        await asyncio.sleep(TYPING_EVERY)
        try:
            await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
        except TelegramError:
            return


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
    head = replies.summary(checked.report, checked.defects, lang, checked.name)
    if duplicate:
        head += "\n" + t("upload.duplicate", lang)
    keyboard = result_keyboard(checked.report_id, checked.defects, lang, admin=admin)
    messages, attach = replies.check_messages(checked.defects, lang)
    if attach:
        head += "\n" + t("summary.full_list", lang)
    await status.edit_text(head, reply_markup=keyboard)
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
