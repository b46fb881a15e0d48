"""Parse + check speed on one core, on the real reports of tests/corpus.

Run: .venv/bin/python -m benchmarks.bench_parse [--seconds 2] [--corpus DIR]

Per file type: the median CPU milliseconds of parse + check per report (and
of the parse alone), over the real files of the corpus; .docx files are the
corpus's real reports written out by the test builder (tests/support/render.py),
as no real .docx is in the corpus.  PDFs: pages per second, and the share of
the time spent outside pdfminer (profiled).  Figures are printed, never
asserted: this machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.machine import describe
from core.check import check_report
from core.document import UnreadableFile
from core.extract import SUPPORTED
from core.parse import parse_bytes
from core.template import load_template
from tests.support.render import render_docx

CORPUS = Path(__file__).parents[1] / "tests" / "corpus"


def files(folder: Path) -> dict[str, list[tuple[str, bytes]]]:
    out: dict[str, list[tuple[str, bytes]]] = defaultdict(list)
    for p in sorted(folder.iterdir()):
        if p.suffix.lower() not in SUPPORTED or p.name.startswith("README"):
            continue
        data = p.read_bytes()
        kind = {".htm": "html", ".markdown": "md"}.get(p.suffix.lower(), p.suffix.lower()[1:])
        out[kind].append((p.name, data))
        if kind == "html":  # the same real report as a Word file
            try:
                report = parse_bytes(data, p.name)
            except UnreadableFile:
                continue
            if report.format_version in ("2021", "2019"):
                docx = render_docx(report, load_template(report.format_version))
                out["docx"].append((p.stem + ".docx", docx))
    return out


def cpu_ms(fn, seconds: float) -> float:  # noqa: ANN001
    """The median CPU milliseconds of one call of `fn`."""
    fn()  # warm caches
    times = []
    start = time.perf_counter()
    while time.perf_counter() - start < seconds or len(times) < 3:
        t = time.process_time()
        fn()
        times.append((time.process_time() - t) * 1000)
    return statistics.median(times)


def pdf_figures(items: list[tuple[str, bytes]]) -> str:
    pages = 0
    prof = cProfile.Profile()
    start = time.process_time()
    prof.enable()
    for name, data in items:
        doc = parse_bytes(data, name).document
        pages += max((b.location.page or 1 for b in doc.blocks), default=1)
    prof.disable()
    total = time.process_time() - start
    stats = pstats.Stats(prof)
    inside = sum(
        row[2]  # tottime
        for (path, _, _), row in stats.stats.items()
        if "pdfminer" in path
    )
    share_out = 1 - inside / sum(row[2] for row in stats.stats.values())
    return f"{pages / total:.1f} pages/s (profiled), {100 * share_out:.0f}% of the time outside pdfminer"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=2.0, help="per file")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    print(f"{describe()} (pinned to one core)")
    for kind, items in sorted(files(args.corpus).items()):
        both, parse_only = [], []
        for name, data in items:
            both.append(
                cpu_ms(lambda n=name, d=data: check_report(parse_bytes(d, n)), args.seconds)
            )
            parse_only.append(cpu_ms(lambda n=name, d=data: parse_bytes(d, n), args.seconds / 2))
        size = statistics.median(len(d) for _, d in items) / 1024
        line = (
            f"{kind:5} {len(items):3} files, median {size:6.1f} KiB: parse + check "
            f"{statistics.median(both):7.2f} ms (max {max(both):7.2f}), "
            f"parse {statistics.median(parse_only):7.2f} ms"
        )
        if kind == "pdf":
            line += "; " + pdf_figures(items)
        print(line)


if __name__ == "__main__":
    main()
