"""Each file of the attacker's kit (tests/hostile/files.py) through the
command line as a user runs it: the reply, the wall time and the peak memory
of the whole process tree (the CLI and its worker, from wait4's rusage).

    .venv/bin/python benchmarks/bench_hostile.py [KEY ...]

Prints figures; asserts nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.machine import describe  # noqa: E402

MAKE = """
import sys
from tests.hostile.files import write_kit
for key, path in write_kit(sys.argv[1], sys.argv[2:] or None).items():
    print(f"{key}\\t{path}")
"""


def run_one(path: str) -> tuple[int, float, float, str]:
    """Exit code, seconds, peak MB of the process tree (wait4), first line."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "check", path], stdout=out, stderr=err, env=env
        )
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    text = (stderr or stdout).decode("utf-8", "replace").strip().split("\n")
    reply = text[0].split(": ", 2)[-1] if stderr else " ".join(text[:2])
    # ru_maxrss of a reaped child covers its own reaped children (the worker)
    return proc.returncode, elapsed, usage.ru_maxrss / 1024, reply


def main(keys: list[str]) -> None:
    print(describe())
    print("time: wall clock of `nianbao check FILE`; peak: max RSS of the CLI and its worker")
    with tempfile.TemporaryDirectory() as tmp:
        # the files are made in a process of their own: Linux carries a
        # parent's peak RSS into its children, so this one must stay small
        made = subprocess.run(
            [sys.executable, "-c", MAKE, tmp, *keys],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=True,
        )
        paths = dict(line.split("\t") for line in made.stdout.strip().split("\n"))
        for key, path in paths.items():
            code, elapsed, peak, reply = run_one(path)
            print(
                f"{key:24} exit {code}  {elapsed:5.1f} s  {peak:6.0f} MB  {reply[:110]}", flush=True
            )


if __name__ == "__main__":
    main(sys.argv[1:])
