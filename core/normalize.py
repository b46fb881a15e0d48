"""Text normalisation shared by extractors, parser and checker."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
# Punctuation that varies between reports but never changes a label's meaning.
_LABEL_DROP = re.compile(r"[\s\"'“”‘’「」『』《》·・•]")
_LABEL_FOLD = str.maketrans({"、": ",", "，": ",", "．": ".", "。": ".", "；": ";", "：": ":"})


def fold(text: str) -> str:
    """Fold full-width digits, letters, brackets and spaces (U+3000, NBSP) to
    their half-width forms (NFKC)."""
    return unicodedata.normalize("NFKC", text)


def squash(text: str) -> str:
    """Fold and remove every whitespace character."""
    return _SPACE.sub("", fold(text))


def clean(text: str) -> str:
    """Fold and collapse runs of whitespace to one space; trim."""
    return _SPACE.sub(" ", fold(text)).strip()


@lru_cache(maxsize=16384)
def label_key(text: str) -> str:
    """The form in which two labels are compared: folded, no whitespace or
    quotes, list punctuation unified."""
    return _LABEL_DROP.sub("", fold(text)).translate(_LABEL_FOLD)


def is_blank(text: str) -> bool:
    return not fold(text).strip()


# Terminal escape sequences (CSI "ESC [ … final", OSC "ESC ] … BEL or ESC \",
# and two-character escapes), then every control character but tab and
# newline: C0, DEL, C1, and the bidirectional overrides that reorder what a
# terminal or a chat shows.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROLS = dict.fromkeys(
    (
        *range(0, 9),
        11,
        12,
        *range(14, 32),
        127,
        *range(0x80, 0xA0),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    )
)
_CONTROLS[13] = "\n"
# Markup declarations (a DOCTYPE with its entities, an XML declaration) left
# in the text of a file: never words of a report.
_DECLARATIONS = re.compile(
    r"<!DOCTYPE(?:[^\[>]|\[[^\]]*\])*>|<!(?:ENTITY|ELEMENT|ATTLIST)[^>]*>|<\?xml[^>]*\?>", re.I
)


def printable(text: str) -> str:
    """`text` without terminal escapes, control characters (tab and newline
    kept, a carriage return made a newline) or markup declarations: what
    may reach a title, a terminal, a chat or the database."""
    if text.isprintable():
        return text
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPES.sub("", text)
    return text.translate(_CONTROLS)


def without_declarations(text: str) -> str:
    return _DECLARATIONS.sub("", text) if "<!" in text or "<?" in text else text
