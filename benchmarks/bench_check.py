"""Parse + check throughput on one core: reports per second for .txt and
.docx (the .docx built with python-docx from each seed's text, tables shaped
like the official template), and the share of the time spent checking.

    .venv/bin/python benchmarks/bench_check.py [--seconds 3]

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import cpu_model  # noqa: E402
from core.check import check_report  # noqa: E402
from core.parse import parse_bytes  # noqa: E402
from core.template import load_template  # noqa: E402
from tests.support.render import render_docx  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def corpus() -> dict[str, list[tuple[str, bytes]]]:
    texts = [(p.name, p.read_bytes()) for p in sorted(FIXTURES.glob("00[0-9]_*.txt"))]
    texts.append(("clean_2021.txt", (FIXTURES / "clean_2021.txt").read_bytes()))
    docs = []
    for name, data in texts:
        report = parse_bytes(data, name)
        template = load_template("2019" if report.format_version == "2019" else "2021")
        docs.append((name.replace(".txt", ".docx"), render_docx(report, template)))
    return {"txt": texts, "docx": docs}


def rate(files: list[tuple[str, bytes]], seconds: float, work) -> tuple[float, int]:
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for name, data in files:
            work(name, data)
            n += 1
    return n / (time.perf_counter() - start), n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=3.0)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    print(
        f"CPU: {cpu_model()}; nproc {os.cpu_count()}; pinned to one core; Python {platform.python_version()}"
    )
    files = corpus()
    for fmt, items in files.items():
        reports = [parse_bytes(d, n) for n, d in items]
        for n, d in items:  # warm caches
            check_report(parse_bytes(d, n))
        both, count = rate(items, args.seconds, lambda n, d: check_report(parse_bytes(d, n)))
        parse_only, _ = rate(items, args.seconds, lambda n, d: parse_bytes(d, n))
        check_only, _ = rate(
            list(zip(reports, range(len(reports)), strict=True)),
            args.seconds,
            lambda r, _: check_report(r),
        )
        print(
            f".{fmt:4} parse+check {both:7.1f} reports/s ({count} in {args.seconds:.0f}s, {1000 / both:.2f} ms each); "
            f"parse only {parse_only:7.1f}/s; check only {check_only:7.1f}/s ({1000 / check_only:.2f} ms each)"
        )


if __name__ == "__main__":
    main()
