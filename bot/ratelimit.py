"""A per-user rate of uploads: at most `limit` started in any `window`
seconds.  An upload over the rate is not refused: it is given the time its
turn comes, and waits in the queue (bot.workers) until then."""

from __future__ import annotations

import time
from collections import defaultdict, deque


class UploadLimiter:
    def __init__(self, limit: int, window: float) -> None:
        self.limit = max(1, limit)
        self.window = window
        self._starts: dict[int, deque[float]] = defaultdict(deque)

    def reserve(self, user_id: int, now: float | None = None) -> float:
        """Book an upload's start; the seconds it must wait (0: now)."""
        now = time.monotonic() if now is None else now
        starts = self._starts[user_id]
        while starts and now - starts[0] >= self.window:
            starts.popleft()
        start = now if len(starts) < self.limit else starts[-self.limit] + self.window
        starts.append(start)
        return max(0.0, start - now)
