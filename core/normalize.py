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
