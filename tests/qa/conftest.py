"""A store holding the five seeds and the question fixtures (tests/fixtures/qa),
ingested once per backend as the command line does (published)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.qa import ask as ask_store
from core.store.repository import Store
from tests.conftest import SEEDS
from tests.support.postgres import shared_cluster

QA = Path(__file__).parents[1] / "fixtures" / "qa"
TODAY = date(2025, 6, 1)  # "last year" is 2024


def fixture_files() -> list[Path]:
    return [*SEEDS.values(), *sorted(QA.glob("*.txt"))]


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def qa_store(request, tmp_path_factory):
    if request.param == "sqlite":
        store = Store(f"sqlite:///{tmp_path_factory.mktemp('qa') / 'qa.sqlite3'}")
    else:
        cluster = shared_cluster()
        if cluster is None:
            pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
        store = Store(cluster.new_database())
    for path in fixture_files():
        res = store.ingest_bytes(path.read_bytes(), path.name, published=True)
        assert res.status == "new", res.message("en")
    yield store
    store.close()


@pytest.fixture
def ask(qa_store):
    def _ask(question: str, **kw):
        return ask_store(qa_store, question, today=TODAY, **kw)

    return _ask
