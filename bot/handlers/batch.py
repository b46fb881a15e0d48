"""Several reports at once: a .zip, or an album (Telegram delivers the files
sent together as separate messages sharing a `media_group_id`; they are
collected into one batch until the chat has been quiet for a moment).  A
batch counts as one upload for the per-user limit."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from pathlib import PurePath

from telegram import Message, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes, filters

from bot.batch import Upload, run_batch
from bot.checking import human_size, status_text, unreadable_text
from bot.context import services
from bot.i18n import t, user_lang
from core.batch.record import Failure
from core.desk_text import text
from core.document import UnreadableFile
from core.extract import SUPPORTED

logger = logging.getLogger(__name__)

ALBUM_QUIET = 2.0  # seconds without a new file before an album is checked
PENDING = "pending_albums"  # bot_data key: chat id -> Album


class _InAlbum(filters.MessageFilter):
    """A message that is one of an album (it has a media_group_id)."""

    def filter(self, message: Message) -> bool:
        return bool(message.media_group_id)


ZIP = filters.Document.FileExtension("zip")
ALBUM = filters.Document.ALL & _InAlbum()


@dataclass
class Album:
    user_id: int
    first: Update  # the update of its first file: language and the per-user limit
    messages: list[Message] = field(default_factory=list)
    timer: asyncio.Task | None = None


async def _wait_for_rate(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str) -> None:
    """A batch counts as one upload of the per-user rate: over it, the batch
    waits its turn (the user told how long), never refused."""
    svc = services(context)
    user = update.effective_user
    wait = svc.limiter.reserve(user.id if user else update.effective_chat.id)
    if wait <= 0:
        return
    name = (
        update.effective_message.document.file_name if update.effective_message.document else ""
    ) or ""
    await update.effective_message.reply_text(
        status_text(context, user.id if user else 0, name, lang, wait)
    )
    await asyncio.sleep(wait)


async def _download(message: Message, limit: int) -> bytes | Failure:
    doc = message.document
    name = doc.file_name or "document"
    if doc.file_size and doc.file_size > limit:
        return Failure(name, "too_large", "", name, {"size": doc.file_size, "limit": limit})
    try:
        file = await doc.get_file()
        return bytes(await file.download_as_bytearray())
    except TelegramError:
        return Failure(name, "download_failed", "", name)


async def on_archive(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Unpack a .zip of reports and check them all."""
    from core.batch.sources import archive_sources

    svc = services(context)
    msg = update.effective_message
    lang = await user_lang(update, context)
    name = msg.document.file_name or "archive.zip"
    limit = svc.settings.max_upload_bytes
    if msg.document.file_size and msg.document.file_size > limit:
        size = human_size(msg.document.file_size)
        await msg.reply_text(unreadable_text("too_large", lang, size=size, limit=human_size(limit)))
        return
    await _wait_for_rate(update, context, lang)
    status = await msg.reply_text(text("bot.batch.unpacking", lang, name=name))
    data = await _download(msg, limit)
    if isinstance(data, Failure):
        await status.edit_text(t("upload.download_failed", lang, name=name))
        return
    try:
        sources, skipped = await asyncio.to_thread(archive_sources, data, name)
    except UnreadableFile as exc:
        await status.edit_text(unreadable_text(exc.code, lang, **exc.slots))
        return
    if not sources and not skipped:
        await status.edit_text(unreadable_text("archive_empty", lang))
        return
    uploads = [Upload(s.name, s.data or b"") for s in sources]
    await run_batch(
        context,
        chat_id=msg.chat_id,
        user_id=update.effective_user.id if update.effective_user else msg.chat_id,
        lang=lang,
        uploads=uploads,
        failures=skipped,
        status=status,
    )


async def on_album_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Collect a file of an album; the batch runs once the album is complete."""
    msg = update.effective_message
    chat_id = msg.chat_id
    pending: dict[int, Album] = context.bot_data.setdefault(PENDING, {})
    # No await before the album is registered: the files of an album arrive
    # as concurrent updates, and each must find the album the first opened.
    album = pending.get(chat_id)
    if album is None:
        user_id = update.effective_user.id if update.effective_user else chat_id
        album = pending[chat_id] = Album(user_id, update)
    album.messages.append(msg)
    if album.timer is not None:
        album.timer.cancel()
    album.timer = asyncio.create_task(_when_quiet(context, chat_id, album))


async def _when_quiet(context: ContextTypes.DEFAULT_TYPE, chat_id: int, album: Album) -> None:
    try:
        await asyncio.sleep(ALBUM_QUIET)
    except asyncio.CancelledError:
        return
    pending = context.bot_data.get(PENDING, {})
    if pending.get(chat_id) is album:
        del pending[chat_id]
    context.application.create_task(_check_album(context, chat_id, album))


async def _check_album(context: ContextTypes.DEFAULT_TYPE, chat_id: int, album: Album) -> None:
    svc = services(context)
    lang = await user_lang(album.first, context)
    await _wait_for_rate(album.first, context, lang)
    first = album.messages[0]
    status = await first.reply_text(text("bot.batch.collecting", lang, count=len(album.messages)))
    uploads: list[Upload] = []
    failures: list[Failure] = []
    for message in album.messages:
        name = message.document.file_name or "document"
        suffix = PurePath(name).suffix.lower()
        if suffix not in SUPPORTED:
            failures.append(
                Failure(name, "unsupported_type", suffix, name, {"ext": suffix or name})
            )
            continue
        data = await _download(message, svc.settings.max_upload_bytes)
        if isinstance(data, Failure):
            failures.append(data)
        else:
            uploads.append(Upload(name, data))
    try:
        await run_batch(
            context,
            chat_id=chat_id,
            user_id=album.user_id,
            lang=lang,
            uploads=uploads,
            failures=failures,
            status=status,
        )
    except Exception:
        logger.exception("album batch for chat %s failed", chat_id)
        await context.bot.send_message(chat_id, t("error.generic", lang))
