"""A per-user limit on uploads: at most `limit` in any `window` seconds."""

from __future__ import annotations

import time
from collections import defaultdict, deque


class UploadLimiter:
    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._hits: dict[int, deque[float]] = defaultdict(deque)

    def hit(self, user_id: int, now: float | None = None) -> float:
        """Count an upload; 0 when allowed, else the seconds to wait."""
        now = time.monotonic() if now is None else now
        hits = self._hits[user_id]
        while hits and now - hits[0] >= self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return self.window - (now - hits[0])
        hits.append(now)
        return 0.0
