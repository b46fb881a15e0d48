"""The roster in the database, per chat: units, confirmed matches and
uploads that could not be read.  Synchronous, short sessions (the bot calls
it in a worker thread)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from core.agency import normalise
from core.roster.load import RosterRow
from core.roster.models import RosterLink, RosterUnit, UploadFailure
from core.store.db import session


@dataclass(frozen=True)
class Unit:
    id: int
    name: str
    norm: str
    kind: str
    region: str

    def in_region(self, region: str | None) -> bool:
        """Whether the unit is in `region` (its parent region or its own name says so)."""
        if not region:
            return True
        r = normalise(region)
        return r in normalise(self.region) or r in self.norm


def _unit(row: RosterUnit) -> Unit:
    return Unit(row.id, row.name, row.norm, row.kind, row.region or "")


class RosterRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, chat_id: int, rows: list[RosterRow]) -> tuple[int, int]:
        """Add units (a unit already there gets the new kind and region);
        (added, updated)."""
        added = updated = 0
        with session(self.engine) as s:
            existing = {
                u.norm: u
                for (u,) in s.execute(select(RosterUnit).where(RosterUnit.chat_id == chat_id))
            }
            for r in rows:
                norm = normalise(r.name)
                if not norm:
                    continue
                old = existing.get(norm)
                if old is None:
                    unit = RosterUnit(
                        chat_id=chat_id, name=r.name, norm=norm, kind=r.kind, region=r.region
                    )
                    s.add(unit)
                    existing[norm] = unit
                    added += 1
                elif (old.kind, old.region) != (r.kind, r.region or old.region):
                    old.kind, old.region = r.kind, r.region or old.region
                    s.add(old)
                    updated += 1
            try:
                s.commit()
            except IntegrityError:  # another process added one at the same moment
                s.rollback()
                return self.add(chat_id, rows)
        return added, updated

    def units(self, chat_id: int, region: str | None = None) -> list[Unit]:
        with session(self.engine) as s:
            stmt = select(RosterUnit).where(RosterUnit.chat_id == chat_id).order_by(RosterUnit.id)
            units = [_unit(u) for (u,) in s.execute(stmt)]
        return [u for u in units if u.in_region(region)]

    def unit(self, chat_id: int, unit_id: object) -> Unit | None:
        """The unit `unit_id` if it is on this chat's roster (ids from buttons are checked here)."""
        if not isinstance(unit_id, int) or isinstance(unit_id, bool):
            return None
        with session(self.engine) as s:
            row = s.get(RosterUnit, unit_id)
            return _unit(row) if row is not None and row.chat_id == chat_id else None

    def remove(self, chat_id: int, name: str) -> bool:
        norm = normalise(name)
        with session(self.engine) as s:
            row = s.execute(
                select(RosterUnit).where(RosterUnit.chat_id == chat_id, RosterUnit.norm == norm)
            ).scalar_one_or_none()
            if row is None:
                return False
            s.execute(delete(RosterLink).where(RosterLink.unit_id == row.id))
            s.delete(row)
            s.commit()
        return True

    def clear(self, chat_id: int) -> int:
        with session(self.engine) as s:
            s.execute(delete(RosterLink).where(RosterLink.chat_id == chat_id))
            n = s.execute(delete(RosterUnit).where(RosterUnit.chat_id == chat_id)).rowcount
            s.commit()
        return n or 0

    # --- the reviewer's answers ---------------------------------------------
    def link(self, chat_id: int, agency: str, unit_id: int | None) -> None:
        """Remember that reports of `agency` are unit `unit_id`'s (None: no unit's)."""
        norm = normalise(agency)
        for _ in range(2):
            with session(self.engine) as s:
                row = s.execute(
                    select(RosterLink).where(
                        RosterLink.chat_id == chat_id, RosterLink.agency_norm == norm
                    )
                ).scalar_one_or_none()
                if row is None:
                    s.add(RosterLink(chat_id=chat_id, agency_norm=norm, unit_id=unit_id))
                else:
                    row.unit_id = unit_id
                    s.add(row)
                try:
                    s.commit()
                    return
                except IntegrityError:
                    continue

    def links(self, chat_id: int) -> dict[str, int | None]:
        with session(self.engine) as s:
            stmt = select(RosterLink.agency_norm, RosterLink.unit_id).where(
                RosterLink.chat_id == chat_id
            )
            return dict(s.execute(stmt).all())

    # --- uploads that could not be read --------------------------------------------
    def record_failure(self, chat_id: int, filename: str, code: str, detail: str = "") -> None:
        with session(self.engine) as s:
            s.add(
                UploadFailure(
                    chat_id=chat_id, filename=filename[:500], code=code[:40], detail=detail or ""
                )
            )
            s.commit()

    def failures(self, chat_id: int) -> list[tuple[str, str, str]]:
        """(filename, code, detail) of this chat's unreadable uploads, newest first."""
        with session(self.engine) as s:
            stmt = (
                select(UploadFailure.filename, UploadFailure.code, UploadFailure.detail)
                .where(UploadFailure.chat_id == chat_id)
                .order_by(UploadFailure.id.desc())
                .limit(1000)
            )
            return [tuple(r) for r in s.execute(stmt)]
