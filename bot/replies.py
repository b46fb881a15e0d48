"""Turn a check result into Telegram-sized messages: a short summary, the
defects grouped by severity, and the full list as a file when it is long."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from bot.i18n import t

LIMIT = 4096  # Telegram's message length limit, in characters
SEVERITIES = ("error", "warning", "info")
# More defect text than this many messages goes to an attached file instead.
MAX_DEFECT_MESSAGES = 2


def split_text(text: str, limit: int = LIMIT) -> list[str]:
    """Split `text` into pieces of at most `limit` characters, at a blank
    line when possible, else at a line end, else at a sentence end."""
    pieces: list[str] = []
    rest = text.strip("\n")
    while len(rest) > limit:
        window = rest[: limit + 1]
        cut = _best_cut(window, limit)
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n")
    if rest:
        pieces.append(rest)
    return pieces


def _best_cut(window: str, limit: int) -> int:
    floor = limit // 3  # never cut off a uselessly short piece
    for sep in ("\n\n", "\n", "。", ". ", "；", "，", " "):
        i = window.rfind(sep, floor, limit)
        if i != -1:
            return i + len(sep)  # the separator lies inside the window
    return limit


def pack(blocks: Iterable[str], limit: int = LIMIT) -> list[str]:
    """Join text blocks into as few messages as fit, never splitting a block
    that fits on its own."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        for part in split_text(block, limit) or [""]:
            joined = f"{current}\n\n{part}" if current else part
            if len(joined) <= limit:
                current = joined
            else:
                messages.append(current)
                current = part
    if current:
        messages.append(current)
    return messages


def counts(defects: Sequence[Any]) -> dict[str, int]:
    c = Counter(d.severity for d in defects)
    return {s: c.get(s, 0) for s in SEVERITIES}


def summary(report: Any, defects: Sequence[Any], lang: str, name: str = "") -> str:
    """Title, agency, year and the counts by severity."""
    unknown = t("summary.unknown", lang)
    title = (getattr(report, "title", None) or name or unknown).replace("\n", "")
    agency = getattr(report, "agency", None) or unknown
    year = getattr(report, "year", None) or unknown
    c = counts(defects)
    lines = [
        t("summary.head", lang, title=title),
        t("summary.meta", lang, agency=agency, year=year),
        t("summary.counts", lang, errors=c["error"], warnings=c["warning"], info=c["info"]),
    ]
    if not defects:
        lines.append(t("summary.clean", lang))
    return "\n".join(lines)


def _location(defect: Any, lang: str) -> str:
    loc = getattr(defect, "location", None)
    if loc is None:
        return ""
    describe = getattr(loc, "describe", None)
    return describe(lang) if callable(describe) else str(loc)


def _text(value: Any, lang: str) -> str:
    return value(lang) if callable(value) else str(value or "")


def defect_block(defect: Any, lang: str, number: int) -> str:
    """One defect: [CODE] message, where, how to fix."""
    lines = [f"{number}. [{defect.code}] {_text(defect.message, lang)}"]
    where = _location(defect, lang)
    if where:
        lines.append(f"   {t('defect.location', lang)}{where}")
    hint = _text(getattr(defect, "hint", ""), lang)
    if hint:
        lines.append(f"   {t('defect.hint', lang)}{hint}")
    return "\n".join(lines)


def grouped_blocks(defects: Sequence[Any], lang: str) -> list[str]:
    """The defects grouped by severity (errors first), one block each, with
    a heading block before each group."""
    blocks: list[str] = []
    for severity in SEVERITIES:
        group = [d for d in defects if d.severity == severity]
        if not group:
            continue
        blocks.append(f"【{t('severity.' + severity, lang)}】({len(group)})")
        blocks.extend(defect_block(d, lang, i) for i, d in enumerate(group, 1))
    return blocks


def full_text(report: Any, defects: Sequence[Any], lang: str, name: str = "") -> str:
    """The whole result as one plain text, for the attached file."""
    return (
        summary(report, defects, lang, name) + "\n\n" + "\n\n".join(grouped_blocks(defects, lang))
    )


def check_messages(
    defects: Sequence[Any], lang: str, limit: int = LIMIT, max_messages: int = MAX_DEFECT_MESSAGES
) -> tuple[list[str], bool]:
    """The messages listing `defects`, and whether the full list must be
    attached as a file because it is longer than `max_messages` messages."""
    blocks = grouped_blocks(defects, lang)
    messages = pack(blocks, limit)
    if len(messages) <= max_messages:
        return messages, False
    # Keep the first messages' worth of blocks (errors come first) and say
    # how many more are in the attachment.
    budget = limit * max_messages
    kept: list[str] = []
    used = 0
    shown = 0
    for block in blocks:
        if used + len(block) + 2 > budget - 200:
            break
        kept.append(block)
        used += len(block) + 2
        if not block.startswith("【"):
            shown += 1
    kept.append(t("summary.more", lang, count=len(defects) - shown))
    return pack(kept, limit), True


def category_blocks(defects: Sequence[Any], category: str, lang: str) -> list[str]:
    group = [d for d in defects if d.category == category]
    head = t("category.header", lang, category=t("category." + category, lang), count=len(group))
    return [head, *(defect_block(d, lang, i) for i, d in enumerate(group, 1))]
