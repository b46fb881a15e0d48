"""Reading a Bot API request: query string, urlencoded form, multipart form or JSON.

Form fields arrive as strings (python-telegram-bot JSON-encodes every non-string
value); Telegram converts each parameter to its declared type, and so does this.
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import BodyPartReader, web

from .errors import ApiError, bad_request

JSON_FIELDS = {
    "reply_markup",
    "entities",
    "caption_entities",
    "reply_parameters",
    "link_preview_options",
    "commands",
    "scope",
    "allowed_updates",
    "menu_button",
    "media",
}
INT_FIELDS = {
    "message_id",
    "offset",
    "limit",
    "timeout",
    "reply_to_message_id",
    "user_id",
    "max_connections",
    "cache_time",
    "message_thread_id",
}
BOOL_FIELDS = {
    "disable_notification",
    "drop_pending_updates",
    "show_alert",
    "protect_content",
    "disable_web_page_preview",
    "allow_sending_without_reply",
    "disable_content_type_detection",
    "has_spoiler",
    "revoke_messages",
}
CHAT_ID_FIELDS = {"chat_id", "from_chat_id"}

Files = dict[str, tuple[str, bytes]]


def _convert(name: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        if name in JSON_FIELDS:
            return json.loads(value)
        if name in INT_FIELDS:
            return int(float(value))
        if name in CHAT_ID_FIELDS:
            return int(value) if value.lstrip("-").isdigit() else value
    except ValueError as exc:
        raise bad_request(
            f"can't parse {name} JSON object" if name in JSON_FIELDS else f"wrong {name} specified"
        ) from exc
    if name in BOOL_FIELDS:
        return value.lower() in ("true", "1")
    return value


async def read_request(request: web.Request) -> tuple[dict[str, Any], Files]:
    """The typed parameters and the uploaded files of a Bot API call."""
    raw: dict[str, Any] = dict(request.query)
    files: Files = {}
    content_type = request.content_type
    if request.method == "POST" and request.can_read_body:
        if content_type == "application/json":
            try:
                body = await request.json()
            except ValueError as exc:
                raise bad_request("can't parse JSON object") from exc
            if not isinstance(body, dict):
                raise bad_request("can't parse JSON object")
            raw.update(body)
        elif content_type == "multipart/form-data":
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, BodyPartReader) or part.name is None:
                    continue
                if part.filename is not None:
                    files[part.name] = (part.filename, bytes(await part.read()))
                else:
                    raw[part.name] = await part.text()
        else:
            raw.update(await request.post())
    params = {name: _convert(name, value) for name, value in raw.items()}
    return params, files


def required(params: dict[str, Any], name: str) -> Any:
    """A required parameter, or Telegram's 400 for a missing one."""
    value = params.get(name)
    if value is None or value == "":
        raise bad_request(f"{name} is empty" if name.endswith("text") else f"{name} is required")
    return value


def as_int(value: Any, name: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise ApiError(400, f"Bad Request: invalid {name} specified") from exc
