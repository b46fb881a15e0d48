"""Bot API methods about the bot itself: getMe, command menus, menu button, descriptions."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from .errors import bad_request
from .objects import World
from .params import Files

COMMAND = re.compile(r"[a-z0-9_]{1,32}")
SCOPES = {
    "default",
    "all_private_chats",
    "all_group_chats",
    "all_chat_administrators",
    "chat",
    "chat_administrators",
    "chat_member",
}


@dataclass
class Profile:
    """What the bot configured about itself."""

    commands: dict[tuple[str, str], list[dict[str, str]]] = field(default_factory=dict)
    menu_buttons: dict[int | None, dict[str, Any]] = field(default_factory=dict)
    texts: dict[tuple[str, str], str] = field(default_factory=dict)

    def _key(self, params: dict[str, Any]) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in SCOPES:
            raise bad_request("can't parse BotCommandScope")
        language = params.get("language_code") or ""
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise bad_request("invalid language code specified")
        return json.dumps(scope, sort_keys=True), language

    def set_my_commands(self, world: World, params: dict[str, Any], files: Files) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("can't parse commands JSON object")
        for command in commands:
            if not isinstance(command, dict) or not COMMAND.fullmatch(str(command.get("command"))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description") or "")) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        key = self._key(params)
        if commands:
            self.commands[key] = [
                {"command": c["command"], "description": c["description"]} for c in commands
            ]
        else:
            self.commands.pop(key, None)
        return True

    def get_my_commands(self, world: World, params: dict[str, Any], files: Files) -> list:
        return list(self.commands.get(self._key(params), []))

    def delete_my_commands(self, world: World, params: dict[str, Any], files: Files) -> bool:
        self.commands.pop(self._key(params), None)
        return True

    def by_scope_type(self) -> dict[tuple[str, str], list[dict[str, str]]]:
        """Commands keyed by (scope type, language code), as tests read them."""
        return {
            (json.loads(scope)["type"], language): list(commands)
            for (scope, language), commands in self.commands.items()
        }

    def set_chat_menu_button(self, world: World, params: dict[str, Any], files: Files) -> bool:
        button = params.get("menu_button") or {"type": "default"}
        if button.get("type") not in ("default", "commands", "web_app"):
            raise bad_request("can't parse menu button")
        self.menu_buttons[params.get("chat_id")] = button
        return True

    def get_chat_menu_button(self, world: World, params: dict[str, Any], files: Files) -> dict:
        return self.menu_buttons.get(params.get("chat_id"), {"type": "default"})

    def setter(self, name: str):
        """setMyDescription and friends: store the text per language."""

        def set_text(world: World, params: dict[str, Any], files: Files) -> bool:
            value = next((v for k, v in params.items() if k not in ("language_code",)), "")
            self.texts[(name, params.get("language_code") or "")] = str(value or "")
            return True

        return set_text

    def getter(self, name: str, result_key: str):
        def get_text(world: World, params: dict[str, Any], files: Files) -> dict:
            return {result_key: self.texts.get((name, params.get("language_code") or ""), "")}

        return get_text


def get_me(world: World, params: dict[str, Any], files: Files) -> dict[str, Any]:
    return {
        **world.bot,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def get_chat(world: World, params: dict[str, Any], files: Files) -> dict[str, Any]:
    chat = world.known_chat(params.get("chat_id"))
    return {**chat, "accent_color_id": 0, "max_reaction_count": 11}


def accept(world: World, params: dict[str, Any], files: Files) -> bool:
    return True
