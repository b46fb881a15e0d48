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


@cache
def _sign_words() -> tuple[tuple[str, int], ...]:
    words = load_template().lexicon["cells"].get("signed_words", {})
    return tuple(sorted(((fold(w), int(v)) for w, v in words.items()), key=lambda x: -len(x[0])))


def read_worded_sign(raw: str) -> int | None:
    """A change written with a word for its sign ("减12", "增加 3件") as a
    signed whole number; None for anything else."""
    s = _SPACES.sub("", fold(raw).strip())
    for word, sign in _sign_words():
        if s.startswith(word):
            value, status = read_cell(s[len(word) :])
            if status == "number" and isinstance(value, int) and value >= 0:
                return sign * value
            return None
    return None


def is_value_like(raw: str) -> bool:
    """A cell that holds (or should hold) a figure: a number, blank or a mark."""
    return read_cell(raw)[1] != "invalid"
