"""One root cause, one defect: which cells most likely make the broken
relations of a table fail.

A wrong cell breaks every relation it stands in (its row, its column, the
balance identity) and no other.  A cell explains a set of broken relations
when one change of its value repairs all of them and breaks no relation that
holds; two cells that stand in a relation together may explain a set jointly
(a stray figure written into a row and carried into its total).  Broken
relations so explained are reported once, naming the cells; the rest stand
alone."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from itertools import combinations

from core.report import Number
from core.template import Relation

MAX_PAIR_SEARCH = 12  # broken relations beyond which no pairs are tried


@dataclass(frozen=True)
class Evaluated:
    relation: Relation
    lhs: Number
    rhs: Number
    values: dict[str, Number]  # every operand, "prev:KEY" for last year's
    tolerance: Fraction = Fraction(0)  # amounts in 万元 agree within 0.005

    @cached_property
    def gap(self) -> Fraction | int:
        if isinstance(self.lhs, int) and isinstance(self.rhs, int):
            return self.lhs - self.rhs
        return Fraction(self.lhs) - Fraction(self.rhs)

    @cached_property
    def broken(self) -> bool:
        return abs(self.gap) > self.tolerance


@dataclass(frozen=True)
class Group:
    suspects: tuple[str, ...]  # the cells most likely wrong (none when unexplained)
    relations: tuple[Evaluated, ...]  # broken relations, in template order
    joint: bool = False  # the suspects are wrong together (else: any one of them)


_WEIGHTS: dict[int, tuple[Relation, dict[str, int]]] = {}


def weight(relation: Relation, key: str) -> int:
    """How a change of `key` moves lhs − rhs of the relation."""
    known = _WEIGHTS.get(id(relation))
    if known is None or known[0] is not relation:  # relations live as long as their template
        w: dict[str, int] = {}
        for t in relation.lhs:
            if not t.previous:
                w[t.key] = w.get(t.key, 0) + t.weight
        for t in relation.rhs:
            if not t.previous:
                w[t.key] = w.get(t.key, 0) - t.weight
        known = _WEIGHTS[id(relation)] = (relation, w)
    return known[1].get(key, 0)


def group(evaluated: list[Evaluated]) -> list[Group]:
    """The broken relations of `evaluated` grouped by their most likely cause."""
    broken = [e for e in evaluated if e.broken]
    holding = [e for e in evaluated if not e.broken]
    order = {id(e): i for i, e in enumerate(broken)}
    groups: list[Group] = []
    left = list(broken)
    while len(left) >= 2:
        found, joint = _best_single(left, holding), False
        if found is None and len(left) <= MAX_PAIR_SEARCH:
            found, joint = _best_pair(left, holding), True
        if found is None:
            break
        suspects, explained = found
        ordered = tuple(sorted(explained, key=lambda e: order[id(e)]))
        groups.append(Group(suspects, ordered, joint))
        left = [e for e in left if all(e is not x for x in explained)]
    groups.extend(Group((), (e,)) for e in left)
    return sorted(groups, key=lambda g: order[id(g.relations[0])])


def _cells(items: list[Evaluated]) -> list[str]:
    seen: dict[str, None] = {}
    for e in items:
        for t in e.relation.terms:
            if not t.previous:
                seen.setdefault(t.key)
    return list(seen)


def _value(key: str, items: list[Evaluated]) -> Fraction | None:
    for e in items:
        if key in e.values:
            return Fraction(e.values[key])
    return None


def _single(key: str, left: list[Evaluated], holding: list[Evaluated]) -> list[Evaluated]:
    """The broken relations one change of `key` repairs without breaking any
    that holds, leaving no count below zero."""
    if any(weight(h.relation, key) for h in holding):
        return []
    changes: set[Fraction] = set()
    fixed = []
    for e in left:
        w = weight(e.relation, key)
        if w:
            changes.add(Fraction(-e.gap, w))
            fixed.append(e)
    if len(changes) != 1:
        return []
    value = _value(key, left)
    return fixed if value is None or value + changes.pop() >= 0 else []


def _best_single(
    left: list[Evaluated], holding: list[Evaluated]
) -> tuple[tuple[str, ...], list[Evaluated]] | None:
    best: list[Evaluated] = []
    suspects: list[str] = []
    for key in _cells(left):
        fixed = _single(key, left, holding)
        if len(fixed) < 2:
            continue
        if len(fixed) > len(best):
            best, suspects = fixed, [key]
        elif len(fixed) == len(best) and {id(e) for e in fixed} == {id(e) for e in best}:
            suspects.append(key)  # as likely: either cell could be the wrong one
    return (tuple(suspects), best) if best else None


def _stands_in(keys: list[str], every: list[Evaluated]) -> dict[str, dict[int, int]]:
    """For each cell of `keys`: the relations of `every` it moves (by index) and how."""
    out: dict[str, dict[int, int]] = {key: {} for key in keys}
    for i, e in enumerate(every):
        for t in e.relation.terms:
            if not t.previous and t.key in out and i not in out[t.key]:
                w = weight(e.relation, t.key)
                if w:
                    out[t.key][i] = w
    return out


def _pair(
    a: str,
    b: str,
    left: list[Evaluated],
    holding: list[Evaluated],
    every: list[Evaluated],
    stands: dict[str, dict[int, int]],
) -> list[Evaluated] | None:
    """The broken relations that changing `a` and `b` together repairs, keeping
    every relation that holds; None when no such change exists.  `every` is
    left + holding, `stands` where each cell stands in them (_stands_in)."""
    in_a, in_b = stands[a], stands[b]
    if in_a.keys().isdisjoint(in_b):
        return None  # the two cells stand in no relation together
    rows = [
        (in_a.get(i, 0), in_b.get(i, 0), -every[i].gap, every[i]) for i in sorted({*in_a, *in_b})
    ]
    solution = _solve([(wa, wb, g) for wa, wb, g, _ in rows])
    if solution is None:
        return None
    da, db = solution
    if da == 0 or db == 0:
        return None
    for key, change in ((a, da), (b, db)):
        value = _value(key, [*left, *holding])
        if value is not None and value + change < 0:
            return None  # a count cannot be corrected below zero
    if any(wa * da + wb * db != g for wa, wb, g, _ in rows):
        return None
    fixed = [e for _, _, _, e in rows if e.broken]
    return fixed if len(fixed) >= 2 else None


def _solve(rows: list[tuple[int, int, Fraction]]) -> tuple[Fraction, Fraction] | None:
    """δa, δb with wa·δa + wb·δb = g for two independent rows, or None."""
    for (a1, b1, g1), (a2, b2, g2) in combinations(rows, 2):
        det = a1 * b2 - a2 * b1
        if det:
            return (Fraction(g1 * b2 - g2 * b1, det), Fraction(a1 * g2 - a2 * g1, det))
    return None


def _best_pair(
    left: list[Evaluated], holding: list[Evaluated]
) -> tuple[tuple[str, ...], list[Evaluated]] | None:
    best: list[Evaluated] = []
    suspects: tuple[str, ...] = ()
    ties = 0
    cells = _cells(left)
    every = [*left, *holding]
    stands = _stands_in(cells, every)
    for a, b in combinations(cells, 2):
        fixed = _pair(a, b, left, holding, every, stands)
        if not fixed:
            continue
        if len(fixed) > len(best):
            best, suspects, ties = fixed, (a, b), 0
        elif len(fixed) == len(best) and {id(e) for e in fixed} == {id(e) for e in best}:
            ties += 1
    # one cause either way; when several pairs explain it alike, none is named
    return ((suspects if not ties else ()), best) if best else None
