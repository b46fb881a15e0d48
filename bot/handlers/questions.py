"""Any other text: a question for the store, or a pasted report to check."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from typing import Any

from telegram import Update
from telegram.constants import ChatAction
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.checking import check_and_reply
from bot.context import now, services
from bot.handlers import desk_questions
from bot.handlers.keyboards import answer_keyboard, choices_keyboard
from bot.i18n import t, user_lang
from bot.replies import split_text
from core.messages import LANGS
from core.qa import ask

logger = logging.getLogger(__name__)

# A pasted text shorter than this, or with fewer lines, is never a report.
REPORT_MIN_CHARS = 400
REPORT_MIN_LINES = 12
PASTED_NAME = "pasted.txt"


def might_be_report(text: str) -> bool:
    return len(text) >= REPORT_MIN_CHARS and text.count("\n") + 1 >= REPORT_MIN_LINES


def is_report(text: str) -> bool:
    """Parse a pasted text as a .txt report: a report when its section
    headings and at least one statistical table are recognised."""
    from core.parse import parse_bytes

    try:
        report = parse_bytes(text.encode("utf-8"), PASTED_NAME)
    except Exception:
        return False
    sections = sum(1 for s in report.sections if s.key)
    return sections >= 2 and any(report.tables_found.values())


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a question, or check a pasted report."""
    msg = update.effective_message
    text = msg.text or ""
    lang = await user_lang(update, context)
    if might_be_report(text) and await asyncio.to_thread(is_report, text):
        status = await msg.reply_text(t("upload.working", lang, name=t("upload.pasted_name", lang)))
        await check_and_reply(update, context, text.encode("utf-8"), PASTED_NAME, status, lang)
        return
    await answer_question(update, context, text, lang)


async def answer_question(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    question: str,
    lang: str,
    picked: dict[str, Any] | None = None,
    follow: dict[str, Any] | None = None,
) -> None:
    """Ask the store; the answer comes in the question's language (the chat's
    when the question has none), with a button for the other language; a
    choice (agency or figure) comes as a keyboard that answers the question.
    A follow-up ("那2023年呢？") takes the rest from the chat's last question.
    A reviewer's question (who has not filed, two years compared, a chart) is
    the desk's."""
    if picked is None and await desk_questions.try_answer(update, context, question, lang):
        return
    svc = services(context)
    chat_id = update.effective_chat.id
    memory = chat_memory(context)
    await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
    answer = await asyncio.to_thread(
        ask,
        svc.store,
        question,
        chat_id=chat_id,
        lang=lang,
        today=now(context).date(),
        context=follow if follow is not None else memory.get("last"),
        picked=picked,
        roster=getattr(svc, "roster", None),
    )
    if answer.kind == "choose":
        token = memory.remember(
            "pending",
            {
                "question": question,
                "options": [{"kind": c.kind, "value": c.value} for c in answer.choice_options],
                "context": follow if follow is not None else memory.get("last"),
            },
        )
        await context.bot.send_message(
            chat_id,
            answer.text() or t("question.choose_agency", answer.lang),
            reply_markup=choices_keyboard(answer.choices, token),
        )
        return
    if answer.context() is not None:
        memory["last"] = answer.context()
    token = memory.remember("answers", answer)
    parts = split_text(answer.text())
    for i, part in enumerate(parts):
        markup = answer_keyboard(token, answer.lang) if i == len(parts) - 1 else None
        await context.bot.send_message(chat_id, part, reply_markup=markup)


async def on_choice(
    update: Update, context: ContextTypes.DEFAULT_TYPE, token: str, index: str
) -> None:
    """The user picked option `index` of the choice `token`: answer the
    original question with it.  Both come from the client and are only
    looked up in this chat's own memory."""
    query = update.callback_query
    lang = await user_lang(update, context)
    pending = chat_memory(context).recall("pending", token)
    await query.answer()
    options = pending["options"] if pending else []
    if not index.isdigit() or int(index) >= len(options):
        await context.bot.send_message(update.effective_chat.id, t("question.expired", lang))
        return
    option = options[int(index)]
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest:
        pass
    picked = {option["kind"]: option["value"]}
    await answer_question(
        update, context, pending["question"], lang, picked=picked, follow=pending["context"] or {}
    )


async def on_answer_language(
    update: Update, context: ContextTypes.DEFAULT_TYPE, token: str, lang: str
) -> None:
    """Show one answer in the other language; the chat's language stays."""
    query = update.callback_query
    answer = chat_memory(context).recall("answers", token)
    await query.answer()
    if answer is None or lang not in LANGS:
        chat_lang = await user_lang(update, context)
        await context.bot.send_message(update.effective_chat.id, t("question.expired", chat_lang))
        return
    text = split_text(answer.text(lang))[-1]
    try:
        await query.edit_message_text(text, reply_markup=answer_keyboard(token, lang))
    except BadRequest:  # e.g. "message is not modified"
        pass


class ChatMemory:
    """What a chat's questions leave behind, kept in chat_data: the last
    query (for follow-ups), recent answers (for their language button) and
    pending choices.  Tokens are short counters, never trusted beyond this
    chat's own entries."""

    KEPT = 20

    def __init__(self, data: dict) -> None:
        self.data = data

    def get(self, key: str) -> Any:
        return self.data.get(key)

    def __setitem__(self, key: str, value: Any) -> None:
        self.data[key] = value

    def remember(self, kind: str, value: Any) -> str:
        store = self.data.setdefault(kind, OrderedDict())
        self.data["counter"] = self.data.get("counter", 0) + 1
        token = str(self.data["counter"])
        store[token] = value
        while len(store) > self.KEPT:
            store.popitem(last=False)
        return token

    def recall(self, kind: str, token: str) -> Any:
        return self.data.get(kind, {}).get(token)


def chat_memory(context: ContextTypes.DEFAULT_TYPE) -> ChatMemory:
    return ChatMemory(context.chat_data.setdefault("qa", {}))
