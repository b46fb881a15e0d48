"""Any other text: a question for the store, or a pasted report to check."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rapidfuzz import fuzz
from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import ContextTypes

from bot.checking import check_and_reply
from bot.context import now, services
from bot.handlers import desk_questions
from bot.handlers.keyboards import choices_keyboard
from bot.i18n import t, user_lang
from bot.replies import split_text

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
    agency: str | None = None,
) -> None:
    """Ask the store; an ambiguous agency gets a keyboard to choose from."""
    if agency is None and await desk_questions.try_answer(update, context, question, lang):
        return  # a reviewer's question: who has not filed, two years compared, a chart
    svc = services(context)
    chat_id = update.effective_chat.id
    await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
    answer = await asyncio.to_thread(
        ask,
        svc.store,
        question,
        chat_id=chat_id,
        lang=lang,
        today=now(context).date(),
        agency=agency,
    )
    choices = [str(c) for c in (getattr(answer, "choices", None) or [])]
    text = answer.text(lang)
    if choices and agency is None:
        context.chat_data["pending_question"] = (question, choices)
        await context.bot.send_message(
            chat_id,
            text or t("question.choose_agency", lang),
            reply_markup=choices_keyboard(choices),
        )
        return
    for part in split_text(text):
        await context.bot.send_message(chat_id, part)


def ask(
    store: Any, question: str, *, chat_id: int, lang: str, today: Any, agency: str | None
) -> Any:
    """Store.ask, with the agency the user picked when there was a choice
    written into the question in place of the ambiguous mention."""
    if agency is not None:
        question = with_agency(question, agency)
    return store.ask(question, chat_id=chat_id, lang=lang, today=today)


def with_agency(question: str, agency: str) -> str:
    """The question with its agency mention replaced by the name the user
    chose: the window of the question most like that name."""
    best = (0.0, 0, 0)
    n = len(agency)
    for size in range(max(2, n - 3), n + 3):
        for start in range(0, max(1, len(question) - size + 1)):
            score = fuzz.ratio(question[start : start + size], agency)
            if score > best[0]:
                best = (score, start, start + size)
    score, start, end = best
    if score < 60:
        return f"{agency} {question}"
    return question[:start] + agency + question[end:]
