"""A fake Telegram Bot API server over real HTTP, for end-to-end tests of a real bot.

The bot talks to it exactly as to api.telegram.org (`{base_url}{token}/{method}`,
JSON, urlencoded or multipart bodies; `{"ok": true, "result": …}` or a
Telegram-shaped error); the test acts as the users through the methods below.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import re
import socket
import time
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any

from aiohttp import web

from . import media, messages, profile
from .errors import ApiError, not_found, too_many_requests, unauthorized
from .objects import World, guess_mime_type
from .params import read_request
from .updates import UpdateQueue
from .users import UserActions

LOGGER = logging.getLogger(__name__)
TOKEN_SHAPE = re.compile(r"\d+:[A-Za-z0-9_-]+")
SENT_METHODS = {"sendMessage", "sendDocument", "sendPhoto"}


class FakeTelegram(UserActions):
    """A Bot API server on 127.0.0.1 with a test-side API that plays the users."""

    def __init__(
        self,
        token: str = "123456:TEST-TOKEN",
        bot_username: str = "nianbao_test_bot",
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.token = token
        self.clock = clock
        bot = {
            "id": int(token.split(":", 1)[0]),
            "is_bot": True,
            "first_name": "Nianbao Test Bot",
            "username": bot_username,
        }
        self.world = World(bot=bot, clock=clock)
        self.profile = profile.Profile()
        self.updates = UpdateQueue(clock)
        self.calls: list[dict[str, Any]] = []
        self._failures: dict[str, deque[ApiError]] = defaultdict(deque)
        self._returned: set[int] = set()
        self._recorded = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port: int | None = None
        self._methods = self._method_table()

    def _method_table(self) -> dict[str, Callable]:
        table: dict[str, Callable] = {
            "getMe": profile.get_me,
            "getChat": profile.get_chat,
            "logOut": profile.accept,
            "close": profile.accept,
            "getUpdates": self.updates.get_updates,
            "setWebhook": self.updates.set_webhook,
            "deleteWebhook": self.updates.delete_webhook,
            "getWebhookInfo": self.updates.get_webhook_info,
            "sendMessage": messages.send_message,
            "editMessageText": messages.edit_message_text,
            "editMessageCaption": messages.edit_message_caption,
            "editMessageReplyMarkup": messages.edit_message_reply_markup,
            "deleteMessage": messages.delete_message,
            "answerCallbackQuery": messages.answer_callback_query,
            "sendChatAction": messages.send_chat_action,
            "sendDocument": media.send_document,
            "sendPhoto": media.send_photo,
            "getFile": media.get_file,
            "setMyCommands": self.profile.set_my_commands,
            "getMyCommands": self.profile.get_my_commands,
            "deleteMyCommands": self.profile.delete_my_commands,
            "setChatMenuButton": self.profile.set_chat_menu_button,
            "getChatMenuButton": self.profile.get_chat_menu_button,
        }
        for name, key in (
            ("Description", "description"),
            ("ShortDescription", "short_description"),
            ("Name", "name"),
        ):
            table[f"setMy{name}"] = self.profile.setter(name)
            table[f"getMy{name}"] = self.profile.getter(name, key)
        self._names = {name.lower(): name for name in table}
        return {name.lower(): function for name, function in table.items()}

    # --- life cycle ------------------------------------------------------

    async def start(self) -> None:
        """Serve on 127.0.0.1, on a free port."""
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        app.router.add_route("*", "/{tail:.*}", self._handle_unknown)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await site.start()
        await self.updates.start()

    async def stop(self) -> None:
        await self.updates.stop()
        if self._runner:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # --- HTTP ------------------------------------------------------------

    @staticmethod
    def _reply(body: dict[str, Any], status: int = 200) -> web.Response:
        return web.json_response(
            body, status=status, dumps=lambda o: json.dumps(o, ensure_ascii=False)
        )

    def _check_token(self, token: str) -> None:
        if token != self.token:
            raise unauthorized() if TOKEN_SHAPE.fullmatch(token) else not_found()

    async def _handle_method(self, request: web.Request) -> web.Response:
        name = request.match_info["method"]
        method = self._methods.get(name.lower())
        canonical = self._names.get(name.lower(), name)
        params: dict[str, Any] = {}
        files: dict[str, tuple[str, bytes]] = {}
        try:
            self._check_token(request.match_info["token"])
            if method is None:
                raise not_found()
            params, files = await read_request(request)
            if self._failures[canonical]:
                raise self._failures[canonical].popleft()
            result = method(self.world, params, files)
            if asyncio.iscoroutine(result):
                result = await result
        except ApiError as error:
            self._record(canonical, params, files, None, error)
            return self._reply(error.body(), status=error.code)
        except Exception as exc:  # a bug in the fake: say so in Telegram's shape, loudly
            LOGGER.exception("fake Telegram failed on %s", canonical)
            error = ApiError(500, f"Internal Server Error: fake failed: {exc!r}")
            self._record(canonical, params, files, None, error)
            return self._reply(error.body(), status=500)
        self._record(canonical, params, files, result, None)
        return self._reply({"ok": True, "result": result})

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        try:
            self._check_token(request.match_info["token"])
        except ApiError as error:
            return self._reply(error.body(), status=error.code)
        path = request.match_info["path"]
        stored = next((f for f in self.world.files.values() if f.file_path == path), None)
        if stored is None:
            return self._reply(not_found().body(), status=404)
        return web.Response(body=stored.data, content_type=guess_mime_type(stored.filename))

    async def _handle_unknown(self, request: web.Request) -> web.Response:
        return self._reply(not_found().body(), status=404)

    def _record(self, method, params, files, result, error: ApiError | None) -> None:
        self.calls.append(
            {
                "method": method,
                "params": params,
                "files": files,
                "result": copy.deepcopy(result),
                "time": self.clock(),
                "ok": error is None,
                "error": error.body() if error else None,
            }
        )
        self._recorded.set()
        self._recorded = asyncio.Event()

    # --- faults ----------------------------------------------------------

    def fail_next(
        self,
        method: str,
        error_code: int = 500,
        description: str = "Internal Server Error",
        retry_after: int | None = None,
    ) -> None:
        """Answer the next call of `method` with a Telegram-shaped error instead."""
        if retry_after is not None and description == "Internal Server Error":
            error = too_many_requests(retry_after)
            error.code = error_code if error_code != 500 else 429
        else:
            error = ApiError(error_code, description, retry_after=retry_after)
        canonical = self._names.get(method.lower(), method)
        self._failures[canonical].append(error)

    # --- reading what the bot did ---------------------------------------

    async def wait_for(
        self,
        predicate: Callable[[dict[str, Any]], bool],
        *,
        timeout: float = 10.0,
        since: int = 0,
        include_errors: bool = False,
    ) -> dict[str, Any]:
        """The first call record matching `predicate`, waiting for it if need be.

        Records at index ≥ `since` are searched in order; a record returned by an
        earlier wait_for is skipped, so waiting twice for "a sendMessage to chat 1"
        gives the first and then the second. Failed calls are skipped unless
        `include_errors`; a predicate raising KeyError, TypeError or IndexError on a
        record (say, indexing the `True` result of sendChatAction) does not match it. Raises AssertionError listing the recent calls on timeout.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for index in range(since, len(self.calls)):
                call = self.calls[index]
                if index in self._returned or (not call["ok"] and not include_errors):
                    continue
                if _matches(predicate, call):
                    self._returned.add(index)
                    return call
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(
                    f"no matching Bot API call within {timeout} s; recent calls:\n"
                    + "\n".join(_describe(call) for call in _interesting(self.calls)[-15:])
                )
            event = self._recorded
            try:
                await asyncio.wait_for(event.wait(), remaining)
            except TimeoutError:
                pass

    def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Messages the bot sent (in `chat_id`, or anywhere), edits applied, in order."""
        return self.world.history(chat_id, from_bot=True)

    def messages_in(self, chat_id: int) -> list[dict[str, Any]]:
        """The bot's messages in `chat_id` as they are now (edited, not deleted)."""
        return self.world.history(chat_id, from_bot=True)

    def history(self, chat_id: int) -> list[dict[str, Any]]:
        """Every message in `chat_id`, the users' and the bot's, as they are now."""
        return self.world.history(chat_id)

    @property
    def commands(self) -> dict[tuple[str, str], list[dict[str, str]]]:
        """setMyCommands as stored: {(scope type, language code): [{command, description}]}."""
        return self.profile.by_scope_type()

    def callback_answer(self, callback_query_id: str) -> dict[str, Any] | None:
        """How the bot answered a button press (text, show_alert, url), or None."""
        return self.world.callback_queries[callback_query_id].get("answer")


def _matches(predicate: Callable[[dict[str, Any]], bool], call: dict[str, Any]) -> bool:
    try:
        return bool(predicate(call))
    except (KeyError, TypeError, IndexError):
        return False


def _interesting(calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The calls worth listing: not the empty getUpdates polls."""
    return [c for c in calls if not (c["method"] == "getUpdates" and c["ok"] and not c["result"])]


def _describe(call: dict[str, Any]) -> str:
    params = {k: v for k, v in call["params"].items() if k != "reply_markup"}
    status = "ok" if call["ok"] else call["error"]["description"]
    return f"  {call['method']} {json.dumps(params, ensure_ascii=False)[:200]} -> {status}"
