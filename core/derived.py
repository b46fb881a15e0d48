"""Totals the form does not print (data/derived.toml): a row whose figure is
the sum of its sub-rows.  Shared by the store, which keeps their `total`
column with the facts, and by question answering, which computes any column."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from core.template import load_data


@dataclass(frozen=True)
class Derived:
    key: str  # a row key the template does not have, e.g. t3.denied
    rows: tuple[str, ...]  # the rows it adds up
    alternative: str | None = None  # a row holding the same figure in another form

    def cells(self, column: str) -> tuple[str, ...]:
        return tuple(f"{r}.{column}" for r in self.rows)


@cache
def derived_rows() -> dict[str, Derived]:
    """Derived rows by key."""
    return {
        d["key"]: Derived(d["key"], tuple(d["sum"]), d.get("alternative"))
        for d in load_data("derived.toml")["derived"]
    }


@cache
def derived_totals() -> dict[str, tuple[str, ...]]:
    """The `total` cells the store keeps precomputed: key → the cells it adds up."""
    return {f"{d.key}.total": d.cells("total") for d in derived_rows().values()}
