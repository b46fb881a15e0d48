"""The roster in chat: /roster (show, add, remove, clear), a roster sent as
.xlsx or .csv, /missing YEAR [REGION], and the reviewer confirming which
unit a report belongs to when the names do not match exactly.

Callback data: `mc:{report}:{unit}` this report is that unit's,
`mn:{report}` it is no unit's.  Both ids are checked against what the chat
may see (Store.visible_report, the chat's own roster)."""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes, filters

from bot.checking import human_size, unreadable_text
from bot.context import now, services
from bot.i18n import user_lang
from bot.replies import split_text
from core.batch.record import Batch
from core.desk_text import text
from core.document import UnreadableFile
from core.roster.load import RosterRow, kind_of, read_roster
from core.roster.match import match
from core.roster.missing import filing
from core.roster.render import kind_name, reminder_lines, render_filing
from core.roster.repository import RosterRepository

logger = logging.getLogger(__name__)

ROSTER_FILE = filters.Document.FileExtension("xlsx") | filters.Document.FileExtension("csv")
CALLBACK_PATTERN = r"^m[cn]:"
MAX_PROMPTS = 10  # confirmation questions sent after one batch
SPLIT = re.compile(r"[,，、;；\t]+")
YEAR = re.compile(r"^(19|20)\d{2}$")
SHOWN = 100


def repo(context) -> RosterRepository:
    return RosterRepository(services(context).store.engine)


def today(context) -> date:
    return now(context).astimezone(services(context).settings.tz).date()


def default_year(context) -> int:
    """The report year whose deadlines come next: last year's reports."""
    return today(context).year - 1


async def _reply(update: Update, body: str, **kw) -> None:
    for part in split_text(body):
        await update.effective_message.reply_text(part, **kw)


async def roster(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the roster, or add, remove or clear units."""
    lang = await user_lang(update, context)
    chat_id = update.effective_chat.id
    r = repo(context)
    args = context.args or []
    verb = args[0].lower() if args else ""
    rest = " ".join(args[1:]).strip()
    if verb in ("add", "添加") and rest:
        name, kind, region = ([*SPLIT.split(rest), "", ""])[:3]
        row = RosterRow(name.strip(), kind_of(kind, name.strip()), region.strip())
        added, updated = await asyncio.to_thread(r.add, chat_id, [row])
        count = len(await asyncio.to_thread(r.units, chat_id))
        await _reply(
            update,
            text(
                "bot.roster.added",
                lang,
                added=added,
                updated=updated,
                count=count,
                year=default_year(context),
            ),
        )
        return
    if verb in ("remove", "删除") and rest:
        ok = await asyncio.to_thread(r.remove, chat_id, rest)
        await _reply(
            update, text("bot.roster.removed" if ok else "bot.roster.not_found", lang, name=rest)
        )
        return
    if verb in ("clear", "清空"):
        n = await asyncio.to_thread(r.clear, chat_id)
        await _reply(update, text("bot.roster.cleared", lang, count=n))
        return
    units = await asyncio.to_thread(r.units, chat_id)
    usage = text("bot.roster.usage", lang, year=default_year(context))
    if not units:
        await _reply(update, text("bot.roster.empty", lang) + "\n\n" + usage)
        return
    lines = [text("bot.roster.summary", lang, count=len(units))]
    for u in units[:SHOWN]:
        region = text("bot.roster.region", lang, region=u.region) if u.region else ""
        lines.append(
            text("bot.roster.line", lang, name=u.name, kind=kind_name(u.kind, lang), region=region)
        )
    if len(units) > SHOWN:
        lines.append(text("missing.more", lang, count=len(units) - SHOWN))
    await _reply(update, "\n".join(lines) + "\n\n" + usage)


async def on_roster_file(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Read a roster sent as .xlsx or .csv and add its units."""
    svc = services(context)
    msg = update.effective_message
    lang = await user_lang(update, context)
    doc = msg.document
    name = doc.file_name or "roster"
    limit = svc.settings.max_upload_bytes
    if doc.file_size and doc.file_size > limit:
        size = human_size(doc.file_size)
        await msg.reply_text(unreadable_text("too_large", lang, size=size, limit=human_size(limit)))
        return
    status = await msg.reply_text(text("bot.roster.reading", lang, name=name))
    try:
        data = bytes(await (await doc.get_file()).download_as_bytearray())
        rows = await asyncio.to_thread(read_roster, data, name)
    except UnreadableFile as exc:
        await status.edit_text(unreadable_text(exc.code, lang, exc.detail))
        return
    if not rows:
        await status.edit_text(text("bot.roster.no_rows", lang, name=name))
        return
    r = repo(context)
    added, updated = await asyncio.to_thread(r.add, msg.chat_id, rows)
    count = len(await asyncio.to_thread(r.units, msg.chat_id))
    await status.edit_text(
        text(
            "bot.roster.added",
            lang,
            added=added,
            updated=updated,
            count=count,
            year=default_year(context),
        )
    )


async def missing(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the roster's units that have not filed for a year."""
    lang = await user_lang(update, context)
    args = context.args or []
    year = default_year(context)
    if args and YEAR.match(args[0].rstrip("年")):
        year, args = int(args[0].rstrip("年")), args[1:]
    elif args and args[0][:1].isdigit():
        await _reply(update, text("bot.missing.bad_year", lang, text=args[0], year=year))
        return
    region = " ".join(args).strip() or None
    await _reply(update, await missing_text(context, update.effective_chat.id, year, lang, region))


async def missing_text(
    context, chat_id: int, year: int, lang: str, region: str | None = None
) -> str:
    engine = services(context).store.engine
    f = await asyncio.to_thread(filing, engine, chat_id, year, today(context), region)
    return render_filing(f, lang, region)


def reminder_missing(
    store, chat_id: int, year: int, kind: str | None, on: date, lang: str
) -> list[str]:
    """For a deadline reminder: the roster's units still missing (none without a roster)."""
    return reminder_lines(filing(store.engine, chat_id, year, on), kind, lang)


# --- confirming which unit a report is ---------------------------------------------
def _keyboard(report_id: int, choices, lang: str) -> InlineKeyboardMarkup:
    rows = [
        [InlineKeyboardButton(u.name[:60], callback_data=f"mc:{report_id}:{u.id}")] for u in choices
    ]
    rows.append(
        [
            InlineKeyboardButton(
                text("bot.roster.none_of_these", lang), callback_data=f"mn:{report_id}"
            )
        ]
    )
    return InlineKeyboardMarkup(rows)


async def offer_matches(context, chat_id: int, report_ids: list[int], lang: str) -> None:
    """Ask the reviewer about each report whose unit is not sure."""
    r = repo(context)
    store = services(context).store
    units = await asyncio.to_thread(r.units, chat_id)
    if not units:
        return
    links = await asyncio.to_thread(r.links, chat_id)
    asked = 0
    waiting = 0
    for report_id in dict.fromkeys(report_ids):
        summary = await asyncio.to_thread(store.visible_report, report_id, chat_id)
        if summary is None or not summary.agency:
            continue
        m = match(summary.agency, units, links)
        if not m.unsure:
            continue
        if asked >= MAX_PROMPTS:
            waiting += 1
            continue
        asked += 1
        title = summary.title or summary.filename or summary.agency
        await context.bot.send_message(
            chat_id,
            text("bot.roster.confirm", lang, title=title, agency=summary.agency),
            reply_markup=_keyboard(report_id, m.choices, lang),
        )
    if waiting:
        await context.bot.send_message(
            chat_id,
            text("bot.roster.more_to_confirm", lang, count=waiting, year=default_year(context)),
        )


async def after_batch(context, chat_id: int, batch: Batch, lang: str) -> None:
    """Remember the files that could not be read; ask about unsure units."""
    r = repo(context)
    for f in batch.failures:
        if not f.code.startswith("archive."):
            await asyncio.to_thread(r.record_failure, chat_id, f.name, f.code, f.detail)
    await offer_matches(context, chat_id, [c.report_id for c in batch.checked if c.report_id], lang)


async def after_upload(context, chat_id: int, result, name: str, lang: str) -> None:
    """After a single upload: remember it when unreadable, else ask about its unit."""
    code = getattr(result, "error_code", None) if result is not None else None
    report_id = getattr(result, "report_id", None) if result is not None else None
    try:
        if code:
            await asyncio.to_thread(
                repo(context).record_failure,
                chat_id,
                name,
                code,
                getattr(result, "error_detail", ""),
            )
        elif report_id is not None:
            await offer_matches(context, chat_id, [report_id], lang)
    except Exception:  # the upload's own reply has gone out; never fail it
        logger.exception("roster follow-up of %s in chat %s failed", name, chat_id)


async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The reviewer says which unit a report belongs to (or none)."""
    query = update.callback_query
    lang = await user_lang(update, context)
    chat_id = update.effective_chat.id
    kind, _, rest = (query.data or "").partition(":")
    report_part, _, unit_part = rest.partition(":")
    report_id = int(report_part) if report_part.isdigit() else None
    store = services(context).store
    summary = await asyncio.to_thread(store.visible_report, report_id, chat_id)
    r = repo(context)
    unit = None
    if kind == "mc":
        unit = await asyncio.to_thread(
            r.unit, chat_id, int(unit_part) if unit_part.isdigit() else None
        )
    if summary is None or not summary.agency or (kind == "mc" and unit is None):
        await query.answer(text("bot.roster.gone", lang), show_alert=True)
        return
    await asyncio.to_thread(r.link, chat_id, summary.agency, unit.id if unit else None)
    await query.answer()
    title = summary.title or summary.filename or summary.agency
    done = (
        text("bot.roster.confirmed", lang, title=title, unit=unit.name)
        if unit
        else text("bot.roster.rejected", lang, title=title)
    )
    try:
        await query.edit_message_text(done)
    except BadRequest:
        await context.bot.send_message(chat_id, done)
