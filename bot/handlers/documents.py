"""A document upload: refuse by type and size before downloading, then
check it and reply."""

from __future__ import annotations

from pathlib import PurePath

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.checking import check_and_reply, human_size, status_text, unreadable_text
from bot.context import services
from bot.i18n import t, user_lang
from core.extract import SUPPORTED
from core.normalize import printable

NAME_CHARS = 120  # of a file name shown back to the user


def shown_name(name: str | None) -> str:
    """The file name as the user may read it back: no control characters,
    not too long."""
    name = printable(name or "").replace("\n", " ").strip() or "document"
    if len(name) <= NAME_CHARS:
        return name
    suffix = PurePath(name).suffix[:10]
    return name[: NAME_CHARS - 1 - len(suffix)] + "…" + suffix


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Check an uploaded report and reply with its defects."""
    svc = services(context)
    msg = update.effective_message
    doc = msg.document
    lang = await user_lang(update, context)
    name = shown_name(doc.file_name)
    ext = PurePath(name).suffix.lower()
    if ext not in SUPPORTED:
        await msg.reply_text(unreadable_text("unsupported_type", lang, ext or name))
        return
    limit = svc.settings.max_upload_bytes
    if doc.file_size and doc.file_size > limit:
        await msg.reply_text(
            unreadable_text(
                "too_large", lang, size=human_size(doc.file_size), limit=human_size(limit)
            )
        )
        return
    user_id = update.effective_user.id if update.effective_user else msg.chat_id
    if svc.queue.full(user_id):
        await msg.reply_text(t("upload.queue_full", lang, count=svc.queue.waiting))
        return
    delay = svc.limiter.reserve(user_id)
    status = await msg.reply_text(status_text(context, user_id, name, lang, delay))
    try:
        file = await doc.get_file()
        data = bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        if "too big" in str(exc).lower():  # Telegram gave no file_size, getFile refused
            text = unreadable_text("too_large", lang, size="> 20 MB", limit=human_size(limit))
        else:
            text = t("upload.download_failed", lang, name=name)
        await status.edit_text(text)
        return
    if len(data) > limit:
        await status.edit_text(
            unreadable_text("too_large", lang, size=human_size(len(data)), limit=human_size(limit))
        )
        return
    # The check waits in the fair queue: as a task of its own, so that the
    # update is done and a user's queued files hold none of the bot's
    # concurrent-update slots.
    context.application.create_task(
        check_and_reply(update, context, data, name, status, lang, delay=delay),
        update=update,
        name=f"check:{msg.chat_id}:{msg.message_id}",
    )
