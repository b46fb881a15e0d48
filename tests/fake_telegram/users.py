"""The test side: users who write, send commands, upload documents and press buttons."""

from __future__ import annotations

import copy
import uuid
from typing import TYPE_CHECKING, Any

from .formatting import utf16_len
from .objects import guess_mime_type

ALBUM_LIMIT = 10  # Telegram groups at most 10 media in one album

if TYPE_CHECKING:
    from .objects import World
    from .updates import UpdateQueue


class UserActions:
    """Mixin for FakeTelegram: each action queues an Update and returns it."""

    world: World
    updates: UpdateQueue

    def _sender_and_chat(
        self, user_id: int, chat_id: int | None, language_code: str | None, first_name: str
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        user = self.world.user(user_id, first_name, language_code)
        chat = self.world.chat_for(chat_id if chat_id is not None else user_id, user)
        return user, chat

    async def send_message(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        language_code: str = "zh",
        first_name: str = "测试用户",
        entities: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """User `user_id` writes `text` (in a private chat unless `chat_id` names a group)."""
        user, chat = self._sender_and_chat(user_id, chat_id, language_code, first_name)
        message = self.world.new_message(chat, user, text=text, entities=entities or None)
        return self.updates.push("message", message)

    async def send_command(
        self,
        user_id: int,
        command: str,
        *,
        chat_id: int | None = None,
        language_code: str = "zh",
        first_name: str = "测试用户",
    ) -> dict[str, Any]:
        """User `user_id` sends a command such as "/start" or "/rule E101"."""
        if not command.startswith("/"):
            raise ValueError(f"a command starts with '/': {command!r}")
        head = command.split(maxsplit=1)[0]
        entity = {"type": "bot_command", "offset": 0, "length": utf16_len(head)}
        return await self.send_message(
            user_id,
            command,
            chat_id=chat_id,
            language_code=language_code,
            first_name=first_name,
            entities=[entity],
        )

    async def send_document(
        self,
        user_id: int,
        filename: str,
        data: bytes,
        *,
        mime_type: str | None = None,
        caption: str | None = None,
        declared_size: int | None = None,
        chat_id: int | None = None,
        language_code: str = "zh",
        first_name: str = "测试用户",
        media_group_id: str | None = None,
    ) -> dict[str, Any]:
        """User `user_id` uploads a file; the bot can getFile and download it.

        `declared_size` is the file_size Telegram reports (a test can claim 30 MB
        without storing 30 MB); getFile refuses files over 20 MB like Telegram.
        `media_group_id` marks the file as one of an album (see send_album).
        """
        user, chat = self._sender_and_chat(user_id, chat_id, language_code, first_name)
        stored = self.world.store_file(data, filename, declared_size)
        document = self.world.document(stored, filename, mime_type or guess_mime_type(filename))
        message = self.world.new_message(
            chat, user, document=document, caption=caption, media_group_id=media_group_id
        )
        return self.updates.push("message", message)

    async def send_album(
        self,
        user_id: int,
        files: list[tuple[str, bytes]],
        *,
        chat_id: int | None = None,
        language_code: str = "zh",
        per_album: int = ALBUM_LIMIT,
    ) -> list[str]:
        """User `user_id` sends several files at once, as Telegram clients do:
        albums of at most 10 documents, each message of an album a separate
        update sharing its `media_group_id`.  Returns the album ids."""
        albums = []
        for start in range(0, len(files), per_album):
            group = str(uuid.uuid4().int >> 64)
            albums.append(group)
            for name, data in files[start : start + per_album]:
                await self.send_document(
                    user_id,
                    name,
                    data,
                    chat_id=chat_id,
                    language_code=language_code,
                    media_group_id=group,
                )
        return albums

    async def press_button(
        self,
        user_id: int,
        message: dict[str, Any],
        callback_data: str,
        *,
        language_code: str = "zh",
        first_name: str = "测试用户",
    ) -> dict[str, Any]:
        """User `user_id` presses the inline button with `callback_data` under `message`.

        The button must be on the message as it is now (after the bot's edits),
        as a real user can only press what they see.
        """
        current = self.world.message(
            message["chat"]["id"], message["message_id"], missing="message not found"
        )
        rows = (current.get("reply_markup") or {}).get("inline_keyboard", [])
        offered = [b.get("callback_data") for row in rows for b in row]
        if callback_data not in offered:
            raise AssertionError(
                f"message {current['message_id']} has no button {callback_data!r}; "
                f"it offers {offered}"
            )
        user = self.world.user(user_id, first_name, language_code)
        query = {
            "id": str(uuid.uuid4().int >> 64),
            "from": user,
            "message": copy.deepcopy(current),
            "chat_instance": str(abs(hash((current["chat"]["id"], "instance")))),
            "data": callback_data,
        }
        self.world.callback_queries[query["id"]] = {"query": query, "answer": None}
        return self.updates.push("callback_query", query)
