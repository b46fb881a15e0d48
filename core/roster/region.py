"""Whether a report is in a region (a city or district): its agency's name
says so, or the roster unit it belongs to lies there."""

from __future__ import annotations

from core.agency import normalise
from core.roster.match import match


def report_in_region(agency: str | None, region: str | None, units=(), links=None) -> bool:
    if not region:
        return True
    if not agency:
        return False
    if normalise(region) in normalise(agency):
        return True
    m = match(agency, units, links)
    return bool(m.sure and m.unit.in_region(region))
