"""Every bot text exists in Chinese and English with the same slots."""

from __future__ import annotations

import string

from bot.handlers.commands import COMMANDS
from bot.i18n import _texts, from_language_code, has_text


def _entries(node, path=""):
    if isinstance(node, dict) and "zh" in node:
        yield path, node
        return
    for k, v in node.items():
        yield from _entries(v, f"{path}.{k}" if path else k)


def _slots(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_text_has_chinese_and_english_with_the_same_slots():
    entries = list(_entries(_texts()))
    assert len(entries) > 50
    for path, entry in entries:
        assert entry.get("zh") and entry.get("en"), path
        assert _slots(entry["zh"]) == _slots(entry["en"]), path


def test_every_command_has_a_menu_description():
    assert all(has_text(f"menu.{c}") for c in COMMANDS)


def test_help_names_every_accepted_format_and_the_size_limit():
    for lang in ("zh", "en"):
        text = _texts()["help"][lang]
        assert all(
            ext in text for ext in (".docx", ".pdf", ".txt", ".html", ".htm", ".md", "20 MB")
        )


def test_telegram_language_codes_map_to_chinese_or_english():
    assert [from_language_code(c) for c in ("zh-hans", "zh-TW", "en", "en-GB", "ru", None)] == [
        "zh",
        "zh",
        "en",
        "en",
        "zh",
        "zh",
    ]
