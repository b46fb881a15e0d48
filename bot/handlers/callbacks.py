"""Inline button presses: category details, language, publish, agency choice."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot import replies
from bot.context import CheckResult, services
from bot.handlers.keyboards import result_keyboard
from bot.handlers.questions import on_answer_language, on_choice
from bot.i18n import set_user_lang, t, user_lang
from core.defect import DefectLocation
from core.messages import LANGS

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredDefect:
    """A defect read back from the database, shaped like the checker's."""

    code: str
    category: str
    severity: str
    location: DefectLocation
    messages: dict[str, str]
    hints: dict[str, str]

    @classmethod
    def of(cls, rec: Any) -> StoredDefect:
        fields = {
            k: v
            for k, v in (rec.location or {}).items()
            if k in DefectLocation.__dataclass_fields__
        }
        return cls(
            rec.code,
            rec.category,
            rec.severity,
            DefectLocation(**fields),
            {"zh": rec.message_zh, "en": rec.message_en},
            {"zh": rec.hint_zh, "en": rec.hint_en},
        )

    def message(self, lang: str) -> str:
        return self.messages.get(lang) or self.messages["zh"]

    def hint(self, lang: str) -> str:
        return self.hints.get(lang) or self.hints["zh"]


def _report_id(text: str) -> int | None:
    """The report id a button names, or None: button data is a client's
    claim, checked by Store.visible_report before anything is shown."""
    return int(text) if text.isdigit() and len(text) < 19 else None


async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Dispatch a button press by the prefix of its callback data."""
    query = update.callback_query
    kind, _, rest = (query.data or "").partition(":")
    handler = {"c": _category, "l": _language, "p": _publish, "q": _choice, "a": _answer_lang}.get(
        kind
    )
    if handler is None:
        await query.answer()
        return
    await handler(update, context, rest)


async def _category(update: Update, context: ContextTypes.DEFAULT_TYPE, rest: str) -> None:
    """Send the defects of one category of a checked report."""
    query = update.callback_query
    lang = await user_lang(update, context)
    report, _, category = rest.partition(":")
    checked = await _checked(context, _report_id(report), update.effective_chat.id)
    await query.answer()
    if checked is None:
        await context.bot.send_message(update.effective_chat.id, t("report.not_found", lang))
        return
    blocks = replies.category_blocks(checked.defects, category, lang)
    for text in replies.pack(blocks):
        await context.bot.send_message(update.effective_chat.id, text)


async def _visible(context: ContextTypes.DEFAULT_TYPE, report_id: int | None, chat_id: int):
    """The report if this chat may see it (its own upload, or published),
    else None — the same None for an id that does not exist."""
    if report_id is None:
        return None
    return await asyncio.to_thread(services(context).store.visible_report, report_id, chat_id)


async def _checked(
    context: ContextTypes.DEFAULT_TYPE, report_id: int | None, chat_id: int
) -> CheckResult | None:
    """A checked report this chat may see: from this process's memory, else
    from the database; None for a foreign or unknown id alike."""
    svc = services(context)
    try:
        summary = await _visible(context, report_id, chat_id)
        if summary is None:
            return None
        checked = svc.results.get(report_id)
        if checked is not None:
            return checked
        defects = await asyncio.to_thread(svc.store.defects_of, report_id)
    except Exception:
        logger.exception("could not load report %s", report_id)
        return None
    if summary is None:
        return None
    checked = CheckResult(
        report_id, summary.filename or "", summary, [StoredDefect.of(d) for d in defects]
    )
    svc.remember(checked)
    return checked


async def _language(update: Update, context: ContextTypes.DEFAULT_TYPE, rest: str) -> None:
    """Switch the chat's language; re-render the result the button belongs to."""
    query = update.callback_query
    lang, _, report = rest.partition(":")
    if lang not in LANGS:
        await query.answer()
        return
    await set_user_lang(update, context, lang)
    await query.answer(t("lang.set", lang))
    checked = await _checked(context, _report_id(report), update.effective_chat.id)
    if checked is None:
        await context.bot.send_message(update.effective_chat.id, t("lang.set", lang))
        return
    svc = services(context)
    user = update.effective_user
    admin = bool(user and user.id in svc.settings.admin_ids)
    text = replies.summary(checked.report, checked.defects, lang, checked.name)
    keyboard = result_keyboard(checked.report_id, checked.defects, lang, admin=admin)
    try:
        await query.edit_message_text(text, reply_markup=keyboard)
    except BadRequest:  # e.g. "message is not modified"
        pass
    messages, _ = replies.check_messages(checked.defects, lang)
    for part in messages:
        await context.bot.send_message(update.effective_chat.id, part)


async def _publish(update: Update, context: ContextTypes.DEFAULT_TYPE, rest: str) -> None:
    """Publish a report to the shared library (administrators only)."""
    query = update.callback_query
    svc = services(context)
    lang = await user_lang(update, context)
    user = update.effective_user
    if not user or user.id not in svc.settings.admin_ids:
        await query.answer(t("publish.denied", lang), show_alert=True)
        return
    report_id = _report_id(rest)
    summary = await _visible(context, report_id, update.effective_chat.id)
    if summary is None:
        await query.answer(t("report.not_found", lang), show_alert=True)
        return
    if not summary.current:
        await query.answer(t("publish.superseded", lang), show_alert=True)
        return
    try:
        await asyncio.to_thread(svc.store.publish, report_id)
    except Exception:
        logger.exception("publishing report %s failed", report_id)
        await query.answer(t("publish.failed", lang), show_alert=True)
        return
    await query.answer()
    title = summary.title or summary.filename or t("summary.unknown", lang)
    await context.bot.send_message(update.effective_chat.id, t("publish.done", lang, title=title))


async def _choice(update: Update, context: ContextTypes.DEFAULT_TYPE, rest: str) -> None:
    """Answer the pending question with the option the user picked."""
    token, _, index = rest.partition(":")
    await on_choice(update, context, token, index)


async def _answer_lang(update: Update, context: ContextTypes.DEFAULT_TYPE, rest: str) -> None:
    """Show one answer in the other language."""
    token, _, lang = rest.partition(":")
    await on_answer_language(update, context, token, lang)
