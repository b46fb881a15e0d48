"""The reviewer's desk: batch throughput for 200 reports from a .zip on one
and on every core (unpacking included), the time to build the workbook of
those 200, and `nianbao check FILE` as a whole process (start-up included).

    .venv/bin/python -m benchmarks.bench_desk [--reports 200] [--runs 15]

The 200 reports are the seeds, the real reports of tests/corpus and the
question fixtures, repeated under other names.  Prints figures; asserts
nothing.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.machine import describe  # noqa: E402
from core.batch.run import check_many  # noqa: E402
from core.batch.sources import archive_sources  # noqa: E402
from core.export.workbook import build_workbook  # noqa: E402
from tests.desk.corpus import real_files  # noqa: E402

QA = ROOT / "tests" / "fixtures" / "qa"
ONE = ROOT / "tests" / "fixtures" / "003_24760dbfdde7e022.txt"


def reports(n: int) -> list[tuple[str, bytes]]:
    files = [(p.name, p.read_bytes()) for p in [*real_files(), *sorted(QA.glob("*.txt"))]]
    return [(f"{i:03d}-{files[i % len(files)][0]}", files[i % len(files)][1]) for i in range(n)]


def zipped(files: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            z.writestr(name, data)
    return buf.getvalue()


def batch_rate(archive: bytes, workers: int) -> tuple[float, float, object]:
    t0 = time.perf_counter()
    sources, _ = archive_sources(archive, "bench.zip")
    batch = check_many(sources, workers=workers)
    elapsed = time.perf_counter() - t0
    return len(batch.checked) / elapsed, elapsed, batch


def startup(runs: int) -> tuple[float, float, float]:
    exe = Path(sys.executable).with_name("nianbao")
    cmd = (
        [str(exe), "check", str(ONE)]
        if exe.exists()
        else [sys.executable, "-m", "cli.main", "check", str(ONE)]
    )
    # as a user's installation runs it: Python keeps compiled modules (.pyc);
    # under PYTHONDONTWRITEBYTECODE every start would compile every module
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env)  # writes the .pyc files
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env)
        times.append(time.perf_counter() - t0)
    bare = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True)
        bare.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), min(bare)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=200)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    print(describe())
    files = reports(args.reports)
    archive = zipped(files)
    print(f"{len(files)} reports in a {len(archive) / 1e6:.1f} MB zip")
    batch = None
    for workers in sorted({1, os.cpu_count() or 1}):
        rate, elapsed, batch = batch_rate(archive, workers)
        print(f"batch from zip, {workers} worker(s): {rate:.1f} reports/s ({elapsed:.2f} s)")
    t0 = time.perf_counter()
    data = build_workbook(batch, "zh")
    elapsed = time.perf_counter() - t0
    rows = sum(len(c.figures) + len(c.defects) for c in batch.checked)
    print(
        f"workbook of {len(batch.checked)} reports ({rows} rows): {elapsed:.2f} s, {len(data) / 1e6:.1f} MB"
    )
    best, median, bare = startup(args.runs)
    print(
        f"nianbao check FILE as a process: min {best * 1000:.0f} ms, median {median * 1000:.0f} ms "
        f"(python -c pass: {bare * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
