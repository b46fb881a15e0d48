"""Bot API methods about files: sendDocument, sendPhoto (multipart uploads) and getFile."""

from __future__ import annotations

from typing import Any

from .errors import ApiError, bad_request
from .messages import formatted_caption, inline_markup, reply_to
from .objects import StoredFile, World, guess_mime_type
from .params import Files, required

UPLOAD_LIMIT = 50 * 1024 * 1024  # the Bot API's upload limit for bots


def _input_file(
    world: World, params: dict[str, Any], files: Files, field: str
) -> tuple[StoredFile, str]:
    """The file a send method names: a multipart upload, attach://name, or a file_id."""
    value = params.get(field)
    name = field
    if isinstance(value, str) and value.startswith("attach://"):
        name = value.removeprefix("attach://")
    if name in files:
        filename, data = files[name]
        if not data:
            raise bad_request("file must be non-empty")
        if len(data) > UPLOAD_LIMIT:
            raise ApiError(413, "Request Entity Too Large")
        return world.store_file(data, filename), filename
    if not value:
        raise bad_request(f"there is no {field} in the request")
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        raise bad_request("failed to get HTTP URL content")
    if value not in world.files:
        raise bad_request("wrong file identifier/HTTP URL specified")
    stored = world.files[value]
    return stored, stored.filename


def _send(world: World, params: dict[str, Any], media: dict[str, Any]) -> dict[str, Any]:
    chat = world.known_chat(required(params, "chat_id"))
    return world.new_message(
        chat,
        world.bot,
        reply_to_message=reply_to(world, chat["id"], params),
        **media,
        **formatted_caption(params),
        reply_markup=inline_markup(params.get("reply_markup")),
    )


def send_document(world: World, params: dict[str, Any], files: Files) -> dict[str, Any]:
    world.known_chat(required(params, "chat_id"))
    stored, filename = _input_file(world, params, files, "document")
    filename = filename or "document"
    document = world.document(stored, filename, guess_mime_type(filename))
    return _send(world, params, {"document": document})


def send_photo(world: World, params: dict[str, Any], files: Files) -> dict[str, Any]:
    world.known_chat(required(params, "chat_id"))
    stored, _ = _input_file(world, params, files, "photo")
    return _send(world, params, {"photo": world.photo_sizes(stored)})


def get_file(world: World, params: dict[str, Any], files: Files) -> dict[str, Any]:
    stored = world.stored_file(required(params, "file_id"))
    return world.file_object(stored)
