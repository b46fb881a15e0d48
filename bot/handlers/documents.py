"""A document upload: refuse by type and size before downloading, then
check it and reply."""

from __future__ import annotations

from pathlib import PurePath

from telegram import Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.checking import check_and_reply, human_size, unreadable_text
from bot.context import services
from bot.i18n import t, user_lang
from core.extract import SUPPORTED


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Check an uploaded report and reply with its defects."""
    svc = services(context)
    msg = update.effective_message
    doc = msg.document
    lang = await user_lang(update, context)
    name = doc.file_name or "document"
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
    wait = svc.limiter.hit(user_id)
    if wait:
        await msg.reply_text(
            t(
                "upload.rate_limited",
                lang,
                limit=svc.limiter.limit,
                window=int(svc.limiter.window),
                wait=int(wait) + 1,
            )
        )
        return
    await context.bot.send_chat_action(msg.chat_id, ChatAction.TYPING)
    status = await msg.reply_text(t("upload.working", lang, name=name))
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
    await check_and_reply(update, context, data, name, status, lang)
