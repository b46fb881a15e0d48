"""What every handler needs, kept in `application.bot_data`."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.ratelimit import UploadLimiter
from bot.settings import Settings
from bot.workers import FairQueue
from core.reminders.repository import ReminderRepository

RESULTS_KEPT = 500


@dataclass
class CheckResult:
    """A checked upload, kept for the "details per category" buttons."""

    report_id: Any
    name: str
    report: Any
    defects: list


@dataclass
class Services:
    settings: Settings
    store: Any  # core.store.repository.Store
    reminders: ReminderRepository
    limiter: UploadLimiter
    queue: FairQueue
    pool: Any = None  # core.jobs.Pool: the worker processes
    results: OrderedDict = field(default_factory=OrderedDict)

    def remember(self, result: CheckResult) -> None:
        self.results[result.report_id] = result
        self.results.move_to_end(result.report_id)
        while len(self.results) > RESULTS_KEPT:
            self.results.popitem(last=False)


def services(context_or_app: Any) -> Services:
    return context_or_app.bot_data["services"]


def now(context_or_app: Any) -> datetime:
    """The time the bot believes it is (bot_data["clock"]; tests set it)."""
    return context_or_app.bot_data["clock"]()


def set_clock(app: Any, clock: Callable[[], datetime]) -> None:
    app.bot_data["clock"] = clock
