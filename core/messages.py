"""User-facing texts of core, read from data/messages.toml."""

from __future__ import annotations

from functools import cache

from core.template import load_data

LANGS = ("zh", "en")


@cache
def _messages() -> dict:
    return load_data("messages.toml")


def message(path: str, lang: str = "zh", **slots: object) -> str:
    """The message at dotted `path` (e.g. "unreadable.corrupt") in `lang`."""
    node = _messages()
    for part in path.split("."):
        node = node[part]
    text = node.get(lang) or node["zh"]
    return text.format(**slots) if slots else text
