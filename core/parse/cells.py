"""Read a table cell's text as a number, a blank, or something written instead
of a number ("/", "—", "无")."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from core.normalize import fold
from core.report import Number
from core.template import load_template

_INT = re.compile(r"[+-]?\d+")
_DEC = re.compile(r"[+-]?\d+\.\d+|[+-]?\.\d+")
_SPACES = re.compile(r"[\s,]+")


@cache
def _lexicon() -> tuple[frozenset[str], tuple[str, ...]]:
    cells = load_template().lexicon["cells"]
    units = tuple(sorted(cells["units"], key=len, reverse=True))
    return frozenset(fold(m) for m in cells["non_numeric_marks"]), units


@lru_cache(maxsize=8192)
def read_cell(raw: str, unit: str = "count") -> tuple[Number | None, str]:
    """Return (value, status); status is number, blank, text or invalid.

    Spaces, NBSP, U+3000, thousands separators and full-width digits inside a
    number are ignored; a unit written after it (件, 万元 …) is accepted.
    """
    s = fold(raw).strip()
    if not s:
        return None, "blank"
    marks, units = _lexicon()
    if s in marks:
        return None, "text"
    s = _SPACES.sub("", s)
    for u in units:
        if s.endswith(u) and len(s) > len(u):
            s = s[: -len(u)]
            break
    if _INT.fullmatch(s):
        value = int(s)
        return (Decimal(value) if unit != "count" else value), "number"
    if _DEC.fullmatch(s):
        try:
            return Decimal(s), "number"
        except InvalidOperation:  # pragma: no cover - regex guarantees a decimal
            return None, "invalid"
    return None, "invalid"


def is_value_like(raw: str) -> bool:
    """A cell that holds (or should hold) a figure: a number, blank or a mark."""
    return read_cell(raw)[1] != "invalid"
