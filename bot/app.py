"""Build the Application: every handler registration in one place, command
menus and reminder jobs set up in post_init."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from datetime import datetime

from telegram import BotCommand, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot import reminders
from bot.context import Services
from bot.handlers import batch, callbacks, commands, documents, questions, reports, roster
from bot.handlers.errors import on_error
from bot.i18n import t
from bot.ratelimit import UploadLimiter
from bot.settings import Settings
from bot.workers import FairQueue
from core.desk_text import text as desk_text
from core.jobs import Pool, PooledReader
from core.messages import LANGS
from core.reminders.repository import ReminderRepository
from core.store.repository import Store

logger = logging.getLogger(__name__)

# Updates handled at once; the database runs in threads, parsing and
# checking in worker processes (core.jobs) reached through the fair queue.
CONCURRENT_UPDATES = 64


def build_application(
    settings: Settings, *, clock: Callable[[], datetime] | None = None
) -> Application:
    """The bot, ready to run by polling or webhook."""
    app = (
        Application.builder()
        .token(settings.token)
        .base_url(settings.base_url)
        .base_file_url(settings.base_file_url)
        .concurrent_updates(CONCURRENT_UPDATES)
        .rate_limiter(AIORateLimiter(overall_max_rate=settings.overall_max_rate, max_retries=3))
        .post_init(post_init)
        .build()
    )
    # a fork server: workers never inherit a lock one of this process's threads holds
    pool = Pool(settings.limits, settings.workers or None, start="forkserver")
    store = Store(settings.database_url, reader=PooledReader(pool))
    app.bot_data["services"] = Services(
        settings=settings,
        store=store,
        reminders=ReminderRepository(store.engine),
        limiter=UploadLimiter(settings.uploads_per_window, settings.upload_window_seconds),
        queue=FairQueue(pool.workers, waiting=settings.max_waiting_per_user),
        pool=pool,
    )
    app.bot_data["clock"] = clock or settings.clock or settings.now
    register_handlers(app)
    return app


def register_handlers(app: Application) -> None:
    """Every handler of the bot, in one place."""
    app.add_handler(CommandHandler("start", commands.start))
    app.add_handler(CommandHandler("help", commands.help_))
    app.add_handler(CommandHandler("check", commands.check))
    app.add_handler(CommandHandler("ask", commands.ask))
    app.add_handler(CommandHandler("rules", commands.rules))
    app.add_handler(CommandHandler("rule", commands.rule))
    app.add_handler(CommandHandler("reports", reports.reports))
    app.add_handler(CommandHandler("export", reports.export))
    app.add_handler(CommandHandler("deadline", commands.deadline))
    app.add_handler(CommandHandler("remind", commands.remind))
    app.add_handler(CommandHandler("lang", commands.lang))
    app.add_handler(CommandHandler("roster", roster.roster))
    app.add_handler(CommandHandler("missing", roster.missing))
    app.add_handler(MessageHandler(roster.ROSTER_FILE, roster.on_roster_file))
    app.add_handler(MessageHandler(batch.ZIP, batch.on_archive))
    app.add_handler(MessageHandler(batch.ALBUM, batch.on_album_document))
    app.add_handler(MessageHandler(filters.Document.ALL, documents.on_document))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, questions.on_text))
    app.add_handler(CallbackQueryHandler(roster.on_callback, pattern=roster.CALLBACK_PATTERN))
    app.add_handler(CallbackQueryHandler(reports.on_callback, pattern=reports.CALLBACK_PATTERN))
    app.add_handler(CallbackQueryHandler(callbacks.on_callback))
    app.add_error_handler(on_error)
    app.bot_data["after_batch"] = [roster.after_batch]
    app.bot_data["after_upload"] = [roster.after_upload]


async def set_command_menus(app: Application) -> None:
    """The command menu in each language, and the default language's as fallback."""
    default = app.bot_data["services"].settings.default_lang
    for lang in LANGS:
        await app.bot.set_my_commands(_menu(lang), language_code=lang)
    await app.bot.set_my_commands(_menu(default))


DESK_COMMANDS = ("reports", "export", "roster", "missing")  # texts in data/desk.toml


def _menu(lang: str) -> list[BotCommand]:
    menu = [BotCommand(c, t("menu." + c, lang)) for c in commands.COMMANDS]
    menu += [
        BotCommand(c, desk_text("bot.menu." + c, lang))
        for c in DESK_COMMANDS
        if c not in commands.COMMANDS
    ]
    return menu


async def post_init(app: Application) -> None:
    """Set the command menus; schedule reminders again from the database and
    send any that came due while the bot was down today."""
    await set_command_menus(app)
    count = await reminders.reschedule_all(app)
    sent = await reminders.send_due(app, app.bot_data["clock"]())
    logger.info("bot ready: %d reminder subscriptions, %d sent at start-up", count, len(sent))


# --- running -----------------------------------------------------------------
async def start(app: Application, *, webhook: dict | None = None, poll_timeout: float = 10) -> None:
    """Start `app` inside a running event loop (tests, benchmarks): polling,
    or a webhook server when `webhook` gives listen/port/url_path/webhook_url/secret_token."""
    await app.initialize()
    await post_init(app)
    if webhook is None:
        await app.updater.start_polling(poll_interval=0.0, timeout=poll_timeout)
    else:
        await app.updater.start_webhook(**webhook)
    await app.start()


def stop_work(app: Application) -> None:
    """End the work on files at once: waiting uploads are told the bot is
    restarting, running jobs are stopped and their workers killed."""
    svc = app.bot_data["services"]
    svc.queue.close()
    svc.pool.close(wait=False)


async def stop(app: Application) -> None:
    stop_work(app)
    if app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
    await app.shutdown()
    app.bot_data["services"].store.close()


async def _post_shutdown(app: Application) -> None:
    app.bot_data["services"].store.close()


def run(settings: Settings) -> None:
    """Run until SIGTERM or SIGINT: webhook mode when WEBHOOK_URL is set,
    else polling.  On the signal the work on files stops first (see
    stop_work), so the bot is down within seconds whatever it was reading."""
    app = build_application(settings)
    app.post_shutdown = _post_shutdown
    loop = asyncio.get_event_loop()

    def on_signal() -> None:
        logger.info("stopping")
        stop_work(app)
        app.stop_running()

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, on_signal)
    if settings.webhook_url:
        from urllib.parse import urlparse

        path = urlparse(settings.webhook_url).path.lstrip("/")
        app.run_webhook(
            listen="0.0.0.0",
            port=settings.port,
            url_path=path,
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=Update.ALL_TYPES,
            stop_signals=None,
        )
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES, stop_signals=None)
