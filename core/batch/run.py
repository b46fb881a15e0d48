"""Check many report files: in worker processes (pebble, one per core, each
file with a time limit that kills its worker), or in this process for a
handful of files.  Results keep the order of the sources."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures import as_completed

from core.batch.record import Batch, Checked, Failure, checked_of
from core.batch.sources import Source
from core.document import UnreadableFile

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
SERIAL_BELOW = 4  # fewer files than this are checked in this process
DEFAULT_TIMEOUT = 60.0  # seconds per file


def check_source(source: Source) -> Checked | Failure:
    """Parse and check one file; never raises."""
    from core.check import check_report
    from core.parse import parse_bytes

    try:
        data = source.read()
    except OSError as exc:
        return Failure(source.name, "unreadable", exc.strerror or "", source.path)
    try:
        report = parse_bytes(data, source.name)
    except UnreadableFile as exc:
        return Failure(source.name, exc.code, exc.detail, source.path, exc.slots)
    except Exception as exc:  # a parser bug must not stop the batch
        log.exception("parsing %s failed", source.path)
        return Failure(source.name, "internal", type(exc).__name__, source.path)
    try:
        defects = check_report(report)
    except Exception as exc:
        log.exception("checking %s failed", source.path)
        return Failure(source.name, "internal", type(exc).__name__, source.path)
    return checked_of(report, defects, source.name, source.path)


def workers_for(count: int, workers: int | None = None) -> int:
    cores = os.cpu_count() or 1
    return max(1, min(workers or cores, count))


def check_many(
    sources: list[Source],
    *,
    workers: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    progress: Progress | None = None,
) -> Batch:
    """Check every source; `workers` processes (default: one per core)."""
    n = workers_for(len(sources), workers)
    if n == 1 or len(sources) < SERIAL_BELOW:
        results = []
        for i, s in enumerate(sources, 1):
            results.append(check_source(s))
            if progress:
                progress(i, len(sources))
    else:
        results = _in_pool(sources, n, timeout, progress)
    batch = Batch()
    for r in results:
        (batch.checked if isinstance(r, Checked) else batch.failures).append(r)
    return batch


def _in_pool(
    sources: list[Source], workers: int, timeout: float | None, progress: Progress | None
) -> list[Checked | Failure]:
    from pebble import ProcessPool
    from pebble.common import ProcessExpired

    results: list[Checked | Failure | None] = [None] * len(sources)
    with ProcessPool(max_workers=workers) as pool:
        futures = {
            pool.schedule(check_source, args=(s,), timeout=timeout): i
            for i, s in enumerate(sources)
        }
        for done, future in enumerate(as_completed(futures), 1):
            i = futures[future]
            s = sources[i]
            try:
                results[i] = future.result()
            except FutureTimeout:
                results[i] = Failure(s.name, "timeout", "", s.path, {"seconds": f"{timeout:g}"})
            except ProcessExpired as exc:  # the worker died (memory, a crash)
                results[i] = Failure(s.name, "worker_died", str(exc.exitcode), s.path)
            except Exception as exc:
                results[i] = Failure(s.name, "internal", type(exc).__name__, s.path)
            if progress:
                progress(done, len(sources))
    return [r for r in results if r is not None]
