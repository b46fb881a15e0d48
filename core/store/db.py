"""Engine and session creation in one place: a SQLite file by default,
PostgreSQL when the URL says so."""

from __future__ import annotations

from importlib import import_module

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, create_engine

from core.store.url import DEFAULT_URL

__all__ = ["DEFAULT_URL", "init_db", "make_engine", "normalise_url", "session"]

# Modules whose SQLModel tables belong to the schema.
MODEL_MODULES = ("core.store.models", "core.reminders.models", "core.roster.models")


def normalise_url(url: str) -> str:
    """Use psycopg 3 for plain postgresql:// URLs."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def make_engine(url: str | None = None) -> Engine:
    url = normalise_url(url or DEFAULT_URL)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # noqa: ANN001
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


# The PostgreSQL advisory lock held while the schema is created.
SCHEMA_LOCK = 0x6E69616E62616F  # "nianbao"


def init_db(engine: Engine) -> None:
    """Create every table that does not exist yet — safely when several
    processes start at once on a fresh database: one creates the schema
    while the others wait on a lock (SQLite: an exclusive transaction;
    PostgreSQL: an advisory lock), then find it there."""
    for name in MODEL_MODULES:
        try:
            import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN EXCLUSIVE")
        elif conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
        SQLModel.metadata.create_all(conn)
        conn.commit()


def session(engine: Engine) -> Session:
    return Session(engine, expire_on_commit=False)
