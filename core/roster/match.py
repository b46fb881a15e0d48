"""Which roster unit a report is from: its agency's name matched fuzzily to
the units' names (abbreviations, a leading 市/区/县 left out or added),
sure only when one unit stands out; otherwise the few closest are offered
for the reviewer to confirm."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from rapidfuzz import fuzz

from core.agency import aliases, normalise, split_name
from core.desk_text import desk_data

ABBREVIATION = 96.0  # one name is the other with its leading regions left out
SHORT_PLACE = 80.0  # the same, but the shorter name has no real place (区司法局)
OTHER_KIND = 60.0  # different kinds of office are never the same unit


class UnitLike(Protocol):
    id: int | None
    name: str
    norm: str


@dataclass
class Match:
    unit: UnitLike | None = None  # set when sure
    score: float = 0.0
    choices: list[UnitLike] = field(default_factory=list)  # when unsure
    confirmed: bool = False  # the reviewer said so

    @property
    def sure(self) -> bool:
        return self.unit is not None

    @property
    def unsure(self) -> bool:
        return self.unit is None and bool(self.choices)


def _config() -> dict:
    return desk_data()["roster"]["match"]


def forms(name: str) -> set[str]:
    """A name and the other ways it is written (硚口区司法局, 硚口司法局)."""
    norm = normalise(name)
    return {f for f in (norm, *aliases(name)) if f}


def score(report_name: str, unit_name: str) -> float:
    """How likely (0–100) the report's agency is the unit."""
    a, b = forms(report_name), forms(unit_name)
    if not a or not b:
        return 0.0
    if a & b:
        return 100.0
    na, nb = normalise(report_name), normalise(unit_name)
    ka, kb = split_name(na)[1], split_name(nb)[1]
    if ka and kb and ka != kb:
        return min(OTHER_KIND, fuzz.ratio(na, nb))
    best = 0.0
    for x in a:
        for y in b:
            short, long = (x, y) if len(x) <= len(y) else (y, x)
            if long.endswith(short):
                place = split_name(short)[0]
                best = max(best, ABBREVIATION if len(place) >= 2 else SHORT_PLACE)
    return max(best, float(fuzz.ratio(na, nb)))


def match(
    agency: str | None,
    units: Iterable[UnitLike],
    links: Mapping[str, int | None] | None = None,
) -> Match:
    """The unit a report of `agency` belongs to, a choice, or nothing.
    `links` are the reviewer's earlier answers (normalised agency → unit id,
    None for "none of these")."""
    units = list(units)
    if not agency or not units:
        return Match()
    norm = normalise(agency)
    if links and norm in links:
        chosen = next((u for u in units if u.id == links[norm]), None)
        return Match(chosen, 100.0 if chosen else 0.0, confirmed=True)
    cfg = _config()
    ranked = sorted(((score(agency, u.name), u) for u in units), key=lambda x: -x[0])
    top_score, top = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0.0
    exact = top_score >= 100.0 > second
    if exact or (top_score >= cfg["sure"] and top_score - second >= cfg["close"]):
        return Match(top, top_score)
    choices = [u for s, u in ranked if s >= cfg["ask"]][: cfg["max_choices"]]
    return Match(None, top_score, choices)
