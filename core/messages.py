"""User-facing texts of core, read from data/messages.toml."""

from __future__ import annotations

from functools import cache

from core.template import load_data

LANGS = ("zh", "en")


@cache
def _messages() -> dict:
    return load_data("messages.toml")


def text_at(tree: dict, path: str, lang: str = "zh", **slots: object) -> str:
    """The text at dotted `path` of a bilingual data tree (a node with "zh"
    and "en"), in `lang` (Chinese when that language is missing), its {slots}
    filled in.  Every data file of user-facing texts is read this way."""
    node = tree
    for part in path.split("."):
        node = node[part]
    text = node.get(lang) or node["zh"]
    return text.format(**slots) if slots else text


def message(path: str, lang: str = "zh", **slots: object) -> str:
    """The message at dotted `path` (e.g. "unreadable.corrupt") in `lang`."""
    return text_at(_messages(), path, lang, **slots)
