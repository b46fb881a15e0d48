"""A fair queue for the uploads of many users: `slots` run at once (one per
worker process), taken in turn from each user with work waiting — so one
user's ten files never wait in front of another user's one — and never more
than `per_user` of one user's at once, so that a user sending runaway files
leaves the other workers to everyone else.  An upload over its user's rate
waits in the queue until its turn in the rate window instead of being
refused.  `close` ends the waiting (the bot is stopping)."""

from __future__ import annotations

import asyncio
from collections import Counter, OrderedDict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


class QueueClosed(Exception):
    """The bot is stopping: the job did not start."""


@dataclass
class _Entry:
    go: asyncio.Future
    not_before: float


class FairQueue:
    def __init__(self, slots: int, *, per_user: int | None = None, waiting: int = 20) -> None:
        self.slots = max(1, slots)
        # one slot is kept for the others whenever there are two or more
        self.per_user = per_user or max(1, self.slots - 1)
        self.waiting = waiting  # jobs one user may have waiting
        self._queues: OrderedDict[int, deque[_Entry]] = OrderedDict()  # turn order
        self._running: Counter[int] = Counter()
        self._timer: asyncio.TimerHandle | None = None
        self._closed = False

    # ------------------------------------------------------------ looking
    def running(self) -> int:
        return sum(self._running.values())

    def full(self, user: int) -> bool:
        """Has `user` as many jobs waiting as one may?"""
        return len(self._queues.get(user, ())) >= self.waiting

    def ahead(self, user: int) -> int:
        """About how many jobs would start before a new one of `user`: its
        own waiting ones, and as many of every other user's (turns
        alternate), plus the running ones when no slot is free for it."""
        mine = len(self._queues.get(user, ()))
        others = sum(min(len(q), mine + 1) for u, q in self._queues.items() if u != user)
        free = self.running() < self.slots and self._running[user] < self.per_user
        return mine + others + (0 if free and not mine and not others else self.running())

    # ------------------------------------------------------------ running
    async def run(
        self, user: int, job: Callable[[], Awaitable[T]], *, not_before: float = 0.0
    ) -> T:
        """Run `job()` when its turn comes (not before loop time `not_before`)."""
        if self._closed:
            raise QueueClosed
        loop = asyncio.get_running_loop()
        entry = _Entry(loop.create_future(), not_before)
        self._queues.setdefault(user, deque()).append(entry)
        self._dispatch()
        try:
            await entry.go
        except asyncio.CancelledError:
            self._forget(user, entry)
            raise
        try:
            return await job()
        finally:
            self._running[user] -= 1
            if self._running[user] <= 0:
                del self._running[user]
            self._dispatch()

    def close(self) -> None:
        """No new jobs; every waiting job ends with QueueClosed."""
        self._closed = True
        if self._timer is not None:
            self._timer.cancel()
        for queue in self._queues.values():
            for entry in queue:
                if not entry.go.done():
                    entry.go.set_exception(QueueClosed())
        self._queues.clear()

    def _forget(self, user: int, entry: _Entry) -> None:
        queue = self._queues.get(user)
        if queue and entry in queue:
            queue.remove(entry)
            if not queue:
                del self._queues[user]
        elif entry.go.done() and not entry.go.cancelled() and entry.go.exception() is None:
            self._running[user] -= 1  # started, then cancelled before running
            self._dispatch()

    def _dispatch(self) -> None:
        """Start waiting jobs while slots are free, one user after another."""
        if self._closed:
            return
        loop = asyncio.get_running_loop()
        now = loop.time()
        soonest: float | None = None
        while self.running() < self.slots:
            started = False
            for user, queue in list(self._queues.items()):
                if self._running[user] >= self.per_user:
                    continue
                entry = queue[0]
                if entry.not_before > now:
                    soonest = (
                        entry.not_before if soonest is None else min(soonest, entry.not_before)
                    )
                    continue
                queue.popleft()
                if queue:
                    self._queues.move_to_end(user)  # its next job waits for the others'
                else:
                    del self._queues[user]
                self._running[user] += 1
                entry.go.set_result(None)
                started = True
                break
            if not started:
                break
        if soonest is not None:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = loop.call_at(soonest, self._dispatch)
