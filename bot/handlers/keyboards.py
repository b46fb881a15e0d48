"""Inline keyboards and the callback-data format of their buttons.

Callback data (≤ 64 bytes): `c:{report}:{category}` details of a category,
`l:{lang}[:{report}]` switch language, `p:{report}` publish,
`q:{token}:{n}` pick the n-th option (an agency or a figure) offered for
the question `token`, `a:{token}:{lang}` show answer `token` in `lang`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import other, t
from core.defect import CATEGORIES
from core.messages import LANGS

PER_ROW = 3


def result_keyboard(
    report_id: Any, defects: Sequence[Any], lang: str, *, admin: bool
) -> InlineKeyboardMarkup:
    """Details per category, switch language, and publish (admins only)."""
    present = [c for c in CATEGORIES if any(d.category == c for d in defects)]
    buttons = [
        InlineKeyboardButton(
            f"{t('category.' + c, lang)} ({sum(d.category == c for d in defects)})",
            callback_data=f"c:{report_id}:{c}",
        )
        for c in present
    ]
    rows = [buttons[i : i + PER_ROW] for i in range(0, len(buttons), PER_ROW)]
    last = [
        InlineKeyboardButton(
            t("button.switch_lang", lang), callback_data=f"l:{other(lang)}:{report_id}"
        )
    ]
    if admin and report_id is not None:
        last.append(InlineKeyboardButton(t("button.publish", lang), callback_data=f"p:{report_id}"))
    rows.append(last)
    return InlineKeyboardMarkup(rows)


def language_keyboard() -> InlineKeyboardMarkup:
    names = {"zh": "中文", "en": "English"}
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(names[lang], callback_data=f"l:{lang}") for lang in LANGS]]
    )


def choices_keyboard(choices: Sequence[str], token: str) -> InlineKeyboardMarkup:
    """One button per option; pressing it answers the question `token` with it."""
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(str(c)[:60], callback_data=f"q:{token}:{i}")]
            for i, c in enumerate(choices)
        ]
    )


def answer_keyboard(token: str, lang: str) -> InlineKeyboardMarkup:
    """The button showing answer `token` in the other language."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t("question.answer_lang", lang), callback_data=f"a:{token}:{other(lang)}"
                )
            ]
        ]
    )
