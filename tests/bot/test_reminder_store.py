"""Reminder subscriptions and claims in a real database: SQLite, and a
throwaway PostgreSQL cluster where its binaries exist."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from core.reminders.repository import ReminderRepository
from core.store.db import init_db, make_engine
from tests.support.postgres import shared_cluster

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def database_url(backend, tmp_path):
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'r.sqlite3'}"
    cluster = shared_cluster()
    if cluster is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
    return cluster.new_database()


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    return database_url(request.param, tmp_path)


@pytest.fixture
def repo(url):
    engine = make_engine(url)
    init_db(engine)
    yield ReminderRepository(engine)
    engine.dispose()


def test_a_reminder_is_claimed_once_per_chat_deadline_and_date(repo):
    assert repo.claim(1, "department:2025-01-31", date(2025, 1, 24))
    assert not repo.claim(1, "department:2025-01-31", date(2025, 1, 24))
    assert repo.claim(2, "department:2025-01-31", date(2025, 1, 24))
    assert repo.claim(1, "department:2025-01-31", date(2025, 1, 28))


def test_a_released_claim_can_be_claimed_again(repo):
    assert repo.claim(1, "government:2025-03-31", date(2025, 3, 30))
    repo.release(1, "government:2025-03-31", date(2025, 3, 30))
    assert repo.claim(1, "government:2025-03-31", date(2025, 3, 30))


def test_two_engines_racing_for_the_same_reminder_claim_it_once(url):
    repos = []
    for _ in range(2):
        engine = make_engine(url)
        init_db(engine)
        repos.append(ReminderRepository(engine))
    wins = []
    barrier = threading.Barrier(8)

    def worker(r):
        barrier.wait()
        wins.append(r.claim(7, "department:2025-01-31", date(2025, 1, 1)))

    threads = [threading.Thread(target=worker, args=(repos[i % 2],)) for i in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(wins) == [False] * 7 + [True]


def test_subscriptions_are_unique_per_chat_and_schedule(repo):
    assert repo.subscribe(5, "department")
    assert not repo.subscribe(5, "department")
    assert repo.subscribe(5, "custom:2025-06-30")
    assert repo.subscriptions() == [(5, "custom:2025-06-30"), (5, "department")]
    assert repo.unsubscribe_all(5) == 2
    assert repo.subscriptions(5) == []


def test_large_telegram_chat_ids_are_stored(repo):
    chat = -1001234567890123
    assert repo.subscribe(chat, "government")
    repo.set_lang(chat, "en")
    assert (repo.subscriptions(chat), repo.get_lang(chat)) == ([(chat, "government")], "en")
