"""Upload → reply latency and throughput of the real bot against the fake Bot
API server over HTTP (polling), with 1 and with 50 concurrent users.

    .venv/bin/python benchmarks/bench_bot.py [--rounds 3] [--rate 30]

Prints figures; asserts nothing.  Each upload is a seed report (.txt or
.docx) made unique by one extra line, so nothing is answered from a cache.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import platform
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import cpu_model  # noqa: E402
from tests.bot.harness import SHANGHAI, TOKEN, Clock, Harness  # noqa: E402
from tests.bot.seeds import seed_bytes  # noqa: E402
from tests.fake_telegram import FakeTelegram  # noqa: E402


def unique(number: str, fmt: str, n: int) -> tuple[str, bytes]:
    name, data = seed_bytes(number, fmt)
    if fmt == "txt":
        return name, data + f"\n附：第{n}次上传。\n".encode()
    return name, _docx_variant(data, n)


def _docx_variant(data: bytes, n: int) -> bytes:
    import io

    import docx

    d = docx.Document(io.BytesIO(data))
    d.add_paragraph(f"附：第{n}次上传。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def one_upload(h: Harness, user: int, name: str, data: bytes) -> float:
    start = time.perf_counter()
    await h.fake.send_document(user, name, data)
    await h.upload_result(user, timeout=120)
    return time.perf_counter() - start


def report(label: str, latencies: list[float], wall: float) -> None:
    ms = [x * 1000 for x in latencies]
    print(
        f"{label:<44} n={len(ms):<4} p50={pct(ms, 50):7.0f} ms  p95={pct(ms, 95):7.0f} ms  "
        f"max={max(ms):7.0f} ms  throughput={len(ms) / wall:6.1f} uploads/s"
    )


async def run(rounds: int, rate: float) -> None:
    print(f"nproc={os.cpu_count()}  cpu={cpu_model()}  python={platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        fake = FakeTelegram(token=TOKEN)
        await fake.start()
        clock = Clock(datetime(2025, 1, 10, 10, 0, tzinfo=SHANGHAI))
        n = 0
        for limit_label, overall in (
            (f"AIORateLimiter {rate:g} msg/s", rate),
            ("no outgoing limit", 0),
        ):
            h = Harness(fake, Path(tmp) / f"bench-{overall}.sqlite3", clock)
            await h.start(overall_max_rate=overall, uploads_per_window=10_000)
            for fmt in ("txt", "docx"):
                lat = []
                t0 = time.perf_counter()
                for _ in range(20):
                    n += 1
                    lat.append(await one_upload(h, 10, *unique("003", fmt, n)))
                report(f"1 user, seed 003 .{fmt}, {limit_label}", lat, time.perf_counter() - t0)
            for fmt in ("txt", "docx"):
                lat = []
                t0 = time.perf_counter()
                for _ in range(rounds):
                    jobs = []
                    for user in range(50):
                        n += 1
                        jobs.append(one_upload(h, 1000 + user, *unique(f"{user % 5:03d}", fmt, n)))
                    lat += await asyncio.gather(*jobs)
                report(
                    f"50 users at once, seeds .{fmt}, {limit_label}", lat, time.perf_counter() - t0
                )
            await h.stop()
        await fake.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of 50 concurrent uploads")
    parser.add_argument("--rate", type=float, default=30, help="AIORateLimiter overall msg/s")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(run(args.rounds, args.rate))


if __name__ == "__main__":
    main()
