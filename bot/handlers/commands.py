"""The slash commands: /start /help /check /ask /rules /rule /reports
/deadline /remind /lang."""

from __future__ import annotations

import asyncio
from datetime import date

from telegram import Update
from telegram.ext import ContextTypes

from bot import reminders, replies
from bot.context import now, services
from bot.examples import example_slots
from bot.handlers.keyboards import language_keyboard
from bot.handlers.questions import answer_question
from bot.i18n import set_user_lang, t, user_lang
from core.deadlines import upcoming
from core.messages import LANGS
from core.reminders.schedule import CUSTOM, custom_date, deadline_for, schedule_key

COMMANDS = (
    "start",
    "help",
    "check",
    "ask",
    "rules",
    "rule",
    "reports",
    "deadline",
    "remind",
    "lang",
)


async def _reply(update: Update, text: str, **kwargs) -> None:
    for part in replies.split_text(text):
        await update.effective_message.reply_text(part, **kwargs)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the user and say what the bot does."""
    await _reply(update, t("start", await user_lang(update, context)))


async def help_(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain formats, limits, commands and example questions."""
    await _reply(update, t("help", await user_lang(update, context), **example_slots(context)))


async def check(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain how to upload a report."""
    await _reply(update, t("check", await user_lang(update, context)))


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the question after /ask, or explain how to ask."""
    lang = await user_lang(update, context)
    if context.args:
        await answer_question(update, context, " ".join(context.args), lang)
    else:
        await _reply(update, t("ask", lang))


def _rules() -> dict:
    import core.rules as rules_pkg

    found = getattr(rules_pkg, "RULES", None)
    if found is None:
        from core.rules.registry import rules as registry

        found = registry()
    return found


async def rules(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List every rule: code, severity and name."""
    lang = await user_lang(update, context)
    catalog = _rules()
    lines = [t("rules.header", lang, count=len(catalog))]
    for code, rule in sorted(catalog.items()):
        lines.append(f"{code} · {t('severity.' + rule.severity, lang)} · {rule.name(lang)}")
    await _reply(update, "\n".join(lines))


async def rule(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the documentation of one rule."""
    lang = await user_lang(update, context)
    if not context.args:
        await _reply(update, t("rules.usage", lang, **example_slots(context)))
        return
    code = context.args[0].strip().upper()
    catalog = _rules()
    found = catalog.get(code) or next((r for c, r in catalog.items() if c.upper() == code), None)
    if found is None:
        await _reply(update, t("rules.unknown", lang, code=context.args[0]))
        return
    lines = [
        f"{found.code} — {found.name(lang)}",
        t(
            "rule.severity",
            lang,
            category=t("category." + found.category, lang),
            severity=t("severity." + found.severity, lang),
        ),
    ]
    for field, text in found.doc(lang).items():
        if text:
            lines += [
                "",
                f"{t('rule.' + field, lang)}：" if lang == "zh" else f"{t('rule.' + field, lang)}:",
                text,
            ]
    await _reply(update, "\n".join(lines))


async def reports(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List this chat's stored reports."""
    lang = await user_lang(update, context)
    store = services(context).store
    found = await asyncio.to_thread(store.reports_for_chat, update.effective_chat.id)
    if not found:
        await _reply(update, t("reports.none", lang))
        return
    lines = [t("reports.header", lang)]
    for r in found:
        lines.append(
            t(
                "reports.line",
                lang,
                title=r.title or r.filename or "?",
                year=r.year or "?",
                errors=r.errors,
                warnings=r.warnings,
                info=r.infos,
                published=t("reports.published", lang) if r.published else "",
            )
        )
    await _reply(update, "\n".join(lines))


async def deadline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the next deadlines and the days left."""
    lang = await user_lang(update, context)
    today = now(context).astimezone(services(context).settings.tz).date()
    lines = [t("deadline.header", lang, today=today.isoformat())]
    for d in upcoming(today):
        lines.append(
            t(
                "deadline.line",
                lang,
                schedule=t("schedule." + d.schedule, lang),
                year=d.report_year,
                due=d.due.isoformat(),
                days=d.days_left,
            )
        )
    lines.append(t("deadline.footer", lang, today=today.isoformat()))
    await _reply(update, "\n".join(lines))


def schedule_name(key: str, lang: str) -> str:
    due = custom_date(key)
    return t("schedule.custom", lang, due=due.isoformat()) if due else t("schedule." + key, lang)


async def remind(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Subscribe to a deadline schedule, or cancel every reminder."""
    lang = await user_lang(update, context)
    svc = services(context)
    chat_id = update.effective_chat.id
    if not context.args:
        current = await asyncio.to_thread(svc.reminders.subscriptions, chat_id)
        text = t("remind.usage", lang, **example_slots(context))
        if current:
            names = "\n".join(f"· {schedule_name(k, lang)}" for _, k in current)
            text += f"\n\n{t('remind.current', lang)}\n{names}"
        await _reply(update, text)
        return
    arg = context.args[0]
    if arg.lower() in {"off", "stop", "cancel", "取消"}:
        count = await asyncio.to_thread(svc.reminders.unsubscribe_all, chat_id)
        reminders.unschedule_chat(context.application, chat_id)
        await _reply(update, t("remind.unsubscribed", lang, count=count))
        return
    key = schedule_key(arg)
    if key is None:
        await _reply(update, t("remind.bad_date", lang, text=arg))
        return
    at = now(context)
    today: date = at.astimezone(svc.settings.tz).date()
    if key.startswith(CUSTOM) and deadline_for(key, today) is None:
        await _reply(update, t("remind.past_date", lang, due=custom_date(key).isoformat()))
        return
    await asyncio.to_thread(svc.reminders.subscribe, chat_id, key)
    nxt = reminders.schedule_subscription(context.application, chat_id, key, at)
    when = nxt.at.strftime("%Y-%m-%d %H:%M") if nxt else t("remind.no_next", lang)
    await _reply(update, t("remind.subscribed", lang, schedule=schedule_name(key, lang), next=when))


async def lang(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Switch to the language given (/lang en), or offer the choice."""
    if context.args and context.args[0].lower()[:2] in LANGS:
        chosen = context.args[0].lower()[:2]
        await set_user_lang(update, context, chosen)
        await _reply(update, t("lang.set", chosen))
        return
    current = await user_lang(update, context)
    await update.effective_message.reply_text(
        t("lang.choose", current), reply_markup=language_keyboard()
    )
