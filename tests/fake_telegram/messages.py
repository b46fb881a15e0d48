"""Bot API methods about messages: send, edit, delete, chat actions, callback answers."""

from __future__ import annotations

import copy
from typing import Any

from .errors import bad_request
from .formatting import render
from .objects import World
from .params import Files, required

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
CHAT_ACTIONS = {
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
}
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"


def inline_markup(markup: Any) -> dict[str, Any] | None:
    """The reply_markup a Message carries: inline keyboards only, validated like Telegram."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        return None  # reply keyboards, ForceReply and ReplyKeyboardRemove are not echoed
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('field "inline_keyboard" must be an Array of Arrays')
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not button.get("text"):
                raise bad_request("can't parse inline keyboard button: Text is empty")
            if len(button) == 1:
                raise bad_request(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= CALLBACK_DATA_LIMIT:
                raise bad_request("BUTTON_DATA_INVALID")
    return {"inline_keyboard": [[dict(button) for button in row] for row in rows]}


def reply_to(world: World, chat_id: int, params: dict[str, Any]) -> dict[str, Any] | None:
    """The message being replied to (reply_parameters or reply_to_message_id)."""
    reply = params.get("reply_parameters") or {}
    message_id = reply.get("message_id", params.get("reply_to_message_id"))
    if message_id is None:
        return None
    allow = reply.get("allow_sending_without_reply", params.get("allow_sending_without_reply"))
    key = (reply.get("chat_id", chat_id), message_id)
    if key not in world.messages or key in world.deleted:
        if allow:
            return None
        raise bad_request("message to be replied not found")
    original = copy.deepcopy(world.messages[key])
    original.pop("reply_to_message", None)
    return original


def formatted_text(params: dict[str, Any], *, limit: int = MESSAGE_LIMIT) -> dict[str, Any]:
    """`text` and `entities` as Telegram stores them, with its emptiness and length errors."""
    text = params.get("text")
    if not isinstance(text, str) or not text.strip():
        raise bad_request("message text is empty")
    plain, entities = render(text, params.get("parse_mode"), params.get("entities"))
    if not plain:
        raise bad_request("message text is empty")
    if len(plain) > limit:
        raise bad_request("message is too long")
    return {"text": plain, "entities": entities or None}


def formatted_caption(params: dict[str, Any]) -> dict[str, Any]:
    caption = params.get("caption")
    if not caption:
        return {}
    plain, entities = render(caption, params.get("parse_mode"), params.get("caption_entities"))
    if len(plain) > CAPTION_LIMIT:
        raise bad_request("message caption is too long")
    return {"caption": plain or None, "caption_entities": entities or None}


def send_message(world: World, params: dict[str, Any], files: Files) -> dict[str, Any]:
    chat = world.known_chat(required(params, "chat_id"))
    content = formatted_text(params)
    return world.new_message(
        chat,
        world.bot,
        reply_to_message=reply_to(world, chat["id"], params),
        **content,
        reply_markup=inline_markup(params.get("reply_markup")),
    )


def _editable(world: World, params: dict[str, Any]) -> dict[str, Any]:
    if params.get("inline_message_id"):
        raise bad_request("inline messages are not supported by the fake")
    chat = world.known_chat(required(params, "chat_id"))
    message = world.message(
        chat["id"], required(params, "message_id"), missing="message to edit not found"
    )
    if message["from"]["id"] != world.bot["id"]:
        raise bad_request("message can't be edited")
    return message


def _apply_edit(world: World, message: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    current = {key: message.get(key) for key in changes}
    if current == changes:
        raise bad_request(NOT_MODIFIED)
    for key, value in changes.items():
        if value is None:
            message.pop(key, None)
        else:
            message[key] = value
    message["edit_date"] = world.now()
    return copy.deepcopy(message)


def edit_message_text(world: World, params: dict[str, Any], files: Files) -> dict[str, Any]:
    message = _editable(world, params)
    if "text" not in message:
        raise bad_request("there is no text in the message to edit")
    changes = formatted_text(params)
    changes["reply_markup"] = inline_markup(params.get("reply_markup"))
    return _apply_edit(world, message, changes)


def edit_message_caption(world: World, params: dict[str, Any], files: Files) -> dict[str, Any]:
    message = _editable(world, params)
    if "text" in message:
        raise bad_request("there is no caption in the message to edit")
    changes = {"caption": None, "caption_entities": None, **formatted_caption(params)}
    changes["reply_markup"] = inline_markup(params.get("reply_markup"))
    return _apply_edit(world, message, changes)


def edit_message_reply_markup(world: World, params: dict[str, Any], files: Files) -> dict[str, Any]:
    message = _editable(world, params)
    changes = {"reply_markup": inline_markup(params.get("reply_markup"))}
    return _apply_edit(world, message, changes)


def delete_message(world: World, params: dict[str, Any], files: Files) -> bool:
    chat = world.known_chat(required(params, "chat_id"))
    message_id = required(params, "message_id")
    world.message(chat["id"], message_id, missing="message to delete not found")
    world.deleted.add((chat["id"], message_id))
    return True


def answer_callback_query(world: World, params: dict[str, Any], files: Files) -> bool:
    query = world.callback_queries.get(str(params.get("callback_query_id")))
    if query is None or query.get("answer") is not None:
        raise bad_request(QUERY_INVALID)
    query["answer"] = {key: params.get(key) for key in ("text", "show_alert", "url")}
    return True


def send_chat_action(world: World, params: dict[str, Any], files: Files) -> bool:
    world.known_chat(required(params, "chat_id"))
    if params.get("action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True
