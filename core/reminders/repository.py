"""Reminder subscriptions, sent-reminder claims and chat preferences in the
database.  Synchronous: the bot calls these in a worker thread."""

from __future__ import annotations

from datetime import date

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import delete, select

from core.reminders.models import ChatPreference, ReminderSubscription, SentReminder
from core.store.db import session


class ReminderRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # --- subscriptions --------------------------------------------------
    def subscribe(self, chat_id: int, schedule_key: str) -> bool:
        """Add a subscription; False when the chat already had it."""
        with session(self.engine) as s:
            s.add(ReminderSubscription(chat_id=chat_id, schedule_key=schedule_key))
            try:
                s.commit()
            except IntegrityError:
                return False
        return True

    def unsubscribe_all(self, chat_id: int) -> int:
        with session(self.engine) as s:
            result = s.exec(
                delete(ReminderSubscription).where(ReminderSubscription.chat_id == chat_id)
            )
            s.commit()
            return result.rowcount or 0

    def subscriptions(self, chat_id: int | None = None) -> list[tuple[int, str]]:
        """(chat_id, schedule_key) pairs, of one chat or of all chats."""
        with session(self.engine) as s:
            q = select(ReminderSubscription.chat_id, ReminderSubscription.schedule_key)
            if chat_id is not None:
                q = q.where(ReminderSubscription.chat_id == chat_id)
            q = q.order_by(ReminderSubscription.chat_id, ReminderSubscription.schedule_key)
            return [(c, k) for c, k in s.exec(q).all()]

    # --- once per chat and date ----------------------------------------------
    def claim(self, chat_id: int, deadline_key: str, remind_on: date) -> bool:
        """Record that this reminder is being sent; False when some process
        (this one before a restart, or another one) already did."""
        with session(self.engine) as s:
            s.add(SentReminder(chat_id=chat_id, deadline_key=deadline_key, remind_on=remind_on))
            try:
                s.commit()
            except IntegrityError:
                return False
        return True

    def release(self, chat_id: int, deadline_key: str, remind_on: date) -> None:
        """Forget a claim whose message could not be sent, so a later check retries."""
        with session(self.engine) as s:
            s.exec(
                delete(SentReminder).where(
                    SentReminder.chat_id == chat_id,
                    SentReminder.deadline_key == deadline_key,
                    SentReminder.remind_on == remind_on,
                )
            )
            s.commit()

    def sent(self, chat_id: int | None = None) -> list[tuple[int, str, date]]:
        with session(self.engine) as s:
            q = select(SentReminder.chat_id, SentReminder.deadline_key, SentReminder.remind_on)
            if chat_id is not None:
                q = q.where(SentReminder.chat_id == chat_id)
            return [tuple(r) for r in s.exec(q.order_by(SentReminder.id)).all()]

    # --- preferences ------------------------------------------------------------
    def get_lang(self, chat_id: int) -> str | None:
        with session(self.engine) as s:
            pref = s.get(ChatPreference, chat_id)
            return pref.lang if pref else None

    def set_lang(self, chat_id: int, lang: str) -> None:
        for _ in range(2):  # a concurrent insert by another process: update instead
            with session(self.engine) as s:
                pref = s.get(ChatPreference, chat_id)
                if pref is None:
                    s.add(ChatPreference(chat_id=chat_id, lang=lang))
                else:
                    pref.lang = lang
                    s.add(pref)
                try:
                    s.commit()
                    return
                except IntegrityError:
                    continue
