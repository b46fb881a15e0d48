"""The texts of the reviewer's desk (data/desk.toml): batches, exports,
the roster, comparisons and charts."""

from __future__ import annotations

from functools import cache

from core.messages import text_at
from core.template import load_data


@cache
def desk_data() -> dict:
    return load_data("desk.toml")


def text(path: str, lang: str, /, **slots: object) -> str:
    """The text at dotted `path` of data/desk.toml in `lang`, slots filled."""
    return text_at(desk_data(), path, lang, **slots)
