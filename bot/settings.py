"""The bot's settings: read once from the environment and `.env`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import dotenv_values

from bot.i18n import t
from core.limits import MB, Limits
from core.messages import LANGS

# A Bot API token: the bot's numeric id, a colon, then the secret.
TOKEN_RE = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{5,}$")


class SettingsError(Exception):
    """A setting is missing or malformed; `str(exc)` is one line for the user."""


class TokenError(SettingsError):
    """The bot token is missing (`kind` "missing") or malformed ("malformed")."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass
class Settings:
    token: str
    database_url: str = "sqlite:///nianbao.sqlite3"
    base_url: str = "https://api.telegram.org/bot"
    base_file_url: str = "https://api.telegram.org/file/bot"
    admin_ids: frozenset[int] = frozenset()
    default_lang: str = "zh"
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))
    webhook_url: str | None = None
    webhook_secret: str | None = None
    port: int = 8443
    log_level: str = "INFO"
    # Limits of one upload (core.limits; the command line has the same defaults).
    max_upload_bytes: int = 20 * MB  # the Bot API's getFile limit
    check_timeout: float = 60.0  # seconds of one job in a worker
    job_memory_bytes: int = Limits.memory_bytes
    max_pages: int = Limits.pages
    max_table_rows: int = Limits.table_rows
    max_text_chars: int = Limits.text_chars
    max_unpacked_bytes: int = Limits.unpacked_bytes
    max_zip_members: int = Limits.zip_members
    # Worker processes (0: one per CPU, at most four) and the fair queue.
    workers: int = 0
    max_waiting_per_user: int = 20
    uploads_per_window: int = 5
    upload_window_seconds: float = 60.0
    # Outgoing messages (AIORateLimiter); Telegram allows about 30 a second.
    overall_max_rate: float = 30.0
    # The time the bot believes it is; tests inject their own clock.
    clock: Callable[[], datetime] | None = None

    def now(self) -> datetime:
        return self.clock() if self.clock else datetime.now(self.tz)

    @property
    def limits(self) -> Limits:
        return Limits(
            file_bytes=self.max_upload_bytes,
            unpacked_bytes=self.max_unpacked_bytes,
            zip_members=self.max_zip_members,
            pages=self.max_pages,
            table_rows=self.max_table_rows,
            text_chars=self.max_text_chars,
            seconds=self.check_timeout,
            memory_bytes=self.job_memory_bytes,
        )


# Environment variables of the limits: name -> (field, unit it is given in).
LIMIT_VARS = {
    "MAX_UPLOAD_MB": ("max_upload_bytes", MB),
    "CHECK_TIMEOUT": ("check_timeout", 1.0),
    "JOB_MEMORY_MB": ("job_memory_bytes", MB),
    "MAX_PAGES": ("max_pages", 1),
    "MAX_TABLE_ROWS": ("max_table_rows", 1),
    "MAX_TEXT_CHARS": ("max_text_chars", 1),
    "MAX_UNPACKED_MB": ("max_unpacked_bytes", MB),
    "MAX_ZIP_MEMBERS": ("max_zip_members", 1),
    "WORKERS": ("workers", 1),
    "UPLOADS_PER_MINUTE": ("uploads_per_window", 1),
}


def _limits(values: Mapping[str, str]) -> dict[str, float | int]:
    out: dict[str, float | int] = {}
    for var, (name, unit) in LIMIT_VARS.items():
        raw = (values.get(var) or "").strip()
        if not raw:
            continue
        try:
            number = float(raw)
        except ValueError as exc:
            raise SettingsError(f"{var} must be a number, not {raw!r}") from exc
        if number < 0 or (number == 0 and var != "WORKERS"):
            raise SettingsError(f"{var} must be a positive number, not {raw!r}")
        out[name] = number * unit if isinstance(unit, float) else int(number * unit)
    return out


def _read_env(env: Mapping[str, str] | None, dotenv: str | Path | None) -> dict[str, str]:
    values: dict[str, str] = {}
    path = Path(dotenv) if dotenv else Path(".env")
    if path.is_file():
        values.update({k: v for k, v in dotenv_values(path).items() if v is not None})
    values.update(os.environ if env is None else env)
    return values


def load_settings(
    env: Mapping[str, str] | None = None, dotenv: str | Path | None = None
) -> Settings:
    """Settings from `env` (default: os.environ) over the `.env` file."""
    values = _read_env(env, dotenv)
    lang = values.get("DEFAULT_LANG", "zh").strip().lower() or "zh"
    if lang not in LANGS:
        raise SettingsError(f"DEFAULT_LANG must be one of {', '.join(LANGS)}, not {lang!r}")
    token = values.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        raise TokenError(t("settings.missing_token", lang), "missing")
    if not TOKEN_RE.match(token):
        raise TokenError(t("settings.bad_token", lang), "malformed")
    try:
        tz = ZoneInfo(values.get("TZ", "Asia/Shanghai").strip() or "Asia/Shanghai")
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SettingsError(f"TZ is not a known time zone: {values.get('TZ')!r}") from exc
    try:
        admins = frozenset(
            int(x) for x in re.split(r"[,\s]+", values.get("ADMIN_IDS", "").strip()) if x
        )
    except ValueError as exc:
        raise SettingsError("ADMIN_IDS must be Telegram user ids separated by commas") from exc
    try:
        port = int(values.get("PORT", "8443") or 8443)
    except ValueError as exc:
        raise SettingsError(f"PORT must be a number, not {values.get('PORT')!r}") from exc
    log_level = (values.get("LOG_LEVEL", "INFO").strip() or "INFO").upper()
    if log_level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise SettingsError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {log_level!r}")
    base_url = values.get("TELEGRAM_BASE_URL", "").strip() or Settings.base_url
    base_file_url = values.get("TELEGRAM_BASE_FILE_URL", "").strip() or Settings.base_file_url
    return Settings(
        token=token,
        database_url=values.get("DATABASE_URL", "").strip() or Settings.database_url,
        base_url=base_url,
        base_file_url=base_file_url,
        admin_ids=admins,
        default_lang=lang,
        tz=tz,
        webhook_url=values.get("WEBHOOK_URL", "").strip() or None,
        webhook_secret=values.get("WEBHOOK_SECRET", "").strip() or None,
        port=port,
        log_level=log_level,
        **_limits(values),
    )
