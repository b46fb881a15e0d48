"""Store fixtures: the same tests run on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import pytest

from core.store.repository import Store
from tests.support.postgres import shared_cluster

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def make_store(backend: str, tmp_path) -> Store:
    if backend == "sqlite":
        return Store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    cluster = shared_cluster()
    if cluster is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
    return Store(cluster.new_database())


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    s = make_store(request.param, tmp_path)
    yield s
    s.close()
