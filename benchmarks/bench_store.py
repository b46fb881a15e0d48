"""Store benchmark: synthetic parsed reports of N agencies × Y years are
ingested (facts built directly, no files parsed), then M mixed questions are
timed.  Prints the ingest rate and question latency p50/p95 per operation
(figure, change, growth, comparisons, rankings, sums …) on SQLite, and on
PostgreSQL when its binaries exist (a throwaway cluster, as in the tests).

    .venv/bin/python -m benchmarks.bench_store                 # 10,000 × 10, 1,000 questions
    .venv/bin/python -m benchmarks.bench_store --agencies 1000 --backends sqlite
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal

from core.document import Document, Location
from core.qa import ask
from core.report import Fact, Report
from core.store.repository import Store
from core.template import load_template

PLACE_CHARS = "东西南北中平安和宁康江河湖山海城林泉阳华新兴永福长清明德丰泰金石云龙凤白青红"
LEVELS = ["区", "县", "市"]
KINDS = [
    "司法局",
    "公安局",
    "财政局",
    "教育局",
    "民政局",
    "审计局",
    "统计局",
    "水利局",
    "商务局",
    "林业局",
]
FIRST_YEAR = 2015


def agency_names(n: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < n:
        place = "".join(rng.choice(PLACE_CHARS) for _ in range(2))
        names.add(place + rng.choice(LEVELS) + rng.choice(KINDS))
    return sorted(names)


def synthetic_report(
    agency: str, year: int, keys: list[tuple[str, str, str, str]], rng: random.Random
) -> Report:
    facts = {}
    new = rng.randint(0, 60)
    for i, (key, table, row, column) in enumerate(keys):
        if rng.random() < 0.01:
            value, raw, status = None, "", "blank"
        elif key == "t3.new_received.total":
            value, raw, status = new, str(new), "number"
        else:
            v = rng.randint(0, 9)
            value = Decimal(v) / 10 if column == "amount_wan_yuan" else v
            raw, status = str(value), "number"
        facts[key] = Fact(
            key,
            table,
            row,
            column,
            value,
            raw,
            Location(line=100 + i, table=1, row=i // 7, cell=i % 7),
            status,
        )
    return Report(
        document=Document(blocks=[], source="synthetic"),
        title=f"{agency}{year}年政府信息公开工作年度报告",
        title_location=None,
        agency=agency,
        year=year,
        closing_date=date(year + 1, 1, 20),
        closing_location=None,
        issuer_kind="department",
        format_version="2021",
        heading_style="2021",
        sections=[],
        facts=facts,
        labels=[],
        tables_found={"t2": True, "t3": True, "t4": True},
        preamble=[],
        parser_version="synthetic",
    )


def template_keys() -> list[tuple[str, str, str, str]]:
    t = load_template("2021")
    return [
        (f"{r.key}.{c.key}", tk, r.key, c.key)
        for tk, spec in t.tables.items()
        for r in spec.rows
        for c in r.columns
    ]


def misspell(name: str, rng: random.Random) -> str:
    i = rng.randrange(2)
    return name[:i] + rng.choice(PLACE_CHARS) + name[i + 1 :]


# (operation, weight, question maker): the operations readers and reviewers ask for.
MAKERS = [
    ("figure", 30, lambda a, y, b, m: f"{a}{y}年收到多少政府信息公开申请？"),
    ("figure", 10, lambda a, y, b, m: f"how many applications did {a} receive in {y}"),
    ("figure", 8, lambda a, y, b, m: f"{a}{y}年自然人申请多少件"),
    ("figure (misspelt agency)", 6, lambda a, y, b, m: f"{m}{y}年行政复议多少件"),
    ("figure (derived total)", 5, lambda a, y, b, m: f"{a}{y}年不予公开一共几件"),
    ("trend", 5, lambda a, y, b, m: f"{a}历年申请数量"),
    ("change", 5, lambda a, y, b, m: f"{a}{y}年比上年申请增加了多少"),
    ("growth", 3, lambda a, y, b, m: f"{a}{y - 1}到{y}年申请的增长率"),
    ("compare agencies", 5, lambda a, y, b, m: f"{a}和{b}{y}年哪个收到的申请多"),
    ("sum agencies", 3, lambda a, y, b, m: f"{a}和{b}{y}年一共收到多少申请"),
    ("sum years", 3, lambda a, y, b, m: f"{a}{y - 2}到{y}年一共收到多少申请"),
    ("ranking", 6, lambda a, y, b, m: f"{y}年哪些司法局收到的申请最多"),
    ("ranking", 4, lambda a, y, b, m: f"which agencies had the most lawsuits in {y}"),
    ("ranking (top N)", 3, lambda a, y, b, m: f"{y}年不予公开最少的前3个单位"),
    ("position", 3, lambda a, y, b, m: f"{a}{y}年收到的申请在各单位中排第几"),
    ("sum over all", 4, lambda a, y, b, m: f"{y}年各司法局合计收到多少申请"),
    ("defects", 3, lambda a, y, b, m: f"what is wrong with {a}'s {y} report"),
    ("not understood", 2, lambda a, y, b, m: "今天天气怎么样"),
    ("not stored", 2, lambda a, y, b, m: f"北京市教育委员会{y}年收到多少申请"),
]


def questions(
    names: list[str], years: list[int], n: int, rng: random.Random
) -> list[tuple[str, str]]:
    """`n` (operation, question) pairs, drawn by the weights of MAKERS."""
    weights = [w for _, w, _ in MAKERS]
    out = []
    for _ in range(n):
        op, _, make = rng.choices(MAKERS, weights)[0]
        a, b = rng.sample(names, 2)
        out.append((op, make(a, rng.choice(years[2:]), b, misspell(a, rng))))
    return out


def percentile(ts: list[float], p: float) -> float:
    ts = sorted(ts)
    return ts[min(len(ts) - 1, max(0, int(round(len(ts) * p)) - 1))]


def run(url: str, label: str, args: argparse.Namespace) -> None:
    rng = random.Random(7)
    names = agency_names(args.agencies, rng)
    years = list(range(FIRST_YEAR, FIRST_YEAR + args.years))
    keys = template_keys()
    store = Store(url)
    total, spent = 0, 0.0
    batch: list[Report] = []
    for name in names:
        for y in years:
            batch.append(synthetic_report(name, y, keys, rng))
            if len(batch) >= args.batch:
                t0 = time.perf_counter()
                store.ingest_parsed(batch)
                spent += time.perf_counter() - t0
                total += len(batch)
                batch = []
    if batch:
        t0 = time.perf_counter()
        store.ingest_parsed(batch)
        spent += time.perf_counter() - t0
        total += len(batch)
    t0 = time.perf_counter()
    store.analyze()
    analyzed = time.perf_counter() - t0
    print(
        f"[{label}] ingested {total:,} reports ({total * len(keys):,} facts) in {spent:.1f} s: "
        f"{total / spent:,.0f} reports/s, {total * len(keys) / spent:,.0f} facts/s"
        f" (then ANALYZE {analyzed:.1f} s)"
    )
    qs = questions(names, years, args.questions, rng)
    today = date(FIRST_YEAR + args.years, 6, 1)
    t0 = time.perf_counter()
    ask(store, qs[0][1], today=today)  # builds the agency index, as a running bot has it
    print(
        f"[{label}] agency index of {len(names):,} agencies built in {time.perf_counter() - t0:.1f} s"
    )
    times, ops, kinds = [], {}, {}
    for op, q in qs:
        t0 = time.perf_counter()
        a = ask(store, q, today=today)
        times.append((time.perf_counter() - t0) * 1000)
        ops.setdefault(op, []).append(times[-1])
        kinds[a.kind] = kinds.get(a.kind, 0) + 1
    print(
        f"[{label}] {len(qs)} questions: p50 {statistics.median(times):.1f} ms, "
        f"p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms"
    )
    print(f"    {'operation':26} {'n':>5} {'p50 ms':>8} {'p95 ms':>8}")
    for op, ts in sorted(ops.items()):
        print(f"    {op:26} {len(ts):5} {statistics.median(ts):8.1f} {percentile(ts, 0.95):8.1f}")
    print("    answers by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    store.close()


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--agencies", type=int, default=10_000)
    p.add_argument("--years", type=int, default=10)
    p.add_argument("--questions", type=int, default=1_000)
    p.add_argument("--batch", type=int, default=1_000, help="reports per transaction")
    p.add_argument("--backends", default="sqlite,postgres")
    args = p.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the cluster on kill, too
    print(f"{os.cpu_count()} CPUs; {args.agencies:,} agencies × {args.years} years")
    backends = args.backends.split(",")
    if "sqlite" in backends:
        with tempfile.TemporaryDirectory() as tmp:
            run(f"sqlite:///{tmp}/bench.sqlite3", "sqlite", args)
    if "postgres" in backends:
        from tests.support.postgres import start_cluster

        cluster = start_cluster()
        if cluster is None:
            print("[postgres] skipped: no PostgreSQL binaries")
            return
        try:
            run(cluster.new_database(), "postgres", args)
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
