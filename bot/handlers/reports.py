"""/reports [YEAR] [REGION]: the chat's reports, a page at a time, with buttons to reopen a
result, get its workbook, publish it (administrators) or delete a draft;
/export [YEAR] [REGION]: the workbook of every report the chat can see.

Callback data: `rp:{page}[:{year}:{region}]` a page, `ro:{id}` open, `rx:{id}` export,
`rd:{id}` ask before deleting, `ry:{id}` delete, `rn` keep.  Every id is
resolved through Store.visible_report for this chat; deleting is allowed
only for this chat's unpublished reports (Store.delete_draft checks it)."""

from __future__ import annotations

import asyncio
import logging
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot import replies
from bot.batch import send_workbook
from bot.context import CheckResult, now, services
from bot.handlers.callbacks import StoredDefect
from bot.handlers.keyboards import result_keyboard
from bot.i18n import user_lang
from core.batch.record import Batch
from core.batch.stored import Entry, checked_of_ids, visible_ids
from core.desk_text import text
from core.roster.region import report_in_region
from core.roster.repository import RosterRepository

logger = logging.getLogger(__name__)

CALLBACK_PATTERN = r"^r[poxdyn](:|$)"
PER_PAGE = 8
YEAR = re.compile(r"^(19|20)\d{2}年?$")
REGION_CHARS = 12  # of a region filter carried in a page button (64 bytes at most)


def _is_admin(update: Update, context) -> bool:
    user = update.effective_user
    return bool(user and user.id in services(context).settings.admin_ids)


def _page(found, page: int, lang: str, admin: bool, year: int | None, region: str = ""):
    pages = max(1, -(-len(found) // PER_PAGE))
    page = min(max(page, 0), pages - 1)
    shown = found[page * PER_PAGE : (page + 1) * PER_PAGE]
    lines = [text("bot.reports.header", lang, page=page + 1, pages=pages, count=len(found))]
    rows = []
    for i, r in enumerate(shown, page * PER_PAGE + 1):
        lines.append(
            text(
                "bot.reports.line",
                lang,
                number=i,
                title=r.title or r.filename or "?",
                year=r.year or "?",
                errors=r.errors,
                warnings=r.warnings,
                infos=r.infos,
                published=text("bot.reports.published", lang) if r.published else "",
            )
        )
        row = [
            InlineKeyboardButton(
                text("bot.reports.open", lang, number=i), callback_data=f"ro:{r.id}"
            ),
            InlineKeyboardButton(text("bot.reports.export", lang), callback_data=f"rx:{r.id}"),
        ]
        if not r.published:
            row.append(
                InlineKeyboardButton(text("bot.reports.delete", lang), callback_data=f"rd:{r.id}")
            )
            if admin:
                row.append(
                    InlineKeyboardButton(
                        text("bot.reports.publish", lang), callback_data=f"p:{r.id}"
                    )
                )
        rows.append(row)
    nav = []
    suffix = f":{year or ''}:{region[:REGION_CHARS]}" if (year or region) else ""
    if page > 0:
        nav.append(
            InlineKeyboardButton(
                text("bot.reports.prev", lang), callback_data=f"rp:{page - 1}{suffix}"
            )
        )
    if page < pages - 1:
        nav.append(
            InlineKeyboardButton(
                text("bot.reports.next", lang), callback_data=f"rp:{page + 1}{suffix}"
            )
        )
    if nav:
        rows.append(nav)
    return "\n".join(lines), InlineKeyboardMarkup(rows)


async def _reports_of(context, chat_id: int, year: int | None, region: str = ""):
    return await asyncio.to_thread(_filtered, services(context).store, chat_id, year, region)


def _filtered(store, chat_id: int, year: int | None, region: str):
    found = [r for r in store.reports_for_chat(chat_id) if year is None or r.year == year]
    if region:
        repo = RosterRepository(store.engine)
        units, links = repo.units(chat_id), repo.links(chat_id)
        found = [r for r in found if report_in_region(r.agency, region, units, links)]
    return found


async def reports(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List this chat's reports with buttons."""
    lang = await user_lang(update, context)
    args = list(context.args or [])
    year = int(args.pop(0).rstrip("年")) if args and YEAR.match(args[0]) else None
    region = " ".join(args).strip()[:REGION_CHARS]
    found = await _reports_of(context, update.effective_chat.id, year, region)
    if not found:
        what = " ".join(str(x) for x in (year, region) if x)
        none = (
            text("bot.reports.none_filtered", lang, what=what)
            if what
            else text("bot.reports.none", lang)
        )
        await update.effective_message.reply_text(none)
        return
    body, keyboard = _page(found, 0, lang, _is_admin(update, context), year, region)
    await update.effective_message.reply_text(body, reply_markup=keyboard)


async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    kind, _, rest = (query.data or "").partition(":")
    handler = {
        "rp": _turn,
        "ro": _open,
        "rx": _export_one,
        "rd": _ask_delete,
        "ry": _delete,
        "rn": _keep,
    }
    await handler[kind](update, context, rest)


def _id(rest: str) -> int | None:
    head = rest.split(":", 1)[0]
    return int(head) if head.isdigit() else None


async def _visible(update, context, rest: str):
    store = services(context).store
    return await asyncio.to_thread(store.visible_report, _id(rest), update.effective_chat.id)


async def _gone(update, lang: str) -> None:
    await update.callback_query.answer(text("bot.reports.gone", lang), show_alert=True)


async def _turn(update, context, rest: str) -> None:
    query = update.callback_query
    lang = await user_lang(update, context)
    page_part, _, year_part = rest.partition(":")
    year = int(year_part) if year_part.isdigit() else None
    found = await _reports_of(context, update.effective_chat.id, year)
    await query.answer()
    if not found:
        return
    body, keyboard = _page(
        found, int(page_part) if page_part.isdigit() else 0, lang, _is_admin(update, context), year
    )
    try:
        await query.edit_message_text(body, reply_markup=keyboard)
    except BadRequest:
        pass


async def _open(update, context, rest: str) -> None:
    """Send a stored result again: the summary with its buttons, then the defects."""
    lang = await user_lang(update, context)
    summary = await _visible(update, context, rest)
    if summary is None:
        await _gone(update, lang)
        return
    await update.callback_query.answer()
    svc = services(context)
    records = await asyncio.to_thread(svc.store.defects_of, summary.id)
    checked = CheckResult(
        summary.id, summary.filename or "", summary, [StoredDefect.of(d) for d in records]
    )
    svc.remember(checked)
    chat_id = update.effective_chat.id
    head = replies.summary(summary, checked.defects, lang, checked.name)
    keyboard = result_keyboard(
        summary.id,
        checked.defects,
        lang,
        admin=_is_admin(update, context) and not summary.published,
    )
    messages, attach = replies.check_messages(checked.defects, lang)
    await context.bot.send_message(chat_id, head, reply_markup=keyboard)
    for part in messages:
        await context.bot.send_message(chat_id, part)


async def _export_one(update, context, rest: str) -> None:
    lang = await user_lang(update, context)
    summary = await _visible(update, context, rest)
    if summary is None:
        await _gone(update, lang)
        return
    await update.callback_query.answer()
    engine = services(context).store.engine
    checked = await asyncio.to_thread(
        checked_of_ids, engine, [Entry(summary.filename or str(summary.id), summary.id)]
    )
    await send_workbook(
        context, update.effective_chat.id, Batch(checked=checked), lang, now(context)
    )


def _title(summary) -> str:
    return summary.title or summary.filename or str(summary.id)


async def _ask_delete(update, context, rest: str) -> None:
    lang = await user_lang(update, context)
    summary = await _visible(update, context, rest)
    if summary is None:
        await _gone(update, lang)
        return
    if summary.published or summary.chat_id != update.effective_chat.id:
        await update.callback_query.answer(text("bot.reports.cannot_delete", lang), show_alert=True)
        return
    await update.callback_query.answer()
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    text("bot.reports.yes_delete", lang), callback_data=f"ry:{summary.id}"
                ),
                InlineKeyboardButton(text("bot.reports.cancel", lang), callback_data="rn"),
            ]
        ]
    )
    await context.bot.send_message(
        update.effective_chat.id,
        text("bot.reports.confirm_delete", lang, title=_title(summary)),
        reply_markup=keyboard,
    )


async def _delete(update, context, rest: str) -> None:
    query = update.callback_query
    lang = await user_lang(update, context)
    summary = await _visible(update, context, rest)
    svc = services(context)
    chat_id = update.effective_chat.id
    ok = summary is not None and await asyncio.to_thread(
        svc.store.delete_draft, summary.id, chat_id
    )
    if not ok:
        await query.answer(text("bot.reports.cannot_delete", lang), show_alert=True)
        return
    svc.results.pop(summary.id, None)
    await query.answer()
    done = text("bot.reports.deleted", lang, title=_title(summary))
    try:
        await query.edit_message_text(done)
    except BadRequest:
        await context.bot.send_message(chat_id, done)


async def _keep(update, context, rest: str) -> None:
    query = update.callback_query
    lang = await user_lang(update, context)
    await query.answer()
    try:
        await query.edit_message_text(text("bot.reports.cancelled", lang))
    except BadRequest:
        pass


async def export(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the workbook of every report this chat can see: /export [YEAR] [REGION]."""
    lang = await user_lang(update, context)
    args = list(context.args or [])
    year = None
    if args and YEAR.match(args[0]):
        year = int(args.pop(0).rstrip("年"))
    region = " ".join(args).strip() or None
    chat_id = update.effective_chat.id
    svc = services(context)
    checked = await asyncio.to_thread(_export_rows, svc.store.engine, chat_id, year, region)
    what = " ".join(str(x) for x in (year, region) if x)
    filters = text("bot.export.filters", lang, what=what) if what else ""
    if not checked:
        await update.effective_message.reply_text(text("bot.export.none", lang, filters=filters))
        return
    await send_workbook(context, chat_id, Batch(checked=checked), lang, now(context))


def _export_rows(engine, chat_id: int, year: int | None, region: str | None):
    ids = visible_ids(engine, chat_id, year=year)
    checked = checked_of_ids(engine, [Entry(name or str(i), i) for i, name in ids])
    if region:
        repo = RosterRepository(engine)
        units, links = repo.units(chat_id), repo.links(chat_id)
        checked = [c for c in checked if report_in_region(c.unit, region, units, links)]
    return checked
