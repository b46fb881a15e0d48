"""Getting updates to the bot: getUpdates long polling, or a webhook the fake POSTs to.

An update stays pending until the bot confirms it: by calling getUpdates with an
offset above its update_id, or by answering its webhook POST with a 2xx status.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import aiohttp

from .errors import ApiError, bad_request
from .params import Files

LOGGER = logging.getLogger(__name__)
DEFAULT_TYPES_EXCLUDED = {"chat_member", "message_reaction", "message_reaction_count"}
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
POLL_CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def update_type(update: dict[str, Any]) -> str:
    return next(key for key in update if key != "update_id")


class UpdateQueue:
    """Pending updates, long polls waiting for them, and webhook delivery."""

    def __init__(self, clock) -> None:
        self.clock = clock
        self.pending: list[dict[str, Any]] = []
        self.allowed_updates: list[str] | None = None
        self.webhook: dict[str, Any] = {"url": ""}
        self._next_update_id = 100_000_001
        self._changed = asyncio.Event()
        self._poll_generation = 0
        self.polls_waiting = 0  # long polls being held right now
        self._closing = False
        self._session: aiohttp.ClientSession | None = None
        self._delivery: asyncio.Task | None = None

    # --- life cycle ------------------------------------------------------

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        self._delivery = asyncio.create_task(self._deliver_forever(), name="fake-telegram-webhook")

    async def stop(self) -> None:
        self._closing = True
        self._notify()
        if self._delivery:
            self._delivery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._delivery
        if self._session:
            await self._session.close()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def _changed_within(self, seconds: float | None) -> None:
        event = self._changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), seconds)

    # --- the test side ---------------------------------------------------

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue a new update of `kind` (message, callback_query, …) and return it."""
        update = {"update_id": self._next_update_id, kind: payload}
        self._next_update_id += 1
        self.pending.append(update)
        self._notify()
        return update

    def _allowed(self, update: dict[str, Any], allowed: list[str] | None) -> bool:
        kind = update_type(update)
        if not allowed:
            return kind not in DEFAULT_TYPES_EXCLUDED
        return kind in allowed

    def _drop_unwanted(self, allowed: list[str] | None) -> None:
        self.pending = [u for u in self.pending if self._allowed(u, allowed)]

    # --- getUpdates ------------------------------------------------------

    async def get_updates(self, world, params: dict[str, Any], files: Files) -> list[dict]:
        if self.webhook["url"]:
            raise ApiError(409, WEBHOOK_CONFLICT)
        offset = int(params.get("offset") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = max(int(params.get("timeout") or 0), 0)
        if offset > 0:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
        elif offset < 0:
            self.pending = self.pending[offset:]
        if "allowed_updates" in params:
            self.allowed_updates = params["allowed_updates"]
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()  # an older long poll is terminated by this one
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            self._drop_unwanted(self.allowed_updates)
            if self.pending or self._closing:
                return [dict(u) for u in self.pending[:limit]]
            remaining = deadline - loop.time()
            if remaining <= 0:
                return []
            self.polls_waiting += 1
            try:
                await self._changed_within(remaining)
            finally:
                self.polls_waiting -= 1
            if generation != self._poll_generation:
                raise ApiError(409, POLL_CONFLICT)

    # --- webhooks --------------------------------------------------------

    def set_webhook(self, world, params: dict[str, Any], files: Files) -> bool:
        url = params.get("url") or ""
        if url and not url.startswith(("http://", "https://")):
            raise bad_request("bad webhook: Failed to resolve host: Name or service not known")
        secret = params.get("secret_token")
        if secret is not None and not (
            1 <= len(secret) <= 256 and all(c.isalnum() or c in "_-" for c in secret)
        ):
            raise bad_request("secret token contains unallowed characters")
        if params.get("drop_pending_updates"):
            self.pending.clear()
        if "allowed_updates" in params:
            self.allowed_updates = params["allowed_updates"]
        self.webhook = {
            "url": url,
            "secret_token": secret,
            "max_connections": int(params.get("max_connections") or 40),
        }
        self._notify()
        return True

    def delete_webhook(self, world, params: dict[str, Any], files: Files) -> bool:
        return self.set_webhook(
            world, {"url": "", "drop_pending_updates": params.get("drop_pending_updates")}, files
        )

    def get_webhook_info(self, world, params: dict[str, Any], files: Files) -> dict[str, Any]:
        info: dict[str, Any] = {
            "url": self.webhook["url"],
            "has_custom_certificate": False,
            "pending_update_count": len(self.pending),
        }
        if self.webhook["url"]:
            info["max_connections"] = self.webhook["max_connections"]
            if self.allowed_updates:
                info["allowed_updates"] = list(self.allowed_updates)
            for key in ("last_error_date", "last_error_message"):
                if key in self.webhook:
                    info[key] = self.webhook[key]
        return info

    async def _deliver_forever(self) -> None:
        """POST pending updates one by one, in order, while a webhook is set."""
        backoff = 0.05
        while True:
            url = self.webhook["url"]
            self._drop_unwanted(self.allowed_updates)
            if not url or not self.pending:
                await self._changed_within(None)
                continue
            update = self.pending[0]
            if await self._post(url, update):
                self.pending = [u for u in self.pending if u["update_id"] != update["update_id"]]
                backoff = 0.05
            else:
                await self._changed_within(backoff)
                backoff = min(backoff * 2, 1.0)

    async def _post(self, url: str, update: dict[str, Any]) -> bool:
        headers = {}
        if self.webhook.get("secret_token"):
            headers[SECRET_HEADER] = self.webhook["secret_token"]
        assert self._session is not None
        try:
            async with self._session.post(url, json=update, headers=headers) as response:
                if 200 <= response.status < 300:
                    return True
                error = f"Wrong response from the webhook: {response.status} {response.reason}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            error = f"Connection refused ({type(exc).__name__})"
        self.webhook["last_error_date"] = int(self.clock())
        self.webhook["last_error_message"] = error
        LOGGER.debug("webhook delivery of %s failed: %s", update["update_id"], error)
        return False
