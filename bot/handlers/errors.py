"""The one error handler: log with the traceback, one polite sentence to the
user, never a traceback, never a crash."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import RetryAfter, TimedOut
from telegram.ext import ContextTypes

from bot.i18n import from_language_code, t

logger = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error and tell the user politely that something went wrong."""
    logger.error("error while handling update %r", update, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    lang = (context.chat_data or {}).get("lang") or from_language_code(
        update.effective_user.language_code if update.effective_user else None,
        context.bot_data["services"].settings.default_lang,
    )
    busy = isinstance(context.error, RetryAfter | TimedOut)
    try:
        await context.bot.send_message(
            update.effective_chat.id, t("error.busy" if busy else "error.generic", lang)
        )
    except Exception:  # the apology itself failed: nothing more to do
        logger.warning("could not tell chat %s about the error", update.effective_chat.id)
