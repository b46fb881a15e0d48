"""The one-shot worker of the command line: a job over its time is killed,
one over its memory or one that dies is a typed answer, a result comes back."""

from __future__ import annotations

import os
import time

import pytest

from core import jobs
from core.document import UnreadableFile
from core.limits import DEFAULT


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "woke"


def _hog() -> bytes:
    return b"x" * (2 * 1024 * 1024 * 1024)


def _die() -> None:
    os._exit(3)


def _refuse() -> None:
    raise UnreadableFile("too_long", "x", limit=5)


def test_a_result_comes_back_from_the_worker():
    assert jobs.run_once(_sleep, 0, limits=DEFAULT) == "woke"


def test_a_job_over_its_time_is_killed():
    start = time.monotonic()
    with pytest.raises(UnreadableFile) as exc:
        jobs.run_once(_sleep, 30, limits=DEFAULT.but(seconds=0.5))
    assert exc.value.code == "too_slow" and exc.value.slots["seconds"] == "0.5"
    assert time.monotonic() - start < 20


def test_a_job_over_its_memory_is_told_as_such():
    with pytest.raises(UnreadableFile) as exc:
        jobs.run_once(_hog, limits=DEFAULT.but(memory_bytes=512 * 1024 * 1024))
    assert exc.value.code == "too_much_memory"


def test_a_worker_that_dies_is_a_crash_and_a_reader_refusal_comes_back_whole():
    with pytest.raises(UnreadableFile) as exc:
        jobs.run_once(_die, limits=DEFAULT)
    assert exc.value.code == "worker_crashed"
    with pytest.raises(UnreadableFile) as exc:
        jobs.run_once(_refuse, limits=DEFAULT)
    assert (exc.value.code, exc.value.slots) == ("too_long", {"limit": 5})
