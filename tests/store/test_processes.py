"""Several real processes at once on one database: creating the schema on a
fresh database never fails, and a process killed (SIGKILL) in the middle of
storing a report leaves nothing half-stored."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.store.models import Fact, StoredFile
from core.store.models import Report as ReportRow
from core.store.repository import Store
from tests.conftest import SEEDS
from tests.support.postgres import shared_cluster

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
NIANBAO = [sys.executable, "-m", "cli.main"]


def fresh_url(backend: str, tmp_path: Path, n: int) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / f'fresh-{n}.sqlite3'}"
    cluster = shared_cluster()
    if cluster is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
    return cluster.new_database()


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_ingest_processes_starting_together_on_a_fresh_database_all_store_their_reports(
    backend, tmp_path
):
    for attempt in range(2):
        url = fresh_url(backend, tmp_path, attempt)
        procs = [
            subprocess.Popen(
                [*NIANBAO, "ingest", str(SEEDS[f"00{i}"]), "--db", url],
                env=ENV,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for i in range(3)
        ]
        outs = [p.communicate(timeout=120) for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0], [e.decode() for _, e in outs]
        store = Store(url)
        try:
            with store.engine.connect() as conn:
                assert conn.scalar(select(func.count()).select_from(ReportRow)) == 3
        finally:
            store.close()


KILLED_INSIDE = """
import sys, time
from core.store import versions
from core.store.repository import Store

real = versions.supersede

def stall(session, row):
    real(session, row)
    print("inside", flush=True)  # the report, its facts and defects are written, not committed
    time.sleep(60)

versions.supersede = stall
store = Store(sys.argv[1])
store.ingest_bytes(open(sys.argv[2], "rb").read(), "003.txt", published=True)
"""


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_a_process_killed_while_storing_a_report_leaves_nothing_half_stored(backend, tmp_path):
    url = fresh_url(backend, tmp_path, 9)
    Store(url).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_INSIDE, url, str(SEEDS["003"])],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdout.readline().strip() == b"inside", proc.stderr.read().decode()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    store = Store(url)
    try:
        with store.engine.connect() as conn:
            counts = [
                conn.scalar(select(func.count()).select_from(t))
                for t in (ReportRow, Fact, StoredFile)
            ]
        assert counts == [0, 0, 0]
        # and the database takes the same report afterwards
        res = store.ingest_bytes(SEEDS["003"].read_bytes(), "003.txt", published=True)
        assert res.status == "new"
    finally:
        store.close()
