"""Storage of reports, figures and defects (sqlmodel; SQLite or PostgreSQL)."""
