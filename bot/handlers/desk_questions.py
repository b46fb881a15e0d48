"""The reviewer's questions in chat (core.desk): who has not filed, two
years side by side, a figure over the years sent as a chart (a photo)."""

from __future__ import annotations

import asyncio
import logging

from telegram import InputFile, Update
from telegram.constants import ChatAction
from telegram.ext import ContextTypes

from bot.context import now, services
from bot.replies import split_text
from core.desk import answer_desk_question

logger = logging.getLogger(__name__)


async def try_answer(
    update: Update, context: ContextTypes.DEFAULT_TYPE, question: str, lang: str
) -> bool:
    """Answer `question` when it is one of the reviewer's; False otherwise."""
    svc = services(context)
    chat_id = update.effective_chat.id
    today = now(context).astimezone(svc.settings.tz).date()
    answer = await asyncio.to_thread(
        answer_desk_question, svc.store, question, chat_id=chat_id, lang=lang, today=today
    )
    if answer is None:
        return False
    if answer.png is not None:
        await context.bot.send_chat_action(chat_id, ChatAction.UPLOAD_PHOTO)
        await context.bot.send_photo(
            chat_id, InputFile(answer.png, filename="chart.png"), caption=answer.caption
        )
    for part in split_text(answer.text):
        await context.bot.send_message(chat_id, part)
    return True
