"""Parsing throughput: reports per second for .txt, HTML and .docx on one core.

Run: .venv/bin/python -m benchmarks.bench_parse [--seconds 5]
Inputs are the seed reports and the clean fixture; the HTML and .docx versions
are built from them by the test builders (tests/support/render.py).
Figures are printed, never asserted: this machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import os
import time
import tracemalloc
from pathlib import Path

from benchmarks.machine import describe
from core.parse import parse_bytes, parse_file
from core.template import load_template
from tests.support.render import render_docx, render_html

FIXTURES = Path(__file__).parents[1] / "tests" / "fixtures"


def inputs() -> dict[str, list[tuple[str, bytes]]]:
    paths = sorted(FIXTURES.glob("00?_*.txt")) + [FIXTURES / "clean_2021.txt"]
    out: dict[str, list[tuple[str, bytes]]] = {"txt": [], "html": [], "docx": []}
    for p in paths:
        report = parse_file(p)
        template = load_template(
            report.format_version if report.format_version in ("2021", "2019") else "2021"
        )
        out["txt"].append((p.name, p.read_bytes()))
        out["html"].append((p.stem + ".html", render_html(report, template)))
        out["docx"].append((p.stem + ".docx", render_docx(report, template)))
    return out


def rate(files: list[tuple[str, bytes]], seconds: float) -> tuple[float, float, int]:
    """(reports/s by the wall clock, reports/s of CPU time, parses)."""
    for name, data in files:  # warm caches
        parse_bytes(data, name)
    n, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        for name, data in files:
            parse_bytes(data, name)
            n += 1
    return n / (time.perf_counter() - start), n / (time.process_time() - cpu), n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=5.0)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    data = inputs()
    print(f"{describe()} (pinned to one core)")
    for kind, files in data.items():
        size = sum(len(d) for _, d in files) / len(files)
        per_s, per_cpu_s, n = rate(files, args.seconds)
        tracemalloc.start()
        for name, d in files:
            parse_bytes(d, name)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"{kind:5} {per_s:8.1f} reports/s wall, {per_cpu_s:8.1f} per CPU-second  ({n} parses, mean input {size / 1024:.1f} KiB, peak traced memory for {len(files)} parses {peak / 1024 / 1024:.1f} MiB)"
        )


if __name__ == "__main__":
    main()
