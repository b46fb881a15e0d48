"""Match row and column labels as written against the template (rapidfuzz)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from core.normalize import label_key
from core.template import VERSIONS, Column, Row, TableSpec, load_template

# Numbering in front of a label: 一、 （一） (一) 1. 1、
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[,.]|\([一二三四五六七八九十\d]+\)|\d+[.,])")
# A label without its numbering must be at least this long to be matched on its own.
_MIN_BARE = 4
ROW_CUTOFF = 82.0
COLUMN_CUTOFF = 70.0


def bare(key: str) -> str:
    return _NUMBERING.sub("", key)


@dataclass(frozen=True)
class RowHit:
    version: str
    table: str
    row: Row
    score: float
    misspelling: bool


@dataclass(frozen=True)
class ColumnHit:
    column: Column
    score: float
    misspelling: bool


class RowIndex:
    """Every data-row label of tables 二 and 三 in both forms."""

    def __init__(self) -> None:
        self.exact: dict[str, list[RowHit]] = {}
        for version in VERSIONS:
            t = load_template(version)
            for table in (t.tables["t2"], t.tables["t3"]):
                for row in table.rows:
                    for text, miss in _forms(row.label, row.aliases, row.misspellings):
                        self._add(text, RowHit(version, table.key, row, 100.0, miss))
        self.choices = list(self.exact)
        # Group labels that a converted table may run into a row's own label
        # ("（三）不予公开1.属于国家秘密" in one cell), longest first.
        groups = {
            label_key(g) for v in VERSIONS for g in load_template(v).tables["t3"].group_labels
        }
        self.groups = sorted(groups, key=len, reverse=True)

    def _add(self, text: str, hit: RowHit) -> None:
        for key in {label_key(text), bare(label_key(text))}:
            if key == bare(label_key(text)) and len(key) < _MIN_BARE and key != label_key(text):
                continue
            hits = self.exact.setdefault(key, [])
            if all((h.version, h.row.key) != (hit.version, hit.row.key) for h in hits):
                hits.append(hit)

    def match(self, text: str) -> list[RowHit]:
        return self._match(text)

    @lru_cache(maxsize=8192)  # noqa: B019 - one index per process
    def _match(self, text: str) -> list[RowHit]:
        key = label_key(text)
        if not key:
            return []
        hits = self.exact.get(key) or self.exact.get(bare(key))
        if hits:
            return hits
        rest = key
        while True:  # strip group labels run into the row's own label
            group = next(
                (g for g in self.groups if rest.startswith(g) and len(rest) > len(g)), None
            )
            if group is None:
                break
            rest = rest[len(group) :]
        if rest != key:
            hits = self.exact.get(rest) or self.exact.get(bare(rest))
            if hits:
                return hits
        if len(key) < 2:
            return []
        best = process.extractOne(key, self.choices, scorer=fuzz.ratio, score_cutoff=ROW_CUTOFF)
        if best is None:
            return []
        choice, score, _ = best
        return [RowHit(h.version, h.table, h.row, score, True) for h in self.exact[choice]]


def _forms(label: str, aliases: tuple[str, ...], misspellings: tuple[str, ...]):
    yield label, False
    for a in aliases:
        yield a, False
    for m in misspellings:
        yield m, True


@lru_cache(maxsize=8192)
def match_column(text: str, columns: tuple[Column, ...]) -> ColumnHit | None:
    """The column whose label `text` is, exactly or fuzzily."""
    key = label_key(text)
    if not key:
        return None
    best: ColumnHit | None = None
    for col in columns:
        for form, miss in _forms(col.label, col.aliases, col.misspellings):
            f = label_key(form)
            score = 100.0 if f == key else fuzz.ratio(key, f)
            if miss and score == 100.0:
                return ColumnHit(col, score, True)
            if best is None or score > best.score:
                best = ColumnHit(col, score, score < 100.0)
    if best is None or best.score < COLUMN_CUTOFF:
        return None
    return best


@cache
def row_index() -> RowIndex:
    return RowIndex()


@cache
def t4_header_keys() -> frozenset[str]:
    """Labels that only appear in table 四's header (not 总计, which table 三 has too)."""
    t = load_template()
    t4: TableSpec = t.tables["t4"]
    shared = {label_key(c.label) for c in t.tables["t3"].columns}
    keys = {label_key(c.label) for c in t4.columns} - shared
    keys |= {label_key(m) for c in t4.columns for m in c.misspellings}
    keys |= {label_key(r.label) for r in t4.rows} | {label_key(g) for g in t4.group_labels}
    return frozenset(keys - shared)
