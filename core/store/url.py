"""The default database URL, importable without loading SQLAlchemy (the
command line's start-up time depends on it)."""

DEFAULT_URL = "sqlite:///nianbao.sqlite3"
