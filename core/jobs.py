"""Bounded work: reading and checking a file runs in a worker process with a
hard time limit (the worker is killed and replaced when it runs over) and a
memory limit (RLIMIT_AS in the worker), so no file can stall or exhaust the
process that serves everyone else.  The command line and the bot use the
same pool and the same Limits (core.limits); core reads no setting itself.

`Reader` reads and checks in the calling process (the limits that are
counts — size, pages, rows, text — apply; time and memory do not);
`PooledReader` does the same work in a `Pool` of worker processes (pebble:
a process pool whose per-task timeout kills the worker).  Both raise
`UnreadableFile` for every file that cannot be read within the limits, with
the codes `too_slow`, `too_much_memory` and `worker_crashed` added to the
extractors' own."""

from __future__ import annotations

import logging
import os
import pickle
import resource
import select
import signal
import threading
import time
from concurrent.futures import CancelledError, Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from core.defect import Defect
from core.document import UnreadableFile
from core.limits import DEFAULT, Limits
from core.logs import cap_library_loggers
from core.report import Report

log = logging.getLogger(__name__)

# A worker is replaced after this many jobs (memory a long-lived process
# gathers in fragments is given back).
TASKS_PER_WORKER = 200
# Modules the fork server imports once, so that each new worker starts warm.
PRELOAD = ["core.jobs", "core.parse", "core.check", "core.extract.pdf", "core.extract.docx"]


# ---------------------------------------------------------------- the work
def parse(data: bytes, name: str, limits: Limits) -> Report:
    from core.extract import extract
    from core.parse import parse_document

    return parse_document(extract(data, name, limits))


def check(report: Report, previous: Report | None) -> list[Defect]:
    """The checker's defects; a checker bug loses no upload (the log shows it)."""
    from core.check import check_report

    try:
        return list(check_report(report, previous=previous))
    except Exception:
        log.exception("checking %s failed", report.document.name)
        return []


def read(data: bytes, name: str, limits: Limits) -> tuple[Report, list[Defect]]:
    """Parse and check one file (without last year's report)."""
    report = parse(data, name, limits)
    return report, check(report, None)


class Reader:
    """Reads and checks in this process, within the count limits."""

    def __init__(self, limits: Limits = DEFAULT) -> None:
        self.limits = limits

    def read(self, data: bytes, name: str) -> tuple[Report, list[Defect]]:
        return read(data, name, self.limits)

    def parse(self, data: bytes, name: str) -> Report:
        return parse(data, name, self.limits)

    def check(self, report: Report, previous: Report | None) -> list[Defect]:
        return check(report, previous)

    def close(self) -> None:
        pass


class PooledReader(Reader):
    """Reads and checks in the worker processes of `pool`."""

    def __init__(self, pool: Pool) -> None:
        super().__init__(pool.limits)
        self.pool = pool

    def read(self, data: bytes, name: str) -> tuple[Report, list[Defect]]:
        self._sendable(data, name)
        return self.pool.run(read, data, name, self.limits)

    def parse(self, data: bytes, name: str) -> Report:
        self._sendable(data, name)
        return self.pool.run(parse, data, name, self.limits)

    def _sendable(self, data: bytes, name: str) -> None:
        """A file over the size limit is refused here, not sent to a worker."""
        if len(data) > self.limits.file_bytes:
            raise UnreadableFile("too_large", name, size=len(data), limit=self.limits.file_bytes)

    def check(self, report: Report, previous: Report | None) -> list[Defect]:
        return self.pool.run(check, report, previous)

    def close(self) -> None:
        self.pool.close()


# ---------------------------------------------------------------- the pool
def _start_worker(memory_bytes: int) -> None:
    """In each new worker: the memory limit, quiet libraries, and no
    Ctrl-C of its own (the parent decides when workers stop)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_bytes > 0:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        # the job's allowance on top of what the worker maps already (a worker
        # forked from a large process starts large)
        wanted = max(memory_bytes, _mapped() + memory_bytes // 2)
        limit = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    cap_library_loggers()


def _mapped() -> int:
    """Bytes of address space this process maps now (0 where it cannot tell)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _job(fn: Any, args: tuple) -> Any:
    """Run `fn` in the worker; running out of memory is a typed answer."""
    try:
        return fn(*args)
    except MemoryError:
        raise UnreadableFile("too_much_memory") from None
    except RecursionError:
        raise UnreadableFile("too_complex") from None


def run_once(fn: Any, *args: Any, limits: Limits = DEFAULT) -> Any:
    """`fn(*args)` in one forked worker process with the time and memory
    limits — for a command that reads one file and exits (a pool's set-up
    and shutdown would cost more than the job).  UnreadableFile when the
    job runs over a limit or its worker dies."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read_end)
        code = 0
        try:
            _start_worker(limits.memory_bytes)
            try:
                result: Any = ("ok", _job(fn, args))
            except UnreadableFile as exc:
                result = ("unreadable", exc)
            payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
        except BaseException:  # noqa: BLE001 - nothing may escape a forked child
            code = 1
        os._exit(code)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + limits.seconds
    with os.fdopen(read_end, "rb", buffering=0) as src:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([src], [], [], left)[0]:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                raise UnreadableFile("too_slow", "", seconds=f"{limits.seconds:g}")
            chunk = src.read(1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    if not chunks:
        # killed by the kernel (out of memory) or a crash of a C library
        signalled = os.WIFSIGNALED(status) and os.WTERMSIG(status) in (
            signal.SIGKILL,
            signal.SIGSEGV,
            signal.SIGABRT,
        )
        raise UnreadableFile("too_much_memory" if signalled else "worker_crashed")
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "unreadable":
        raise value
    return value


class Pool:
    """Worker processes with a time and a memory limit per job.

    `start` is the multiprocessing start method: "fork" for a process that
    runs no other threads (the command line), "forkserver" for one that does
    (the bot), so that no worker inherits a lock another thread held."""

    def __init__(
        self, limits: Limits = DEFAULT, workers: int | None = None, *, start: str = "fork"
    ):
        self.limits = limits
        self.closed = False
        self.workers = max(1, workers or default_workers())
        import multiprocessing  # a command that reads one file never needs it

        self._context = multiprocessing.get_context(start)
        if start == "forkserver":
            self._context.set_forkserver_preload(PRELOAD)
        self._lock = threading.Lock()
        self._pool = self._new_pool()

    def _new_pool(self) -> Any:
        from pebble import ProcessPool  # imported only where a pool is made

        return ProcessPool(
            max_workers=self.workers,
            max_tasks=TASKS_PER_WORKER,
            initializer=_start_worker,
            initargs=(self.limits.memory_bytes,),
            context=self._context,
        )

    def submit(self, fn: Any, *args: Any) -> Future:
        """Start `fn(*args)` in a worker; its future raises what `run` raises
        only once `outcome` maps it."""
        return self._pool.schedule(_job, args=(fn, args), timeout=self.limits.seconds)

    def run(self, fn: Any, *args: Any) -> Any:
        """`fn(*args)` in a worker; UnreadableFile when it runs over a limit."""
        pool = self._pool
        try:
            future = self.submit(fn, *args)
            # wait in short steps: a pool closed meanwhile (the bot stopping)
            # ends the wait even if its worker never answers
            while not future.done():
                if self.closed:
                    future.cancel()
                    raise UnreadableFile("stopped")
                wait([future], timeout=0.5)
            return outcome(future, self.limits)
        except Exception as exc:
            from concurrent.futures.process import BrokenProcessPool

            if not isinstance(exc, BrokenProcessPool):
                raise
            if self.closed:
                raise UnreadableFile("stopped") from None
            # a worker died so that the pool lost its channel: a new pool
            log.exception("the worker pool broke; starting a new one")
            self._renew(pool)
            raise UnreadableFile("worker_crashed") from None

    def _renew(self, broken: Any) -> None:
        with self._lock:
            if self._pool is broken and not self.closed:
                self._pool = self._new_pool()
                broken.stop()

    def close(self, *, wait: bool = True) -> None:
        """Stop the workers: let running jobs finish (`wait`), or kill them."""
        if self.closed:
            return
        self.closed = True
        if wait:
            self._pool.close()
        else:
            self._pool.stop()
        self._pool.join(timeout=None if wait else 5)


def outcome(future: Future, limits: Limits) -> Any:
    """The result of a pool job, its limits turned into UnreadableFile."""
    try:
        return future.result()
    except FutureTimeout:
        raise UnreadableFile("too_slow", "", seconds=f"{limits.seconds:g}") from None
    except Exception as exc:
        from pebble import ProcessExpired

        if not isinstance(exc, ProcessExpired):
            raise
        # killed by the kernel: out of memory (SIGKILL, SIGSEGV in a library
        # that could not allocate), or a crash of a C library
        log.warning("a worker died (exit code %s)", exc.exitcode)
        if exc.exitcode in (-signal.SIGKILL, -signal.SIGSEGV, -signal.SIGABRT):
            raise UnreadableFile("too_much_memory") from None
        raise UnreadableFile("worker_crashed") from None
    except CancelledError:
        raise UnreadableFile("stopped") from None


def default_workers() -> int:
    """Workers for this machine: one per CPU, at most four."""
    return max(1, min(4, os.cpu_count() or 1))
