"""The user's language and the bot's texts (data/bot.toml)."""

from __future__ import annotations

import asyncio
from functools import cache

from core.messages import text_at
from core.template import load_data


@cache
def _texts() -> dict:
    return load_data("bot.toml")


def t(path: str, lang: str = "zh", **slots: object) -> str:
    """The bot text at dotted `path` (e.g. "upload.working") in `lang`."""
    return text_at(_texts(), path, lang, **slots)


def has_text(path: str) -> bool:
    node = _texts()
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return isinstance(node, dict) and "zh" in node


def from_language_code(code: str | None, default: str = "zh") -> str:
    """Map Telegram's language_code (IETF tag) to one of LANGS."""
    if not code:
        return default
    code = code.lower()
    if code.startswith("zh"):
        return "zh"
    if code.startswith("en"):
        return "en"
    return default


def other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


async def user_lang(update, context) -> str:
    """The language to answer in: the chat's /lang choice (kept in the
    database), else the sender's Telegram language_code, else the default."""
    svc = context.bot_data["services"]
    chat = update.effective_chat
    chat_data = context.chat_data if chat is not None else None
    if chat_data is not None:
        if "lang" not in chat_data:
            chat_data["lang"] = await asyncio.to_thread(svc.reminders.get_lang, chat.id)
        if chat_data["lang"]:
            return chat_data["lang"]
    user = update.effective_user
    return from_language_code(user.language_code if user else None, svc.settings.default_lang)


async def set_user_lang(update, context, lang: str) -> None:
    """Remember the chat's language choice (database and chat_data)."""
    chat = update.effective_chat
    await asyncio.to_thread(context.bot_data["services"].reminders.set_lang, chat.id, lang)
    context.chat_data["lang"] = lang
