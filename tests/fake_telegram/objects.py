"""The fake's world: users, chats, messages and files, as Bot API dicts."""

from __future__ import annotations

import copy
import hashlib
import itertools
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import bad_request

GETFILE_LIMIT = 20 * 1024 * 1024  # the Bot API's getFile download limit


@dataclass
class StoredFile:
    """An uploaded file: its bytes and what Telegram says about it."""

    file_id: str
    file_unique_id: str
    data: bytes
    size: int
    filename: str = ""
    file_path: str | None = None


@dataclass
class World:
    """Everything the fake Telegram knows, independent of HTTP."""

    bot: dict[str, Any]
    clock: Callable[[], float]
    chats: dict[int, dict[str, Any]] = field(default_factory=dict)
    messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    order: list[tuple[int, int]] = field(default_factory=list)
    deleted: set[tuple[int, int]] = field(default_factory=set)
    files: dict[str, StoredFile] = field(default_factory=dict)
    callback_queries: dict[str, dict[str, Any]] = field(default_factory=dict)
    _last_message_id: dict[int, int] = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def now(self) -> int:
        return int(self.clock())

    def next_id(self) -> int:
        return next(self._ids)

    # --- users and chats -------------------------------------------------

    @staticmethod
    def user(user_id: int, first_name: str, language_code: str | None) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code:
            user["language_code"] = language_code
        return user

    def chat_for(self, chat_id: int, user: dict[str, Any] | None = None) -> dict[str, Any]:
        """The chat `chat_id`, created on first use (positive ids are private chats)."""
        if chat_id not in self.chats:
            if chat_id > 0:
                name = user["first_name"] if user else f"user{chat_id}"
                self.chats[chat_id] = {"id": chat_id, "type": "private", "first_name": name}
            else:
                kind = "supergroup" if str(chat_id).startswith("-100") else "group"
                self.chats[chat_id] = {"id": chat_id, "type": kind, "title": f"group {chat_id}"}
        return self.chats[chat_id]

    def known_chat(self, chat_id: Any) -> dict[str, Any]:
        """The chat a bot method names; Telegram's "chat not found" otherwise.

        A positive id is a private chat with a user who could have started the bot,
        so it is created on demand; group ids must have been seen in an update.
        """
        if isinstance(chat_id, int) and (chat_id > 0 or chat_id in self.chats):
            return self.chat_for(chat_id)
        raise bad_request("chat not found")

    # --- messages --------------------------------------------------------

    def new_message(
        self, chat: dict[str, Any], sender: dict[str, Any], **content: Any
    ) -> dict[str, Any]:
        """Store and return a Message; ids increase per chat, shared by user and bot."""
        chat_id = chat["id"]
        message_id = self._last_message_id.get(chat_id, 0) + 1
        self._last_message_id[chat_id] = message_id
        message = {
            "message_id": message_id,
            "from": dict(sender),
            "chat": dict(chat),
            "date": self.now(),
            **{key: value for key, value in content.items() if value is not None},
        }
        self.messages[(chat_id, message_id)] = message
        self.order.append((chat_id, message_id))
        return copy.deepcopy(message)

    def message(self, chat_id: Any, message_id: Any, *, missing: str) -> dict[str, Any]:
        """The live stored message (mutable), or a 400 with `missing` as detail."""
        key = (chat_id, message_id)
        if key not in self.messages or key in self.deleted:
            raise bad_request(missing)
        return self.messages[key]

    def history(
        self, chat_id: int | None = None, *, from_bot: bool | None = None
    ) -> list[dict[str, Any]]:
        """Current state of the messages (edits applied, deleted ones left out), in order."""
        result = []
        for key in self.order:
            if key in self.deleted or (chat_id is not None and key[0] != chat_id):
                continue
            message = self.messages[key]
            if from_bot is not None and (message["from"]["id"] == self.bot["id"]) != from_bot:
                continue
            result.append(copy.deepcopy(message))
        return result

    # --- files -----------------------------------------------------------

    def store_file(
        self, data: bytes, filename: str = "", declared_size: int | None = None
    ) -> StoredFile:
        number = self.next_id()
        unique = hashlib.sha1(data + str(number).encode()).hexdigest()[:16]
        stored = StoredFile(
            file_id=f"BQACAgUAAx{number:06d}{unique}",
            file_unique_id=f"AgAD{unique[:12]}",
            data=data,
            size=declared_size if declared_size is not None else len(data),
            filename=filename,
        )
        self.files[stored.file_id] = stored
        return stored

    def stored_file(self, file_id: Any) -> StoredFile:
        if not isinstance(file_id, str) or file_id not in self.files:
            raise bad_request("invalid file_id")
        return self.files[file_id]

    @staticmethod
    def document(stored: StoredFile, filename: str, mime_type: str | None) -> dict[str, Any]:
        document = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": filename,
            "mime_type": mime_type or guess_mime_type(filename),
            "file_size": stored.size,
        }
        return document

    @staticmethod
    def photo_sizes(stored: StoredFile) -> list[dict[str, Any]]:
        width, height = image_size(stored.data)
        return [
            {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "width": width,
                "height": height,
                "file_size": stored.size,
            }
        ]

    def file_object(self, stored: StoredFile) -> dict[str, Any]:
        """The File object getFile returns; refuses what Telegram refuses to serve."""
        if stored.size > GETFILE_LIMIT:
            raise bad_request("file is too big")
        if stored.file_path is None:
            extension = Path(stored.filename).suffix
            stored.file_path = f"documents/file_{self.next_id()}{extension}"
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": stored.size,
            "file_path": stored.file_path,
        }


def guess_mime_type(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def image_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG; a square thumbnail size for anything else."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return 320, 320
