"""The sentence a user reads when a file cannot be read: one template per
reason (data/messages.toml, `unreadable.<code>`), filled with language-neutral
slots (sizes, counts, an extension).  Exception text and OS errors are for
the log: they never reach a user."""

from __future__ import annotations

from collections.abc import Mapping

from core.document import UnreadableFile
from core.limits import human_size
from core.messages import message

# Slots every template may use; a slot the caller does not give is blank.
_SLOTS = ("ext", "size", "limit", "count", "seconds", "actual", "name")
# Reasons whose size and limit are bytes; elsewhere they are counts.
_SIZE_CODES = frozenset({"too_large", "too_large_unpacked"})


def unreadable_text(code: str, lang: str = "zh", slots: Mapping[str, object] | None = None) -> str:
    """The message for reason `code` in `lang`; an unknown code reads as a
    damaged file."""
    filled = dict.fromkeys(_SLOTS, "")
    for k, v in (slots or {}).items():
        if isinstance(v, int) and k in ("size", "limit", "count"):
            v = human_size(v) if code in _SIZE_CODES else f"{v:,}"
        filled[k] = v
    try:
        return message("unreadable." + code, lang, **filled)
    except KeyError:
        return message("unreadable.corrupt", lang, **filled)


def explain(exc: UnreadableFile, lang: str = "zh") -> str:
    return unreadable_text(exc.code, lang, exc.slots)
