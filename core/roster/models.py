"""Tables of the roster: its units, the reviewer's confirmed matches of a
report's agency to a unit, and uploads that could not be read."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import BigInteger, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def _utcnow() -> datetime:
    return datetime.now(UTC)


class RosterUnit(SQLModel, table=True):
    """A unit a chat's reviewer expects a report from."""

    __tablename__ = "roster_unit"
    __table_args__ = (UniqueConstraint("chat_id", "norm", name="uq_roster_unit"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_type=BigInteger, index=True)
    name: str = Field(max_length=200)
    norm: str = Field(max_length=200)
    kind: str = Field(default="unknown", max_length=20)  # department | government | unknown
    region: str = Field(default="", max_length=200)  # the parent region, e.g. 武汉市江岸区
    created_at: datetime = Field(default_factory=_utcnow)


class RosterLink(SQLModel, table=True):
    """The reviewer said: reports of this agency (normalised name) are this unit's."""

    __tablename__ = "roster_link"
    __table_args__ = (UniqueConstraint("chat_id", "agency_norm", name="uq_roster_link"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_type=BigInteger, index=True)
    agency_norm: str = Field(max_length=200)
    unit_id: int | None = Field(default=None, foreign_key="roster_unit.id")  # None: no unit
    created_at: datetime = Field(default_factory=_utcnow)


class UploadFailure(SQLModel, table=True):
    """A file uploaded in a chat that could not be read (for /missing)."""

    __tablename__ = "upload_failure"

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_type=BigInteger, index=True)
    filename: str = Field(max_length=500)
    code: str = Field(max_length=40)
    detail: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime = Field(default_factory=_utcnow)
