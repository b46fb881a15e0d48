"""The tables: agencies, stored files, reports (with history and
visibility), facts (one row per table cell) and defects."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, LargeBinary, Text
from sqlmodel import Field, SQLModel


def now_utc() -> datetime:
    return datetime.now(UTC)


class Agency(SQLModel, table=True):
    """An agency as first written, its normalised name and other spellings."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    norm: str = Field(max_length=200, unique=True, index=True)
    issuer_kind: str = Field(default="unknown", max_length=20)
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=now_utc)


class StoredFile(SQLModel, table=True):
    """The bytes of an uploaded file, once per SHA-256."""

    __tablename__ = "stored_file"

    sha256: str = Field(primary_key=True, max_length=64)
    filename: str = Field(max_length=500)
    size: int
    data: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    created_at: datetime = Field(default_factory=now_utc)


class Report(SQLModel, table=True):
    """One uploaded version of one agency's report on one year.

    A report uploaded in a chat is private to it until published; reports
    from the command line have no chat and are published.  A newer version of
    the same agency and year from the same chat supersedes the older one,
    which stays as history (`current` False, `superseded_by` set)."""

    __tablename__ = "report"
    __table_args__ = (
        Index("ix_report_agency_year", "agency_id", "year", "current"),
        Index("ix_report_year_current", "year", "current"),
        Index("ix_report_scope", "chat_id", "year", "published", "current"),
        Index("ix_report_sha", "sha256"),
    )

    id: int | None = Field(default=None, primary_key=True)
    agency_id: int | None = Field(default=None, foreign_key="agency.id")
    agency_written: str | None = Field(default=None, max_length=200)
    year: int | None = None
    title: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    format_version: str = Field(default="unknown", max_length=10)
    issuer_kind: str = Field(default="unknown", max_length=20)
    closing_date: date | None = None
    sha256: str = Field(foreign_key="stored_file.sha256", max_length=64)
    filename: str = Field(default="", max_length=500)
    parser_version: str = Field(default="", max_length=20)
    user_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    chat_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    published: bool = False
    current: bool = True
    superseded_by: int | None = Field(default=None)
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    created_at: datetime = Field(default_factory=now_utc)


class Fact(SQLModel, table=True):
    """One table cell of one report: key, value (None when blank or not a
    number), the raw text and where it is.

    The primary key leads with (key, year) so that one figure of one year
    across all agencies (rankings, totals) is one range of the index, and one
    figure of one report is a point lookup; on SQLite the table is the index
    (WITHOUT ROWID).  `year` is the report's year, 0 when it is unknown."""

    __tablename__ = "fact"
    __table_args__ = ({"sqlite_with_rowid": False},)

    key: str = Field(primary_key=True, max_length=80)
    year: int = Field(primary_key=True, default=0)
    report_id: int = Field(foreign_key="report.id", primary_key=True)
    agency_id: int | None = None  # copied from the report
    public: bool = False  # the report is current and published (see core.store.versions)
    value: float | None = None
    raw: str = Field(default="", sa_column=Column(Text, nullable=False))
    status: str = Field(default="number", max_length=10)  # number | blank | text | invalid
    location: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class DefectRecord(SQLModel, table=True):
    """A defect of a stored report, with its messages in both languages."""

    __tablename__ = "defect"
    __table_args__ = (Index("ix_defect_report", "report_id", "severity"),)

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id")
    code: str = Field(max_length=40)
    category: str = Field(max_length=20)
    severity: str = Field(max_length=10)
    table_key: str | None = Field(default=None, max_length=10)
    row_key: str | None = Field(default=None, max_length=80)
    column_key: str | None = Field(default=None, max_length=40)
    message_zh: str = Field(default="", sa_column=Column(Text, nullable=False))
    message_en: str = Field(default="", sa_column=Column(Text, nullable=False))
    hint_zh: str = Field(default="", sa_column=Column(Text, nullable=False))
    hint_en: str = Field(default="", sa_column=Column(Text, nullable=False))
    location: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    evidence: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class TextFactRecord(SQLModel, table=True):
    """A figure the text of a report states (core/textfacts.py): its key,
    value and unit, the words and the sentence it was read from, and the
    section it is in."""

    __tablename__ = "text_fact"
    __table_args__ = (
        Index("ix_text_fact_report", "report_id", "key"),
        Index("ix_text_fact_key_year", "key", "year"),
    )

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id")
    agency_id: int | None = None  # copied from the report
    year: int = 0
    key: str = Field(max_length=80)
    value: float
    unit: str = Field(default="count", max_length=10)
    approximate: bool = False
    raw: str = Field(default="", sa_column=Column(Text, nullable=False))
    sentence: str = Field(default="", sa_column=Column(Text, nullable=False))
    section: str | None = Field(default=None, max_length=10)
    heading: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    location: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
