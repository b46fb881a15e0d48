"""Telegram-shaped API errors: `{"ok": false, "error_code": N, "description": "..."}`."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An error the fake answers like Telegram does."""

    def __init__(self, code: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def body(self) -> dict[str, Any]:
        """The JSON body Telegram sends for this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(detail: str) -> ApiError:
    """A 400 with Telegram's "Bad Request: …" prefix."""
    return ApiError(400, f"Bad Request: {detail}")


def too_many_requests(retry_after: int) -> ApiError:
    """A 429 flood-wait error with `parameters.retry_after`."""
    return ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)


def not_found() -> ApiError:
    """Unknown method or malformed token, as Telegram answers them."""
    return ApiError(404, "Not Found")


def unauthorized() -> ApiError:
    """A well-formed token Telegram does not know."""
    return ApiError(401, "Unauthorized")
