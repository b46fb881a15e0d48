"""Tables of the reminders and of per-chat preferences (sqlmodel)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import BigInteger, UniqueConstraint
from sqlmodel import Field, SQLModel


def _utcnow() -> datetime:
    return datetime.now(UTC)


class ReminderSubscription(SQLModel, table=True):
    """A chat wants reminders of one schedule: department, government or
    custom:YYYY-MM-DD."""

    __tablename__ = "reminder_subscription"
    __table_args__ = (UniqueConstraint("chat_id", "schedule_key", name="uq_subscription"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_type=BigInteger, index=True)
    schedule_key: str = Field(max_length=40)
    created_at: datetime = Field(default_factory=_utcnow)


class SentReminder(SQLModel, table=True):
    """A reminder claimed for sending.  The unique constraint makes sure each
    chat gets each reminder once, whatever the number of bot processes and
    restarts: a process sends only after its insert has committed."""

    __tablename__ = "sent_reminder"
    __table_args__ = (
        UniqueConstraint("chat_id", "deadline_key", "remind_on", name="uq_sent_reminder"),
    )

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_type=BigInteger, index=True)
    deadline_key: str = Field(max_length=40)  # e.g. department:2025-01-31
    remind_on: date
    sent_at: datetime = Field(default_factory=_utcnow)


class ChatPreference(SQLModel, table=True):
    """A chat's chosen language (/lang)."""

    __tablename__ = "chat_preference"

    chat_id: int = Field(sa_type=BigInteger, primary_key=True)
    lang: str = Field(max_length=8)
    updated_at: datetime = Field(default_factory=_utcnow)
